import type { FulfilmentStatus } from '../../../shared/domain/orders';
import { nowIso, type ServiceContext } from '../context';
import { recordOrderEvent } from '../orders/order-events';

/**
 * An order's fulfilment status read from its parcels: what is shipped, packed and
 * delivered against what was ordered. Nothing packed or shipped leaves `picking` alone
 * (a pick list set it, and only the pick list takes it back).
 */
export function fulfilmentStatusOf(
  current: FulfilmentStatus,
  lines: readonly { ordered: number; packed: number; shipped: number }[],
  allShippedDelivered: boolean,
): FulfilmentStatus {
  const ordered = lines.reduce((sum, l) => sum + l.ordered, 0);
  const shipped = lines.reduce((sum, l) => sum + Math.min(l.shipped, l.ordered), 0);
  const packed = lines.reduce((sum, l) => sum + Math.min(l.packed + l.shipped, l.ordered), 0);
  if (ordered > 0 && shipped === ordered) return allShippedDelivered ? 'delivered' : 'shipped';
  if (shipped > 0) return 'partially_shipped';
  if (ordered > 0 && packed === ordered) return 'packed';
  if (packed > 0) return 'picking';
  return current === 'picking' ? 'picking' : 'unfulfilled';
}

/**
 * Brings an order's fulfilment status and its lines' fulfilled quantities in line with
 * its shipments. Call it inside the command's transaction after any shipment changes.
 */
export async function refreshFulfilment(ctx: ServiceContext, orderId: string): Promise<FulfilmentStatus> {
  const order = await ctx.db
    .selectFrom('orders')
    .select(['fulfilment_status'])
    .where('id', '=', orderId)
    .executeTakeFirstOrThrow();
  const lines = await ctx.db
    .selectFrom('order_lines')
    .leftJoin('shipment_lines', 'shipment_lines.order_line_id', 'order_lines.id')
    .leftJoin('shipments', 'shipments.id', 'shipment_lines.shipment_id')
    .select(['order_lines.id as id', 'order_lines.quantity as ordered', 'order_lines.fulfilled_quantity as fulfilled'])
    .select((eb) => [
      eb.fn
        .sum<number>(
          eb
            .case()
            .when('shipments.stage', 'in', ['packing', 'packed'])
            .then(eb.ref('shipment_lines.quantity'))
            .else(0)
            .end(),
        )
        .as('packed'),
      eb.fn
        .sum<number>(
          eb.case().when('shipments.stage', '=', 'shipped').then(eb.ref('shipment_lines.quantity')).else(0).end(),
        )
        .as('shipped'),
    ])
    .where('order_lines.order_id', '=', orderId)
    .groupBy(['order_lines.id', 'order_lines.quantity', 'order_lines.fulfilled_quantity'])
    .execute();
  const undelivered = await ctx.db
    .selectFrom('shipments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('order_id', '=', orderId)
    .where('stage', '=', 'shipped')
    .where((eb) => eb.or([eb('tracking_status', 'is', null), eb('tracking_status', '!=', 'delivered')]))
    .executeTakeFirstOrThrow();

  const counted = lines.map((l) => ({
    ordered: l.ordered,
    packed: Number(l.packed ?? 0),
    shipped: Number(l.shipped ?? 0),
  }));
  for (const [i, line] of lines.entries()) {
    const fulfilled = Math.min(counted[i]!.shipped, line.ordered);
    if (fulfilled !== line.fulfilled) {
      await ctx.db
        .updateTable('order_lines')
        .set({ fulfilled_quantity: fulfilled })
        .where('id', '=', line.id)
        .execute();
    }
  }
  const next = fulfilmentStatusOf(order.fulfilment_status, counted, Number(undelivered.n) === 0);
  if (next !== order.fulfilment_status) {
    await ctx.db
      .updateTable('orders')
      .set({ fulfilment_status: next, updated_at: nowIso() })
      .where('id', '=', orderId)
      .execute();
    await recordOrderEvent(ctx, orderId, 'fulfilment_changed', { from: order.fulfilment_status, to: next });
  }
  return next;
}
