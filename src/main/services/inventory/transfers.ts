import type { Transfer } from '../../../shared/contract/transfers';
import { AppError } from '../../../shared/errors';
import type { TransferStatus } from '../../database/schema';
import { recordAudit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { nextDocumentNumber } from '../document-numbers';
import { newId } from '../ids';
import { postMovements, type MovementInput } from './ledger';
import { assertActiveProduct } from '../catalog/products';
import { assertActiveWarehouse, defaultLocationOf } from './warehouses';

function headers(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('transfers as t')
    .innerJoin('warehouses as f', 'f.id', 't.from_warehouse_id')
    .innerJoin('warehouses as d', 'd.id', 't.to_warehouse_id')
    .select([
      't.id as id',
      't.number as number',
      't.from_warehouse_id as fromWarehouseId',
      'f.code as fromWarehouseCode',
      't.to_warehouse_id as toWarehouseId',
      'd.code as toWarehouseCode',
      't.status as status',
      't.notes as notes',
      't.created_at as createdAt',
      't.shipped_at as shippedAt',
      't.received_at as receivedAt',
    ]);
}

export async function listTransfers(ctx: ServiceContext, status?: TransferStatus) {
  let q = headers(ctx);
  if (status) q = q.where('t.status', '=', status);
  return q.orderBy('t.created_at', 'desc').limit(200).execute();
}

export async function getTransfer(ctx: ServiceContext, id: string): Promise<Transfer> {
  const header = await headers(ctx).where('t.id', '=', id).executeTakeFirst();
  if (!header) throw new AppError('NOT_FOUND', `No transfer with id ${id}`, { entity: 'transfer', id });
  const lines = await ctx.db
    .selectFrom('transfer_lines as l')
    .innerJoin('products', 'products.id', 'l.product_id')
    .select([
      'l.line_no as lineNo',
      'l.product_id as productId',
      'products.sku as sku',
      'products.name as name',
      'l.quantity as quantity',
      'l.quantity_received as quantityReceived',
    ])
    .where('l.transfer_id', '=', id)
    .orderBy('l.line_no')
    .execute();
  return { ...header, lines };
}

export async function createTransfer(
  ctx: ServiceContext,
  input: {
    fromWarehouseId: string;
    toWarehouseId: string;
    notes: string;
    lines: Array<{ productId: string; quantity: number }>;
  },
): Promise<Transfer> {
  if (input.fromWarehouseId === input.toWarehouseId) {
    throw new AppError('VALIDATION', 'Choose two different warehouses', {
      issues: [{ path: 'toWarehouseId', message: 'Same as the source' }],
    });
  }
  for (const warehouseId of [input.fromWarehouseId, input.toWarehouseId]) await assertActiveWarehouse(ctx, warehouseId);
  const products = new Set<string>();
  for (const line of input.lines) {
    if (products.has(line.productId)) throw new AppError('VALIDATION', 'Each product appears once on a transfer');
    products.add(line.productId);
    await assertActiveProduct(ctx, line.productId);
  }
  const id = newId();
  await ctx.db
    .insertInto('transfers')
    .values({
      id,
      number: await nextDocumentNumber(ctx, 'TR'),
      from_warehouse_id: input.fromWarehouseId,
      to_warehouse_id: input.toWarehouseId,
      status: 'draft',
      notes: input.notes,
      created_by: ctx.actor?.id ?? null,
      created_at: nowIso(),
      shipped_at: null,
      received_at: null,
    })
    .execute();
  await ctx.db
    .insertInto('transfer_lines')
    .values(
      input.lines.map((line, i) => ({
        transfer_id: id,
        line_no: i + 1,
        product_id: line.productId,
        quantity: line.quantity,
        quantity_received: 0,
      })),
    )
    .execute();
  await recordAudit(ctx, { action: 'transfer.created', entity: 'transfer', entityId: id });
  return getTransfer(ctx, id);
}

function assertStatus(transfer: Transfer, status: TransferStatus, action: string) {
  if (transfer.status !== status) {
    throw new AppError(
      'INVALID_STATE',
      `Transfer ${transfer.number} is ${transfer.status.replace('_', ' ')}: it cannot be ${action}`,
    );
  }
}

/**
 * The stock leaves the source warehouse from its bins in picking order, taking only what
 * is available there (reserved stock stays for its orders). Until it is received it
 * counts in neither warehouse: it is in transit.
 */
export async function shipTransfer(ctx: ServiceContext, id: string): Promise<Transfer> {
  const transfer = await getTransfer(ctx, id);
  assertStatus(transfer, 'draft', 'shipped');
  const movements: MovementInput[] = [];
  for (const line of transfer.lines) {
    const bins = await ctx.db
      .selectFrom('stock_balances as b')
      .innerJoin('locations', 'locations.id', 'b.location_id')
      .select([
        'b.location_id as locationId',
        'locations.code as code',
        'b.on_hand as onHand',
        'b.reserved as reserved',
      ])
      .where('b.product_id', '=', line.productId)
      .where('locations.warehouse_id', '=', transfer.fromWarehouseId)
      .orderBy('locations.code')
      .execute();
    let left = line.quantity;
    for (const bin of bins) {
      const take = Math.min(left, Math.max(0, bin.onHand - bin.reserved));
      if (take === 0) continue;
      movements.push({
        productId: line.productId,
        locationId: bin.locationId,
        kind: 'transfer_out',
        onHandDelta: -take,
        reservedDelta: 0,
        referenceType: 'transfer',
        referenceId: transfer.number,
      });
      left -= take;
      if (left === 0) break;
    }
    if (left > 0) {
      const available = line.quantity - left;
      throw new AppError(
        'INSUFFICIENT_STOCK',
        `Not enough ${line.sku} in ${transfer.fromWarehouseCode}: asked ${line.quantity}, available ${available}`,
        {
          productId: line.productId,
          sku: line.sku,
          location: transfer.fromWarehouseCode,
          asked: line.quantity,
          available,
        },
      );
    }
  }
  await postMovements(ctx, movements);
  await ctx.db
    .updateTable('transfers')
    .set({ status: 'in_transit', shipped_at: nowIso() })
    .where('id', '=', id)
    .execute();
  await recordAudit(ctx, { action: 'transfer.shipped', entity: 'transfer', entityId: id });
  return getTransfer(ctx, id);
}

/** Arrival at the destination's default bin; what did not arrive is recorded on the transfer as lost in transit. */
export async function receiveTransfer(
  ctx: ServiceContext,
  input: { id: string; received: Array<{ lineNo: number; quantity: number }> },
): Promise<Transfer> {
  const transfer = await getTransfer(ctx, input.id);
  assertStatus(transfer, 'in_transit', 'received');
  const bin = await defaultLocationOf(ctx, transfer.toWarehouseId);
  const shortfall: Array<{ sku: string; missing: number }> = [];
  const movements: MovementInput[] = [];
  for (const line of transfer.lines) {
    const stated = input.received.find((r) => r.lineNo === line.lineNo);
    const quantity = stated ? stated.quantity : line.quantity;
    if (quantity > line.quantity) {
      throw new AppError('VALIDATION', `Line ${line.lineNo}: more received than was shipped`, {
        issues: [{ path: 'received', message: `At most ${line.quantity} for ${line.sku}` }],
      });
    }
    if (quantity < line.quantity) shortfall.push({ sku: line.sku, missing: line.quantity - quantity });
    if (quantity > 0) {
      movements.push({
        productId: line.productId,
        locationId: bin,
        kind: 'transfer_in',
        onHandDelta: quantity,
        reservedDelta: 0,
        referenceType: 'transfer',
        referenceId: transfer.number,
      });
    }
    await ctx.db
      .updateTable('transfer_lines')
      .set({ quantity_received: quantity })
      .where('transfer_id', '=', transfer.id)
      .where('line_no', '=', line.lineNo)
      .execute();
  }
  await postMovements(ctx, movements);
  await ctx.db
    .updateTable('transfers')
    .set({ status: 'received', received_at: nowIso() })
    .where('id', '=', transfer.id)
    .execute();
  await recordAudit(ctx, {
    action: 'transfer.received',
    entity: 'transfer',
    entityId: transfer.id,
    details: { shortfall },
  });
  return getTransfer(ctx, transfer.id);
}

export async function cancelTransfer(ctx: ServiceContext, id: string): Promise<Transfer> {
  const transfer = await getTransfer(ctx, id);
  assertStatus(transfer, 'draft', 'cancelled');
  await ctx.db.updateTable('transfers').set({ status: 'cancelled' }).where('id', '=', id).execute();
  await recordAudit(ctx, { action: 'transfer.cancelled', entity: 'transfer', entityId: id });
  return getTransfer(ctx, id);
}

/** Units shipped on transfers not yet received, per product, headed to one warehouse or any. */
export function inTransitQuery(ctx: ServiceContext, toWarehouseId?: string) {
  let q = ctx.db
    .selectFrom('transfer_lines as l')
    .innerJoin('transfers as t', 't.id', 'l.transfer_id')
    .select('l.product_id as productId')
    .select((eb) => eb.fn.sum<number>('l.quantity').as('inTransit'))
    .where('t.status', '=', 'in_transit')
    .groupBy('l.product_id');
  if (toWarehouseId) q = q.where('t.to_warehouse_id', '=', toWarehouseId);
  return q;
}
