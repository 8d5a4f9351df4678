import type { ForecastListRow } from '../../../shared/contract/forecasts';
import { HORIZON_OF, type DemandBucket } from '../../../shared/domain/forecasts';
import { AppError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import { dayOfIsoDate, isoDateOfDay, localDayOf, nextBucketStart } from './calendar';
import { ALL_SCOPE, demandHistory } from './demand-history';
import { saveForecasts } from './forecast-store';
import { forecastOne } from './series-forecast';

/** The stored forecasts of one scope and bucket size, by SKU, with stock and days of cover. */
export async function listForecasts(
  ctx: ServiceContext,
  query: { scope: string; bucket: DemandBucket },
): Promise<ForecastListRow[]> {
  const rows = await ctx.db
    .selectFrom('forecasts as f')
    .innerJoin('products as p', 'p.id', 'f.product_id')
    .leftJoin('stock_summaries as ss', (join) =>
      join.onRef('ss.product_id', '=', 'f.product_id').onRef('ss.scope', '=', 'f.scope'),
    )
    .select([
      'f.product_id as productId',
      'p.sku as sku',
      'p.name as name',
      'f.method as method',
      'f.next30 as next30',
      'ss.on_hand as onHand',
      'ss.available as available',
      'f.smape as smape',
      'f.mase as mase',
      'f.computed_at as computedAt',
    ])
    .where('f.scope', '=', query.scope)
    .where('f.bucket', '=', query.bucket)
    .where('p.status', '=', 'active')
    .orderBy('p.sku')
    .execute();
  return rows.map((row) => {
    const onHand = row.onHand ?? 0;
    return {
      ...row,
      onHand,
      available: row.available ?? 0,
      daysOfCover: row.next30 > 0 ? Math.max(0, onHand) / (row.next30 / 30) : null,
    };
  });
}

function periods(start: string, count: number, bucket: DemandBucket): string[] {
  const out: string[] = [];
  for (let day = dayOfIsoDate(start); out.length < count; day = nextBucketStart(day, bucket))
    out.push(isoDateOfDay(day));
  return out;
}

/**
 * One product's history and a fresh forecast of it in one scope, for the chart: the
 * engine runs here on this one series (a few milliseconds) and the result is stored
 * like a run's.
 */
export async function forecastChart(
  ctx: ServiceContext,
  query: { productId: string; scope: string; bucket: DemandBucket },
) {
  const product = await ctx.db
    .selectFrom('products')
    .select(['id', 'sku', 'name'])
    .where('id', '=', query.productId)
    .executeTakeFirst();
  if (!product) throw new AppError('NOT_FOUND', `No product with id ${query.productId}`, { entity: 'product' });
  const today = localDayOf(new Date());
  const history = await demandHistory(ctx, { bucket: query.bucket, productIds: [query.productId], today });
  const series = history.find((s) => s.scope === (query.scope || ALL_SCOPE));
  const base = {
    productId: product.id,
    sku: product.sku,
    name: product.name,
    scope: query.scope,
    bucket: query.bucket,
  };
  if (!series) return { ...base, history: null, forecast: null };
  const forecast = forecastOne(series, today);
  await saveForecasts(ctx.db, null, [forecast]);
  return {
    ...base,
    history: {
      periods: periods(series.start, series.values.length, query.bucket),
      values: series.values,
      censored: series.censored,
      fitted: forecast.bands.fitted,
    },
    forecast: {
      method: forecast.method,
      periods: periods(forecast.forecastStart, HORIZON_OF[query.bucket], query.bucket),
      values: forecast.bands.forecast,
      lo80: forecast.bands.lo80,
      hi80: forecast.bands.hi80,
      lo95: forecast.bands.lo95,
      hi95: forecast.bands.hi95,
      smape: forecast.smape,
      mase: forecast.mase,
      origins: forecast.origins,
      next30: forecast.next30,
      elapsedMs: forecast.elapsedMs,
    },
  };
}
