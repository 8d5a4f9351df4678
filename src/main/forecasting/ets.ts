// Exponential smoothing state space models ETS(error, trend, season) after Hyndman,
// Koehler, Ord & Snyder (2008): error A/M, trend N/A/Ad, season N/A/M; additive error
// with multiplicative season is left out as numerically unstable (as R's ets() does by
// default). The state updates written in terms of the one-step error e = y − μ are the
// same for additive and multiplicative error; the error type changes the likelihood
//   −2 log L = n log(Σ ε²/n) + 2 Σ log|μ| (multiplicative: ε = e/μ)   [+ constants],
// which is minimised over α, β, γ, φ (kept inside 0<α<1, 0<β<α, 0<γ<1−α, 0.8≤φ≤0.98 by
// logistic maps) and the initial level and slope. The initial seasonal states come from
// a classical decomposition of the first seasons. Models are compared by AICc.
import { classicalSeasonal } from './decomposition';
import { logistic, nelderMead } from './optimise';
import { type ModelFit, type SeriesInput } from './model';

export type ErrorType = 'A' | 'M';
export type TrendType = 'N' | 'A' | 'Ad';
export type SeasonType = 'N' | 'A' | 'M';

export interface EtsSpec {
  error: ErrorType;
  trend: TrendType;
  season: SeasonType;
}

export interface EtsModel extends EtsSpec {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
  level: number;
  slope: number;
  seasonal: number[];
  /** The optimiser's coordinates, to start a refit from. */
  raw: number[];
  aicc: number;
  sigma2: number;
  fitted: number[];
  /** States after the last observation. */
  last: { level: number; slope: number; seasonal: number[] };
}

export const MAX_ETS_SEASON = 24;

const PHI_LOW = 0.8;
const PHI_HIGH = 0.98;

export function etsName(spec: EtsSpec): string {
  return `ETS(${spec.error},${spec.trend},${spec.season})`;
}

function initialLevelSlope(values: readonly number[], seasonal: number[], season: SeasonType, m: number) {
  const k = Math.min(values.length, Math.max(10, season === 'N' ? 10 : 2 * m));
  const adjusted = values.slice(0, k).map((value, t) => {
    if (season === 'A') return value - seasonal[t % m];
    if (season === 'M') return value / seasonal[t % m];
    return value;
  });
  const xs = adjusted.map((_, t) => t + 1);
  const xMean = xs.reduce((a, b) => a + b, 0) / k;
  const yMean = adjusted.reduce((a, b) => a + b, 0) / k;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < k; i++) {
    sxy += (xs[i] - xMean) * (adjusted[i] - yMean);
    sxx += (xs[i] - xMean) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  return {
    level: yMean - slope * xMean,
    slope,
    spread: Math.sqrt(adjusted.reduce((a, v) => a + (v - yMean) ** 2, 0) / k),
  };
}

interface Run {
  loss: number;
  sse: number;
  fitted: number[];
  last: { level: number; slope: number; seasonal: number[] };
}

// The optimiser runs the recursions thousands of times per series: the seasonal states
// live in one reused buffer and the loop tests plain booleans, not the model's letters.
let seasonalScratch = new Float64Array(64);

