import { z } from 'zod';

/** requested → received → inspected → processed (each line restocked or scrapped) → refunded; or cancelled before receipt. */
export const RETURN_STATUSES = ['requested', 'received', 'inspected', 'processed', 'refunded', 'cancelled'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

export const RETURN_REASONS = ['damaged', 'defective', 'wrong_item', 'not_as_described', 'unwanted', 'other'] as const;
export const RETURN_CONDITIONS = ['resellable', 'damaged', 'defective'] as const;
export type ReturnCondition = (typeof RETURN_CONDITIONS)[number];

export const returnLineSchema = z.object({
  id: z.string(),
  lineNo: z.number(),
  orderId: z.string(),
  orderNumber: z.string(),
  orderLineId: z.string(),
  productId: z.string().nullable(),
  sku: z.string(),
  name: z.string(),
  quantity: z.number(),
  reason: z.string(),
  condition: z.string(),
  inspectionNote: z.string(),
  disposition: z.string(),
  locationId: z.string().nullable(),
  refundAmount: z.number(),
  refundTax: z.number(),
});

export const returnSchema = z.object({
  id: z.string(),
  number: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  status: z.enum(RETURN_STATUSES),
  replacementOrderId: z.string().nullable(),
  currency: z.string(),
  /** What the lines come to (tax included), before any shipping refund. */
  linesTotal: z.number(),
  linesTax: z.number(),
  refundTotal: z.number(),
  refundTax: z.number(),
  shippingRefund: z.number(),
  refundTo: z.enum(['original', 'store_credit']).nullable(),
  note: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lines: z.array(returnLineSchema),
});
export type Return = z.infer<typeof returnSchema>;
