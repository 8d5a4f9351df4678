import type { Kysely } from 'kysely';
import { newId } from '../../services/ids';

// Written out rather than imported: a migration must not change when today's code does.
interface SeedZone {
  name: string;
  countries: string[];
  regions?: string[];
  postcodePrefixes?: string[];
}

interface SeedRule {
  zone: SeedZone;
  minGrams?: number;
  maxGrams: number | null;
  baseGrams: number;
  basePrice: number;
  stepGrams: number;
  stepPrice: number;
  minimumCharge?: number;
  freeOver?: number;
  days: [number, number];
}

interface SeedTerms {
  originCountry: string;
  cutoffHour: number;
  transitCalendar: 'calendar' | 'working';
  oversizeLongestMm?: number;
  oversizeGirthMm?: number;
  oversizeFee?: number;
  remoteFee?: number;
  remoteAreas?: Array<{ countries: string[]; regions?: string[]; postcodePrefixes?: string[] }>;
  rules: SeedRule[];
}

// Domestic zones as seen from a shop in Shanghai; a shop elsewhere redraws them in Settings → Shipping.
const SAME: SeedZone = { name: 'Same province', countries: ['CN'], regions: ['SH'] };
const NEAR: SeedZone = { name: 'Neighbouring provinces', countries: ['CN'], regions: ['JS', 'ZJ', 'AH'] };
const FAR: SeedZone = { name: 'Rest of mainland China', countries: ['CN'] };
const REMOTE: SeedZone = { name: 'Xinjiang and Tibet', countries: ['CN'], regions: ['XJ', 'XZ'] };

const ASIA: SeedZone = { name: 'Asia', countries: ['HK', 'MO', 'TW', 'JP', 'KR', 'SG', 'MY', 'TH', 'VN', 'PH', 'ID'] };
const AMERICAS: SeedZone = { name: 'North America', countries: ['US', 'CA', 'MX'] };
const EUROPE: SeedZone = {
  name: 'Europe',
  countries: ['GB', 'DE', 'FR', 'NL', 'IT', 'ES', 'BE', 'AT', 'CH', 'SE', 'DK', 'IE', 'PL', 'PT', 'FI', 'NO'],
};
const WORLD: SeedZone = {
  name: 'Rest of the world',
  countries: ['AU', 'NZ', 'AE', 'SA', 'IN', 'BR', 'ZA', 'IL', 'TR'],
};

// A warehouse in California: US ground services by the first digit of the ZIP code.
const US_WEST: SeedZone = { name: 'US West', countries: ['US'], postcodePrefixes: ['8', '9'] };
const US_CENTRAL: SeedZone = { name: 'US Central', countries: ['US'], postcodePrefixes: ['4', '5', '6', '7'] };
const US_EAST: SeedZone = { name: 'US East', countries: ['US'], postcodePrefixes: ['0', '1', '2', '3'] };
const ALASKA_HAWAII = [{ countries: ['US'], postcodePrefixes: ['967', '968', '995', '996', '997', '998', '999'] }];

/** 首重/续重: the first kilogram, then each started kilogram, up to `maxKg`. Prices in yuan. */
function perKg(
  zone: SeedZone,
  maxKg: number,
  first: number,
  next: number,
  days: [number, number],
  freeOver?: number,
): SeedRule {
  return {
    zone,
    maxGrams: maxKg * 1000,
    baseGrams: 1000,
    basePrice: first * 100,
    stepGrams: 1000,
    stepPrice: next * 100,
    days,
    freeOver,
  };
}

/** International express: the first 500 g, each started 500 g to 20 kg; above, every started kilogram at one rate. */
function express(
  zone: SeedZone,
  first: number,
  perHalfKg: number,
  heavyPerKg: number,
  days: [number, number],
): SeedRule[] {
  return [
    {
      zone,
      maxGrams: 20_000,
      baseGrams: 500,
      basePrice: first * 100,
      stepGrams: 500,
      stepPrice: perHalfKg * 100,
      days,
    },
    {
      zone,
      minGrams: 20_000,
      maxGrams: 70_000,
      baseGrams: 0,
      basePrice: 0,
      stepGrams: 1000,
      stepPrice: heavyPerKg * 100,
      days,
    },
  ];
}

/** ePacket: a fee per item plus a price per 10 g, charged for 50 g at least, up to 2 kg. */
function epacket(zone: SeedZone, itemFee: number, perKgYuan: number, days: [number, number]): SeedRule {
  const stepPrice = perKgYuan; // fen per 10 g = yuan per kg
  return {
    zone,
    maxGrams: 2000,
    baseGrams: 0,
    basePrice: itemFee * 100,
    stepGrams: 10,
    stepPrice,
    minimumCharge: itemFee * 100 + 5 * stepPrice,
    days,
  };
}

