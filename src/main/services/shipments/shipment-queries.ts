import type { SelectQueryBuilder } from 'kysely';
import type { Shipment, ShipmentSummary, SHIPMENT_SORT_COLUMNS } from '../../../shared/contract/shipments';
import { TRACKING_STATUSES, type ShipmentStage, type TrackingStatus } from '../../../shared/domain/shipments';
import { AppError } from '../../../shared/errors';
import type { Database } from '../../database/schema';
import type { ServiceContext } from '../context';
import { TRACKING_FORMATS } from '../../../shared/tracking/formats';
import { businessDay } from '../document-numbers';

type From = 'shipments' | 'orders' | 'warehouses' | 'carriers' | 'carrier_services';
type ShipmentQuery = SelectQueryBuilder<Database, From, object>;

/** Today on this machine as YYYY-MM-DD, the form promised dates take. */
export function today(now = new Date()): string {
  return businessDay(now).replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3');
}

/** Past its promised day and not delivered: what the late flag says. */
export function isLate(
  row: { stage: ShipmentStage; tracking_status: TrackingStatus | null; promised_date: string | null },
  day: string,
): boolean {
  return (
    row.stage !== 'cancelled' &&
    row.tracking_status !== 'delivered' &&
    row.promised_date !== null &&
    row.promised_date < day
  );
}

export function trackingPage(template: string | null, number: string | null): string | null {
  return template && number ? template.replace('%s', encodeURIComponent(number)) : null;
}

function baseQuery(ctx: ServiceContext): ShipmentQuery {
  return ctx.db
    .selectFrom('shipments')
    .innerJoin('orders', 'orders.id', 'shipments.order_id')
    .innerJoin('warehouses', 'warehouses.id', 'shipments.warehouse_id')
    .leftJoin('carriers', 'carriers.id', 'shipments.carrier_id')
    .leftJoin('carrier_services', 'carrier_services.id', 'shipments.carrier_service_id') as unknown as ShipmentQuery;
}

