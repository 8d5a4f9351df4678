import type { ImportIssue } from '../../../../shared/contract/imports';
import { ORDER_IMPORT_MAX_ROWS, type OrderImportFormat } from '../../../../shared/contract/order-imports';
import {
  FULFILMENT_STATUSES,
  ORDER_CHANNELS,
  ORDER_STATUSES,
  orderAddressSchema,
  PAYMENT_STATUSES,
  paymentStatusOf,
  type FulfilmentStatus,
  type OrderAddress,
  type OrderChannel,
  type OrderStatus,
  type PaymentMethod,
  type PaymentStatus,
} from '../../../../shared/domain/orders';
import { allocateProportionally } from '../../../../shared/domain/rounding';
import type { Settings } from '../../../../shared/domain/settings';
import { currencyDigits } from '../../../../shared/money';
import { decodeBytes, decodeText, type FileEncoding } from '../../catalog/csv/decode';
import type { RowIssues } from '../../catalog/csv/issues';
import { readImportTable } from '../../catalog/csv/read-csv';
import { ORDER_ISSUE_MESSAGES } from './messages';
import { readPrice, readWhole, type NumberStyle } from '../../catalog/csv/values';
import type { ServiceContext } from '../../context';
import { getSettings } from '../../settings';
import { identityOf, matchCustomers, type OrderCustomer } from './customers';
import { readOmsOrders } from './format-oms';
import { readShopifyOrders } from './format-shopify';
import { isEmail, paymentMethodOf, readDateTime, readDay, readRate } from './order-values';
import {
  ADDRESS_FIELDS,
  guessOrderFormat,
  orderFileIssue,
  type AddressCells,
  type AddressField,
  type OrderFormatReader,
  type OrderSourceFile,
  type SourceOrder,
} from './source';

const READERS: Record<OrderImportFormat, OrderFormatReader> = { oms: readOmsOrders, shopify: readShopifyOrders };

/** Orders checked between two pauses, so the progress poll and everyone else's calls go on. */
const CHUNK = 500;
/** Keys per lookup query: well under SQLite's bound-parameter limit. */
const LOOKUP = 900;

export interface PlannedLine {
  line: number;
  productId: string | null;
  sku: string;
  name: string;
  unitPrice: number;
  quantity: number;
  gross: number;
  lineDiscount: number;
  orderDiscount: number;
  total: number;
  tax: number;
  taxClass: string;
  rateBasisPoints: number;
  fulfilledQuantity: number;
}

export interface PlannedOrder {
  line: number;
  number: string;
  channel: OrderChannel;
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  fulfilmentStatus: FulfilmentStatus;
  customer: OrderCustomer;
  pricesIncludeTax: boolean;
  orderDiscount: number;
  subtotal: number;
  discountTotal: number;
  shippingTotal: number;
  shippingTax: number;
  taxTotal: number;
  grandTotal: number;
  taxes: Array<{ taxClass: string; rateBasisPoints: number; taxable: number; tax: number }>;
  paid: number;
  refunded: number;
  paymentMethod: PaymentMethod;
  paidAt: string;
  refundedAt: string;
  shippingMethod: string;
  shippingAddress: OrderAddress | null;
  billingAddress: OrderAddress | null;
  notes: string;
  promisedDate: string | null;
  placedAt: string;
  confirmedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  lines: PlannedLine[];
}

export interface OrderImportSummary {
  rows: number;
  orders: number;
  lines: number;
  textOnlyLines: number;
  customersToCreate: number;
  customersMatched: number;
  grandTotal: number;
  paidTotal: number;
  refundedTotal: number;
  firstPlacedAt: string | null;
  lastPlacedAt: string | null;
  errors: number;
  warnings: number;
}

export interface OrderAnalysis {
  format: OrderImportFormat;
  fileName: string;
  encoding: FileEncoding | '';
  delimiter: string;
  currency: string;
  issues: ImportIssue[];
  summary: OrderImportSummary;
  orders: PlannedOrder[];
}

