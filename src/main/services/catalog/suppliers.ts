import type { Selectable } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { Supplier } from '../../../shared/domain/catalog';
import type { SuppliersTable } from '../../database/schema';
import { recordAudit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { newId } from '../ids';

export type SupplierFields = Omit<Supplier, 'id' | 'active' | 'createdAt'>;

function toSupplier(row: Selectable<SuppliersTable>): Supplier {
  return {
    id: row.id,
    name: row.name,
    contactName: row.contact_name,
    email: row.email,
    phone: row.phone,
    leadTimeDays: row.lead_time_days,
    notes: row.notes,
    active: row.active === 1,
    createdAt: row.created_at,
  };
}

export async function listSuppliers(ctx: ServiceContext): Promise<Supplier[]> {
  const rows = await ctx.db.selectFrom('suppliers').selectAll().orderBy('name').execute();
  return rows.map(toSupplier);
}

export async function getSupplier(ctx: ServiceContext, id: string): Promise<Supplier> {
  const row = await ctx.db.selectFrom('suppliers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No supplier with id ${id}`, { entity: 'supplier', id });
  return toSupplier(row);
}

export async function createSupplier(ctx: ServiceContext, fields: SupplierFields): Promise<Supplier> {
  const now = nowIso();
  const id = newId();
  await ctx.db
    .insertInto('suppliers')
    .values({
      id,
      name: fields.name,
      contact_name: fields.contactName,
      email: fields.email,
      phone: fields.phone,
      lead_time_days: fields.leadTimeDays,
      notes: fields.notes,
      active: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await recordAudit(ctx, {
    action: 'supplier.created',
    entity: 'supplier',
    entityId: id,
    details: { name: fields.name },
  });
  return getSupplier(ctx, id);
}

export async function updateSupplier(
  ctx: ServiceContext,
  id: string,
  change: Partial<SupplierFields> & { active?: boolean },
): Promise<Supplier> {
  const before = await getSupplier(ctx, id);
  await ctx.db
    .updateTable('suppliers')
    .set({
      ...(change.name !== undefined && { name: change.name }),
      ...(change.contactName !== undefined && { contact_name: change.contactName }),
      ...(change.email !== undefined && { email: change.email }),
      ...(change.phone !== undefined && { phone: change.phone }),
      ...(change.leadTimeDays !== undefined && { lead_time_days: change.leadTimeDays }),
      ...(change.notes !== undefined && { notes: change.notes }),
      ...(change.active !== undefined && { active: change.active ? 1 : 0 }),
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .execute();
  const after = await getSupplier(ctx, id);
  await recordAudit(ctx, { action: 'supplier.updated', entity: 'supplier', entityId: id, details: { before, after } });
  return after;
}
