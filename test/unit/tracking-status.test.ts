import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TRACKING_STATUSES, type TrackingStatus } from '../../src/shared/domain/shipments';
import { deriveTracking } from '../../src/shared/domain/tracking-events';

const at = (hour: number) => `2026-11-20T${String(hour).padStart(2, '0')}:00:00.000Z`;
const event = (status: TrackingStatus, hour: number) => ({ status, occurredAt: at(hour) });

describe('a shipment’s tracking status from its events', () => {
  it('is nothing without events, and follows the journey forward', () => {
    expect(deriveTracking([])).toEqual({ status: null, deliveredAt: null, lastEventAt: null });
    expect(deriveTracking([event('label_created', 1), event('picked_up', 2), event('in_transit', 5)]).status).toBe(
      'in_transit',
    );
  });

  it('never goes back for a late event: an old "in transit" arriving after "out for delivery" changes nothing', () => {
    const arrived = [event('label_created', 1), event('out_for_delivery', 9), event('in_transit', 5)];
    expect(deriveTracking(arrived)).toMatchObject({ status: 'out_for_delivery', lastEventAt: at(9) });
    // Even an event stamped later cannot move a parcel backwards along the journey.
    expect(deriveTracking([event('delivered', 10), event('in_transit', 11)]).status).toBe('delivered');
  });

  it('lets an exception or a return hold while it is the latest event, and resumes on a later normal event', () => {
    const withException = [event('picked_up', 1), event('out_for_delivery', 3), event('exception', 4)];
    expect(deriveTracking(withException).status).toBe('exception');
    // A later normal event resumes from the furthest point reached, not from where it says.
    expect(deriveTracking([...withException, event('in_transit', 5)]).status).toBe('out_for_delivery');
    expect(deriveTracking([...withException, event('delivered', 6)])).toMatchObject({
      status: 'delivered',
      deliveredAt: at(6),
    });
    // An exception stamped before the latest normal event is history, not the status.
    expect(deriveTracking([event('in_transit', 5), event('exception', 2)]).status).toBe('in_transit');
    expect(deriveTracking([event('delivered', 5), event('returned_to_sender', 8)])).toMatchObject({
      status: 'returned_to_sender',
      deliveredAt: null,
    });
  });

  it('reads events at the same instant in journey order', () => {
    expect(deriveTracking([event('delivered', 3), event('out_for_delivery', 3)]).status).toBe('delivered');
    expect(deriveTracking([event('exception', 3), event('in_transit', 3)]).status).toBe('exception');
  });

  it('gives the same status, delivery time and last event whatever order the same events arrive in', () => {
    const anEvent = fc.record({
      status: fc.constantFrom(...TRACKING_STATUSES),
      occurredAt: fc.integer({ min: 0, max: 30 }).map((hour) => at(hour % 24)),
    });
    fc.assert(
      fc.property(
        fc
          .array(anEvent, { minLength: 1, maxLength: 12 })
          .chain((events) => fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length }))),
        ([events, shuffled]) => {
          expect(deriveTracking(shuffled)).toEqual(deriveTracking(events));
        },
      ),
    );
  });

  it('never reports a normal status behind the furthest one reached', () => {
    const normal = TRACKING_STATUSES.filter((s) => s !== 'exception' && s !== 'returned_to_sender');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...normal), { minLength: 1, maxLength: 10 }), (statuses) => {
        const events = statuses.map((status, hour) => event(status, hour));
        const furthest = Math.max(...statuses.map((s) => normal.indexOf(s)));
        expect(deriveTracking(events).status).toBe(normal[furthest]);
      }),
    );
  });
});