export interface OrderAnalyzeInput {
  format: OrderImportFormat;
  fileName: string;
  bytes?: Uint8Array;
  text?: string;
}

export type OrderProgressListener = (progress: {
  state: 'reading' | 'checking';
  processed: number;
  total: number;
}) => void;

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

function finish(analysis: OrderAnalysis): OrderAnalysis {
  analysis.issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  analysis.summary.errors = analysis.issues.filter((i) => i.severity === 'error').length;
  analysis.summary.warnings = analysis.issues.length - analysis.summary.errors;
  return analysis;
}

interface Product {
  id: string;
  name: string;
  taxClass: string;
}

interface Context {
  settings: Settings;
  style: NumberStyle;
  source: OrderSourceFile;
  products: Map<string, Product>;
  takenNumbers: Set<string>;
  now: number;
}

/**
 * The dry run of an order file: reads it, checks every order and line (numbers, dates,
 * currency, statuses, that the totals add up, that payments agree with the payment
 * status) against the shop as it is now, and plans what the commit will write. Writes
 * nothing.
 */
export async function analyzeOrderFile(
  ctx: ServiceContext,
  input: OrderAnalyzeInput,
  onProgress: OrderProgressListener = () => undefined,
): Promise<OrderAnalysis> {
  onProgress({ state: 'reading', processed: 0, total: 0 });
  const settings = await getSettings(ctx);
  const decoded = input.bytes ? decodeBytes(input.bytes) : decodeText(input.text ?? '');
  const analysis: OrderAnalysis = {
    format: input.format,
    fileName: input.fileName,
    encoding: decoded.encoding,
    delimiter: ',',
    currency: settings.currency,
    issues: [],
    summary: {
      rows: 0,
      orders: 0,
      lines: 0,
      textOnlyLines: 0,
      customersToCreate: 0,
      customersMatched: 0,
      grandTotal: 0,
      paidTotal: 0,
      refundedTotal: 0,
      firstPlacedAt: null,
      lastPlacedAt: null,
      errors: 0,
      warnings: 0,
    },
    orders: [],
  };
  if (decoded.encoding === 'gb18030') analysis.issues.push(orderFileIssue('warning', 'readAsGb18030', {}));

  const read = await readImportTable(
    decoded.text,
    ORDER_IMPORT_MAX_ROWS,
    (done, total) => onProgress({ state: 'reading', processed: done, total }),
    ORDER_ISSUE_MESSAGES,
  );
  analysis.delimiter = read.table?.delimiter ?? ',';
  analysis.summary.rows = read.table?.rows.length ?? 0;
  if (read.problem) {
    analysis.issues.push(read.problem);
    return finish(analysis);
  }
  const { table } = read;
  await pause();

  const source = READERS[input.format](table);
  analysis.issues.push(...source.fileIssues);
  if (source.fileIssues.some((i) => i.code === 'missingColumn')) {
    const guess = guessOrderFormat(table.header);
    if (guess && guess !== input.format) {
      analysis.issues.push(orderFileIssue('error', 'looksLikeOtherFormat', { line: table.headerLine }, { guess }));
    }
    return finish(analysis);
  }
  analysis.issues.push(...source.strayIssues);

  const context: Context = {
    settings,
    style: { decimalComma: table.delimiter === ';' },
    source,
    products: new Map(),
    takenNumbers: new Set(),
    now: Date.now(),
  };
  for (let start = 0; start < source.orders.length; start += CHUNK) {
    onProgress({ state: 'checking', processed: start, total: source.orders.length });
    const chunk = source.orders.slice(start, start + CHUNK);
    await lookUp(ctx, chunk, context);
    for (const order of chunk) {
      const planned = planOrder(order, context);
      analysis.issues.push(...order.issues.list, ...order.lines.flatMap((l) => l.issues.list));
      if (planned) analysis.orders.push(planned);
    }
    await pause();
  }
  onProgress({ state: 'checking', processed: source.orders.length, total: source.orders.length });

  const summary = analysis.summary;
  for (const order of analysis.orders) {
    summary.lines += order.lines.length;
    summary.textOnlyLines += order.lines.filter((l) => l.productId === null).length;
    summary.grandTotal += order.grandTotal;
    summary.paidTotal += order.paid;
    summary.refundedTotal += order.refunded;
    if (!summary.firstPlacedAt || order.placedAt < summary.firstPlacedAt) summary.firstPlacedAt = order.placedAt;
    if (!summary.lastPlacedAt || order.placedAt > summary.lastPlacedAt) summary.lastPlacedAt = order.placedAt;
  }
  summary.orders = analysis.orders.length;
  const match = await matchCustomers(
    ctx,
    analysis.orders.map((o) => o.customer),
  );
  summary.customersMatched = match.matched.size;
  summary.customersToCreate = match.toCreate.size;
  if (source.orders.length === 0) analysis.issues.push(orderFileIssue('error', 'noOrders', {}));
  return finish(analysis);
}

