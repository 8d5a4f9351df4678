import type { Shipment } from '../../../shared/contract/shipments';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { nextDocumentNumber } from '../document-numbers';
import { newId } from '../ids';
import { getReservation, reserveStock, settleReservation } from '../inventory/reservations';
import { findOrderId } from '../orders/orders';
import { recordOrderEvent } from '../orders/order-events';
import { OFF_THE_SHELF, unitsInParcels } from '../packing/parcel-units';
import { getShipment } from './shipment-queries';
import { acceptTrackingNumber } from './tracking-number';
import { refreshTracking } from './tracking-events';

interface Handover {
  carrierId: string;
  serviceId: string;
  trackingNumber?: string;
  skipTrackingCheck: boolean;
}

interface Parcel {
  weightGrams?: number;
  lengthMm?: number;
  widthMm?: number;
  heightMm?: number;
  shippingCost?: number;
}

export interface ShipOrderInput extends Handover, Parcel {
  orderId: string;
  warehouseId: string;
  lines: Array<{ orderLineId: string; quantity: number }>;
}

function invalid(path: string, message: string): never {
  throw new AppError('VALIDATION', message, { issues: [{ path, message }] });
}

/** The carrier and service a parcel goes with, and the tracking number it is stored with. */
async function resolveHandover(ctx: ServiceContext, input: Handover, shipmentId: string | null) {
  const carrier = await ctx.db
    .selectFrom('carriers')
    .select(['id', 'name', 'kind', 'tracking_format', 'active'])
    .where('id', '=', input.carrierId)
    .executeTakeFirst();
  if (!carrier || carrier.active !== 1) invalid('carrierId', 'Choose an active carrier');
  const service = await ctx.db
    .selectFrom('carrier_services')
    .select(['id', 'name', 'active'])
    .where('id', '=', input.serviceId)
    .where('carrier_id', '=', carrier.id)
    .executeTakeFirst();
  if (!service || service.active !== 1) invalid('serviceId', `Choose one of ${carrier.name}'s services`);
  const tracking = acceptTrackingNumber(carrier, input.trackingNumber, input.skipTrackingCheck);
  if (tracking.number) {
    let taken = ctx.db
      .selectFrom('shipments')
      .select('number')
      .where('tracking_number', '=', tracking.number)
      .where('carrier_id', '=', carrier.id)
      .where('stage', '!=', 'cancelled');
    if (shipmentId) taken = taken.where('id', '!=', shipmentId);
    const other = await taken.executeTakeFirst();
    if (other) invalid('trackingNumber', `This tracking number is already on shipment ${other.number}`);
  }
  return { carrier, service, tracking };
}

/** Orders ship while confirmed: a draft holds no stock yet, and a held order waits. */
async function shippableOrder(ctx: ServiceContext, orderId: string) {
  const order = await ctx.db
    .selectFrom('orders')
    .select(['id', 'number', 'status', 'promised_date'])
    .where('id', '=', orderId)
    .executeTakeFirstOrThrow();
  if (order.status !== 'confirmed') {
    throw new AppError('INVALID_STATE', `Order ${order.number} is ${order.status}: only a confirmed order ships`, {
      id: orderId,
      status: order.status,
    });
  }
  return order;
}

/** Consumes units of a reservation and remembers which bins they came out of, for a void. */
async function consumeInto(
  ctx: ServiceContext,
  shipmentId: string,
  line: { orderLineId: string; productId: string },
  reservationId: string,
  quantity: number,
): Promise<void> {
  const issued = await settleReservation(ctx, { id: reservationId, quantity, as: 'consume' });
  if (issued.length === 0) return;
  await ctx.db
    .insertInto('shipment_stock_issues')
    .values(
      issued.map((bin) => ({
        id: newId(),
        shipment_id: shipmentId,
        order_line_id: line.orderLineId,
        product_id: line.productId,
        location_id: bin.locationId,
        quantity: bin.quantity,
      })),
    )
    .execute();
}

