import { allocateProportionally, divideRounded, type RoundingMode } from '../../../shared/domain/rounding';

export type Discount = { kind: 'percent'; basisPoints: number } | { kind: 'amount'; amount: number };

export interface PricingLine {
  /** Minor units per unit, as the catalogue holds it (with or without tax, as the shop says). */
  unitPrice: number;
  quantity: number;
  rateBasisPoints: number;
  discount?: Discount;
}

export interface PricingInput {
  lines: PricingLine[];
  orderDiscount?: Discount;
  shipping?: { amount: number; rateBasisPoints: number };
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
}

export interface Priced {
  lines: PricedLine[];
  shipping: { total: number; tax: number; net: number };
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  grandTotal: number;
  /** Per tax rate: what was taxed (without tax) and the tax, for receipts and invoices. */
  taxes: Array<{ rateBasisPoints: number; taxable: number; tax: number }>;
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
      rate: line.rateBasisPoints,
    };
  });
  const shippingAmount = BigInt(input.shipping?.amount ?? 0);
  const shippingRate = input.shipping?.rateBasisPoints ?? 0;
  const shippingTax = taxOf(shippingAmount, shippingRate, pricesIncludeTax, rounding);
  const shippingTotal = pricesIncludeTax ? shippingAmount : shippingAmount + shippingTax;

  const taxes = new Map<number, { taxable: bigint; tax: bigint }>();
  for (const part of [...lines, { rate: shippingRate, total: shippingTotal, tax: shippingTax }]) {
    if (part.total === 0n && part.tax === 0n) continue;
    const entry = taxes.get(part.rate) ?? { taxable: 0n, tax: 0n };
    entry.taxable += part.total - part.tax;
    entry.tax += part.tax;
    taxes.set(part.rate, entry);
  }

  const sum = (values: bigint[]) => Number(values.reduce((a, b) => a + b, 0n));
  return {
    lines: lines.map((l) => ({
      gross: Number(l.gross),
      lineDiscount: Number(l.lineDiscount),
      orderDiscount: Number(l.orderDiscount),
      total: Number(l.total),
      tax: Number(l.tax),
      net: Number(l.total - l.tax),
    })),
    shipping: { total: Number(shippingTotal), tax: Number(shippingTax), net: Number(shippingTotal - shippingTax) },
    subtotal: sum(gross),
    discountTotal: sum([...lineDiscounts, orderDiscount]),
    taxTotal: sum([...lines.map((l) => l.tax), shippingTax]),
    grandTotal: sum([...lines.map((l) => l.total), shippingTotal]),
    taxes: [...taxes.entries()]
      .sort(([a], [b]) => b - a)
      .map(([rateBasisPoints, t]) => ({ rateBasisPoints, taxable: Number(t.taxable), tax: Number(t.tax) })),
  };
}
