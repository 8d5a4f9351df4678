import { AppError } from '../../../shared/errors';
import type { Location, Warehouse } from '../../../shared/domain/inventory';
import { recordAudit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { newId } from '../ids';
import { addWarehouseSummaries } from './summaries';

/** The bin a warehouse receives into when none is named; every warehouse gets one. */
export const DEFAULT_LOCATION_CODE = 'DEFAULT';

/** Warehouses with their bins: all of them, or the one named. */
export async function listWarehouses(ctx: ServiceContext, onlyId?: string): Promise<Warehouse[]> {
  const [warehouses, locations] = await Promise.all([
    ctx.db
      .selectFrom('warehouses')
      .selectAll()
      .$if(onlyId !== undefined, (q) => q.where('id', '=', onlyId as string))
      .orderBy('code')
      .execute(),
    ctx.db
      .selectFrom('locations')
      .selectAll()
      .$if(onlyId !== undefined, (q) => q.where('warehouse_id', '=', onlyId as string))
      .orderBy('code')
      .execute(),
  ]);
  return warehouses.map((w) => ({
    id: w.id,
    code: w.code,
    name: w.name,
    address: w.address,
    active: w.active === 1,
    locations: locations.filter((l) => l.warehouse_id === w.id).map(toLocation),
  }));
}

function toLocation(row: {
  id: string;
  warehouse_id: string;
  code: string;
  name: string;
  is_default: number;
  active: number;
}): Location {
  return {
    id: row.id,
    warehouseId: row.warehouse_id,
    code: row.code,
    name: row.name,
    isDefault: row.is_default === 1,
    active: row.active === 1,
  };
}

export async function getWarehouse(ctx: ServiceContext, id: string): Promise<Warehouse> {
  const [found] = await listWarehouses(ctx, id);
  if (!found) throw new AppError('NOT_FOUND', `No warehouse with id ${id}`, { entity: 'warehouse', id });
  return found;
}

export async function getLocation(ctx: ServiceContext, id: string): Promise<Location & { warehouseCode: string }> {
  const row = await ctx.db
    .selectFrom('locations')
    .innerJoin('warehouses', 'warehouses.id', 'locations.warehouse_id')
    .selectAll('locations')
    .select('warehouses.code as warehouse_code')
    .where('locations.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No location with id ${id}`, { entity: 'location', id });
  return { ...toLocation(row), warehouseCode: row.warehouse_code };
}

export async function defaultLocationOf(ctx: ServiceContext, warehouseId: string): Promise<string> {
  const row = await ctx.db
    .selectFrom('locations')
    .select('id')
    .where('warehouse_id', '=', warehouseId)
    .where('is_default', '=', 1)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No warehouse with id ${warehouseId}`, { entity: 'warehouse' });
  return row.id;
}

export async function createWarehouse(
  ctx: ServiceContext,
  input: { code: string; name: string; address: string },
): Promise<Warehouse> {
  const taken = await ctx.db.selectFrom('warehouses').select('id').where('code', '=', input.code).executeTakeFirst();
  if (taken) {
    throw new AppError('CONFLICT', `The warehouse code ${input.code} is taken`, {
      issues: [{ path: 'code', message: 'Already used by another warehouse' }],
    });
  }
  const now = nowIso();
  const id = newId();
  await ctx.db
    .insertInto('warehouses')
    .values({
      id,
      code: input.code,
      name: input.name,
      address: input.address,
      active: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await ctx.db
    .insertInto('locations')
    .values({
      id: newId(),
      warehouse_id: id,
      code: DEFAULT_LOCATION_CODE,
      name: '',
      is_default: 1,
      active: 1,
      created_at: now,
    })
    .execute();
  await addWarehouseSummaries(ctx, id);
  await recordAudit(ctx, { action: 'warehouse.created', entity: 'warehouse', entityId: id, details: input });
  return getWarehouse(ctx, id);
}

export async function updateWarehouse(
  ctx: ServiceContext,
  id: string,
  change: { name?: string; address?: string; active?: boolean },
): Promise<Warehouse> {
  await getWarehouse(ctx, id);
  await ctx.db
    .updateTable('warehouses')
    .set({
      ...(change.name !== undefined && { name: change.name }),
      ...(change.address !== undefined && { address: change.address }),
      ...(change.active !== undefined && { active: change.active ? 1 : 0 }),
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .execute();
  await recordAudit(ctx, { action: 'warehouse.updated', entity: 'warehouse', entityId: id, details: change });
  return getWarehouse(ctx, id);
}

export async function createLocation(
  ctx: ServiceContext,
  input: { warehouseId: string; code: string; name: string },
): Promise<Location> {
  await getWarehouse(ctx, input.warehouseId);
  const taken = await ctx.db
    .selectFrom('locations')
    .select('id')
    .where('warehouse_id', '=', input.warehouseId)
    .where('code', '=', input.code)
    .executeTakeFirst();
  if (taken) {
    throw new AppError('CONFLICT', `This warehouse already has a location ${input.code}`, {
      issues: [{ path: 'code', message: 'Already used in this warehouse' }],
    });
  }
  const id = newId();
  await ctx.db
    .insertInto('locations')
    .values({
      id,
      warehouse_id: input.warehouseId,
      code: input.code,
      name: input.name,
      is_default: 0,
      active: 1,
      created_at: nowIso(),
    })
    .execute();
  await recordAudit(ctx, { action: 'location.created', entity: 'location', entityId: id, details: input });
  return getLocation(ctx, id);
}

/** A bin that still holds stock stays active: its stock would otherwise vanish from picking. */
export async function updateLocation(
  ctx: ServiceContext,
  id: string,
  change: { name?: string; active?: boolean },
): Promise<Location> {
  const location = await getLocation(ctx, id);
  if (change.active === false) {
    if (location.isDefault) throw new AppError('INVALID_STATE', "A warehouse's default location cannot be deactivated");
    const held = await ctx.db
      .selectFrom('stock_balances')
      .select('product_id')
      .where('location_id', '=', id)
      .where((eb) => eb.or([eb('on_hand', '!=', 0), eb('reserved', '!=', 0)]))
      .executeTakeFirst();
    if (held) throw new AppError('INVALID_STATE', `Location ${location.code} still holds stock; move it first`);
  }
  await ctx.db
    .updateTable('locations')
    .set({
      ...(change.name !== undefined && { name: change.name }),
      ...(change.active !== undefined && { active: change.active ? 1 : 0 }),
    })
    .where('id', '=', id)
    .execute();
  await recordAudit(ctx, { action: 'location.updated', entity: 'location', entityId: id, details: change });
  return getLocation(ctx, id);
}

/** Stock may be planned only for warehouses in use. */
export async function assertActiveWarehouse(ctx: ServiceContext, id: string): Promise<void> {
  const row = await ctx.db.selectFrom('warehouses').select(['code', 'active']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No warehouse with id ${id}`, { entity: 'warehouse', id });
  if (row.active !== 1)
    throw new AppError('INVALID_STATE', `Warehouse ${row.code} is deactivated`, { warehouseId: id });
}
