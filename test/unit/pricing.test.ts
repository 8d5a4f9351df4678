import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceOrder, type Discount } from '../../src/main/services/orders/pricing';
import { divideRounded } from '../../src/shared/domain/rounding';
import { product } from '../helpers/shop';
import { failure, startTestApp } from '../helpers/test-app';

const CLASS_OF: Record<number, string> = {
  0: 'zero',
  900: 'reduced',
  500: 'five',
  600: 'six',
  2000: 'twenty',
  1300: 'standard',
};
const line = (unitPrice: number, quantity: number, rateBasisPoints = 1300, discount?: Discount) => ({
  unitPrice,
  quantity,
  taxClass: CLASS_OF[rateBasisPoints],
  rateBasisPoints,
  discount,
});

describe('rounding', () => {
  it('rounds halves up or to even, and nothing else differently', () => {
    expect([5n, 15n, 25n, 14n, 16n].map((n) => divideRounded(n, 10n, 'half-up'))).toEqual([1n, 2n, 3n, 1n, 2n]);
    expect([5n, 15n, 25n, 14n, 16n].map((n) => divideRounded(n, 10n, 'half-even'))).toEqual([0n, 2n, 2n, 1n, 2n]);
  });
});

describe('pricing, by hand-computed cases', () => {
  it('takes 13 % out of tax-inclusive prices and adds it to tax-exclusive ones', () => {
    const inclusive = priceOrder({ lines: [line(11300, 1)], pricesIncludeTax: true, rounding: 'half-up' });
    expect(inclusive).toMatchObject({
      grandTotal: 11300,
      taxTotal: 1300,
      lines: [{ net: 10000, tax: 1300, total: 11300 }],
    });
    const exclusive = priceOrder({ lines: [line(10000, 3)], pricesIncludeTax: false, rounding: 'half-up' });
    expect(exclusive).toMatchObject({ subtotal: 30000, grandTotal: 33900, taxTotal: 3900 });
  });

  it('rounds a percentage discount and the tax once per line', () => {
    // 19.99 × 3 = 59.97; 10 % = 5.997 → 6.00; 53.97 with 13 % inside: 6.2089… → 6.21.
    const priced = priceOrder({
      lines: [line(1999, 3, 1300, { kind: 'percent', basisPoints: 1000 })],
      pricesIncludeTax: true,
      rounding: 'half-up',
    });
    expect(priced.lines[0]).toEqual({
      gross: 5997,
      lineDiscount: 600,
      orderDiscount: 0,
      total: 5397,
      tax: 621,
      net: 4776,
      taxClass: 'standard',
      rateBasisPoints: 1300,
    });
  });

  it('spreads an order discount over the lines in proportion, to the last fen', () => {
    const spread = priceOrder({
      lines: [line(6000, 1, 0), line(3000, 1, 0), line(1000, 1, 0)],
      orderDiscount: { kind: 'amount', amount: 1000 },
      pricesIncludeTax: true,
      rounding: 'half-up',
    });
    expect(spread.lines.map((l) => l.orderDiscount)).toEqual([600, 300, 100]);
    const thirds = priceOrder({
      lines: [line(1, 1, 0), line(1, 1, 0), line(1, 1, 0)],
      orderDiscount: { kind: 'amount', amount: 2 },
      pricesIncludeTax: true,
      rounding: 'half-up',
    });
    expect(thirds.lines.map((l) => l.orderDiscount)).toEqual([1, 1, 0]);
    expect(thirds.grandTotal).toBe(1);
  });

  it('rounds half even when the shop chooses it', () => {
    const half = (rounding: 'half-up' | 'half-even') =>
      priceOrder({ lines: [line(10, 1, 500)], pricesIncludeTax: false, rounding }).taxTotal;
    expect([half('half-up'), half('half-even')]).toEqual([1, 0]);
  });

  it('taxes shipping at its own class and breaks tax down per rate', () => {
    const priced = priceOrder({
      lines: [line(10000, 1, 1300), line(5000, 1, 900)],
      shipping: { amount: 1000, taxClass: 'standard', rateBasisPoints: 1300 },
      pricesIncludeTax: false,
      rounding: 'half-up',
    });
    expect(priced.shipping).toEqual({ total: 1130, tax: 130, net: 1000 });
    expect(priced.taxes).toEqual([
      { taxClass: 'standard', rateBasisPoints: 1300, taxable: 11000, tax: 1430 },
      { taxClass: 'reduced', rateBasisPoints: 900, taxable: 5000, tax: 450 },
    ]);
    expect(priced.grandTotal).toBe(10000 + 1300 + 5000 + 450 + 1130);
  });
});

