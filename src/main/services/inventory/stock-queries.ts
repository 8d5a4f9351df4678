import type { Balance, Movement } from '../../../shared/domain/inventory';
import { productIdsMatching } from '../../database/product-search';
import type { ServiceContext } from '../context';
import { incomingQuery } from '../purchasing/purchase-orders';
import { ALL_WAREHOUSES } from './summaries';
import { inTransitQuery } from './transfers';

/** Balances per bin, for one product or one warehouse (or both). */
export async function stockLevels(
  ctx: ServiceContext,
  filter: { productId?: string; warehouseId?: string; offset?: number; limit?: number },
): Promise<Balance[]> {
  let query = ctx.db
    .selectFrom('stock_balances')
    .innerJoin('locations', 'locations.id', 'stock_balances.location_id')
    .innerJoin('warehouses', 'warehouses.id', 'locations.warehouse_id')
    .select([
      'stock_balances.product_id as productId',
      'stock_balances.location_id as locationId',
      'locations.code as locationCode',
      'warehouses.id as warehouseId',
      'warehouses.code as warehouseCode',
      'stock_balances.on_hand as onHand',
      'stock_balances.reserved as reserved',
    ]);
  if (filter.productId) query = query.where('stock_balances.product_id', '=', filter.productId);
  if (filter.warehouseId) query = query.where('warehouses.id', '=', filter.warehouseId);
  const rows = await query
    .orderBy('warehouses.code')
    .orderBy('locations.code')
    .orderBy('stock_balances.product_id')
    .limit(filter.limit ?? 1000)
    .offset(filter.offset ?? 0)
    .execute();
  return rows.map((row) => ({ ...row, available: row.onHand - row.reserved }));
}

export const OVERVIEW_SORT_FIELDS = ['sku', 'name', 'onHand', 'reserved', 'available'] as const;

export interface OverviewQuery {
  warehouseId?: string;
  search?: string;
  lowStockOnly?: boolean;
  includeArchived?: boolean;
  sort: { field: (typeof OVERVIEW_SORT_FIELDS)[number]; direction: 'asc' | 'desc' };
  offset: number;
  limit: number;
}

export interface OverviewRow {
  productId: string;
  sku: string;
  name: string;
  familyName: string | null;
  status: 'active' | 'archived';
  onHand: number;
  reserved: number;
  available: number;
  /** On open purchase orders, not yet received. */
  incoming: number;
  /** Shipped on transfers towards this warehouse (or any), not yet received. */
  inTransit: number;
  reorderPoint: number | null;
  low: boolean;
}

const OVERVIEW_ORDER = {
  sku: 'products.sku',
  name: 'products.name',
  onHand: 's.on_hand',
  reserved: 's.reserved',
  available: 's.available',
} as const;

/**
 * One row per product with its totals in a warehouse (or in all), read from the
 * summaries the ledger keeps, so a page sorted by SKU or by available stock walks an
 * index however many products there are.
 */
