import type { ImportFormat, ImportIssue } from '../../../../shared/contract/imports';
import { IMPORT_MAX_ROWS } from '../../../../shared/contract/imports';
import { productCreateSchema, type Product } from '../../../../shared/domain/catalog';
import type { ServiceContext } from '../../context';
import { listWarehouses } from '../../inventory/warehouses';
import { getSettings } from '../../settings';
import type { ProductFields } from '../products';
import { productsQuery, toProduct } from '../products';
import { decodeBytes, decodeText, type FileEncoding } from './decode';
import { readOmsFile } from './format-oms';
import { readShopifyFile } from './format-shopify';
import { readWooCommerceFile } from './format-woocommerce';
import { makeIssue, type RowIssues } from './issues';
import { readImportTable } from './read-csv';
import { guessFormat, type FormatReader, type SourceFile, type SourceRow } from './source';
import { looksLikeDate, readBarcode, readBoolean, readPrice, readWhole, toHandle, type NumberStyle } from './values';

const READERS: Record<ImportFormat, FormatReader> = {
  oms: readOmsFile,
  shopify: readShopifyFile,
  woocommerce: readWooCommerceFile,
};

/** Rows checked between two pauses: small enough that other calls (the progress poll) get their turn. */
const CHUNK = 1000;

export interface AnalyzeInput {
  format: ImportFormat;
  fileName: string;
  bytes?: Uint8Array;
  text?: string;
  /** Receives the opening stock of the file's quantity column (its default bin). */
  warehouseId: string | null;
  existing: 'skip' | 'update';
}

export interface PlannedFamily {
  key: string;
  handle: string;
  name: string;
  description: string;
  optionNames: string[];
  /** The family already in the catalogue with this handle, if any. */
  existingId: string | null;
  existingOptionNames?: string[];
}

export interface PlannedStock {
  warehouseId: string;
  locationId: string;
  quantity: number;
}

export interface PlannedProduct {
  line: number;
  action: 'create' | 'update';
  /** The product to update. */
  productId: string | null;
  /** Every field as it will be; supplierId and familyId are settled at commit when a name or key stands for them. */
  fields: ProductFields;
  supplierName: string | null;
  familyKey: string | null;
  status: Product['status'] | null;
  /** Unit cost of a new product's opening stock, minor units. */
  cost: number | null;
  stock: PlannedStock[];
}

export interface Summary {
  rows: number;
  toCreate: number;
  toUpdate: number;
  skipped: number;
  familiesToCreate: number;
  suppliersToCreate: string[];
  stockMovements: number;
  stockUnits: number;
  errors: number;
  warnings: number;
}

export interface Analysis {
  format: ImportFormat;
  fileName: string;
  encoding: FileEncoding | '';
  delimiter: string;
  existing: 'skip' | 'update';
  issues: ImportIssue[];
  summary: Summary;
  products: PlannedProduct[];
  families: Map<string, PlannedFamily>;
  /** Supplier names the commit creates, as first spelt in the file. */
  suppliersToCreate: string[];
}

export type ProgressListener = (progress: { state: 'reading' | 'checking'; processed: number; total: number }) => void;

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What a row says, read and checked cell by cell; fields absent from the row are left out. */
interface ReadRow {
  source: SourceRow;
  sku: string | null;
  values: Partial<ProductFields>;
  supplierName?: string;
  status?: Product['status'];
  cost?: number;
  stock: Array<{ warehouseCode: string | null; quantity: number }>;
}

const FIELD_LIMITS = { name: 300, description: 10_000, taxClass: 40 } as const;

function emptySummary(rows: number): Summary {
  return {
    rows,
    toCreate: 0,
    toUpdate: 0,
    skipped: 0,
    familiesToCreate: 0,
    suppliersToCreate: [],
    stockMovements: 0,
    stockUnits: 0,
    errors: 0,
    warnings: 0,
  };
}

function finish(analysis: Analysis): Analysis {
  analysis.issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  analysis.summary.errors = analysis.issues.filter((i) => i.severity === 'error').length;
  analysis.summary.warnings = analysis.issues.length - analysis.summary.errors;
  return analysis;
}

/**
 * The dry run: reads the file, checks every row against the contract's rules and the
 * catalogue as it is now, and plans what the commit will write. Writes nothing. Works
 * through the rows a chunk at a time, pausing between chunks so the progress poll and
 * everyone else's calls go on.
 */
