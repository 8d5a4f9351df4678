import { makeIssue } from './issues';
import type { CsvTable } from './read-csv';
import { cellAt, Columns, newRow, type FamilySource, type SourceFile, type SourceRow } from './source';
import { htmlToText } from './values';

/** Shopify's product CSV: the columns read, and the rest of its standard columns (read as nothing). */
export const SHOPIFY_COLUMNS = [
  'Handle',
  'Title',
  'Body (HTML)',
  'Vendor',
  'Product Category',
  'Type',
  'Tags',
  'Published',
  'Option1 Name',
  'Option1 Value',
  'Option2 Name',
  'Option2 Value',
  'Option3 Name',
  'Option3 Value',
  'Variant SKU',
  'Variant Grams',
  'Variant Inventory Tracker',
  'Variant Inventory Qty',
  'Variant Inventory Policy',
  'Variant Fulfillment Service',
  'Variant Price',
  'Variant Compare At Price',
  'Variant Requires Shipping',
  'Variant Taxable',
  'Variant Barcode',
  'Image Src',
  'Image Position',
  'Image Alt Text',
  'Gift Card',
  'SEO Title',
  'SEO Description',
  'Variant Image',
  'Variant Weight Unit',
  'Variant Tax Code',
  'Cost per item',
  'Status',
] as const;

