import { recordAudit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { newId } from '../ids';

/**
 * One entry on an order's timeline, and the same in the audit log: both name the user
 * and are written in the transaction that made the change.
 */
export async function recordOrderEvent(
  ctx: ServiceContext,
  orderId: string,
  kind: string,
  details?: Record<string, unknown>,
): Promise<void> {
  await ctx.db
    .insertInto('order_events')
    .values({
      id: newId(),
      order_id: orderId,
      at: nowIso(),
      user_id: ctx.actor?.id ?? null,
      kind,
      details: details === undefined ? null : JSON.stringify(details),
    })
    .execute();
  await recordAudit(ctx, { action: `order.${kind}`, entity: 'order', entityId: orderId, details });
}

export async function orderTimeline(ctx: ServiceContext, orderId: string) {
  const rows = await ctx.db
    .selectFrom('order_events')
    .leftJoin('users', 'users.id', 'order_events.user_id')
    .select([
      'order_events.id as id',
      'order_events.at as at',
      'order_events.kind as kind',
      'order_events.user_id as userId',
      'users.display_name as userName',
      'order_events.details as details',
    ])
    .where('order_events.order_id', '=', orderId)
    .orderBy('order_events.at')
    .orderBy('order_events.id')
    .execute();
  return rows.map((r) => ({
    ...r,
    details: r.details === null ? null : (JSON.parse(r.details) as Record<string, unknown>),
  }));
}
