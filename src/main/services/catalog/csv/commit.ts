import type { Insertable } from 'kysely';
import { AppError } from '../../../../shared/errors';
import { CHUNK, chunks } from '../../../database/chunks';
import type { AuditLogTable } from '../../../database/schema';
import { recordAudit } from '../../audit';
import { nowIso, type ServiceContext } from '../../context';
import { newId } from '../../ids';
import { postMovements, type MovementInput } from '../../inventory/ledger';
import { addProductSummaries } from '../../inventory/summaries';
import { createFamily } from '../families';
import { productsQuery, toProduct, toRow, updateProduct, type ProductFields } from '../products';
import { createSupplier } from '../suppliers';
import type { Analysis, PlannedProduct } from './analyze';

export interface CommitResult {
  created: number;
  updated: number;
  skipped: number;
  familiesCreated: number;
  suppliersCreated: number;
  stockMovements: number;
  stockUnits: number;
}

function conflict(message: string, details: Record<string, unknown>): never {
  throw new AppError(
    'CONFLICT',
    `${message}: the catalogue changed since the dry run; analyse the file again`,
    details,
  );
}

/**
 * Writes an analysed plan in the caller's transaction (the router's, for imports.commit):
 * suppliers and families first, then the products, then the opening stock as receipt
 * movements through the ledger. What the dry run saw is checked again first; if another
 * user took a SKU, a barcode or a handle since, nothing is written.
 */
