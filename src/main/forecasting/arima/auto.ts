// Automatic ARIMA after Hyndman & Khandakar (2008), as R's auto.arima(): the seasonal
// difference D from the seasonal strength, then d from repeated KPSS tests; then a
// stepwise search over (p,q)(P,Q) and the constant, starting from four models and moving
// to the best neighbour (±1 on one order, on p and q together, on P and Q together, the
// constant on or off) while AICc falls. The search ranks models by CSS likelihood; the
// chosen one is refitted by exact maximum likelihood (a Kalman filter) when its state is
// small enough, else kept with its CSS estimates.
import type { ModelFit, SeriesInput } from '../model';
import { fitArma, type ArmaFit, type ArmaOrder } from './fit';
import { exactLikelihood } from './likelihood';
import { difference, differencing, multiplyAr, psiWeights } from './polynomial';
import { nonSeasonalDifferences, seasonalDifferences } from './unit-root';

const MAX_P = 5;
const MAX_Q = 5;
const MAX_SEASONAL = 2;
const MAX_ORDER = 5;
const MAX_MODELS = 94;
/** The exact likelihood costs O(r²) per point for a state of size r: above this n·r² CSS stays. */
const MAX_EXACT_WORK = 40_000;
/** Seasonal terms need at least this many whole seasons after differencing. */
const MIN_SEASONS = 2;

export interface ArimaModel {
  fit: ArmaFit;
  d: number;
  D: number;
  m: number;
}

export function arimaName({ fit, d, D, m }: ArimaModel): string {
  const { p, q, P, Q } = fit.order;
  const seasonal = m > 1 && (P > 0 || Q > 0 || D > 0) ? `(${P},${D},${Q})[${m}]` : '';
  const constant = fit.order.constant ? (d + D === 0 ? ' with non-zero mean' : ' with drift') : '';
  return `ARIMA(${p},${d},${q})${seasonal}${constant}`;
}

const key = (o: ArmaOrder) => `${o.p},${o.q},${o.P},${o.Q},${o.constant}`;

export function autoArima(values: readonly number[], season: number): ArimaModel | null {
  const m = season > 1 ? season : 1;
  const D = m > 1 ? seasonalDifferences(values, m) : 0;
  let x = values.slice();
  if (D === 1) x = difference(x, m);
  const d = nonSeasonalDifferences(x);
  for (let i = 0; i < d; i++) x = difference(x, 1);
  if (x.length < 6) return null;
  const seasonalAllowed = m > 1 && x.length >= MIN_SEASONS * m + 4;
  const constantAllowed = d + D <= 1;
  const tried = new Map<string, ArmaFit | null>();
  const attempt = (order: ArmaOrder): ArmaFit | null => {
    const k = key(order);
    if (tried.has(k)) return tried.get(k) ?? null;
    if (tried.size >= MAX_MODELS) return null;
    const valid =
      order.p >= 0 &&
      order.q >= 0 &&
      order.P >= 0 &&
      order.Q >= 0 &&
      order.p <= MAX_P &&
      order.q <= MAX_Q &&
      order.P <= (seasonalAllowed ? MAX_SEASONAL : 0) &&
      order.Q <= (seasonalAllowed ? MAX_SEASONAL : 0) &&
      order.p + order.q + order.P + order.Q <= MAX_ORDER &&
      (constantAllowed || !order.constant);
    // CSS conditions on the first p + P·m points: where that is much of the series its
    // likelihood says little, so such orders are not tried.
    const conditioned = order.p + order.P * m <= x.length / 3;
    const fit = valid && conditioned ? fitArma(x, order, 'CSS') : null;
    tried.set(k, fit);
    return fit;
  };
  const seasonalStart = seasonalAllowed ? 1 : 0;
  const starts: ArmaOrder[] = [
    { p: 2, q: 2, P: seasonalStart, Q: seasonalStart, m, constant: constantAllowed },
    { p: 0, q: 0, P: 0, Q: 0, m, constant: constantAllowed },
    { p: 1, q: 0, P: seasonalStart, Q: 0, m, constant: constantAllowed },
    { p: 0, q: 1, P: 0, Q: seasonalStart, m, constant: constantAllowed },
  ];
  if (constantAllowed) starts.push({ p: 0, q: 0, P: 0, Q: 0, m, constant: false });
  let best: ArmaFit | null = null;
  for (const order of starts) {
    const fit = attempt(order);
    if (fit && (!best || fit.aicc < best.aicc)) best = fit;
  }
  if (!best) return null;
  let improved = true;
  while (improved) {
    improved = false;
    const o: ArmaOrder = best.order;
    const neighbours: ArmaOrder[] = [];
    for (const [dp, dq, dP, dQ] of [
      [0, 0, -1, 0],
      [0, 0, 1, 0],
      [0, 0, 0, -1],
      [0, 0, 0, 1],
      [0, 0, -1, -1],
      [0, 0, 1, 1],
      [-1, 0, 0, 0],
      [1, 0, 0, 0],
      [0, -1, 0, 0],
      [0, 1, 0, 0],
      [-1, -1, 0, 0],
      [1, 1, 0, 0],
      [-1, 1, 0, 0],
      [1, -1, 0, 0],
      [0, 0, -1, 1],
      [0, 0, 1, -1],
    ]) {
      neighbours.push({ ...o, p: o.p + dp, q: o.q + dq, P: o.P + dP, Q: o.Q + dQ });
    }
    if (constantAllowed) neighbours.push({ ...o, constant: !o.constant });
    for (const order of neighbours) {
      const fit = attempt(order);
      if (fit && fit.aicc < best.aicc) {
        best = fit;
        improved = true;
        break;
      }
    }
  }
  const r = Math.max(best.phi.length, best.theta.length + 1);
  if (x.length * r * r <= MAX_EXACT_WORK) {
    // Started from the CSS optimum, a looser stop than the reference fits' changes the
    // coefficients in the fourth decimal and halves the work.
    const exact = fitArma(x, best.order, 'ML', best.raw, 1e-8);
    if (exact) best = exact;
  }
  return { fit: best, d, D, m };
}

