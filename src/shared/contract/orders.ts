import { z } from 'zod';
import { moneySchema, quantitySchema } from '../domain/catalog';
import { WALK_IN_CUSTOMER_ID } from '../domain/customers';
import { ORDER_SORT_COLUMNS } from '../domain/order-list';
import {
  discountSchema,
  FULFILMENT_STATUSES,
  ORDER_CHANNELS,
  ORDER_STATUSES,
  orderAddressSchema,
  orderEventSchema,
  orderSchema,
  orderSummarySchema,
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
} from '../domain/orders';
import { MANAGERS, STAFF } from '../roles';
import { operation } from './define';

const pricedLine = z.object({
  gross: z.number(),
  lineDiscount: z.number(),
  orderDiscount: z.number(),
  total: z.number(),
  tax: z.number(),
  net: z.number(),
  taxClass: z.string(),
  rateBasisPoints: z.number(),
});

const orderId = z.object({ id: z.string().min(1).describe('The order’s id or its number') });

const lineInput = z.object({
  id: z.string().min(1).optional().describe('An existing line’s id, to keep it (and its reservation) on an edit'),
  productId: z.string().min(1),
  quantity: quantitySchema,
  discount: discountSchema.nullable().optional(),
});

const shippingInput = z.object({
  method: z.string().trim().min(1).max(100),
  amount: moneySchema.default(0),
  taxClass: z.string().min(1).default('standard'),
  address: orderAddressSchema.optional(),
  addressId: z.string().min(1).optional(),
});

/** YYYY-MM-DD: a calendar day, no time. */
const calendarDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD');

const orderFields = {
  customerId: z.string().min(1).default(WALK_IN_CUSTOMER_ID),
  warehouseId: z.string().min(1).optional(),
  lines: z.array(lineInput).min(1).max(500),
  orderDiscount: discountSchema.nullable().optional(),
  billingAddress: orderAddressSchema.nullable().optional(),
  notes: z.string().max(5000).default(''),
  promisedDate: calendarDay.nullable().optional(),
};

const paymentInput = z.object({
  method: z.enum(PAYMENT_METHODS),
  amount: moneySchema.refine((amount) => amount > 0, 'More than nothing'),
  tendered: moneySchema.optional(),
  reference: z.string().trim().max(200).optional(),
});

/** A list in a query string: `status=confirmed,on_hold` (or a JSON array in a POST body). */
function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').filter((part) => part !== '') : value),
    z.array(item).max(20),
  );
}

const cashUpOutput = z.object({
  terminal: z.string(),
  businessDay: z.string(),
  cashSales: z.number(),
  cashRefunds: z.number(),
  payments: z.array(
    z.object({ method: z.string(), kind: z.enum(['payment', 'refund']), count: z.number(), amount: z.number() }),
  ),
  recorded: z
    .object({
      id: z.string(),
      openingFloat: z.number(),
      expected: z.number(),
      counted: z.number(),
      difference: z.number(),
      note: z.string(),
      countedBy: z.string().nullable(),
      createdAt: z.string(),
    })
    .nullable(),
});

const businessDay = z.string().regex(/^\d{8}$/, 'A day as YYYYMMDD');

