// Fits one ARMA(p,q)(P,Q)[m] model, with or without a constant, to an already differenced
// series, by CSS or by exact maximum likelihood. The optimiser works on unbounded
// numbers that map onto stationary AR and invertible MA polynomials (each seasonal and
// non-seasonal part separately), so every step it takes is a valid model.
import { nelderMead } from '../optimise';
import { css, exactLikelihood } from './likelihood';
import { fromPartialAutocorrelations, multiplyAr, multiplyMa, spread } from './polynomial';

export interface ArmaOrder {
  p: number;
  q: number;
  P: number;
  Q: number;
  m: number;
  constant: boolean;
}

export type FitMethod = 'CSS' | 'ML';

export interface ArmaFit {
  order: ArmaOrder;
  method: FitMethod;
  ar: number[];
  ma: number[];
  sar: number[];
  sma: number[];
  mean: number;
  /** Full AR and MA polynomials (seasonal parts multiplied in). */
  phi: number[];
  theta: number[];
  sigma2: number;
  deviance: number;
  aicc: number;
  used: number;
  /** The optimiser's coordinates, to start a refit from. */
  raw: number[];
}

export function parameterCount(order: ArmaOrder): number {
  return order.p + order.q + order.P + order.Q + (order.constant ? 1 : 0);
}

function decode(order: ArmaOrder, raw: readonly number[], centre: number, scale: number) {
  let i = 0;
  const take = (k: number) => raw.slice(i, (i += k));
  const ar = fromPartialAutocorrelations(take(order.p));
  const ma = fromPartialAutocorrelations(take(order.q)).map((v) => -v);
  const sar = fromPartialAutocorrelations(take(order.P));
  const sma = fromPartialAutocorrelations(take(order.Q)).map((v) => -v);
  const mean = order.constant ? centre + scale * raw[i] : 0;
  return {
    ar,
    ma,
    sar,
    sma,
    mean,
    phi: order.P === 0 ? ar : multiplyAr(ar, spread(sar, order.m)),
    theta: order.Q === 0 ? ma : multiplyMa(ma, spread(sma, order.m)),
  };
}

export function fitArma(
  w: readonly number[],
  order: ArmaOrder,
  method: FitMethod,
  start?: readonly number[],
  /** Stop when −2 log L changes by less than this share; the order search needs few digits. */
  tolerance = method === 'ML' ? 1e-10 : 1e-7,
): ArmaFit | null {
  const n = w.length;
  const k = parameterCount(order);
  if (n - order.p - order.P * order.m <= k + 2) return null;
  const centre = w.reduce((a, b) => a + b, 0) / n;
  const spreadOfW = Math.sqrt(w.reduce((a, v) => a + (v - centre) ** 2, 0) / Math.max(1, n - 1));
  const scale = Math.max(spreadOfW / Math.sqrt(n), 1e-8 * Math.max(1, Math.abs(centre)));
  const deviance = (raw: number[]) => {
    const model = decode(order, raw, centre, scale);
    if (method === 'CSS') return css(w, model.phi, model.theta, model.mean).deviance;
    return exactLikelihood(w, model.phi, model.theta, false, model.mean)?.deviance ?? Infinity;
  };
  const x0 = start ? start.slice() : new Array<number>(k).fill(0);
  const budget = (tolerance < 1e-9 ? 80 : 25) * Math.max(1, k);
  let best = nelderMead(deviance, x0, { step: start ? 0.1 : 0.3, maxEvaluations: budget, tolerance });
  if (k > 0 && tolerance < 1e-9) {
    // A restart from the optimum escapes a simplex that collapsed early.
    const again = nelderMead(deviance, best.x, { step: 0.05, maxEvaluations: budget / 2, tolerance });
    if (again.value <= best.value) best = again;
  }
  if (!Number.isFinite(best.value)) return null;
  const model = decode(order, best.x, centre, scale);
  const result =
    method === 'CSS'
      ? css(w, model.phi, model.theta, model.mean)
      : exactLikelihood(w, model.phi, model.theta, false, model.mean);
  if (!result) return null;
  const parameters = k + 1;
  const used = result.used;
  const aicc =
    used - parameters - 1 > 0
      ? result.deviance + 2 * parameters + (2 * parameters * (parameters + 1)) / (used - parameters - 1)
      : Infinity;
  return { order, method, ...model, sigma2: result.sigma2, deviance: result.deviance, aicc, used, raw: best.x };
}
