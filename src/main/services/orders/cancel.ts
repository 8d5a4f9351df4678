import type { Order } from '../../../shared/domain/orders';
import { AppError } from '../../../shared/errors';
import { MANAGERS } from '../../../shared/roles';
import { nowIso, type ServiceContext } from '../context';
import { withdrawOrderFromWarehouse } from '../picking/withdraw-order';
import { recordOrderEvent } from './order-events';
import { assertCan, getOrder, orderRow, releaseOrderStock } from './orders';
import { giveRefund } from './payments';

/**
 * Cancels an order that has not shipped: every unit held is released, its pick lines and
 * packages go, and everything paid is refunded (to the original methods, or as store
 * credit), in one transaction.
 */
export async function cancelOrder(
  ctx: ServiceContext,
  id: string,
  input: { reason: string; refundTo: 'original' | 'store_credit' },
): Promise<Order> {
  const row = await orderRow(ctx, id);
  assertCan(row, 'cancel');
  await releaseOrderStock(ctx, id);
  await withdrawOrderFromWarehouse(ctx, id);
  const paid = row.paid_total - row.refunded_total;
  // Cancelling a paid order pays money back: as with a refund, only a manager may.
  if (paid > 0 && ctx.actor && !MANAGERS.includes(ctx.actor.role)) {
    throw new AppError('FORBIDDEN', `Order ${row.number} has been paid: a manager cancels it and refunds the money`, {
      id,
      paid,
    });
  }
  if (paid > 0) {
    await giveRefund(ctx, id, { amount: paid, to: input.refundTo, reason: input.reason || 'Cancelled' });
  }
  const now = nowIso();
  await ctx.db
    .updateTable('orders')
    .set({ status: 'cancelled', cancelled_at: now, updated_at: now })
    .where('id', '=', id)
    .execute();
  await recordOrderEvent(ctx, id, 'cancelled', { reason: input.reason, refunded: paid });
  return getOrder(ctx, id);
}
