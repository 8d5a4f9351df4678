import type { DemandBucket } from '../../../shared/domain/forecasts';
import type { ServiceContext } from '../context';
import { ALL_WAREHOUSES } from '../inventory/summaries';
import { bucketStart, bucketStarts, isoDateOfDay, localDayOf, nextBucketStart } from './calendar';

/** Every warehouse together: the same key the stock totals use, so forecasts join them. */
export const ALL_SCOPE = ALL_WAREHOUSES;

/** One product's demand in one scope, oldest bucket first, from its first sale to the last complete bucket. */
export interface DemandSeries {
  productId: string;
  scope: string;
  bucket: DemandBucket;
  /** ISO date of the first bucket. */
  start: string;
  values: number[];
  /** True where the product was out of stock for at least half the bucket's days. */
  censored: boolean[];
}

export interface DemandQuery {
  bucket: DemandBucket;
  /** Only these products; all when absent. */
  productIds?: string[];
  /** Today in the shop's calendar; history ends with the bucket before today's. */
  today?: number;
}

const seriesKey = (productId: string, scope: string) => `${productId}\u0000${scope}`;

/**
 * The hour (UTC, `YYYY-MM-DDTHH`) → the shop's day. Queries group by UTC hour, which any
 * SQL database can do with substr; the local day is then found here, once per hour seen.
 */
function hourToDay() {
  const cache = new Map<string, number>();
  return (hour: string): number => {
    let day = cache.get(hour);
    if (day === undefined) {
      day = localDayOf(new Date(`${hour}:00:00Z`));
      cache.set(hour, day);
    }
    return day;
  };
}

type DailyTotals = Map<string, Map<number, number>>;

function add(totals: DailyTotals, key: string, day: number, quantity: number): void {
  let days = totals.get(key);
  if (!days) totals.set(key, (days = new Map()));
  days.set(day, (days.get(day) ?? 0) + quantity);
}

/**
 * Units sold per product × warehouse (and over all warehouses) per day: lines of orders
 * that were placed (not drafts) and not cancelled, on the day they were placed, less the
 * units that came back on returns that were received (returned units were not demand, so
 * they are taken off the day they were sold, not the day they came back).
 *
 * The lines are streamed and summed here rather than grouped in SQL: grouping by the hour
 * barely shrinks two years of lines, and sorting them for it took three times as long.
 */
async function dailyDemand(ctx: ServiceContext, productIds?: string[]): Promise<DailyTotals> {
  const dayOf = hourToDay();
  const totals: DailyTotals = new Map();
  let sold = ctx.db
    .selectFrom('order_lines as l')
    .innerJoin('orders as o', 'o.id', 'l.order_id')
    .select([
      'l.product_id as productId',
      'o.warehouse_id as warehouseId',
      'o.placed_at as at',
      'l.quantity as quantity',
    ])
    .where('o.status', 'not in', ['draft', 'cancelled'])
    .where('l.product_id', 'is not', null);
  if (productIds) sold = sold.where('l.product_id', 'in', productIds);
  let returned = ctx.db
    .selectFrom('return_lines as rl')
    .innerJoin('returns as r', 'r.id', 'rl.return_id')
    .innerJoin('orders as o', 'o.id', 'rl.order_id')
    .select([
      'rl.product_id as productId',
      'o.warehouse_id as warehouseId',
      'o.placed_at as at',
      'rl.quantity as quantity',
    ])
    .where('r.status', 'in', ['received', 'inspected', 'processed', 'refunded'])
    .where('o.status', 'not in', ['draft', 'cancelled'])
    .where('rl.product_id', 'is not', null);
  if (productIds) returned = returned.where('rl.product_id', 'in', productIds);
  for (const [query, sign] of [
    [sold, 1],
    [returned, -1],
  ] as const) {
    for await (const row of query.stream(2000)) {
      if (row.productId === null) continue;
      const day = dayOf(row.at.slice(0, 13));
      const quantity = sign * row.quantity;
      add(totals, seriesKey(row.productId, ALL_SCOPE), day, quantity);
      if (row.warehouseId !== null) add(totals, seriesKey(row.productId, row.warehouseId), day, quantity);
    }
  }
  return totals;
}

