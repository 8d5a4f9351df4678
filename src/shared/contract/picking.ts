import { z } from 'zod';
import { quantitySchema } from '../domain/catalog';
import {
  PICK_LIST_STATUSES,
  SHORT_REASONS,
  packingOrderSchema,
  pickListSchema,
  pickListSummarySchema,
  pickableOrderSchema,
} from '../domain/picking';
import { STAFF, STOCK_KEEPERS } from '../roles';
import { operation } from './define';

const pickListId = z.object({ id: z.string().min(1).describe('The pick list’s id or its number') });
const scannedCode = z.string().trim().min(1).max(100).describe('A barcode or SKU, as scanned');
const millimetres = z.number().int().min(1).max(10_000);

export const pickLists = {
  list: operation({
    summary: 'Pick lists, newest first, with their progress.',
    kind: 'query',
    access: STAFF,
    input: z.object({
      status: z.enum(PICK_LIST_STATUSES).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(200),
    }),
    output: z.array(pickListSummarySchema),
    http: { method: 'GET', path: '/pick-lists' },
  }),
  get: operation({
    summary: 'One pick list: its orders with their totes, and its lines in walk order with what each order takes.',
    kind: 'query',
    access: STAFF,
    input: pickListId,
    output: pickListSchema,
    http: { method: 'GET', path: '/pick-lists/:id' },
  }),
  pickable: operation({
    summary: 'Confirmed orders of a warehouse with held stock to pick and not on an open pick list, oldest first.',
    kind: 'query',
    access: STAFF,
    input: z.object({
      warehouseId: z.string().min(1),
      limit: z.coerce.number().int().min(1).max(500).default(200),
    }),
    output: z.array(pickableOrderSchema),
    http: { method: 'GET', path: '/pickable-orders' },
  }),
  create: operation({
    summary:
      'A pick list for one order or a batch of confirmed orders of one warehouse: lines merged per product and bin, in walk order. The orders move to picking.',
    kind: 'command',
    access: STOCK_KEEPERS,
    input: z.object({
      orders: z.array(z.string().min(1).describe('An order’s id or number')).min(1).max(200),
    }),
    output: pickListSchema,
    http: { method: 'POST', path: '/pick-lists' },
  }),
  scan: operation({
    summary:
      'Count up a line by scanning its product (barcode or SKU), optionally with the bin it was taken from. Answers which tote the unit goes into; more than the list asks for is refused (CONFLICT, details.reason over_pick).',
    kind: 'command',
    access: STOCK_KEEPERS,
    input: pickListId.extend({
      code: scannedCode,
      locationCode: z.string().trim().max(100).optional().describe('The bin, if it was scanned'),
      quantity: quantitySchema.default(1),
    }),
    output: z.object({ pickList: pickListSchema, lineId: z.string(), tote: z.number() }),
    http: { method: 'POST', path: '/pick-lists/:id/scan' },
  }),
  setPicked: operation({
    summary: 'Set how many of a line are picked (a tick, or a correction after a wrong scan).',
    kind: 'command',
    access: STOCK_KEEPERS,
    input: pickListId.extend({ lineId: z.string().min(1), quantity: z.number().int().min(0).max(10_000_000) }),
    output: pickListSchema,
    http: { method: 'POST', path: '/pick-lists/:id/lines/:lineId' },
  }),
  short: operation({
    summary: 'Close a line with fewer units than asked, with the reason.',
    kind: 'command',
    access: STOCK_KEEPERS,
    input: pickListId.extend({ lineId: z.string().min(1), reason: z.enum(SHORT_REASONS) }),
    output: pickListSchema,
    http: { method: 'POST', path: '/pick-lists/:id/lines/:lineId/short' },
  }),
  complete: operation({
    summary: 'The walk is done: every line is picked in full or recorded short.',
    kind: 'command',
    access: STOCK_KEEPERS,
    input: pickListId,
    output: pickListSchema,
    http: { method: 'POST', path: '/pick-lists/:id/complete' },
  }),
  cancel: operation({
    summary: 'Call off a pick list; its orders with nothing packed go back to unfulfilled.',
    kind: 'command',
    access: STOCK_KEEPERS,
    input: pickListId,
    output: pickListSchema,
    http: { method: 'POST', path: '/pick-lists/:id/cancel' },
  }),
};

const orderRef = z.object({ order: z.string().trim().min(1).describe('The order’s number or id') });
const packageRef = z.object({ shipmentId: z.string().min(1).describe('The package’s (shipment’s) id or number') });

export const packing = {
  order: operation({
    summary: 'An order at the pack station: each line’s units to pack, the open package and the closed ones.',
    kind: 'query',
    access: STAFF,
    input: orderRef,
    output: packingOrderSchema,
    http: { method: 'GET', path: '/packing/:order' },
  }),
  scan: operation({
    summary:
      'Put a scanned product into the order’s open package (started if none is open). A product not on the order (details.reason not_on_order) or more than is left to pack (too_many) is refused with CONFLICT and changes nothing.',
    kind: 'command',
    access: STOCK_KEEPERS,
    input: orderRef.extend({ code: scannedCode, quantity: quantitySchema.default(1) }),
    output: packingOrderSchema,
    http: { method: 'POST', path: '/packing/:order/scan' },
  }),
  remove: operation({
    summary: 'Take units of an order line out of an open package; a package left empty is discarded.',
    kind: 'command',
    access: STOCK_KEEPERS,
    input: packageRef.extend({ orderLineId: z.string().min(1), quantity: quantitySchema.default(1) }),
    output: packingOrderSchema,
    http: { method: 'POST', path: '/packages/:shipmentId/remove' },
  }),
  close: operation({
    summary: 'Close an open package with its weight (g) and size (mm): the shipment is packed, ready to ship.',
    kind: 'command',
    access: STOCK_KEEPERS,
    input: packageRef.extend({
      weightGrams: z.number().int().min(1).max(1_000_000),
      lengthMm: millimetres,
      widthMm: millimetres,
      heightMm: millimetres,
    }),
    output: packingOrderSchema,
    http: { method: 'POST', path: '/packages/:shipmentId/close' },
  }),
};
