import { AppError } from '../../../shared/errors';
import type { Reservation } from '../../../shared/domain/inventory';
import { recordAudit, recordAudits } from '../audit';
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

export interface ReserveInput {
  productId: string;
  warehouseId: string;
  quantity: number;
  referenceType?: string;
  referenceId?: string;
}

type Plan = Array<{ locationId: string; quantity: number }>;

/**
 * Where each request's units can be held. Per request: one bin that can cover it all if
 * there is one (a single pick), else the fullest bins first. Requests are planned in
 * order, each seeing what the ones before it took, from one read of the products,
 * warehouses and bins involved. Short of stock: INSUFFICIENT_STOCK naming what was asked
 * and what is available, or, for a product that allows backorders, the rest is held
 * against the default bin.
 */
async function planAllocations(ctx: ServiceContext, inputs: readonly ReserveInput[]): Promise<Plan[]> {
  const productIds = [...new Set(inputs.map((i) => i.productId))];
  const warehouseIds = [...new Set(inputs.map((i) => i.warehouseId))];
  const products = new Map(
    (
      await ctx.db
        .selectFrom('products')
        .select(['id', 'sku', 'status', 'allow_backorder'])
        .where('id', 'in', productIds)
        .execute()
    ).map((p) => [p.id, p]),
  );
  const warehouses = new Map(
    (
      await ctx.db.selectFrom('warehouses').select(['id', 'code', 'active']).where('id', 'in', warehouseIds).execute()
    ).map((w) => [w.id, w]),
  );
  const bins = await ctx.db
    .selectFrom('stock_balances')
    .innerJoin('locations', 'locations.id', 'stock_balances.location_id')
    .select([
      'stock_balances.product_id as productId',
      'locations.warehouse_id as warehouseId',
      'locations.id as locationId',
      'stock_balances.on_hand as onHand',
      'stock_balances.reserved as reserved',
    ])
    .where('stock_balances.product_id', 'in', productIds)
    .where('locations.warehouse_id', 'in', warehouseIds)
    .where('locations.active', '=', 1)
    .orderBy('locations.code')
    .execute();

  const plans: Plan[] = [];
  for (const input of inputs) {
    const product = products.get(input.productId);
    if (!product) throw new AppError('NOT_FOUND', `No product with id ${input.productId}`, { entity: 'product' });
    if (product.status !== 'active') throw new AppError('INVALID_STATE', `${product.sku} is archived`);
    const warehouse = warehouses.get(input.warehouseId);
    if (!warehouse) {
      throw new AppError('NOT_FOUND', `No warehouse with id ${input.warehouseId}`, { entity: 'warehouse' });
    }
    if (warehouse.active !== 1) throw new AppError('INVALID_STATE', `Warehouse ${warehouse.code} is deactivated`);

    const open = bins.filter(
      (b) => b.productId === input.productId && b.warehouseId === input.warehouseId && b.onHand - b.reserved > 0,
    );
    const available = open.reduce((sum, b) => sum + b.onHand - b.reserved, 0);
    const plan: Plan = [];
    const single = open.find((b) => b.onHand - b.reserved >= input.quantity);
    let left = input.quantity;
    for (const bin of single ? [single] : [...open].sort((a, b) => b.onHand - b.reserved - (a.onHand - a.reserved))) {
      if (left === 0) break;
      const take = Math.min(left, bin.onHand - bin.reserved);
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
    for (const p of plan!) {
      const bin = open.find((b) => b.locationId === p.locationId);
      if (bin) bin.reserved += Math.min(p.quantity, bin.onHand - bin.reserved);
    }
    plans.push(plan);
  }
  return plans;
}

function reserveMovements(reservationId: string, productId: string, plan: Plan): MovementInput[] {
  return plan.map((p) => ({
    productId,
    locationId: p.locationId,
    kind: 'reserve',
    onHandDelta: 0,
    reservedDelta: p.quantity,
    referenceType: 'reservation',
    referenceId: reservationId,
  }));
}

/**
 * Holds stock for several requests at once (an order's lines), allocated to bins as
 * `planAllocations` says, in one set of multi-row writes; returns the reservations' ids
 * in the requests' order. All or nothing: one request short of stock refuses them all.
 */
export async function reserveStocks(ctx: ServiceContext, inputs: readonly ReserveInput[]): Promise<string[]> {
  if (inputs.length === 0) return [];
  const plans = await planAllocations(ctx, inputs);
  const ids = inputs.map(() => newId());
  const now = nowIso();
  await ctx.db
    .insertInto('stock_reservations')
    .values(
      inputs.map((input, i) => ({
        id: ids[i]!,
        product_id: input.productId,
        warehouse_id: input.warehouseId,
        quantity: input.quantity,
        open_quantity: input.quantity,
        status: 'open' as const,
        reference_type: input.referenceType ?? null,
        reference_id: input.referenceId ?? null,
        created_by: ctx.actor?.id ?? null,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  await ctx.db
    .insertInto('stock_reservation_allocations')
    .values(
      plans.flatMap((plan, i) =>
        plan.map((p) => ({ reservation_id: ids[i]!, location_id: p.locationId, quantity: p.quantity })),
      ),
    )
    .execute();
  await postMovements(
    ctx,
    plans.flatMap((plan, i) => reserveMovements(ids[i]!, inputs[i]!.productId, plan)),
  );
  await recordAudits(
    ctx,
    inputs.map((input, i) => ({ action: 'stock.reserved', entity: 'reservation', entityId: ids[i]!, details: input })),
  );
  return ids;
}

/** Holds stock in a warehouse for one request; returns the reservation's id. */
export async function reserveStock(ctx: ServiceContext, input: ReserveInput): Promise<string> {
  const [id] = await reserveStocks(ctx, [input]);
  return id!;
}

/** Holds `quantity` more units on an open reservation: an order line edited up. */
export async function extendReservation(ctx: ServiceContext, input: { id: string; quantity: number }): Promise<void> {
  const reservation = await getReservation(ctx, input.id);
  if (reservation.status !== 'open') {
    throw new AppError('INVALID_STATE', `This reservation is already ${reservation.status}`, { id: input.id });
  }
  const [plan] = await planAllocations(ctx, [
    { productId: reservation.productId, warehouseId: reservation.warehouseId, quantity: input.quantity },
  ]);
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
  await postMovements(ctx, reserveMovements(reservation.id, reservation.productId, plan!));
  await recordAudit(ctx, {
    action: 'stock.reserved',
    entity: 'reservation',
    entityId: reservation.id,
    details: { quantity: input.quantity },
  });
}

/**
 * Lets go of a reservation, in whole or in part (an order edited down), or ships it:
 * `consume` takes the units out of stock from the bins they were held in. Returns how
 * many units each bin gave up (a shipment remembers them, to put them back on a void).
 */
export async function settleReservation(
  ctx: ServiceContext,
  input: { id: string; quantity?: number; as: 'release' | 'consume' },
): Promise<Array<{ locationId: string; quantity: number }>> {
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
  return movements.map((m) => ({ locationId: m.locationId, quantity: -m.reservedDelta }));
}
