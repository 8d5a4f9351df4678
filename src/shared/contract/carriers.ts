import { z } from 'zod';
import { CARRIER_KINDS } from '../domain/carriers';
import { serviceTermsSchema, TRANSIT_CALENDARS } from '../shipping/rules';
import { MANAGERS, STAFF } from '../roles';
import { operation } from './define';

const zoneOutput = z.object({
  countries: z.array(z.string()),
  regions: z.array(z.string()),
  postcodePrefixes: z.array(z.string()),
});

export const carrierServiceSchema = z.object({
  id: z.string(),
  carrierId: z.string(),
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
  volumetricDivisor: z.number(),
  originCountry: z.string(),
  cutoffHour: z.number(),
  transitCalendar: z.enum(TRANSIT_CALENDARS),
  oversizeLongestMm: z.number().nullable(),
  oversizeGirthMm: z.number().nullable(),
  oversizeFee: z.number(),
  remoteFee: z.number(),
  remoteAreas: z.array(zoneOutput),
  ruleCount: z.number(),
});
export type CarrierService = z.infer<typeof carrierServiceSchema>;

export const carrierSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(CARRIER_KINDS),
  trackingFormat: z.string().nullable(),
  trackingUrl: z.string().nullable(),
  active: z.boolean(),
  services: z.array(carrierServiceSchema),
});
export type Carrier = z.infer<typeof carrierSchema>;

const trackingUrl = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\/\S+$/, 'A web address starting with http:// or https://')
  .refine((url) => url.split('%s').length === 2, 'Put %s once where the tracking number goes');

const serviceCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9_]{1,40}$/, 'Lower-case letters, digits and _ only');

export const carriers = {
  list: operation({
    summary: 'Carriers with their services and each service’s terms (volume divisor, cut-off, surcharges).',
    kind: 'query',
    access: STAFF,
    input: z.object({}),
    output: z.array(carrierSchema),
    http: { method: 'GET', path: '/carriers' },
  }),
  update: operation({
    summary: 'Rename a carrier, turn it on or off, or change its tracking page (%s marks the number).',
    kind: 'command',
    access: MANAGERS,
    input: z.object({
      id: z.string().min(1),
      name: z.string().trim().min(1).max(100).optional(),
      active: z.boolean().optional(),
      trackingUrl: trackingUrl.nullable().optional(),
    }),
    output: carrierSchema,
    http: { method: 'PATCH', path: '/carriers/:id' },
  }),
  createService: operation({
    summary: 'Add a service to a carrier, with its terms; its prices are rate rules (rates.createRule).',
    kind: 'command',
    access: MANAGERS,
    input: serviceTermsSchema.extend({
      carrierId: z.string().min(1),
      code: serviceCode,
      name: z.string().trim().min(1).max(100),
    }),
    output: carrierServiceSchema,
    http: { method: 'POST', path: '/carriers/:carrierId/services' },
  }),
  updateService: operation({
    summary: 'Change a service’s name, terms, or turn it on or off. Fields not given stay as they were.',
    kind: 'command',
    access: MANAGERS,
    input: serviceTermsSchema.extend({
      id: z.string().min(1),
      name: z.string().trim().min(1).max(100).optional(),
      active: z.boolean().optional(),
    }),
    output: carrierServiceSchema,
    http: { method: 'PATCH', path: '/carrier-services/:id' },
  }),
};
