import { z } from 'zod';
import { MANAGERS } from '../roles';
import { operation } from './define';

/** The catalogue formats a file can be in: our own, Shopify's product CSV and WooCommerce's. */
export const IMPORT_FORMATS = ['oms', 'shopify', 'woocommerce'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The largest file accepted, in bytes (base64 of it stays under the HTTP body limit of 32 MB). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
/** The most data rows one file may have. */
export const IMPORT_MAX_ROWS = 200_000;

/** What the analysis of a file is doing; `committed` once its plan is in the database. */
export const IMPORT_STATES = ['reading', 'checking', 'ready', 'failed', 'committing', 'committed'] as const;

/**
 * Why a row (or the file) cannot be imported as it is, or what was repaired. The `code`
 * names the reason; `params` fill its sentence, which the UI says in its own language.
 */
export const importIssueSchema = z.object({
  /** The line in the file where the row starts (the header is line 1); null for the whole file. */
  line: z.number().nullable(),
  sku: z.string().nullable(),
  column: z.string().nullable(),
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The same in English, for API callers. */
  message: z.string(),
});

export type ImportIssue = z.infer<typeof importIssueSchema>;

const summarySchema = z.object({
  /** Data rows read (not counting the header or blank lines). */
  rows: z.number(),
  toCreate: z.number(),
  toUpdate: z.number(),
  /** Existing SKUs left alone (the "skip" choice) or rows that are not products (Shopify image rows…). */
  skipped: z.number(),
  familiesToCreate: z.number(),
  suppliersToCreate: z.array(z.string()),
  /** Opening stock: one receipt movement per product and warehouse. */
  stockMovements: z.number(),
  stockUnits: z.number(),
  errors: z.number(),
  warnings: z.number(),
});

const reportIdInput = z.object({ reportId: z.string().min(1).max(64) });

const progressSchema = z.object({
  reportId: z.string(),
  state: z.enum(IMPORT_STATES),
  /** Characters read so far of `total` while reading, rows checked of `total` while checking, products written while committing. */
  processed: z.number(),
  total: z.number(),
  /** Why the analysis failed, when it did. */
  failure: z.string().nullable(),
});

export const imports = {
  analyze: operation({
    summary:
      'Start the dry run of a catalogue CSV (our format, Shopify or WooCommerce): nothing is written. Returns a report id to follow with imports.progress and read with imports.report.',
    kind: 'query',
    access: MANAGERS,
    input: z
      .object({
        format: z.enum(IMPORT_FORMATS),
        fileName: z.string().trim().max(260).default(''),
        /** The file's bytes in base64: the server detects the encoding (UTF-8, or GB18030 from Chinese Excel). */
        base64: z
          .string()
          .max(Math.ceil(IMPORT_MAX_BYTES / 3) * 4, 'The file is larger than 20 MB: split it')
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64')
          .optional(),
        /** Or the file as text, already decoded. */
        text: z.string().max(IMPORT_MAX_BYTES, 'The file is larger than 20 MB: split it').optional(),
        /** The warehouse whose default bin receives the opening stock of the file's quantity column. */
        warehouseId: z.string().min(1).nullable().default(null),
        /** What happens to a SKU that already exists: left alone, or its fields updated from the file. */
        existing: z.enum(['skip', 'update']).default('skip'),
      })
      .refine((v) => (v.base64 === undefined) !== (v.text === undefined), {
        message: 'Send the file as base64 or as text, one of the two',
        path: ['base64'],
      }),
    output: z.object({ reportId: z.string() }),
  }),
  progress: operation({
    summary: 'How far the dry run (or the import) of a file has come: poll it for a progress bar.',
    kind: 'query',
    access: MANAGERS,
    input: reportIdInput,
    output: progressSchema,
  }),
  report: operation({
    summary:
      'The dry-run report once the analysis is done (waits for it): what would be created, updated and skipped, and every problem by line, a page at a time.',
    kind: 'query',
    access: MANAGERS,
    input: reportIdInput.extend({
      offset: z.coerce.number().int().min(0).default(0),
      limit: z.coerce.number().int().min(1).max(5000).default(500),
    }),
    output: progressSchema.extend({
      format: z.enum(IMPORT_FORMATS),
      fileName: z.string(),
      /** How the file was read: utf-8, utf-8-bom, utf-16le, gb18030. */
      encoding: z.string(),
      delimiter: z.string(),
      existing: z.enum(['skip', 'update']),
      summary: summarySchema,
      issues: z.array(importIssueSchema),
      issueCount: z.number(),
      /** True when the file has no errors: imports.commit will take it. */
      canCommit: z.boolean(),
    }),
  }),
  commit: operation({
    summary:
      'Import an analysed file in one transaction: products, families, suppliers and opening stock (receipts into the default bin, reason "opening"). Refused while the report has errors.',
    kind: 'command',
    access: MANAGERS,
    input: reportIdInput,
    output: z.object({
      created: z.number(),
      updated: z.number(),
      skipped: z.number(),
      familiesCreated: z.number(),
      suppliersCreated: z.number(),
      stockMovements: z.number(),
      stockUnits: z.number(),
    }),
  }),
  export: operation({
    summary:
      'The catalogue as CSV in our format (stock per warehouse), Shopify or WooCommerce (stock of one warehouse, or of all).',
    kind: 'query',
    access: MANAGERS,
    input: z.object({
      format: z.enum(IMPORT_FORMATS),
      /** For Shopify and WooCommerce, whose files have one quantity: this warehouse's stock, else all. */
      warehouseId: z.string().min(1).nullable().default(null),
      includeArchived: z.boolean().default(false),
    }),
    output: z.object({ fileName: z.string(), text: z.string(), rows: z.number() }),
  }),
};
