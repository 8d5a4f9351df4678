import type { Kysely } from 'kysely';

/**
 * Local delivery routes: where each warehouse is (the depot of its routes), the vans,
 * a day's delivery stops per warehouse, and the route plan made for that day.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('warehouses').addColumn('latitude', 'real').execute();
  await db.schema.alterTable('warehouses').addColumn('longitude', 'real').execute();

  await db.schema
    .createTable('delivery_vehicles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('capacity_grams', 'integer')
    .addColumn('capacity_cm3', 'integer')
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('delivery_stops')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('delivery_date', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.references('orders.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('latitude', 'real')
    .addColumn('longitude', 'real')
    .addColumn('weight_grams', 'integer', (c) => c.notNull())
    .addColumn('volume_cm3', 'integer', (c) => c.notNull())
    .addColumn('window_start', 'text')
    .addColumn('window_end', 'text')
    .addColumn('service_minutes', 'integer', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('delivery_stops_by_day')
    .on('delivery_stops')
    .columns(['warehouse_id', 'delivery_date'])
    .execute();
  await db.schema.createIndex('delivery_stops_order').on('delivery_stops').column('order_id').execute();

  await db.schema
    .createTable('route_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('delivery_date', 'text', (c) => c.notNull())
    .addColumn('distance_m', 'integer', (c) => c.notNull())
    .addColumn('average_speed_kmh', 'real', (c) => c.notNull())
    .addColumn('time_budget_ms', 'integer', (c) => c.notNull())
    .addColumn('seed', 'integer', (c) => c.notNull())
    .addColumn('iterations', 'integer', (c) => c.notNull())
    .addColumn('solve_ms', 'integer', (c) => c.notNull())
    .addColumn('stale', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('planned_by', 'text', (c) => c.references('users.id'))
    .addColumn('planned_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('route_plans_one_per_day', ['warehouse_id', 'delivery_date'])
    .execute();

  await db.schema
    .createTable('route_plan_routes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('route_plans.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('vehicle_id', 'text', (c) => c.references('delivery_vehicles.id'))
    .addColumn('vehicle_name', 'text', (c) => c.notNull())
    .addColumn('distance_m', 'integer', (c) => c.notNull())
    .addColumn('load_grams', 'integer', (c) => c.notNull())
    .addColumn('load_cm3', 'integer', (c) => c.notNull())
    .addColumn('departs_at', 'text', (c) => c.notNull())
    .addColumn('returns_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('route_plan_routes_plan').on('route_plan_routes').column('plan_id').execute();

  // A stop of the day is either on a route (route_id, sequence, arrival) or left out with a reason.
  await db.schema
    .createTable('route_plan_stops')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('route_plans.id').onDelete('cascade'))
    .addColumn('route_id', 'text', (c) => c.references('route_plan_routes.id').onDelete('cascade'))
    .addColumn('stop_id', 'text', (c) => c.notNull().references('delivery_stops.id').onDelete('cascade'))
    .addColumn('sequence', 'integer')
    .addColumn('arrives_at', 'text')
    .addColumn('distance_m', 'integer')
    .addColumn('left_out', 'text')
    .execute();
  await db.schema.createIndex('route_plan_stops_plan').on('route_plan_stops').column('plan_id').execute();
  await db.schema.createIndex('route_plan_stops_stop').on('route_plan_stops').column('stop_id').execute();
}
