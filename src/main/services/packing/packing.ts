import type { Package, PackingOrder } from '../../../shared/domain/picking';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit';
import { lookupProduct } from '../catalog/products';
import { nowIso, type ServiceContext } from '../context';
import { nextDocumentNumber } from '../document-numbers';
import { newId } from '../ids';
import { findOrderId, orderRow } from '../orders/orders';
import { refreshFulfilment } from '../shipments/fulfilment';
import { unitsInParcels } from './parcel-units';

async function packagesOf(ctx: ServiceContext, orderId: string): Promise<Package[]> {
  const shipments = await ctx.db
    .selectFrom('shipments')
    .select([
      'id',
      'number',
      'stage',
      'weight_grams as weightGrams',
      'length_mm as lengthMm',
      'width_mm as widthMm',
      'height_mm as heightMm',
      'packed_at as packedAt',
    ])
    .where('order_id', '=', orderId)
    .where('stage', '!=', 'cancelled')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  if (shipments.length === 0) return [];
  const lines = await ctx.db
    .selectFrom('shipment_lines')
    .innerJoin('order_lines', 'order_lines.id', 'shipment_lines.order_line_id')
    .leftJoin('products', 'products.id', 'shipment_lines.product_id')
    .select([
      'shipment_lines.shipment_id as shipmentId',
      'shipment_lines.order_line_id as orderLineId',
      'order_lines.sku as sku',
      'order_lines.name as name',
      'shipment_lines.quantity as quantity',
      'products.weight_grams as unitWeight',
    ])
    .where(
      'shipment_lines.shipment_id',
      'in',
      shipments.map((s) => s.id),
    )
    .orderBy('order_lines.line_no')
    .execute();
  return shipments.map((shipment) => {
    const own = lines.filter((l) => l.shipmentId === shipment.id);
    const weighed = own.every((l) => l.unitWeight !== null);
    return {
      ...shipment,
      estimatedWeightGrams:
        own.length > 0 && weighed ? own.reduce((sum, l) => sum + (l.unitWeight ?? 0) * l.quantity, 0) : null,
      lines: own.map(({ orderLineId, sku, name, quantity }) => ({ orderLineId, sku, name, quantity })),
    };
  });
}

/** An order at the pack station, found by its number or id. */
export async function packingOrder(ctx: ServiceContext, numberOrId: string): Promise<PackingOrder> {
  const row = await orderRow(ctx, await findOrderId(ctx, numberOrId));
  const lines = await ctx.db
    .selectFrom('order_lines')
    .leftJoin('products', 'products.id', 'order_lines.product_id')
    .select([
      'order_lines.id as orderLineId',
      'order_lines.product_id as productId',
      'order_lines.sku as sku',
      'order_lines.name as name',
      'products.barcode as barcode',
      'order_lines.quantity as ordered',
    ])
    .where('order_lines.order_id', '=', row.id)
    .orderBy('order_lines.line_no')
    .execute();
  const packed = await unitsInParcels(ctx, [row.id], ['packing', 'packed']);
  const shipped = await unitsInParcels(ctx, [row.id], ['shipped']);
  const packages = await packagesOf(ctx, row.id);
  return {
    orderId: row.id,
    number: row.number,
    customerName: row.customer_name,
    status: row.status,
    fulfilmentStatus: row.fulfilment_status,
    shippingMethod: row.shipping_method,
    lines: lines.map((line) => {
      const inBoxes = packed.get(line.orderLineId) ?? 0;
      const gone = shipped.get(line.orderLineId) ?? 0;
      return { ...line, packed: inBoxes, shipped: gone, toPack: Math.max(0, line.ordered - inBoxes - gone) };
    }),
    openPackage: packages.find((p) => p.stage === 'packing') ?? null,
    packages: packages.filter((p) => p.stage !== 'packing'),
  };
}

function assertPackable(row: Awaited<ReturnType<typeof orderRow>>): void {
  if (row.status !== 'confirmed') {
    throw new AppError('INVALID_STATE', `Order ${row.number} is ${row.status}: only confirmed orders are packed`, {
      id: row.id,
      status: row.status,
    });
  }
  if (!row.warehouse_id) {
    throw new AppError('INVALID_STATE', `Order ${row.number} has no warehouse to pack in`, { id: row.id });
  }
}

/** The not-yet-closed package a scan goes into, made when the first unit of a new box comes. */
async function openPackageOf(ctx: ServiceContext, orderId: string): Promise<string | null> {
  const open = await ctx.db
    .selectFrom('shipments')
    .select('id')
    .where('order_id', '=', orderId)
    .where('stage', '=', 'packing')
    .orderBy('created_at')
    .executeTakeFirst();
  return open?.id ?? null;
}

