import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseBest } from '../../src/shared/shipping/best-choice';
import { billableGrams, volumetricGrams } from '../../src/shared/shipping/billable-weight';
import { arrivalDay, collectionDay } from '../../src/shared/shipping/delivery-dates';
import { estimateParcel } from '../../src/shared/shipping/parcel-estimate';
import { rateParcel, type RatedService, type RateOption } from '../../src/shared/shipping/rate-engine';
import { clashingRule } from '../../src/shared/shipping/rule-overlaps';
import type { RateRule, Zone } from '../../src/shared/shipping/rules';
import { placeOf } from '../../src/shared/shipping/zones';

const SAME: Zone = { countries: ['CN'], regions: ['SH'], postcodePrefixes: [] };
const NEAR: Zone = { countries: ['CN'], regions: ['JS', 'ZJ', 'AH'], postcodePrefixes: [] };
const FAR: Zone = { countries: ['CN'], regions: [], postcodePrefixes: [] };
const AMERICAS: Zone = { countries: ['US', 'CA', 'MX'], regions: [], postcodePrefixes: [] };

let ruleCount = 0;
function rule(zone: Zone, fields: Partial<RateRule>): RateRule {
  ruleCount += 1;
  return {
    id: `rule-${ruleCount}`,
    serviceId: 'service',
    zoneName: 'zone',
    zone,
    minWeightGrams: 0,
    maxWeightGrams: 50_000,
    baseWeightGrams: 1000,
    basePrice: 0,
    stepGrams: 1000,
    stepPrice: 0,
    minimumCharge: 0,
    freeOver: null,
    transitDaysMin: 1,
    transitDaysMax: 2,
    ...fields,
  };
}

function service(code: string, fields: Partial<RatedService>): RatedService {
  return {
    id: code,
    code,
    name: code,
    carrierId: code,
    carrierName: code,
    volumetricDivisor: 0,
    originCountry: 'CN',
    cutoffHour: 24,
    transitCalendar: 'calendar',
    oversizeLongestMm: null,
    oversizeGirthMm: null,
    oversizeFee: 0,
    remoteFee: 0,
    remoteAreas: [],
    rules: [],
    ...fields,
  };
}

const sf = service('sf', {
  volumetricDivisor: 12_000,
  cutoffHour: 20,
  rules: [
    rule(SAME, { basePrice: 1200, stepPrice: 200, transitDaysMin: 1, transitDaysMax: 1 }),
    rule(FAR, { basePrice: 2000, stepPrice: 600, transitDaysMin: 2, transitDaysMax: 3 }),
  ],
});
const zto = service('zto', {
  volumetricDivisor: 8000,
  cutoffHour: 18,
  rules: [
    rule(SAME, { basePrice: 500, stepPrice: 100, freeOver: 9900 }),
    rule(FAR, { basePrice: 800, stepPrice: 400, freeOver: 9900, transitDaysMin: 2, transitDaysMax: 4 }),
  ],
});
const epacket = service('epacket', {
  cutoffHour: 16,
  transitCalendar: 'working',
  rules: [
    rule(AMERICAS, {
      maxWeightGrams: 2000,
      baseWeightGrams: 0,
      basePrice: 1900,
      stepGrams: 10,
      stepPrice: 90,
      minimumCharge: 2350,
      transitDaysMin: 7,
      transitDaysMax: 12,
    }),
  ],
});
const dhl = service('dhl', {
  volumetricDivisor: 5000,
  cutoffHour: 16,
  transitCalendar: 'working',
  oversizeLongestMm: 1200,
  oversizeFee: 50_000,
  remoteFee: 20_000,
  remoteAreas: [
    { countries: ['US'], regions: [], postcodePrefixes: ['967', '968', '995', '996', '997', '998', '999'] },
  ],
  rules: [
    rule(AMERICAS, {
      maxWeightGrams: 20_000,
      baseWeightGrams: 500,
      basePrice: 18_000,
      stepGrams: 500,
      stepPrice: 4500,
      transitDaysMin: 2,
      transitDaysMax: 4,
    }),
    rule(AMERICAS, {
      minWeightGrams: 20_000,
      maxWeightGrams: 70_000,
      baseWeightGrams: 0,
      basePrice: 0,
      stepGrams: 1000,
      stepPrice: 9800,
      transitDaysMin: 2,
      transitDaysMax: 4,
    }),
  ],
});
const usGround = service('usps', { originCountry: 'US', rules: [rule(AMERICAS, { basePrice: 4500 })] });

