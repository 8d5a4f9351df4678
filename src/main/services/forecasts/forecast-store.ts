import type { Kysely } from 'kysely';
import type { Database } from '../../database/schema';
import { nowIso } from '../context';
import type { SeriesForecast } from './series-forecast';

/** Writes forecasts, replacing each series' earlier one; 200 rows per statement. */
export async function saveForecasts(
  db: Kysely<Database>,
  runId: string | null,
  forecasts: SeriesForecast[],
): Promise<void> {
  const computedAt = nowIso();
  for (let i = 0; i < forecasts.length; i += 200) {
    const rows = forecasts.slice(i, i + 200).map((f) => ({
      product_id: f.productId,
      scope: f.scope,
      bucket: f.bucket,
      run_id: runId,
      method: f.method,
      history_start: f.historyStart,
      forecast_start: f.forecastStart,
      season: f.season,
      forecast: JSON.stringify(f.bands),
      smape: f.smape,
      mase: f.mase,
      origins: f.origins,
      rmse: f.rmse,
      next30: f.next30,
      computed_at: computedAt,
      elapsed_ms: f.elapsedMs,
    }));
    await db
      .insertInto('forecasts')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['product_id', 'scope', 'bucket']).doUpdateSet((eb) => ({
          run_id: eb.ref('excluded.run_id'),
          method: eb.ref('excluded.method'),
          history_start: eb.ref('excluded.history_start'),
          forecast_start: eb.ref('excluded.forecast_start'),
          season: eb.ref('excluded.season'),
          forecast: eb.ref('excluded.forecast'),
          smape: eb.ref('excluded.smape'),
          mase: eb.ref('excluded.mase'),
          origins: eb.ref('excluded.origins'),
          rmse: eb.ref('excluded.rmse'),
          next30: eb.ref('excluded.next30'),
          computed_at: eb.ref('excluded.computed_at'),
          elapsed_ms: eb.ref('excluded.elapsed_ms'),
        })),
      )
      .execute();
  }
}

export function parseBands(json: string): SeriesForecast['bands'] {
  return JSON.parse(json) as SeriesForecast['bands'];
}