/** −2 log L (without constants); +∞ when a multiplicative model leaves positive ground. */
function recurse(
  spec: EtsSpec,
  values: readonly number[],
  m: number,
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  level0: number,
  slope0: number,
  seasonal0: readonly number[],
  out: Run | null,
): number {
  const n = values.length;
  if (seasonalScratch.length < m) seasonalScratch = new Float64Array(2 * m);
  const seasonal = seasonalScratch;
  for (let i = 0; i < seasonal0.length; i++) seasonal[i] = seasonal0[i];
  const trend = spec.trend !== 'N';
  const additiveSeason = spec.season === 'A';
  const multiplicativeSeason = spec.season === 'M';
  const multiplicativeError = spec.error === 'M';
  const damp = spec.trend === 'Ad' ? phi : 1;
  let level = level0;
  let slope = trend ? slope0 : 0;
  let sse = 0;
  let logSum = 0;
  for (let t = 0; t < n; t++) {
    const base = level + damp * slope;
    const position = additiveSeason || multiplicativeSeason ? t % m : 0;
    const s = additiveSeason || multiplicativeSeason ? seasonal[position] : 0;
    const mu = additiveSeason ? base + s : multiplicativeSeason ? base * s : base;
    if (out) out.fitted[t] = mu;
    const e = values[t] - mu;
    if (multiplicativeError) {
      if (!(mu > 0)) return Infinity;
      const relative = e / mu;
      sse += relative * relative;
      logSum += Math.log(mu);
    } else {
      sse += e * e;
    }
    if (multiplicativeSeason) {
      if (!(s > 0) || !(base > 0)) return Infinity;
      level = base + (alpha * e) / s;
      if (trend) slope = damp * slope + (beta * e) / s;
      seasonal[position] = s + (gamma * e) / base;
    } else {
      level = base + alpha * e;
      if (trend) slope = damp * slope + beta * e;
      if (additiveSeason) seasonal[position] = s + gamma * e;
    }
  }
  const loss = n * Math.log(sse / n) + 2 * logSum;
  if (!Number.isFinite(loss)) return Infinity;
  if (out) {
    out.loss = loss;
    out.sse = sse;
    out.last = { level, slope, seasonal: Array.from(seasonal.subarray(0, seasonal0.length)) };
  }
  return loss;
}

/** `warm`: the optimiser coordinates of the same model fitted before, to start from. */
export function fitEts(spec: EtsSpec, values: readonly number[], season: number, warm?: number[]): EtsModel | null {
  const n = values.length;
  const m = spec.season === 'N' ? 1 : season;
  if (spec.season !== 'N' && (m < 2 || m > MAX_ETS_SEASON || n < 2 * m)) return null;
  if ((spec.error === 'M' || spec.season === 'M') && !values.every((value) => value > 0)) return null;
  if (spec.error === 'A' && spec.season === 'M') return null;
  const seasonal0 = spec.season === 'N' ? [] : classicalSeasonal(values.slice(0, 3 * m), m, spec.season === 'M');
  const start = initialLevelSlope(values, seasonal0, spec.season, m);
  const scale = Math.max(start.spread, Math.abs(start.level) * 0.01, 1e-6);
  const parameters = 1 + (spec.trend !== 'N' ? 1 : 0) + (spec.season !== 'N' ? 1 : 0) + (spec.trend === 'Ad' ? 1 : 0);
  const states = 1 + (spec.trend !== 'N' ? 1 : 0) + (spec.season !== 'N' ? m - 1 : 0);
  const k = parameters + states + 1;
  if (n <= parameters + states + 4) return null;
  const decode = (x: number[]) => {
    let i = 0;
    const alpha = 0.0001 + 0.9998 * logistic(x[i++]);
    const beta = spec.trend !== 'N' ? alpha * logistic(x[i++]) : 0;
    const gamma = spec.season !== 'N' ? (1 - alpha) * logistic(x[i++]) : 0;
    const phi = spec.trend === 'Ad' ? PHI_LOW + (PHI_HIGH - PHI_LOW) * logistic(x[i++]) : 1;
    const level = start.level + scale * x[i++];
    const slope = spec.trend !== 'N' ? start.slope + (scale / 10) * x[i] : 0;
    return { alpha, beta, gamma, phi, level, slope };
  };
  const objective = (x: number[]) => {
    const p = decode(x);
    return recurse(spec, values, m, p.alpha, p.beta, p.gamma, p.phi, p.level, p.slope, seasonal0, null);
  };
  const x0: number[] = [-1.4];
  if (spec.trend !== 'N') x0.push(-2.2);
  if (spec.season !== 'N') x0.push(-3);
  if (spec.trend === 'Ad') x0.push(2.5);
  x0.push(0);
  if (spec.trend !== 'N') x0.push(0);
  const smoothing = x0.length - (spec.trend !== 'N' ? 2 : 1);
  if (warm) for (let i = 0; i < smoothing; i++) x0[i] = warm[i];
  const best = nelderMead(objective, x0, {
    step: warm ? 0.3 : 1,
    maxEvaluations: (warm ? 20 : 40) * x0.length,
    tolerance: 1e-7,
  });
  const p = decode(best.x);
  const final: Run = {
    loss: Infinity,
    sse: 0,
    fitted: new Array<number>(n),
    last: { level: 0, slope: 0, seasonal: [] },
  };
  recurse(spec, values, m, p.alpha, p.beta, p.gamma, p.phi, p.level, p.slope, seasonal0, final);
  if (!Number.isFinite(final.loss)) return null;
  const minus2LogL = final.loss + n * (1 + Math.log(2 * Math.PI));
  const aicc = minus2LogL + 2 * k + (n - k - 1 > 0 ? (2 * k * (k + 1)) / (n - k - 1) : Infinity);
  return {
    ...spec,
    ...p,
    seasonal: seasonal0,
    raw: best.x,
    aicc,
    sigma2: final.sse / Math.max(1, n - parameters - states),
    fitted: final.fitted,
    last: final.last,
  };
}

