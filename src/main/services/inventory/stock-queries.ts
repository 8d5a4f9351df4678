import { sql } from 'kysely';
import type { Balance, Movement } from '../../../shared/domain/inventory';
import { productIdsMatching } from '../../database/product-search';
import type { ServiceContext } from '../context';

/** Balances per bin, for one product or one warehouse (or both). */
export async function stockLevels(
  ctx: ServiceContext,
  filter: { productId?: string; warehouseId?: string },
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
  const rows = await query.orderBy('warehouses.code').orderBy('locations.code').execute();
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
  reorderPoint: number | null;
  low: boolean;
}

/**
 * One row per product with its totals in a warehouse (or in all). Totals are correlated
 * subqueries, so a page sorted by SKU or name reads only the balances of its own rows;
 * sorting or filtering by a total has to look at every product.
 */
export async function stockOverview(
  ctx: ServiceContext,
  query: OverviewQuery,
): Promise<{ rows: OverviewRow[]; total: number }> {
  const warehouseId = query.warehouseId;
  let base = ctx.db
    .selectFrom('products')
    .leftJoin('product_families', 'product_families.id', 'products.family_id')
    .select([
      'products.id as productId',
      'products.sku as sku',
      'products.name as name',
      'product_families.name as familyName',
      'products.status as status',
      'products.reorder_point as reorderPoint',
    ])
    .select((eb) => {
      const total = (column: 'on_hand' | 'reserved') =>
        eb
          .selectFrom('stock_balances')
          .innerJoin('locations', 'locations.id', 'stock_balances.location_id')
          .select((inner) =>
            inner.fn.coalesce(inner.fn.sum<number>(`stock_balances.${column}`), sql<number>`0`).as('n'),
          )
          .whereRef('stock_balances.product_id', '=', 'products.id')
          .$if(Boolean(warehouseId), (q) => q.where('locations.warehouse_id', '=', warehouseId as string));
      return [total('on_hand').as('onHand'), total('reserved').as('reserved')];
    });
  if (!query.includeArchived) base = base.where('products.status', '=', 'active');
  if (query.search?.trim()) base = base.where('products.id', 'in', productIdsMatching(ctx.db, query.search));

  let rowsQuery = ctx.db.selectFrom(base.as('o')).selectAll();
  if (query.lowStockOnly) {
    rowsQuery = rowsQuery
      .where('o.reorderPoint', 'is not', null)
      .where(sql<boolean>`o.onHand - o.reserved <= o.reorderPoint`);
  }
  const direction = query.sort.direction;
  const ordered =
    query.sort.field === 'available'
      ? rowsQuery.orderBy(sql`o.onHand - o.reserved`, direction)
      : rowsQuery.orderBy(`o.${query.sort.field}`, direction);

  const [rows, count] = await Promise.all([
    ordered.orderBy('o.productId').limit(query.limit).offset(query.offset).execute(),
    rowsQuery
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    rows: rows.map((row) => {
      const onHand = Number(row.onHand);
      const reserved = Number(row.reserved);
      const available = onHand - reserved;
      return {
        ...row,
        onHand,
        reserved,
        available,
        low: row.reorderPoint !== null && available <= row.reorderPoint,
      };
    }),
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
