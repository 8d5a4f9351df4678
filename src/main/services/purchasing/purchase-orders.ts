import type { PurchaseOrder } from '../../../shared/contract/purchasing';
import { AppError } from '../../../shared/errors';
import type { PurchaseOrderStatus } from '../../database/schema';
import { recordAudit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { nextDocumentNumber } from '../document-numbers';
import { newId } from '../ids';
import { updateAverageCost } from '../inventory/costing';
import { postMovements } from '../inventory/ledger';
import { assertActiveProduct } from '../catalog/products';
import { assertActiveWarehouse, defaultLocationOf } from '../inventory/warehouses';
import { allocateByValue, landedUnitCost } from './landed-cost';

type Header = Omit<PurchaseOrder, 'lines'>;

function headers(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('purchase_orders as po')
    .innerJoin('suppliers', 'suppliers.id', 'po.supplier_id')
    .innerJoin('warehouses', 'warehouses.id', 'po.warehouse_id')
    .select([
      'po.id as id',
      'po.number as number',
      'po.supplier_id as supplierId',
      'suppliers.name as supplierName',
      'po.warehouse_id as warehouseId',
      'warehouses.code as warehouseCode',
      'po.status as status',
      'po.expected_on as expectedOn',
      'po.notes as notes',
      'po.created_at as createdAt',
      'po.ordered_at as orderedAt',
      'po.closed_at as closedAt',
    ])
    .select((eb) =>
      eb
        .selectFrom('purchase_order_lines as l')
        .select((s) =>
          s.fn.coalesce(s.fn.sum<number>(s('l.quantity_ordered', '*', s.ref('l.unit_cost'))), s.lit(0)).as('t'),
        )
        .whereRef('l.purchase_order_id', '=', 'po.id')
        .as('totalCost'),
    );
}

export async function listPurchaseOrders(
  ctx: ServiceContext,
  query: { statuses?: PurchaseOrderStatus[]; supplierId?: string; limit: number },
): Promise<Header[]> {
  let q = headers(ctx);
  if (query.statuses?.length) q = q.where('po.status', 'in', query.statuses);
  if (query.supplierId) q = q.where('po.supplier_id', '=', query.supplierId);
  const rows = await q.orderBy('po.created_at', 'desc').limit(query.limit).execute();
  return rows.map((r) => ({ ...r, totalCost: Number(r.totalCost) }));
}

export async function getPurchaseOrder(ctx: ServiceContext, id: string): Promise<PurchaseOrder> {
  const header = await headers(ctx).where('po.id', '=', id).executeTakeFirst();
  if (!header) throw new AppError('NOT_FOUND', `No purchase order with id ${id}`, { entity: 'purchaseOrder', id });
  const lines = await ctx.db
    .selectFrom('purchase_order_lines as l')
    .innerJoin('products', 'products.id', 'l.product_id')
    .select([
      'l.id as id',
      'l.line_no as lineNo',
      'l.product_id as productId',
      'products.sku as sku',
      'products.barcode as barcode',
      'products.name as name',
      'l.quantity_ordered as quantityOrdered',
      'l.quantity_received as quantityReceived',
      'l.unit_cost as unitCost',
    ])
    .where('l.purchase_order_id', '=', id)
    .orderBy('l.line_no')
    .execute();
  return { ...header, totalCost: Number(header.totalCost), lines };
}

interface LineInput {
  productId: string;
  quantity: number;
  unitCost: number;
}

async function writeLines(ctx: ServiceContext, purchaseOrderId: string, lines: LineInput[]): Promise<void> {
  const seen = new Set<string>();
  for (const line of lines) {
    if (seen.has(line.productId)) {
      throw new AppError('VALIDATION', 'Each product appears once on a purchase order', {
        issues: [{ path: 'lines', message: `Product ${line.productId} is on two lines` }],
      });
    }
    seen.add(line.productId);
    await assertActiveProduct(ctx, line.productId);
  }
  await ctx.db.deleteFrom('purchase_order_lines').where('purchase_order_id', '=', purchaseOrderId).execute();
  await ctx.db
    .insertInto('purchase_order_lines')
    .values(
      lines.map((line, i) => ({
        id: newId(),
        purchase_order_id: purchaseOrderId,
        line_no: i + 1,
        product_id: line.productId,
        quantity_ordered: line.quantity,
        quantity_received: 0,
        unit_cost: line.unitCost,
      })),
    )
    .execute();
}

export async function createPurchaseOrder(
  ctx: ServiceContext,
  input: { supplierId: string; warehouseId: string; expectedOn: string | null; notes: string; lines: LineInput[] },
): Promise<PurchaseOrder> {
  const supplier = await ctx.db
    .selectFrom('suppliers')
    .select('active')
    .where('id', '=', input.supplierId)
    .executeTakeFirst();
  if (!supplier) throw new AppError('NOT_FOUND', `No supplier with id ${input.supplierId}`, { entity: 'supplier' });
  if (supplier.active !== 1)
    throw new AppError('INVALID_STATE', 'That supplier is deactivated', { supplierId: input.supplierId });
  await assertActiveWarehouse(ctx, input.warehouseId);
  const id = newId();
  const now = nowIso();
  await ctx.db
    .insertInto('purchase_orders')
    .values({
      id,
      number: await nextDocumentNumber(ctx, 'PO'),
      supplier_id: input.supplierId,
      warehouse_id: input.warehouseId,
      status: 'draft',
      expected_on: input.expectedOn,
      notes: input.notes,
      created_by: ctx.actor?.id ?? null,
      created_at: now,
      updated_at: now,
      ordered_at: null,
      closed_at: null,
    })
    .execute();
  await writeLines(ctx, id, input.lines);
  await recordAudit(ctx, { action: 'purchase-order.created', entity: 'purchaseOrder', entityId: id });
  return getPurchaseOrder(ctx, id);
}

function assertStatus(po: PurchaseOrder, allowed: PurchaseOrderStatus[], action: string): void {
  if (!allowed.includes(po.status)) {
    throw new AppError(
      'INVALID_STATE',
      `Purchase order ${po.number} is ${po.status.replace('_', ' ')}: it cannot be ${action}`,
      {
        id: po.id,
        status: po.status,
      },
    );
  }
}

export async function updateDraft(
  ctx: ServiceContext,
  input: { id: string; expectedOn?: string | null; notes?: string; lines?: LineInput[] },
): Promise<PurchaseOrder> {
  const po = await getPurchaseOrder(ctx, input.id);
  assertStatus(po, ['draft'], 'edited');
  await ctx.db
    .updateTable('purchase_orders')
    .set({
      ...(input.expectedOn !== undefined && { expected_on: input.expectedOn }),
      ...(input.notes !== undefined && { notes: input.notes }),
      updated_at: nowIso(),
    })
    .where('id', '=', po.id)
    .execute();
  if (input.lines) await writeLines(ctx, po.id, input.lines);
  await recordAudit(ctx, { action: 'purchase-order.edited', entity: 'purchaseOrder', entityId: po.id });
  return getPurchaseOrder(ctx, po.id);
}

async function setStatus(ctx: ServiceContext, po: PurchaseOrder, status: PurchaseOrderStatus, action: string) {
  const now = nowIso();
  await ctx.db
    .updateTable('purchase_orders')
    .set({
      status,
      updated_at: now,
      ...(status === 'ordered' && { ordered_at: now }),
      ...((status === 'closed' || status === 'cancelled' || status === 'received') && { closed_at: now }),
    })
    .where('id', '=', po.id)
    .execute();
  await recordAudit(ctx, {
    action: `purchase-order.${action}`,
    entity: 'purchaseOrder',
    entityId: po.id,
    details: { from: po.status, to: status },
  });
  return getPurchaseOrder(ctx, po.id);
}

export async function orderPurchaseOrder(ctx: ServiceContext, id: string): Promise<PurchaseOrder> {
  const po = await getPurchaseOrder(ctx, id);
  assertStatus(po, ['draft'], 'ordered');
  return setStatus(ctx, po, 'ordered', 'ordered');
}

export async function closePurchaseOrder(ctx: ServiceContext, id: string): Promise<PurchaseOrder> {
  const po = await getPurchaseOrder(ctx, id);
  assertStatus(po, ['ordered', 'partially_received'], 'closed');
  return setStatus(ctx, po, 'closed', 'closed');
}

export async function cancelPurchaseOrder(ctx: ServiceContext, id: string): Promise<PurchaseOrder> {
  const po = await getPurchaseOrder(ctx, id);
  assertStatus(po, ['draft', 'ordered'], 'cancelled');
  return setStatus(ctx, po, 'cancelled', 'cancelled');
}

/**
 * Goods in against a purchase order. Each line's receipt is a ledger movement at its
 * agreed unit cost plus its share of the landed cost, which also moves the product's
 * weighted average cost. More than ordered needs `acceptOverReceipt`; less leaves the
 * order partially received until the rest arrives or it is closed.
 */
export async function receivePurchaseOrder(
  ctx: ServiceContext,
  input: {
    id: string;
    lines: Array<{ productId: string; quantity: number; locationId?: string }>;
    landedCost: number;
    acceptOverReceipt: boolean;
    note?: string;
  },
): Promise<PurchaseOrder> {
  const po = await getPurchaseOrder(ctx, input.id);
  assertStatus(po, ['ordered', 'partially_received'], 'received against');
  const defaultBin = await defaultLocationOf(ctx, po.warehouseId);

  const receipts = input.lines.map((received, index) => {
    const line = po.lines.find((l) => l.productId === received.productId);
    if (!line) {
      throw new AppError('VALIDATION', `That product is not on ${po.number}`, {
        issues: [{ path: `lines.${index}.productId`, message: 'Not on this purchase order' }],
      });
    }
    const after = line.quantityReceived + received.quantity;
    if (after > line.quantityOrdered && !input.acceptOverReceipt) {
      throw new AppError('CONFLICT', `${line.sku}: receiving ${after} of ${line.quantityOrdered} ordered`, {
        reason: 'over-receipt',
        issues: [
          {
            path: `lines.${index}.quantity`,
            message: `Only ${line.quantityOrdered - line.quantityReceived} still expected`,
          },
        ],
        sku: line.sku,
        ordered: line.quantityOrdered,
        received: after,
      });
    }
    return { line, received };
  });
  if (new Set(receipts.map((r) => r.line.id)).size !== receipts.length) {
    throw new AppError('VALIDATION', 'Each product appears once in a receipt');
  }

  for (const { received } of receipts) {
    if (!received.locationId) continue;
    const bin = await ctx.db
      .selectFrom('locations')
      .select('warehouse_id')
      .where('id', '=', received.locationId)
      .executeTakeFirst();
    if (!bin || bin.warehouse_id !== po.warehouseId) {
      throw new AppError('VALIDATION', `The bin must be in ${po.warehouseCode}`, { locationId: received.locationId });
    }
  }

  const shares = allocateByValue(
    receipts.map((r) => ({ quantity: r.received.quantity, unitCost: r.line.unitCost })),
    input.landedCost,
  );
  for (const [i, { line, received }] of receipts.entries()) {
    const unitCost = landedUnitCost(line.unitCost, received.quantity, shares[i]);
    const value = BigInt(line.unitCost) * BigInt(received.quantity) + BigInt(shares[i]);
    await updateAverageCost(ctx, line.productId, received.quantity, value);
    await postMovements(ctx, [
      {
        productId: line.productId,
        locationId: received.locationId ?? defaultBin,
        kind: 'receipt',
        onHandDelta: received.quantity,
        reservedDelta: 0,
        unitCost,
        referenceType: 'purchase_order',
        referenceId: po.number,
        note: input.note ?? null,
      },
    ]);
    await ctx.db
      .updateTable('purchase_order_lines')
      .set({ quantity_received: line.quantityReceived + received.quantity })
      .where('id', '=', line.id)
      .execute();
  }

  const lines = await ctx.db
    .selectFrom('purchase_order_lines')
    .select(['quantity_ordered', 'quantity_received'])
    .where('purchase_order_id', '=', po.id)
    .execute();
  const complete = lines.every((l) => l.quantity_received >= l.quantity_ordered);
  await recordAudit(ctx, {
    action: 'purchase-order.received',
    entity: 'purchaseOrder',
    entityId: po.id,
    details: { lines: input.lines, landedCost: input.landedCost },
  });
  return setStatus(
    ctx,
    po,
    complete ? 'received' : 'partially_received',
    complete ? 'fully-received' : 'partially-received',
  );
}

/** Units on open purchase orders not yet received, per product, for one warehouse or all. */
export function incomingQuery(ctx: ServiceContext, warehouseId?: string) {
  let q = ctx.db
    .selectFrom('purchase_order_lines as l')
    .innerJoin('purchase_orders as po', 'po.id', 'l.purchase_order_id')
    .select('l.product_id as productId')
    .select((eb) => eb.fn.sum<number>(eb('l.quantity_ordered', '-', eb.ref('l.quantity_received'))).as('incoming'))
    .where('po.status', 'in', ['ordered', 'partially_received'])
    .where((eb) => eb('l.quantity_ordered', '>', eb.ref('l.quantity_received')))
    .groupBy('l.product_id');
  if (warehouseId) q = q.where('po.warehouse_id', '=', warehouseId);
  return q;
}
