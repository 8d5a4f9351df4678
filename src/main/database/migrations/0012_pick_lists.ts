import type { Kysely } from 'kysely';

/**
 * Pick lists: one walk through a warehouse for one order or a batch. Each line is one
 * product in one bin, in walk order; its allocations say which order lines take how many,
 * so the pack station and the put wall (one tote per order) know where each unit goes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pick_lists')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('pick_lists_by_status').on('pick_lists').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('pick_list_orders')
    .addColumn('pick_list_id', 'text', (c) => c.notNull().references('pick_lists.id'))
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('tote', 'integer', (c) => c.notNull())
    .addColumn('withdrawn', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('pick_list_orders_pk', ['pick_list_id', 'order_id'])
    .execute();
  await db.schema.createIndex('pick_list_orders_order').on('pick_list_orders').column('order_id').execute();

  await db.schema
    .createTable('pick_list_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pick_list_id', 'text', (c) => c.notNull().references('pick_lists.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('picked_quantity', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('short_reason', 'text')
    .execute();
  await db.schema
    .createIndex('pick_list_lines_walk')
    .on('pick_list_lines')
    .columns(['pick_list_id', 'seq'])
    .unique()
    .execute();

  await db.schema
    .createTable('pick_list_allocations')
    .addColumn('pick_list_line_id', 'text', (c) => c.notNull().references('pick_list_lines.id'))
    .addColumn('order_line_id', 'text', (c) => c.notNull().references('order_lines.id'))
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('pick_list_allocations_pk', ['pick_list_line_id', 'order_line_id'])
    .execute();
  await db.schema.createIndex('pick_list_allocations_order').on('pick_list_allocations').column('order_id').execute();
}
