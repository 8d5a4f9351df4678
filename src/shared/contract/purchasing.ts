import { z } from 'zod';
import { moneySchema, quantitySchema } from '../domain/catalog';
import { MANAGERS, STAFF, STOCK_KEEPERS } from '../roles';
import { operation } from './define';

export const PURCHASE_ORDER_STATUSES = [
  'draft',
  'ordered',
  'partially_received',
  'received',
  'closed',
  'cancelled',
] as const;

export const purchaseOrderSchema = z.object({
  id: z.string(),
  number: z.string(),
  supplierId: z.string(),
  supplierName: z.string(),
  warehouseId: z.string(),
  warehouseCode: z.string(),
  status: z.enum(PURCHASE_ORDER_STATUSES),
  expectedOn: z.string().nullable(),
  notes: z.string(),
  createdAt: z.string(),
  orderedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  totalCost: z.number(),
  lines: z.array(
    z.object({
      id: z.string(),
      lineNo: z.number(),
      productId: z.string(),
      sku: z.string(),
      barcode: z.string().nullable(),
      name: z.string(),
      quantityOrdered: z.number(),
      quantityReceived: z.number(),
      unitCost: z.number(),
    }),
  ),
});

export type PurchaseOrder = z.infer<typeof purchaseOrderSchema>;

const lineInput = z.object({ productId: z.string().min(1), quantity: quantitySchema, unitCost: moneySchema });

export const purchaseOrders = {
  list: operation({
    summary: 'Purchase orders, newest first, optionally only those in some statuses.',
    kind: 'query',
    access: STAFF,
    input: z.object({
      statuses: z.array(z.enum(PURCHASE_ORDER_STATUSES)).optional(),
      supplierId: z.string().min(1).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
    output: z.array(purchaseOrderSchema.omit({ lines: true })),
    http: { method: 'GET', path: '/purchase-orders' },
  }),
  get: operation({
    summary: 'One purchase order with its lines.',
    kind: 'query',
    access: STAFF,
    input: z.object({ id: z.string().min(1) }),
    output: purchaseOrderSchema,
    http: { method: 'GET', path: '/purchase-orders/:id' },
  }),
  create: operation({
    summary: 'A draft purchase order to one supplier, for one warehouse.',
    kind: 'command',
    access: MANAGERS,
    input: z.object({
      supplierId: z.string().min(1),
      warehouseId: z.string().min(1),
      expectedOn: z.iso.date().nullable().default(null),
      notes: z.string().max(2000).default(''),
      lines: z.array(lineInput).min(1).max(1000),
    }),
    output: purchaseOrderSchema,
    http: { method: 'POST', path: '/purchase-orders' },
  }),
  updateDraft: operation({
    summary: "Replace a draft's lines, expected date or notes.",
    kind: 'command',
    access: MANAGERS,
    input: z.object({
      id: z.string().min(1),
      expectedOn: z.iso.date().nullable().optional(),
      notes: z.string().max(2000).optional(),
      lines: z.array(lineInput).min(1).max(1000).optional(),
    }),
    output: purchaseOrderSchema,
  }),
  order: operation({
    summary: 'Send a draft: it becomes ordered, and its quantities count as incoming stock.',
    kind: 'command',
    access: MANAGERS,
    input: z.object({ id: z.string().min(1) }),
    output: purchaseOrderSchema,
  }),
  receive: operation({
    summary:
      'Receive goods against an ordered purchase order; landed cost (freight, duty) is spread over the lines by value and moves the average cost.',
    kind: 'command',
    access: STOCK_KEEPERS,
    input: z.object({
      id: z.string().min(1),
      lines: z
        .array(
          z.object({
            productId: z.string().min(1),
            quantity: quantitySchema,
            locationId: z.string().min(1).optional(),
          }),
        )
        .min(1)
        .max(1000),
      landedCost: moneySchema.default(0),
      /** More than was ordered is refused unless accepted on purpose. */
      acceptOverReceipt: z.boolean().default(false),
      note: z.string().max(500).optional(),
    }),
    output: purchaseOrderSchema,
    http: { method: 'POST', path: '/purchase-orders/:id/receipts' },
  }),
  close: operation({
    summary: 'Close a purchase order that will not be received in full (what is missing stops being incoming).',
    kind: 'command',
    access: MANAGERS,
    input: z.object({ id: z.string().min(1) }),
    output: purchaseOrderSchema,
  }),
  cancel: operation({
    summary: 'Cancel a draft or an ordered purchase order that nothing was received against.',
    kind: 'command',
    access: MANAGERS,
    input: z.object({ id: z.string().min(1) }),
    output: purchaseOrderSchema,
  }),
};
