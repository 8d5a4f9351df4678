import { AppError } from '../../../shared/errors';
import type { Reservation } from '../../../shared/domain/inventory';
import { recordAudit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { newId } from '../ids';
import { postMovements, type MovementInput } from './ledger';
import { defaultLocationOf } from './warehouses';

export async function getReservation(ctx: ServiceContext, id: string): Promise<Reservation> {
  const row = await ctx.db.selectFrom('stock_reservations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No reservation with id ${id}`, { entity: 'reservation', id });
  const allocations = await ctx.db
    .selectFrom('stock_reservation_allocations')
    .innerJoin('locations', 'locations.id', 'stock_reservation_allocations.location_id')
    .select([
      'stock_reservation_allocations.location_id as locationId',
      'locations.code as locationCode',
      'stock_reservation_allocations.quantity as quantity',
    ])
    .where('reservation_id', '=', id)
    .where('stock_reservation_allocations.quantity', '>', 0)
    .orderBy('locations.code')
    .execute();
  return {
    id: row.id,
    productId: row.product_id,
    warehouseId: row.warehouse_id,
    quantity: row.quantity,
    openQuantity: row.open_quantity,
    status: row.status,
    referenceType: row.reference_type,
    referenceId: row.reference_id,
    allocations,
  };
}

/**
 * Where `quantity` more units of a product can be held in a warehouse. One bin that can
 * cover it all if there is one (a single pick), else the fullest bins first. Short of
 * stock: INSUFFICIENT_STOCK naming what was asked and what is available, or, for a
 * product that allows backorders, the rest is held against the default bin.
 */
async function planAllocation(
  ctx: ServiceContext,
  input: { productId: string; warehouseId: string; quantity: number },
): Promise<Array<{ locationId: string; quantity: number }>> {
  const product = await ctx.db
    .selectFrom('products')
    .select(['sku', 'status', 'allow_backorder'])
    .where('id', '=', input.productId)
    .executeTakeFirst();
  if (!product) throw new AppError('NOT_FOUND', `No product with id ${input.productId}`, { entity: 'product' });
  if (product.status !== 'active') throw new AppError('INVALID_STATE', `${product.sku} is archived`);
  const warehouse = await ctx.db
    .selectFrom('warehouses')
    .select(['code', 'active'])
    .where('id', '=', input.warehouseId)
    .executeTakeFirst();
  if (!warehouse) throw new AppError('NOT_FOUND', `No warehouse with id ${input.warehouseId}`, { entity: 'warehouse' });
  if (warehouse.active !== 1) throw new AppError('INVALID_STATE', `Warehouse ${warehouse.code} is deactivated`);

  const bins = await ctx.db
    .selectFrom('stock_balances')
    .innerJoin('locations', 'locations.id', 'stock_balances.location_id')
    .select([
      'locations.id as locationId',
      'locations.code as code',
      'stock_balances.on_hand as onHand',
      'stock_balances.reserved as reserved',
    ])
    .where('stock_balances.product_id', '=', input.productId)
    .where('locations.warehouse_id', '=', input.warehouseId)
    .where('locations.active', '=', 1)
    .orderBy('locations.code')
    .execute();
  const open = bins
    .map((b) => ({ locationId: b.locationId, available: b.onHand - b.reserved }))
    .filter((b) => b.available > 0);
  const available = open.reduce((sum, b) => sum + b.available, 0);

  const plan: Array<{ locationId: string; quantity: number }> = [];
  const single = open.find((b) => b.available >= input.quantity);
  if (single) return [{ locationId: single.locationId, quantity: input.quantity }];
  let left = input.quantity;
  for (const bin of [...open].sort((a, b) => b.available - a.available)) {
    if (left === 0) break;
    const take = Math.min(left, bin.available);
    plan.push({ locationId: bin.locationId, quantity: take });
    left -= take;
  }
  if (left > 0) {
    if (product.allow_backorder !== 1) {
      throw new AppError(
        'INSUFFICIENT_STOCK',
        `Not enough ${product.sku} in ${warehouse.code}: asked ${input.quantity}, available ${available}`,
        {
          productId: input.productId,
          sku: product.sku,
          warehouseId: input.warehouseId,
          location: warehouse.code,
          asked: input.quantity,
          available,
        },
      );
    }
    const fallback = await defaultLocationOf(ctx, input.warehouseId);
    const existing = plan.find((p) => p.locationId === fallback);
    if (existing) existing.quantity += left;
    else plan.push({ locationId: fallback, quantity: left });
  }
  return plan;
}

async function postReserveMovements(
  ctx: ServiceContext,
  reservationId: string,
  productId: string,
  plan: Array<{ locationId: string; quantity: number }>,
): Promise<void> {
  await postMovements(
    ctx,
    plan.map((p) => ({
      productId,
      locationId: p.locationId,
      kind: 'reserve',
      onHandDelta: 0,
      reservedDelta: p.quantity,
      referenceType: 'reservation',
      referenceId: reservationId,
    })),
  );
}

/** Holds stock in a warehouse for an order, allocated to bins as `planAllocation` says; returns the reservation's id. */
export async function reserveStock(
  ctx: ServiceContext,
  input: { productId: string; warehouseId: string; quantity: number; referenceType?: string; referenceId?: string },
): Promise<string> {
  const plan = await planAllocation(ctx, input);
  const id = newId();
  const now = nowIso();
  await ctx.db
    .insertInto('stock_reservations')
    .values({
      id,
      product_id: input.productId,
      warehouse_id: input.warehouseId,
      quantity: input.quantity,
      open_quantity: input.quantity,
      status: 'open',
      reference_type: input.referenceType ?? null,
      reference_id: input.referenceId ?? null,
      created_by: ctx.actor?.id ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await ctx.db
    .insertInto('stock_reservation_allocations')
    .values(plan.map((p) => ({ reservation_id: id, location_id: p.locationId, quantity: p.quantity })))
    .execute();
  await postReserveMovements(ctx, id, input.productId, plan);
  await recordAudit(ctx, { action: 'stock.reserved', entity: 'reservation', entityId: id, details: input });
  return id;
}

/** Holds `quantity` more units on an open reservation: an order line edited up. */
export async function extendReservation(ctx: ServiceContext, input: { id: string; quantity: number }): Promise<void> {
  const reservation = await getReservation(ctx, input.id);
  if (reservation.status !== 'open') {
    throw new AppError('INVALID_STATE', `This reservation is already ${reservation.status}`, { id: input.id });
  }
  const plan = await planAllocation(ctx, {
    productId: reservation.productId,
    warehouseId: reservation.warehouseId,
    quantity: input.quantity,
  });
  for (const p of plan) {
    await ctx.db
      .insertInto('stock_reservation_allocations')
      .values({ reservation_id: reservation.id, location_id: p.locationId, quantity: p.quantity })
      .onConflict((oc) =>
        oc
          .columns(['reservation_id', 'location_id'])
          .doUpdateSet((eb) => ({ quantity: eb('stock_reservation_allocations.quantity', '+', p.quantity) })),
      )
      .execute();
  }
  await ctx.db
    .updateTable('stock_reservations')
    .set((eb) => ({
      quantity: eb('quantity', '+', input.quantity),
      open_quantity: eb('open_quantity', '+', input.quantity),
      updated_at: nowIso(),
    }))
    .where('id', '=', reservation.id)
    .execute();
  await postReserveMovements(ctx, reservation.id, reservation.productId, plan);
  await recordAudit(ctx, {
    action: 'stock.reserved',
    entity: 'reservation',
    entityId: reservation.id,
    details: { quantity: input.quantity },
  });
}

/**
 * Lets go of a reservation, in whole or in part (an order edited down), or ships it:
 * `consume` takes the units out of stock from the bins they were held in.
 */
export async function settleReservation(
  ctx: ServiceContext,
  input: { id: string; quantity?: number; as: 'release' | 'consume' },
): Promise<void> {
  const reservation = await getReservation(ctx, input.id);
  if (reservation.status !== 'open') {
    throw new AppError('INVALID_STATE', `This reservation is already ${reservation.status}`, { id: input.id });
  }
  const quantity = input.quantity ?? reservation.openQuantity;
  if (quantity <= 0 || quantity > reservation.openQuantity) {
    throw new AppError('VALIDATION', `Between 1 and ${reservation.openQuantity} units are still reserved`, {
      issues: [{ path: 'quantity', message: `At most ${reservation.openQuantity}` }],
    });
  }
  let left = quantity;
  const movements: MovementInput[] = [];
  // Bins later in picking order give back first, so what stays reserved is picked first.
  for (const allocation of [...reservation.allocations].reverse()) {
    if (left === 0) break;
    const take = Math.min(left, allocation.quantity);
    left -= take;
    movements.push({
      productId: reservation.productId,
      locationId: allocation.locationId,
      kind: input.as === 'release' ? 'release' : 'issue',
      onHandDelta: input.as === 'release' ? 0 : -take,
      reservedDelta: -take,
      referenceType: 'reservation',
      referenceId: reservation.id,
    });
    await ctx.db
      .updateTable('stock_reservation_allocations')
      .set({ quantity: allocation.quantity - take })
      .where('reservation_id', '=', reservation.id)
      .where('location_id', '=', allocation.locationId)
      .execute();
  }
  await postMovements(ctx, movements);
  const openQuantity = reservation.openQuantity - quantity;
  await ctx.db
    .updateTable('stock_reservations')
    .set({
      open_quantity: openQuantity,
      status: openQuantity > 0 ? 'open' : input.as === 'release' ? 'released' : 'consumed',
      updated_at: nowIso(),
    })
    .where('id', '=', reservation.id)
    .execute();
  await recordAudit(ctx, {
    action: input.as === 'release' ? 'stock.released' : 'stock.consumed',
    entity: 'reservation',
    entityId: reservation.id,
    details: { quantity },
  });
}
