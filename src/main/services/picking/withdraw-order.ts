import { nowIso, type ServiceContext } from '../context';
import { recordOrderEvent } from '../orders/order-events';
import { cancelOrderPackages } from '../packing/packing';
import { withdrawFromPickLists } from './pick-lists';

/**
 * A cancelled order leaves the warehouse's work: off its open pick lists, its packages
 * unpacked (stage cancelled), and its fulfilment back to unfulfilled, since nothing went.
 */
export async function withdrawOrderFromWarehouse(ctx: ServiceContext, orderId: string): Promise<void> {
  await withdrawFromPickLists(ctx, orderId);
  await cancelOrderPackages(ctx, orderId);
  const order = await ctx.db
    .selectFrom('orders')
    .select('fulfilment_status')
    .where('id', '=', orderId)
    .executeTakeFirstOrThrow();
  if (order.fulfilment_status === 'picking' || order.fulfilment_status === 'packed') {
    await ctx.db
      .updateTable('orders')
      .set({ fulfilment_status: 'unfulfilled', updated_at: nowIso() })
      .where('id', '=', orderId)
      .execute();
    await recordOrderEvent(ctx, orderId, 'fulfilment_changed', { from: order.fulfilment_status, to: 'unfulfilled' });
  }
}