/**
 * Takes a shipped line's units out of stock in the parcel's warehouse: from what is held
 * for the line there first. Units held for it in another warehouse are let go instead
 * (this parcel brings them), and whatever is not held here is taken from the bins that
 * have it, refused if they do not (INSUFFICIENT_STOCK).
 */
async function takeStock(
  ctx: ServiceContext,
  shipment: { id: string; warehouseId: string },
  line: { orderLineId: string; productId: string; reservationId: string | null; quantity: number },
): Promise<void> {
  let left = line.quantity;
  const held = line.reservationId ? await getReservation(ctx, line.reservationId) : null;
  if (held && held.status === 'open') {
    const take = Math.min(left, held.openQuantity);
    if (held.warehouseId === shipment.warehouseId) {
      await consumeInto(ctx, shipment.id, line, held.id, take);
      left -= take;
    } else {
      await settleReservation(ctx, { id: held.id, quantity: take, as: 'release' });
    }
  }
  if (left === 0) return;
  const extra = await reserveStock(ctx, {
    productId: line.productId,
    warehouseId: shipment.warehouseId,
    quantity: left,
    referenceType: 'shipment',
    referenceId: shipment.id,
  });
  await consumeInto(ctx, shipment.id, line, extra, left);
}

/** What shipping writes once the parcel's row and lines exist: stock out, label event, order told. */
async function handOverParcel(
  ctx: ServiceContext,
  shipment: { id: string; number: string; orderId: string; warehouseId: string },
  carrierName: string,
  trackingNumber: string | null,
): Promise<void> {
  const lines = await ctx.db
    .selectFrom('shipment_lines')
    .innerJoin('order_lines', 'order_lines.id', 'shipment_lines.order_line_id')
    .select([
      'shipment_lines.order_line_id as orderLineId',
      'shipment_lines.product_id as productId',
      'shipment_lines.quantity as quantity',
      'order_lines.reservation_id as reservationId',
    ])
    .where('shipment_lines.shipment_id', '=', shipment.id)
    .execute();
  for (const line of lines) {
    if (line.productId) await takeStock(ctx, shipment, { ...line, productId: line.productId });
  }
  const now = nowIso();
  await ctx.db
    .insertInto('shipment_events')
    .values({
      id: newId(),
      shipment_id: shipment.id,
      status: 'label_created',
      occurred_at: now,
      location: '',
      description: '',
      source: 'system',
      external_id: null,
      recorded_by: ctx.actor?.id ?? null,
      recorded_at: now,
    })
    .execute();
  // The new event always changes the parcel's tracking, so this also brings the order's
  // fulfilment up to date (the parcel is already in stage shipped).
  await refreshTracking(ctx, shipment.id);
  const units = lines.reduce((sum, line) => sum + line.quantity, 0);
  await recordOrderEvent(ctx, shipment.orderId, 'shipped', {
    shipmentId: shipment.id,
    number: shipment.number,
    carrier: carrierName,
    trackingNumber,
    units,
  });
  await recordAudit(ctx, {
    action: 'shipment.shipped',
    entity: 'shipment',
    entityId: shipment.id,
    details: { number: shipment.number, carrier: carrierName, trackingNumber, units },
  });
}

/**
 * Ships some of an order's lines from one warehouse in one parcel, with no pack station
 * in between. Several calls make a partial shipment in several parcels, from one
 * warehouse or more; shipping more than is left of a line is refused.
 */