export async function commitPlan(
  ctx: ServiceContext,
  analysis: Analysis,
  reportId: string,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<CommitResult> {
  if (analysis.summary.errors > 0) {
    throw new AppError(
      'INVALID_STATE',
      `The dry run found ${analysis.summary.errors} errors: correct the file and analyse it again`,
    );
  }
  const creates = analysis.products.filter((p) => p.action === 'create');
  const updates = analysis.products.filter((p) => p.action === 'update');
  const total = analysis.products.length;
  const at = nowIso();

  // 1. The catalogue as the dry run saw it.
  for (const batch of chunks(creates.map((p) => p.fields.sku))) {
    const taken = await ctx.db.selectFrom('products').select('sku').where('sku', 'in', batch).execute();
    if (taken.length) conflict(`The SKU ${taken[0].sku} exists now`, { skus: taken.map((t) => t.sku).slice(0, 20) });
  }
  const barcodeOwners = new Map(
    analysis.products.filter((p) => p.fields.barcode).map((p) => [p.fields.barcode as string, p.fields.sku]),
  );
  for (const batch of chunks([...barcodeOwners.keys()])) {
    const holders = await ctx.db
      .selectFrom('products')
      .select(['sku', 'barcode'])
      .where('barcode', 'in', batch)
      .execute();
    const other = holders.find((h) => barcodeOwners.get(h.barcode as string) !== h.sku);
    if (other) conflict(`The barcode ${other.barcode} belongs to ${other.sku} now`, { barcode: other.barcode });
  }
  const current = new Map<string, ReturnType<typeof toProduct>>();
  for (const batch of chunks(updates.map((p) => p.productId as string))) {
    for (const row of await productsQuery(ctx).where('products.id', 'in', batch).execute()) {
      current.set(row.id, toProduct(row));
    }
  }
  const gone = updates.find((p) => !current.has(p.productId as string));
  if (gone) conflict(`The product ${gone.fields.sku} was removed`, { sku: gone.fields.sku });

  // 2. Suppliers and families the products name.
  const supplierIds = new Map(
    (await ctx.db.selectFrom('suppliers').select(['id', 'name']).execute()).map((s) => [
      s.name.trim().toLowerCase(),
      s.id,
    ]),
  );
  let suppliersCreated = 0;
  for (const name of analysis.suppliersToCreate) {
    if (supplierIds.has(name.toLowerCase())) continue;
    const supplier = await createSupplier(ctx, {
      name,
      contactName: '',
      email: '',
      phone: '',
      leadTimeDays: null,
      notes: `Created by the import of ${analysis.fileName || 'a CSV file'}`,
    });
    supplierIds.set(name.toLowerCase(), supplier.id);
    suppliersCreated++;
  }
  const familyIds = new Map<string, string>();
  let familiesCreated = 0;
  const usedFamilies = new Set(analysis.products.map((p) => p.familyKey).filter((k): k is string => k !== null));
  for (const key of usedFamilies) {
    const family = analysis.families.get(key);
    if (!family) continue;
    const row = await ctx.db
      .selectFrom('product_families')
      .select(['id', 'option_names'])
      .where('handle', '=', family.handle)
      .executeTakeFirst();
    if (family.existingId) {
      if (row?.id !== family.existingId) conflict(`The family ${family.handle} changed`, { handle: family.handle });
      familyIds.set(key, family.existingId);
      continue;
    }
    if (row) conflict(`The family handle ${family.handle} is taken now`, { handle: family.handle });
    const created = await createFamily(ctx, {
      handle: family.handle,
      name: family.name,
      description: family.description,
      optionNames: family.optionNames,
    });
    familyIds.set(key, created.id);
    familiesCreated++;
  }
  const settle = (planned: PlannedProduct): ProductFields => ({
    ...planned.fields,
    supplierId: planned.supplierName
      ? (supplierIds.get(planned.supplierName.toLowerCase()) ?? null)
      : planned.fields.supplierId,
    familyId: planned.familyKey ? (familyIds.get(planned.familyKey) ?? null) : planned.fields.familyId,
  });

  // 3. New products, many rows per statement, each with its zero totals per warehouse.
  const createdIds = new Map<PlannedProduct, string>();
  let done = 0;
  for (const batch of chunks(creates)) {
    const rows = batch.map((planned) => {
      const id = newId();
      createdIds.set(planned, id);
      return {
        id,
        ...toRow(settle(planned)),
        cost: planned.cost ?? 0,
        status: planned.status ?? 'active',
        created_at: at,
        updated_at: at,
      };
    });
    await ctx.db.insertInto('products').values(rows).execute();
    // Their zero totals per warehouse, as every new product gets them (the inventory's own code).
    for (const row of rows) await addProductSummaries(ctx, row.id, row.reorder_point);
    await insertAudit(
      ctx,
      rows.map((row) => ({
        id: newId(),
        at,
        user_id: ctx.actor?.id ?? null,
        action: 'product.created',
        entity: 'product',
        entity_id: row.id,
        details: JSON.stringify({ sku: row.sku, import: reportId }),
      })),
    );
    done += batch.length;
    onProgress(done, total);
  }

  // 4. Existing products: only what the file changes.
  let updated = 0;
  let unchanged = 0;
  for (const planned of updates) {
    const before = current.get(planned.productId as string);
    if (!before) continue;
    const fields = settle(planned);
    const after = { ...toRow(fields), ...(planned.status && { status: planned.status }) };
    const was = { ...toRow(before), status: before.status };
    const changed = Object.fromEntries(
      Object.entries(after).filter(([key, value]) => value !== was[key as keyof typeof was]),
    );
    done++;
    if (Object.keys(changed).length === 0) {
      unchanged++;
      continue;
    }
    // Through the catalogue's own update: it checks the product again and keeps its totals in step.
    await updateProduct(ctx, before.id, { ...fields, ...(planned.status && { status: planned.status }) });
    updated++;
    if (done % CHUNK === 0) onProgress(done, total);
  }

  // 5. Opening stock: receipts into each warehouse's default bin, through the ledger.
  const movements: MovementInput[] = creates.flatMap((planned) =>
    planned.stock.map((stock) => ({
      productId: createdIds.get(planned) as string,
      locationId: stock.locationId,
      kind: 'receipt' as const,
      onHandDelta: stock.quantity,
      reservedDelta: 0,
      unitCost: planned.cost,
      reason: 'opening',
      referenceType: 'import',
      referenceId: reportId,
      note: analysis.fileName || null,
    })),
  );
  for (const batch of chunks(movements, 2000)) await postMovements(ctx, batch);
  onProgress(total, total);

  const result: CommitResult = {
    created: creates.length,
    updated,
    skipped: analysis.summary.skipped + unchanged,
    familiesCreated,
    suppliersCreated,
    stockMovements: movements.length,
    stockUnits: movements.reduce((sum, m) => sum + m.onHandDelta, 0),
  };
  await recordAudit(ctx, {
    action: 'catalog.imported',
    entity: 'import',
    entityId: reportId,
    details: { format: analysis.format, fileName: analysis.fileName, existing: analysis.existing, ...result },
  });
  return result;
}

async function insertAudit(ctx: ServiceContext, rows: Insertable<AuditLogTable>[]): Promise<void> {
  for (const part of chunks(rows)) await ctx.db.insertInto('audit_log').values(part).execute();
}
