import { z } from 'zod';

/** The walk-in customer that counter sales without a name belong to; the same on every machine. */
export const WALK_IN_CUSTOMER_ID = '00000000-0000-7000-8000-000000000001';

const addressFields = {
  kind: z.enum(['shipping', 'billing']),
  recipient: z.string().trim().min(1).max(120),
  phone: z.string().trim().max(40),
  line1: z.string().trim().min(1).max(200),
  line2: z.string().trim().max(200),
  city: z.string().trim().min(1).max(100),
  region: z.string().trim().max(100),
  postalCode: z.string().trim().max(20),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'A two-letter ISO 3166 country code'),
  isDefault: z.boolean(),
};

export const addressSchema = z.object({
  ...addressFields,
  /** Given when an existing address is sent back, so it keeps its id. */
  id: z.string().min(1).optional(),
  phone: addressFields.phone.default(''),
  line2: addressFields.line2.default(''),
  region: addressFields.region.default(''),
  postalCode: addressFields.postalCode.default(''),
  isDefault: addressFields.isDefault.default(false),
});

/** A customer's editable fields without defaults: what an update may change. */
export const customerFieldsSchema = z.object({
  name: z.string().trim().min(1).max(200),
  phone: z.string().trim().max(40),
  email: z.union([z.literal(''), z.email()]),
  tags: z.array(z.string().trim().min(1).max(40)).max(20),
  notes: z.string().max(5000),
  addresses: z.array(addressSchema).max(20),
});

export const customerCreateSchema = customerFieldsSchema.extend({
  phone: customerFieldsSchema.shape.phone.default(''),
  email: customerFieldsSchema.shape.email.default(''),
  tags: customerFieldsSchema.shape.tags.default([]),
  notes: customerFieldsSchema.shape.notes.default(''),
  addresses: customerFieldsSchema.shape.addresses.default([]),
});

export const customerSchema = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string(),
  email: z.string(),
  tags: z.array(z.string()),
  notes: z.string(),
  isWalkIn: z.boolean(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  addresses: z.array(z.object({ ...addressFields, id: z.string() })),
});

export type Customer = z.infer<typeof customerSchema>;
export type Address = z.infer<typeof addressSchema>;

/** "+86 138-0013-8000" → "8613800138000": the digits that identify a phone number. */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '');
}

/** The part of a phone number that stays the same with or without a country or trunk prefix. */
export function phoneTail(phone: string): string {
  const digits = phoneDigits(phone);
  return digits.length >= 8 ? digits.slice(-8) : '';
}

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}