function selectSummary(query: ShipmentQuery) {
  return query
    .selectAll('shipments')
    .select([
      'orders.number as order_number',
      'orders.customer_name as customer_name',
      'warehouses.code as warehouse_code',
      'carriers.name as carrier_name',
      'carriers.code as carrier_code',
      'carriers.kind as carrier_kind',
      'carriers.tracking_url as carrier_tracking_url',
      'carrier_services.name as service_name',
      'carrier_services.code as service_code',
    ])
    .select((eb) =>
      eb
        .selectFrom('shipment_lines')
        .select((sub) => sub.fn.coalesce(sub.fn.sum<number>('shipment_lines.quantity'), sub.lit(0)).as('units'))
        .whereRef('shipment_lines.shipment_id', '=', 'shipments.id')
        .as('units'),
    );
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof selectSummary>['executeTakeFirstOrThrow']>>;

function toSummary(row: SummaryRow, day: string): ShipmentSummary {
  return {
    id: row.id,
    number: row.number,
    orderId: row.order_id,
    orderNumber: row.order_number,
    customerName: row.customer_name,
    warehouseId: row.warehouse_id,
    warehouseCode: row.warehouse_code,
    stage: row.stage,
    trackingStatus: row.tracking_status,
    carrierName: row.carrier_name,
    serviceName: row.service_name,
    trackingNumber: row.tracking_number,
    trackingUrl: trackingPage(row.carrier_tracking_url, row.tracking_number),
    promisedDate: row.promised_date,
    late: isLate(row, day),
    units: Number(row.units ?? 0),
    shippedAt: row.shipped_at,
    deliveredAt: row.delivered_at,
    lastEventAt: row.last_event_at,
    createdAt: row.created_at,
  };
}

export interface ShipmentListInput {
  sort: (typeof SHIPMENT_SORT_COLUMNS)[number];
  direction: 'asc' | 'desc';
  q?: string;
  stage?: ShipmentStage;
  trackingStatus?: TrackingStatus;
  late?: boolean;
  orderId?: string;
  offset: number;
  limit: number;
}

const SORT_COLUMNS = {
  createdAt: 'created_at',
  number: 'number',
  shippedAt: 'shipped_at',
  promisedDate: 'promised_date',
} as const;

type ShipmentsOnly = SelectQueryBuilder<Database, 'shipments', object>;

const UNDELIVERED = TRACKING_STATUSES.filter((status) => status !== 'delivered');

/**
 * The filters on the shipments table alone, so counting and paging never join. A search
 * is one kind of match, each an index range: a shipment number (SH-…), an order number
 * (another prefix with a dash), else a tracking number as typed or as labels print it.
 */
function filterShipments(query: ShipmentsOnly, input: ShipmentListInput, day: string): ShipmentsOnly {
  let q = query;
  if (input.stage) q = q.where('stage', '=', input.stage);
  if (input.trackingStatus) q = q.where('tracking_status', '=', input.trackingStatus);
  if (input.orderId) q = q.where('order_id', '=', input.orderId);
  if (input.late) {
    // Spelled as lists, not "not cancelled, not delivered", so each half is index ranges
    // (stage, tracking_status, promised_date): late parcels are few among many delivered.
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('stage', 'in', ['packing', 'packed']), eb('promised_date', '<', day)]),
        eb.and([eb('stage', '=', 'shipped'), eb('tracking_status', 'in', UNDELIVERED), eb('promised_date', '<', day)]),
      ]),
    );
  }
  const search = input.q?.trim().toUpperCase();
  if (search) {
    const upTo = (prefix: string) => `${prefix}\uffff`;
    if (/^SH-/.test(search)) {
      q = q.where('number', '>=', search).where('number', '<', upTo(search));
    } else if (/^[A-Z]{1,4}-/.test(search)) {
      q = q.where('order_id', 'in', (eb) =>
        eb
          .selectFrom('orders')
          .select('orders.id')
          .where('orders.number', '>=', search)
          .where('orders.number', '<', upTo(search)),
      );
    } else {
      const compact = search.replace(/\s/g, '');
      q = q.where('tracking_number', '>=', compact).where('tracking_number', '<', upTo(compact));
    }
  }
  return q;
}

/** A page of shipments: the page's ids from the shipments table alone, then their details. */
export async function listShipments(
  ctx: ServiceContext,
  input: ShipmentListInput,
): Promise<{ rows: ShipmentSummary[]; total: number }> {
  const day = today();
  const counted = await filterShipments(ctx.db.selectFrom('shipments'), input, day)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const page = await filterShipments(ctx.db.selectFrom('shipments'), input, day)
    .select('id')
    .orderBy(SORT_COLUMNS[input.sort], input.direction)
    .orderBy('id', input.direction)
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  const ids = page.map((row) => row.id);
  const details = ids.length > 0 ? await selectSummary(baseQuery(ctx)).where('shipments.id', 'in', ids).execute() : [];
  const byId = new Map(details.map((row) => [row.id, row]));
  return {
    rows: ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toSummary(row, day)] : [];
    }),
    total: Number(counted.n),
  };
}

/** A shipment by its id, its number or its tracking number. */
export async function findShipmentId(ctx: ServiceContext, key: string): Promise<string> {
  const compact = key.toUpperCase().replace(/\s/g, '');
  const rows = await ctx.db
    .selectFrom('shipments')
    .select(['id', 'stage'])
    .where((eb) => eb.or([eb('id', '=', key), eb('number', '=', key), eb('tracking_number', '=', compact)]))
    .execute();
  // A voided parcel's number may be reused on the one shipped in its place.
  const live = rows.filter((row) => row.stage !== 'cancelled');
  const found = live.length > 0 ? live : rows;
  if (found.length === 0) throw new AppError('NOT_FOUND', `No shipment ${key}`, { entity: 'shipment', id: key });
  if (found.length > 1) {
    throw new AppError(
      'CONFLICT',
      `Tracking number ${key} is on ${found.length} shipments: use the shipment's number`,
      {
        id: key,
      },
    );
  }
  return found[0].id;
}

