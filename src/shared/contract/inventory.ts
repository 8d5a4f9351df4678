import { z } from 'zod';
import { quantitySchema } from '../domain/catalog';
import {
  ADJUSTMENT_REASONS,
  balanceSchema,
  codeSchema,
  locationSchema,
  movementSchema,
  reservationSchema,
  warehouseSchema,
} from '../domain/inventory';
import { MANAGERS, STAFF, STOCK_KEEPERS } from '../roles';
import { operation, queryFlag } from './define';

const balanceAfterSchema = z.object({
  productId: z.string(),
  locationId: z.string(),
  onHand: z.number(),
  reserved: z.number(),
});

export const warehouses = {
  list: operation({
    summary: 'Warehouses with their bin locations.',
    kind: 'query',
    access: STAFF,
    input: z.object({}),
    output: z.array(warehouseSchema),
    http: { method: 'GET', path: '/warehouses' },
  }),
  create: operation({
    summary: 'Add a warehouse; it starts with one default location.',
    kind: 'command',
    access: MANAGERS,
    input: z.object({
      code: codeSchema,
      name: z.string().trim().min(1).max(120),
      address: z.string().max(500).default(''),
    }),
    output: warehouseSchema,
  }),
  update: operation({
    summary: 'Rename a warehouse, change its address, or deactivate it.',
    kind: 'command',
    access: MANAGERS,
    input: z.object({
      id: z.string().min(1),
      name: z.string().trim().min(1).max(120).optional(),
      address: z.string().max(500).optional(),
      active: z.boolean().optional(),
    }),
    output: warehouseSchema,
  }),
  createLocation: operation({
    summary: 'Add a bin location; bins sort by code, which is the picking order.',
    kind: 'command',
    access: STOCK_KEEPERS,
    input: z.object({ warehouseId: z.string().min(1), code: codeSchema, name: z.string().trim().max(120).default('') }),
    output: locationSchema,
  }),
  updateLocation: operation({
    summary: 'Rename a bin or deactivate an empty one.',
    kind: 'command',
    access: STOCK_KEEPERS,
    input: z.object({
      id: z.string().min(1),
      name: z.string().trim().max(120).optional(),
      active: z.boolean().optional(),
    }),
    output: locationSchema,
  }),
};

const overviewRowSchema = z.object({
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  familyName: z.string().nullable(),
  status: z.enum(['active', 'archived']),
  onHand: z.number(),
  reserved: z.number(),
  available: z.number(),
  incoming: z.number(),
  inTransit: z.number(),
  reorderPoint: z.number().nullable(),
  low: z.boolean(),
});

const quantities = z.object({ onHand: z.number(), reserved: z.number() });

const ledgerCheckSchema = z.object({
  binDrift: z.array(
    z.object({
      productId: z.string(),
      locationId: z.string(),
      ledger: quantities,
      cached: quantities,
      allocated: z.number(),
    }),
  ),
  binDriftCount: z.number(),
  summaryDrift: z.array(
    z.object({
      productId: z.string(),
      scope: z.string(),
      expected: quantities,
      cached: quantities.extend({ available: z.number() }).nullable(),
    }),
  ),
  summaryDriftCount: z.number(),
});

const settleInput = z.object({ id: z.string().min(1), quantity: quantitySchema.optional() });

