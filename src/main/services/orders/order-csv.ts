import type { OrderAddress } from '../../../shared/domain/orders';
import { moneyInputValue } from '../../../shared/money';
import { csvLine } from '../catalog/csv/export';
import type { ServiceContext } from '../context';
import { listOrders, type OrderListInput } from './order-list';

/** The columns of our order CSV, in the order docs/orders-csv.md gives them. */
export const ORDER_CSV_COLUMNS = [
  'number',
  'placed_at',
  'channel',
  'status',
  'payment_status',
  'fulfilment_status',
  'currency',
  'customer_name',
  'customer_email',
  'customer_phone',
  'sku',
  'name',
  'quantity',
  'unit_price',
  'line_discount',
  'line_total',
  'line_tax',
  'tax_class',
  'tax_rate',
  'order_discount',
  'shipping_method',
  'shipping_total',
  'shipping_tax',
  'tax_total',
  'grand_total',
  'paid_total',
  'refunded_total',
  'ship_name',
  'ship_phone',
  'ship_line1',
  'ship_line2',
  'ship_city',
  'ship_region',
  'ship_postal_code',
  'ship_country',
  'promised_date',
  'notes',
  'source',
] as const;

/** The grid's filters and sort: what the export writes, all of it. */
export type OrderExportFilters = Omit<OrderListInput, 'offset' | 'limit' | 'cursor'>;

export interface CsvOrder {
  number: string;
  placedAt: string;
  channel: string;
  status: string;
  paymentStatus: string;
  fulfilmentStatus: string;
  currency: string;
  customerName: string;
  customerEmail: string;
  customerPhone: string;
  shippingMethod: string;
  shippingTotal: number;
  shippingTax: number;
  taxTotal: number;
  grandTotal: number;
  paidTotal: number;
  refundedTotal: number;
  shippingAddress: OrderAddress | null;
  promisedDate: string | null;
  notes: string;
  source: string;
  lines: Array<{
    sku: string;
    name: string;
    quantity: number;
    unitPrice: number;
    lineDiscount: number;
    orderDiscount: number;
    total: number;
    tax: number;
    taxClass: string;
    rateBasisPoints: number;
  }>;
}

/** A rate in basis points as a percent, exactly: 1300 → "13", 650 → "6.5", 1275 → "12.75". */
function percent(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const fraction = String(basisPoints % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** One CSV row per line of the order, each carrying the order's columns; CRLF after each. */
export function orderCsvRows(order: CsvOrder): string {
  const money = (minor: number) => moneyInputValue(minor, order.currency);
  const ship = order.shippingAddress;
  const orderDiscount = order.lines.reduce((sum, line) => sum + line.orderDiscount, 0);
  return order.lines
    .map(
      (line) =>
        `${csvLine([
          order.number,
          order.placedAt,
          order.channel,
          order.status,
          order.paymentStatus,
          order.fulfilmentStatus,
          order.currency,
          order.customerName,
          order.customerEmail,
          order.customerPhone,
          line.sku,
          line.name,
          line.quantity,
          money(line.unitPrice),
          money(line.lineDiscount),
          money(line.total),
          money(line.tax),
          line.taxClass,
          percent(line.rateBasisPoints),
          money(orderDiscount),
          order.shippingMethod,
          money(order.shippingTotal),
          money(order.shippingTax),
          money(order.taxTotal),
          money(order.grandTotal),
          money(order.paidTotal),
          money(order.refundedTotal),
          ship?.recipient,
          ship?.phone,
          ship?.line1,
          ship?.line2,
          ship?.city,
          ship?.region,
          ship?.postalCode,
          ship?.country,
          order.promisedDate,
          order.notes,
          order.source,
        ])}\r\n`,
    )
    .join('');
}

/** Orders fetched per round trip: big enough to be quick, small enough to keep memory flat. */
const PAGE = 500;

/** The orders of one page with their lines and customers' contact details, in the page's order. */
async function loadPage(ctx: ServiceContext, ids: string[]): Promise<CsvOrder[]> {
  const [orders, lines] = await Promise.all([
    ctx.db
      .selectFrom('orders')
      .innerJoin('customers', 'customers.id', 'orders.customer_id')
      .selectAll('orders')
      .select(['customers.email as customer_email', 'customers.phone as customer_phone'])
      .where('orders.id', 'in', ids)
      .execute(),
    ctx.db
      .selectFrom('order_lines')
      .selectAll()
      .where('order_id', 'in', ids)
      .orderBy('order_id')
      .orderBy('line_no')
      .execute(),
  ]);
  const linesOf = new Map<string, typeof lines>();
  for (const line of lines) {
    const list = linesOf.get(line.order_id) ?? [];
    list.push(line);
    linesOf.set(line.order_id, list);
  }
  const byId = new Map(orders.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        number: row.number,
        placedAt: row.placed_at,
        channel: row.channel,
        status: row.status,
        paymentStatus: row.payment_status,
        fulfilmentStatus: row.fulfilment_status,
        currency: row.currency,
        customerName: row.customer_name,
        customerEmail: row.customer_email,
        customerPhone: row.customer_phone,
        shippingMethod: row.shipping_method,
        shippingTotal: row.shipping_total,
        shippingTax: row.shipping_tax,
        taxTotal: row.tax_total,
        grandTotal: row.grand_total,
        paidTotal: row.paid_total,
        refundedTotal: row.refunded_total,
        shippingAddress: row.shipping_address === null ? null : (JSON.parse(row.shipping_address) as OrderAddress),
        promisedDate: row.promised_date,
        notes: row.notes,
        source: row.source,
        lines: (linesOf.get(id) ?? []).map((line) => ({
          sku: line.sku,
          name: line.name,
          quantity: line.quantity,
          unitPrice: line.unit_price,
          lineDiscount: line.line_discount,
          orderDiscount: line.order_discount,
          total: line.total,
          tax: line.tax,
          taxClass: line.tax_class,
          rateBasisPoints: line.rate_basis_points,
        })),
      },
    ];
  });
}

/**
 * The orders of a filtered, sorted list as our CSV, a page of orders per chunk: the
 * header first, then each page as the cursor reaches it. The caller writes each chunk
 * out before asking for the next, so a million orders never sit in memory at once.
 */
export async function* orderCsvChunks(ctx: ServiceContext, filters: OrderExportFilters): AsyncGenerator<string> {
  // A byte order mark first, so that Excel opens the UTF-8 (Chinese names) correctly.
  yield `\uFEFF${csvLine([...ORDER_CSV_COLUMNS])}\r\n`;
  let cursor: string | undefined;
  do {
    const page = await listOrders(ctx, { ...filters, offset: 0, limit: PAGE, cursor });
    if (page.rows.length > 0) {
      const orders = await loadPage(
        ctx,
        page.rows.map((row) => row.id),
      );
      yield orders.map(orderCsvRows).join('');
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

export function orderCsvFileName(now = new Date()): string {
  return `orders-${now.toISOString().slice(0, 10)}.csv`;
}
