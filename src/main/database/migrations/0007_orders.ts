import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';

// Written out rather than imported: a migration must not change when today's code does.
const TERMINAL_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * Sales orders with their lines, payments, store credit, cash-ups and the timeline of
 * every event. The order grid pages over a million rows, so each sortable column has an
 * index that ends in the id (the tie-breaker that makes keyset paging exact).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('terminal', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('payment_status', 'text', (c) => c.notNull())
    .addColumn('fulfilment_status', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    // Copied from the customer when the order is placed: the grid sorts and searches on them.
    .addColumn('customer_name', 'text', (c) => c.notNull())
    .addColumn('customer_phone_tail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('warehouse_id', 'text', (c) => c.references('warehouses.id'))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('prices_include_tax', 'integer', (c) => c.notNull())
    .addColumn('rounding', 'text', (c) => c.notNull())
    .addColumn('order_discount', 'text')
    .addColumn('subtotal', 'integer', (c) => c.notNull())
    .addColumn('discount_total', 'integer', (c) => c.notNull())
    .addColumn('shipping_total', 'integer', (c) => c.notNull())
    .addColumn('shipping_tax', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('tax_total', 'integer', (c) => c.notNull())
    .addColumn('grand_total', 'integer', (c) => c.notNull())
    // The tax breakdown per class and rate as priced, for receipts and invoices.
    .addColumn('taxes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('paid_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('refunded_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ships', 'integer', (c) => c.notNull())
    .addColumn('shipping_method', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('shipping_amount', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('shipping_tax_class', 'text', (c) => c.notNull().defaultTo('standard'))
    .addColumn('shipping_address', 'text')
    .addColumn('billing_address', 'text')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('promised_date', 'text')
    .addColumn('hold_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('placed_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  for (const column of ['placed_at', 'number', 'customer_name', 'grand_total']) {
    await db.schema.createIndex(`orders_by_${column}`).on('orders').columns([column, 'id']).execute();
  }
  // A filter on one of these, then newest first: the grid's common views.
  for (const column of ['status', 'payment_status', 'fulfilment_status', 'channel', 'customer_id']) {
    await db.schema.createIndex(`orders_by_${column}`).on('orders').columns([column, 'placed_at', 'id']).execute();
  }
  // The latest change: the grid's cached page anchors are stale once it moves.
  await db.schema.createIndex('orders_by_updated_at').on('orders').column('updated_at').execute();
  await db.schema.createIndex('orders_by_phone').on('orders').columns(['customer_phone_tail', 'placed_at']).execute();

  await db.schema
    .createTable('order_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.references('products.id'))
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit_price', 'integer', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('discount', 'text')
    .addColumn('gross', 'integer', (c) => c.notNull())
    .addColumn('line_discount', 'integer', (c) => c.notNull())
    .addColumn('order_discount', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('tax', 'integer', (c) => c.notNull())
    .addColumn('tax_class', 'text', (c) => c.notNull())
    .addColumn('rate_basis_points', 'integer', (c) => c.notNull())
    .addColumn('reservation_id', 'text', (c) => c.references('stock_reservations.id'))
    .addColumn('fulfilled_quantity', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('returned_quantity', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('order_lines_order').on('order_lines').columns(['order_id', 'line_no']).execute();
  await db.schema.createIndex('order_lines_product').on('order_lines').columns(['product_id', 'order_id']).execute();

  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('tendered', 'integer')
    .addColumn('change_given', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reference', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('refund_of', 'text', (c) => c.references('payments.id'))
    .addColumn('refunded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('terminal', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('business_day', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('payments_order').on('payments').columns(['order_id', 'created_at']).execute();
  await db.schema
    .createIndex('payments_cash_up')
    .on('payments')
    .columns(['terminal', 'business_day', 'method'])
    .execute();

  await db.schema
    .createTable('store_credit_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.references('orders.id'))
    .addColumn('payment_id', 'text', (c) => c.references('payments.id'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('store_credit_customer')
    .on('store_credit_entries')
    .columns(['customer_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('cash_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('terminal', 'text', (c) => c.notNull())
    .addColumn('business_day', 'text', (c) => c.notNull())
    .addColumn('opening_float', 'integer', (c) => c.notNull())
    .addColumn('cash_sales', 'integer', (c) => c.notNull())
    .addColumn('cash_refunds', 'integer', (c) => c.notNull())
    .addColumn('expected', 'integer', (c) => c.notNull())
    .addColumn('counted', 'integer', (c) => c.notNull())
    .addColumn('difference', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('counted_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('cash_ups_terminal_day', ['terminal', 'business_day'])
    .execute();

  await db.schema
    .createTable('order_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('details', 'text')
    .execute();
  await db.schema.createIndex('order_events_order').on('order_events').columns(['order_id', 'at']).execute();

  // This till's part of every order number. Random, so two new tills rarely start alike;
  // the owner gives each till its own in Settings.
  const code = Array.from({ length: 2 }, () => TERMINAL_ALPHABET[randomInt(TERMINAL_ALPHABET.length)]).join('');
  await db
    .insertInto('settings' as never)
    .values({ key: 'terminalCode', value: JSON.stringify(code), updated_at: new Date().toISOString() } as never)
    .onConflict((oc) => oc.doNothing())
    .execute();
}
