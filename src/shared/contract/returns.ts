import { z } from 'zod';
import { moneySchema, quantitySchema } from '../domain/catalog';
import { discountSchema } from '../domain/orders';
import { RETURN_CONDITIONS, RETURN_REASONS, RETURN_STATUSES, returnSchema } from '../domain/returns';
import { MANAGERS, STAFF } from '../roles';
import { operation } from './define';

const returnId = z.object({ id: z.string().min(1).describe('The return’s id or its number') });

export const returns = {
  list: operation({
    summary: 'Returns, newest first, by status, customer or order.',
    kind: 'query',
    access: STAFF,
    input: z.object({
      status: z.enum(RETURN_STATUSES).optional(),
      customerId: z.string().min(1).optional(),
      orderId: z.string().min(1).optional(),
      offset: z.coerce.number().int().min(0).default(0),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ rows: z.array(returnSchema.omit({ lines: true })), total: z.number() }),
    http: { method: 'GET', path: '/returns' },
  }),
  get: operation({
    summary: 'One return with its lines and each line’s refund share.',
    kind: 'query',
    access: STAFF,
    input: returnId,
    output: returnSchema,
    http: { method: 'GET', path: '/returns/:id' },
  }),
  request: operation({
    summary:
      'Open a return (RMA) for lines of one or several orders of one customer, each with a reason; with `replacement`, an exchange: the replacement order is placed and confirmed at once.',
    kind: 'command',
    access: STAFF,
    input: z.object({
      lines: z
        .array(
          z.object({
            orderLineId: z.string().min(1),
            quantity: quantitySchema,
            reason: z.enum(RETURN_REASONS),
          }),
        )
        .min(1)
        .max(500),
      note: z.string().max(2000).default(''),
      replacement: z
        .object({
          warehouseId: z.string().min(1).optional(),
          lines: z
            .array(
              z.object({
                productId: z.string().min(1),
                quantity: quantitySchema,
                discount: discountSchema.nullable().optional(),
              }),
            )
            .min(1)
            .max(500),
        })
        .optional(),
    }),
    output: returnSchema,
    http: { method: 'POST', path: '/returns' },
  }),
  receive: operation({
    summary: 'The returned goods have arrived.',
    kind: 'command',
    access: STAFF,
    input: returnId,
    output: returnSchema,
    http: { method: 'POST', path: '/returns/:id/receive' },
  }),
  inspect: operation({
    summary: 'Record the condition of every returned line.',
    kind: 'command',
    access: STAFF,
    input: returnId.extend({
      lines: z
        .array(
          z.object({
            id: z.string().min(1),
            condition: z.enum(RETURN_CONDITIONS),
            note: z.string().max(1000).default(''),
          }),
        )
        .min(1)
        .max(500),
    }),
    output: returnSchema,
    http: { method: 'POST', path: '/returns/:id/inspect' },
  }),
  process: operation({
    summary: 'Put each line back on a chosen shelf (stock comes back in) or scrap it.',
    kind: 'command',
    access: STAFF,
    input: returnId.extend({
      lines: z
        .array(
          z.object({
            id: z.string().min(1),
            disposition: z.enum(['restock', 'scrap']),
            locationId: z.string().min(1).optional(),
          }),
        )
        .min(1)
        .max(500),
    }),
    output: returnSchema,
    http: { method: 'POST', path: '/returns/:id/process' },
  }),
  refund: operation({
    summary:
      'Refund a processed return, order by order (each line’s share of what was charged, tax share included), to the original methods or as store credit; an exchange pays its replacement from the credit.',
    kind: 'command',
    access: MANAGERS,
    input: returnId.extend({
      to: z.enum(['original', 'store_credit']).default('original'),
      shippingRefund: moneySchema.default(0),
    }),
    output: returnSchema,
    http: { method: 'POST', path: '/returns/:id/refund' },
  }),
  cancel: operation({
    summary: 'Call off a return before the goods arrive (an exchange’s replacement order is cancelled too).',
    kind: 'command',
    access: STAFF,
    input: returnId.extend({ reason: z.string().trim().max(500).default('') }),
    output: returnSchema,
    http: { method: 'POST', path: '/returns/:id/cancel' },
  }),
};
