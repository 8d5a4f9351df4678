import type { Kysely } from 'kysely';

/**
 * Returns (RMA): lines of one or several orders of a customer come back, are inspected,
 * restocked or scrapped, and refunded; an exchange links the replacement order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('returns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('replacement_order_id', 'text', (c) => c.references('orders.id'))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('refund_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('refund_tax', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('shipping_refund', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('refund_to', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('returns_by_created').on('returns').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('returns_by_customer').on('returns').columns(['customer_id', 'created_at']).execute();

  await db.schema
    .createTable('return_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('return_id', 'text', (c) => c.notNull().references('returns.id'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('order_line_id', 'text', (c) => c.notNull().references('order_lines.id'))
    .addColumn('product_id', 'text', (c) => c.references('products.id'))
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('condition', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('inspection_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('disposition', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('location_id', 'text', (c) => c.references('locations.id'))
    .addColumn('refund_amount', 'integer', (c) => c.notNull())
    .addColumn('refund_tax', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('return_lines_return').on('return_lines').columns(['return_id', 'line_no']).execute();
  await db.schema.createIndex('return_lines_order_line').on('return_lines').column('order_line_id').execute();
}