export async function analyzeFile(
  ctx: ServiceContext,
  input: AnalyzeInput,
  onProgress: ProgressListener = () => undefined,
): Promise<Analysis> {
  onProgress({ state: 'reading', processed: 0, total: 0 });
  const decoded = input.bytes ? decodeBytes(input.bytes) : decodeText(input.text ?? '');
  const analysis: Analysis = {
    format: input.format,
    fileName: input.fileName,
    encoding: decoded.encoding,
    delimiter: ',',
    existing: input.existing,
    issues: [],
    summary: emptySummary(0),
    products: [],
    families: new Map(),
    suppliersToCreate: [],
  };
  if (decoded.encoding === 'gb18030') analysis.issues.push(makeIssue('warning', 'readAsGb18030', {}));

  const read = await readImportTable(decoded.text, IMPORT_MAX_ROWS, (done, total) =>
    onProgress({ state: 'reading', processed: done, total }),
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
  analysis.summary.skipped += source.skipped;
  if (source.fileIssues.some((i) => i.code === 'missingColumn' || i.code === 'unitUnsupported')) {
    const guess = guessFormat(table.header);
    if (guess && guess !== input.format) {
      analysis.issues.push(makeIssue('error', 'looksLikeOtherFormat', { line: table.headerLine }, { guess }));
    }
    return finish(analysis);
  }

  const [settings, warehouses, suppliers] = [
    await getSettings(ctx),
    await listWarehouses(ctx),
    await ctx.db.selectFrom('suppliers').select(['id', 'name']).execute(),
  ];
  const style: NumberStyle = { decimalComma: table.delimiter === ';' };
  const chosen = input.warehouseId ? warehouses.find((w) => w.id === input.warehouseId) : undefined;
  const warehouseByCode = new Map(warehouses.map((w) => [w.code, w]));
  const supplierByName = new Map(suppliers.map((s) => [s.name.trim().toLowerCase(), s.id]));
  const fileProblems = new Set<string>();
  const fileProblem = (code: string, column: string | null, params: Record<string, string | number> = {}) => {
    const key = `${code}:${JSON.stringify(params)}`;
    if (fileProblems.has(key)) return;
    fileProblems.add(key);
    analysis.issues.push(makeIssue('error', code, { line: null, column }, params));
  };

  const families = await planFamilies(ctx, source);
  analysis.families = families;
  const familyProblems = familyIssues(families, source);

  const skuLines = new Map<string, number>();
  const barcodeLines = new Map<string, number>();
  const variantLines = new Map<string, number>();
  const suppliersToCreate = new Map<string, string>();
  const usedFamilies = new Set<string>();

  for (let start = 0; start < source.rows.length; start += CHUNK) {
    onProgress({ state: 'checking', processed: start, total: source.rows.length });
    const chunk = source.rows
      .slice(start, start + CHUNK)
      .map((row) => readRow(row, { currency: settings.currency, style, source }));
    const skus = [...new Set(chunk.map((r) => r.sku).filter((s): s is string => Boolean(s)))];
    const barcodes = [...new Set(chunk.map((r) => r.values.barcode).filter((b): b is string => Boolean(b)))];
    const existing = new Map(
      skus.length
        ? (await productsQuery(ctx).where('products.sku', 'in', skus).execute()).map((row) => [row.sku, toProduct(row)])
        : [],
    );
    const holders = new Map(
      barcodes.length
        ? (
            await ctx.db.selectFrom('products').select(['sku', 'barcode']).where('barcode', 'in', barcodes).execute()
          ).map((row) => [row.barcode as string, row.sku])
        : [],
    );

    for (const read of chunk) {
      const { source: row } = read;
      const issues = row.issues;
      if (read.sku) {
        const first = skuLines.get(read.sku);
        if (first !== undefined)
          issues.error('duplicateSku', source.columns.sku ?? 'sku', { value: read.sku, firstLine: first });
        else skuLines.set(read.sku, row.line);
      }
      const before = read.sku ? existing.get(read.sku) : undefined;
      if (before && input.existing === 'skip') {
        issues.list.length = 0;
        issues.warn('existingSkipped', source.columns.sku ?? 'sku');
        analysis.summary.skipped++;
        analysis.issues.push(...issues.list);
        continue;
      }

      const barcode = read.values.barcode;
      if (barcode) {
        const holder = holders.get(barcode);
        const first = barcodeLines.get(barcode);
        if (holder !== undefined && holder !== read.sku) {
          issues.error('barcodeTaken', source.columns.barcode ?? 'barcode', { value: barcode, other: holder });
        } else if (first !== undefined) {
          issues.error('duplicateBarcode', source.columns.barcode ?? 'barcode', { value: barcode, firstLine: first });
        } else barcodeLines.set(barcode, row.line);
      }

      // The family and option values of a variant.
      let familyKey: string | null = null;
      let optionValues: Record<string, string> | null = null;
      if (row.familyKey !== undefined) {
        const family = families.get(row.familyKey);
        const problem = familyProblems.get(row.familyKey);
        if (problem) issues.error(problem.code, source.columns.options ?? null, problem.params);
        else if (family) {
          familyKey = family.key;
          optionValues = {};
          const given = row.optionValues ?? {};
          const extra = Object.keys(given).filter((name) => !family.optionNames.includes(name));
          if (extra.length) {
            issues.error('familyOptions', source.columns.options ?? null, {
              handle: family.handle,
              expected: family.optionNames.join(', '),
              given: Object.keys(given).join(', '),
            });
          }
          for (const name of family.optionNames) {
            const value = given[name]?.trim();
            if (!value) issues.error('optionValue', source.columns.options ?? null, { option: name });
            else if (value.length > 120) issues.error('tooLong', source.columns.options ?? null, { max: 120 });
            else {
              if (looksLikeDate(value)) issues.warn('dateLike', source.columns.options ?? null, { value });
              optionValues[name] = value;
            }
          }
          if (Object.keys(optionValues).length === family.optionNames.length) {
            const key = `${family.key}\u0000${family.optionNames.map((n) => optionValues?.[n]).join('\u0000')}`;
            const first = variantLines.get(key);
            if (first !== undefined) {
              issues.error('duplicateVariant', source.columns.options ?? null, {
                values: Object.values(optionValues).join(' / '),
                firstLine: first,
              });
            } else variantLines.set(key, row.line);
          }
        }
      }

      // Opening stock, into the default bin of each warehouse named.
      const stock = new Map<string, PlannedStock>();
      for (const cell of read.stock) {
        if (cell.quantity <= 0) continue;
        const warehouse = cell.warehouseCode === null ? chosen : warehouseByCode.get(cell.warehouseCode);
        if (!warehouse) {
          if (cell.warehouseCode === null) fileProblem('chooseWarehouse', source.columns.stock ?? null);
          else fileProblem('unknownWarehouse', `stock:${cell.warehouseCode}`, { code: cell.warehouseCode });
          continue;
        }
        if (!warehouse.active) {
          fileProblem('inactiveWarehouse', null, { code: warehouse.code });
          continue;
        }
        const location = warehouse.locations.find((l) => l.isDefault);
        if (!location) continue;
        const planned = stock.get(warehouse.id) ?? { warehouseId: warehouse.id, locationId: location.id, quantity: 0 };
        planned.quantity += cell.quantity;
        stock.set(warehouse.id, planned);
      }

      const action = before ? 'update' : 'create';
      const fields = mergeFields(before, read.values, familyKey, optionValues);
      if (action === 'create') {
        for (const [field, cell] of [
          ['name', 'name'],
          ['price', 'price'],
        ] as const) {
          const name = source.columns[field] ?? field;
          if (row.cells[cell] === undefined) issues.error('required', name, { column: name });
        }
      } else {
        const units = [...stock.values()].reduce((sum, s) => sum + s.quantity, 0);
        if (units > 0) issues.warn('existingStockIgnored', source.columns.stock ?? null, { quantity: units });
        if (read.cost !== undefined && read.cost !== before?.cost)
          issues.warn('existingCostIgnored', source.columns.cost ?? 'cost');
      }
      if (!issues.hasErrors) {
        // The contract's own rules, last: whatever the checks above missed cannot get in.
        const checked = productCreateSchema.safeParse({
          ...fields,
          supplierId: fields.supplierId ?? (read.supplierName ? 'new' : null),
          familyId: familyKey ? 'new' : fields.familyId,
        });
        if (!checked.success) {
          for (const issue of checked.error.issues) {
            const path = issue.path.map(String).join('.');
            issues.error('invalidField', path, { detail: issue.message });
          }
        }
      }
      analysis.issues.push(...issues.list);
      if (issues.hasErrors) continue;

      let supplierName: string | null = null;
      if (read.supplierName) {
        const id = supplierByName.get(read.supplierName.toLowerCase());
        if (id) fields.supplierId = id;
        else {
          supplierName = read.supplierName;
          if (!suppliersToCreate.has(read.supplierName.toLowerCase()))
            suppliersToCreate.set(read.supplierName.toLowerCase(), read.supplierName);
        }
      }
      if (familyKey) usedFamilies.add(familyKey);
      const plannedStock = action === 'create' ? [...stock.values()] : [];
      analysis.products.push({
        line: row.line,
        action,
        productId: before?.id ?? null,
        fields,
        supplierName,
        familyKey,
        status: read.status ?? null,
        cost: action === 'create' ? (read.cost ?? null) : null,
        stock: plannedStock,
      });
      if (action === 'create') analysis.summary.toCreate++;
      else analysis.summary.toUpdate++;
      analysis.summary.stockMovements += plannedStock.length;
      analysis.summary.stockUnits += plannedStock.reduce((sum, s) => sum + s.quantity, 0);
    }
    await pause();
  }
  onProgress({ state: 'checking', processed: source.rows.length, total: source.rows.length });

  analysis.suppliersToCreate = [...suppliersToCreate.values()];
  analysis.summary.suppliersToCreate = analysis.suppliersToCreate;
  analysis.summary.familiesToCreate = [...usedFamilies].filter((key) => !families.get(key)?.existingId).length;
  return finish(analysis);
}

function mergeFields(
  before: Product | undefined,
  values: Partial<ProductFields>,
  familyKey: string | null,
  optionValues: Record<string, string> | null,
): ProductFields {
  const base: ProductFields = before
    ? {
        sku: before.sku,
        name: before.name,
        description: before.description,
        barcode: before.barcode,
        unitPrice: before.unitPrice,
        taxClass: before.taxClass,
        weightGrams: before.weightGrams,
        lengthMm: before.lengthMm,
        widthMm: before.widthMm,
        heightMm: before.heightMm,
        supplierId: before.supplierId,
        leadTimeDays: before.leadTimeDays,
        reorderPoint: before.reorderPoint,
        allowBackorder: before.allowBackorder,
        familyId: before.familyId,
        optionValues: before.optionValues,
      }
    : {
        sku: '',
        name: '',
        description: '',
        barcode: null,
        unitPrice: 0,
        taxClass: 'standard',
        weightGrams: null,
        lengthMm: null,
        widthMm: null,
        heightMm: null,
        supplierId: null,
        leadTimeDays: null,
        reorderPoint: null,
        allowBackorder: false,
        familyId: null,
        optionValues: null,
      };
  const merged = { ...base, ...values };
  if (familyKey) {
    merged.familyId = null;
    merged.optionValues = optionValues;
  }
  return merged;
}

/** One row's cells read into typed values, each problem noted on the row. */
function readRow(row: SourceRow, context: { currency: string; style: NumberStyle; source: SourceFile }): ReadRow {
  const { style, source } = context;
  const issues: RowIssues = row.issues;
  const column = (field: keyof SourceFile['columns'], fallback: string) => source.columns[field] ?? fallback;
  const read: ReadRow = { source: row, sku: null, values: {}, stock: [] };
  const cells = row.cells;

  const sku = row.sku?.trim();
  const skuColumn = column('sku', 'sku');
  if (!sku) issues.error('required', skuColumn, { column: skuColumn });
  else if (/\s/.test(sku)) issues.error('skuSpaces', skuColumn, { value: sku });
  else if (sku.length > 64) issues.error('tooLong', skuColumn, { max: 64 });
  else {
    if (looksLikeDate(sku)) issues.warn('dateLike', skuColumn, { value: sku });
    read.sku = sku;
    read.values.sku = sku;
  }
  issues.sku = sku ?? null;

  for (const field of ['name', 'description', 'taxClass'] as const) {
    const text = cells[field];
    if (text === undefined) continue;
    if (text.length > FIELD_LIMITS[field]) issues.error('tooLong', column(field, field), { max: FIELD_LIMITS[field] });
    else read.values[field] = text;
  }
  const barcode = readBarcode(cells.barcode, issues, column('barcode', 'barcode'));
  if (barcode) read.values.barcode = barcode;
  const price = readPrice(cells.price, context.currency, style, issues, column('price', 'price'));
  if (typeof price === 'number') read.values.unitPrice = price;
  const cost = readPrice(cells.cost, context.currency, style, issues, column('cost', 'cost'));
  if (typeof cost === 'number') read.cost = cost;

  const measures = [
    ['weight', 'weightGrams', source.units.weightShift],
    ['length', 'lengthMm', source.units.dimensionShift],
    ['width', 'widthMm', source.units.dimensionShift],
    ['height', 'heightMm', source.units.dimensionShift],
  ] as const;
  for (const [field, target, shift] of measures) {
    const value = readWhole(cells[field], style, issues, column(field, field), { max: 10_000_000, shift });
    if (typeof value === 'number') read.values[target] = value;
  }
  const lead = readWhole(cells.leadTimeDays, style, issues, column('leadTimeDays', 'lead_time_days'), { max: 3650 });
  if (typeof lead === 'number') read.values.leadTimeDays = lead;
  const reorder = readWhole(cells.reorderPoint, style, issues, column('reorderPoint', 'reorder_point'), {
    max: 10_000_000,
  });
  if (typeof reorder === 'number') read.values.reorderPoint = reorder;
  const backorder = readBoolean(cells.allowBackorder, issues, column('allowBackorder', 'allow_backorder'));
  if (typeof backorder === 'boolean') read.values.allowBackorder = backorder;

  const status = cells.status?.toLowerCase();
  if (status === 'active' || status === 'archived') read.status = status;
  else if (status !== undefined) issues.error('badStatus', column('status', 'status'), { value: cells.status ?? '' });

  if (cells.supplier !== undefined) {
    if (cells.supplier.length > 200) issues.error('tooLong', column('supplier', 'supplier'), { max: 200 });
    else read.supplierName = cells.supplier;
  }

  for (const cell of row.stock) {
    const quantity = readWhole(cell.text, style, issues, cell.column, { max: 10_000_000, allowNegative: true });
    if (typeof quantity !== 'number') continue;
    if (quantity < 0) issues.warn('negativeStock', cell.column, { value: cell.text });
    else read.stock.push({ warehouseCode: cell.warehouseCode, quantity });
  }
  return read;
}

/** Each family of the file: its handle, and the family of that handle already in the catalogue. */
async function planFamilies(ctx: ServiceContext, source: SourceFile): Promise<Map<string, PlannedFamily>> {
  const planned = new Map<string, PlannedFamily>();
  const taken = new Set<string>();
  for (const family of source.families.values()) {
    let { handle } = toHandle(family.handleText);
    // Two parents whose SKUs make one handle ("TS-1" and "ts 1"): the second gets a suffix.
    for (let n = 2; taken.has(handle); n++) handle = `${toHandle(family.handleText).handle.slice(0, 95)}-${n}`;
    taken.add(handle);
    planned.set(family.key, {
      key: family.key,
      handle,
      name: family.name.trim(),
      description: family.description,
      optionNames: family.optionNames.map((n) => n.trim()),
      existingId: null,
    });
  }
  const handles = [...planned.values()].map((f) => f.handle);
  for (let i = 0; i < handles.length; i += CHUNK) {
    const rows = await ctx.db
      .selectFrom('product_families')
      .selectAll()
      .where('handle', 'in', handles.slice(i, i + CHUNK))
      .execute();
    const byHandle = new Map(rows.map((r) => [r.handle, r]));
    for (const family of planned.values()) {
      const row = byHandle.get(family.handle);
      if (!row) continue;
      family.existingId = row.id;
      family.name = row.name;
      family.description = row.description;
      family.existingOptionNames = JSON.parse(row.option_names) as string[];
    }
  }
  return planned;
}

/** What is wrong with a family as a whole; each of its rows reports it. */
function familyIssues(
  families: Map<string, PlannedFamily>,
  source: SourceFile,
): Map<string, { code: string; params: Record<string, string | number> }> {
  const problems = new Map<string, { code: string; params: Record<string, string | number> }>();
  for (const family of families.values()) {
    const handle = family.handle;
    const existing = family.existingOptionNames;
    if (existing) {
      const same = [...existing].sort().join('\u0000') === [...family.optionNames].sort().join('\u0000');
      if (!same && family.optionNames.length > 0) {
        problems.set(family.key, {
          code: 'familyOptions',
          params: { handle, expected: existing.join(', '), given: family.optionNames.join(', ') },
        });
      }
      family.optionNames = existing;
    } else if (!family.name) problems.set(family.key, { code: 'familyName', params: { handle } });
    else if (family.optionNames.length === 0) problems.set(family.key, { code: 'familyNoOptions', params: { handle } });
    else if (family.optionNames.length > 3) problems.set(family.key, { code: 'familyTooManyOptions', params: {} });
    else if (family.name.length > 300 || family.optionNames.some((n) => n.length > 60)) {
      problems.set(family.key, { code: 'tooLong', params: { max: family.name.length > 300 ? 300 : 60 } });
    }
  }
  // A handle given in the file and repaired is worth a warning, once, on the family's first variant.
  const firstRow = new Map<string, SourceRow>();
  for (const row of source.rows)
    if (row.familyKey !== undefined && !firstRow.has(row.familyKey)) firstRow.set(row.familyKey, row);
  for (const family of source.families.values()) {
    const plan = families.get(family.key);
    if (family.handleGiven && plan && plan.handle !== family.handleText.trim().toLowerCase()) {
      firstRow.get(family.key)?.issues.warn('familyHandle', null, { value: family.handleText, repaired: plan.handle });
    }
  }
  return problems;
}
