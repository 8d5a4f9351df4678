import { makeIssue } from './issues';
import type { CsvTable } from './read-csv';
import {
  cellAt,
  Columns,
  newRow,
  type FamilySource,
  type SourceField,
  type SourceFile,
  type SourceRow,
} from './source';

/**
 * Our own catalogue CSV. One row per product (per variant), UTF-8, comma separated,
 * header names in any case and order:
 *
 * | column                                   | meaning                                                         |
 * | ---------------------------------------- | --------------------------------------------------------------- |
 * | sku                                      | required; no spaces; unique                                     |
 * | name                                     | required for a new product                                      |
 * | description                              | plain text, line breaks allowed (quote the cell)                |
 * | barcode                                  | GTIN-8/12/13/14 with a valid check digit, or your own code     |
 * | unit_price                               | decimal in the shop's currency: 128.50 (required for a new one) |
 * | tax_class                                | default "standard"                                              |
 * | weight_g, length_mm, width_mm, height_mm | whole grams and millimetres                                    |
 * | supplier                                 | a supplier's name; a new name creates the supplier              |
 * | lead_time_days, reorder_point            | whole numbers                                                   |
 * | allow_backorder                          | yes/no (true/false, 1/0, 是/否)                                  |
 * | status                                   | active or archived (default active)                             |
 * | cost                                     | unit cost of the opening stock, decimal                         |
 * | family_handle                            | variants of one product share it (lowercase, digits, dashes)   |
 * | family_name, family_description          | on the first row of a family (later rows may leave them empty) |
 * | option1_name … option3_name              | the family's options (Size, Colour), first row at least        |
 * | option1_value … option3_value            | this variant's value for each option                            |
 * | stock                                    | opening stock in the warehouse chosen for the import            |
 * | stock:CODE                               | opening stock in warehouse CODE (one column per warehouse)      |
 *
 * The export writes every column, with one stock:CODE column per warehouse (on hand).
 */
export const OMS_COLUMNS = [
  'sku',
  'name',
  'description',
  'barcode',
  'unit_price',
  'tax_class',
  'weight_g',
  'length_mm',
  'width_mm',
  'height_mm',
  'supplier',
  'lead_time_days',
  'reorder_point',
  'allow_backorder',
  'status',
  'cost',
  'family_handle',
  'family_name',
  'family_description',
  'option1_name',
  'option1_value',
  'option2_name',
  'option2_value',
  'option3_name',
  'option3_value',
] as const;

const FIELD_COLUMNS: Record<SourceField, string> = {
  name: 'name',
  description: 'description',
  barcode: 'barcode',
  price: 'unit_price',
  taxClass: 'tax_class',
  weight: 'weight_g',
  length: 'length_mm',
  width: 'width_mm',
  height: 'height_mm',
  supplier: 'supplier',
  leadTimeDays: 'lead_time_days',
  reorderPoint: 'reorder_point',
  allowBackorder: 'allow_backorder',
  status: 'status',
  cost: 'cost',
};

const normalize = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

export function readOmsFile(table: CsvTable): SourceFile {
  const columns = new Columns(table.header, normalize, table.headerLine);
  const fileIssues = [...columns.issues];
  const skuIndex = columns.index('sku');
  if (skuIndex === undefined) {
    fileIssues.push(makeIssue('error', 'missingColumn', { line: table.headerLine, column: 'sku' }, { column: 'sku' }));
  }
  const fieldIndex = Object.entries(FIELD_COLUMNS).map(([field, column]) => [field, columns.index(column)] as const);
  const familyIndex = {
    handle: columns.index('family_handle'),
    name: columns.index('family_name'),
    description: columns.index('family_description'),
  };
  const optionIndex = [1, 2, 3].map((n) => ({
    name: columns.index(`option${n}_name`),
    value: columns.index(`option${n}_value`),
  }));
  const stockColumns = [
    ...(columns.has('stock') ? [{ index: columns.index('stock') as number, name: 'stock', code: null }] : []),
    ...columns
      .matching(/^stock:(.+)$/)
      .map(({ index, name, match }) => ({ index, name, code: match[1].trim().toUpperCase() })),
  ];
  fileIssues.push(...columns.leftovers(table.headerLine));

  const families = new Map<string, FamilySource>();
  const pending: Array<{
    row: SourceRow;
    family: FamilySource;
    names: Array<string | undefined> | null;
    options: Array<{ value: string | undefined }>;
  }> = [];
  const rows = table.rows.map((csvRow) => {
    const row = newRow(csvRow, cellAt(csvRow, skuIndex));
    for (const [field, index] of fieldIndex) {
      const value = cellAt(csvRow, index, field === 'description');
      if (value !== undefined) row.cells[field as SourceField] = value;
    }
    for (const stock of stockColumns) {
      const text = cellAt(csvRow, stock.index);
      if (text !== undefined) row.stock.push({ warehouseCode: stock.code, text, column: stock.name });
    }
    const options = optionIndex.map(({ name, value }) => ({
      name: cellAt(csvRow, name),
      value: cellAt(csvRow, value),
    }));
    const handle = cellAt(csvRow, familyIndex.handle)?.toLowerCase();
    if (!handle) {
      if (options.some((o) => o.value)) row.issues.error('required', 'family_handle', { column: 'family_handle' });
      return row;
    }
    row.familyKey = handle;
    let family = families.get(handle);
    const rowNames = options.map((o) => o.name).filter((n): n is string => Boolean(n));
    if (!family) {
      family = {
        key: handle,
        handleText: handle,
        name: '',
        description: '',
        optionNames: rowNames,
        line: row.line,
        handleGiven: true,
      };
      families.set(handle, family);
    }
    family.name ||= cellAt(csvRow, familyIndex.name) ?? '';
    family.description ||= cellAt(csvRow, familyIndex.description, true) ?? '';
    if (family.optionNames.length === 0) family.optionNames = rowNames;
    else if (rowNames.length > 0 && rowNames.join('\u0000') !== family.optionNames.join('\u0000')) {
      row.issues.error('familyOptions', 'option1_name', {
        handle,
        expected: family.optionNames.join(', '),
        given: rowNames.join(', '),
      });
    }
    pending.push({ row, family, names: rowNames.length > 0 ? options.map((o) => o.name) : null, options });
    return row;
  });
  // Values follow the row's own option names, else the family's (known once every row is read).
  for (const { row, family, names, options } of pending) {
    const values: Record<string, string> = {};
    options.forEach((option, i) => {
      const name = (names ?? family.optionNames)[i];
      if (name && option.value !== undefined) values[name] = option.value;
    });
    row.optionValues = values;
  }

  return {
    rows,
    families,
    fileIssues,
    skipped: 0,
    columns: { ...FIELD_COLUMNS, sku: 'sku', stock: 'stock', options: 'option1_value' },
    units: { weightShift: 0, dimensionShift: 0 },
  };
}