const shanghai = { country: 'CN', region: '上海', city: '上海', postalCode: '' };
const chengdu = { country: 'CN', region: '四川省', city: '成都', postalCode: '610000' };
const anchorage = { country: 'US', region: 'AK', city: 'Anchorage', postalCode: '99501' };
// Friday 27 November 2026, 17:00.
const fridayEvening = { date: '2026-11-27', hour: 17 };

function quote(
  services: RatedService[],
  parcel: { weightGrams: number; lengthMm?: number; widthMm?: number; heightMm?: number },
  destination = shanghai,
  orderValue = 0,
) {
  return rateParcel({
    originCountry: 'CN',
    parcel: { lengthMm: null, widthMm: null, heightMm: null, ...parcel },
    destination,
    orderValue,
    ready: fridayEvening,
    services,
  });
}

describe('billable weight', () => {
  it('is the greater of actual and volumetric, the volume in mm³ over the divisor in grams, rounded up', () => {
    // 300 × 200 × 150 mm = 9,000,000 mm³ = 9,000 cm³; ÷ 12,000 cm³/kg = 0.75 kg = 750 g.
    const parcel = { weightGrams: 2300, lengthMm: 300, widthMm: 200, heightMm: 150 };
    expect(volumetricGrams(parcel, 12_000)).toBe(750);
    expect(billableGrams(parcel, 12_000)).toBe(2300);
    // 101 × 100 × 100 = 1,010,000 mm³ ÷ 8,000 = 126.25 g → 127 g.
    expect(volumetricGrams({ weightGrams: 0, lengthMm: 101, widthMm: 100, heightMm: 100 }, 8000)).toBe(127);
    expect(volumetricGrams(parcel, 0)).toBeNull();
    expect(volumetricGrams({ ...parcel, heightMm: null }, 8000)).toBeNull();
  });
});

