import { z } from 'zod';
import { moneySchema, quantitySchema } from '../domain/catalog';
import { STAFF } from '../roles';
import { operation } from './define';

const discountSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent'), basisPoints: z.number().int().min(0).max(10_000) }),
  z.object({ kind: z.literal('amount'), amount: moneySchema }),
]);

const pricedLine = z.object({
  gross: z.number(),
  lineDiscount: z.number(),
  orderDiscount: z.number(),
  total: z.number(),
  tax: z.number(),
  net: z.number(),
  taxClass: z.string(),
  rateBasisPoints: z.number(),
});

export const orders = {
  quote: operation({
    summary:
      'Price a basket on the server (line and order discounts, tax per tax class, shipping), in minor units, by the rules in docs/pricing.md. Saves nothing.',
    kind: 'query',
    access: STAFF,
    input: z.object({
      lines: z
        .array(
          z.object({ productId: z.string().min(1), quantity: quantitySchema, discount: discountSchema.optional() }),
        )
        .min(1)
        .max(500),
      orderDiscount: discountSchema.optional(),
      shipping: z.object({ amount: moneySchema, taxClass: z.string().min(1).default('standard') }).optional(),
    }),
    output: z.object({
      currency: z.string(),
      pricesIncludeTax: z.boolean(),
      lines: z.array(
        pricedLine.extend({
          productId: z.string(),
          sku: z.string(),
          name: z.string(),
          unitPrice: z.number(),
          quantity: z.number(),
        }),
      ),
      shipping: z.object({ total: z.number(), tax: z.number(), net: z.number() }),
      subtotal: z.number(),
      discountTotal: z.number(),
      taxTotal: z.number(),
      grandTotal: z.number(),
      taxes: z.array(
        z.object({ taxClass: z.string(), rateBasisPoints: z.number(), taxable: z.number(), tax: z.number() }),
      ),
    }),
    http: { method: 'POST', path: '/orders/quote' },
  }),
};
