import type { Kysely } from 'kysely';

/** Purchase orders and their receipts, stock counts, and transfers between warehouses. */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Readable document numbers (PO-20261127-0001): one counter per kind and day.
  await db.schema
    .createTable('document_sequences')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_sequences_pk', ['kind', 'day'])
    .execute();

  await db.schema
    .createTable('purchase_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('supplier_id', 'text', (c) => c.notNull().references('suppliers.id'))
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('expected_on', 'text')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('ordered_at', 'text')
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema
    .createIndex('purchase_orders_status')
    .on('purchase_orders')
    .columns(['status', 'created_at'])
    .execute();

  await db.schema
    .createTable('purchase_order_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('purchase_order_id', 'text', (c) => c.notNull().references('purchase_orders.id'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('quantity_ordered', 'integer', (c) => c.notNull())
    .addColumn('quantity_received', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unit_cost', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('purchase_order_lines_order')
    .on('purchase_order_lines')
    .columns(['purchase_order_id', 'line_no'])
    .execute();
  await db.schema.createIndex('purchase_order_lines_product').on('purchase_order_lines').column('product_id').execute();

  await db.schema
    .createTable('stock_counts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('blind', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('posted_at', 'text')
    .execute();

  await db.schema
    .createTable('stock_count_locations')
    .addColumn('count_id', 'text', (c) => c.notNull().references('stock_counts.id'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id'))
    .addPrimaryKeyConstraint('stock_count_locations_pk', ['count_id', 'location_id'])
    .execute();

  await db.schema
    .createTable('stock_count_lines')
    .addColumn('count_id', 'text', (c) => c.notNull().references('stock_counts.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id'))
    .addColumn('counted', 'integer', (c) => c.notNull())
    // What the ledger said was in the bin when the product was first counted there: the
    // variance is measured against it, so sales shipped after counting are not undone.
    .addColumn('expected', 'integer', (c) => c.notNull())
    .addColumn('counted_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stock_count_lines_pk', ['count_id', 'location_id', 'product_id'])
    .execute();

  await db.schema
    .createTable('transfers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('from_warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('to_warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('shipped_at', 'text')
    .addColumn('received_at', 'text')
    .execute();

  await db.schema
    .createTable('transfer_lines')
    .addColumn('transfer_id', 'text', (c) => c.notNull().references('transfers.id'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('quantity_received', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('transfer_lines_pk', ['transfer_id', 'line_no'])
    .execute();
}