const INTERNATIONAL_REMOTE = [...ALASKA_HAWAII, { countries: ['AU'], postcodePrefixes: ['08'] }];
const FAR_WEST = [{ countries: ['CN'], regions: ['QH', 'GS', 'NX'] }];

const TERMS: Record<string, SeedTerms> = {
  sf_express: {
    originCountry: 'CN',
    cutoffHour: 20,
    transitCalendar: 'calendar',
    oversizeLongestMm: 1500,
    oversizeFee: 3000,
    remoteFee: 1000,
    remoteAreas: FAR_WEST,
    rules: [
      perKg(SAME, 50, 12, 2, [1, 1]),
      perKg(NEAR, 50, 13, 2, [1, 2]),
      perKg(FAR, 50, 20, 6, [2, 3]),
      perKg(REMOTE, 50, 25, 18, [3, 5]),
    ],
  },
  sf_economy: {
    originCountry: 'CN',
    cutoffHour: 18,
    transitCalendar: 'calendar',
    oversizeLongestMm: 1500,
    oversizeFee: 3000,
    remoteFee: 1000,
    remoteAreas: FAR_WEST,
    rules: [
      perKg(SAME, 100, 10, 1, [1, 2]),
      perKg(NEAR, 100, 11, 1.5, [2, 3]),
      perKg(FAR, 100, 16, 4, [3, 5]),
      perKg(REMOTE, 100, 22, 12, [5, 7]),
    ],
  },
  ems: {
    originCountry: 'CN',
    cutoffHour: 17,
    transitCalendar: 'calendar',
    oversizeLongestMm: 1500,
    oversizeFee: 2000,
    rules: [
      perKg(SAME, 40, 15, 4, [1, 2]),
      perKg(NEAR, 40, 18, 6, [2, 3]),
      perKg(FAR, 40, 20, 8, [2, 4]),
      perKg(REMOTE, 40, 25, 15, [4, 7]),
    ],
  },
  china_post_parcel: {
    originCountry: 'CN',
    cutoffHour: 16,
    transitCalendar: 'calendar',
    oversizeLongestMm: 1500,
    oversizeFee: 2000,
    rules: [
      perKg(SAME, 40, 8, 2, [2, 3]),
      perKg(NEAR, 40, 9, 3, [3, 5]),
      perKg(FAR, 40, 12, 6, [4, 7]),
      perKg(REMOTE, 40, 15, 12, [7, 12]),
    ],
  },
  epacket: {
    originCountry: 'CN',
    cutoffHour: 16,
    transitCalendar: 'working',
    rules: [
      epacket(ASIA, 15, 55, [5, 10]),
      epacket(AMERICAS, 19, 90, [7, 12]),
      epacket(EUROPE, 22, 75, [7, 12]),
      epacket(WORLD, 20, 80, [8, 15]),
    ],
  },
  jd_standard: {
    originCountry: 'CN',
    cutoffHour: 20,
    transitCalendar: 'calendar',
    oversizeLongestMm: 1500,
    oversizeFee: 3000,
    remoteFee: 1000,
    remoteAreas: FAR_WEST,
    rules: [
      perKg(SAME, 30, 10, 2, [1, 1]),
      perKg(NEAR, 30, 12, 3, [1, 2]),
      perKg(FAR, 30, 18, 6, [2, 3]),
      perKg(REMOTE, 30, 28, 16, [4, 6]),
    ],
  },
  zto_standard: {
    originCountry: 'CN',
    cutoffHour: 18,
    transitCalendar: 'calendar',
    oversizeLongestMm: 1000,
    oversizeFee: 2000,
    rules: [
      perKg(SAME, 50, 5, 1, [1, 2], 9900),
      perKg(NEAR, 50, 6, 1.5, [1, 3], 9900),
      perKg(FAR, 50, 8, 4, [2, 4], 9900),
      perKg(REMOTE, 50, 18, 14, [5, 8]),
    ],
  },
  yto_standard: {
    originCountry: 'CN',
    cutoffHour: 18,
    transitCalendar: 'calendar',
    oversizeLongestMm: 1000,
    oversizeFee: 2000,
    rules: [
      perKg(SAME, 50, 5, 1, [1, 2], 9900),
      perKg(NEAR, 50, 5.5, 1.5, [2, 3], 9900),
      perKg(FAR, 50, 7.5, 4.5, [3, 4], 9900),
      perKg(REMOTE, 50, 18, 15, [5, 8]),
    ],
  },
  ups_ground: {
    originCountry: 'US',
    cutoffHour: 17,
    transitCalendar: 'working',
    oversizeLongestMm: 1220,
    oversizeGirthMm: 2670,
    oversizeFee: 18000,
    remoteFee: 10000,
    remoteAreas: ALASKA_HAWAII,
    rules: [
      perKg(US_WEST, 68, 70, 10, [1, 2]),
      perKg(US_CENTRAL, 68, 80, 15, [2, 4]),
      perKg(US_EAST, 68, 90, 18, [4, 5]),
    ],
  },
  ups_worldwide_saver: {
    originCountry: 'CN',
    cutoffHour: 16,
    transitCalendar: 'working',
    oversizeLongestMm: 1220,
    oversizeGirthMm: 2670,
    oversizeFee: 45000,
    remoteFee: 20000,
    remoteAreas: INTERNATIONAL_REMOTE,
    rules: [
      ...express(ASIA, 115, 24, 52, [2, 3]),
      ...express(AMERICAS, 170, 43, 93, [2, 5]),
      ...express(EUROPE, 185, 46, 100, [3, 5]),
      ...express(WORLD, 210, 52, 115, [3, 7]),
    ],
  },
  fedex_ground: {
    originCountry: 'US',
    cutoffHour: 17,
    transitCalendar: 'working',
    oversizeLongestMm: 1220,
    oversizeGirthMm: 2670,
    oversizeFee: 18500,
    remoteFee: 10000,
    remoteAreas: ALASKA_HAWAII,
    rules: [
      perKg(US_WEST, 68, 72, 10, [1, 2]),
      perKg(US_CENTRAL, 68, 82, 15, [2, 4]),
      perKg(US_EAST, 68, 92, 18, [3, 5]),
    ],
  },
  fedex_intl_priority: {
    originCountry: 'CN',
    cutoffHour: 16,
    transitCalendar: 'working',
    oversizeLongestMm: 1220,
    oversizeGirthMm: 2670,
    oversizeFee: 46000,
    remoteFee: 20000,
    remoteAreas: INTERNATIONAL_REMOTE,
    rules: [
      ...express(ASIA, 118, 24, 53, [1, 3]),
      ...express(AMERICAS, 175, 44, 95, [1, 3]),
      ...express(EUROPE, 188, 47, 102, [2, 4]),
      ...express(WORLD, 215, 54, 118, [3, 5]),
    ],
  },
  dhl_express_worldwide: {
    originCountry: 'CN',
    cutoffHour: 16,
    transitCalendar: 'working',
    oversizeLongestMm: 1200,
    oversizeFee: 50000,
    remoteFee: 20000,
    remoteAreas: INTERNATIONAL_REMOTE,
    rules: [
      ...express(ASIA, 120, 25, 55, [1, 3]),
      ...express(AMERICAS, 180, 45, 98, [2, 4]),
      ...express(EUROPE, 190, 48, 105, [2, 4]),
      ...express(WORLD, 220, 55, 120, [3, 6]),
    ],
  },
  usps_ground_advantage: {
    originCountry: 'US',
    cutoffHour: 17,
    transitCalendar: 'working',
    rules: [
      {
        zone: US_WEST,
        maxGrams: 31_750,
        baseGrams: 500,
        basePrice: 4500,
        stepGrams: 500,
        stepPrice: 600,
        days: [2, 3],
      },
      {
        zone: US_CENTRAL,
        maxGrams: 31_750,
        baseGrams: 500,
        basePrice: 5000,
        stepGrams: 500,
        stepPrice: 800,
        days: [2, 5],
      },
      {
        zone: US_EAST,
        maxGrams: 31_750,
        baseGrams: 500,
        basePrice: 5500,
        stepGrams: 500,
        stepPrice: 900,
        days: [3, 5],
      },
    ],
  },
  usps_priority: {
    originCountry: 'US',
    cutoffHour: 17,
    transitCalendar: 'working',
    rules: [
      {
        zone: US_WEST,
        maxGrams: 31_750,
        baseGrams: 500,
        basePrice: 6000,
        stepGrams: 500,
        stepPrice: 900,
        days: [1, 2],
      },
      {
        zone: US_CENTRAL,
        maxGrams: 31_750,
        baseGrams: 500,
        basePrice: 6500,
        stepGrams: 500,
        stepPrice: 1100,
        days: [2, 3],
      },
      {
        zone: US_EAST,
        maxGrams: 31_750,
        baseGrams: 500,
        basePrice: 7000,
        stepGrams: 500,
        stepPrice: 1200,
        days: [2, 3],
      },
    ],
  },
  local_delivery: {
    originCountry: 'CN',
    cutoffHour: 15,
    transitCalendar: 'calendar',
    rules: [
      {
        zone: SAME,
        maxGrams: 30_000,
        baseGrams: 30_000,
        basePrice: 1500,
        stepGrams: 1000,
        stepPrice: 0,
        freeOver: 19_900,
        days: [0, 1],
      },
    ],
  },
  store_pickup: {
    originCountry: 'CN',
    cutoffHour: 24,
    transitCalendar: 'calendar',
    rules: [{ zone: SAME, maxGrams: null, baseGrams: 0, basePrice: 0, stepGrams: 1000, stepPrice: 0, days: [0, 0] }],
  },
};

