import { z } from 'zod';
import { quantitySchema } from '../domain/catalog';
import { STAFF, STOCK_KEEPERS } from '../roles';
import { operation } from './define';

export const transferSchema = z.object({
  id: z.string(),
  number: z.string(),
  fromWarehouseId: z.string(),
  fromWarehouseCode: z.string(),
  toWarehouseId: z.string(),
  toWarehouseCode: z.string(),
  status: z.enum(['draft', 'in_transit', 'received', 'cancelled']),
  notes: z.string(),
  createdAt: z.string(),
  shippedAt: z.string().nullable(),
  receivedAt: z.string().nullable(),
  lines: z.array(
    z.object({
      lineNo: z.number(),
      productId: z.string(),
      sku: z.string(),
      name: z.string(),
      quantity: z.number(),
      quantityReceived: z.number(),
    }),
  ),
});

export type Transfer = z.infer<typeof transferSchema>;

export const transfers = {
  list: operation({
    summary: 'Transfers between warehouses, newest first.',
    kind: 'query',
    access: STAFF,
    input: z.object({ status: z.enum(['draft', 'in_transit', 'received', 'cancelled']).optional() }),
    output: z.array(transferSchema.omit({ lines: true })),
  }),
  get: operation({
    summary: 'One transfer with its lines.',
    kind: 'query',
    access: STAFF,
    input: z.object({ id: z.string().min(1) }),
    output: transferSchema,
  }),
  create: operation({
    summary: 'A draft transfer of stock from one warehouse to another.',
    kind: 'command',
    access: STOCK_KEEPERS,
    input: z.object({
      fromWarehouseId: z.string().min(1),
      toWarehouseId: z.string().min(1),
      notes: z.string().max(2000).default(''),
      lines: z
        .array(z.object({ productId: z.string().min(1), quantity: quantitySchema }))
        .min(1)
        .max(1000),
    }),
    output: transferSchema,
  }),
  ship: operation({
    summary: 'Ship a draft: the stock leaves the source warehouse (its bins in picking order) and is in transit.',
    kind: 'command',
    access: STOCK_KEEPERS,
    input: z.object({ id: z.string().min(1) }),
    output: transferSchema,
  }),
  receive: operation({
    summary:
      "Receive a transfer in transit into the destination's default bin; quantities short of what was shipped are recorded as lost in transit.",
    kind: 'command',
    access: STOCK_KEEPERS,
    input: z.object({
      id: z.string().min(1),
      /** Per line number, when less arrived than was shipped; omitted lines arrived in full. */
      received: z.array(z.object({ lineNo: z.number().int().min(1), quantity: z.number().int().min(0) })).default([]),
    }),
    output: transferSchema,
  }),
  cancel: operation({
    summary: 'Cancel a draft transfer.',
    kind: 'command',
    access: STOCK_KEEPERS,
    input: z.object({ id: z.string().min(1) }),
    output: transferSchema,
  }),
};