describe('pricing limits and classes', () => {
  it('keeps exempt apart from zero-rated, and refuses amounts too large to be exact', () => {
    const priced = priceOrder({
      lines: [
        { unitPrice: 1000, quantity: 1, taxClass: 'exempt', rateBasisPoints: 0 },
        { unitPrice: 1000, quantity: 1, taxClass: 'zero', rateBasisPoints: 0 },
      ],
      pricesIncludeTax: true,
      rounding: 'half-up',
    });
    expect(priced.taxes.map((t) => t.taxClass)).toEqual(['exempt', 'zero']);
    expect(() =>
      priceOrder({ lines: [line(900_719_925_475, 10_001)], pricesIncludeTax: true, rounding: 'half-up' }),
    ).toThrow('too large');
  });
});

describe('pricing invariants (property)', () => {
  const discount = fc.option(
    fc.oneof(
      fc.record({ kind: fc.constant('percent' as const), basisPoints: fc.integer({ min: 0, max: 10_000 }) }),
      fc.record({ kind: fc.constant('amount' as const), amount: fc.integer({ min: 0, max: 200_000 }) }),
    ),
    { nil: undefined },
  );
  it('adds up: totals, tax breakdown, discounts never beyond the goods, nothing negative', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            unitPrice: fc.integer({ min: 0, max: 1_000_000 }),
            quantity: fc.integer({ min: 1, max: 500 }),
            rateBasisPoints: fc.constantFrom(0, 600, 900, 1300, 2000),
            taxClass: fc.constantFrom('standard', 'exempt'),
            discount,
          }),
          { minLength: 1, maxLength: 12 },
        ),
        discount,
        fc.integer({ min: 0, max: 50_000 }),
        fc.boolean(),
        fc.constantFrom('half-up' as const, 'half-even' as const),
        (lines, orderDiscount, shippingAmount, pricesIncludeTax, rounding) => {
          const priced = priceOrder({
            lines,
            orderDiscount,
            shipping: { amount: shippingAmount, taxClass: 'standard', rateBasisPoints: 1300 },
            pricesIncludeTax,
            rounding,
          });
          const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
          expect(priced.grandTotal).toBe(sum(priced.lines.map((l) => l.total)) + priced.shipping.total);
          expect(priced.taxTotal).toBe(sum(priced.taxes.map((t) => t.tax)));
          expect(priced.grandTotal).toBe(sum(priced.taxes.map((t) => t.taxable + t.tax)));
          expect(priced.discountTotal).toBeLessThanOrEqual(priced.subtotal);
          const charged = priced.subtotal - priced.discountTotal;
          expect(priced.grandTotal).toBe(
            pricesIncludeTax ? charged + shippingAmount : charged + shippingAmount + priced.taxTotal,
          );
          for (const l of priced.lines) {
            expect(Math.min(l.total, l.tax, l.net, l.lineDiscount, l.orderDiscount)).toBeGreaterThanOrEqual(0);
            expect(l.lineDiscount + l.orderDiscount).toBeLessThanOrEqual(l.gross);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('orders.quote', () => {
  it('prices from the catalogue and the shop’s tax settings, never from the client', async () => {
    const app = await startTestApp();
    const { client } = await app.setUpOwner();
    const tea = await product(client, { unitPrice: 12800 });
    const book = await product(client, { unitPrice: 5450, taxClass: 'reduced' });
    const quote = await client.orders.quote({
      lines: [
        { productId: tea.id, quantity: 2 },
        { productId: book.id, quantity: 1, discount: { kind: 'percent', basisPoints: 1000 } },
      ],
      shipping: { amount: 1200, taxClass: 'standard' },
    });
    // Inclusive (the test shop's setting): 256.00 at 13 %, 54.50 − 5.45 at 9 %, 12.00 shipping at 13 %.
    expect(quote).toMatchObject({
      currency: 'CNY',
      pricesIncludeTax: true,
      subtotal: 31050,
      discountTotal: 545,
      grandTotal: 31705,
    });
    expect(quote.taxes).toEqual([
      { taxClass: 'standard', rateBasisPoints: 1300, taxable: 23717, tax: 3083 },
      { taxClass: 'reduced', rateBasisPoints: 900, taxable: 4500, tax: 405 },
    ]);
    expect(quote.lines.map((l) => [l.taxClass, l.rateBasisPoints])).toEqual([
      ['standard', 1300],
      ['reduced', 900],
    ]);
    await client.settings.update({ taxRates: [{ taxClass: 'standard', rateBasisPoints: 1300 }] });
    const missing = await failure(client.orders.quote({ lines: [{ productId: book.id, quantity: 1 }] }));
    expect(missing.details).toMatchObject({ issues: [{ path: 'lines.0.productId' }] });
  });
});
