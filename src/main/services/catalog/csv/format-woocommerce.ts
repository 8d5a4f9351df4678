import { makeIssue } from './issues';
import type { CsvRow, CsvTable } from './read-csv';
import { cellAt, Columns, newRow, type FamilySource, type SourceFile, type SourceRow } from './source';
import { htmlToText } from './values';

/** WooCommerce's product export, as its built-in exporter writes it (9.x). */
export const WOOCOMMERCE_COLUMNS = [
  'ID',
  'Type',
  'SKU',
  'GTIN, UPC, EAN, or ISBN',
  'Name',
  'Published',
  'Is featured?',
  'Visibility in catalog',
  'Short description',
  'Description',
  'Date sale price starts',
  'Date sale price ends',
  'Tax status',
  'Tax class',
  'In stock?',
  'Stock',
  'Low stock amount',
  'Backorders allowed?',
  'Sold individually?',
  'Weight (kg)',
  'Length (cm)',
  'Width (cm)',
  'Height (cm)',
  'Allow customer reviews?',
  'Purchase note',
  'Sale price',
  'Regular price',
  'Categories',
  'Tags',
  'Shipping class',
  'Images',
  'Parent',
  'Position',
  'Attribute 1 name',
  'Attribute 1 value(s)',
  'Attribute 1 visible',
  'Attribute 1 global',
  'Attribute 2 name',
  'Attribute 2 value(s)',
  'Attribute 2 visible',
  'Attribute 2 global',
  'Attribute 3 name',
  'Attribute 3 value(s)',
  'Attribute 3 visible',
  'Attribute 3 global',
] as const;

const QUIETLY_IGNORED =
  /^(published|is featured\?|visibility in catalog|date sale price (starts|ends)|in stock\?|sold individually\?|allow customer reviews\?|purchase note|sale price|categories|tags|shipping class|images|download limit|download expiry days|grouped products|upsells|cross-sells|external url|button text|position|brands|attribute \d+ (visible|global|default)|download \d+ .*|meta: .*)$/;

/** Shifts that make whole grams and millimetres of the store's units; null for units we do not convert. */
const WEIGHT_SHIFT: Record<string, number | null> = { kg: 3, g: 0, lbs: null, oz: null };
const LENGTH_SHIFT: Record<string, number | null> = { m: 3, cm: 1, mm: 0, in: null, yd: null };

interface Parent {
  key: string;
  line: number;
  sku: string | undefined;
  name: string | undefined;
  description: string;
  optionNames: string[];
  stock: string | undefined;
  taxClass: string | undefined;
  cells: SourceRow['cells'];
}

function kinds(type: string | undefined): Set<string> {
  return new Set((type ?? '').split(',').map((t) => t.trim().toLowerCase()));
}

/**
 * Simple products are products. A variable product becomes a family (its attributes are
 * the options) and each variation a product in it; a variation names its parent as
 * "id:NN" or by the parent's SKU, and takes the parent's weight, size and tax class where
 * its own are empty, as WooCommerce does. Grouped and external products are not stock
 * items and are skipped with a warning. Weights in kg and sizes in cm become grams and
 * millimetres.
 */
