import { z } from 'zod';

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

const currencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'An ISO 4217 code of three letters, e.g. CNY or USD')
  .refine((code) => Intl.supportedValuesOf('currency').includes(code), 'Not an ISO 4217 currency');

export const storeAddressSchema = z.object({
  line1: z.string().trim().max(200),
  line2: z.string().trim().max(200),
  city: z.string().trim().max(100),
  region: z.string().trim().max(100),
  postalCode: z.string().trim().max(20),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-Z]{2})?$/, 'A two-letter ISO 3166 country code'),
});

/** The store's settings: what documents, prices and numbering rely on. */
export const settingsSchema = z.object({
  storeName: z.string().trim().min(1).max(120),
  address: storeAddressSchema,
  phone: z.string().trim().max(40),
  email: z.union([z.literal(''), z.email()]),
  currency: currencyCode,
  /** The language of printed documents and of the store's own texts. */
  locale: z.enum(LOCALES),
  /** True when catalogue prices include tax (usual in China and the EU), false when tax is added. */
  pricesIncludeTax: z.boolean(),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  storeName: 'My shop',
  address: { line1: '', line2: '', city: '', region: '', postalCode: '', country: '' },
  phone: '',
  email: '',
  currency: 'CNY',
  locale: 'zh-CN',
  pricesIncludeTax: true,
};
