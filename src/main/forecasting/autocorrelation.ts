// Sample autocorrelations r_1..r_maxLag (the biased estimator, as R's acf()).
export function autocorrelations(values: readonly number[], maxLag: number): number[] {
  const n = values.length;
  const centre = values.reduce((a, b) => a + b, 0) / n;
  let variance = 0;
  for (const value of values) variance += (value - centre) ** 2;
  const result: number[] = [];
  for (let lag = 1; lag <= maxLag; lag++) {
    let total = 0;
    for (let t = lag; t < n; t++) total += (values[t] - centre) * (values[t - lag] - centre);
    result.push(variance > 0 ? total / variance : 0);
  }
  return result;
}

/** Is the autocorrelation at the seasonal lag significant at 90 % (two-sided), Bartlett's variance? */
export function seasonalAutocorrelation(values: readonly number[], m: number): boolean {
  const n = values.length;
  if (m < 2 || n < 2 * m) return false;
  const r = autocorrelations(values, m);
  let bartlett = 1;
  for (let lag = 0; lag < m - 1; lag++) bartlett += 2 * r[lag] ** 2;
  return Math.abs(r[m - 1]) / Math.sqrt(bartlett / n) > 1.6448536269514722;
}