export function readWooCommerceFile(table: CsvTable): SourceFile {
  const columns = new Columns(table.header, undefined, table.headerLine);
  const fileIssues = [...columns.issues];
  const at = (name: string) => columns.index(name);
  const weightColumn = columns.matching(/^weight \((\w+)\)$/)[0];
  const sizeColumns = ['length', 'width', 'height'].map((d) => columns.matching(new RegExp(`^${d} \\((\\w+)\\)$`))[0]);
  const weightShift = weightColumn ? WEIGHT_SHIFT[weightColumn.match[1]] : 0;
  const dimensionUnit = sizeColumns.find(Boolean)?.match[1];
  const dimensionShift = dimensionUnit ? LENGTH_SHIFT[dimensionUnit] : 0;
  for (const [column, shift] of [
    [weightColumn, weightShift],
    ...sizeColumns.map((c) => [c, dimensionShift] as const),
  ] as const) {
    if (column && (shift === null || shift === undefined)) {
      fileIssues.push(
        makeIssue(
          'error',
          'unitUnsupported',
          { line: table.headerLine, column: column.name },
          { unit: column.match[1] },
        ),
      );
    }
  }
  const index = {
    id: at('ID'),
    type: at('Type'),
    sku: at('SKU'),
    gtin: columns.has('GTIN, UPC, EAN, or ISBN') ? at('GTIN, UPC, EAN, or ISBN') : at('Barcode'),
    name: at('Name'),
    short: at('Short description'),
    description: at('Description'),
    taxStatus: at('Tax status'),
    taxClass: at('Tax class'),
    stock: at('Stock'),
    lowStock: at('Low stock amount'),
    backorders: at('Backorders allowed?'),
    price: at('Regular price'),
    parent: at('Parent'),
    weight: weightColumn?.index,
    sizes: sizeColumns.map((c) => c?.index),
    attributes: Array.from({ length: 10 }, (_, i) => ({
      name: at(`Attribute ${i + 1} name`),
      value: at(`Attribute ${i + 1} value(s)`),
    })).filter((a) => a.name !== undefined || a.value !== undefined),
  };
  for (const required of ['Type', 'SKU'] as const) {
    if (!columns.has(required)) {
      fileIssues.push(
        makeIssue('error', 'missingColumn', { line: table.headerLine, column: required }, { column: required }),
      );
    }
  }
  columns.matching(QUIETLY_IGNORED);
  fileIssues.push(...columns.leftovers(table.headerLine));

  const productCells = (csvRow: CsvRow): SourceRow['cells'] => {
    const cells: SourceRow['cells'] = {};
    const set = (field: keyof typeof cells, value: string | undefined) => {
      if (value !== undefined) cells[field] = value;
    };
    set('barcode', cellAt(csvRow, index.gtin));
    set('price', cellAt(csvRow, index.price));
    set('weight', cellAt(csvRow, index.weight));
    set('length', cellAt(csvRow, index.sizes[0]));
    set('width', cellAt(csvRow, index.sizes[1]));
    set('height', cellAt(csvRow, index.sizes[2]));
    set('reorderPoint', cellAt(csvRow, index.lowStock));
    const backorders = cellAt(csvRow, index.backorders)?.toLowerCase();
    set('allowBackorder', backorders === 'notify' ? 'yes' : backorders);
    const taxClass = cellAt(csvRow, index.taxClass);
    if (taxClass && taxClass.toLowerCase() !== 'parent') cells.taxClass = taxClass;
    if (cellAt(csvRow, index.taxStatus)?.toLowerCase() === 'none') cells.taxClass = 'exempt';
    return cells;
  };
  const description = (csvRow: CsvRow) =>
    htmlToText(cellAt(csvRow, index.description, true) ?? cellAt(csvRow, index.short, true) ?? '');

  // Parents first: a variation may come before its parent in a hand-made file.
  const parents = new Map<string, Parent>();
  const parentBySku = new Map<string, Parent>();
  for (const csvRow of table.rows) {
    if (!kinds(cellAt(csvRow, index.type)).has('variable')) continue;
    const id = cellAt(csvRow, index.id);
    const sku = cellAt(csvRow, index.sku);
    const parent: Parent = {
      key: id ? `id:${id}` : `sku:${sku ?? csvRow.line}`,
      line: csvRow.line,
      sku,
      name: cellAt(csvRow, index.name),
      description: description(csvRow),
      optionNames: index.attributes.map((a) => cellAt(csvRow, a.name)).filter((n): n is string => Boolean(n)),
      stock: cellAt(csvRow, index.stock),
      taxClass: productCells(csvRow).taxClass,
      cells: productCells(csvRow),
    };
    parents.set(parent.key, parent);
    if (sku) parentBySku.set(sku.toLowerCase(), parent);
  }

  const families = new Map<string, FamilySource>();
  const parentsWithVariations = new Set<Parent>();
  const rows: SourceRow[] = [];
  let skipped = 0;
  for (const csvRow of table.rows) {
    const type = kinds(cellAt(csvRow, index.type));
    if (type.has('variable')) continue;
    const sku = cellAt(csvRow, index.sku);
    const row = newRow(csvRow, sku);
    if (type.has('grouped') || type.has('external')) {
      skipped++;
      fileIssues.push(
        makeIssue(
          'warning',
          'unsupportedType',
          { line: csvRow.line, sku, column: 'Type' },
          {
            type: cellAt(csvRow, index.type) ?? '',
          },
        ),
      );
      continue;
    }
    if (!type.has('simple') && !type.has('variation')) {
      row.issues.error(type.size === 1 && type.has('') ? 'required' : 'unsupportedType', 'Type', {
        column: 'Type',
        type: cellAt(csvRow, index.type) ?? '',
      });
      rows.push(row);
      continue;
    }
    row.cells = productCells(csvRow);
    const name = cellAt(csvRow, index.name);
    const stock = cellAt(csvRow, index.stock);
    if (stock !== undefined) row.stock.push({ warehouseCode: null, text: stock, column: 'Stock' });
    rows.push(row);
    if (type.has('simple')) {
      if (name) row.cells.name = name;
      const text = description(csvRow);
      if (text) row.cells.description = text;
      continue;
    }
    // A variation: find its parent by "id:NN" or by SKU.
    const reference = cellAt(csvRow, index.parent);
    const parent = reference
      ? (parents.get(reference.toLowerCase().startsWith('id:') ? `id:${reference.slice(3).trim()}` : '') ??
        parentBySku.get(reference.toLowerCase()))
      : undefined;
    if (!parent) {
      row.issues.error(reference ? 'parentNotFound' : 'required', 'Parent', {
        column: 'Parent',
        parent: reference ?? '',
      });
      continue;
    }
    parentsWithVariations.add(parent);
    for (const field of ['weight', 'length', 'width', 'height', 'taxClass'] as const) {
      if (row.cells[field] === undefined && parent.cells[field] !== undefined) row.cells[field] = parent.cells[field];
    }
    const values: Record<string, string> = {};
    index.attributes.forEach((attribute, i) => {
      const optionName = cellAt(csvRow, attribute.name) ?? parent.optionNames[i];
      const value = cellAt(csvRow, attribute.value);
      if (optionName && value !== undefined) values[optionName] = value;
    });
    row.familyKey = parent.key;
    row.optionValues = values;
    const parentName = parent.name ?? parent.sku ?? '';
    row.cells.name =
      name ?? (Object.keys(values).length ? `${parentName} - ${Object.values(values).join(' / ')}` : parentName);
    if (!families.has(parent.key)) {
      families.set(parent.key, {
        key: parent.key,
        handleText: parent.sku ?? parent.name ?? parent.key.replace(':', '-'),
        name: parent.name ?? '',
        description: parent.description,
        optionNames: parent.optionNames,
        line: parent.line,
      });
    }
  }
  for (const parent of parentsWithVariations) {
    if (parent.stock && !/^0+$/.test(parent.stock)) {
      fileIssues.push(
        makeIssue(
          'warning',
          'parentStock',
          { line: parent.line, sku: parent.sku, column: 'Stock' },
          { parent: parent.sku ?? parent.name ?? parent.key, quantity: parent.stock },
        ),
      );
    }
  }
  return {
    rows,
    families,
    fileIssues,
    skipped,
    columns: {
      sku: 'SKU',
      name: 'Name',
      description: 'Description',
      barcode: 'GTIN, UPC, EAN, or ISBN',
      price: 'Regular price',
      taxClass: 'Tax class',
      weight: weightColumn?.name ?? 'Weight (kg)',
      length: sizeColumns[0]?.name ?? 'Length (cm)',
      width: sizeColumns[1]?.name ?? 'Width (cm)',
      height: sizeColumns[2]?.name ?? 'Height (cm)',
      reorderPoint: 'Low stock amount',
      allowBackorder: 'Backorders allowed?',
      stock: 'Stock',
      options: 'Attribute 1 value(s)',
    },
    units: { weightShift: weightShift ?? 0, dimensionShift: dimensionShift ?? 0 },
  };
}
