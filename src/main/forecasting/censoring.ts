// A period whose demand was cut by a stock-out recorded what was sold, not what was asked
// for: a lower bound of demand. Before fitting, such a point is raised to the typical
// demand around it (the uncensored values one season before and after, else the nearest
// uncensored neighbours), never lowered. Backtests do not score censored points.

const NEIGHBOURS = 2;

export function uncensor(
  values: readonly number[],
  censored: readonly boolean[] | undefined,
  season: number,
): number[] {
  if (!censored || !censored.some(Boolean)) return [...values];
  const n = values.length;
  const clean = (t: number) => t >= 0 && t < n && !censored[t];
  return values.map((value, t) => {
    if (!censored[t]) return value;
    let references: number[] = [];
    if (season > 1) references = [t - season, t + season].filter(clean).map((s) => values[s]);
    if (references.length === 0) {
      for (let step = 1; step < n && references.length < 2 * NEIGHBOURS; step++) {
        if (clean(t - step)) references.push(values[t - step]);
        if (clean(t + step)) references.push(values[t + step]);
      }
    }
    if (references.length === 0) return value;
    const typical = references.reduce((total, reference) => total + reference, 0) / references.length;
    return Math.max(value, typical);
  });
}