/** Before pickup, a shipped parcel can still be taken back from the carrier's counter. */
export function voidableStatus(stage: ShipmentStage, status: TrackingStatus | null): boolean {
  return stage === 'shipped' && (status === null || status === 'label_created');
}

export async function getShipment(ctx: ServiceContext, id: string): Promise<Shipment> {
  const row = await selectSummary(baseQuery(ctx)).where('shipments.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No shipment with id ${id}`, { entity: 'shipment', id });
  const lines = await ctx.db
    .selectFrom('shipment_lines')
    .innerJoin('order_lines', 'order_lines.id', 'shipment_lines.order_line_id')
    .select([
      'shipment_lines.id as id',
      'shipment_lines.order_line_id as orderLineId',
      'shipment_lines.product_id as productId',
      'order_lines.sku as sku',
      'order_lines.name as name',
      'shipment_lines.quantity as quantity',
    ])
    .where('shipment_lines.shipment_id', '=', id)
    .orderBy('order_lines.line_no')
    .execute();
  const events = await ctx.db
    .selectFrom('shipment_events')
    .leftJoin('users', 'users.id', 'shipment_events.recorded_by')
    .select([
      'shipment_events.id as id',
      'shipment_events.status as status',
      'shipment_events.occurred_at as occurredAt',
      'shipment_events.location as location',
      'shipment_events.description as description',
      'shipment_events.source as source',
      'shipment_events.external_id as externalId',
      'shipment_events.recorded_at as recordedAt',
      'users.display_name as recordedBy',
    ])
    .where('shipment_events.shipment_id', '=', id)
    .orderBy('shipment_events.occurred_at')
    .orderBy('shipment_events.recorded_at')
    .execute();
  return {
    ...toSummary(row, today()),
    carrier:
      row.carrier_id && row.carrier_code && row.carrier_name && row.carrier_kind
        ? { id: row.carrier_id, code: row.carrier_code, name: row.carrier_name, kind: row.carrier_kind }
        : null,
    service:
      row.carrier_service_id && row.service_code && row.service_name
        ? { id: row.carrier_service_id, code: row.service_code, name: row.service_name }
        : null,
    trackingVerified: row.tracking_verified === 1,
    weightGrams: row.weight_grams,
    lengthMm: row.length_mm,
    widthMm: row.width_mm,
    heightMm: row.height_mm,
    shippingCost: row.shipping_cost,
    packedAt: row.packed_at,
    voidable: voidableStatus(row.stage, row.tracking_status),
    lines,
    events,
  };
}

/** The carriers a parcel can go with, each with its active services, in the shop's order. */
export async function carrierOptions(ctx: ServiceContext) {
  const carriers = await ctx.db
    .selectFrom('carriers')
    .select(['id', 'code', 'name', 'kind', 'tracking_format', 'tracking_url'])
    .where('active', '=', 1)
    .orderBy('sort_order')
    .execute();
  const services = await ctx.db
    .selectFrom('carrier_services')
    .select(['id', 'carrier_id', 'code', 'name'])
    .where('active', '=', 1)
    .orderBy('sort_order')
    .execute();
  return carriers.map((carrier) => ({
    id: carrier.id,
    code: carrier.code,
    name: carrier.name,
    kind: carrier.kind,
    checksTrackingNumbers: TRACKING_FORMATS.some((format) => format.carrier === carrier.tracking_format),
    trackingUrl: carrier.tracking_url,
    services: services
      .filter((service) => service.carrier_id === carrier.id)
      .map(({ id, code, name }) => ({ id, code, name })),
  }));
}
