import type { Kysely } from 'kysely';

/**
 * A shipment's tracking events (its timeline, from which its tracking status is read),
 * the stock each shipped parcel took from which bin, so voiding it puts the units back
 * where they came from through the ledger, and the indexes the shipments grid sorts by.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('shipment_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shipment_id', 'text', (c) => c.notNull().references('shipments.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  // The keys that make a re-sent or re-imported event a no-op (NULL external ids never clash).
  await db.schema
    .createIndex('shipment_events_external')
    .unique()
    .on('shipment_events')
    .columns(['shipment_id', 'external_id'])
    .execute();
  await db.schema
    .createIndex('shipment_events_by_time')
    .on('shipment_events')
    .columns(['shipment_id', 'occurred_at', 'status'])
    .execute();

  // The shipments grid's other sorts, and its stage filter in its default order (bench/shipments.ts).
  await db.schema.createIndex('shipments_by_promised').on('shipments').columns(['promised_date', 'id']).execute();
  await db.schema.createIndex('shipments_by_shipped').on('shipments').columns(['shipped_at', 'id']).execute();
  await db.schema
    .createIndex('shipments_by_stage_created')
    .on('shipments')
    .columns(['stage', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('shipment_stock_issues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shipment_id', 'text', (c) => c.notNull().references('shipments.id'))
    .addColumn('order_line_id', 'text', (c) => c.notNull().references('order_lines.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('shipment_stock_issues_shipment')
    .on('shipment_stock_issues')
    .column('shipment_id')
    .execute();
}
