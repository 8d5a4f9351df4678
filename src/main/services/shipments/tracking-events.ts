import type { TrackingStatus } from '../../../shared/domain/shipments';
import { deriveTracking, type TrackingEventSource } from '../../../shared/domain/tracking-events';
import { AppError } from '../../../shared/errors';
import { chunks } from '../../database/chunks';
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

/** The key an event is known by on its parcel: the sender's id where it has one, else its status and time. */
export function eventKey(
  shipmentId: string,
  event: { status: string; occurredAt: string; externalId?: string | null },
): string {
  return event.externalId
    ? `${shipmentId}\u0000id\u0000${event.externalId}`
    : `${shipmentId}\u0000at\u0000${event.status}\u0000${event.occurredAt}`;
}

/** Remembers an event under every key a later copy of it could arrive with. */
export function rememberEvent(
  keys: Set<string>,
  shipmentId: string,
  event: { status: string; occurredAt: string; externalId?: string | null },
): void {
  keys.add(eventKey(shipmentId, { status: event.status, occurredAt: event.occurredAt }));
  if (event.externalId) keys.add(eventKey(shipmentId, event));
}

/** The keys of every event the parcels already have, read in one pass. */
export async function recordedEventKeys(ctx: ServiceContext, shipmentIds: Iterable<string>): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const part of chunks([...new Set(shipmentIds)])) {
    const rows = await ctx.db
      .selectFrom('shipment_events')
      .select(['shipment_id', 'status', 'occurred_at', 'external_id'])
      .where('shipment_id', 'in', part)
      .execute();
    for (const row of rows) {
      rememberEvent(keys, row.shipment_id, {
        status: row.status,
        occurredAt: row.occurred_at,
        externalId: row.external_id,
      });
    }
  }
  return keys;
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
  const known = await recordedEventKeys(ctx, [shipmentId]);
  const recordedAt = nowIso();
  const rows = [];
  for (const event of events) {
    const occurredAt = new Date(event.occurredAt).toISOString();
    if (known.has(eventKey(shipmentId, { ...event, occurredAt }))) continue;
    rememberEvent(known, shipmentId, { ...event, occurredAt });
    rows.push({
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
    });
  }
  for (const part of chunks(rows)) await ctx.db.insertInto('shipment_events').values(part).execute();
  const added = rows.length;
  const duplicates = events.length - added;
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
