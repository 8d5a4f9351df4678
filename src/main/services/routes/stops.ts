import type { Selectable } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { DeliveryStop, StopFields } from '../../../shared/domain/delivery-routes';
import type { DeliveryStopsTable } from '../../database/schema';
import { recordAudit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { newId } from '../ids';
import { assertActiveWarehouse } from '../inventory/warehouses';

export interface Day {
  warehouseId: string;
  date: string;
}

type StopRow = Selectable<DeliveryStopsTable> & { order_number: string | null };

function toStop(row: StopRow): DeliveryStop {
  return {
    id: row.id,
    warehouseId: row.warehouse_id,
    date: row.delivery_date,
    orderId: row.order_id,
    orderNumber: row.order_number,
    name: row.name,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    weightGrams: row.weight_grams,
    volumeCm3: row.volume_cm3,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    serviceMinutes: row.service_minutes,
    notes: row.notes,
  };
}

function stopQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('delivery_stops')
    .leftJoin('orders', 'orders.id', 'delivery_stops.order_id')
    .selectAll('delivery_stops')
    .select('orders.number as order_number');
}

/** The day's stops in the order they were added. */
export async function listStops(ctx: ServiceContext, day: Day): Promise<DeliveryStop[]> {
  const rows = await stopQuery(ctx)
    .where('delivery_stops.warehouse_id', '=', day.warehouseId)
    .where('delivery_stops.delivery_date', '=', day.date)
    .orderBy('delivery_stops.created_at')
    .orderBy('delivery_stops.id')
    .execute();
  return rows.map(toStop);
}

export async function getStop(ctx: ServiceContext, id: string): Promise<DeliveryStop> {
  const row = await stopQuery(ctx).where('delivery_stops.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No delivery stop with id ${id}`, { entity: 'delivery_stop', id });
  return toStop(row);
}

/** The day's plan no longer matches its stops: the screen says so until someone plans again. */
export async function markDayStale(ctx: ServiceContext, day: Day): Promise<void> {
  await ctx.db
    .updateTable('route_plans')
    .set({ stale: 1 })
    .where('warehouse_id', '=', day.warehouseId)
    .where('delivery_date', '=', day.date)
    .execute();
}

function stopColumns(stop: StopFields) {
  return {
    name: stop.name,
    address: stop.address,
    latitude: stop.latitude,
    longitude: stop.longitude,
    weight_grams: stop.weightGrams,
    volume_cm3: stop.volumeCm3,
    window_start: stop.windowStart,
    window_end: stop.windowEnd,
    service_minutes: stop.serviceMinutes,
    notes: stop.notes,
  };
}

/** Adds stops to a day in one go (the form, an import, orders); `orderIds` pairs with `stops` where given. */
export async function insertStops(
  ctx: ServiceContext,
  day: Day,
  stops: Array<{ fields: StopFields; orderId?: string }>,
  source: string,
): Promise<DeliveryStop[]> {
  await assertActiveWarehouse(ctx, day.warehouseId);
  const now = nowIso();
  const ids = stops.map(() => newId());
  for (let start = 0; start < stops.length; start += 200) {
    await ctx.db
      .insertInto('delivery_stops')
      .values(
        stops.slice(start, start + 200).map((stop, i) => ({
          id: ids[start + i],
          warehouse_id: day.warehouseId,
          delivery_date: day.date,
          order_id: stop.orderId ?? null,
          ...stopColumns(stop.fields),
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  }
  await markDayStale(ctx, day);
  await recordAudit(ctx, {
    action: 'delivery_stops.add',
    entity: 'delivery_day',
    entityId: `${day.warehouseId}/${day.date}`,
    details: { source, count: stops.length },
  });
  const added = await stopQuery(ctx).where('delivery_stops.id', 'in', ids).execute();
  const byId = new Map(added.map((row) => [row.id, toStop(row)]));
  return ids.map((id) => byId.get(id) as DeliveryStop);
}

export async function addStop(ctx: ServiceContext, day: Day, stop: StopFields): Promise<DeliveryStop> {
  const [added] = await insertStops(ctx, day, [{ fields: stop }], 'form');
  return added;
}

export async function updateStop(ctx: ServiceContext, id: string, stop: StopFields): Promise<DeliveryStop> {
  const before = await getStop(ctx, id);
  await ctx.db
    .updateTable('delivery_stops')
    .set({ ...stopColumns(stop), updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
  await markDayStale(ctx, { warehouseId: before.warehouseId, date: before.date });
  await recordAudit(ctx, { action: 'delivery_stops.update', entity: 'delivery_stop', entityId: id });
  return getStop(ctx, id);
}

export async function removeStop(ctx: ServiceContext, id: string): Promise<void> {
  const before = await getStop(ctx, id);
  await ctx.db.deleteFrom('route_plan_stops').where('stop_id', '=', id).execute();
  await ctx.db.deleteFrom('delivery_stops').where('id', '=', id).execute();
  await markDayStale(ctx, { warehouseId: before.warehouseId, date: before.date });
  await recordAudit(ctx, {
    action: 'delivery_stops.remove',
    entity: 'delivery_stop',
    entityId: id,
    details: { name: before.name, date: before.date },
  });
}