export const orders = {
  quote: operation({
    summary:
      'Price a basket on the server (line and order discounts, tax per tax class, shipping), in minor units, by the rules in docs/pricing.md. Saves nothing.',
    kind: 'query',
    access: STAFF,
    input: z.object({
      lines: z
        .array(
          z.object({ productId: z.string().min(1), quantity: quantitySchema, discount: discountSchema.optional() }),
        )
        .min(1)
        .max(500),
      orderDiscount: discountSchema.optional(),
      shipping: z.object({ amount: moneySchema, taxClass: z.string().min(1).default('standard') }).optional(),
    }),
    output: z.object({
      currency: z.string(),
      pricesIncludeTax: z.boolean(),
      lines: z.array(
        pricedLine.extend({
          productId: z.string(),
          sku: z.string(),
          name: z.string(),
          unitPrice: z.number(),
          quantity: z.number(),
        }),
      ),
      shipping: z.object({ total: z.number(), tax: z.number(), net: z.number() }),
      subtotal: z.number(),
      discountTotal: z.number(),
      taxTotal: z.number(),
      grandTotal: z.number(),
      taxes: z.array(
        z.object({ taxClass: z.string(), rateBasisPoints: z.number(), taxable: z.number(), tax: z.number() }),
      ),
    }),
    http: { method: 'POST', path: '/orders/quote' },
  }),
  list: operation({
    summary:
      'Orders a page at a time, sorted on any sortable column and filtered; fast at any depth. Page by offset, or by the `nextCursor` of the page before.',
    kind: 'query',
    access: STAFF,
    input: z.object({
      sort: z.enum(ORDER_SORT_COLUMNS).default('placedAt'),
      direction: z.enum(['asc', 'desc']).default('desc'),
      status: listOf(z.enum(ORDER_STATUSES)).optional(),
      paymentStatus: listOf(z.enum(PAYMENT_STATUSES)).optional(),
      fulfilmentStatus: listOf(z.enum(FULFILMENT_STATUSES)).optional(),
      channel: listOf(z.enum(ORDER_CHANNELS)).optional(),
      customerId: z.string().min(1).optional(),
      from: z.iso.datetime({ offset: true }).or(calendarDay).optional().describe('Placed at or after (UTC)'),
      to: z.iso.datetime({ offset: true }).or(calendarDay).optional().describe('Placed before (UTC)'),
      minTotal: z.coerce.number().int().min(0).optional(),
      maxTotal: z.coerce.number().int().min(0).optional(),
      q: z.string().trim().max(100).optional().describe('Order number (or its start), customer name or phone'),
      offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
      cursor: z.string().max(2000).optional(),
    }),
    output: z.object({ rows: z.array(orderSummarySchema), total: z.number(), nextCursor: z.string().nullable() }),
    http: { method: 'GET', path: '/orders' },
  }),
  get: operation({
    summary: 'One order with its lines (and what is held for them), payments and tax breakdown.',
    kind: 'query',
    access: STAFF,
    input: orderId,
    output: orderSchema,
    http: { method: 'GET', path: '/orders/:id' },
  }),
  timeline: operation({
    summary: 'Everything that happened to an order, oldest first, with who and when.',
    kind: 'query',
    access: STAFF,
    input: orderId,
    output: z.array(orderEventSchema),
    http: { method: 'GET', path: '/orders/:id/timeline' },
  }),
  create: operation({
    summary:
      'Place an order (phone, email, web, API): a draft, or confirmed at once with `confirm` (stock then held). Totals are priced here; a client’s are never used.',
    kind: 'command',
    access: STAFF,
    input: z.object({
      ...orderFields,
      channel: z.enum(ORDER_CHANNELS).exclude(['import']).default('phone'),
      shipping: shippingInput.nullable().optional().describe('Absent or null: handed over, nothing ships'),
      confirm: z.boolean().default(false),
    }),
    output: orderSchema,
    http: { method: 'POST', path: '/orders' },
  }),
  update: operation({
    summary:
      'Change a draft, or a confirmed order before picking: lines kept by id change their reservation by the difference, new lines reserve, removed lines release.',
    kind: 'command',
    access: STAFF,
    input: z.object({
      id: z.string().min(1),
      customerId: z.string().min(1).optional(),
      warehouseId: orderFields.warehouseId,
      lines: orderFields.lines.optional(),
      orderDiscount: orderFields.orderDiscount,
      shipping: shippingInput.nullable().optional(),
      billingAddress: orderFields.billingAddress,
      notes: z.string().max(5000).optional(),
      promisedDate: orderFields.promisedDate,
    }),
    output: orderSchema,
    http: { method: 'PATCH', path: '/orders/:id' },
  }),
  confirm: operation({
    summary: 'Confirm a draft: every line’s stock is held, or nothing is (INSUFFICIENT_STOCK names the product).',
    kind: 'command',
    access: STAFF,
    input: orderId,
    output: orderSchema,
    http: { method: 'POST', path: '/orders/:id/confirm' },
  }),
  hold: operation({
    summary: 'Put a confirmed order on hold (its stock stays held), with the reason.',
    kind: 'command',
    access: STAFF,
    input: orderId.extend({ reason: z.string().trim().min(1).max(500) }),
    output: orderSchema,
    http: { method: 'POST', path: '/orders/:id/hold' },
  }),
  release: operation({
    summary: 'Take an order off hold.',
    kind: 'command',
    access: STAFF,
    input: orderId,
    output: orderSchema,
    http: { method: 'POST', path: '/orders/:id/release' },
  }),
  complete: operation({
    summary: 'Hand a paid, confirmed order over (a pickup): the held stock leaves the shelves.',
    kind: 'command',
    access: STAFF,
    input: orderId,
    output: orderSchema,
    http: { method: 'POST', path: '/orders/:id/complete' },
  }),
  cancel: operation({
    summary:
      'Cancel an order that has not shipped: held stock is released and what was paid is refunded (to the original methods or as store credit).',
    kind: 'command',
    access: STAFF,
    input: orderId.extend({
      reason: z.string().trim().max(500).default(''),
      refundTo: z.enum(['original', 'store_credit']).default('original'),
    }),
    output: orderSchema,
    http: { method: 'POST', path: '/orders/:id/cancel' },
  }),
  pay: operation({
    summary:
      'Take a payment on an order, up to what is due: cash (with what was tendered; the change is recorded), card (with the terminal reference), transfer, store credit.',
    kind: 'command',
    access: STAFF,
    input: orderId.extend(paymentInput.shape),
    output: orderSchema,
    http: { method: 'POST', path: '/orders/:id/payments' },
  }),
  refund: operation({
    summary:
      'Pay money back, up to what was paid: to the original method (latest payment first, or the one named) or as store credit.',
    kind: 'command',
    access: MANAGERS,
    input: orderId.extend({
      amount: moneySchema.refine((amount) => amount > 0, 'More than nothing'),
      to: z.enum(['original', 'store_credit']).default('original'),
      paymentId: z.string().min(1).optional(),
      reason: z.string().trim().min(1).max(500),
    }),
    output: orderSchema,
    http: { method: 'POST', path: '/orders/:id/refunds' },
  }),
  checkout: operation({
    summary:
      'A counter sale in one step: the order is placed, paid by its tenders (split tender is several; they must come to the total) and handed over.',
    kind: 'command',
    access: STAFF,
    input: z.object({
      ...orderFields,
      tenders: z.array(paymentInput).max(10).default([]).describe('None only when the total is nothing'),
    }),
    output: orderSchema,
    http: { method: 'POST', path: '/orders/checkout' },
  }),
};

export const cashUps = {
  figures: operation({
    summary: 'A till’s takings for a day (this till and today unless given), and its cash-up if recorded.',
    kind: 'query',
    access: STAFF,
    input: z.object({ terminal: z.string().trim().toUpperCase().optional(), businessDay: businessDay.optional() }),
    output: cashUpOutput,
    http: { method: 'GET', path: '/cash-ups' },
  }),
  record: operation({
    summary: 'Close a till’s day: the counted cash against the expected (float + cash sales − cash refunds).',
    kind: 'command',
    access: STAFF,
    input: z.object({
      terminal: z.string().trim().toUpperCase().optional(),
      businessDay: businessDay.optional(),
      openingFloat: moneySchema,
      counted: moneySchema,
      note: z.string().max(1000).default(''),
    }),
    output: cashUpOutput,
    http: { method: 'POST', path: '/cash-ups' },
  }),
};
