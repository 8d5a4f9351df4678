import { z } from 'zod';
import { FULFILMENT_STATUSES, ORDER_STATUSES } from './orders';
import { SHIPMENT_STAGES } from './shipments';

export const PICK_LIST_STATUSES = ['open', 'done', 'cancelled'] as const;
export type PickListStatus = (typeof PICK_LIST_STATUSES)[number];

/** Why a picker closed a line with fewer units than asked. */
export const SHORT_REASONS = ['not_found', 'damaged', 'not_enough'] as const;
export type ShortReason = (typeof SHORT_REASONS)[number];

/** Bin codes in walk order: A-2 before A-10, letters without regard to case. */
const binCollator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
export function compareBinCodes(a: string, b: string): number {
  return binCollator.compare(a, b);
}

export const pickListOrderSchema = z.object({
  orderId: z.string(),
  number: z.string(),
  customerName: z.string(),
  /** The tote or put-wall slot this order's units go into. */
  tote: z.number(),
  /** Cancelled while on the list: its units were taken off the lines. */
  withdrawn: z.boolean(),
  fulfilmentStatus: z.enum(FULFILMENT_STATUSES),
});

export const pickListLineSchema = z.object({
  id: z.string(),
  seq: z.number(),
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  barcode: z.string().nullable(),
  locationId: z.string(),
  locationCode: z.string(),
  quantity: z.number(),
  picked: z.number(),
  shortReason: z.enum(SHORT_REASONS).nullable(),
  /** Which orders take this line's units, in tote order. */
  orders: z.array(z.object({ orderId: z.string(), number: z.string(), tote: z.number(), quantity: z.number() })),
});

export const pickListSchema = z.object({
  id: z.string(),
  number: z.string(),
  warehouseId: z.string(),
  warehouseCode: z.string(),
  status: z.enum(PICK_LIST_STATUSES),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  units: z.number(),
  picked: z.number(),
  orders: z.array(pickListOrderSchema),
  /** In walk order. */
  lines: z.array(pickListLineSchema),
});
export type PickList = z.infer<typeof pickListSchema>;
export type PickListLine = z.infer<typeof pickListLineSchema>;

export const pickListSummarySchema = pickListSchema
  .omit({ orders: true, lines: true })
  .extend({ orderCount: z.number(), lineCount: z.number(), shortLines: z.number() });
export type PickListSummary = z.infer<typeof pickListSummarySchema>;

/** A confirmed order that can go on a new pick list. */
export const pickableOrderSchema = z.object({
  id: z.string(),
  number: z.string(),
  customerName: z.string(),
  placedAt: z.string(),
  promisedDate: z.string().nullable(),
  fulfilmentStatus: z.enum(FULFILMENT_STATUSES),
  units: z.number(),
});
export type PickableOrder = z.infer<typeof pickableOrderSchema>;

export const packageSchema = z.object({
  id: z.string(),
  number: z.string(),
  stage: z.enum(SHIPMENT_STAGES),
  weightGrams: z.number().nullable(),
  lengthMm: z.number().nullable(),
  widthMm: z.number().nullable(),
  heightMm: z.number().nullable(),
  packedAt: z.string().nullable(),
  /** The products' own weights added up (null when one of them has none): a hint for the scale. */
  estimatedWeightGrams: z.number().nullable(),
  lines: z.array(z.object({ orderLineId: z.string(), sku: z.string(), name: z.string(), quantity: z.number() })),
});
export type Package = z.infer<typeof packageSchema>;

/** An order at the pack station: what is left to pack, the open package and the closed ones. */
export const packingOrderSchema = z.object({
  orderId: z.string(),
  number: z.string(),
  customerName: z.string(),
  status: z.enum(ORDER_STATUSES),
  fulfilmentStatus: z.enum(FULFILMENT_STATUSES),
  shippingMethod: z.string(),
  lines: z.array(
    z.object({
      orderLineId: z.string(),
      productId: z.string().nullable(),
      sku: z.string(),
      name: z.string(),
      barcode: z.string().nullable(),
      ordered: z.number(),
      /** In open or closed packages. */
      packed: z.number(),
      shipped: z.number(),
      toPack: z.number(),
    }),
  ),
  openPackage: packageSchema.nullable(),
  /** Closed (packed) and later packages, oldest first. */
  packages: z.array(packageSchema),
});
export type PackingOrder = z.infer<typeof packingOrderSchema>;
