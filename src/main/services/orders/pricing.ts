import { allocateProportionally, divideRounded, type RoundingMode } from '../../../shared/domain/rounding';
import { AppError } from '../../../shared/errors';

export type Discount = { kind: 'percent'; basisPoints: number } | { kind: 'amount'; amount: number };

export interface PricingLine {
  /** Minor units per unit, as the catalogue holds it (with or without tax, as the shop says). */
  unitPrice: number;
  quantity: number;
  taxClass: string;
  rateBasisPoints: number;
  discount?: Discount;
}

export interface PricingInput {
  lines: PricingLine[];
  orderDiscount?: Discount;
  shipping?: { amount: number; taxClass: string; rateBasisPoints: number };
  pricesIncludeTax: boolean;
  rounding: RoundingMode;
}

export interface PricedLine {
  /** unitPrice × quantity. */
  gross: number;
  lineDiscount: number;
  /** This line's share of the order discount. */
  orderDiscount: number;
  /** What is charged for the line, tax included. */
  total: number;
  tax: number;
  /** total − tax. */
  net: number;
  taxClass: string;
  rateBasisPoints: number;
}

export interface Priced {
  lines: PricedLine[];
  shipping: { total: number; tax: number; net: number };
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  grandTotal: number;
  /**
   * Per tax class and rate: what was taxed (without tax) and the tax, for receipts and
   * invoices (which show exempt apart from zero-rated, though both are 0 %).
   */
  taxes: Array<{ taxClass: string; rateBasisPoints: number; taxable: number; tax: number }>;
}

const BP = 10_000n;

function discountOf(discount: Discount | undefined, base: bigint, rounding: RoundingMode): bigint {
  if (!discount) return 0n;
  const raw =
    discount.kind === 'percent'
      ? divideRounded(base * BigInt(discount.basisPoints), BP, rounding)
      : BigInt(discount.amount);
  return raw > base ? base : raw;
}

/** Tax inside an amount that includes it, or on top of one that does not, rounded per line. */
function taxOf(amount: bigint, rate: number, pricesIncludeTax: boolean, rounding: RoundingMode): bigint {
  const r = BigInt(rate);
  return pricesIncludeTax ? divideRounded(amount * r, BP + r, rounding) : divideRounded(amount * r, BP, rounding);
}

/**
 * Prices an order in integer minor units, by the rules in docs/pricing.md: line discounts
 * first, then the order discount spread over the lines in proportion, then tax per line
 * (inside the price or on top of it, as the shop sets), each rounded once per line.
 */
export function priceOrder(input: PricingInput): Priced {
  const { rounding, pricesIncludeTax } = input;
  const gross = input.lines.map((l) => BigInt(l.unitPrice) * BigInt(l.quantity));
  const lineDiscounts = input.lines.map((l, i) => discountOf(l.discount, gross[i], rounding));
  const afterLine = gross.map((g, i) => g - lineDiscounts[i]);
  const orderDiscount = discountOf(
    input.orderDiscount,
    afterLine.reduce((a, b) => a + b, 0n),
    rounding,
  );
  const shares = allocateProportionally(orderDiscount, afterLine);

  const lines = input.lines.map((line, i) => {
    const charged = afterLine[i] - shares[i];
    const tax = taxOf(charged, line.rateBasisPoints, pricesIncludeTax, rounding);
    const total = pricesIncludeTax ? charged : charged + tax;
    return {
      gross: gross[i],
      lineDiscount: lineDiscounts[i],
      orderDiscount: shares[i],
      total,
      tax,
      taxClass: line.taxClass,
      rate: line.rateBasisPoints,
    };
  });
  const shippingAmount = BigInt(input.shipping?.amount ?? 0);
  const shippingRate = input.shipping?.rateBasisPoints ?? 0;
  const shippingClass = input.shipping?.taxClass ?? '';
  const shippingTax = taxOf(shippingAmount, shippingRate, pricesIncludeTax, rounding);
  const shippingTotal = pricesIncludeTax ? shippingAmount : shippingAmount + shippingTax;

  const taxes = new Map<string, { taxClass: string; rate: number; taxable: bigint; tax: bigint }>();
  const parts = [...lines, { taxClass: shippingClass, rate: shippingRate, total: shippingTotal, tax: shippingTax }];
  for (const part of parts) {
    if (part.total === 0n && part.tax === 0n) continue;
    const key = `${part.taxClass}\u0000${part.rate}`;
    const entry = taxes.get(key) ?? { taxClass: part.taxClass, rate: part.rate, taxable: 0n, tax: 0n };
    entry.taxable += part.total - part.tax;
    entry.tax += part.tax;
    taxes.set(key, entry);
  }

  // Beyond 2^53 a JavaScript number is no longer exact: such an order is refused, not rounded.
  const exact = (value: bigint) => {
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new AppError('VALIDATION', 'The amounts are too large to price exactly', {
        issues: [{ path: 'lines', message: 'Too large' }],
      });
    }
    return Number(value);
  };
  const sum = (values: bigint[]) => exact(values.reduce((a, b) => a + b, 0n));
  return {
    lines: lines.map((l) => ({
      gross: exact(l.gross),
      lineDiscount: exact(l.lineDiscount),
      orderDiscount: exact(l.orderDiscount),
      total: exact(l.total),
      tax: exact(l.tax),
      net: exact(l.total - l.tax),
      taxClass: l.taxClass,
      rateBasisPoints: l.rate,
    })),
    shipping: { total: Number(shippingTotal), tax: Number(shippingTax), net: Number(shippingTotal - shippingTax) },
    subtotal: sum(gross),
    discountTotal: sum([...lineDiscounts, orderDiscount]),
    taxTotal: sum([...lines.map((l) => l.tax), shippingTax]),
    grandTotal: sum([...lines.map((l) => l.total), shippingTotal]),
    taxes: [...taxes.values()]
      .sort((a, b) => b.rate - a.rate || a.taxClass.localeCompare(b.taxClass))
      .map((t) => ({ taxClass: t.taxClass, rateBasisPoints: t.rate, taxable: exact(t.taxable), tax: exact(t.tax) })),
  };
}
