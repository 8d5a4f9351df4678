import { z } from 'zod';
import { moneySchema } from '../domain/catalog';
import { orderSchema } from '../domain/orders';
import { rateRuleFieldsSchema, rateRuleSchema } from '../shipping/rules';
import { MANAGERS, STAFF } from '../roles';
import { operation } from './define';

const measure = z.number().int().min(0).max(10_000_000);

const packageInput = z
  .object({
    weightGrams: measure,
    lengthMm: measure.nullable().default(null),
    widthMm: measure.nullable().default(null),
    heightMm: measure.nullable().default(null),
  })
  .describe('The packed parcel as weighed and measured; absent: estimated from the order’s products');

const goalInput = {
  goal: z.enum(['cheapest_on_time', 'fastest_within_budget']).default('cheapest_on_time'),
  budget: moneySchema.optional().describe('For fastest_within_budget: the most the shipping may cost'),
  readyAt: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('When the parcel is ready for the carrier; default now (cut-offs in the computer’s local time)'),
};

const pricePart = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('base'), amount: z.number(), weightGrams: z.number() }),
  z.object({
    kind: z.literal('steps'),
    amount: z.number(),
    count: z.number(),
    stepGrams: z.number(),
    stepPrice: z.number(),
  }),
  z.object({ kind: z.literal('minimum'), amount: z.number(), minimumCharge: z.number() }),
  z.object({ kind: z.literal('remote'), amount: z.number() }),
  z.object({ kind: z.literal('oversize'), amount: z.number() }),
  z.object({ kind: z.literal('free_over'), amount: z.number(), threshold: z.number() }),
]);

export const rateOptionSchema = z.object({
  serviceId: z.string(),
  serviceCode: z.string(),
  serviceName: z.string(),
  carrierId: z.string(),
  carrierName: z.string(),
  ruleId: z.string(),
  zoneName: z.string(),
  actualGrams: z.number(),
  volumetricGrams: z.number().nullable(),
  billableGrams: z.number(),
  chargedGrams: z.number(),
  parts: z.array(pricePart),
  fullPrice: z.number(),
  price: z.number(),
  transitDaysMin: z.number(),
  transitDaysMax: z.number(),
  collectionDate: z.string(),
  deliveryEarliest: z.string(),
  deliveryLatest: z.string(),
});
export type RateOptionOutput = z.infer<typeof rateOptionSchema>;

export const choiceReasonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('no_service') }),
  z.object({ kind: z.literal('cheapest_no_promise'), count: z.number() }),
  z.object({
    kind: z.literal('cheapest_on_time'),
    promisedDate: z.string(),
    deliveryLatest: z.string(),
    onTimeCount: z.number(),
    cheaperLateCount: z.number(),
  }),
  z.object({
    kind: z.literal('none_on_time_fastest'),
    promisedDate: z.string(),
    deliveryLatest: z.string(),
    lateDays: z.number(),
  }),
  z.object({
    kind: z.literal('fastest_in_budget'),
    budget: z.number(),
    deliveryLatest: z.string(),
    withinCount: z.number(),
    fasterOverBudgetCount: z.number(),
  }),
  z.object({ kind: z.literal('none_in_budget_cheapest'), budget: z.number(), price: z.number(), overBy: z.number() }),
]);
export type ChoiceReasonOutput = z.infer<typeof choiceReasonSchema>;

const rateQuoteSchema = z.object({
  parcel: z.object({
    weightGrams: z.number(),
    lengthMm: z.number().nullable(),
    widthMm: z.number().nullable(),
    heightMm: z.number().nullable(),
    estimated: z.boolean(),
    /** Order lines whose product has no weight: counted as nothing. */
    unweighedItems: z.number(),
  }),
  place: z.object({ country: z.string(), region: z.string(), postcode: z.string() }),
  orderValue: z.number(),
  readyDate: z.string(),
  readyHour: z.number(),
  promisedDate: z.string().nullable(),
  options: z.array(rateOptionSchema),
  ineligible: z.array(
    z.object({
      serviceId: z.string(),
      serviceName: z.string(),
      carrierName: z.string(),
      reason: z.enum(['origin', 'no_zone', 'weight']),
    }),
  ),
  best: z.object({ serviceId: z.string().nullable(), reason: choiceReasonSchema }),
});
export type RateQuoteOutput = z.infer<typeof rateQuoteSchema>;

const calendarDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD');

export const rates = {
  listRules: operation({
    summary: 'A service’s rate rules: zones and weight brackets with their prices and transit days.',
    kind: 'query',
    access: STAFF,
    input: z.object({ serviceId: z.string().min(1) }),
    output: z.array(rateRuleSchema),
    http: { method: 'GET', path: '/carrier-services/:serviceId/rates' },
  }),
  createRule: operation({
    summary:
      'Add a rate rule to a service. Refused (CONFLICT) when another rule with an equally narrow zone already prices some parcel for the same address.',
    kind: 'command',
    access: MANAGERS,
    input: rateRuleFieldsSchema.safeExtend({ serviceId: z.string().min(1) }),
    output: rateRuleSchema,
    http: { method: 'POST', path: '/carrier-services/:serviceId/rates' },
  }),
  updateRule: operation({
    summary: 'Replace a rate rule’s zone, bracket, prices and transit days (checked like a new one).',
    kind: 'command',
    access: MANAGERS,
    input: rateRuleFieldsSchema.safeExtend({ id: z.string().min(1) }),
    output: rateRuleSchema,
    http: { method: 'PUT', path: '/rate-rules/:id' },
  }),
  deleteRule: operation({
    summary: 'Remove a rate rule.',
    kind: 'command',
    access: MANAGERS,
    input: z.object({ id: z.string().min(1) }),
    output: z.object({ ok: z.literal(true) }),
    http: { method: 'DELETE', path: '/rate-rules/:id' },
  }),
  quoteOrder: operation({
    summary:
      'Every active service that can take an order’s parcel to its shipping address, with price (and how it was reached), billable weight and delivery dates, and the best one for the goal with its reason.',
    kind: 'query',
    access: STAFF,
    input: z.object({
      orderId: z.string().min(1).describe('The order’s id or its number'),
      package: packageInput.optional(),
      ...goalInput,
    }),
    output: rateQuoteSchema.extend({ chosenServiceId: z.string().nullable() }),
    http: { method: 'POST', path: '/orders/:orderId/rates' },
  }),
  quote: operation({
    summary:
      'Rates for a parcel to an address, for other systems (a web shop’s checkout): the same answer without an order.',
    kind: 'query',
    access: STAFF,
    input: z.object({
      package: packageInput,
      destination: z.object({
        country: z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z]{2}$/, 'A two-letter ISO 3166 country code'),
        region: z.string().trim().max(100).default(''),
        city: z.string().trim().max(100).default(''),
        postalCode: z.string().trim().max(20).default(''),
      }),
      orderValue: moneySchema.default(0),
      promisedDate: calendarDay.nullable().default(null),
      ...goalInput,
    }),
    output: rateQuoteSchema,
    http: { method: 'POST', path: '/rates/quote' },
  }),
  chooseForOrder: operation({
    summary:
      'Ship an order with a service: sets its shipping method (and, with `setCharge`, its shipping charge to the quoted price, repricing the order). Only while the order can be edited.',
    kind: 'command',
    access: STAFF,
    input: z.object({
      orderId: z.string().min(1).describe('The order’s id or its number'),
      serviceId: z.string().min(1),
      setCharge: z.boolean().default(false),
      package: packageInput.optional(),
      readyAt: goalInput.readyAt,
    }),
    output: orderSchema.extend({ carrierServiceId: z.string().nullable() }),
    http: { method: 'POST', path: '/orders/:orderId/shipping-service' },
  }),
};
