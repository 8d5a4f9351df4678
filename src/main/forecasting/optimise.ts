// Nelder–Mead simplex minimisation (Lagarias et al. 1998 coefficients). The methods
// map their bounded parameters to unbounded ones before calling it, so it never steps
// outside the stable region; a non-finite objective counts as +∞.

export interface Minimum {
  x: number[];
  value: number;
  evaluations: number;
}

export function nelderMead(
  objective: (x: number[]) => number,
  start: number[],
  { step = 0.5, maxEvaluations = 200 * start.length, tolerance = 1e-8 } = {},
): Minimum {
  const dim = start.length;
  let evaluations = 0;
  const f = (x: number[]) => {
    evaluations++;
    const value = objective(x);
    return Number.isFinite(value) ? value : Infinity;
  };
  if (dim === 0) return { x: [], value: f([]), evaluations };
  const simplex: number[][] = [start.slice()];
  for (let i = 0; i < dim; i++) {
    const vertex = start.slice();
    vertex[i] += vertex[i] === 0 ? step : step * Math.max(1, Math.abs(vertex[i]));
    simplex.push(vertex);
  }
  const values = simplex.map(f);
  const order = simplex.map((_, i) => i);
  const centroid = new Array<number>(dim);
  const along = (from: number[], to: number[], t: number) => from.map((v, i) => v + t * (to[i] - v));
  while (evaluations < maxEvaluations) {
    order.sort((a, b) => values[a] - values[b]);
    const best = order[0];
    const worst = order[dim];
    const secondWorst = order[dim - 1];
    if (Math.abs(values[worst] - values[best]) <= tolerance * (Math.abs(values[best]) + tolerance)) break;
    centroid.fill(0);
    for (const index of order.slice(0, dim)) for (let i = 0; i < dim; i++) centroid[i] += simplex[index][i] / dim;
    const reflected = along(centroid, simplex[worst], -1);
    const reflectedValue = f(reflected);
    if (reflectedValue < values[best]) {
      const expanded = along(centroid, simplex[worst], -2);
      const expandedValue = f(expanded);
      if (expandedValue < reflectedValue) [simplex[worst], values[worst]] = [expanded, expandedValue];
      else [simplex[worst], values[worst]] = [reflected, reflectedValue];
      continue;
    }
    if (reflectedValue < values[secondWorst]) {
      [simplex[worst], values[worst]] = [reflected, reflectedValue];
      continue;
    }
    const outside = reflectedValue < values[worst];
    const contracted = along(centroid, outside ? reflected : simplex[worst], 0.5);
    const contractedValue = f(contracted);
    if (contractedValue < (outside ? reflectedValue : values[worst])) {
      [simplex[worst], values[worst]] = [contracted, contractedValue];
      continue;
    }
    for (const index of order.slice(1)) {
      simplex[index] = along(simplex[best], simplex[index], 0.5);
      values[index] = f(simplex[index]);
    }
  }
  let bestIndex = 0;
  for (let i = 1; i <= dim; i++) if (values[i] < values[bestIndex]) bestIndex = i;
  return { x: simplex[bestIndex], value: values[bestIndex], evaluations };
}

export const logistic = (x: number) => 1 / (1 + Math.exp(-x));
