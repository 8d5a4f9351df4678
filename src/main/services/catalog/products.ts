import type { Selectable } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { Product } from '../../../shared/domain/catalog';
import { productIdsMatching } from '../../database/product-search';
import type { ProductsTable } from '../../database/schema';
import { recordAudit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { newId } from '../ids';
import { addProductSummaries, setSummaryReorderPoint } from '../inventory/summaries';

export type ProductFields = Omit<Product, 'id' | 'cost' | 'status' | 'familyName' | 'createdAt' | 'updatedAt'>;

type ProductRow = Selectable<ProductsTable> & { family_name: string | null };

export function toProduct(row: ProductRow): Product {
  return {
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
    supplierId: row.supplier_id,
    leadTimeDays: row.lead_time_days,
    reorderPoint: row.reorder_point,
    allowBackorder: row.allow_backorder === 1,
    familyId: row.family_id,
    familyName: row.family_name,
    optionValues: row.option_values ? (JSON.parse(row.option_values) as Record<string, string>) : null,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function productsQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('products')
    .leftJoin('product_families', 'product_families.id', 'products.family_id')
    .selectAll('products')
    .select('product_families.name as family_name');
}

export async function getProduct(ctx: ServiceContext, id: string): Promise<Product> {
  const row = await productsQuery(ctx).where('products.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No product with id ${id}`, { entity: 'product', id });
  return toProduct(row);
}

export async function getProductBySku(ctx: ServiceContext, sku: string): Promise<Product> {
  const row = await productsQuery(ctx).where('products.sku', '=', sku).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No product with SKU ${sku}`, { entity: 'product', sku });
  return toProduct(row);
}

/** What a scanner read: a barcode first, else a SKU, exactly. */
export async function lookupProduct(ctx: ServiceContext, code: string): Promise<Product> {
  const row =
    (await productsQuery(ctx).where('products.barcode', '=', code).executeTakeFirst()) ??
    (await productsQuery(ctx).where('products.sku', '=', code).executeTakeFirst());
  if (!row) throw new AppError('NOT_FOUND', `No product with barcode or SKU ${code}`, { entity: 'product', code });
  return toProduct(row);
}

export const PRODUCT_SORT_FIELDS = ['sku', 'name', 'unitPrice', 'updatedAt'] as const;
const SORT_COLUMNS = {
  sku: 'products.sku',
  name: 'products.name',
  unitPrice: 'products.unit_price',
  updatedAt: 'products.updated_at',
} as const;

export interface ProductListQuery {
  search?: string;
  status?: Product['status'];
  supplierId?: string;
  familyId?: string;
  sort: { field: (typeof PRODUCT_SORT_FIELDS)[number]; direction: 'asc' | 'desc' };
  offset: number;
  limit: number;
}

export async function listProducts(
  ctx: ServiceContext,
  query: ProductListQuery,
): Promise<{ rows: Product[]; total: number }> {
  let filtered = ctx.db.selectFrom('products');
  if (query.search?.trim()) filtered = filtered.where('products.id', 'in', productIdsMatching(ctx.db, query.search));
  if (query.status) filtered = filtered.where('products.status', '=', query.status);
  if (query.supplierId) filtered = filtered.where('products.supplier_id', '=', query.supplierId);
  if (query.familyId) filtered = filtered.where('products.family_id', '=', query.familyId);

  const ids = filtered
    .select('products.id')
    .orderBy(SORT_COLUMNS[query.sort.field], query.sort.direction)
    .orderBy('products.id', query.sort.direction)
    .limit(query.limit)
    .offset(query.offset);
  const [rows, count] = await Promise.all([
    productsQuery(ctx)
      .where('products.id', 'in', ids)
      .orderBy(SORT_COLUMNS[query.sort.field], query.sort.direction)
      .orderBy('products.id', query.sort.direction)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toProduct), total: Number(count.n) };
}

/** The columns a product's editable fields are stored in (the CSV import writes them too). */
export function toRow(fields: ProductFields) {
  return {
    sku: fields.sku,
    name: fields.name,
    description: fields.description,
    barcode: fields.barcode,
    unit_price: fields.unitPrice,
    tax_class: fields.taxClass,
    weight_grams: fields.weightGrams,
    length_mm: fields.lengthMm,
    width_mm: fields.widthMm,
    height_mm: fields.heightMm,
    supplier_id: fields.supplierId,
    lead_time_days: fields.leadTimeDays,
    reorder_point: fields.reorderPoint,
    allow_backorder: fields.allowBackorder ? 1 : 0,
    family_id: fields.familyId,
    option_values: fields.optionValues ? JSON.stringify(fields.optionValues) : null,
  };
}

/** SKU and barcode are unique; the references must exist; variant options must fit their family. */
async function assertValid(ctx: ServiceContext, fields: ProductFields, selfId: string | null): Promise<void> {
  const sameSku = await ctx.db.selectFrom('products').select('id').where('sku', '=', fields.sku).executeTakeFirst();
  if (sameSku && sameSku.id !== selfId) {
    throw new AppError('CONFLICT', `The SKU ${fields.sku} is taken`, {
      issues: [{ path: 'sku', message: 'Already used by another product' }],
      productId: sameSku.id,
    });
  }
  if (fields.barcode) {
    const same = await ctx.db
      .selectFrom('products')
      .select('id')
      .where('barcode', '=', fields.barcode)
      .executeTakeFirst();
    if (same && same.id !== selfId) {
      throw new AppError('CONFLICT', `The barcode ${fields.barcode} is taken`, {
        issues: [{ path: 'barcode', message: 'Already used by another product' }],
        productId: same.id,
      });
    }
  }
  if (fields.supplierId) {
    const supplier = await ctx.db
      .selectFrom('suppliers')
      .select('id')
      .where('id', '=', fields.supplierId)
      .executeTakeFirst();
    if (!supplier) throw new AppError('NOT_FOUND', `No supplier with id ${fields.supplierId}`, { entity: 'supplier' });
  }
  if (fields.familyId) {
    const family = await ctx.db
      .selectFrom('product_families')
      .select('option_names')
      .where('id', '=', fields.familyId)
      .executeTakeFirst();
    if (!family) throw new AppError('NOT_FOUND', `No product family with id ${fields.familyId}`, { entity: 'family' });
    const expected = (JSON.parse(family.option_names) as string[]).slice().sort();
    const given = Object.keys(fields.optionValues ?? {}).sort();
    if (JSON.stringify(expected) !== JSON.stringify(given)) {
      throw new AppError('VALIDATION', `A variant of this family needs a value for each of: ${expected.join(', ')}`, {
        issues: [{ path: 'optionValues', message: `Needs exactly: ${expected.join(', ')}` }],
      });
    }
  } else if (fields.optionValues && Object.keys(fields.optionValues).length > 0) {
    throw new AppError('VALIDATION', 'Option values need a product family', {
      issues: [{ path: 'optionValues', message: 'Choose a family first' }],
    });
  }
}

export async function createProduct(ctx: ServiceContext, fields: ProductFields): Promise<Product> {
  await assertValid(ctx, fields, null);
  const now = nowIso();
  const id = newId();
  await ctx.db
    .insertInto('products')
    .values({ id, ...toRow(fields), cost: 0, status: 'active', created_at: now, updated_at: now })
    .execute();
  await addProductSummaries(ctx, id, fields.reorderPoint);
  await recordAudit(ctx, { action: 'product.created', entity: 'product', entityId: id, details: { sku: fields.sku } });
  return getProduct(ctx, id);
}

export async function updateProduct(
  ctx: ServiceContext,
  id: string,
  change: Partial<ProductFields> & { status?: Product['status'] },
): Promise<Product> {
  const before = await getProduct(ctx, id);
  const { status, ...fieldChange } = change;
  const fields: ProductFields = { ...before, ...fieldChange };
  await assertValid(ctx, fields, id);
  await ctx.db
    .updateTable('products')
    .set({ ...toRow(fields), ...(status && { status }), updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
  if (fields.reorderPoint !== before.reorderPoint) await setSummaryReorderPoint(ctx, id, fields.reorderPoint);
  const after = await getProduct(ctx, id);
  const changed = Object.fromEntries(
    Object.entries(after).filter(
      ([key, value]) => key !== 'updatedAt' && JSON.stringify(value) !== JSON.stringify(before[key as keyof Product]),
    ),
  );
  await recordAudit(ctx, { action: 'product.updated', entity: 'product', entityId: id, details: changed });
  return after;
}

/** Archived products keep their history but take no part in new orders, purchases or transfers. */
export async function assertActiveProduct(ctx: ServiceContext, id: string): Promise<void> {
  const row = await ctx.db.selectFrom('products').select(['sku', 'status']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No product with id ${id}`, { entity: 'product', id });
  if (row.status !== 'active') throw new AppError('INVALID_STATE', `${row.sku} is archived`, { productId: id });
}
