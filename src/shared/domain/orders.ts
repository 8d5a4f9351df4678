import { z } from 'zod';
import { addressSchema } from './customers';

export const ORDER_STATUSES = ['draft', 'confirmed', 'on_hold', 'completed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const PAYMENT_STATUSES = ['unpaid', 'partially_paid', 'paid', 'partially_refunded', 'refunded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const FULFILMENT_STATUSES = [
  'unfulfilled',
  'picking',
  'packed',
  'partially_shipped',
  'shipped',
  'delivered',
] as const;
export type FulfilmentStatus = (typeof FULFILMENT_STATUSES)[number];

export const ORDER_CHANNELS = ['counter', 'phone', 'email', 'web', 'api', 'import'] as const;
export type OrderChannel = (typeof ORDER_CHANNELS)[number];

export const PAYMENT_METHODS = ['cash', 'card', 'transfer', 'store_credit', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const discountSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent'), basisPoints: z.number().int().min(0).max(10_000) }),
  z.object({ kind: z.literal('amount'), amount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }),
]);
export type Discount = z.infer<typeof discountSchema>;

/** An address copied onto an order (no id: it is the order's own). */
export const orderAddressSchema = addressSchema.omit({ id: true, isDefault: true });
export type OrderAddress = z.infer<typeof orderAddressSchema>;

/**
 * Payment status from what was paid and refunded against the total: Shopify's reading.
 * Refunds count only once something was paid; an order paid and then fully refunded is
 * "refunded" whatever its total now is (a cancelled order's total stays as it was).
 */
export function paymentStatusOf(grandTotal: number, paid: number, refunded: number): PaymentStatus {
  if (refunded > 0) return refunded >= paid ? 'refunded' : 'partially_refunded';
  if (paid <= 0) return grandTotal === 0 ? 'paid' : 'unpaid';
  return paid >= grandTotal ? 'paid' : 'partially_paid';
}

export const orderLineSchema = z.object({
  id: z.string(),
  lineNo: z.number(),
  productId: z.string().nullable(),
  sku: z.string(),
  name: z.string(),
  unitPrice: z.number(),
  quantity: z.number(),
  discount: discountSchema.nullable(),
  gross: z.number(),
  lineDiscount: z.number(),
  orderDiscount: z.number(),
  total: z.number(),
  tax: z.number(),
  taxClass: z.string(),
  rateBasisPoints: z.number(),
  reservedQuantity: z.number(),
  fulfilledQuantity: z.number(),
  returnedQuantity: z.number(),
});

export const paymentSchema = z.object({
  id: z.string(),
  kind: z.enum(['payment', 'refund']),
  method: z.enum(PAYMENT_METHODS),
  amount: z.number(),
  tendered: z.number().nullable(),
  changeGiven: z.number(),
  reference: z.string(),
  refundOf: z.string().nullable(),
  refunded: z.number(),
  terminal: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type Payment = z.infer<typeof paymentSchema>;

export const orderEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

/** The fields of an order the grid shows: one row per order. */
export const orderSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  channel: z.enum(ORDER_CHANNELS),
  source: z.string(),
  status: z.enum(ORDER_STATUSES),
  paymentStatus: z.enum(PAYMENT_STATUSES),
  fulfilmentStatus: z.enum(FULFILMENT_STATUSES),
  customerId: z.string(),
  customerName: z.string(),
  currency: z.string(),
  grandTotal: z.number(),
  paidTotal: z.number(),
  refundedTotal: z.number(),
  placedAt: z.string(),
  promisedDate: z.string().nullable(),
});
export type OrderSummary = z.infer<typeof orderSummarySchema>;

export const orderSchema = orderSummarySchema.extend({
  terminal: z.string(),
  warehouseId: z.string().nullable(),
  pricesIncludeTax: z.boolean(),
  orderDiscount: discountSchema.nullable(),
  subtotal: z.number(),
  discountTotal: z.number(),
  shippingTotal: z.number(),
  shippingTax: z.number(),
  taxTotal: z.number(),
  /** What is still to pay (negative: owed back to the customer). */
  balanceDue: z.number(),
  ships: z.boolean(),
  shippingMethod: z.string(),
  shippingAmount: z.number(),
  shippingTaxClass: z.string(),
  shippingAddress: orderAddressSchema.nullable(),
  billingAddress: orderAddressSchema.nullable(),
  notes: z.string(),
  holdReason: z.string(),
  confirmedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lines: z.array(orderLineSchema),
  payments: z.array(paymentSchema),
  taxes: z.array(z.object({ taxClass: z.string(), rateBasisPoints: z.number(), taxable: z.number(), tax: z.number() })),
});
export type Order = z.infer<typeof orderSchema>;
