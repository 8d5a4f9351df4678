import type { Shipment } from '../../../shared/contract/shipments';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { postMovements } from '../inventory/ledger';
import { extendReservation, getReservation, reserveStock } from '../inventory/reservations';
import { recordOrderEvent } from '../orders/order-events';
import { refreshFulfilment } from './fulfilment';
import { getShipment, voidableStatus } from './shipment-queries';

/** Holds `quantity` units for an order line again, on its own reservation while that is still open. */
async function holdAgain(
  ctx: ServiceContext,
  orderId: string,
  warehouseId: string,
  line: { id: string; productId: string; reservationId: string | null },
  quantity: number,
): Promise<void> {
  const held = line.reservationId ? await getReservation(ctx, line.reservationId) : null;
  if (held?.status === 'open') {
    await extendReservation(ctx, { id: held.id, quantity });
    return;
  }
  const reservationId = await reserveStock(ctx, {
    productId: line.productId,
    warehouseId,
    quantity,
    referenceType: 'order',
    referenceId: orderId,
  });
  await ctx.db.updateTable('order_lines').set({ reservation_id: reservationId }).where('id', '=', line.id).execute();
}

/**
 * Takes back a parcel the carrier never picked up (a label printed by mistake, the
 * wrong box): its units go back into the bins they left, as return movements in the
 * ledger, and an order still open holds them for its lines again, ready to ship anew.
 */
export async function voidShipment(ctx: ServiceContext, id: string, reason: string): Promise<Shipment> {
  const shipment = await ctx.db
    .selectFrom('shipments')
    .innerJoin('orders', 'orders.id', 'shipments.order_id')
    .select([
      'shipments.number as number',
      'shipments.stage as stage',
      'shipments.tracking_status as trackingStatus',
      'shipments.order_id as orderId',
      'shipments.warehouse_id as warehouseId',
      'orders.status as orderStatus',
    ])
    .where('shipments.id', '=', id)
    .executeTakeFirst();
  if (!shipment) throw new AppError('NOT_FOUND', `No shipment with id ${id}`, { entity: 'shipment', id });
  if (!voidableStatus(shipment.stage, shipment.trackingStatus)) {
    throw new AppError(
      'INVALID_STATE',
      shipment.stage === 'shipped'
        ? `Shipment ${shipment.number} is already with the carrier: take it back as a return`
        : `Shipment ${shipment.number} is ${shipment.stage}: only a shipped parcel is voided`,
      { id, stage: shipment.stage, trackingStatus: shipment.trackingStatus },
    );
  }

  const issued = await ctx.db
    .selectFrom('shipment_stock_issues')
    .select(['order_line_id', 'product_id', 'location_id', 'quantity'])
    .where('shipment_id', '=', id)
    .execute();
  await postMovements(
    ctx,
    issued.map((issue) => ({
      productId: issue.product_id,
      locationId: issue.location_id,
      kind: 'return',
      onHandDelta: issue.quantity,
      reservedDelta: 0,
      reason: 'shipment_voided',
      referenceType: 'shipment',
      referenceId: id,
    })),
  );
  if (shipment.orderStatus === 'confirmed' || shipment.orderStatus === 'on_hold') {
    const perLine = new Map<string, { productId: string; quantity: number }>();
    for (const issue of issued) {
      const entry = perLine.get(issue.order_line_id) ?? { productId: issue.product_id, quantity: 0 };
      entry.quantity += issue.quantity;
      perLine.set(issue.order_line_id, entry);
    }
    for (const [orderLineId, { productId, quantity }] of perLine) {
      const line = await ctx.db
        .selectFrom('order_lines')
        .select('reservation_id')
        .where('id', '=', orderLineId)
        .executeTakeFirstOrThrow();
      await holdAgain(
        ctx,
        shipment.orderId,
        shipment.warehouseId,
        { id: orderLineId, productId, reservationId: line.reservation_id },
        quantity,
      );
    }
  }
  await ctx.db
    .updateTable('shipments')
    .set({ stage: 'cancelled', updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
  await refreshFulfilment(ctx, shipment.orderId);
  await recordOrderEvent(ctx, shipment.orderId, 'shipment_voided', { shipmentId: id, number: shipment.number, reason });
  await recordAudit(ctx, {
    action: 'shipment.voided',
    entity: 'shipment',
    entityId: id,
    details: { number: shipment.number, reason },
  });
  return getShipment(ctx, id);
}