describe('the rate engine, by hand-computed cases', () => {
  it('charges the first kilogram and every started kilogram after it (首重/续重)', () => {
    // SF same province: 2.3 kg billable → 1 kg base + ceil(1.3) = 2 steps → ¥12 + 2 × ¥2 = ¥16.00, charged for 3 kg.
    const [option] = quote([sf], { weightGrams: 2300, lengthMm: 300, widthMm: 200, heightMm: 150 }).options;
    expect(option).toMatchObject({
      billableGrams: 2300,
      volumetricGrams: 750,
      chargedGrams: 3000,
      fullPrice: 1600,
      price: 1600,
      parts: [
        { kind: 'base', amount: 1200, weightGrams: 1000 },
        { kind: 'steps', amount: 400, count: 2, stepGrams: 1000 },
      ],
    });
  });

  it('charges a parcel whose products have no weight yet as the lightest parcel, not as nothing', () => {
    // 0 g and no size: billed as 1 g, inside the first kilogram → SF same province ¥12.00.
    const [option] = quote([sf], { weightGrams: 0 }).options;
    expect(option).toMatchObject({ billableGrams: 1, price: 1200 });
  });

  it('charges by volume when the box is light for its size', () => {
    // ZTO to Chengdu (rest of China): 500 × 400 × 300 = 60,000,000 mm³ ÷ 8,000 = 7,500 g > 1,200 g actual.
    // 7.5 kg → base 1 kg + ceil(6.5) = 7 steps → ¥8 + 7 × ¥4 = ¥36.00.
    const [option] = quote([zto], { weightGrams: 1200, lengthMm: 500, widthMm: 400, heightMm: 300 }, chengdu).options;
    expect(option).toMatchObject({ billableGrams: 7500, chargedGrams: 8000, price: 3600, zoneName: 'zone' });
  });

  it('tops a small letter up to the minimum charge', () => {
    // ePacket to the US: 180 g = 18 steps of 10 g → ¥19 + 18 × ¥0.90 = ¥35.20.
    expect(quote([epacket], { weightGrams: 180 }, anchorage).options[0].price).toBe(3520);
    // 30 g → ¥19 + 3 × ¥0.90 = ¥21.70, under the ¥23.50 minimum → topped up by ¥1.80.
    const [light] = quote([epacket], { weightGrams: 30 }, anchorage).options;
    expect(light.price).toBe(2350);
    expect(light.parts).toContainEqual({ kind: 'minimum', amount: 180, minimumCharge: 2350 });
  });

  it('adds the remote-area and oversize fees', () => {
    // DHL to Anchorage (99501, a remote postcode): 1300 × 300 × 200 = 78,000,000 mm³ ÷ 5,000 = 15,600 g > 3,200 g.
    // 15.6 kg → base 0.5 kg + ceil(15.1 / 0.5) = 31 steps → ¥180 + 31 × ¥45 = ¥1,575.00;
    // + ¥200 remote area + ¥500 oversize (1,300 mm longest side > 1,200 mm) = ¥2,275.00.
    const [option] = quote(
      [dhl],
      { weightGrams: 3200, lengthMm: 200, widthMm: 1300, heightMm: 300 },
      anchorage,
    ).options;
    expect(option.parts).toEqual([
      { kind: 'base', amount: 18_000, weightGrams: 500 },
      { kind: 'steps', amount: 139_500, count: 31, stepGrams: 500, stepPrice: 4500 },
      { kind: 'remote', amount: 20_000 },
      { kind: 'oversize', amount: 50_000 },
    ]);
    expect(option.price).toBe(227_500);
    // Above 20 kg the heavy bracket: 20.4 kg → 21 started kilograms × ¥98 = ¥2,058, no oversize for an unknown size.
    const heavy = quote([dhl], { weightGrams: 20_400 }, { ...anchorage, postalCode: '10001' }).options[0];
    expect(heavy.price).toBe(205_800);
  });

  it('ships free over the threshold, still showing what the carrier asks', () => {
    // ZTO to Chengdu, 2 kg: ¥8 + 1 × ¥4 = ¥12.00; the order is worth ¥99.00 → free.
    const [free] = quote([zto], { weightGrams: 2000 }, chengdu, 9900).options;
    expect(free).toMatchObject({ fullPrice: 1200, price: 0 });
    expect(free.parts.at(-1)).toEqual({ kind: 'free_over', amount: -1200, threshold: 9900 });
    expect(quote([zto], { weightGrams: 2000 }, chengdu, 9899).options[0].price).toBe(1200);
  });

  it('takes the narrowest zone that holds the address, and says why the others do not apply', () => {
    const result = quote([sf, zto, epacket, usGround], { weightGrams: 800 }, shanghai);
    expect(result.place).toEqual({ country: 'CN', region: 'SH', postcode: '' });
    // Shanghai is in both SF's same-province zone and its whole-of-China zone: the narrower one wins.
    expect(result.options.map((o) => [o.serviceCode, o.price])).toEqual([
      ['sf', 1200],
      ['zto', 500],
    ]);
    expect(result.ineligible.map((i) => [i.serviceId, i.reason])).toEqual([
      ['epacket', 'no_zone'],
      ['usps', 'origin'],
    ]);
    expect(quote([epacket], { weightGrams: 2001 }, anchorage).ineligible[0].reason).toBe('weight');
  });

  it('reads provinces from Chinese or English names or the postcode', () => {
    const at = (region: string, city: string, postalCode: string) =>
      placeOf({ country: 'cn', region, city, postalCode }).region;
    expect(at('浙江省', '杭州', '')).toBe('ZJ');
    expect(at('Zhejiang', 'Hangzhou', '')).toBe('ZJ');
    expect(at('新疆维吾尔自治区', '乌鲁木齐', '')).toBe('XJ');
    expect(at('', '北京市', '')).toBe('BJ');
    expect(at('', '拉萨', '850000')).toBe('XZ');
    expect(placeOf({ country: 'us', region: 'ak', city: '', postalCode: '99501-1234' })).toEqual({
      country: 'US',
      region: 'AK',
      postcode: '995011234',
    });
  });
});