export const stock = {
  levels: operation({
    summary: 'On hand, reserved and available per bin, for a product and/or a warehouse, a page at a time.',
    kind: 'query',
    access: STAFF,
    input: z
      .object({
        productId: z.string().min(1).optional(),
        warehouseId: z.string().min(1).optional(),
        offset: z.coerce.number().int().min(0).default(0),
        limit: z.coerce.number().int().min(1).max(5000).default(1000),
      })
      .refine((v) => v.productId || v.warehouseId, 'Name a productId, a warehouseId or both'),
    output: z.array(balanceSchema),
    http: { method: 'GET', path: '/stock' },
  }),
  overview: operation({
    summary: 'One row per product with its stock in a warehouse (or all): for the stock screen and low-stock lists.',
    kind: 'query',
    access: STAFF,
    input: z.object({
      warehouseId: z.string().min(1).optional(),
      search: z.string().max(200).optional(),
      lowStockOnly: queryFlag.default(false),
      includeArchived: queryFlag.default(false),
      sortField: z.enum(['sku', 'name', 'onHand', 'reserved', 'available']).default('sku'),
      sortDirection: z.enum(['asc', 'desc']).default('asc'),
      offset: z.coerce.number().int().min(0).default(0),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ rows: z.array(overviewRowSchema), total: z.number() }),
    http: { method: 'GET', path: '/stock/overview' },
  }),
  movements: operation({
    summary: "A product's stock movements, newest first; page with beforeSeq.",
    kind: 'query',
    access: STAFF,
    input: z.object({
      productId: z.string().min(1),
      locationId: z.string().min(1).optional(),
      beforeSeq: z.coerce.number().int().optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
    output: z.array(movementSchema),
    http: { method: 'GET', path: '/stock/movements' },
  }),
  adjust: operation({
    summary: 'Correct the stock in a bin by a signed quantity, with a reason code.',
    kind: 'command',
    access: STOCK_KEEPERS,
    input: z.object({
      productId: z.string().min(1),
      locationId: z.string().min(1),
      quantity: z
        .number()
        .int()
        .min(-10_000_000)
        .max(10_000_000)
        .refine((q) => q !== 0, 'Not zero'),
      reason: z.enum(ADJUSTMENT_REASONS),
      note: z.string().max(500).optional(),
    }),
    output: balanceAfterSchema,
    http: { method: 'POST', path: '/stock/adjustments' },
  }),
  receive: operation({
    summary:
      "Goods in without a purchase order, into a bin or the warehouse's default bin; a unit cost updates the average cost.",
    kind: 'command',
    access: STOCK_KEEPERS,
    input: z
      .object({
        productId: z.string().min(1),
        warehouseId: z.string().min(1).optional(),
        locationId: z.string().min(1).optional(),
        quantity: quantitySchema,
        unitCost: z.number().int().min(0).nullable().optional(),
        note: z.string().max(500).optional(),
      })
      .refine((v) => v.warehouseId || v.locationId, 'Name a warehouseId or a locationId'),
    output: balanceAfterSchema,
    http: { method: 'POST', path: '/stock/receipts' },
  }),
  move: operation({
    summary: 'Move stock between two bins of one warehouse.',
    kind: 'command',
    access: STOCK_KEEPERS,
    input: z.object({
      productId: z.string().min(1),
      fromLocationId: z.string().min(1),
      toLocationId: z.string().min(1),
      quantity: quantitySchema,
      note: z.string().max(500).optional(),
    }),
    output: z.array(balanceAfterSchema),
  }),
  reserve: operation({
    summary: 'Hold stock in a warehouse for an order; INSUFFICIENT_STOCK when short (unless backorders are allowed).',
    kind: 'command',
    access: STAFF,
    input: z.object({
      productId: z.string().min(1),
      warehouseId: z.string().min(1),
      quantity: quantitySchema,
      referenceType: z.string().max(40).optional(),
      referenceId: z.string().max(100).optional(),
    }),
    output: reservationSchema,
    http: { method: 'POST', path: '/stock/reservations' },
  }),
  reservation: operation({
    summary: 'One reservation with the bins it holds stock in.',
    kind: 'query',
    access: STAFF,
    input: z.object({ id: z.string().min(1) }),
    output: reservationSchema,
    http: { method: 'GET', path: '/stock/reservations/:id' },
  }),
  release: operation({
    summary: 'Let go of a reservation, all of it or some units.',
    kind: 'command',
    access: STAFF,
    input: settleInput,
    output: reservationSchema,
    http: { method: 'POST', path: '/stock/reservations/:id/release' },
  }),
  consume: operation({
    summary: 'Ship reserved units: they leave stock from the bins that held them.',
    kind: 'command',
    access: STOCK_KEEPERS,
    input: settleInput,
    output: reservationSchema,
    http: { method: 'POST', path: '/stock/reservations/:id/consume' },
  }),
  verify: operation({
    summary:
      'Recompute every bin balance from the ledger and every total from the bins; list what disagrees. Reads only.',
    kind: 'query',
    access: MANAGERS,
    input: z.object({}),
    output: ledgerCheckSchema,
  }),
  repair: operation({
    summary: 'Rewrite the cached balances and totals from the ledger (the truth); returns the check after it.',
    kind: 'command',
    access: MANAGERS,
    input: z.object({}),
    output: ledgerCheckSchema,
  }),
};