export async function shipOrder(ctx: ServiceContext, input: ShipOrderInput): Promise<Shipment> {
  const order = await shippableOrder(ctx, await findOrderId(ctx, input.orderId));
  const warehouse = await ctx.db
    .selectFrom('warehouses')
    .select(['id', 'active'])
    .where('id', '=', input.warehouseId)
    .executeTakeFirst();
  if (!warehouse || warehouse.active !== 1) invalid('warehouseId', 'Choose an active warehouse');
  const handover = await resolveHandover(ctx, input, null);

  const orderLines = await ctx.db
    .selectFrom('order_lines')
    .select(['id', 'product_id', 'sku', 'quantity'])
    .where('order_id', '=', order.id)
    .execute();
  const taken = await unitsInParcels(ctx, [order.id], OFF_THE_SHELF);
  const seen = new Set<string>();
  for (const [i, line] of input.lines.entries()) {
    const orderLine = orderLines.find((l) => l.id === line.orderLineId);
    if (!orderLine) invalid(`lines.${i}.orderLineId`, `Not a line of order ${order.number}`);
    if (seen.has(line.orderLineId)) invalid(`lines.${i}.orderLineId`, `${orderLine.sku} is listed twice`);
    seen.add(line.orderLineId);
    const left = orderLine.quantity - (taken.get(orderLine.id) ?? 0);
    if (line.quantity > left) {
      invalid(
        `lines.${i}.quantity`,
        left > 0
          ? `Only ${left} of ${orderLine.sku} left to ship`
          : `${orderLine.sku} is already all shipped or packed`,
      );
    }
  }

  const id = newId();
  const number = await nextDocumentNumber(ctx, 'SH');
  const now = nowIso();
  await ctx.db
    .insertInto('shipments')
    .values({
      id,
      number,
      order_id: order.id,
      warehouse_id: warehouse.id,
      stage: 'shipped',
      tracking_status: null,
      carrier_id: handover.carrier.id,
      carrier_service_id: handover.service.id,
      tracking_number: handover.tracking.number,
      tracking_verified: handover.tracking.verified ? 1 : 0,
      weight_grams: input.weightGrams ?? null,
      length_mm: input.lengthMm ?? null,
      width_mm: input.widthMm ?? null,
      height_mm: input.heightMm ?? null,
      shipping_cost: input.shippingCost ?? null,
      promised_date: order.promised_date,
      packed_at: null,
      shipped_at: now,
      delivered_at: null,
      last_event_at: null,
      created_by: ctx.actor?.id ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await ctx.db
    .insertInto('shipment_lines')
    .values(
      input.lines.map((line) => ({
        id: newId(),
        shipment_id: id,
        order_line_id: line.orderLineId,
        product_id: orderLines.find((l) => l.id === line.orderLineId)?.product_id ?? null,
        quantity: line.quantity,
      })),
    )
    .execute();
  await handOverParcel(
    ctx,
    { id, number, orderId: order.id, warehouseId: warehouse.id },
    handover.carrier.name,
    handover.tracking.number,
  );
  return getShipment(ctx, id);
}

/** Hands a packed parcel (from the pack station) to its carrier. */
export async function shipPacked(ctx: ServiceContext, id: string, input: Handover & Parcel): Promise<Shipment> {
  const shipment = await ctx.db
    .selectFrom('shipments')
    .select(['id', 'number', 'order_id', 'warehouse_id', 'stage'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!shipment) throw new AppError('NOT_FOUND', `No shipment with id ${id}`, { entity: 'shipment', id });
  if (shipment.stage !== 'packed') {
    throw new AppError(
      'INVALID_STATE',
      `Shipment ${shipment.number} is ${shipment.stage}: only a packed parcel ships`,
      {
        id,
        stage: shipment.stage,
      },
    );
  }
  const order = await shippableOrder(ctx, shipment.order_id);
  const handover = await resolveHandover(ctx, input, id);
  const now = nowIso();
  await ctx.db
    .updateTable('shipments')
    .set({
      stage: 'shipped',
      carrier_id: handover.carrier.id,
      carrier_service_id: handover.service.id,
      tracking_number: handover.tracking.number,
      tracking_verified: handover.tracking.verified ? 1 : 0,
      ...(input.weightGrams !== undefined && { weight_grams: input.weightGrams }),
      ...(input.lengthMm !== undefined && { length_mm: input.lengthMm }),
      ...(input.widthMm !== undefined && { width_mm: input.widthMm }),
      ...(input.heightMm !== undefined && { height_mm: input.heightMm }),
      ...(input.shippingCost !== undefined && { shipping_cost: input.shippingCost }),
      promised_date: order.promised_date,
      shipped_at: now,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
  await handOverParcel(
    ctx,
    { id, number: shipment.number, orderId: shipment.order_id, warehouseId: shipment.warehouse_id },
    handover.carrier.name,
    handover.tracking.number,
  );
  return getShipment(ctx, id);
}