export async function stockOverview(
  ctx: ServiceContext,
  query: OverviewQuery,
): Promise<{ rows: OverviewRow[]; total: number }> {
  let products = ctx.db.selectFrom('products');
  if (!query.includeArchived) products = products.where('products.status', '=', 'active');
  if (query.search?.trim()) products = products.where('products.id', 'in', productIdsMatching(ctx.db, query.search));

  let filtered = products
    .innerJoin('stock_summaries as s', 's.product_id', 'products.id')
    .where('s.scope', '=', query.warehouseId ?? ALL_WAREHOUSES);
  if (query.lowStockOnly) {
    filtered = filtered
      // The same term as the partial index stock_summaries_low, so the index serves it.
      .where((eb) => eb('s.available', '<=', eb.ref('s.reorder_point')));
  }

  const direction = query.sort.direction;
  const order = OVERVIEW_ORDER[query.sort.field];
  const byProduct =
    !query.lowStockOnly && !query.search?.trim() && (query.sort.field === 'sku' || query.sort.field === 'name');
  // Sorted by a product column, the page comes from the products' own index and the totals
  // are looked up for its rows only; sorted by a total, filtered by one or searched (a
  // search narrows to few rows first), the page comes from the summaries. Every product has a total in every scope, so without the low-stock
  // filter the products alone give the count.
  const page = byProduct
    ? filtered.where(
        'products.id',
        'in',
        products
          .select('products.id')
          .orderBy(query.sort.field === 'name' ? 'products.name' : 'products.sku', direction)
          .orderBy('products.id', direction)
          .limit(query.limit)
          .offset(query.offset),
      )
    : filtered;
  const rowsQuery = page
    .leftJoin('product_families', 'product_families.id', 'products.family_id')
    .select([
      'products.id as productId',
      'products.sku as sku',
      'products.name as name',
      'product_families.name as familyName',
      'products.status as status',
      'products.reorder_point as reorderPoint',
      's.on_hand as onHand',
      's.reserved as reserved',
      's.available as available',
    ])
    .orderBy(order, direction)
    .orderBy('products.id', direction);
  const [rows, count] = await Promise.all([
    byProduct ? rowsQuery.execute() : rowsQuery.limit(query.limit).offset(query.offset).execute(),
    (query.lowStockOnly ? filtered : products)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  // Incoming (open purchase orders) and in transit (shipped transfers) for this page's rows only.
  const ids = rows.map((row) => row.productId);
  const [incoming, inTransit] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          incomingQuery(ctx, query.warehouseId).where('l.product_id', 'in', ids).execute(),
          inTransitQuery(ctx, query.warehouseId).where('l.product_id', 'in', ids).execute(),
        ]);
  const incomingOf = new Map(incoming.map((r) => [r.productId, Number(r.incoming)]));
  const inTransitOf = new Map(inTransit.map((r) => [r.productId, Number(r.inTransit)]));
  return {
    rows: rows.map((row) => ({
      ...row,
      incoming: incomingOf.get(row.productId) ?? 0,
      inTransit: inTransitOf.get(row.productId) ?? 0,
      low: row.reorderPoint !== null && row.available <= row.reorderPoint,
    })),
    total: Number(count.n),
  };
}

/** A product's ledger, newest first, a page at a time (`beforeSeq` from the last row). */
export async function movementHistory(
  ctx: ServiceContext,
  query: { productId: string; locationId?: string; beforeSeq?: number; limit: number },
): Promise<Movement[]> {
  let q = ctx.db
    .selectFrom('stock_movements')
    .innerJoin('locations', 'locations.id', 'stock_movements.location_id')
    .innerJoin('warehouses', 'warehouses.id', 'locations.warehouse_id')
    .leftJoin('users', 'users.id', 'stock_movements.user_id')
    .select([
      'stock_movements.id as id',
      'stock_movements.seq as seq',
      'stock_movements.at as at',
      'stock_movements.product_id as productId',
      'stock_movements.location_id as locationId',
      'locations.code as locationCode',
      'warehouses.code as warehouseCode',
      'stock_movements.kind as kind',
      'stock_movements.on_hand_delta as onHandDelta',
      'stock_movements.reserved_delta as reservedDelta',
      'stock_movements.unit_cost as unitCost',
      'stock_movements.reason as reason',
      'stock_movements.reference_type as referenceType',
      'stock_movements.reference_id as referenceId',
      'users.display_name as userName',
      'stock_movements.note as note',
    ])
    .where('stock_movements.product_id', '=', query.productId);
  if (query.locationId) q = q.where('stock_movements.location_id', '=', query.locationId);
  if (query.beforeSeq !== undefined) q = q.where('stock_movements.seq', '<', query.beforeSeq);
  return q.orderBy('stock_movements.seq', 'desc').limit(query.limit).execute();
}