describe('delivery dates', () => {
  it('counts from the day the carrier collects, in calendar or working days', () => {
    // Friday 17:00: before SF's 20:00 cut-off → collected Friday; one day → Saturday.
    expect(collectionDay(fridayEvening, 20, 'calendar')).toBe('2026-11-27');
    expect(quote([sf], { weightGrams: 500 }).options[0]).toMatchObject({
      collectionDate: '2026-11-27',
      deliveryEarliest: '2026-11-28',
      deliveryLatest: '2026-11-28',
    });
    // After a 16:00 cut-off → Saturday, which a working-day carrier skips → Monday 30 Nov;
    // 2 to 4 working days → Wednesday 2 Dec to Friday 4 Dec.
    expect(quote([dhl], { weightGrams: 500 }, { ...anchorage, postalCode: '10001' }).options[0]).toMatchObject({
      collectionDate: '2026-11-30',
      deliveryEarliest: '2026-12-02',
      deliveryLatest: '2026-12-04',
    });
    // Friday + 1 working day = Monday.
    expect(arrivalDay('2026-11-27', 1, 'working')).toBe('2026-11-30');
    expect(arrivalDay('2026-11-27', 0, 'working')).toBe('2026-11-27');
  });
});

function option(serviceId: string, price: number, deliveryLatest: string): RateOption {
  return {
    serviceId,
    serviceCode: serviceId,
    serviceName: serviceId,
    carrierId: serviceId,
    carrierName: serviceId,
    ruleId: serviceId,
    zoneName: '',
    actualGrams: 1000,
    volumetricGrams: null,
    billableGrams: 1000,
    chargedGrams: 1000,
    parts: [],
    fullPrice: price,
    price,
    transitDaysMin: 1,
    transitDaysMax: 1,
    collectionDate: '2026-11-27',
    deliveryEarliest: deliveryLatest,
    deliveryLatest,
  };
}

describe('the best choice', () => {
  const options = [
    option('slow', 1000, '2026-12-03'),
    option('mid', 1500, '2026-12-01'),
    option('fast', 2500, '2026-11-29'),
  ];

  it('is the cheapest that arrives by the promised date', () => {
    expect(chooseBest(options, { kind: 'cheapest_on_time', promisedDate: '2026-12-02' })).toEqual({
      serviceId: 'mid',
      reason: {
        kind: 'cheapest_on_time',
        promisedDate: '2026-12-02',
        deliveryLatest: '2026-12-01',
        onTimeCount: 2,
        cheaperLateCount: 1,
      },
    });
    // Arriving on the promised day itself is on time.
    expect(chooseBest(options, { kind: 'cheapest_on_time', promisedDate: '2026-12-03' }).serviceId).toBe('slow');
  });

  it('is the fastest, and how late, when nothing arrives in time', () => {
    expect(chooseBest(options, { kind: 'cheapest_on_time', promisedDate: '2026-11-28' })).toEqual({
      serviceId: 'fast',
      reason: { kind: 'none_on_time_fastest', promisedDate: '2026-11-28', deliveryLatest: '2026-11-29', lateDays: 1 },
    });
  });

  it('is the cheapest when nothing was promised', () => {
    expect(chooseBest(options, { kind: 'cheapest_on_time', promisedDate: null })).toEqual({
      serviceId: 'slow',
      reason: { kind: 'cheapest_no_promise', count: 3 },
    });
  });

  it('is the fastest within a budget, or the cheapest when nothing fits it', () => {
    expect(chooseBest(options, { kind: 'fastest_within_budget', budget: 2000 })).toEqual({
      serviceId: 'mid',
      reason: {
        kind: 'fastest_in_budget',
        budget: 2000,
        deliveryLatest: '2026-12-01',
        withinCount: 2,
        fasterOverBudgetCount: 1,
      },
    });
    expect(chooseBest(options, { kind: 'fastest_within_budget', budget: 500 })).toEqual({
      serviceId: 'slow',
      reason: { kind: 'none_in_budget_cheapest', budget: 500, price: 1000, overBy: 500 },
    });
    expect(chooseBest([], { kind: 'fastest_within_budget', budget: 500 })).toEqual({
      serviceId: null,
      reason: { kind: 'no_service' },
    });
  });
});

