import type { Selectable } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { DeliveryVehicle } from '../../../shared/domain/delivery-routes';
import type { DeliveryVehiclesTable } from '../../database/schema';
import { recordAudit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { newId } from '../ids';

function toVehicle(row: Selectable<DeliveryVehiclesTable>): DeliveryVehicle {
  return {
    id: row.id,
    name: row.name,
    capacityGrams: row.capacity_grams,
    capacityCm3: row.capacity_cm3,
    startTime: row.start_time,
    active: row.active === 1,
  };
}

export async function listVehicles(ctx: ServiceContext): Promise<DeliveryVehicle[]> {
  const rows = await ctx.db.selectFrom('delivery_vehicles').selectAll().orderBy('name').execute();
  return rows.map(toVehicle);
}

export async function saveVehicle(
  ctx: ServiceContext,
  input: {
    id?: string;
    name: string;
    capacityGrams: number | null;
    capacityCm3: number | null;
    startTime: string;
    active: boolean;
  },
): Promise<DeliveryVehicle> {
  const clash = await ctx.db
    .selectFrom('delivery_vehicles')
    .select('id')
    .where('name', '=', input.name)
    .$if(input.id !== undefined, (q) => q.where('id', '!=', input.id as string))
    .executeTakeFirst();
  if (clash)
    throw new AppError('CONFLICT', `A vehicle named ${input.name} exists`, {
      issues: [{ path: 'name', message: 'Another vehicle has this name' }],
    });
  const columns = {
    name: input.name,
    capacity_grams: input.capacityGrams,
    capacity_cm3: input.capacityCm3,
    start_time: input.startTime,
    active: input.active ? 1 : 0,
    updated_at: nowIso(),
  };
  let id = input.id;
  if (id) {
    const result = await ctx.db.updateTable('delivery_vehicles').set(columns).where('id', '=', id).executeTakeFirst();
    if (result.numUpdatedRows === 0n)
      throw new AppError('NOT_FOUND', `No vehicle with id ${id}`, { entity: 'delivery_vehicle', id });
    // Plans this vehicle drives were made for its old capacity or start time.
    await ctx.db
      .updateTable('route_plans')
      .set({ stale: 1 })
      .where('id', 'in', ctx.db.selectFrom('route_plan_routes').select('plan_id').where('vehicle_id', '=', id))
      .execute();
  } else {
    id = newId();
    await ctx.db
      .insertInto('delivery_vehicles')
      .values({ id, ...columns, created_at: columns.updated_at })
      .execute();
  }
  await recordAudit(ctx, {
    action: input.id ? 'delivery_vehicle.update' : 'delivery_vehicle.create',
    entity: 'delivery_vehicle',
    entityId: id,
    details: input,
  });
  const row = await ctx.db.selectFrom('delivery_vehicles').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return toVehicle(row);
}