/** The catalogue's products and the orders already in the shop, for one chunk of orders. */
async function lookUp(ctx: ServiceContext, chunk: SourceOrder[], context: Context): Promise<void> {
  const skus = [...new Set(chunk.flatMap((o) => o.lines.map((l) => l.cells.sku)).filter((s): s is string => !!s))];
  context.products.clear();
  for (let i = 0; i < skus.length; i += LOOKUP) {
    const rows = await ctx.db
      .selectFrom('products')
      .select(['id', 'sku', 'name', 'tax_class'])
      .where('sku', 'in', skus.slice(i, i + LOOKUP))
      .execute();
    for (const row of rows) context.products.set(row.sku, { id: row.id, name: row.name, taxClass: row.tax_class });
  }
  context.takenNumbers.clear();
  const numbers = chunk.map((o) => o.number);
  for (let i = 0; i < numbers.length; i += LOOKUP) {
    const rows = await ctx.db
      .selectFrom('orders')
      .select('number')
      .where('number', 'in', numbers.slice(i, i + LOOKUP))
      .execute();
    for (const row of rows) context.takenNumbers.add(row.number);
  }
}

function pick<T extends string>(allowed: readonly T[], text: string | undefined): T | undefined {
  const value = text?.trim().toLowerCase();
  return allowed.find((a) => a === value);
}

function readAddress(
  cells: AddressCells,
  kind: 'shipping' | 'billing',
  columns: Partial<Record<AddressField, string>>,
  issues: RowIssues,
  notes: string[],
): OrderAddress | null {
  if (ADDRESS_FIELDS.every((field) => cells[field] === undefined)) return null;
  const checked = orderAddressSchema.safeParse({
    kind,
    recipient: cells.recipient ?? '',
    phone: cells.phone ?? '',
    line1: cells.line1 ?? '',
    line2: cells.line2 ?? '',
    city: cells.city ?? '',
    region: cells.region ?? '',
    postalCode: cells.postalCode ?? '',
    country: cells.country ?? '',
  });
  if (checked.success) return checked.data;
  // An address the order cannot hold is kept where a person can still read it.
  const field = String(checked.error.issues[0]?.path[0] ?? '') as AddressField;
  issues.warn(kind === 'shipping' ? 'shippingAddressIncomplete' : 'billingAddressIncomplete', columns[field] ?? field);
  const text = ADDRESS_FIELDS.map((field) => cells[field])
    .filter(Boolean)
    .join(', ');
  notes.push(`${kind === 'shipping' ? 'Shipping' : 'Billing'} address: ${text}`);
  return null;
}

