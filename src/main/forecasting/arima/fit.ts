// Fits one ARMA(p,q)(P,Q)[m] model, with or without a constant, to an already differenced
// series, by CSS or by exact maximum likelihood. The optimiser works on unbounded
// numbers that map onto stationary AR and invertible MA polynomials (each seasonal and
// non-seasonal part separately), so every step it takes is a valid model.
import { nelderMead } from '../optimise';
import { css, exactLikelihood } from './likelihood';
import { fromPartialAutocorrelations } from './polynomial';

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

/** Coefficient arrays of one order, filled in place for every step of the optimiser. */
class Coefficients {
  readonly ar: number[];
  readonly ma: number[];
  readonly sar: number[];
  readonly sma: number[];
  /** Full polynomials, seasonal parts multiplied in. */
  readonly phi: number[];
  readonly theta: number[];
  mean = 0;
  private readonly work: number[];

  constructor(private readonly order: ArmaOrder) {
    const { p, q, P, Q, m } = order;
    this.ar = new Array<number>(p).fill(0);
    this.ma = new Array<number>(q).fill(0);
    this.sar = new Array<number>(P).fill(0);
    this.sma = new Array<number>(Q).fill(0);
    this.phi = new Array<number>(p + P * m).fill(0);
    this.theta = new Array<number>(q + Q * m).fill(0);
    this.work = new Array<number>(Math.max(p, q, P, Q, 1)).fill(0);
  }

  /** (1 − Σ arᵢBⁱ)(1 − Σ sarⱼB^{jm}) and (1 + Σ maᵢBⁱ)(1 + Σ smaⱼB^{jm}), in place. */
  decode(raw: readonly number[], centre: number, scale: number): this {
    const { p, q, P, Q, m, constant } = this.order;
    fromPartialAutocorrelations(raw, 0, p, this.ar, 1, this.work);
    fromPartialAutocorrelations(raw, p, q, this.ma, -1, this.work);
    fromPartialAutocorrelations(raw, p + q, P, this.sar, 1, this.work);
    fromPartialAutocorrelations(raw, p + q + P, Q, this.sma, -1, this.work);
    this.mean = constant ? centre + scale * raw[p + q + P + Q] : 0;
    const { phi, theta, ar, ma, sar, sma } = this;
    phi.fill(0);
    theta.fill(0);
    for (let i = 0; i < p; i++) phi[i] = ar[i];
    for (let j = 0; j < P; j++) {
      phi[(j + 1) * m - 1] += sar[j];
      for (let i = 0; i < p; i++) phi[i + (j + 1) * m] -= ar[i] * sar[j];
    }
    for (let i = 0; i < q; i++) theta[i] = ma[i];
    for (let j = 0; j < Q; j++) {
      theta[(j + 1) * m - 1] += sma[j];
      for (let i = 0; i < q; i++) theta[i + (j + 1) * m] += ma[i] * sma[j];
    }
    return this;
  }
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
  const coefficients = new Coefficients(order);
  const deviance = (raw: number[]) => {
    const model = coefficients.decode(raw, centre, scale);
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
  const decoded = coefficients.decode(best.x, centre, scale);
  const model = {
    ar: decoded.ar.slice(),
    ma: decoded.ma.slice(),
    sar: decoded.sar.slice(),
    sma: decoded.sma.slice(),
    mean: decoded.mean,
    phi: decoded.phi.slice(),
    theta: decoded.theta.slice(),
  };
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
