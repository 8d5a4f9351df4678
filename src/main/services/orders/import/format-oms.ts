import type { CsvTable } from '../../catalog/csv/read-csv';
import { Columns } from '../../catalog/csv/source';
import {
  groupRows,
  newOrder,
  orderFileIssue,
  orderIssues,
  readCells,
  type AddressField,
  type LineField,
  type OrderField,
  type OrderSourceFile,
} from './source';

/**
 * Our own order CSV, exactly as docs/orders-csv.md gives it: one row per order line,
 * the rows of an order together, order-level cells read from its first row.
 *
 * | column                                        | read as                                           |
 * | --------------------------------------------- | ------------------------------------------------- |
 * | number                                        | the order's number, kept (required, unique)       |
 * | placed_at                                     | placed_at (required; ISO 8601)                    |
 * | channel                                       | channel (default import)                          |
 * | status, payment_status, fulfilment_status     | the same, checked against each other              |
 * | currency                                      | must be the shop's                                |
 * | customer_name, customer_email, customer_phone | matched on email, then phone, else created        |
 * | sku, name, quantity, unit_price               | the line (unknown SKU: kept as text, a warning)   |
 * | line_discount, line_total, line_tax           | the line's amounts (line_total checked)           |
 * | tax_class, tax_rate                           | the line's class and rate in percent              |
 * | order_discount                                | spread over the lines in proportion               |
 * | shipping_method, shipping_total, shipping_tax | shipping as charged (shipping_total with its tax) |
 * | tax_total, grand_total                        | checked against the lines                         |
 * | paid_total, refunded_total                    | payment and refund rows (method other)            |
 * | ship_*                                        | the shipping address                              |
 * | promised_date, notes                          | the same                                          |
 * | source                                        | not read: the import marks its orders csv         |
 */
const ORDER_COLUMNS: Array<readonly [OrderField, string]> = [
  ['placedAt', 'placed_at'],
  ['channel', 'channel'],
  ['status', 'status'],
  ['paymentStatus', 'payment_status'],
  ['fulfilmentStatus', 'fulfilment_status'],
  ['currency', 'currency'],
  ['customerName', 'customer_name'],
  ['customerEmail', 'customer_email'],
  ['customerPhone', 'customer_phone'],
  ['orderDiscount', 'order_discount'],
  ['shippingMethod', 'shipping_method'],
  ['shippingTotal', 'shipping_total'],
  ['shippingTax', 'shipping_tax'],
  ['taxTotal', 'tax_total'],
  ['grandTotal', 'grand_total'],
  ['paidTotal', 'paid_total'],
  ['refundedTotal', 'refunded_total'],
  ['promisedDate', 'promised_date'],
  ['notes', 'notes'],
];

const LINE_COLUMNS: Array<readonly [LineField, string]> = [
  ['sku', 'sku'],
  ['name', 'name'],
  ['quantity', 'quantity'],
  ['unitPrice', 'unit_price'],
  ['lineDiscount', 'line_discount'],
  ['lineTotal', 'line_total'],
  ['lineTax', 'line_tax'],
  ['taxClass', 'tax_class'],
  ['taxRate', 'tax_rate'],
];

const SHIP_COLUMNS: Array<readonly [AddressField, string]> = [
  ['recipient', 'ship_name'],
  ['phone', 'ship_phone'],
  ['line1', 'ship_line1'],
  ['line2', 'ship_line2'],
  ['city', 'ship_city'],
  ['region', 'ship_region'],
  ['postalCode', 'ship_postal_code'],
  ['country', 'ship_country'],
];

const REQUIRED = ['number', 'placed_at', 'sku', 'quantity', 'unit_price'];

const normalize = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

export function readOmsOrders(table: CsvTable): OrderSourceFile {
  const columns = new Columns(table.header, normalize, table.headerLine);
  const fileIssues = [...columns.issues];
  for (const column of REQUIRED) {
    if (!columns.has(column))
      fileIssues.push(orderFileIssue('error', 'missingColumn', { line: table.headerLine, column }, { column }));
  }
  const at = <F extends string>(list: Array<readonly [F, string]>) =>
    list.map(([field, column]) => [field, columns.index(column)] as const);
  const orderIndex = at(ORDER_COLUMNS);
  const lineIndex = at(LINE_COLUMNS);
  const shipIndex = at(SHIP_COLUMNS);
  const numberIndex = columns.index('number');
  // The export writes it; the import marks its own orders, so it is read as nothing.
  columns.index('source');
  fileIssues.push(...columns.leftovers(table.headerLine));

  const { orders, strayIssues } = groupRows(
    table.rows,
    numberIndex,
    'number',
    (row, number) => {
      const order = newOrder(row, number);
      readCells(row, orderIndex, order.cells);
      readCells(row, shipIndex, order.shipping);
      return order;
    },
    (order, row) => {
      const cells: Partial<Record<LineField, string>> = {};
      readCells(row, lineIndex, cells);
      order.lines.push({ line: row.line, cells, issues: orderIssues(row.line, cells.sku ?? null) });
    },
  );
  return {
    orders,
    strayIssues,
    fileIssues,
    columns: {
      number: 'number',
      ...Object.fromEntries(ORDER_COLUMNS),
      ...Object.fromEntries(LINE_COLUMNS),
    },
    addressColumns: { shipping: Object.fromEntries(SHIP_COLUMNS), billing: {} },
  };
}
