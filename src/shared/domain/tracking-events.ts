import { TRACKING_STATUSES, type TrackingStatus } from './shipments';

/**
 * Where a tracking event came from: written by this app when the parcel shipped, entered
 * by hand, read from a carrier's status file, or posted to the HTTP API by another system.
 */
export const TRACKING_EVENT_SOURCES = ['system', 'manual', 'csv', 'api'] as const;
export type TrackingEventSource = (typeof TRACKING_EVENT_SOURCES)[number];

/** Statuses that apply whenever they are the latest word, wherever the parcel had got to. */
const INTERRUPTIONS: readonly TrackingStatus[] = ['exception', 'returned_to_sender'];

/** The normal journey of a parcel, in order; the rest are interruptions. */
export const NORMAL_JOURNEY = TRACKING_STATUSES.filter((status) => !INTERRUPTIONS.includes(status));

export interface TimedStatus {
  status: TrackingStatus;
  /** The carrier's time of the event, ISO-8601 UTC. */
  occurredAt: string;
}

export interface DerivedTracking {
  status: TrackingStatus | null;
  /** When the parcel was delivered, while its status is delivered. */
  deliveredAt: string | null;
  lastEventAt: string | null;
}

function rank(status: TrackingStatus): number {
  return TRACKING_STATUSES.indexOf(status);
}

/**
 * A shipment's tracking status from all of its events, however late or out of order they
 * arrived: read in the carrier's time order, the normal journey only moves forward (a
 * late "in transit" never undoes "out for delivery"); an exception or a return to sender
 * holds while it is the latest event, and a later normal event resumes the journey from
 * the furthest point reached. Events at the same instant are read in journey order, so
 * the result depends on the set of events alone, never on the order they came in.
 */
export function deriveTracking(events: readonly TimedStatus[]): DerivedTracking {
  const ordered = [...events].sort((a, b) =>
    a.occurredAt === b.occurredAt ? rank(a.status) - rank(b.status) : a.occurredAt < b.occurredAt ? -1 : 1,
  );
  let furthest = -1;
  let status: TrackingStatus | null = null;
  for (const event of ordered) {
    if (INTERRUPTIONS.includes(event.status)) {
      status = event.status;
      continue;
    }
    furthest = Math.max(furthest, NORMAL_JOURNEY.indexOf(event.status));
    status = NORMAL_JOURNEY[furthest] ?? null;
  }
  const delivered = ordered.find((event) => event.status === 'delivered');
  return {
    status,
    deliveredAt: status === 'delivered' && delivered ? delivered.occurredAt : null,
    lastEventAt: ordered.at(-1)?.occurredAt ?? null,
  };
}
