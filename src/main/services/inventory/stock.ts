import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit';
import type { ServiceContext } from '../context';
import { updateAverageCost } from './costing';
import { postMovements, type BalanceAfter } from './ledger';
import { defaultLocationOf, getLocation } from './warehouses';

/** A signed correction with its reason code: damaged, lost, found, a miscount… */
export async function adjustStock(
  ctx: ServiceContext,
  input: { productId: string; locationId: string; quantity: number; reason: string; note?: string },
): Promise<BalanceAfter> {
  if (input.quantity === 0) throw new AppError('VALIDATION', 'An adjustment changes the quantity by at least one');
  const [balance] = await postMovements(ctx, [
    {
      productId: input.productId,
      locationId: input.locationId,
      kind: 'adjust',
      onHandDelta: input.quantity,
      reservedDelta: 0,
      reason: input.reason,
      note: input.note ?? null,
    },
  ]);
  await recordAudit(ctx, { action: 'stock.adjusted', entity: 'product', entityId: input.productId, details: input });
  return balance;
}

/**
 * Goods in without a purchase order (a delivery, opening stock). With a unit cost, the
 * product's weighted average cost moves accordingly.
 */
export async function receiveStock(
  ctx: ServiceContext,
  input: {
    productId: string;
    warehouseId?: string;
    locationId?: string;
    quantity: number;
    unitCost?: number | null;
    note?: string;
    reference?: { type: string; id: string };
  },
): Promise<BalanceAfter> {
  if (input.quantity <= 0) throw new AppError('VALIDATION', 'A receipt brings in at least one unit');
  const locationId = input.locationId ?? (input.warehouseId ? await defaultLocationOf(ctx, input.warehouseId) : null);
  if (!locationId) throw new AppError('VALIDATION', 'Name the warehouse or the location that receives');
  if (
    input.locationId &&
    input.warehouseId &&
    (await getLocation(ctx, input.locationId)).warehouseId !== input.warehouseId
  ) {
    throw new AppError('VALIDATION', 'That location is in another warehouse', {
      issues: [{ path: 'locationId', message: 'Not in the named warehouse' }],
    });
  }
  if (input.unitCost !== undefined && input.unitCost !== null) {
    await updateAverageCost(ctx, input.productId, input.quantity, BigInt(input.quantity) * BigInt(input.unitCost));
  }
  const [balance] = await postMovements(ctx, [
    {
      productId: input.productId,
      locationId,
      kind: 'receipt',
      onHandDelta: input.quantity,
      reservedDelta: 0,
      unitCost: input.unitCost ?? null,
      note: input.note ?? null,
      referenceType: input.reference?.type ?? null,
      referenceId: input.reference?.id ?? null,
    },
  ]);
  await recordAudit(ctx, { action: 'stock.received', entity: 'product', entityId: input.productId, details: input });
  return balance;
}

/** Moves stock between two bins of one warehouse at once (no transit). */
export async function moveStock(
  ctx: ServiceContext,
  input: { productId: string; fromLocationId: string; toLocationId: string; quantity: number; note?: string },
): Promise<BalanceAfter[]> {
  if (input.fromLocationId === input.toLocationId) throw new AppError('VALIDATION', 'Choose two different locations');
  const [from, to] = [await getLocation(ctx, input.fromLocationId), await getLocation(ctx, input.toLocationId)];
  if (from.warehouseId !== to.warehouseId) {
    throw new AppError('INVALID_STATE', 'Between warehouses, stock travels by transfer, with a time in transit');
  }
  const reference = { referenceType: 'move', referenceId: `${from.code}>${to.code}` };
  const balances = await postMovements(ctx, [
    {
      productId: input.productId,
      locationId: from.id,
      kind: 'transfer_out',
      onHandDelta: -input.quantity,
      reservedDelta: 0,
      note: input.note,
      ...reference,
    },
    {
      productId: input.productId,
      locationId: to.id,
      kind: 'transfer_in',
      onHandDelta: input.quantity,
      reservedDelta: 0,
      note: input.note,
      ...reference,
    },
  ]);
  await recordAudit(ctx, { action: 'stock.moved', entity: 'product', entityId: input.productId, details: input });
  return balances;
}
