import { z } from 'zod';

export const codeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9._-]{0,31}$/, '1–32 letters, digits, dots, dashes or underscores');

export const locationSchema = z.object({
  id: z.string(),
  warehouseId: z.string(),
  code: z.string(),
  name: z.string(),
  isDefault: z.boolean(),
  active: z.boolean(),
});

export type Location = z.infer<typeof locationSchema>;

export const warehouseSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  address: z.string(),
  active: z.boolean(),
  locations: z.array(locationSchema),
});

export type Warehouse = z.infer<typeof warehouseSchema>;

export const MOVEMENT_KINDS = [
  'receipt',
  'issue',
  'adjust',
  'reserve',
  'release',
  'transfer_out',
  'transfer_in',
  'return',
  'count',
] as const;

/** Why stock was adjusted by hand: each a reason code a report can group by. */
export const ADJUSTMENT_REASONS = ['damaged', 'lost', 'found', 'expired', 'correction', 'sample', 'opening'] as const;

export const movementSchema = z.object({
  id: z.string(),
  seq: z.number(),
  at: z.string(),
  productId: z.string(),
  locationId: z.string(),
  locationCode: z.string(),
  warehouseCode: z.string(),
  kind: z.enum(MOVEMENT_KINDS),
  onHandDelta: z.number(),
  reservedDelta: z.number(),
  unitCost: z.number().nullable(),
  reason: z.string().nullable(),
  referenceType: z.string().nullable(),
  referenceId: z.string().nullable(),
  userName: z.string().nullable(),
  note: z.string().nullable(),
});

export type Movement = z.infer<typeof movementSchema>;

export const balanceSchema = z.object({
  productId: z.string(),
  locationId: z.string(),
  locationCode: z.string(),
  warehouseId: z.string(),
  warehouseCode: z.string(),
  onHand: z.number(),
  reserved: z.number(),
  available: z.number(),
});

export type Balance = z.infer<typeof balanceSchema>;

export const reservationSchema = z.object({
  id: z.string(),
  productId: z.string(),
  warehouseId: z.string(),
  quantity: z.number(),
  openQuantity: z.number(),
  status: z.enum(['open', 'released', 'consumed']),
  referenceType: z.string().nullable(),
  referenceId: z.string().nullable(),
  allocations: z.array(z.object({ locationId: z.string(), locationCode: z.string(), quantity: z.number() })),
});

export type Reservation = z.infer<typeof reservationSchema>;
