// The forecasting engine: one call forecasts one equally spaced series. Candidates are
// fitted on the history cut at a few rolling origins and scored on what followed; the
// method (or the average of the best two or three, which often beats any single one) with
// the lowest mean MASE is then fitted on the whole history. See docs/forecasting.md.
import { AppError, type FieldIssue } from '../../shared/errors';
import { naiveScale, scaledError, smapeTerm } from './accuracy';
import { uncensor } from './censoring';
import { isIntermittent } from './intermittent';
import { defaultCandidates, METHOD_NAMES, METHODS, type MethodName } from './methods';
import { Z80, Z95, type ModelFit } from './model';

export { METHOD_NAMES, type MethodName } from './methods';

export interface ForecastRequest {
  /** Equally spaced history, oldest first. */
  values: number[];
  /** Period m (7 daily, 52 weekly, 12 monthly); absent = no season. */
  season?: number;
  horizon: number;
  /** True where demand was cut by a stock-out: not a true low. */
  censored?: boolean[];
  /** Restrict the candidates; default: automatic choice. */
  methods?: MethodName[];
}

export interface ForecastResult {
  method: string;
  forecast: number[];
  lo80: number[];
  hi80: number[];
  lo95: number[];
  hi95: number[];
  fitted: (number | null)[];
  backtest: { smape: number; mase: number; origins: number };
}

const MAX_ORIGINS = 3;
const MAX_COMBINED = 3;

interface Scored {
  methods: MethodName[];
  smape: number;
  mase: number;
  origins: number;
}

function validate(request: ForecastRequest): void {
  const issues: FieldIssue[] = [];
  if (!Array.isArray(request.values) || request.values.length === 0) {
    issues.push({ path: 'values', message: 'Give at least one value.' });
  } else {
    request.values.forEach((value, index) => {
      if (typeof value !== 'number' || !Number.isFinite(value))
        issues.push({ path: `values.${index}`, message: 'Must be a finite number.' });
    });
  }
  if (!Number.isInteger(request.horizon) || request.horizon < 1)
    issues.push({ path: 'horizon', message: 'Must be a whole number of periods, at least 1.' });
  if (request.season !== undefined && (!Number.isInteger(request.season) || request.season < 1))
    issues.push({ path: 'season', message: 'Must be a whole number of periods, at least 1.' });
  if (request.censored !== undefined && request.censored.length !== request.values?.length)
    issues.push({ path: 'censored', message: 'Needs one flag per value.' });
  for (const [index, method] of (request.methods ?? []).entries()) {
    if (!(METHOD_NAMES as readonly string[]).includes(method))
      issues.push({ path: `methods.${index}`, message: `Unknown method; one of ${METHOD_NAMES.join(', ')}.` });
  }
  if (request.methods !== undefined && request.methods.length === 0)
    issues.push({ path: 'methods', message: 'Name at least one method, or leave it out.' });
  if (issues.length > 0) throw new AppError('VALIDATION', 'The forecast request is not valid.', { issues });
}

function fitMethod(name: MethodName, values: number[], season: number, horizon: number): ModelFit | null {
  const method = METHODS[name];
  return method ? usable(method({ values, season, horizon })) : null;
}

function usable(fit: ModelFit | null): ModelFit | null {
  return fit && fit.forecast.every(Number.isFinite) && fit.sd.every(Number.isFinite) ? fit : null;
}

function origins(n: number, season: number, horizon: number): { cut: number; length: number }[] {
  const minimumTraining = Math.max(season > 1 ? season + 4 : 6, 6);
  const length = Math.min(horizon, Math.max(1, n - minimumTraining));
  const step = Math.max(1, Math.floor(length / 2));
  const result: { cut: number; length: number }[] = [];
  for (let i = 0; i < MAX_ORIGINS; i++) {
    const cut = n - length - i * step;
    if (cut < minimumTraining) break;
    result.push({ cut, length });
  }
  return result;
}

function average(rows: number[][]): number[] {
  return rows[0].map((_, i) => rows.reduce((total, row) => total + row[i], 0) / rows.length);
}

