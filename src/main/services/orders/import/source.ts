import type { ImportIssue } from '../../../../shared/contract/imports';
import type { OrderImportFormat } from '../../../../shared/contract/order-imports';
import { makeIssue, RowIssues } from '../../catalog/csv/issues';
import type { CsvRow, CsvTable } from '../../catalog/csv/read-csv';
import { cellAt } from '../../catalog/csv/source';
import { ORDER_ISSUE_MESSAGES } from './messages';

/**
 * What each format's reader makes of its rows: orders in our own terms, the cells still
 * text, with the column each came from. The analysis (analyze.ts) reads and checks them
 * the same way whatever the format.
 */
export const ORDER_FIELDS = [
  'placedAt',
  'channel',
  'status',
  'paymentStatus',
  'fulfilmentStatus',
  'currency',
  'customerName',
  'customerEmail',
  'customerPhone',
  'orderDiscount',
  /** Shopify's Discount Amount: every discount of the order, the lines' own included. */
  'discountAmount',
  'shippingMethod',
  'shippingTotal',
  'shippingTax',
  'taxTotal',
  'grandTotal',
  /** Shopify's Subtotal: the lines after every discount, before shipping and tax. */
  'netSubtotal',
  'paidTotal',
  'refundedTotal',
  /** Shopify's Outstanding Balance: what is still to pay. */
  'outstanding',
  'paymentMethod',
  'paidAt',
  'fulfilledAt',
  'cancelledAt',
  'promisedDate',
  'notes',
] as const;
export type OrderField = (typeof ORDER_FIELDS)[number];

export const LINE_FIELDS = [
  'sku',
  'name',
  'quantity',
  'unitPrice',
  'lineDiscount',
  'lineTotal',
  'lineTax',
  'taxClass',
  'taxRate',
  /** Shopify's "Lineitem fulfillment status". */
  'lineFulfilment',
] as const;
export type LineField = (typeof LINE_FIELDS)[number];

export const ADDRESS_FIELDS = [
  'recipient',
  'phone',
  'line1',
  'line2',
  'city',
  'region',
  'postalCode',
  'country',
] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];
export type AddressCells = Partial<Record<AddressField, string>>;

export interface SourceLine {
  line: number;
  cells: Partial<Record<LineField, string>>;
  issues: RowIssues;
}

export interface SourceOrder {
  number: string;
  /** The line of the order's first row: where its order-level problems are reported. */
  line: number;
  cells: Partial<Record<OrderField, string>>;
  shipping: AddressCells;
  billing: AddressCells;
  /** Tax rates named on the order (Shopify's "Tax 1 Name": "VAT 13%"), in basis points. */
  taxRates: number[];
  lines: SourceLine[];
  issues: RowIssues;
}

export interface OrderSourceFile {
  orders: SourceOrder[];
  /** Rows that belong to no order (no number): each has its error. */
  strayIssues: ImportIssue[];
  fileIssues: ImportIssue[];
  /** The column each field came from, for the report. */
  columns: Partial<Record<OrderField | LineField | 'number', string>>;
  /** The column each part of an address came from. */
  addressColumns: Record<'shipping' | 'billing', Partial<Record<AddressField, string>>>;
}

export type OrderFormatReader = (table: CsvTable) => OrderSourceFile;

export function orderIssues(line: number, sku: string | null = null): RowIssues {
  return new RowIssues(line, sku, ORDER_ISSUE_MESSAGES);
}

export function orderFileIssue(
  severity: ImportIssue['severity'],
  code: string,
  at: { line?: number | null; column?: string | null },
  params: Record<string, string | number> = {},
): ImportIssue {
  return makeIssue(severity, code, at, params, ORDER_ISSUE_MESSAGES);
}

/**
 * Rows to orders: the rows of one order share its number and come together; a number
 * that comes back after another order's rows is an error on the row where it does.
 */
export function groupRows(
  rows: CsvRow[],
  numberIndex: number | undefined,
  numberColumn: string,
  start: (row: CsvRow, number: string) => SourceOrder,
  addLine: (order: SourceOrder, row: CsvRow) => void,
): { orders: SourceOrder[]; strayIssues: ImportIssue[] } {
  const orders: SourceOrder[] = [];
  const firstLine = new Map<string, number>();
  const strayIssues: ImportIssue[] = [];
  let current: SourceOrder | null = null;
  for (const row of rows) {
    const number = cellAt(row, numberIndex);
    if (number === undefined) {
      const issues = orderIssues(row.line);
      issues.error('required', numberColumn, { column: numberColumn });
      strayIssues.push(...issues.list);
      continue;
    }
    if (current?.number !== number) {
      const seen = firstLine.get(number);
      if (seen !== undefined) {
        const issues = orderIssues(row.line);
        issues.error('orderRowsApart', numberColumn, { number, firstLine: seen });
        strayIssues.push(...issues.list);
        current = null;
        continue;
      }
      current = start(row, number);
      firstLine.set(number, row.line);
      orders.push(current);
    }
    addLine(current, row);
  }
  return { orders, strayIssues };
}

export function newOrder(row: CsvRow, number: string): SourceOrder {
  return {
    number,
    line: row.line,
    cells: {},
    shipping: {},
    billing: {},
    taxRates: [],
    lines: [],
    issues: orderIssues(row.line),
  };
}

/** Reads the named cells of a row into a record, leaving out the empty ones. */
export function readCells<F extends string>(
  row: CsvRow,
  indexes: ReadonlyArray<readonly [F, number | undefined]>,
  into: Partial<Record<F, string>>,
): void {
  for (const [field, index] of indexes) {
    if (into[field] !== undefined) continue;
    const value = cellAt(row, index, field === ('notes' as F));
    if (value !== undefined) into[field] = value;
  }
}

/** The header of each order format, to say "this looks like a Shopify file" when the wrong format is chosen. */
export function guessOrderFormat(header: string[]): OrderImportFormat | null {
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  if (names.has('name') && names.has('lineitem quantity')) return 'shopify';
  if (names.has('number') && names.has('placed_at')) return 'oms';
  return null;
}
