import { AppError } from '../../../shared/errors';
import type { Depot } from '../../../shared/domain/delivery-routes';
import { recordAudit } from '../audit';
import { nowIso, type ServiceContext } from '../context';

/** A warehouse as the start and end of its delivery routes. */
export async function getDepot(ctx: ServiceContext, warehouseId: string): Promise<Depot> {
  const row = await ctx.db
    .selectFrom('warehouses')
    .select(['id', 'code', 'name', 'address', 'latitude', 'longitude'])
    .where('id', '=', warehouseId)
    .executeTakeFirst();
  if (!row)
    throw new AppError('NOT_FOUND', `No warehouse with id ${warehouseId}`, { entity: 'warehouse', id: warehouseId });
  return row;
}

export async function setDepot(
  ctx: ServiceContext,
  input: { warehouseId: string; latitude: number; longitude: number },
): Promise<Depot> {
  await getDepot(ctx, input.warehouseId);
  await ctx.db
    .updateTable('warehouses')
    .set({ latitude: input.latitude, longitude: input.longitude, updated_at: nowIso() })
    .where('id', '=', input.warehouseId)
    .execute();
  await ctx.db.updateTable('route_plans').set({ stale: 1 }).where('warehouse_id', '=', input.warehouseId).execute();
  await recordAudit(ctx, {
    action: 'warehouse.locate',
    entity: 'warehouse',
    entityId: input.warehouseId,
    details: { latitude: input.latitude, longitude: input.longitude },
  });
  return getDepot(ctx, input.warehouseId);
}
