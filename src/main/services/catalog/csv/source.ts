import type { ImportFormat, ImportIssue } from '../../../../shared/contract/imports';
import { makeIssue, RowIssues } from './issues';
import type { CsvRow, CsvTable } from './read-csv';

/**
 * What each format's reader makes of its rows: the same product fields as text, still
 * unchecked, with the columns they came from. The analysis (analyze.ts) reads and checks
 * them the same way whatever the format.
 */
export const SOURCE_FIELDS = [
  'name',
  'description',
  'barcode',
  'price',
  'taxClass',
  'weight',
  'length',
  'width',
  'height',
  'supplier',
  'leadTimeDays',
  'reorderPoint',
  'allowBackorder',
  'status',
  'cost',
] as const;
export type SourceField = (typeof SOURCE_FIELDS)[number];

export interface StockCell {
  /** A warehouse code from the column ("stock:SH1"), or null for the warehouse chosen for the import. */
  warehouseCode: string | null;
  text: string;
  column: string;
}

export interface SourceRow {
  line: number;
  sku: string | undefined;
  /** Each field's text; absent when the cell is empty or the format has no such column. */
  cells: Partial<Record<SourceField, string>>;
  /** The key of the family the row is a variant of (see SourceFile.families). */
  familyKey?: string;
  /** Option name → value, for a variant. */
  optionValues?: Record<string, string>;
  stock: StockCell[];
  issues: RowIssues;
}

export interface FamilySource {
  /** What the file calls the family: a handle, a parent SKU or id. */
  key: string;
  /** Text to make the handle of: a Shopify handle, a family_handle, a parent's SKU or name. */
  handleText: string;
  name: string;
  description: string;
  optionNames: string[];
  line: number;
  /** The file names the handle itself (ours, Shopify's): a repaired one is worth a warning. */
  handleGiven?: boolean;
}

export interface SourceFile {
  rows: SourceRow[];
  families: Map<string, FamilySource>;
  fileIssues: ImportIssue[];
  /** Rows that are not products (Shopify's extra image rows, WooCommerce grouped products…). */
  skipped: number;
  /** The column each field came from, for the report. */
  columns: Partial<Record<SourceField | 'sku' | 'stock' | 'options', string>>;
  /** Weights in kilograms (3) or grams (0); lengths in centimetres (1) or millimetres (0). */
  units: { weightShift: number; dimensionShift: number };
}

/** Finds columns by name, however the spreadsheet cased or spaced them; notes duplicates and leftovers. */
export class Columns {
  private readonly byName = new Map<string, number>();
  private readonly used = new Set<number>();
  readonly issues: ImportIssue[] = [];

  constructor(
    readonly header: string[],
    private readonly normalize: (name: string) => string = (name) => name.trim().toLowerCase().replace(/\s+/g, ' '),
    headerLine = 1,
  ) {
    header.forEach((name, index) => {
      const key = this.normalize(name);
      if (!key) return;
      if (this.byName.has(key)) {
        this.issues.push(makeIssue('warning', 'duplicateColumn', { line: headerLine, column: name }, { column: name }));
        this.used.add(index);
      } else this.byName.set(key, index);
    });
  }

  has(name: string): boolean {
    return this.byName.has(this.normalize(name));
  }

  /** The column's index, marking it as read. */
  index(name: string): number | undefined {
    const index = this.byName.get(this.normalize(name));
    if (index !== undefined) this.used.add(index);
    return index;
  }

  /** Every column whose normalized name matches, marking them as read. */
  matching(pattern: RegExp): Array<{ index: number; name: string; match: RegExpExecArray }> {
    const found: Array<{ index: number; name: string; match: RegExpExecArray }> = [];
    for (const [key, index] of this.byName) {
      const match = pattern.exec(key);
      if (match) {
        this.used.add(index);
        found.push({ index, name: this.header[index], match });
      }
    }
    return found.sort((a, b) => a.index - b.index);
  }

  /** Warnings for the columns nobody read: the person should know they are not imported. */
  leftovers(headerLine: number): ImportIssue[] {
    return this.header.flatMap((name, index) =>
      name.trim() && !this.used.has(index)
        ? [makeIssue('warning', 'ignoredColumn', { line: headerLine, column: name }, { column: name })]
        : [],
    );
  }
}

/** A cell's text, or undefined when it is empty. */
export function cellAt(row: CsvRow, index: number | undefined, keepInside = false): string | undefined {
  if (index === undefined) return undefined;
  const value = row.cells[index];
  if (value === undefined) return undefined;
  const trimmed = keepInside ? value.replace(/^\s+|\s+$/g, '') : value.trim();
  // The apostrophe our export puts before formula-like text (=, +, -, @) is not data.
  const unguarded = /^'[=+\-@]/.test(trimmed) ? trimmed.slice(1) : trimmed;
  return unguarded === '' ? undefined : unguarded;
}

export function newRow(row: CsvRow, sku: string | undefined): SourceRow {
  return { line: row.line, sku, cells: {}, stock: [], issues: new RowIssues(row.line, sku ?? null) };
}

/** The header of each format, to say "this looks like a Shopify file" when the wrong format is chosen. */
export function guessFormat(header: string[]): ImportFormat | null {
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  if (names.has('handle') && names.has('variant sku')) return 'shopify';
  if (names.has('type') && (names.has('regular price') || names.has('parent'))) return 'woocommerce';
  if (names.has('sku') && names.has('unit_price')) return 'oms';
  return null;
}

export type FormatReader = (table: CsvTable) => SourceFile;
