import type { ImportFormat } from '../../../../shared/contract/imports';
import { moneyInputValue } from '../../../../shared/money';
import type { ServiceContext } from '../../context';
import { ALL_WAREHOUSES } from '../../inventory/summaries';
import { getSettings } from '../../settings';
import { OMS_COLUMNS } from './format-oms';
import { SHOPIFY_COLUMNS } from './format-shopify';
import { WOOCOMMERCE_COLUMNS } from './format-woocommerce';
import { textToHtml, toHandle } from './values';

type Cell = string | number | null | undefined;

/** Text a spreadsheet would run as a formula (=, +, -, @, or a tab or return first). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV line: cells with a separator, a quote, a line break or edge spaces are quoted,
 * and text cells that a spreadsheet would take for a formula get a leading apostrophe
 * (the import takes it off again). Numbers are written as they are.
 */
export function csvLine(cells: Cell[]): string {
  return cells
    .map((cell) => {
      const raw = cell === null || cell === undefined ? '' : String(cell);
      const text = typeof cell === 'string' && FORMULA_START.test(cell) ? `'${raw}` : raw;
      return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',');
}

interface ExportProduct {
  id: string;
  sku: string;
  name: string;
  description: string;
  barcode: string | null;
  unitPrice: number;
  cost: number;
  taxClass: string;
  weightGrams: number | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
  supplier: string | null;
  leadTimeDays: number | null;
  reorderPoint: number | null;
  allowBackorder: boolean;
  status: 'active' | 'archived';
  family: { handle: string; name: string; description: string; optionNames: string[] } | null;
  optionValues: Record<string, string>;
  /** On hand by warehouse id, and in all under 'all'. */
  stock: Map<string, number>;
}

/** Whole units of a smaller unit as a decimal of a larger one, exactly: 357 g → "0.357" kg. */
function shiftDown(value: number | null, shift: number): string {
  if (value === null) return '';
  const text = String(value).padStart(shift + 1, '0');
  const whole = text.slice(0, text.length - shift);
  const fraction = text.slice(text.length - shift).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

async function loadProducts(ctx: ServiceContext, includeArchived: boolean): Promise<ExportProduct[]> {
  let query = ctx.db
    .selectFrom('products')
    .leftJoin('product_families', 'product_families.id', 'products.family_id')
    .leftJoin('suppliers', 'suppliers.id', 'products.supplier_id')
    .selectAll('products')
    .select([
      'product_families.handle as family_handle',
      'product_families.name as family_name',
      'product_families.description as family_description',
      'product_families.option_names as family_options',
      'suppliers.name as supplier_name',
    ])
    .orderBy('products.sku');
  if (!includeArchived) query = query.where('products.status', '=', 'active');
  const rows = await query.execute();
  const stock = new Map<string, Map<string, number>>();
  const summaries = ctx.db
    .selectFrom('stock_summaries')
    .select(['product_id', 'scope', 'on_hand'])
    .where('on_hand', '!=', 0)
    .execute();
  for (const summary of await summaries) {
    let byScope = stock.get(summary.product_id);
    if (!byScope) stock.set(summary.product_id, (byScope = new Map()));
    byScope.set(summary.scope, summary.on_hand);
  }
  const products = rows.map((row): ExportProduct => ({
    id: row.id,
    sku: row.sku,
    name: row.name,
    description: row.description,
    barcode: row.barcode,
    unitPrice: row.unit_price,
    cost: row.cost,
    taxClass: row.tax_class,
    weightGrams: row.weight_grams,
    lengthMm: row.length_mm,
    widthMm: row.width_mm,
    heightMm: row.height_mm,
    supplier: row.supplier_name,
    leadTimeDays: row.lead_time_days,
    reorderPoint: row.reorder_point,
    allowBackorder: row.allow_backorder === 1,
    status: row.status,
    family: row.family_handle
      ? {
          handle: row.family_handle,
          name: row.family_name ?? '',
          description: row.family_description ?? '',
          optionNames: JSON.parse(row.family_options ?? '[]') as string[],
        }
      : null,
    optionValues: row.option_values ? (JSON.parse(row.option_values) as Record<string, string>) : {},
    stock: stock.get(row.id) ?? new Map(),
  }));
  // Variants of a family stay together, where the family's first SKU comes.
  const byFamily = new Map<string, ExportProduct[]>();
  for (const product of products) {
    if (!product.family) continue;
    const list = byFamily.get(product.family.handle) ?? [];
    list.push(product);
    byFamily.set(product.family.handle, list);
  }
  const ordered: ExportProduct[] = [];
  const placed = new Set<string>();
  for (const product of products) {
    if (!product.family) ordered.push(product);
    else if (!placed.has(product.family.handle)) {
      placed.add(product.family.handle);
      ordered.push(...(byFamily.get(product.family.handle) ?? []));
    }
  }
  return ordered;
}

/**
 * The catalogue as CSV: our format with one stock column per warehouse, or Shopify's or
 * WooCommerce's product CSV with the stock of one warehouse (or all). Each reads back
 * through the import.
 */
export async function exportCatalog(
  ctx: ServiceContext,
  input: { format: ImportFormat; warehouseId: string | null; includeArchived: boolean },
): Promise<{ fileName: string; text: string; rows: number }> {
  const { currency } = await getSettings(ctx);
  const money = (minor: number) => moneyInputValue(minor, currency);
  const products = await loadProducts(ctx, input.includeArchived);
  const warehouses = await ctx.db.selectFrom('warehouses').select(['id', 'code']).orderBy('code').execute();
  const scope = input.warehouseId ?? ALL_WAREHOUSES;
  const onHand = (p: ExportProduct) => p.stock.get(scope) ?? 0;
  const lines: string[] = [];
  const date = new Date().toISOString().slice(0, 10);

  if (input.format === 'oms') {
    lines.push(csvLine([...OMS_COLUMNS, ...warehouses.map((w) => `stock:${w.code}`)]));
    for (const p of products) {
      const names = p.family?.optionNames ?? [];
      lines.push(
        csvLine([
          p.sku,
          p.name,
          p.description,
          p.barcode,
          money(p.unitPrice),
          p.taxClass,
          p.weightGrams,
          p.lengthMm,
          p.widthMm,
          p.heightMm,
          p.supplier,
          p.leadTimeDays,
          p.reorderPoint,
          p.allowBackorder ? 'yes' : 'no',
          p.status,
          money(p.cost),
          p.family?.handle,
          p.family?.name,
          p.family?.description,
          ...[0, 1, 2].flatMap((i) => [names[i], names[i] ? p.optionValues[names[i]] : '']),
          ...warehouses.map((w) => p.stock.get(w.id) ?? 0),
        ]),
      );
    }
  } else if (input.format === 'shopify') {
    lines.push(csvLine([...SHOPIFY_COLUMNS]));
    const seen = new Set<string>();
    for (const p of products) {
      const first = !p.family || !seen.has(p.family.handle);
      if (p.family) seen.add(p.family.handle);
      const names = p.family ? p.family.optionNames : ['Title'];
      const values = p.family ? names.map((n) => p.optionValues[n] ?? '') : ['Default Title'];
      const row: Record<(typeof SHOPIFY_COLUMNS)[number], Cell> = {
        Handle: p.family?.handle ?? toHandle(p.sku).handle,
        Title: first ? (p.family?.name ?? p.name) : '',
        'Body (HTML)': first ? textToHtml(p.family ? p.family.description : p.description) : '',
        Vendor: first ? p.supplier : '',
        'Product Category': '',
        Type: '',
        Tags: '',
        Published: first ? (p.status === 'active' ? 'TRUE' : 'FALSE') : '',
        'Option1 Name': first ? names[0] : '',
        'Option1 Value': values[0],
        'Option2 Name': first ? names[1] : '',
        'Option2 Value': values[1],
        'Option3 Name': first ? names[2] : '',
        'Option3 Value': values[2],
        'Variant SKU': p.sku,
        'Variant Grams': p.weightGrams,
        'Variant Inventory Tracker': 'shopify',
        'Variant Inventory Qty': onHand(p),
        'Variant Inventory Policy': p.allowBackorder ? 'continue' : 'deny',
        'Variant Fulfillment Service': 'manual',
        'Variant Price': money(p.unitPrice),
        'Variant Compare At Price': '',
        'Variant Requires Shipping': 'TRUE',
        'Variant Taxable': p.taxClass === 'exempt' ? 'FALSE' : 'TRUE',
        'Variant Barcode': p.barcode,
        'Image Src': '',
        'Image Position': '',
        'Image Alt Text': '',
        'Gift Card': first ? 'FALSE' : '',
        'SEO Title': '',
        'SEO Description': '',
        'Variant Image': '',
        'Variant Weight Unit': 'g',
        'Variant Tax Code': '',
        'Cost per item': money(p.cost),
        Status: first ? p.status : '',
      };
      lines.push(csvLine(SHOPIFY_COLUMNS.map((column) => row[column])));
    }
  } else {
    lines.push(csvLine([...WOOCOMMERCE_COLUMNS]));
    let nextId = 1;
    const parentIds = new Map<string, number>();
    const tax = (p: { taxClass: string }) =>
      p.taxClass === 'exempt' ? ['none', ''] : ['taxable', p.taxClass === 'standard' ? '' : p.taxClass];
    const write = (row: Partial<Record<(typeof WOOCOMMERCE_COLUMNS)[number], Cell>>) =>
      lines.push(csvLine(WOOCOMMERCE_COLUMNS.map((column) => row[column])));
    const variantsOf = new Map<string, ExportProduct[]>();
    for (const p of products) {
      if (p.family) variantsOf.set(p.family.handle, [...(variantsOf.get(p.family.handle) ?? []), p]);
    }
    for (const p of products) {
      const family = p.family;
      if (family && !parentIds.has(family.handle)) {
        const id = nextId++;
        parentIds.set(family.handle, id);
        const variants = variantsOf.get(family.handle) ?? [];
        const attributes: Record<string, Cell> = {};
        family.optionNames.slice(0, 3).forEach((name, i) => {
          attributes[`Attribute ${i + 1} name`] = name;
          attributes[`Attribute ${i + 1} value(s)`] = [...new Set(variants.map((v) => v.optionValues[name]))].join(
            ', ',
          );
          attributes[`Attribute ${i + 1} visible`] = 1;
          attributes[`Attribute ${i + 1} global`] = 0;
        });
        write({
          ID: id,
          Type: 'variable',
          SKU: family.handle,
          Name: family.name,
          Published: 1,
          'Is featured?': 0,
          'Visibility in catalog': 'visible',
          Description: textToHtml(family.description),
          'Tax status': 'taxable',
          'In stock?': 1,
          ...attributes,
        });
      }
      const [taxStatus, taxClass] = tax(p);
      const attributes: Record<string, Cell> = {};
      (family?.optionNames ?? []).slice(0, 3).forEach((name, i) => {
        attributes[`Attribute ${i + 1} name`] = name;
        attributes[`Attribute ${i + 1} value(s)`] = p.optionValues[name];
        attributes[`Attribute ${i + 1} visible`] = family ? '' : 1;
        attributes[`Attribute ${i + 1} global`] = 0;
      });
      write({
        ID: nextId++,
        Type: family ? 'variation' : 'simple',
        SKU: p.sku,
        'GTIN, UPC, EAN, or ISBN': p.barcode,
        Name: p.name,
        Published: p.status === 'active' ? 1 : 0,
        'Is featured?': 0,
        'Visibility in catalog': 'visible',
        Description: family ? '' : textToHtml(p.description),
        'Tax status': taxStatus,
        'Tax class': taxClass,
        'In stock?': onHand(p) > 0 || p.allowBackorder ? 1 : 0,
        Stock: onHand(p),
        'Low stock amount': p.reorderPoint,
        'Backorders allowed?': p.allowBackorder ? 1 : 0,
        'Weight (kg)': shiftDown(p.weightGrams, 3),
        'Length (cm)': shiftDown(p.lengthMm, 1),
        'Width (cm)': shiftDown(p.widthMm, 1),
        'Height (cm)': shiftDown(p.heightMm, 1),
        'Regular price': money(p.unitPrice),
        Parent: family ? `id:${parentIds.get(family.handle)}` : '',
        ...attributes,
      });
    }
  }
  return {
    fileName: `products-${input.format}-${date}.csv`,
    text: `${lines.join('\r\n')}\r\n`,
    rows: lines.length - 1,
  };
}
