import { z } from 'zod';
import { moneySchema, quantitySchema } from '../domain/catalog';
import { CARRIER_KINDS } from '../domain/carriers';
import { SHIPMENT_STAGES, TRACKING_STATUSES } from '../domain/shipments';
import { TRACKING_EVENT_SOURCES } from '../domain/tracking-events';
import { STAFF, STOCK_KEEPERS } from '../roles';
import { operation, queryFlag } from './define';
import { IMPORT_MAX_BYTES, importIssueSchema } from './imports';

/** The sortable columns of the shipments grid. */
export const SHIPMENT_SORT_COLUMNS = ['createdAt', 'number', 'shippedAt', 'promisedDate'] as const;

/** The most rows one carrier status file may have. */
export const TRACKING_FILE_MAX_ROWS = 50_000;

const shipmentId = z.object({ id: z.string().min(1).describe('The shipment’s id, its number or its tracking number') });

const eventSchema = z.object({
  id: z.string(),
  status: z.enum(TRACKING_STATUSES),
  occurredAt: z.string(),
  location: z.string(),
  description: z.string(),
  source: z.enum(TRACKING_EVENT_SOURCES),
  externalId: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
});

export const shipmentSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  orderId: z.string(),
  orderNumber: z.string(),
  customerName: z.string(),
  warehouseId: z.string(),
  warehouseCode: z.string(),
  stage: z.enum(SHIPMENT_STAGES),
  trackingStatus: z.enum(TRACKING_STATUSES).nullable(),
  carrierName: z.string().nullable(),
  serviceName: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  /** The carrier's public page for this number, where it has one. */
  trackingUrl: z.string().nullable(),
  promisedDate: z.string().nullable(),
  /** Past its promised date and not delivered. */
  late: z.boolean(),
  units: z.number(),
  shippedAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  lastEventAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ShipmentSummary = z.infer<typeof shipmentSummarySchema>;

export const shipmentSchema = shipmentSummarySchema.extend({
  carrier: z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.enum(CARRIER_KINDS) }).nullable(),
  service: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
  trackingVerified: z.boolean(),
  weightGrams: z.number().nullable(),
  lengthMm: z.number().nullable(),
  widthMm: z.number().nullable(),
  heightMm: z.number().nullable(),
  shippingCost: z.number().nullable(),
  packedAt: z.string().nullable(),
  /** True while it may still be voided: shipped, and the carrier has not yet picked it up. */
  voidable: z.boolean(),
  lines: z.array(
    z.object({
      id: z.string(),
      orderLineId: z.string(),
      productId: z.string().nullable(),
      sku: z.string(),
      name: z.string(),
      quantity: z.number(),
    }),
  ),
  /** Oldest first, in the carrier's time. */
  events: z.array(eventSchema),
});
export type Shipment = z.infer<typeof shipmentSchema>;

const carrierOptionSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(CARRIER_KINDS),
  /** True where a check digit proves its numbers; false: they are stored unverified (China's domestic carriers, local, pickup). */
  checksTrackingNumbers: z.boolean(),
  trackingUrl: z.string().nullable(),
  services: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
});

const parcelFields = {
  weightGrams: z.number().int().min(1).max(1_000_000).optional(),
  lengthMm: z.number().int().min(1).max(10_000).optional(),
  widthMm: z.number().int().min(1).max(10_000).optional(),
  heightMm: z.number().int().min(1).max(10_000).optional(),
  shippingCost: moneySchema.optional(),
};

const handoverFields = {
  carrierId: z.string().min(1),
  serviceId: z.string().min(1),
  trackingNumber: z
    .string()
    .trim()
    .max(60)
    .optional()
    .describe('Needed for parcel carriers; optional for local delivery and pickup'),
  skipTrackingCheck: z
    .boolean()
    .default(false)
    .describe(
      'Store the number without checking it (stored as unverified): an explicit choice, for numbers no format knows',
    ),
};

const eventInput = z.object({
  status: z.enum(TRACKING_STATUSES),
  occurredAt: z.iso.datetime({ offset: true }).describe('The carrier’s time of the event, with its zone'),
  location: z.string().trim().max(200).default(''),
  description: z.string().trim().max(1000).default(''),
  externalId: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Your id for the event: sending it again adds nothing'),
});

const eventsResult = z.object({
  added: z.number(),
  /** Already recorded (same external id, or same status at the same time): left alone. */
  duplicates: z.number(),
  shipment: shipmentSchema,
});

