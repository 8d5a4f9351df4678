import { z } from 'zod';
import { moneySchema } from '../domain/catalog';

const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'A two-letter ISO 3166 country code');

/**
 * Where a rule applies: any of its countries; if regions are listed, only those (China's
 * provinces by their two-letter code, elsewhere the state or region as written, e.g. CA);
 * if postcode prefixes are listed, only postcodes starting with one of them.
 */
export const zoneSchema = z.object({
  countries: z.array(countryCode).min(1).max(250),
  regions: z.array(z.string().trim().toUpperCase().min(1).max(40)).max(100).default([]),
  postcodePrefixes: z
    .array(
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z0-9]{1,10}$/, 'Letters and digits only'),
    )
    .max(500)
    .default([]),
});
export type Zone = z.output<typeof zoneSchema>;

const grams = z.number().int().min(0).max(1_000_000);
const transitDays = z.number().int().min(0).max(90);

/**
 * One line of a service's price list: a zone and a weight bracket (billable weight above
 * `minWeightGrams`, up to and including `maxWeightGrams`), priced as a base covering the
 * first `baseWeightGrams` plus `stepPrice` per started `stepGrams` beyond it (首重/续重).
 */
export const rateRuleFieldsSchema = z
  .object({
    zoneName: z.string().trim().min(1).max(80),
    zone: zoneSchema,
    minWeightGrams: grams.default(0),
    maxWeightGrams: grams.refine((g) => g > 0, 'More than nothing').nullable(),
    baseWeightGrams: grams,
    basePrice: moneySchema,
    stepGrams: grams.refine((g) => g > 0, 'At least one gram'),
    stepPrice: moneySchema,
    minimumCharge: moneySchema.default(0),
    /** The customer pays nothing for shipping when the order is worth at least this much. */
    freeOver: moneySchema.nullable().default(null),
    transitDaysMin: transitDays,
    transitDaysMax: transitDays,
  })
  .superRefine((rule, ctx) => {
    if (rule.maxWeightGrams !== null && rule.maxWeightGrams <= rule.minWeightGrams) {
      ctx.addIssue({ code: 'custom', path: ['maxWeightGrams'], message: 'Above the bracket’s lower bound' });
    }
    if (rule.transitDaysMax < rule.transitDaysMin) {
      ctx.addIssue({ code: 'custom', path: ['transitDaysMax'], message: 'At least the fewest days' });
    }
  });
export type RateRuleFields = z.output<typeof rateRuleFieldsSchema>;

export const rateRuleSchema = z.object({
  id: z.string(),
  serviceId: z.string(),
  zoneName: z.string(),
  zone: z.object({
    countries: z.array(z.string()),
    regions: z.array(z.string()),
    postcodePrefixes: z.array(z.string()),
  }),
  minWeightGrams: z.number(),
  maxWeightGrams: z.number().nullable(),
  baseWeightGrams: z.number(),
  basePrice: z.number(),
  stepGrams: z.number(),
  stepPrice: z.number(),
  minimumCharge: z.number(),
  freeOver: z.number().nullable(),
  transitDaysMin: z.number(),
  transitDaysMax: z.number(),
});
export type RateRule = z.infer<typeof rateRuleSchema>;

/** Calendar: the carrier moves parcels every day (China's express networks). Working: Monday to Friday. */
export const TRANSIT_CALENDARS = ['calendar', 'working'] as const;
export type TransitCalendar = (typeof TRANSIT_CALENDARS)[number];

/** How a service charges and runs beyond its price list: volume, cut-off, surcharges. */
export const serviceTermsSchema = z
  .object({
    /** cm³ per kg; 0: charged by actual weight only. */
    volumetricDivisor: z.number().int().min(0).max(100_000),
    /** The country parcels must leave from; '' for any. */
    originCountry: z.union([z.literal(''), countryCode]),
    /** Parcels handed over at or after this hour (local time) leave the next day the carrier works; 24: no cut-off. */
    cutoffHour: z.number().int().min(0).max(24),
    transitCalendar: z.enum(TRANSIT_CALENDARS),
    /** A parcel longer than this on its longest side, or with length + girth above the other, pays the oversize fee. */
    oversizeLongestMm: z.number().int().min(1).max(100_000).nullable(),
    oversizeGirthMm: z.number().int().min(1).max(100_000).nullable(),
    oversizeFee: moneySchema,
    remoteFee: moneySchema,
    remoteAreas: z.array(zoneSchema).max(100),
  })
  .partial();
export type ServiceTerms = Required<z.output<typeof serviceTermsSchema>>;
