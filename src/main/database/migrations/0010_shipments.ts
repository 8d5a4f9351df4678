import type { Kysely } from 'kysely';

/**
 * Shipments: parcels of an order's lines, packed in one warehouse and handed to a carrier.
 * An order may go in several parcels, from one warehouse or more.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('shipments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('tracking_status', 'text')
    .addColumn('carrier_id', 'text', (c) => c.references('carriers.id'))
    .addColumn('carrier_service_id', 'text', (c) => c.references('carrier_services.id'))
    .addColumn('tracking_number', 'text')
    .addColumn('tracking_verified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('weight_grams', 'integer')
    .addColumn('length_mm', 'integer')
    .addColumn('width_mm', 'integer')
    .addColumn('height_mm', 'integer')
    .addColumn('shipping_cost', 'integer')
    .addColumn('promised_date', 'text')
    .addColumn('packed_at', 'text')
    .addColumn('shipped_at', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('last_event_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('shipments_order').on('shipments').column('order_id').execute();
  await db.schema.createIndex('shipments_by_created').on('shipments').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('shipments_tracking_number').on('shipments').column('tracking_number').execute();
  await db.schema
    .createIndex('shipments_by_stage')
    .on('shipments')
    .columns(['stage', 'tracking_status', 'promised_date'])
    .execute();

  await db.schema
    .createTable('shipment_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shipment_id', 'text', (c) => c.notNull().references('shipments.id'))
    .addColumn('order_line_id', 'text', (c) => c.notNull().references('order_lines.id'))
    .addColumn('product_id', 'text', (c) => c.references('products.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('shipment_lines_shipment').on('shipment_lines').column('shipment_id').execute();
  await db.schema.createIndex('shipment_lines_order_line').on('shipment_lines').column('order_line_id').execute();
}
