import { z } from 'zod';
import { documentSetupsSchema, logoSchema } from './documents';
import { PAYMENT_METHODS } from './orders';
import { ROUNDING_MODES } from './rounding';

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
  /** The rate of each tax class, in basis points (1300 = 13 %); products name their class. */
  taxRates: z
    .array(
      z.object({ taxClass: z.string().trim().min(1).max(40), rateBasisPoints: z.number().int().min(0).max(10_000) }),
    )
    .max(20)
    .refine((rates) => new Set(rates.map((r) => r.taxClass)).size === rates.length, 'Each tax class once'),
  /** How amounts between two minor units are rounded: per line, half up or half even. */
  rounding: z.enum(ROUNDING_MODES),
  /**
   * This till's part of every order number (SO-20261127-A7-0042), so two tills that
   * take orders offline never make the same number. Give each till its own.
   */
  terminalCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{1,4}$/, 'One to four letters or digits'),
  /** The ways of paying this shop accepts. */
  paymentMethods: z
    .array(z.enum(PAYMENT_METHODS))
    .min(1)
    .refine((methods) => new Set(methods).size === methods.length, 'Each method once'),
  /**
   * The largest discount a clerk may give without a manager, as basis points of what is
   * discounted (1000 = 10 %). Owners and managers are not limited.
   */
  clerkDiscountLimitBasisPoints: z.number().int().min(0).max(10_000),
  /** The store's logo on printed documents, as a data URL ('' = none). */
  logo: logoSchema,
  /** Printed on packing slips: how to send something back. */
  returnInstructions: z.string().trim().max(1000),
  /** Packing slips show prices and totals only when the shop chooses so (a gift, a reseller's customer). */
  packingSlipPrices: z.boolean(),
  /** Paper and printer per document kind. */
  documentSetups: documentSetupsSchema,
  /** The counter prints its receipt straight to the receipt printer, without the print dialog (desktop app). */
  silentCounterPrinting: z.boolean(),
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
  // China's VAT rates as a start: 13 % standard, 9 % reduced; every shop sets its own.
  taxRates: [
    { taxClass: 'standard', rateBasisPoints: 1300 },
    { taxClass: 'reduced', rateBasisPoints: 900 },
    { taxClass: 'zero', rateBasisPoints: 0 },
    { taxClass: 'exempt', rateBasisPoints: 0 },
  ],
  rounding: 'half-up',
  terminalCode: 'A',
  paymentMethods: ['cash', 'card', 'transfer', 'store_credit'],
  clerkDiscountLimitBasisPoints: 1000,
  logo: '',
  returnInstructions: '',
  packingSlipPrices: false,
  documentSetups: {},
  silentCounterPrinting: false,
};
