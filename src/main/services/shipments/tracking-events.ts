import type { TrackingStatus } from '../../../shared/domain/shipments';
import { deriveTracking, type TrackingEventSource } from '../../../shared/domain/tracking-events';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { newId } from '../ids';
import { refreshFulfilment } from './fulfilment';

export interface TrackingEventInput {
  status: TrackingStatus;
  /** ISO-8601 with a zone; stored as UTC. */
  occurredAt: string;
  location?: string;
  description?: string;
  externalId?: string;
}

/**
 * Re-reads a shipment's tracking status, delivery time and last event from all of its
 * events, and the order's fulfilment after it (every shipped parcel delivered: the order
 * is delivered).
 */
export async function refreshTracking(ctx: ServiceContext, shipmentId: string): Promise<void> {
  const shipment = await ctx.db
    .selectFrom('shipments')
    .select(['order_id', 'tracking_status', 'delivered_at', 'last_event_at'])
    .where('id', '=', shipmentId)
    .executeTakeFirstOrThrow();
  const events = await ctx.db
    .selectFrom('shipment_events')
    .select(['status', 'occurred_at as occurredAt'])
    .where('shipment_id', '=', shipmentId)
    .execute();
  const derived = deriveTracking(events);
  if (
    derived.status === shipment.tracking_status &&
    derived.deliveredAt === shipment.delivered_at &&
    derived.lastEventAt === shipment.last_event_at
  ) {
    return;
  }
  await ctx.db
    .updateTable('shipments')
    .set({
      tracking_status: derived.status,
      delivered_at: derived.deliveredAt,
      last_event_at: derived.lastEventAt,
      updated_at: nowIso(),
    })
    .where('id', '=', shipmentId)
    .execute();
  await refreshFulfilment(ctx, shipment.order_id);
}

/** Whether this event is already on the shipment: by the sender's id, else by status and time. */
async function isRecorded(
  ctx: ServiceContext,
  shipmentId: string,
  event: { status: TrackingStatus; occurredAt: string; externalId?: string },
): Promise<boolean> {
  let query = ctx.db.selectFrom('shipment_events').select('id').where('shipment_id', '=', shipmentId);
  query = event.externalId
    ? query.where('external_id', '=', event.externalId)
    : query.where('status', '=', event.status).where('occurred_at', '=', event.occurredAt);
  return (await query.executeTakeFirst()) !== undefined;
}

/**
 * Adds events to a shipped parcel, skipping those it already has, then derives its status
 * again. Events arrive late and out of order; the rule in `deriveTracking` sorts them out.
 */
export async function addTrackingEvents(
  ctx: ServiceContext,
  shipmentId: string,
  source: TrackingEventSource,
  events: readonly TrackingEventInput[],
): Promise<{ added: number; duplicates: number }> {
  const shipment = await ctx.db
    .selectFrom('shipments')
    .select(['number', 'stage'])
    .where('id', '=', shipmentId)
    .executeTakeFirst();
  if (!shipment) throw new AppError('NOT_FOUND', `No shipment with id ${shipmentId}`, { entity: 'shipment' });
  if (shipment.stage !== 'shipped') {
    throw new AppError(
      'INVALID_STATE',
      `Shipment ${shipment.number} is ${shipment.stage}: only a shipped parcel is tracked`,
      {
        id: shipmentId,
        stage: shipment.stage,
      },
    );
  }
  let added = 0;
  let duplicates = 0;
  const recordedAt = nowIso();
  for (const event of events) {
    const occurredAt = new Date(event.occurredAt).toISOString();
    if (await isRecorded(ctx, shipmentId, { ...event, occurredAt })) {
      duplicates += 1;
      continue;
    }
    await ctx.db
      .insertInto('shipment_events')
      .values({
        id: newId(),
        shipment_id: shipmentId,
        status: event.status,
        occurred_at: occurredAt,
        location: event.location ?? '',
        description: event.description ?? '',
        source,
        external_id: event.externalId ?? null,
        recorded_by: ctx.actor?.id ?? null,
        recorded_at: recordedAt,
      })
      .execute();
    added += 1;
  }
  if (added > 0) {
    await refreshTracking(ctx, shipmentId);
    await recordAudit(ctx, {
      action: 'shipment.tracked',
      entity: 'shipment',
      entityId: shipmentId,
      details: { source, added, duplicates },
    });
  }
  return { added, duplicates };
}