/** One order read, checked and priced from its file's figures; null when it has errors. */
function planOrder(order: SourceOrder, context: Context): PlannedOrder | null {
  const { settings, style, source } = context;
  const currency = settings.currency;
  const issues = order.issues;
  const cells = order.cells;
  const column = (field: keyof OrderSourceFile['columns']) => source.columns[field] ?? field;
  const money = (text: string | undefined, field: keyof OrderSourceFile['columns'], on: RowIssues = issues) =>
    readPrice(text, currency, style, on, column(field));

  if (order.number.length > 64) issues.error('numberTooLong', column('number'), { max: 64 });
  if (context.takenNumbers.has(order.number)) issues.error('numberTaken', column('number'), { number: order.number });
  if (cells.currency && cells.currency.trim().toUpperCase() !== currency) {
    issues.error('currencyMismatch', column('currency'), { value: cells.currency, currency });
  }
  const placedAt = readDateTime(cells.placedAt, issues, column('placedAt'), context.now);
  if (placedAt === undefined) issues.error('required', column('placedAt'), { column: column('placedAt') });
  const paidAt = readDateTime(cells.paidAt, issues, column('paidAt'), context.now);
  const fulfilledAt = readDateTime(cells.fulfilledAt, issues, column('fulfilledAt'), context.now);
  const cancelledAt = readDateTime(cells.cancelledAt, issues, column('cancelledAt'), context.now);
  const promisedDate = readDay(cells.promisedDate, issues, column('promisedDate'));

  let channel: OrderChannel = 'import';
  if (cells.channel !== undefined) {
    const known = pick(ORDER_CHANNELS, cells.channel);
    if (known) channel = known;
    else issues.error('badChannel', column('channel'), { value: cells.channel });
  }
  const statusOf = <T extends string>(
    allowed: readonly T[],
    field: 'status' | 'paymentStatus' | 'fulfilmentStatus',
  ) => {
    const text = cells[field];
    if (text === undefined) return undefined;
    const known = pick(allowed, text);
    if (!known) issues.error('badStatus', column(field), { value: text });
    return known ?? null;
  };
  const status = statusOf(ORDER_STATUSES, 'status') ?? 'completed';
  const fulfilmentStatus =
    statusOf(FULFILMENT_STATUSES, 'fulfilmentStatus') ?? (status === 'completed' ? 'delivered' : 'unfulfilled');
  const givenPaymentStatus = statusOf(PAYMENT_STATUSES, 'paymentStatus');

  // The customer.
  const notes = cells.notes ? [cells.notes] : [];
  let email = cells.customerEmail ?? '';
  if (email && !isEmail(email)) {
    issues.warn('badEmail', column('customerEmail'), { value: email });
    email = '';
  }
  const phone = (cells.customerPhone ?? '').slice(0, 40);
  const customer: OrderCustomer = {
    name: (cells.customerName ?? (email.split('@')[0] || phone)).slice(0, 200),
    email,
    phone,
  };
  if (identityOf(customer) === null) issues.warn('customerNameMissing', column('customerName'));
  const shippingAddress = readAddress(order.shipping, 'shipping', source.addressColumns.shipping, issues, notes);
  const billingAddress = readAddress(order.billing, 'billing', source.addressColumns.billing, issues, notes);

  // The lines, as sold.
  const lines = order.lines.map((line) => {
    const at = line.issues;
    const sku = line.cells.sku ?? '';
    const product = sku ? context.products.get(sku) : undefined;
    if (!sku) at.warn('noSku', column('sku'));
    else if (!product) at.warn('unknownSku', column('sku'), { value: sku });
    const quantity = readWhole(line.cells.quantity, style, at, column('quantity'), { max: 1_000_000 });
    if (quantity === undefined) at.error('required', column('quantity'), { column: column('quantity') });
    else if (quantity === 0) at.error('zeroQuantity', column('quantity'));
    const unitPrice = money(line.cells.unitPrice, 'unitPrice', at);
    if (unitPrice === undefined) at.error('required', column('unitPrice'), { column: column('unitPrice') });
    const discount = money(line.cells.lineDiscount, 'lineDiscount', at) ?? 0;
    const total = money(line.cells.lineTotal, 'lineTotal', at);
    const tax = money(line.cells.lineTax, 'lineTax', at);
    const rate = readRate(line.cells.taxRate, style, at, column('taxRate'));
    const name = line.cells.name ?? product?.name ?? sku;
    if (!name) at.error('required', column('name'), { column: column('name') });
    else if (name.length > 300) at.error('tooLong', column('name'), { max: 300 });
    const gross = (quantity ?? 0) * (unitPrice ?? 0);
    if (!Number.isSafeInteger(gross)) {
      at.error('tooLarge', column('quantity'), { value: line.cells.quantity ?? '', max: Number.MAX_SAFE_INTEGER });
    } else if (discount > gross && !at.hasErrors) {
      at.error('discountTooLarge', column('lineDiscount'), {
        value: line.cells.lineDiscount ?? '',
        gross: shown(gross, currency),
      });
    }
    const taxClass = (line.cells.taxClass ?? product?.taxClass ?? 'standard').slice(0, 40);
    const fulfilment = line.cells.lineFulfilment?.toLowerCase();
    return {
      source: line,
      product,
      sku,
      name,
      quantity: quantity ?? 0,
      unitPrice: unitPrice ?? 0,
      gross,
      discount,
      total,
      tax,
      rate,
      taxClass,
      fulfilment,
    };
  });
  if (issues.hasErrors || order.lines.some((l) => l.issues.hasErrors)) return null;

  // The order's figures: discounts spread as pricing spreads them, then tax, then the totals checked.
  const afterLine = lines.map((l) => BigInt(l.gross - l.discount));
  const linesNet = Number(afterLine.reduce((a, b) => a + b, 0n));
  const lineDiscounts = lines.reduce((sum, l) => sum + l.discount, 0);
  let orderDiscount = money(cells.orderDiscount, 'orderDiscount') ?? 0;
  const discountAmount = money(cells.discountAmount, 'discountAmount');
  if (typeof discountAmount === 'number') {
    if (discountAmount < lineDiscounts) {
      issues.error('lineDiscountsAboveOrder', column('discountAmount'), {
        value: shown(discountAmount, currency),
        lines: shown(lineDiscounts, currency),
      });
    }
    orderDiscount = discountAmount - lineDiscounts;
  }
  if (orderDiscount > linesNet) {
    issues.error('orderDiscountTooLarge', column('orderDiscount'), {
      value: shown(orderDiscount, currency),
      lines: shown(linesNet, currency),
    });
  }
  const shippingTotal = money(cells.shippingTotal, 'shippingTotal') ?? 0;
  const shippingTax = money(cells.shippingTax, 'shippingTax') ?? 0;
  const taxTotalGiven = money(cells.taxTotal, 'taxTotal');
  const grandGiven = money(cells.grandTotal, 'grandTotal');
  const netSubtotal = money(cells.netSubtotal, 'netSubtotal');
  const paidGiven = money(cells.paidTotal, 'paidTotal');
  const refundedGiven = money(cells.refundedTotal, 'refundedTotal');
  const outstanding = money(cells.outstanding, 'outstanding');
  if (issues.hasErrors || placedAt == null) return null;

  const shares = allocateProportionally(BigInt(orderDiscount), afterLine).map(Number);
  const charged = lines.map((l, i) => l.gross - l.discount - shares[i]);
  const chargedTotal = charged.reduce((a, b) => a + b, 0);
  if (typeof netSubtotal === 'number' && netSubtotal !== chargedTotal) {
    issues.error('subtotalMismatch', column('netSubtotal'), {
      value: shown(netSubtotal, currency),
      expected: shown(chargedTotal, currency),
    });
  }
  const linesGiveTax = lines.every((l) => typeof l.tax === 'number');
  let taxes: number[];
  let shippingTaxAdded = 0;
  if (linesGiveTax) {
    taxes = lines.map((l) => l.tax as number);
    const expected = taxes.reduce((a, b) => a + b, 0) + shippingTax;
    if (typeof taxTotalGiven === 'number' && taxTotalGiven !== expected) {
      issues.error('taxMismatch', column('taxTotal'), {
        value: shown(taxTotalGiven, currency),
        expected: shown(expected, currency),
      });
    }
  } else {
    if (typeof taxTotalGiven === 'number' && taxTotalGiven < shippingTax) {
      issues.error('taxMismatch', column('taxTotal'), {
        value: shown(taxTotalGiven, currency),
        expected: shown(shippingTax, currency),
      });
    }
    const lineTax = Math.max(0, (taxTotalGiven ?? 0) - shippingTax);
    const taxable = lines.map((l, i) => (l.taxClass === 'exempt' ? 0n : BigInt(charged[i])));
    taxes = allocateProportionally(BigInt(lineTax), taxable).map(Number);
    // With no taxable line, the tax can only be the shipping's (Shopify's Taxes include it).
    shippingTaxAdded = lineTax - taxes.reduce((a, b) => a + b, 0);
  }
  const lineTaxTotal = taxes.reduce((a, b) => a + b, 0);
  const taxTotal = lineTaxTotal + shippingTax + shippingTaxAdded;
  const included = chargedTotal + shippingTotal;
  const added = included + lineTaxTotal + shippingTaxAdded;
  let pricesIncludeTax = settings.pricesIncludeTax;
  if (typeof grandGiven === 'number') {
    if (included !== added && grandGiven === included) pricesIncludeTax = true;
    else if (included !== added && grandGiven === added) pricesIncludeTax = false;
    else if (grandGiven !== included && grandGiven !== added) {
      issues.error('totalsMismatch', column('grandTotal'), {
        value: shown(grandGiven, currency),
        expected: shown(included, currency),
        excluded: shown(added, currency),
      });
    }
  }
  const grandTotal = pricesIncludeTax ? included : added;
  const shipping = {
    total: shippingTotal + (pricesIncludeTax ? 0 : shippingTaxAdded),
    tax: shippingTax + shippingTaxAdded,
  };
  const rateOf = new Map(settings.taxRates.map((r) => [r.taxClass, r.rateBasisPoints]));
  const orderRate = order.taxRates.length ? order.taxRates.reduce((a, b) => a + b, 0) : undefined;
  const planned: PlannedLine[] = lines.map((l, i) => {
    const total = charged[i] + (pricesIncludeTax ? 0 : taxes[i]);
    if (typeof l.total === 'number' && l.total !== total) {
      l.source.issues.error('lineTotalMismatch', source.columns.lineTotal ?? 'line_total', {
        value: shown(l.total, currency),
        expected: shown(total, currency),
      });
    }
    const exempt = l.taxClass === 'exempt';
    return {
      line: l.source.line,
      productId: l.product?.id ?? null,
      sku: l.sku,
      name: l.name,
      unitPrice: l.unitPrice,
      quantity: l.quantity,
      gross: l.gross,
      lineDiscount: l.discount,
      orderDiscount: shares[i],
      total,
      tax: taxes[i],
      taxClass: l.taxClass,
      rateBasisPoints: l.rate ?? (exempt ? 0 : (orderRate ?? rateOf.get(l.taxClass) ?? 0)),
      fulfilledQuantity:
        l.fulfilment === 'fulfilled' ||
        (l.fulfilment === undefined && (fulfilmentStatus === 'shipped' || fulfilmentStatus === 'delivered'))
          ? l.quantity
          : 0,
    };
  });

  // Money in and back, agreeing with the payment status.
  const statusColumn = column('paymentStatus');
  const paymentStatus = givenPaymentStatus ?? (paidGiven === undefined ? 'paid' : null);
  let paid = paidGiven;
  if (paid === undefined) {
    if (paymentStatus === 'partially_paid') {
      if (typeof outstanding === 'number') paid = grandTotal - outstanding;
      else issues.error('paidRequired', column('paidTotal'), { status: paymentStatus });
    } else paid = paymentStatus === 'unpaid' ? 0 : grandTotal;
  }
  let refunded = refundedGiven;
  if (refunded === undefined) {
    if (paymentStatus === 'partially_refunded') {
      issues.error('refundedRequired', column('refundedTotal'), { status: paymentStatus });
    } else refunded = paymentStatus === 'refunded' ? (paid ?? 0) : 0;
  }
  if (typeof paid === 'number' && typeof refunded === 'number') {
    const expected = paymentStatusOf(grandTotal, paid, refunded);
    if (refunded > paid) {
      issues.error('refundAbovePaid', column('refundedTotal'), {
        paid: shown(paid, currency),
        refunded: shown(refunded, currency),
      });
    } else if (paymentStatus && expected !== paymentStatus) {
      issues.error('paymentStatusMismatch', statusColumn, {
        status: paymentStatus,
        expected,
        paid: shown(paid, currency),
        refunded: shown(refunded, currency),
        total: shown(grandTotal, currency),
      });
    }
  }
  if (issues.hasErrors || planned.some((_, i) => lines[i].source.issues.hasErrors)) return null;
  const paidAmount = paid as number;
  const refundedAmount = refunded as number;

  // The tax breakdown per class and rate, as pricing keeps it for receipts.
  const breakdown = new Map<string, { taxClass: string; rateBasisPoints: number; taxable: number; tax: number }>();
  const parts = [
    ...planned,
    {
      taxClass: 'standard',
      rateBasisPoints: shipping.tax ? (rateOf.get('standard') ?? 0) : 0,
      total: shipping.total,
      tax: shipping.tax,
    },
  ];
  for (const part of parts) {
    if (part.total === 0 && part.tax === 0) continue;
    const key = `${part.taxClass}\u0000${part.rateBasisPoints}`;
    const entry = breakdown.get(key) ?? {
      taxClass: part.taxClass,
      rateBasisPoints: part.rateBasisPoints,
      taxable: 0,
      tax: 0,
    };
    entry.taxable += part.total - part.tax;
    entry.tax += part.tax;
    breakdown.set(key, entry);
  }

  const isCancelled = status === 'cancelled';
  return {
    line: order.line,
    number: order.number,
    channel,
    status,
    paymentStatus: paymentStatusOf(grandTotal, paidAmount, refundedAmount),
    fulfilmentStatus,
    customer,
    pricesIncludeTax,
    orderDiscount,
    subtotal: lines.reduce((sum, l) => sum + l.gross, 0),
    discountTotal: lineDiscounts + orderDiscount,
    shippingTotal: shipping.total,
    shippingTax: shipping.tax,
    taxTotal,
    grandTotal,
    taxes: [...breakdown.values()].sort(
      (a, b) => b.rateBasisPoints - a.rateBasisPoints || a.taxClass.localeCompare(b.taxClass),
    ),
    paid: paidAmount,
    refunded: refundedAmount,
    paymentMethod: paymentMethodOf(cells.paymentMethod),
    paidAt: paidAt ?? placedAt,
    refundedAt: cancelledAt ?? paidAt ?? placedAt,
    shippingMethod: (cells.shippingMethod ?? '').slice(0, 120),
    shippingAddress,
    billingAddress,
    notes: notes.join('\n').slice(0, 5000),
    promisedDate: promisedDate ?? null,
    placedAt,
    confirmedAt: status === 'draft' ? null : placedAt,
    completedAt: status === 'completed' ? (fulfilledAt ?? placedAt) : null,
    cancelledAt: isCancelled ? (cancelledAt ?? placedAt) : null,
    lines: planned,
  };
}

/** An amount as the file would write it (128.50), for the report's sentences. */
function shown(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  if (!digits) return `${sign}${abs}`;
  const unit = 10 ** digits;
  return `${sign}${Math.trunc(abs / unit)}.${String(abs % unit).padStart(digits, '0')}`;
}
