import type { ServiceContext } from '../context';

/** The scope of a product's totals over every warehouse. */
export const ALL_WAREHOUSES = 'all';

/** A new product starts with zero totals everywhere, so every stock list can walk an index. */
export async function addProductSummaries(
  ctx: ServiceContext,
  productId: string,
  reorderPoint: number | null,
): Promise<void> {
  const warehouses = await ctx.db.selectFrom('warehouses').select('id').execute();
  await ctx.db
    .insertInto('stock_summaries')
    .values(
      [ALL_WAREHOUSES, ...warehouses.map((w) => w.id)].map((scope) => ({
        product_id: productId,
        scope,
        on_hand: 0,
        reserved: 0,
        available: 0,
        reorder_point: reorderPoint,
      })),
    )
    .execute();
}

/** A new warehouse starts with zero totals for every product. */
export async function addWarehouseSummaries(ctx: ServiceContext, warehouseId: string): Promise<void> {
  await ctx.db
    .insertInto('stock_summaries')
    .columns(['product_id', 'scope', 'on_hand', 'reserved', 'available', 'reorder_point'])
    .expression((eb) =>
      eb
        .selectFrom('products')
        .select((s) => [
          'products.id',
          s.val(warehouseId).as('scope'),
          s.lit(0).as('on_hand'),
          s.lit(0).as('reserved'),
          s.lit(0).as('available'),
          'products.reorder_point',
        ]),
    )
    .execute();
}

/** A changed reorder point follows the product into its totals (and the low-stock index). */
export async function setSummaryReorderPoint(ctx: ServiceContext, productId: string, reorderPoint: number | null) {
  await ctx.db
    .updateTable('stock_summaries')
    .set({ reorder_point: reorderPoint })
    .where('product_id', '=', productId)
    .execute();
}