/**
 * Rate rules: each service's price list by zone and weight bracket, and the service terms
 * beyond it (where it ships from, cut-off, working days, oversize and remote-area fees).
 * Orders remember the service chosen for them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('carrier_services')
    .addColumn('origin_country', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('carrier_services')
    .addColumn('cutoff_hour', 'integer', (c) => c.notNull().defaultTo(24))
    .execute();
  await db.schema
    .alterTable('carrier_services')
    .addColumn('transit_calendar', 'text', (c) => c.notNull().defaultTo('calendar'))
    .execute();
  await db.schema.alterTable('carrier_services').addColumn('oversize_longest_mm', 'integer').execute();
  await db.schema.alterTable('carrier_services').addColumn('oversize_girth_mm', 'integer').execute();
  await db.schema
    .alterTable('carrier_services')
    .addColumn('oversize_fee', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('carrier_services')
    .addColumn('remote_fee', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('carrier_services')
    .addColumn('remote_areas', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .alterTable('orders')
    .addColumn('carrier_service_id', 'text', (c) => c.references('carrier_services.id'))
    .execute();

  await db.schema
    .createTable('rate_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('carrier_services.id'))
    .addColumn('zone_name', 'text', (c) => c.notNull())
    .addColumn('countries', 'text', (c) => c.notNull())
    .addColumn('regions', 'text', (c) => c.notNull())
    .addColumn('postcode_prefixes', 'text', (c) => c.notNull())
    .addColumn('min_weight_grams', 'integer', (c) => c.notNull())
    .addColumn('max_weight_grams', 'integer')
    .addColumn('base_weight_grams', 'integer', (c) => c.notNull())
    .addColumn('base_price', 'integer', (c) => c.notNull())
    .addColumn('step_grams', 'integer', (c) => c.notNull())
    .addColumn('step_price', 'integer', (c) => c.notNull())
    .addColumn('minimum_charge', 'integer', (c) => c.notNull())
    .addColumn('free_over', 'integer')
    .addColumn('transit_days_min', 'integer', (c) => c.notNull())
    .addColumn('transit_days_max', 'integer', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_rules_service').on('rate_rules').columns(['service_id', 'sort_order']).execute();

  const now = new Date().toISOString();
  const seeded = db as unknown as Kysely<{
    carrier_services: Record<string, string | number | null>;
    rate_rules: Record<string, string | number | null>;
  }>;
  for (const [code, terms] of Object.entries(TERMS)) {
    const service = await seeded
      .selectFrom('carrier_services')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirst();
    if (!service) continue;
    const serviceId = service.id as string;
    await seeded
      .updateTable('carrier_services')
      .set({
        origin_country: terms.originCountry,
        cutoff_hour: terms.cutoffHour,
        transit_calendar: terms.transitCalendar,
        oversize_longest_mm: terms.oversizeLongestMm ?? null,
        oversize_girth_mm: terms.oversizeGirthMm ?? null,
        oversize_fee: terms.oversizeFee ?? 0,
        remote_fee: terms.remoteFee ?? 0,
        remote_areas: JSON.stringify(
          (terms.remoteAreas ?? []).map((a) => ({
            countries: a.countries,
            regions: a.regions ?? [],
            postcodePrefixes: a.postcodePrefixes ?? [],
          })),
        ),
        updated_at: now,
      })
      .where('id', '=', serviceId)
      .execute();
    for (const [index, rule] of terms.rules.entries()) {
      await seeded
        .insertInto('rate_rules')
        .values({
          id: newId(),
          service_id: serviceId,
          zone_name: rule.zone.name,
          countries: JSON.stringify(rule.zone.countries),
          regions: JSON.stringify(rule.zone.regions ?? []),
          postcode_prefixes: JSON.stringify(rule.zone.postcodePrefixes ?? []),
          min_weight_grams: rule.minGrams ?? 0,
          max_weight_grams: rule.maxGrams,
          base_weight_grams: rule.baseGrams,
          base_price: rule.basePrice,
          step_grams: rule.stepGrams,
          step_price: rule.stepPrice,
          minimum_charge: rule.minimumCharge ?? 0,
          free_over: rule.freeOver ?? null,
          transit_days_min: rule.days[0],
          transit_days_max: rule.days[1],
          sort_order: index,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
  }
}