/** Columns of Shopify's own that carry nothing we keep (images, SEO, marketing): not worth a warning each. */
const QUIETLY_IGNORED =
  /^(product category|type|tags|published|option\d linked to|variant inventory tracker|variant fulfillment service|variant compare at price|variant requires shipping|variant tax code|image .*|gift card|seo .*|google shopping \/ .*|variant image|included \/ .*|price \/ .*|compare at price \/ .*|product rating.*|.*\(product\.metafields\..*)$/;

interface Group {
  handle: string;
  title: string | undefined;
  body: string;
  vendor: string | undefined;
  status: string | undefined;
  optionNames: string[];
  line: number;
  variants: Array<{ row: SourceRow; values: Array<string | undefined> }>;
}

/**
 * Rows sharing a Handle are the variants of one product: the first carries the title,
 * the description, the vendor and the option names; each row has its variant's SKU,
 * price, barcode, grams and quantity. A product whose only option is Shopify's
 * "Title: Default Title" is a simple product; any other becomes a family whose variants
 * are named "Title - M / Blue". Rows with no variant data (extra images) are skipped.
 */
export function readShopifyFile(table: CsvTable): SourceFile {
  const columns = new Columns(table.header, undefined, table.headerLine);
  const fileIssues = [...columns.issues];
  const at = (name: string) => columns.index(name);
  const index = {
    handle: at('Handle'),
    title: at('Title'),
    body: at('Body (HTML)'),
    vendor: at('Vendor'),
    sku: at('Variant SKU'),
    grams: at('Variant Grams'),
    quantity: at('Variant Inventory Qty'),
    policy: at('Variant Inventory Policy'),
    price: at('Variant Price'),
    taxable: at('Variant Taxable'),
    barcode: at('Variant Barcode'),
    weightUnit: at('Variant Weight Unit'),
    cost: at('Cost per item'),
    status: at('Status'),
    options: [1, 2, 3].map((n) => ({ name: at(`Option${n} Name`), value: at(`Option${n} Value`) })),
  };
  for (const required of ['Handle', 'Variant SKU'] as const) {
    if (!columns.has(required)) {
      fileIssues.push(
        makeIssue('error', 'missingColumn', { line: table.headerLine, column: required }, { column: required }),
      );
    }
  }
  columns.matching(QUIETLY_IGNORED);
  fileIssues.push(...columns.leftovers(table.headerLine));

  const groups = new Map<string, Group>();
  const rows: SourceRow[] = [];
  let skipped = 0;
  for (const csvRow of table.rows) {
    const handle = cellAt(csvRow, index.handle)?.toLowerCase();
    const values = index.options.map((o) => cellAt(csvRow, o.value));
    const sku = cellAt(csvRow, index.sku);
    const isVariant =
      sku !== undefined ||
      values[0] !== undefined ||
      [index.price, index.barcode, index.quantity].some((i) => cellAt(csvRow, i) !== undefined);
    if (!handle) {
      if (isVariant) {
        const row = newRow(csvRow, sku);
        row.issues.error('required', 'Handle', { column: 'Handle' });
        rows.push(row);
      } else skipped++;
      continue;
    }
    let group = groups.get(handle);
    if (!group) {
      group = {
        handle,
        title: cellAt(csvRow, index.title),
        body: htmlToText(cellAt(csvRow, index.body) ?? ''),
        vendor: cellAt(csvRow, index.vendor),
        status: cellAt(csvRow, index.status),
        optionNames: index.options.map((o) => cellAt(csvRow, o.name)).filter((n): n is string => Boolean(n)),
        line: csvRow.line,
        variants: [],
      };
      groups.set(handle, group);
    }
    if (!isVariant) {
      skipped++;
      continue;
    }
    const row = newRow(csvRow, sku);
    const cells = row.cells;
    const set = (field: keyof typeof cells, value: string | undefined) => {
      if (value !== undefined) cells[field] = value;
    };
    set('price', cellAt(csvRow, index.price));
    set('barcode', cellAt(csvRow, index.barcode));
    set('weight', cellAt(csvRow, index.grams));
    set('cost', cellAt(csvRow, index.cost));
    const policy = cellAt(csvRow, index.policy)?.toLowerCase();
    set('allowBackorder', policy === 'continue' ? 'yes' : policy === 'deny' ? 'no' : policy);
    if (cellAt(csvRow, index.taxable)?.toLowerCase() === 'false') cells.taxClass = 'exempt';
    const quantity = cellAt(csvRow, index.quantity);
    if (quantity !== undefined)
      row.stock.push({ warehouseCode: null, text: quantity, column: 'Variant Inventory Qty' });
    group.variants.push({ row, values });
    rows.push(row);
  }

  const families = new Map<string, FamilySource>();
  for (const group of groups.values()) {
    const simple =
      group.variants.length === 1 &&
      (group.optionNames.length === 0 ||
        (group.optionNames.length === 1 &&
          group.optionNames[0].toLowerCase() === 'title' &&
          (group.variants[0].values[0] ?? 'Default Title').toLowerCase() === 'default title'));
    const status = group.status?.toLowerCase();
    for (const { row, values } of group.variants) {
      if (group.vendor) row.cells.supplier = group.vendor;
      if (status) row.cells.status = status === 'draft' ? 'active' : status;
      if (!group.title) {
        row.issues.error('required', 'Title', { column: 'Title' });
        continue;
      }
      if (simple) {
        row.cells.name = group.title;
        if (group.body) row.cells.description = group.body;
        continue;
      }
      row.familyKey = group.handle;
      row.optionValues = {};
      group.optionNames.forEach((name, i) => {
        if (values[i] !== undefined) (row.optionValues as Record<string, string>)[name] = values[i] as string;
      });
      const shown = values.filter((v): v is string => v !== undefined);
      row.cells.name = shown.length ? `${group.title} - ${shown.join(' / ')}` : group.title;
    }
    if (!simple && group.title) {
      families.set(group.handle, {
        key: group.handle,
        handleText: group.handle,
        name: group.title,
        description: group.body,
        optionNames: group.optionNames,
        line: group.line,
        handleGiven: true,
      });
    }
  }
  rows.sort((a, b) => a.line - b.line);
  return {
    rows,
    families,
    fileIssues,
    skipped,
    columns: {
      sku: 'Variant SKU',
      name: 'Title',
      description: 'Body (HTML)',
      barcode: 'Variant Barcode',
      price: 'Variant Price',
      taxClass: 'Variant Taxable',
      weight: 'Variant Grams',
      supplier: 'Vendor',
      allowBackorder: 'Variant Inventory Policy',
      status: 'Status',
      cost: 'Cost per item',
      stock: 'Variant Inventory Qty',
      options: 'Option1 Value',
    },
    units: { weightShift: 0, dimensionShift: 0 },
  };
}