async function startPackage(ctx: ServiceContext, row: Awaited<ReturnType<typeof orderRow>>): Promise<string> {
  const id = newId();
  const now = nowIso();
  await ctx.db
    .insertInto('shipments')
    .values({
      id,
      number: await nextDocumentNumber(ctx, 'SH'),
      order_id: row.id,
      warehouse_id: row.warehouse_id!,
      stage: 'packing',
      tracking_status: null,
      carrier_id: null,
      carrier_service_id: null,
      tracking_number: null,
      weight_grams: null,
      length_mm: null,
      width_mm: null,
      height_mm: null,
      shipping_cost: null,
      promised_date: row.promised_date,
      packed_at: null,
      shipped_at: null,
      delivered_at: null,
      last_event_at: null,
      created_by: ctx.actor?.id ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/**
 * A scan at the pack station: the product goes into the order's open package (a new one
 * if none is open). A product not on the order, or one more than is left to pack, is
 * refused and changes nothing.
 */
export async function scanIntoPackage(
  ctx: ServiceContext,
  input: { order: string; code: string; quantity: number },
): Promise<PackingOrder> {
  const row = await orderRow(ctx, await findOrderId(ctx, input.order));
  assertPackable(row);
  const product = await lookupProduct(ctx, input.code).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  });
  const view = await packingOrder(ctx, row.id);
  const matching = product ? view.lines.filter((l) => l.productId === product.id) : [];
  if (matching.length === 0) {
    throw new AppError('CONFLICT', `${product?.sku ?? input.code} is not on order ${row.number}`, {
      reason: 'not_on_order',
      code: input.code,
      sku: product?.sku ?? null,
    });
  }
  const line = matching.find((l) => l.toPack >= input.quantity);
  if (!line) {
    const left = matching.reduce((sum, l) => sum + l.toPack, 0);
    throw new AppError('CONFLICT', `${product!.sku}: only ${left} left to pack on order ${row.number}`, {
      reason: 'too_many',
      code: input.code,
      sku: product!.sku,
      left,
    });
  }
  const shipmentId = (await openPackageOf(ctx, row.id)) ?? (await startPackage(ctx, row));
  const existing = await ctx.db
    .selectFrom('shipment_lines')
    .select(['id', 'quantity'])
    .where('shipment_id', '=', shipmentId)
    .where('order_line_id', '=', line.orderLineId)
    .executeTakeFirst();
  if (existing) {
    await ctx.db
      .updateTable('shipment_lines')
      .set({ quantity: existing.quantity + input.quantity })
      .where('id', '=', existing.id)
      .execute();
  } else {
    await ctx.db
      .insertInto('shipment_lines')
      .values({
        id: newId(),
        shipment_id: shipmentId,
        order_line_id: line.orderLineId,
        product_id: line.productId,
        quantity: input.quantity,
      })
      .execute();
  }
  await ctx.db.updateTable('shipments').set({ updated_at: nowIso() }).where('id', '=', shipmentId).execute();
  await refreshFulfilment(ctx, row.id);
  return packingOrder(ctx, row.id);
}

async function packageRow(ctx: ServiceContext, id: string) {
  const row = await ctx.db
    .selectFrom('shipments')
    .select(['id', 'number', 'order_id', 'stage'])
    .where((eb) => eb.or([eb('id', '=', id), eb('number', '=', id)]))
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No package ${id}`, { entity: 'shipment', id });
  if (row.stage !== 'packing') {
    throw new AppError('INVALID_STATE', `Package ${row.number} is ${row.stage}: only an open package changes`, {
      id: row.id,
      stage: row.stage,
    });
  }
  return row;
}

/** Takes units of an order line out of an open package; a package left empty goes. */
export async function removeFromPackage(
  ctx: ServiceContext,
  input: { shipmentId: string; orderLineId: string; quantity: number },
): Promise<PackingOrder> {
  const shipment = await packageRow(ctx, input.shipmentId);
  const line = await ctx.db
    .selectFrom('shipment_lines')
    .select(['id', 'quantity'])
    .where('shipment_id', '=', shipment.id)
    .where('order_line_id', '=', input.orderLineId)
    .executeTakeFirst();
  if (!line || line.quantity < input.quantity) {
    throw new AppError('VALIDATION', `Package ${shipment.number} holds ${line?.quantity ?? 0} of that line`, {
      issues: [{ path: 'quantity', message: `At most ${line?.quantity ?? 0}` }],
    });
  }
  if (line.quantity === input.quantity) {
    await ctx.db.deleteFrom('shipment_lines').where('id', '=', line.id).execute();
  } else {
    await ctx.db
      .updateTable('shipment_lines')
      .set({ quantity: line.quantity - input.quantity })
      .where('id', '=', line.id)
      .execute();
  }
  const left = await ctx.db
    .selectFrom('shipment_lines')
    .select('id')
    .where('shipment_id', '=', shipment.id)
    .executeTakeFirst();
  if (left) {
    await ctx.db.updateTable('shipments').set({ updated_at: nowIso() }).where('id', '=', shipment.id).execute();
  } else {
    await ctx.db.deleteFrom('shipments').where('id', '=', shipment.id).execute();
  }
  await refreshFulfilment(ctx, shipment.order_id);
  return packingOrder(ctx, shipment.order_id);
}

/** Closes an open package with what the scale and the tape measure say: it is packed. */
export async function closePackage(
  ctx: ServiceContext,
  input: { shipmentId: string; weightGrams: number; lengthMm: number; widthMm: number; heightMm: number },
): Promise<PackingOrder> {
  const shipment = await packageRow(ctx, input.shipmentId);
  const now = nowIso();
  await ctx.db
    .updateTable('shipments')
    .set({
      stage: 'packed',
      weight_grams: input.weightGrams,
      length_mm: input.lengthMm,
      width_mm: input.widthMm,
      height_mm: input.heightMm,
      packed_at: now,
      updated_at: now,
    })
    .where('id', '=', shipment.id)
    .execute();
  await recordAudit(ctx, { action: 'shipment.packed', entity: 'shipment', entityId: shipment.id, details: input });
  await refreshFulfilment(ctx, shipment.order_id);
  return packingOrder(ctx, shipment.order_id);
}

/** A cancelled order's packages, open or closed, are unpacked: their goods go back to the shelves. */
export async function cancelOrderPackages(ctx: ServiceContext, orderId: string): Promise<void> {
  await ctx.db
    .updateTable('shipments')
    .set({ stage: 'cancelled', updated_at: nowIso() })
    .where('order_id', '=', orderId)
    .where('stage', 'in', ['packing', 'packed'])
    .execute();
}
