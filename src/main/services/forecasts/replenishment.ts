import type { Suggestion } from '../../../shared/contract/forecasts';
import type { DemandBucket, ReplenishmentSettings } from '../../../shared/domain/forecasts';
import type { PurchaseOrder } from '../../../shared/contract/purchasing';
import { AppError, type FieldIssue } from '../../../shared/errors';
import { Z80 } from '../../forecasting/model';
import type { ServiceContext } from '../context';
import { createPurchaseOrder } from '../purchasing/purchase-orders';
import { isoDateOfDay, localDayOf } from './calendar';
import { parseBands } from './forecast-store';
import { normalQuantile } from './normal-quantile';
import { getReplenishmentSettings } from './replenishment-settings';
import { demandBetween } from './series-forecast';

/** Mean days per bucket, to scale one bucket's forecast error to a lead time. */
const BUCKET_DAYS: Record<DemandBucket, number> = { day: 1, week: 7, month: 365.25 / 12 };
export interface PolicyInput {
  today: number;
  leadTimeDays: number;
  unitCost: number;
  onHand: number;
  reserved: number;
  onOrder: number;
  forecast: { bucket: DemandBucket; forecastStart: string; values: number[]; hi80: number[] };
  /** One-bucket forecast error; null: taken from the 80 % band of the first bucket. */
  rmse: number | null;
  settings: Pick<ReplenishmentSettings, 'serviceLevelPercent' | 'orderingCost' | 'holdingRatePercent'>;
}

export interface Policy {
  leadTimeDemand: number;
  safetyStock: number;
  reorderPoint: number;
  /** Null when there is no unit cost or no demand to size an order from. */
  economicOrderQuantity: number | null;
  orderUpTo: number;
  /** On hand + on order − reserved. */
  position: number;
  suggested: number;
}

/**
 * A continuous-review (s, S) policy for one product in one warehouse.
 * - Lead-time demand is the forecast over the lead time starting today, so a seasonal
 *   item's reorder point rises before its season and falls after it.
 * - Safety stock = z(service level) × one-bucket error × √(lead time in buckets), the
 *   error being the RMSE of the model's one-step fitted errors on uncensored buckets.
 * - EOQ = √(2 × annual demand × ordering cost / (unit cost × holding rate)), annual
 *   demand being the forecast over the next 365 days.
 * - Order-up-to S = reorder point + EOQ (or 30 days of demand without a cost).
 * - When the position (on hand + on order − reserved) is at or below the reorder point,
 *   the suggestion brings it up to S; otherwise nothing.
 */
export function replenishmentPolicy(input: PolicyInput): Policy {
  const { forecast, settings, today } = input;
  const z = normalQuantile(settings.serviceLevelPercent / 100);
  const leadTimeDemand = demandBetween(forecast, today, today + input.leadTimeDays);
  // The 80 % band's half-width over its z is the error when no fitted errors exist.
  const sigma = input.rmse ?? Math.max(0, ((forecast.hi80[0] ?? 0) - (forecast.values[0] ?? 0)) / Z80);
  const safetyStock = Math.max(0, z * sigma * Math.sqrt(input.leadTimeDays / BUCKET_DAYS[forecast.bucket]));
  const reorderPoint = Math.ceil(leadTimeDemand + safetyStock);
  const annualDemand = demandBetween(forecast, today, today + 365);
  const holding = (input.unitCost * settings.holdingRatePercent) / 100;
  const economicOrderQuantity =
    holding > 0 && annualDemand > 0 ? Math.ceil(Math.sqrt((2 * annualDemand * settings.orderingCost) / holding)) : null;
  const batch = economicOrderQuantity ?? Math.ceil(demandBetween(forecast, today, today + 30));
  const orderUpTo = reorderPoint + Math.max(1, batch);
  const position = input.onHand + input.onOrder - input.reserved;
  return {
    leadTimeDemand,
    safetyStock,
    reorderPoint,
    economicOrderQuantity,
    orderUpTo,
    position,
    suggested: position <= reorderPoint ? Math.max(0, orderUpTo - position) : 0,
  };
}

/**
 * Units on purchase orders not yet received, per product × warehouse. Unlike the stock
 * screens' incoming figure this counts drafts too: a draft made from these suggestions
 * is already the answer to them, and must not be suggested a second time.
 */
function onOrder(ctx: ServiceContext, warehouseId?: string) {
  let q = ctx.db
    .selectFrom('purchase_order_lines as l')
    .innerJoin('purchase_orders as po', 'po.id', 'l.purchase_order_id')
    .select(['l.product_id as productId', 'po.warehouse_id as warehouseId'])
    .select((eb) => eb.fn.sum<number>(eb('l.quantity_ordered', '-', eb.ref('l.quantity_received'))).as('quantity'))
    .where('po.status', 'in', ['draft', 'ordered', 'partially_received'])
    .where((eb) => eb('l.quantity_ordered', '>', eb.ref('l.quantity_received')))
    .groupBy(['l.product_id', 'po.warehouse_id']);
  if (warehouseId) q = q.where('po.warehouse_id', '=', warehouseId);
  return q.execute();
}

/**
 * Reorder suggestions per product × warehouse, from the stored forecasts of the bucket
 * size the settings name. Only products with a forecast for that warehouse appear.
 */
