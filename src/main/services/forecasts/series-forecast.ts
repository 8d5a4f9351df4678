import { HORIZON_OF, SEASON_OF, type DemandBucket } from '../../../shared/domain/forecasts';
import { forecastSeries } from '../../forecasting/engine';
import { bucketStart, dayOfIsoDate, isoDateOfDay, nextBucketStart } from './calendar';
import type { DemandSeries } from './demand-history';

/** What is stored for one series: the engine's answer and the figures the screens and replenishment read. */
export interface SeriesForecast {
  productId: string;
  scope: string;
  bucket: DemandBucket;
  method: string;
  historyStart: string;
  /** The first forecast bucket is the one holding today. */
  forecastStart: string;
  season: number;
  bands: {
    forecast: number[];
    lo80: number[];
    hi80: number[];
    lo95: number[];
    hi95: number[];
    fitted: (number | null)[];
  };
  smape: number | null;
  mase: number | null;
  origins: number;
  rmse: number | null;
  next30: number;
  elapsedMs: number;
}

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

/** Root mean square of the one-step fitted errors where demand was seen in full (not censored). */
export function fittedRmse(values: number[], fitted: (number | null)[], censored: boolean[]): number | null {
  let sum = 0;
  let count = 0;
  values.forEach((value, i) => {
    const fit = fitted[i];
    if (fit === null || fit === undefined || censored[i]) return;
    sum += (value - fit) ** 2;
    count += 1;
  });
  return count === 0 ? null : Math.sqrt(sum / count);
}

/**
 * Forecast demand over the days [from, to): each bucket's forecast spread evenly over its
 * days, never below zero; days past the horizon repeat the last bucket's rate.
 */
export function demandBetween(
  forecast: { bucket: DemandBucket; forecastStart: string; values: number[] },
  from: number,
  to: number,
): number {
  if (forecast.values.length === 0) return 0;
  let total = 0;
  let start = dayOfIsoDate(forecast.forecastStart);
  for (let h = 0; h < forecast.values.length; h += 1) {
    const end = nextBucketStart(start, forecast.bucket);
    const overlapEnd = h === forecast.values.length - 1 ? to : Math.min(to, end);
    const overlap = Math.max(0, overlapEnd - Math.max(from, start));
    total += (Math.max(0, forecast.values[h]) / (end - start)) * overlap;
    start = end;
    if (start >= to) break;
  }
  return total;
}

/** Runs the engine on one series and derives what is stored with it. Pure: no database. */
export function forecastOne(series: DemandSeries, today: number): SeriesForecast {
  const began = performance.now();
  const season = SEASON_OF[series.bucket];
  const result = forecastSeries({
    values: series.values,
    censored: series.censored,
    season,
    horizon: HORIZON_OF[series.bucket],
  });
  const forecastStart = isoDateOfDay(bucketStart(today, series.bucket));
  return {
    productId: series.productId,
    scope: series.scope,
    bucket: series.bucket,
    method: result.method,
    historyStart: series.start,
    forecastStart,
    season,
    bands: {
      forecast: result.forecast,
      lo80: result.lo80,
      hi80: result.hi80,
      lo95: result.lo95,
      hi95: result.hi95,
      fitted: result.fitted,
    },
    smape: finiteOrNull(result.backtest.smape),
    mase: finiteOrNull(result.backtest.mase),
    origins: result.backtest.origins,
    rmse: fittedRmse(series.values, result.fitted, series.censored),
    next30: demandBetween({ bucket: series.bucket, forecastStart, values: result.forecast }, today, today + 30),
    elapsedMs: performance.now() - began,
  };
}
