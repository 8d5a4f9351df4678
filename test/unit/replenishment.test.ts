import { describe, expect, it } from 'vitest';
import { dayOfIsoDate } from '../../src/main/services/forecasts/calendar';
import { normalQuantile } from '../../src/main/services/forecasts/normal-quantile';
import { replenishmentPolicy, type PolicyInput } from '../../src/main/services/forecasts/replenishment';
import { demandBetween } from '../../src/main/services/forecasts/series-forecast';

/** Monday 2 March 2026. */
const MONDAY = dayOfIsoDate('2026-03-02');

const settings = { serviceLevelPercent: 95, orderingCost: 5000, holdingRatePercent: 25 };

function input(change: Partial<PolicyInput> = {}): PolicyInput {
  return {
    today: MONDAY,
    leadTimeDays: 14,
    unitCost: 1000,
    onHand: 100,
    reserved: 30,
    onOrder: 50,
    // 70 a week: 10 a day.
    forecast: {
      bucket: 'week',
      forecastStart: '2026-03-02',
      values: new Array(26).fill(70),
      hi80: new Array(26).fill(90),
    },
    rmse: 14,
    settings,
    ...change,
  };
}

describe('the normal quantile', () => {
  it('gives the z of the usual service levels', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514722, 8);
    expect(normalQuantile(0.99)).toBeCloseTo(2.3263478740408408, 8);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.3263478740408408, 8);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306167813, 8);
  });
});

describe('forecast demand over a span of days', () => {
  it('spreads each bucket over its days and repeats the last bucket past the horizon', () => {
    const forecast = { bucket: 'week' as const, forecastStart: '2026-03-02', values: [70, 140] };
    // From Wednesday for 7 days: 5 days of the first week (10 a day) and 2 of the second (20 a day).
    expect(demandBetween(forecast, MONDAY + 2, MONDAY + 9)).toBeCloseTo(90, 10);
    // Past the two weeks the second week's 20 a day goes on.
    expect(demandBetween(forecast, MONDAY, MONDAY + 21)).toBeCloseTo(70 + 140 + 140, 10);
    // A negative forecast is no demand.
    expect(demandBetween({ ...forecast, values: [-70, 70] }, MONDAY, MONDAY + 14)).toBeCloseTo(70, 10);
  });

  it('counts months by their own days', () => {
    const forecast = { bucket: 'month' as const, forecastStart: '2026-02-01', values: [280, 310] };
    // 28 days of February at 10 a day, then 3 days of March at 10 a day.
    expect(demandBetween(forecast, dayOfIsoDate('2026-02-01'), dayOfIsoDate('2026-03-04'))).toBeCloseTo(310, 10);
  });
});

describe('the replenishment policy', () => {
  it('computes reorder point, EOQ, order-up-to and the suggestion by hand', () => {
    const policy = replenishmentPolicy(input());
    // Lead time 14 days at 10 a day.
    expect(policy.leadTimeDemand).toBeCloseTo(140, 10);
    // z(95 %) × 14 a week × √(14 / 7 weeks) = 1.6448536 × 14 × 1.4142136 = 32.5664
    expect(policy.safetyStock).toBeCloseTo(32.5664, 3);
    expect(policy.reorderPoint).toBe(173);
    // √(2 × 3650 a year × 50.00 an order / (10.00 × 25 %)) = √146000 = 382.1 → 383
    expect(policy.economicOrderQuantity).toBe(383);
    expect(policy.orderUpTo).toBe(556);
    // 100 on hand + 50 on order − 30 reserved = 120, at or below 173: order up to 556.
    expect(policy.position).toBe(120);
    expect(policy.suggested).toBe(436);
  });

  it('suggests nothing while the position is above the reorder point', () => {
    const policy = replenishmentPolicy(input({ onHand: 200 }));
    expect(policy.position).toBe(220);
    expect(policy.suggested).toBe(0);
  });

  it('gives a seasonal item the reorder point of the weeks ahead, not a yearly average', () => {
    const offSeason = [0, 0, ...new Array(24).fill(70)];
    const inSeason = [70, 70, ...new Array(24).fill(0)];
    const before = replenishmentPolicy(input({ forecast: { ...input().forecast, values: offSeason } }));
    const during = replenishmentPolicy(input({ forecast: { ...input().forecast, values: inSeason } }));
    expect(before.leadTimeDemand).toBe(0);
    expect(before.reorderPoint).toBe(33);
    expect(during.leadTimeDemand).toBeCloseTo(140, 10);
    expect(during.reorderPoint).toBe(173);
  });

  it('takes the error from the 80 % band without fitted errors, and sizes by 30 days without a cost', () => {
    const policy = replenishmentPolicy(input({ rmse: null, unitCost: 0 }));
    // (90 − 70) / z(90 %) = 15.606 a week; × 1.6448536 × √2 = 36.30
    expect(policy.safetyStock).toBeCloseTo((20 / 1.2815515655446004) * 1.6448536269514722 * Math.SQRT2, 6);
    expect(policy.economicOrderQuantity).toBeNull();
    expect(policy.reorderPoint).toBe(177);
    expect(policy.orderUpTo).toBe(177 + 300);
  });
});
