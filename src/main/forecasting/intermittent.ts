// Intermittent demand (many periods without any): Croston's method smooths the sizes of
// the non-zero demands and the intervals between them separately; SBA (Syntetos–Boylan)
// removes Croston's upward bias with the factor 1 − α/2; TSB (Teunter–Syntetos–Babai)
// smooths the probability of a demand every period, so an item that stops selling decays
// towards zero instead of keeping its last rate. The smoothing constants are picked from
// a small grid by the in-sample one-step mean squared error (Croston's own suggestion of
// 0.1–0.3 spans it). The forecast is flat, so the interval keeps the one-step spread.
import { residualSd, type ModelFit, type SeriesInput } from './model';

const ALPHAS = [0.05, 0.1, 0.2, 0.3];
const BETAS = [0.02, 0.05, 0.1, 0.2];

interface Smoothed {
  fitted: (number | null)[];
  next: number;
}

export function crostonPath(values: readonly number[], alpha: number, debias: boolean): Smoothed | null {
  const first = values.findIndex((value) => value > 0);
  if (first < 0) return null;
  let size = values[first];
  let interval = first + 1;
  let sinceLast = 0;
  const factor = debias ? 1 - alpha / 2 : 1;
  const fitted: (number | null)[] = values.map(() => null);
  for (let t = first + 1; t < values.length; t++) {
    fitted[t] = (factor * size) / interval;
    sinceLast++;
    if (values[t] > 0) {
      size += alpha * (values[t] - size);
      interval += alpha * (sinceLast - interval);
      sinceLast = 0;
    }
  }
  return { fitted, next: (factor * size) / interval };
}

function tsbPath(values: readonly number[], alpha: number, beta: number): Smoothed | null {
  const demands = values.filter((value) => value > 0);
  if (demands.length === 0) return null;
  let probability = demands.length / values.length;
  let size = demands[0];
  const fitted: (number | null)[] = [];
  for (const value of values) {
    fitted.push(probability * size);
    if (value > 0) {
      probability += beta * (1 - probability);
      size += alpha * (value - size);
    } else {
      probability -= beta * probability;
    }
  }
  return { fitted, next: probability * size };
}

function meanSquaredError(values: readonly number[], fitted: readonly (number | null)[]): number {
  let total = 0;
  let count = 0;
  for (let t = 0; t < values.length; t++) {
    const fit = fitted[t];
    if (fit === null) continue;
    total += (values[t] - fit) ** 2;
    count++;
  }
  return count === 0 ? Infinity : total / count;
}

function flat(name: string, values: readonly number[], best: Smoothed, horizon: number, parameters: number): ModelFit {
  const sigma = residualSd(values, best.fitted, parameters);
  return {
    name,
    forecast: Array.from({ length: horizon }, () => best.next),
    sd: Array.from({ length: horizon }, () => sigma),
    fitted: best.fitted,
  };
}

function enoughDemands(values: readonly number[]): boolean {
  let count = 0;
  for (const value of values) if (value > 0) count++;
  return count >= 2 && values.every((value) => value >= 0);
}

function croston(debias: boolean) {
  return ({ values, horizon }: SeriesInput): ModelFit | null => {
    if (!enoughDemands(values)) return null;
    let best: Smoothed | null = null;
    let bestError = Infinity;
    for (const alpha of ALPHAS) {
      const path = crostonPath(values, alpha, debias);
      const error = path ? meanSquaredError(values, path.fitted) : Infinity;
      if (path && error < bestError) [best, bestError] = [path, error];
    }
    return best ? flat(debias ? 'SBA' : 'Croston', values, best, horizon, 1) : null;
  };
}

export const crostonMethod = croston(false);
export const sbaMethod = croston(true);

export function tsbMethod({ values, horizon }: SeriesInput): ModelFit | null {
  if (!enoughDemands(values)) return null;
  let best: Smoothed | null = null;
  let bestError = Infinity;
  for (const alpha of ALPHAS) {
    for (const beta of BETAS) {
      const path = tsbPath(values, alpha, beta);
      const error = path ? meanSquaredError(values, path.fitted) : Infinity;
      if (path && error < bestError) [best, bestError] = [path, error];
    }
  }
  return best ? flat('TSB', values, best, horizon, 2) : null;
}

/** Average demand interval above 1.32 periods: Syntetos et al.'s line for intermittent demand. */
export function isIntermittent(values: readonly number[]): boolean {
  let demands = 0;
  for (const value of values) if (value > 0) demands++;
  return values.every((value) => value >= 0) && demands > 0 && values.length / demands > 1.32;
}
