import { describe, expect, it } from 'vitest';
import { fulfilmentStatusOf } from '../../src/main/services/shipments/fulfilment';

const line = (ordered: number, packed: number, shipped: number) => ({ ordered, packed, shipped });

describe('an order’s fulfilment status from its parcels', () => {
  it('stays unfulfilled with nothing packed, and keeps picking while a pick list runs', () => {
    expect(fulfilmentStatusOf('unfulfilled', [line(2, 0, 0)], true)).toBe('unfulfilled');
    expect(fulfilmentStatusOf('picking', [line(2, 0, 0)], true)).toBe('picking');
    expect(fulfilmentStatusOf('packed', [line(2, 0, 0)], true)).toBe('unfulfilled');
  });

  it('is picking while only part is packed, and packed once every unit is', () => {
    expect(fulfilmentStatusOf('unfulfilled', [line(2, 1, 0), line(1, 0, 0)], true)).toBe('picking');
    expect(fulfilmentStatusOf('picking', [line(2, 2, 0), line(1, 1, 0)], true)).toBe('packed');
  });

  it('counts shipped parcels: partly, wholly, and delivered only when every parcel is', () => {
    expect(fulfilmentStatusOf('packed', [line(2, 1, 1), line(1, 1, 0)], true)).toBe('partially_shipped');
    expect(fulfilmentStatusOf('partially_shipped', [line(2, 0, 2), line(1, 0, 1)], false)).toBe('shipped');
    expect(fulfilmentStatusOf('shipped', [line(2, 0, 2), line(1, 0, 1)], true)).toBe('delivered');
  });

  it('does not let a parcel with more than was ordered make up for a line still missing', () => {
    expect(fulfilmentStatusOf('packed', [line(1, 0, 3), line(2, 0, 0)], true)).toBe('partially_shipped');
  });
});
