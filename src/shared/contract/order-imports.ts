import { z } from 'zod';
import { MANAGERS } from '../roles';
import { operation } from './define';
import { IMPORT_MAX_BYTES, IMPORT_STATES, importIssueSchema } from './imports';

/** The order files the import reads: our own order CSV (docs/orders-csv.md) and Shopify's "Export orders" CSV. */
export const ORDER_IMPORT_FORMATS = ['oms', 'shopify'] as const;
export type OrderImportFormat = (typeof ORDER_IMPORT_FORMATS)[number];

/** The most data rows (order lines) one file may have. */
export const ORDER_IMPORT_MAX_ROWS = 500_000;

const summarySchema = z.object({
  /** Data rows read (order lines; not counting the header or blank lines). */
  rows: z.number(),
  orders: z.number(),
  lines: z.number(),
  /** Lines whose SKU is not in the catalogue: kept as text, without a product. */
  textOnlyLines: z.number(),
  customersToCreate: z.number(),
  customersMatched: z.number(),
  /** The sum of the orders' grand totals, minor units of the shop's currency. */
  grandTotal: z.number(),
  paidTotal: z.number(),
  refundedTotal: z.number(),
  /** The earliest and latest placed_at, or null with no orders. */
  firstPlacedAt: z.string().nullable(),
  lastPlacedAt: z.string().nullable(),
  errors: z.number(),
  warnings: z.number(),
});

const reportIdInput = z.object({ reportId: z.string().min(1).max(64) });

const progressSchema = z.object({
  reportId: z.string(),
  state: z.enum(IMPORT_STATES),
  /** Characters read of `total` while reading, rows checked while checking, orders written while committing. */
  processed: z.number(),
  total: z.number(),
  failure: z.string().nullable(),
});

export const orderImports = {
  analyze: operation({
    summary:
      'Start the dry run of an order history CSV (our order CSV or Shopify\'s "Export orders"): nothing is written. Returns a report id to follow with orderImports.progress and read with orderImports.report.',
    kind: 'query',
    access: MANAGERS,
    http: { method: 'POST', path: '/order-imports' },
    input: z
      .object({
        format: z.enum(ORDER_IMPORT_FORMATS),
        fileName: z.string().trim().max(260).default(''),
        /** The file's bytes in base64: the server detects the encoding (UTF-8, or GB18030 from Chinese Excel). */
        base64: z
          .string()
          .max(Math.ceil(IMPORT_MAX_BYTES / 3) * 4, 'The file is larger than 20 MB: split it')
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64')
          .optional(),
        /** Or the file as text, already decoded. */
        text: z.string().max(IMPORT_MAX_BYTES, 'The file is larger than 20 MB: split it').optional(),
      })
      .refine((v) => (v.base64 === undefined) !== (v.text === undefined), {
        message: 'Send the file as base64 or as text, one of the two',
        path: ['base64'],
      }),
    output: z.object({ reportId: z.string() }),
  }),
  progress: operation({
    summary: 'How far the dry run (or the import) of an order file has come: poll it for a progress bar.',
    kind: 'query',
    access: MANAGERS,
    http: { method: 'GET', path: '/order-imports/:reportId/progress' },
    input: reportIdInput,
    output: progressSchema,
  }),
  report: operation({
    summary:
      'The dry-run report of an order file once its analysis is done (waits for it): how many orders, lines and customers, and every problem by line, a page at a time.',
    kind: 'query',
    access: MANAGERS,
    http: { method: 'GET', path: '/order-imports/:reportId' },
    input: reportIdInput.extend({
      offset: z.coerce.number().int().min(0).default(0),
      limit: z.coerce.number().int().min(1).max(5000).default(500),
    }),
    output: progressSchema.extend({
      format: z.enum(ORDER_IMPORT_FORMATS),
      fileName: z.string(),
      encoding: z.string(),
      delimiter: z.string(),
      currency: z.string(),
      summary: summarySchema,
      issues: z.array(importIssueSchema),
      issueCount: z.number(),
      /** True when the file has no errors and at least one order: orderImports.commit will take it. */
      canCommit: z.boolean(),
    }),
  }),
  commit: operation({
    summary:
      'Import an analysed order file in one transaction: the orders with their own numbers, dates, statuses, lines and payments, customers matched by email then phone or created, an "imported" event on each. Moves no stock. Refused while the report has errors.',
    kind: 'command',
    access: MANAGERS,
    http: { method: 'POST', path: '/order-imports/:reportId/commit' },
    input: reportIdInput,
    output: z.object({
      orders: z.number(),
      lines: z.number(),
      payments: z.number(),
      customersCreated: z.number(),
      customersMatched: z.number(),
    }),
  }),
};
