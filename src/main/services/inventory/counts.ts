import type { StockCount } from '../../../shared/contract/counts';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit';
import { lookupProduct } from '../catalog/products';
import { nowIso, type ServiceContext } from '../context';
import { nextDocumentNumber } from '../document-numbers';
import { newId } from '../ids';
import { postMovements, type MovementInput } from './ledger';

export async function listCounts(ctx: ServiceContext, status?: StockCount['status']) {
  let q = ctx.db
    .selectFrom('stock_counts as c')
    .innerJoin('warehouses', 'warehouses.id', 'c.warehouse_id')
    .select([
      'c.id as id',
      'c.number as number',
      'c.warehouse_id as warehouseId',
      'warehouses.code as warehouseCode',
      'c.status as status',
      'c.blind as blind',
      'c.created_at as createdAt',
      'c.posted_at as postedAt',
    ]);
  if (status) q = q.where('c.status', '=', status);
  const rows = await q.orderBy('c.created_at', 'desc').limit(200).execute();
  return rows.map((r) => ({ ...r, blind: r.blind === 1 }));
}

/**
 * A count as shown to whoever asks: in a blind count the expected quantities stay hidden
 * until it is posted (review shows them to the person who posts).
 */
export async function getCount(ctx: ServiceContext, id: string): Promise<StockCount> {
  const count = await ctx.db
    .selectFrom('stock_counts as c')
    .innerJoin('warehouses', 'warehouses.id', 'c.warehouse_id')
    .selectAll('c')
    .select('warehouses.code as warehouse_code')
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!count) throw new AppError('NOT_FOUND', `No stock count with id ${id}`, { entity: 'count', id });
  const locations = await ctx.db
    .selectFrom('stock_count_locations as cl')
    .innerJoin('locations', 'locations.id', 'cl.location_id')
    .select(['locations.id as id', 'locations.code as code'])
    .where('cl.count_id', '=', id)
    .orderBy('locations.code')
    .execute();
  const lines = await ctx.db
    .selectFrom('stock_count_lines as l')
    .innerJoin('products', 'products.id', 'l.product_id')
    .innerJoin('locations', 'locations.id', 'l.location_id')
    .leftJoin('stock_balances as b', (join) =>
      join.onRef('b.product_id', '=', 'l.product_id').onRef('b.location_id', '=', 'l.location_id'),
    )
    .select([
      'l.product_id as productId',
      'products.sku as sku',
      'products.name as name',
      'l.location_id as locationId',
      'locations.code as locationCode',
      'l.counted as counted',
      'b.on_hand as onHand',
    ])
    .where('l.count_id', '=', id)
    .orderBy('locations.code')
    .orderBy('products.sku')
    .execute();
  const showExpected = count.blind === 0 || count.status !== 'open';
  return {
    id: count.id,
    number: count.number,
    warehouseId: count.warehouse_id,
    warehouseCode: count.warehouse_code,
    status: count.status,
    blind: count.blind === 1,
    createdAt: count.created_at,
    postedAt: count.posted_at,
    locations,
    lines: lines.map(({ onHand, ...line }) => ({ ...line, expected: showExpected ? (onHand ?? 0) : null })),
  };
}

export async function startCount(
  ctx: ServiceContext,
  input: { warehouseId: string; locationIds?: string[]; blind: boolean },
): Promise<StockCount> {
  const bins = await ctx.db
    .selectFrom('locations')
    .select('id')
    .where('warehouse_id', '=', input.warehouseId)
    .where('active', '=', 1)
    .$if(Boolean(input.locationIds?.length), (q) => q.where('id', 'in', input.locationIds as string[]))
    .execute();
  if (bins.length === 0 || (input.locationIds && bins.length !== new Set(input.locationIds).size)) {
    throw new AppError('VALIDATION', 'Choose active bins of the warehouse being counted', {
      issues: [{ path: 'locationIds', message: 'Not all of them are active bins of this warehouse' }],
    });
  }
  const busy = await ctx.db
    .selectFrom('stock_count_locations as cl')
    .innerJoin('stock_counts as c', 'c.id', 'cl.count_id')
    .select('c.number')
    .where('c.status', '=', 'open')
    .where(
      'cl.location_id',
      'in',
      bins.map((b) => b.id),
    )
    .executeTakeFirst();
  if (busy) throw new AppError('CONFLICT', `Some of these bins are already being counted in ${busy.number}`);
  const id = newId();
  await ctx.db
    .insertInto('stock_counts')
    .values({
      id,
      number: await nextDocumentNumber(ctx, 'CNT'),
      warehouse_id: input.warehouseId,
      status: 'open',
      blind: input.blind ? 1 : 0,
      created_by: ctx.actor?.id ?? null,
      created_at: nowIso(),
      posted_at: null,
    })
    .execute();
  await ctx.db
    .insertInto('stock_count_locations')
    .values(bins.map((b) => ({ count_id: id, location_id: b.id })))
    .execute();
  await recordAudit(ctx, { action: 'count.started', entity: 'count', entityId: id, details: input });
  return getCount(ctx, id);
}

async function openCount(ctx: ServiceContext, id: string): Promise<StockCount> {
  const count = await getCount(ctx, id);
  if (count.status !== 'open') throw new AppError('INVALID_STATE', `Count ${count.number} is ${count.status}`);
  return count;
}

