// Forecast accuracy as the M competitions score it. sMAPE is on the 0–200 scale with
// 0/0 counted as a perfect forecast (zero demand forecast as zero); MASE scales the mean
// absolute error by the in-sample mean absolute error of the seasonal naive forecast,
// falling back to the naive step and then to 1 when the history is flat.

export function naiveScale(history: readonly number[], season: number): number {
  for (const m of season > 1 && history.length > season ? [season, 1] : [1]) {
    let total = 0;
    let count = 0;
    for (let t = m; t < history.length; t++) {
      total += Math.abs(history[t] - history[t - m]);
      count++;
    }
    if (count > 0 && total > 0) return total / count;
  }
  return 1;
}

export function smapeTerm(actual: number, forecast: number): number {
  const denominator = Math.abs(actual) + Math.abs(forecast);
  return denominator === 0 ? 0 : (200 * Math.abs(actual - forecast)) / denominator;
}

export function smape(actual: readonly number[], forecast: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < actual.length; i++) total += smapeTerm(actual[i], forecast[i]);
  return actual.length === 0 ? 0 : total / actual.length;
}

export function mase(
  actual: readonly number[],
  forecast: readonly number[],
  history: readonly number[],
  season: number,
): number {
  return scaledError(actual, forecast, naiveScale(history, season));
}

/** MASE with the naive scale already known (the same history scores many forecasts). */
export function scaledError(actual: readonly number[], forecast: readonly number[], scale: number): number {
  let total = 0;
  for (let i = 0; i < actual.length; i++) total += Math.abs(actual[i] - forecast[i]);
  return actual.length === 0 ? 0 : total / actual.length / scale;
}
