// Classical decomposition's seasonal indices: a centred moving average of one season
// (2×m for even m) estimates the trend; the ratios (or differences) to it, averaged per
// position in the season and normalised to mean 1 (or 0), are the seasonal indices.
// Index i belongs to the positions t with t mod m = i.

export function classicalSeasonal(
  y: readonly number[],
  m: number,
  multiplicative: boolean,
  trend: readonly (number | null)[] = centredMovingAverage(y, m),
): number[] {
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  y.forEach((value, t) => {
    const level = trend[t];
    if (level === null || level === undefined) return;
    sums[t % m] += multiplicative ? value / level : value - level;
    counts[t % m]++;
  });
  const raw = sums.map((total, i) => (counts[i] > 0 ? total / counts[i] : multiplicative ? 1 : 0));
  const centre = raw.reduce((a, b) => a + b, 0) / m;
  return raw.map((value) => (multiplicative ? value / centre : value - centre));
}

/** The trend of classical decomposition; null where the window does not fit. */
export function centredMovingAverage(y: readonly number[], m: number): (number | null)[] {
  const trend: (number | null)[] = y.map(() => null);
  const half = Math.floor(m / 2);
  for (let t = half; t + half < y.length; t++) {
    let total = 0;
    if (m % 2 === 1) {
      for (let k = -half; k <= half; k++) total += y[t + k];
    } else {
      total = (y[t - half] + y[t + half]) / 2;
      for (let k = -half + 1; k < half; k++) total += y[t + k];
    }
    trend[t] = total / m;
  }
  return trend;
}