export function etsForecast(model: EtsModel, horizon: number, season: number): { forecast: number[]; sd: number[] } {
  const m = model.season === 'N' ? 1 : season;
  const { level, slope, seasonal } = model.last;
  const n = model.fitted.length;
  const damp = model.trend === 'Ad' ? model.phi : 1;
  const forecast: number[] = [];
  const sd: number[] = [];
  let dampSum = 0;
  let spread = 1;
  for (let h = 1; h <= horizon; h++) {
    dampSum += damp ** h;
    const base = level + (model.trend === 'N' ? 0 : dampSum * slope);
    const s = model.season === 'N' ? 0 : seasonal[(n + h - 1) % m];
    const mu = model.season === 'A' ? base + s : model.season === 'M' ? base * s : base;
    forecast.push(mu);
    const scale = model.error === 'M' ? mu : 1;
    sd.push(Math.sqrt(model.sigma2 * spread) * Math.abs(scale));
    const c = model.alpha + model.beta * dampSum + (model.season !== 'N' && h % m === 0 ? model.gamma : 0);
    spread += c * c;
  }
  return { forecast, sd };
}

export const ETS_SPECS: EtsSpec[] = (['A', 'M'] as ErrorType[]).flatMap((error) =>
  (['N', 'A', 'Ad'] as TrendType[]).flatMap((trend) =>
    (['N', 'A', 'M'] as SeasonType[]).map((season) => ({ error, trend, season })),
  ),
);

/** The ETS model with the lowest AICc among those that fit the data. */
export function autoEts(values: readonly number[], season: number): EtsModel | null {
  let best: EtsModel | null = null;
  for (const spec of ETS_SPECS) {
    const model = fitEts(spec, values, season);
    if (model && (!best || model.aicc < best.aicc)) best = model;
  }
  return best;
}

function etsFit(model: EtsModel, season: number, horizon: number): ModelFit {
  const { forecast, sd } = etsForecast(model, horizon, season);
  return {
    name: etsName(model),
    forecast,
    sd,
    fitted: model.fitted,
    refit: (input) => {
      const again = fitEts(model, input.values, input.season, model.raw);
      return again ? etsFit(again, input.season, input.horizon) : null;
    },
  };
}

export function etsMethod({ values, season, horizon }: SeriesInput): ModelFit | null {
  const model = autoEts(values, season);
  return model ? etsFit(model, season, horizon) : null;
}