export async function reorderSuggestions(
  ctx: ServiceContext,
  query: { warehouseId?: string; onlyToOrder: boolean },
): Promise<Suggestion[]> {
  const settings = await getReplenishmentSettings(ctx);
  const today = localDayOf(new Date());
  let rows = ctx.db
    .selectFrom('forecasts as f')
    .innerJoin('products as p', 'p.id', 'f.product_id')
    .innerJoin('warehouses as w', 'w.id', 'f.scope')
    .leftJoin('suppliers as s', 's.id', 'p.supplier_id')
    .leftJoin('stock_summaries as ss', (join) =>
      join.onRef('ss.product_id', '=', 'f.product_id').onRef('ss.scope', '=', 'f.scope'),
    )
    .select([
      'f.product_id as productId',
      'p.sku as sku',
      'p.name as name',
      'w.id as warehouseId',
      'w.code as warehouseCode',
      's.id as supplierId',
      's.name as supplierName',
      'p.lead_time_days as productLeadTime',
      's.lead_time_days as supplierLeadTime',
      'p.cost as unitCost',
      'ss.on_hand as onHand',
      'ss.reserved as reserved',
      'f.method as method',
      'f.bucket as bucket',
      'f.forecast_start as forecastStart',
      'f.forecast as bands',
      'f.rmse as rmse',
      'f.next30 as next30',
    ])
    .where('f.bucket', '=', settings.bucket)
    .where('p.status', '=', 'active')
    .where('w.active', '=', 1);
  if (query.warehouseId) rows = rows.where('w.id', '=', query.warehouseId);
  const found = await rows.orderBy('p.sku').orderBy('w.code').execute();

  const incoming = new Map<string, number>();
  for (const row of await onOrder(ctx, query.warehouseId)) {
    incoming.set(`${row.productId}|${row.warehouseId}`, Number(row.quantity));
  }

  const suggestions = found.map((row): Suggestion => {
    const bands = parseBands(row.bands);
    const leadTimeDays = row.productLeadTime ?? row.supplierLeadTime ?? settings.defaultLeadTimeDays;
    const stock = {
      onHand: row.onHand ?? 0,
      reserved: row.reserved ?? 0,
      onOrder: incoming.get(`${row.productId}|${row.warehouseId}`) ?? 0,
    };
    const policy = replenishmentPolicy({
      today,
      leadTimeDays,
      unitCost: row.unitCost,
      ...stock,
      forecast: { bucket: row.bucket, forecastStart: row.forecastStart, values: bands.forecast, hi80: bands.hi80 },
      rmse: row.rmse,
      settings,
    });
    return {
      productId: row.productId,
      sku: row.sku,
      name: row.name,
      warehouseId: row.warehouseId,
      warehouseCode: row.warehouseCode,
      supplierId: row.supplierId,
      supplierName: row.supplierName,
      method: row.method,
      leadTimeDays,
      unitCost: row.unitCost,
      ...stock,
      next30: row.next30,
      ...policy,
    };
  });
  return query.onlyToOrder ? suggestions.filter((s) => s.suggested > 0) : suggestions;
}

/**
 * Turns accepted suggestions into draft purchase orders, one per supplier and
 * warehouse, at each product's current cost, expected after the longest lead time.
 */
export async function draftPurchaseOrders(
  ctx: ServiceContext,
  lines: Array<{ productId: string; warehouseId: string; quantity: number }>,
): Promise<PurchaseOrder[]> {
  const settings = await getReplenishmentSettings(ctx);
  const products = await ctx.db
    .selectFrom('products as p')
    .leftJoin('suppliers as s', 's.id', 'p.supplier_id')
    .select([
      'p.id as id',
      'p.sku as sku',
      'p.cost as cost',
      'p.supplier_id as supplierId',
      'p.lead_time_days as productLeadTime',
      's.lead_time_days as supplierLeadTime',
    ])
    .where(
      'p.id',
      'in',
      lines.map((l) => l.productId),
    )
    .execute();
  const byId = new Map(products.map((p) => [p.id, p]));
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    const product = byId.get(line.productId);
    if (!product) issues.push({ path: `lines.${i}.productId`, message: `No product with id ${line.productId}` });
    else if (!product.supplierId)
      issues.push({ path: `lines.${i}.productId`, message: `${product.sku} has no supplier to order from` });
    const key = `${line.productId}|${line.warehouseId}`;
    if (seen.has(key)) issues.push({ path: `lines.${i}`, message: 'Each product once per warehouse' });
    seen.add(key);
  });
  if (issues.length > 0) throw new AppError('VALIDATION', 'Some suggestions cannot be ordered', { issues });

  const groups = new Map<string, { supplierId: string; warehouseId: string; leadTime: number; lines: typeof lines }>();
  for (const line of lines) {
    const product = byId.get(line.productId) as (typeof products)[number];
    const supplierId = product.supplierId as string;
    const key = `${supplierId}|${line.warehouseId}`;
    const leadTime = product.productLeadTime ?? product.supplierLeadTime ?? settings.defaultLeadTimeDays;
    const group = groups.get(key) ?? { supplierId, warehouseId: line.warehouseId, leadTime: 0, lines: [] };
    group.leadTime = Math.max(group.leadTime, leadTime);
    group.lines.push(line);
    groups.set(key, group);
  }
  const today = localDayOf(new Date());
  const orders: PurchaseOrder[] = [];
  for (const group of groups.values()) {
    orders.push(
      await createPurchaseOrder(ctx, {
        supplierId: group.supplierId,
        warehouseId: group.warehouseId,
        expectedOn: isoDateOfDay(today + group.leadTime),
        notes: 'From reorder suggestions',
        lines: group.lines.map((line) => ({
          productId: line.productId,
          quantity: line.quantity,
          unitCost: byId.get(line.productId)?.cost ?? 0,
        })),
      }),
    );
  }
  return orders;
}