/** Point forecasts and h-step standard deviations on the original scale. */
export function arimaForecast(model: ArimaModel, values: readonly number[], horizon: number) {
  const { fit, d, D, m } = model;
  let w = values.slice();
  if (D === 1) w = difference(w, m);
  for (let i = 0; i < d; i++) w = difference(w, 1);
  const centred = w.map((v) => v - fit.mean);
  const future = forecastArma(centred, fit, horizon).map((v) => v + fit.mean);
  // Undo the differencing: y_t = w_t + Σ δ_i y_{t−i} with (1 − Σδ_i Bⁱ) = (1−B)^d (1−B^m)^D.
  const delta = differencing(d, D, m);
  const y = values.slice();
  for (let h = 0; h < horizon; h++) {
    let value = future[h];
    delta.forEach((coefficient, i) => (value += coefficient * y[y.length - 1 - i]));
    y.push(value);
  }
  const psi = psiWeights(multiplyAr(fit.phi, delta), fit.theta, horizon);
  let cumulative = 0;
  const sd = psi.map((weight) => {
    cumulative += weight * weight;
    return Math.sqrt(fit.sigma2 * cumulative);
  });
  return { forecast: y.slice(values.length), sd, residuals: residualsOf(centred, fit) };
}

function residualsOf(centred: number[], fit: ArmaFit): number[] {
  if (fit.method === 'ML') {
    const result = exactLikelihood(centred, fit.phi, fit.theta, true);
    if (result) return Array.from(result.innovations);
  }
  const n = centred.length;
  const e = new Array<number>(n).fill(0);
  for (let t = 0; t < n; t++) {
    let value = centred[t];
    fit.phi.forEach((c, i) => t - i - 1 >= 0 && (value -= c * centred[t - i - 1]));
    fit.theta.forEach((c, j) => t - j - 1 >= 0 && (value -= c * e[t - j - 1]));
    e[t] = value;
  }
  return e;
}

function forecastArma(centred: number[], fit: ArmaFit, horizon: number): number[] {
  const e = residualsOf(centred, fit);
  const w = centred.slice();
  const errors = e.slice();
  for (let h = 0; h < horizon; h++) {
    const t = w.length;
    let value = 0;
    fit.phi.forEach((c, i) => t - i - 1 >= 0 && (value += c * w[t - i - 1]));
    fit.theta.forEach((c, j) => t - j - 1 >= 0 && (value += c * errors[t - j - 1]));
    w.push(value);
    errors.push(0);
  }
  return w.slice(centred.length);
}

function arimaFit(model: ArimaModel, values: readonly number[], horizon: number): ModelFit {
  const { forecast, sd, residuals } = arimaForecast(model, values, horizon);
  const lost = values.length - residuals.length;
  const fitted = values.map((value, t) => (t < lost ? null : value - residuals[t - lost]));
  return {
    name: arimaName(model),
    forecast,
    sd,
    fitted,
    refit: (input) => {
      const again = refitArima(model, input.values);
      return again ? arimaFit(again, input.values, input.horizon) : null;
    },
  };
}

/** The same orders and differencing, coefficients estimated by CSS on other data. */
function refitArima(model: ArimaModel, values: readonly number[]): ArimaModel | null {
  let x = values.slice();
  if (model.D === 1) x = difference(x, model.m);
  for (let i = 0; i < model.d; i++) x = difference(x, 1);
  const fit = fitArma(x, model.fit.order, 'CSS', model.fit.raw);
  return fit ? { ...model, fit } : null;
}

export function arimaMethod({ values, season, horizon }: SeriesInput): ModelFit | null {
  const model = autoArima(values, season);
  return model ? arimaFit(model, values, horizon) : null;
}