/**
 * Days each product was out of stock, per warehouse and over all: days that began with
 * nothing on hand and took in nothing that could have brought stock above zero. Days
 * before a product's first movement are unknown, not out of stock; products that allow
 * backorders keep selling at zero, so they are never out.
 */
async function stockOutDays(
  ctx: ServiceContext,
  today: number,
  productIds?: string[],
): Promise<Map<string, Set<number>>> {
  const dayOf = hourToDay();
  let query = ctx.db
    .selectFrom('stock_movements as m')
    .innerJoin('locations as loc', 'loc.id', 'm.location_id')
    .innerJoin('products as p', 'p.id', 'm.product_id')
    .select((eb) => [
      'm.product_id as productId',
      'loc.warehouse_id as warehouseId',
      eb.fn<string>('substr', ['m.at', eb.val(1), eb.val(13)]).as('hour'),
      eb.fn.sum<number>('m.on_hand_delta').as('net'),
      eb.fn
        .sum<number>(eb.case().when('m.on_hand_delta', '>', 0).then(eb.ref('m.on_hand_delta')).else(0).end())
        .as('inflow'),
    ])
    .where('m.on_hand_delta', '!=', 0)
    .where('p.allow_backorder', '=', 0)
    .groupBy(['m.product_id', 'loc.warehouse_id', 'hour']);
  if (productIds) query = query.where('m.product_id', 'in', productIds);
  const movements = new Map<string, Map<number, { net: number; inflow: number }>>();
  const note = (key: string, day: number, net: number, inflow: number) => {
    let days = movements.get(key);
    if (!days) movements.set(key, (days = new Map()));
    const seen = days.get(day);
    if (seen) {
      seen.net += net;
      seen.inflow += inflow;
    } else days.set(day, { net, inflow });
  };
  for (const row of await query.execute()) {
    const day = dayOf(row.hour);
    note(seriesKey(row.productId, row.warehouseId), day, Number(row.net), Number(row.inflow));
    note(seriesKey(row.productId, ALL_SCOPE), day, Number(row.net), Number(row.inflow));
  }
  const out = new Map<string, Set<number>>();
  for (const [key, days] of movements) {
    const first = Math.min(...days.keys());
    const outDays = new Set<number>();
    let onHand = 0;
    for (let day = first; day < today; day += 1) {
      const moved = days.get(day);
      if (onHand <= 0 && onHand + (moved?.inflow ?? 0) <= 0) outDays.add(day);
      onHand += moved?.net ?? 0;
    }
    if (outDays.size > 0) out.set(key, outDays);
  }
  return out;
}

/**
 * Demand history per product × scope in one bucket size, zero-filled, with censored
 * buckets marked. One aggregate query for sales, one for returns, one for the ledger,
 * however many products are asked for.
 */
export async function demandHistory(ctx: ServiceContext, query: DemandQuery): Promise<DemandSeries[]> {
  const today = query.today ?? localDayOf(new Date());
  const demand = await dailyDemand(ctx, query.productIds);
  const outs = await stockOutDays(ctx, today, query.productIds);
  const series: DemandSeries[] = [];
  for (const [key, days] of demand) {
    const [productId, scope] = key.split('\u0000');
    const sold = [...days].filter(([day, quantity]) => day < today && quantity !== 0);
    if (sold.length === 0) continue;
    const first = Math.min(...sold.map(([day]) => day));
    const starts = bucketStarts(first, today, query.bucket);
    if (starts.length === 0) continue;
    const index = new Map(starts.map((start, i) => [start, i]));
    const values = new Array<number>(starts.length).fill(0);
    for (const [day, quantity] of sold) values[index.get(bucketStart(day, query.bucket)) as number] += quantity;
    const outDays = outs.get(key);
    const censored = starts.map((start) => {
      if (!outDays) return false;
      const end = nextBucketStart(start, query.bucket);
      let count = 0;
      for (let day = start; day < end; day += 1) if (outDays.has(day)) count += 1;
      return count * 2 >= end - start;
    });
    series.push({
      productId,
      scope,
      bucket: query.bucket,
      start: isoDateOfDay(starts[0]),
      // Returns can outnumber sales in a bucket; demand is never negative.
      values: values.map((v) => Math.max(0, v)),
      censored,
    });
  }
  return series;
}