/** A scan (or a typed quantity) for the product with this barcode or SKU in a bin of the count. */
export async function recordCount(
  ctx: ServiceContext,
  input: { id: string; locationId: string; code: string; quantity: number; mode: 'add' | 'set' },
): Promise<StockCount> {
  const count = await openCount(ctx, input.id);
  if (!count.locations.some((l) => l.id === input.locationId)) {
    throw new AppError('VALIDATION', 'That bin is not part of this count', {
      issues: [{ path: 'locationId', message: 'Not in this count' }],
    });
  }
  const product = await lookupProduct(ctx, input.code);
  const now = nowIso();
  const balance = await ctx.db
    .selectFrom('stock_balances')
    .select('on_hand')
    .where('product_id', '=', product.id)
    .where('location_id', '=', input.locationId)
    .executeTakeFirst();
  await ctx.db
    .insertInto('stock_count_lines')
    .values({
      count_id: input.id,
      product_id: product.id,
      location_id: input.locationId,
      counted: input.quantity,
      expected: balance?.on_hand ?? 0,
      counted_by: ctx.actor?.id ?? null,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['count_id', 'location_id', 'product_id']).doUpdateSet((eb) => ({
        counted: input.mode === 'set' ? input.quantity : eb('stock_count_lines.counted', '+', input.quantity),
        counted_by: ctx.actor?.id ?? null,
        updated_at: now,
      })),
    )
    .execute();
  return getCount(ctx, input.id);
}

export interface ReviewLine {
  productId: string;
  sku: string;
  name: string;
  locationId: string;
  locationCode: string;
  expected: number;
  counted: number;
  variance: number;
  wasCounted: boolean;
}

/**
 * Every product counted, against what the ledger said was in the bin when it was first
 * counted there, and every product with stock in the counted bins that nobody counted
 * (counted as zero: what is not found is not there), against what the ledger says now.
 */
export async function reviewCount(ctx: ServiceContext, id: string): Promise<ReviewLine[]> {
  const count = await getCount(ctx, id);
  const binIds = count.locations.map((l) => l.id);
  const held = await ctx.db
    .selectFrom('stock_balances as b')
    .innerJoin('products', 'products.id', 'b.product_id')
    .innerJoin('locations', 'locations.id', 'b.location_id')
    .select([
      'b.product_id as productId',
      'products.sku as sku',
      'products.name as name',
      'b.location_id as locationId',
      'locations.code as locationCode',
      'b.on_hand as onHand',
    ])
    .where('b.location_id', 'in', binIds)
    .where('b.on_hand', '!=', 0)
    .execute();
  const lines = new Map<string, ReviewLine>();
  const key = (productId: string, locationId: string) => `${locationId}\u0000${productId}`;
  for (const h of held) {
    lines.set(key(h.productId, h.locationId), {
      ...h,
      expected: h.onHand,
      counted: 0,
      variance: -h.onHand,
      wasCounted: false,
    });
  }
  const counted = await ctx.db
    .selectFrom('stock_count_lines as l')
    .innerJoin('products', 'products.id', 'l.product_id')
    .innerJoin('locations', 'locations.id', 'l.location_id')
    .select([
      'l.product_id as productId',
      'products.sku as sku',
      'products.name as name',
      'l.location_id as locationId',
      'locations.code as locationCode',
      'l.counted as counted',
      'l.expected as expected',
    ])
    .where('l.count_id', '=', id)
    .execute();
  for (const c of counted) {
    lines.set(key(c.productId, c.locationId), { ...c, variance: c.counted - c.expected, wasCounted: true });
  }
  return [...lines.values()].sort((a, b) => a.locationCode.localeCompare(b.locationCode) || a.sku.localeCompare(b.sku));
}

/** Posts every variance as a 'count' movement, all in the command's one transaction. */
export async function postCount(ctx: ServiceContext, id: string): Promise<StockCount> {
  const count = await openCount(ctx, id);
  const review = await reviewCount(ctx, id);
  const movements: MovementInput[] = review
    .filter((line) => line.variance !== 0)
    .map((line) => ({
      productId: line.productId,
      locationId: line.locationId,
      kind: 'count',
      onHandDelta: line.variance,
      reservedDelta: 0,
      reason: line.wasCounted ? 'count' : 'count-not-found',
      referenceType: 'count',
      referenceId: count.number,
    }));
  // A count records what is physically there, even when that leaves less than is
  // reserved: refusing it would hide the shortage, not prevent it.
  await postMovements(ctx, movements, { recordShortfall: true });
  await ctx.db
    .updateTable('stock_counts')
    .set({ status: 'posted', posted_at: nowIso() })
    .where('id', '=', id)
    .execute();
  await recordAudit(ctx, {
    action: 'count.posted',
    entity: 'count',
    entityId: id,
    details: { adjustments: movements.length, net: movements.reduce((sum, m) => sum + m.onHandDelta, 0) },
  });
  return getCount(ctx, id);
}

export async function cancelCount(ctx: ServiceContext, id: string): Promise<StockCount> {
  await openCount(ctx, id);
  await ctx.db.updateTable('stock_counts').set({ status: 'cancelled' }).where('id', '=', id).execute();
  await recordAudit(ctx, { action: 'count.cancelled', entity: 'count', entityId: id });
  return getCount(ctx, id);
}
