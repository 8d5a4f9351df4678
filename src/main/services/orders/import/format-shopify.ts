import type { CsvTable } from '../../catalog/csv/read-csv';
import { cellAt, Columns } from '../../catalog/csv/source';
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
 * Shopify's "Export orders" CSV: one row per line item, the rows of an order sharing its
 * Name (#1001) and following each other; order-level cells are on the first row only.
 *
 * | Shopify column                                  | read as                                                        |
 * | ----------------------------------------------- | -------------------------------------------------------------- |
 * | Name                                            | the order's number, kept as it is (#1001)                      |
 * | Created at                                      | placed_at ("2026-11-20 14:03:11 +0800")                        |
 * | Email, Phone                                    | the customer, matched on email, then phone (else Billing Phone) |
 * | Billing Name (else Shipping Name)               | the customer's name                                            |
 * | Financial Status                                | payment status: paid, pending/authorized/voided/expired →      |
 * |                                                 | unpaid, partially_paid, partially_refunded, refunded           |
 * | Paid at                                         | when the payment row was made                                  |
 * | Fulfillment Status                              | fulfilled → shipped, partial → partially_shipped, else         |
 * |                                                 | unfulfilled                                                    |
 * | Fulfilled at                                    | completed_at of a fulfilled order                              |
 * | Cancelled at                                    | status cancelled (else completed when fulfilled, else          |
 * |                                                 | confirmed)                                                     |
 * | Currency                                        | must be the shop's                                             |
 * | Subtotal                                        | checked: the lines less every discount                         |
 * | Shipping, Shipping Method                       | shipping as charged                                            |
 * | Taxes                                           | the tax, spread over the lines in proportion                   |
 * | Total                                           | grand total, checked (tax included or added)                   |
 * | Discount Amount                                 | the discounts; less the lines' own, the order discount          |
 * | Discount Code                                   | kept in the notes                                              |
 * | Refunded Amount                                 | a refund row of that much                                      |
 * | Outstanding Balance                             | what a partially paid order still owes                         |
 * | Payment Method                                  | cash, card, transfer when it says so, else other               |
 * | Lineitem quantity, name, price, sku, discount   | the line (unknown SKU: kept as text, a warning)                |
 * | Lineitem taxable                                | false → tax class exempt                                       |
 * | Lineitem fulfillment status                     | fulfilled → the line's quantity counts as fulfilled            |
 * | Tax 1 Name … Tax 5 Name                         | a rate in the name ("VAT 13%") is the lines' rate              |
 * | Shipping Name, Address1, Address2, City, Zip,   | the shipping address (Country as its two-letter code)          |
 * | Province, Country, Phone                        |                                                                |
 * | Billing (the same)                              | the billing address                                            |
 * | Notes                                           | notes                                                          |
 * | Source                                          | channel: web → web, pos → counter, else import                 |
 *
 * Read as nothing, without a warning: Accepts Marketing, Lineitem compare at price,
 * Lineitem requires shipping, Billing/Shipping Street and Company, Note Attributes,
 * Payment Reference, Payment ID, Payment References, Payment Terms Name, Next Payment Due
 * At, Vendor, Employee, Location, Device ID, Id, Tags, Risk Level, Receipt Number,
 * Duties, Billing/Shipping Province Name, Tax N Value.
 */
export const SHOPIFY_ORDER_COLUMNS = [
  'Name',
  'Email',
  'Financial Status',
  'Paid at',
  'Fulfillment Status',
  'Fulfilled at',
  'Accepts Marketing',
  'Currency',
  'Subtotal',
  'Shipping',
  'Taxes',
  'Total',
  'Discount Code',
  'Discount Amount',
  'Shipping Method',
  'Created at',
  'Lineitem quantity',
  'Lineitem name',
  'Lineitem price',
  'Lineitem compare at price',
  'Lineitem sku',
  'Lineitem requires shipping',
  'Lineitem taxable',
  'Lineitem fulfillment status',
  'Billing Name',
  'Billing Street',
  'Billing Address1',
  'Billing Address2',
  'Billing Company',
  'Billing City',
  'Billing Zip',
  'Billing Province',
  'Billing Country',
  'Billing Phone',
  'Shipping Name',
  'Shipping Street',
  'Shipping Address1',
  'Shipping Address2',
  'Shipping Company',
  'Shipping City',
  'Shipping Zip',
  'Shipping Province',
  'Shipping Country',
  'Shipping Phone',
  'Notes',
  'Note Attributes',
  'Cancelled at',
  'Payment Method',
  'Payment Reference',
  'Refunded Amount',
  'Vendor',
  'Outstanding Balance',
  'Employee',
  'Location',
  'Device ID',
  'Id',
  'Tags',
  'Risk Level',
  'Source',
  'Lineitem discount',
  'Tax 1 Name',
  'Tax 1 Value',
  'Tax 2 Name',
  'Tax 2 Value',
  'Tax 3 Name',
  'Tax 3 Value',
  'Tax 4 Name',
  'Tax 4 Value',
  'Tax 5 Name',
  'Tax 5 Value',
  'Phone',
  'Receipt Number',
  'Duties',
  'Billing Province Name',
  'Shipping Province Name',
  'Payment ID',
  'Payment Terms Name',
  'Next Payment Due At',
  'Payment References',
] as const;

const ORDER_COLUMNS: Array<readonly [OrderField, string]> = [
  ['placedAt', 'Created at'],
  ['currency', 'Currency'],
  ['customerEmail', 'Email'],
  ['customerPhone', 'Phone'],
  ['paidAt', 'Paid at'],
  ['fulfilledAt', 'Fulfilled at'],
  ['cancelledAt', 'Cancelled at'],
  ['netSubtotal', 'Subtotal'],
  ['shippingTotal', 'Shipping'],
  ['taxTotal', 'Taxes'],
  ['grandTotal', 'Total'],
  ['discountAmount', 'Discount Amount'],
  ['shippingMethod', 'Shipping Method'],
  ['refundedTotal', 'Refunded Amount'],
  ['outstanding', 'Outstanding Balance'],
  ['paymentMethod', 'Payment Method'],
  ['notes', 'Notes'],
  ['paymentStatus', 'Financial Status'],
  ['fulfilmentStatus', 'Fulfillment Status'],
  ['channel', 'Source'],
];

const LINE_COLUMNS: Array<readonly [LineField, string]> = [
  ['sku', 'Lineitem sku'],
  ['name', 'Lineitem name'],
  ['quantity', 'Lineitem quantity'],
  ['unitPrice', 'Lineitem price'],
  ['lineDiscount', 'Lineitem discount'],
  ['lineFulfilment', 'Lineitem fulfillment status'],
];

const ADDRESS_PARTS: Array<readonly [AddressField, string]> = [
  ['recipient', 'Name'],
  ['phone', 'Phone'],
  ['line1', 'Address1'],
  ['line2', 'Address2'],
  ['city', 'City'],
  ['region', 'Province'],
  ['postalCode', 'Zip'],
  ['country', 'Country'],
];

const QUIETLY_IGNORED =
  /^(accepts marketing|lineitem compare at price|lineitem requires shipping|(billing|shipping) (street|company|province name)|note attributes|payment (reference|id|references|terms name)|next payment due at|vendor|employee|location|device id|id|tags|risk level|receipt number|duties|tax \d+ value)$/;

const FINANCIAL: Record<string, string> = {
  paid: 'paid',
  pending: 'unpaid',
  authorized: 'unpaid',
  voided: 'unpaid',
  expired: 'unpaid',
  unpaid: 'unpaid',
  partially_paid: 'partially_paid',
  partially_refunded: 'partially_refunded',
  refunded: 'refunded',
};

const FULFILMENT: Record<string, string> = {
  fulfilled: 'shipped',
  partial: 'partially_shipped',
  unfulfilled: 'unfulfilled',
  pending: 'unfulfilled',
  restocked: 'unfulfilled',
};

const SOURCES: Record<string, string> = { web: 'web', pos: 'counter' };

const normalize = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

export function readShopifyOrders(table: CsvTable): OrderSourceFile {
  const columns = new Columns(table.header, normalize, table.headerLine);
  const fileIssues = [...columns.issues];
  for (const column of ['Name', 'Created at', 'Lineitem quantity', 'Lineitem price']) {
    if (!columns.has(column))
      fileIssues.push(orderFileIssue('error', 'missingColumn', { line: table.headerLine, column }, { column }));
  }
  const at = <F extends string>(list: Array<readonly [F, string]>) =>
    list.map(([field, column]) => [field, columns.index(column)] as const);
  const numberIndex = columns.index('Name');
  const orderIndex = at(ORDER_COLUMNS);
  const lineIndex = at(LINE_COLUMNS);
  const taxableIndex = columns.index('Lineitem taxable');
  const discountCodeIndex = columns.index('Discount Code');
  const address = (prefix: string) => at(ADDRESS_PARTS.map(([field, part]) => [field, `${prefix} ${part}`] as const));
  const shippingIndex = address('Shipping');
  const billingIndex = address('Billing');
  const taxNames = columns.matching(/^tax \d+ name$/);
  columns.matching(QUIETLY_IGNORED);
  fileIssues.push(...columns.leftovers(table.headerLine));

  const { orders, strayIssues } = groupRows(
    table.rows,
    numberIndex,
    'Name',
    (row, number) => {
      const order = newOrder(row, number);
      readCells(row, orderIndex, order.cells);
      readCells(row, shippingIndex, order.shipping);
      readCells(row, billingIndex, order.billing);
      const cells = order.cells;
      const financial = cells.paymentStatus?.toLowerCase().replace(/\s+/g, '_');
      if (financial !== undefined) cells.paymentStatus = FINANCIAL[financial] ?? cells.paymentStatus;
      const fulfilment = cells.fulfilmentStatus?.toLowerCase();
      cells.fulfilmentStatus =
        fulfilment === undefined ? 'unfulfilled' : (FULFILMENT[fulfilment] ?? cells.fulfilmentStatus);
      cells.status = cells.cancelledAt ? 'cancelled' : cells.fulfilmentStatus === 'shipped' ? 'completed' : 'confirmed';
      cells.channel = SOURCES[cells.channel?.toLowerCase() ?? ''] ?? 'import';
      cells.customerName = order.billing.recipient ?? order.shipping.recipient;
      cells.customerPhone ??= order.billing.phone ?? order.shipping.phone;
      const code = cellAt(row, discountCodeIndex);
      if (code) cells.notes = [cells.notes, `Discount code: ${code}`].filter(Boolean).join('\n');
      for (const { index } of taxNames) {
        const rate = /(\d+(?:\.\d+)?)\s*%/.exec(cellAt(row, index) ?? '');
        if (rate) order.taxRates.push(Math.round(Number(rate[1]) * 100));
      }
      return order;
    },
    (order, row) => {
      const cells: Partial<Record<LineField, string>> = {};
      readCells(row, lineIndex, cells);
      if (cellAt(row, taxableIndex)?.toLowerCase() === 'false') cells.taxClass = 'exempt';
      order.lines.push({ line: row.line, cells, issues: orderIssues(row.line, cells.sku ?? null) });
    },
  );
  return {
    orders,
    strayIssues,
    fileIssues,
    columns: {
      number: 'Name',
      ...Object.fromEntries(ORDER_COLUMNS),
      ...Object.fromEntries(LINE_COLUMNS),
      status: 'Cancelled at',
      customerName: 'Billing Name',
      paidTotal: 'Outstanding Balance',
    },
    addressColumns: {
      shipping: Object.fromEntries(ADDRESS_PARTS.map(([field, part]) => [field, `Shipping ${part}`])),
      billing: Object.fromEntries(ADDRESS_PARTS.map(([field, part]) => [field, `Billing ${part}`])),
    },
  };
}
