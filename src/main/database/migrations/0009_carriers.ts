import type { Kysely } from 'kysely';
import { newId } from '../../services/ids';

interface SeedService {
  code: string;
  name: string;
  /** cm³ per kg; 0 where the service does not charge by volume. */
  volumetricDivisor: number;
}

interface SeedCarrier {
  code: string;
  name: string;
  kind: 'parcel' | 'local' | 'pickup';
  /** Which tracking-number formats check this carrier's numbers (src/shared/tracking). */
  trackingFormat: string | null;
  trackingUrl: string | null;
  services: SeedService[];
}

/**
 * The carriers a shop in China selling at home and abroad starts with. Every row is
 * editable afterwards; codes stay as the stable handle other tables and imports use.
 */
const CARRIERS: SeedCarrier[] = [
  {
    code: 'sf',
    name: 'SF Express',
    kind: 'parcel',
    trackingFormat: 'sf',
    trackingUrl: 'https://www.sf-express.com/chn/sc/waybill/waybill-detail/%s',
    services: [
      { code: 'sf_express', name: 'SF Standard Express', volumetricDivisor: 12000 },
      { code: 'sf_economy', name: 'SF Economy', volumetricDivisor: 12000 },
    ],
  },
  {
    code: 'china_post',
    name: 'China Post / EMS',
    kind: 'parcel',
    trackingFormat: 'upu_s10',
    trackingUrl: 'https://www.ems.com.cn/qps/yjcx?mailNum=%s',
    services: [
      { code: 'ems', name: 'EMS', volumetricDivisor: 8000 },
      { code: 'china_post_parcel', name: 'China Post Parcel', volumetricDivisor: 0 },
      { code: 'epacket', name: 'ePacket (international)', volumetricDivisor: 0 },
    ],
  },
  {
    code: 'jd',
    name: 'JD Logistics',
    kind: 'parcel',
    trackingFormat: 'jd',
    trackingUrl: 'https://www.jdl.com/#/trackQuery?waybillCodes=%s',
    services: [{ code: 'jd_standard', name: 'JD Standard', volumetricDivisor: 8000 }],
  },
  {
    code: 'zto',
    name: 'ZTO Express',
    kind: 'parcel',
    trackingFormat: 'zto',
    trackingUrl: 'https://www.zto.com/?num=%s',
    services: [{ code: 'zto_standard', name: 'ZTO Standard', volumetricDivisor: 8000 }],
  },
  {
    code: 'yto',
    name: 'YTO Express',
    kind: 'parcel',
    trackingFormat: 'yto',
    trackingUrl: 'https://www.yto.net.cn/?num=%s',
    services: [{ code: 'yto_standard', name: 'YTO Standard', volumetricDivisor: 8000 }],
  },
  {
    code: 'ups',
    name: 'UPS',
    kind: 'parcel',
    trackingFormat: 'ups',
    trackingUrl: 'https://www.ups.com/track?tracknum=%s',
    services: [
      { code: 'ups_ground', name: 'UPS Ground', volumetricDivisor: 5000 },
      { code: 'ups_worldwide_saver', name: 'UPS Worldwide Saver', volumetricDivisor: 5000 },
    ],
  },
  {
    code: 'fedex',
    name: 'FedEx',
    kind: 'parcel',
    trackingFormat: 'fedex',
    trackingUrl: 'https://www.fedex.com/fedextrack/?trknbr=%s',
    services: [
      { code: 'fedex_ground', name: 'FedEx Ground', volumetricDivisor: 5000 },
      { code: 'fedex_intl_priority', name: 'FedEx International Priority', volumetricDivisor: 5000 },
    ],
  },
  {
    code: 'dhl',
    name: 'DHL Express',
    kind: 'parcel',
    trackingFormat: 'dhl',
    trackingUrl: 'https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id=%s',
    services: [{ code: 'dhl_express_worldwide', name: 'DHL Express Worldwide', volumetricDivisor: 5000 }],
  },
  {
    code: 'usps',
    name: 'USPS',
    kind: 'parcel',
    trackingFormat: 'usps',
    trackingUrl: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=%s',
    services: [
      { code: 'usps_ground_advantage', name: 'USPS Ground Advantage', volumetricDivisor: 0 },
      { code: 'usps_priority', name: 'USPS Priority Mail', volumetricDivisor: 0 },
    ],
  },
  {
    code: 'local',
    name: 'Own local delivery',
    kind: 'local',
    trackingFormat: null,
    trackingUrl: null,
    services: [{ code: 'local_delivery', name: 'Local delivery', volumetricDivisor: 0 }],
  },
  {
    code: 'pickup',
    name: 'Customer pickup',
    kind: 'pickup',
    trackingFormat: null,
    trackingUrl: null,
    services: [{ code: 'store_pickup', name: 'Pickup at the shop', volumetricDivisor: 0 }],
  },
];

/** Carriers and their services: who can take a parcel, and how each service charges by volume. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('carriers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('tracking_format', 'text')
    .addColumn('tracking_url', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('carrier_services')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('carrier_id', 'text', (c) => c.notNull().references('carriers.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('volumetric_divisor', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('carrier_services_carrier').on('carrier_services').column('carrier_id').execute();

  const now = new Date().toISOString();
  const seeded = db as unknown as Kysely<{
    carriers: Record<string, string | number | null>;
    carrier_services: Record<string, string | number>;
  }>;
  for (const [carrierIndex, carrier] of CARRIERS.entries()) {
    const carrierId = newId();
    await seeded
      .insertInto('carriers')
      .values({
        id: carrierId,
        code: carrier.code,
        name: carrier.name,
        kind: carrier.kind,
        tracking_format: carrier.trackingFormat,
        tracking_url: carrier.trackingUrl,
        active: 1,
        sort_order: carrierIndex,
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (const [serviceIndex, service] of carrier.services.entries()) {
      await seeded
        .insertInto('carrier_services')
        .values({
          id: newId(),
          carrier_id: carrierId,
          code: service.code,
          name: service.name,
          volumetric_divisor: service.volumetricDivisor,
          active: 1,
          sort_order: serviceIndex,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
  }
}