function score(
  fits: Map<MethodName, ModelFit>,
  values: number[],
  raw: readonly number[],
  censored: readonly boolean[] | undefined,
  season: number,
  horizon: number,
): Scored[] {
  const cuts = origins(values.length, season, horizon);
  if (cuts.length === 0) return [];
  const floor = floorFor(raw);
  const forecasts = new Map<MethodName, number[][]>();
  for (const [name, full] of fits) {
    const perOrigin: number[][] = [];
    for (const { cut, length } of cuts) {
      const input = { values: values.slice(0, cut), season, horizon: length };
      const fit = usable(full.refit ? full.refit(input) : METHODS[name]!(input));
      if (!fit) break;
      perOrigin.push(fit.forecast);
    }
    if (perOrigin.length === cuts.length) forecasts.set(name, perOrigin);
  }
  // Each origin's naive scale depends on its history alone: worked out once, not per candidate.
  const scales = cuts.map(({ cut }) => naiveScale(values.slice(0, cut), season));
  const evaluate = (methods: MethodName[]): Scored => {
    let smapeTotal = 0;
    let smapeCount = 0;
    let maseTotal = 0;
    cuts.forEach(({ cut, length }, o) => {
      const predicted = average(methods.map((name) => forecasts.get(name)![o]));
      const actual: number[] = [];
      const kept: number[] = [];
      for (let h = 0; h < length; h++) {
        if (censored?.[cut + h]) continue;
        actual.push(raw[cut + h]);
        kept.push(floor(predicted[h]));
        smapeTotal += smapeTerm(raw[cut + h], kept[kept.length - 1]);
        smapeCount++;
      }
      maseTotal += scaledError(actual, kept, scales[o]);
    });
    return {
      methods,
      smape: smapeCount === 0 ? 0 : smapeTotal / smapeCount,
      mase: maseTotal / cuts.length,
      origins: cuts.length,
    };
  };
  const singles = [...forecasts.keys()].map((name) => evaluate([name]));
  singles.sort((a, b) => a.mase - b.mase || a.smape - b.smape);
  const combined: Scored[] = [];
  for (let k = 2; k <= Math.min(MAX_COMBINED, singles.length); k++) {
    combined.push(evaluate(singles.slice(0, k).map((single) => single.methods[0])));
  }
  return [...singles, ...combined].sort((a, b) => a.mase - b.mase || a.smape - b.smape);
}

/** Cuts forecasts at zero when the history never went below it (demand, sales). */
function floorFor(history: readonly number[]): (value: number) => number {
  return history.every((v) => v >= 0) ? (value) => Math.max(0, value) : (value) => value;
}

export function forecastSeries(request: ForecastRequest): ForecastResult {
  validate(request);
  const season = request.season ?? 1;
  const { horizon } = request;
  const values = uncensor(request.values, request.censored, season);
  const candidates = request.methods ?? defaultCandidates(isIntermittent(values), season);
  const fits = new Map<MethodName, ModelFit>();
  for (const name of candidates) {
    const fit = fitMethod(name, values, season, horizon);
    if (fit) fits.set(name, fit);
  }
  const ranking = score(fits, values, request.values, request.censored, season, horizon);
  const first = fits.keys().next();
  const choice: Scored | undefined =
    ranking[0] ?? (first.done ? undefined : { methods: [first.value], smape: NaN, mase: NaN, origins: 0 });
  if (choice) {
    const chosen = choice.methods.map((name) => fits.get(name)!);
    return assemble(chosen, request.values, choice, horizon);
  }
  const fallback = fitMethod('naive', values, 1, horizon) ?? constant(values, horizon);
  return assemble([fallback], request.values, { methods: ['naive'], smape: NaN, mase: NaN, origins: 0 }, horizon);
}

function constant(values: readonly number[], horizon: number): ModelFit {
  const last = values[values.length - 1];
  return {
    name: 'Naive',
    forecast: Array.from({ length: horizon }, () => last),
    sd: Array.from({ length: horizon }, () => 0),
    fitted: values.map(() => null),
  };
}

function assemble(fits: ModelFit[], history: readonly number[], choice: Scored, horizon: number): ForecastResult {
  const floor = floorFor(history);
  const band = (z: number, sign: 1 | -1) =>
    average(fits.map((fit) => fit.forecast.map((f, h) => f + sign * z * fit.sd[h]))).map(floor);
  const fitted = history.map((_, t) => {
    const points = fits.map((fit) => fit.fitted[t]);
    return points.every((point) => point !== null && Number.isFinite(point))
      ? (points as number[]).reduce((total, point) => total + point, 0) / points.length
      : null;
  });
  return {
    method: fits.length === 1 ? fits[0].name : `Combination(${fits.map((fit) => fit.name).join(', ')})`,
    forecast: average(fits.map((fit) => fit.forecast))
      .slice(0, horizon)
      .map(floor),
    lo80: band(Z80, -1),
    hi80: band(Z80, 1),
    lo95: band(Z95, -1),
    hi95: band(Z95, 1),
    fitted,
    backtest: { smape: choice.smape, mase: choice.mase, origins: choice.origins },
  };
}
