// What every forecasting method hands back to the engine: point forecasts, the standard
// deviation of the h-step error (normal intervals are built from it) and in-sample fits.
export interface ModelFit {
  name: string;
  forecast: number[];
  sd: number[];
  fitted: (number | null)[];
  /**
   * The same model form (ETS components, ARIMA orders) with its parameters estimated
   * again on other data: what the backtest runs at each origin instead of a new search.
   */
  refit?: Method;
}

export interface SeriesInput {
  values: number[];
  season: number;
  horizon: number;
}

export type Method = (input: SeriesInput) => ModelFit | null;

export const Z80 = 1.2815515655446004;
export const Z95 = 1.959963984540054;

/** Standard deviation of one-step in-sample errors (null fits skipped), divided by n - k. */
export function residualSd(values: readonly number[], fitted: readonly (number | null)[], parameters = 0): number {
  let squares = 0;
  let count = 0;
  for (let t = 0; t < values.length; t++) {
    const fit = fitted[t];
    if (fit === null || fit === undefined || !Number.isFinite(fit)) continue;
    squares += (values[t] - fit) ** 2;
    count++;
  }
  const dof = Math.max(1, count - parameters);
  return Math.sqrt(squares / dof);
}
