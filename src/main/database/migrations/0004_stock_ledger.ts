import { sql, type Kysely } from 'kysely';

/**
 * The stock ledger: append-only movements, the balances cached from them, and
 * reservations with the bin locations they hold stock in.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stock_movements')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('on_hand_delta', 'integer', (c) => c.notNull())
    .addColumn('reserved_delta', 'integer', (c) => c.notNull())
    .addColumn('unit_cost', 'integer')
    .addColumn('reason', 'text')
    .addColumn('reference_type', 'text')
    .addColumn('reference_id', 'text')
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('stock_movements_product').on('stock_movements').columns(['product_id', 'seq']).execute();
  await db.schema
    .createIndex('stock_movements_reference')
    .on('stock_movements')
    .columns(['reference_type', 'reference_id'])
    .execute();

  await db.schema
    .createTable('stock_balances')
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id'))
    .addColumn('on_hand', 'integer', (c) => c.notNull())
    .addColumn('reserved', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stock_balances_pk', ['product_id', 'location_id'])
    .execute();
  await db.schema.createIndex('stock_balances_location').on('stock_balances').column('location_id').execute();

  // Totals per product and warehouse, and per product over all warehouses (scope 'all'):
  // a row for every product in every scope, kept by the ledger in the same transaction,
  // so the stock screen pages and sorts 100,000 products by an index instead of summing.
  await db.schema
    .createTable('stock_summaries')
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('on_hand', 'integer', (c) => c.notNull())
    .addColumn('reserved', 'integer', (c) => c.notNull())
    .addColumn('available', 'integer', (c) => c.notNull())
    // The product's reorder point, copied here so that low stock has an index of its own.
    .addColumn('reorder_point', 'integer')
    .addPrimaryKeyConstraint('stock_summaries_pk', ['product_id', 'scope'])
    .execute();
  await sql`create index stock_summaries_low on stock_summaries (scope, product_id)
    where available <= reorder_point`.execute(db);
  await db.schema
    .createIndex('stock_summaries_available')
    .on('stock_summaries')
    .columns(['scope', 'available', 'product_id'])
    .execute();
  await db.schema
    .createIndex('stock_summaries_on_hand')
    .on('stock_summaries')
    .columns(['scope', 'on_hand', 'product_id'])
    .execute();

  await db.schema
    .createTable('stock_reservations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('open_quantity', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reference_type', 'text')
    .addColumn('reference_id', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stock_reservations_reference')
    .on('stock_reservations')
    .columns(['reference_type', 'reference_id'])
    .execute();

  await db.schema
    .createTable('stock_reservation_allocations')
    .addColumn('reservation_id', 'text', (c) => c.notNull().references('stock_reservations.id'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stock_reservation_allocations_pk', ['reservation_id', 'location_id'])
    .execute();
}
