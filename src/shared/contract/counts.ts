import { z } from 'zod';
import { MANAGERS, STOCK_KEEPERS } from '../roles';
import { operation } from './define';

export const stockCountSchema = z.object({
  id: z.string(),
  number: z.string(),
  warehouseId: z.string(),
  warehouseCode: z.string(),
  status: z.enum(['open', 'posted', 'cancelled']),
  blind: z.boolean(),
  createdAt: z.string(),
  postedAt: z.string().nullable(),
  locations: z.array(z.object({ id: z.string(), code: z.string() })),
  /** Counted so far; in a blind count the expected quantities are left out until review. */
  lines: z.array(
    z.object({
      productId: z.string(),
      sku: z.string(),
      name: z.string(),
      locationId: z.string(),
      locationCode: z.string(),
      counted: z.number().nullable(),
      expected: z.number().nullable(),
    }),
  ),
});

export type StockCount = z.infer<typeof stockCountSchema>;

export const counts = {
  list: operation({
    summary: 'Stock counts, newest first.',
    kind: 'query',
    access: STOCK_KEEPERS,
    input: z.object({ status: z.enum(['open', 'posted', 'cancelled']).optional() }),
    output: z.array(stockCountSchema.omit({ lines: true, locations: true })),
  }),
  start: operation({
    summary: 'Start counting a whole warehouse or some of its bins (a cycle count); blind by default.',
    kind: 'command',
    access: STOCK_KEEPERS,
    input: z.object({
      warehouseId: z.string().min(1),
      locationIds: z.array(z.string().min(1)).max(1000).optional(),
      blind: z.boolean().default(true),
    }),
    output: stockCountSchema,
  }),
  get: operation({
    summary: 'A count as its counters see it (blind: no expected quantities).',
    kind: 'query',
    access: STOCK_KEEPERS,
    input: z.object({ id: z.string().min(1) }),
    output: stockCountSchema,
  }),
  record: operation({
    summary: 'Record a scan or a typed quantity for a product in a bin: add to what was counted, or set it.',
    kind: 'command',
    access: STOCK_KEEPERS,
    input: z.object({
      id: z.string().min(1),
      locationId: z.string().min(1),
      code: z.string().trim().min(1).max(64),
      quantity: z.number().int().min(0).max(10_000_000).default(1),
      mode: z.enum(['add', 'set']).default('add'),
    }),
    output: stockCountSchema,
  }),
  review: operation({
    summary:
      'Counted against expected for every product in the counted bins; anything in stock there but not counted shows as counted zero.',
    kind: 'query',
    access: MANAGERS,
    input: z.object({ id: z.string().min(1) }),
    output: z.array(
      z.object({
        productId: z.string(),
        sku: z.string(),
        name: z.string(),
        locationId: z.string(),
        locationCode: z.string(),
        expected: z.number(),
        counted: z.number(),
        variance: z.number(),
        wasCounted: z.boolean(),
      }),
    ),
  }),
  post: operation({
    summary: 'Post the variances as count adjustments in one transaction; the count is then closed.',
    kind: 'command',
    access: MANAGERS,
    input: z.object({ id: z.string().min(1) }),
    output: stockCountSchema,
  }),
  cancel: operation({
    summary: 'Abandon an open count; nothing is adjusted.',
    kind: 'command',
    access: STOCK_KEEPERS,
    input: z.object({ id: z.string().min(1) }),
    output: stockCountSchema,
  }),
};
