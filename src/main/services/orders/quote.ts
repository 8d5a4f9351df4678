import type { Settings } from '../../../shared/domain/settings';
import { AppError } from '../../../shared/errors';
import { MANAGERS } from '../../../shared/roles';
import type { ServiceContext } from '../context';
import { getSettings } from '../settings';
import { priceOrder, type Discount, type Priced } from './pricing';

/**
 * A line already on an order keeps the price, tax and name it was sold at: an edit of the
 * order (its notes, another line) must not re-price it at today's catalogue.
 */
export interface KeptLine {
  sku: string;
  name: string;
  unitPrice: number;
  taxClass: string;
  rateBasisPoints: number;
}

export interface QuoteInput {
  lines: Array<{ productId: string; quantity: number; discount?: Discount; kept?: KeptLine }>;
  orderDiscount?: Discount;
  shipping?: { amount: number; taxClass: string };
}

export interface Quote extends Priced {
  currency: string;
  pricesIncludeTax: boolean;
  lines: Array<
    Priced['lines'][number] & { productId: string; sku: string; name: string; unitPrice: number; quantity: number }
  >;
}

/**
 * Prices a basket from the catalogue and the shop's tax settings, on the server: a
 * client's own totals are never used. Nothing is saved. A discount beyond the signed-in
 * clerk's limit is refused here already, so the counter shows it while it is typed.
 */
/** `settings` when the caller has read them already (an order being written). */
export async function quoteOrder(ctx: ServiceContext, input: QuoteInput, known?: Settings): Promise<Quote> {
  const settings = known ?? (await getSettings(ctx));
  const rateOf = new Map(settings.taxRates.map((r) => [r.taxClass, r.rateBasisPoints]));
  const rate = (taxClass: string, path: string) => {
    const found = rateOf.get(taxClass);
    if (found === undefined) {
      throw new AppError('VALIDATION', `No tax rate is set for the tax class ${taxClass}`, {
        issues: [{ path, message: `Set a rate for “${taxClass}” in Settings` }],
      });
    }
    return found;
  };
  const ids = [...new Set(input.lines.map((l) => l.productId))];
  const products = await ctx.db
    .selectFrom('products')
    .select(['id', 'sku', 'name', 'unit_price', 'tax_class', 'status'])
    .where('id', 'in', ids)
    .execute();
  const byId = new Map(products.map((p) => [p.id, p]));
  const lines = input.lines.map((line, i) => {
    if (line.kept) return { line, sold: line.kept };
    const product = byId.get(line.productId);
    if (!product) throw new AppError('NOT_FOUND', `No product with id ${line.productId}`, { entity: 'product' });
    if (product.status !== 'active') {
      throw new AppError('INVALID_STATE', `${product.sku} is archived`, {
        issues: [{ path: `lines.${i}.productId`, message: 'Archived' }],
      });
    }
    const sold: KeptLine = {
      sku: product.sku,
      name: product.name,
      unitPrice: product.unit_price,
      taxClass: product.tax_class,
      rateBasisPoints: rate(product.tax_class, `lines.${i}.productId`),
    };
    return { line, sold };
  });
  const priced = priceOrder({
    lines: lines.map(({ line, sold }) => ({
      unitPrice: sold.unitPrice,
      quantity: line.quantity,
      taxClass: sold.taxClass,
      rateBasisPoints: sold.rateBasisPoints,
      discount: line.discount,
    })),
    orderDiscount: input.orderDiscount,
    shipping: input.shipping && {
      amount: input.shipping.amount,
      taxClass: input.shipping.taxClass,
      rateBasisPoints: rate(input.shipping.taxClass, 'shipping.taxClass'),
    },
    pricesIncludeTax: settings.pricesIncludeTax,
    rounding: settings.rounding,
  });
  const quote: Quote = {
    ...priced,
    currency: settings.currency,
    pricesIncludeTax: settings.pricesIncludeTax,
    lines: priced.lines.map((p, i) => ({
      ...p,
      productId: lines[i].line.productId,
      sku: lines[i].sold.sku,
      name: lines[i].sold.name,
      unitPrice: lines[i].sold.unitPrice,
      quantity: lines[i].line.quantity,
    })),
  };
  assertDiscountsAllowed(ctx, settings, quote);
  return quote;
}

/**
 * Clerks may give discounts up to the shop's limit; a larger one needs an owner or a
 * manager. Measured on what each discount applies to: a line's gross, and the order's
 * amount after line discounts.
 */
function assertDiscountsAllowed(ctx: ServiceContext, settings: Settings, quote: Quote): void {
  if (!ctx.actor || MANAGERS.includes(ctx.actor.role)) return;
  const limit = settings.clerkDiscountLimitBasisPoints;
  const over = (discount: number, base: number) => discount * 10_000 > base * limit;
  const percent = `${limit / 100} %`;
  quote.lines.forEach((line, i) => {
    if (over(line.lineDiscount, line.gross)) {
      throw new AppError('FORBIDDEN', `A discount over ${percent} needs a manager`, {
        issues: [{ path: `lines.${i}.discount`, message: `At most ${percent}` }],
      });
    }
  });
  const afterLine = quote.lines.reduce((sum, l) => sum + l.gross - l.lineDiscount, 0);
  const orderDiscount = quote.lines.reduce((sum, l) => sum + l.orderDiscount, 0);
  if (over(orderDiscount, afterLine)) {
    throw new AppError('FORBIDDEN', `A discount over ${percent} needs a manager`, {
      issues: [{ path: 'orderDiscount', message: `At most ${percent}` }],
    });
  }
}