export const shipments = {
  list: operation({
    summary:
      'Shipments a page at a time, newest first: stage, carrier, tracking status and a late flag (past the promised date and not delivered). `q` finds a tracking number, shipment number or order number.',
    kind: 'query',
    access: STAFF,
    input: z.object({
      sort: z.enum(SHIPMENT_SORT_COLUMNS).default('createdAt'),
      direction: z.enum(['asc', 'desc']).default('desc'),
      q: z.string().trim().max(100).optional(),
      stage: z.enum(SHIPMENT_STAGES).optional(),
      trackingStatus: z.enum(TRACKING_STATUSES).optional(),
      late: queryFlag.optional().describe('Only shipments past their promised date and not delivered'),
      orderId: z.string().min(1).optional(),
      offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
    }),
    output: z.object({ rows: z.array(shipmentSummarySchema), total: z.number() }),
    http: { method: 'GET', path: '/shipments' },
  }),
  get: operation({
    summary: 'One shipment with its lines, parcel, carrier and its tracking timeline.',
    kind: 'query',
    access: STAFF,
    input: shipmentId,
    output: shipmentSchema,
    http: { method: 'GET', path: '/shipments/:id' },
  }),
  carriers: operation({
    summary:
      'The active carriers and their services a parcel can be handed to, with whether their numbers can be checked.',
    kind: 'query',
    access: STAFF,
    input: z.object({}),
    output: z.array(carrierOptionSchema),
  }),
  shipOrder: operation({
    summary:
      'Ship some or all of a confirmed order straight from a warehouse (no pack station): the chosen lines and quantities go in one parcel to a carrier and service with a tracking number checked against the carrier’s format. Takes the units out of the stock held for them in that warehouse, records “label created” and updates the order’s fulfilment. More than was ordered less what is already shipped or packed is refused.',
    kind: 'command',
    access: STOCK_KEEPERS,
    input: z.object({
      orderId: z.string().min(1).describe('The order’s id or number'),
      warehouseId: z.string().min(1),
      lines: z
        .array(z.object({ orderLineId: z.string().min(1), quantity: quantitySchema }))
        .min(1)
        .max(500),
      ...handoverFields,
      ...parcelFields,
    }),
    output: shipmentSchema,
    http: { method: 'POST', path: '/orders/:orderId/shipments' },
  }),
  ship: operation({
    summary:
      'Hand a packed parcel to a carrier: carrier, service and tracking number (checked as for shipOrder). Takes its units out of stock and records “label created”.',
    kind: 'command',
    access: STOCK_KEEPERS,
    input: z.object({ id: z.string().min(1), ...handoverFields, ...parcelFields }),
    output: shipmentSchema,
    http: { method: 'POST', path: '/shipments/:id/ship' },
  }),
  void: operation({
    summary:
      'Void a shipped parcel the carrier has not picked up: its units go back to the bins they came from (return movements in the ledger) and are held for the order again.',
    kind: 'command',
    access: STOCK_KEEPERS,
    input: z.object({ id: z.string().min(1), reason: z.string().trim().max(500).default('') }),
    output: shipmentSchema,
    http: { method: 'POST', path: '/shipments/:id/void' },
  }),
  addEvents: operation({
    summary:
      'Record tracking events of a shipped parcel (found by id, shipment number or tracking number), entered by hand or sent by another system. Late and out-of-order events are welcome: the status is derived from all events by the carrier’s time, moves only forward except for exceptions and returns, and a delivered parcel counts toward the order’s delivery. An event already recorded (same external id, or same status at the same time) adds nothing.',
    kind: 'command',
    access: STAFF,
    input: z.object({
      id: z.string().min(1),
      source: z.enum(['manual', 'api']).default('api'),
      events: z.array(eventInput).min(1).max(500),
    }),
    output: eventsResult,
    http: { method: 'POST', path: '/shipments/:id/events' },
  }),
  importEvents: operation({
    summary:
      'Read a carrier’s status file (docs/tracking-events-csv.md: tracking number, status in our codes or the carrier’s words in English or Chinese, time with its zone, location, description). With `commit: false` a dry run: what would be added and every problem by line. With `commit: true` the events are recorded in one transaction, refused while the file has errors.',
    kind: 'command',
    access: STOCK_KEEPERS,
    input: z
      .object({
        fileName: z.string().trim().max(260).default(''),
        base64: z
          .string()
          .max(Math.ceil(IMPORT_MAX_BYTES / 3) * 4, 'The file is larger than 20 MB: split it')
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64')
          .optional(),
        text: z.string().max(IMPORT_MAX_BYTES, 'The file is larger than 20 MB: split it').optional(),
        commit: z.boolean().default(false),
      })
      .refine((v) => (v.base64 === undefined) !== (v.text === undefined), {
        message: 'Send the file as base64 or as text, one of the two',
        path: ['base64'],
      }),
    output: z.object({
      committed: z.boolean(),
      rows: z.number(),
      /** Events new to their shipments. */
      toAdd: z.number(),
      duplicates: z.number(),
      shipments: z.number(),
      errors: z.number(),
      warnings: z.number(),
      issues: z.array(importIssueSchema),
    }),
    http: { method: 'POST', path: '/shipment-events/import' },
  }),
};