describe('rules that clash', () => {
  it('refuses two equally narrow zones sharing an address and a weight, and allows exceptions and brackets', () => {
    const same = rule(SAME, { maxWeightGrams: 20_000 });
    expect(clashingRule(rule({ ...NEAR, regions: ['SH', 'JS'] }, {}), [same])).toBe(same);
    expect(clashingRule(rule(FAR, {}), [same])).toBeUndefined();
    expect(clashingRule(rule(SAME, { minWeightGrams: 20_000, maxWeightGrams: 70_000 }), [same])).toBeUndefined();
    expect(clashingRule(rule(SAME, { minWeightGrams: 19_000, maxWeightGrams: null }), [same])).toBe(same);
    expect(clashingRule(rule(NEAR, {}), [same])).toBeUndefined();
    const prefixed = rule({ countries: ['US'], regions: [], postcodePrefixes: ['9'] }, {});
    expect(clashingRule(rule({ countries: ['US'], regions: [], postcodePrefixes: ['995'] }, {}), [prefixed])).toBe(
      prefixed,
    );
  });
});

describe('the parcel an order makes', () => {
  it('adds the weights and sizes a box around the items', () => {
    // 2 × 200×100×50 mm at 300 g and 1 × 150×150×100 mm at 500 g: 1,100 g.
    // Longest side 200; volume 2 × 1,000,000 + 2,250,000 = 4,250,000 mm³ × 1.2 = 5,100,000;
    // ÷ 200 = 25,500 mm² → √ = 159.7 mm ≥ the widest middle side 150 → 160 mm. Box 200 × 160 × 160.
    const estimate = estimateParcel([
      { quantity: 2, weightGrams: 300, lengthMm: 200, widthMm: 100, heightMm: 50 },
      { quantity: 1, weightGrams: 500, lengthMm: 150, widthMm: 100, heightMm: 150 },
    ]);
    expect(estimate).toEqual({
      parcel: { weightGrams: 1100, lengthMm: 200, widthMm: 160, heightMm: 160 },
      unweighedItems: 0,
    });
    expect(estimateParcel([{ quantity: 3, weightGrams: null, lengthMm: 10, widthMm: null, heightMm: 10 }])).toEqual({
      parcel: { weightGrams: 0, lengthMm: null, widthMm: null, heightMm: null },
      unweighedItems: 1,
    });
  });
});

describe('properties', () => {
  const ruleArbitrary = fc.record({
    baseWeightGrams: fc.integer({ min: 0, max: 5000 }),
    basePrice: fc.integer({ min: 0, max: 100_000 }),
    stepGrams: fc.integer({ min: 1, max: 5000 }),
    stepPrice: fc.integer({ min: 0, max: 10_000 }),
    minimumCharge: fc.integer({ min: 0, max: 100_000 }),
  });

  it('never charges less for a heavier parcel in the same zone and bracket', () => {
    fc.assert(
      fc.property(
        ruleArbitrary,
        fc.integer({ min: 1, max: 50_000 }),
        fc.integer({ min: 1, max: 50_000 }),
        (fields, a, b) => {
          const tried = service('s', { rules: [rule(FAR, { ...fields, maxWeightGrams: null })] });
          const [light, heavy] = [Math.min(a, b), Math.max(a, b)].map(
            (weightGrams) => quote([tried], { weightGrams }, chengdu).options[0],
          );
          expect(heavy.price).toBeGreaterThanOrEqual(light.price);
          expect(heavy.chargedGrams).toBeGreaterThanOrEqual(heavy.billableGrams);
        },
      ),
    );
  });

  it('prices every parcel as parts that add up to the price, never below the minimum', () => {
    fc.assert(
      fc.property(
        ruleArbitrary,
        fc.integer({ min: 1, max: 50_000 }),
        fc.array(fc.integer({ min: 1, max: 2000 }), { minLength: 3, maxLength: 3 }),
        (fields, weightGrams, [lengthMm, widthMm, heightMm]) => {
          const tried = service('s', {
            volumetricDivisor: 6000,
            rules: [rule(FAR, { ...fields, maxWeightGrams: null })],
          });
          const [priced] = quote([tried], { weightGrams, lengthMm, widthMm, heightMm }, chengdu).options;
          expect(priced.parts.reduce((sum, part) => sum + part.amount, 0)).toBe(priced.price);
          expect(priced.price).toBeGreaterThanOrEqual(fields.minimumCharge);
          expect(priced.billableGrams).toBe(Math.max(weightGrams, Math.ceil((lengthMm * widthMm * heightMm) / 6000)));
        },
      ),
    );
  });
});
