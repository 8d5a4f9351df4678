import { AppError } from '../../../shared/errors';
import type { ProductFamily } from '../../../shared/domain/catalog';
import { recordAudit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { newId } from '../ids';

/** A family groups variants (sizes, colours) under one name, as Shopify's product does its variants. */
export async function listFamilies(ctx: ServiceContext): Promise<ProductFamily[]> {
  const rows = await ctx.db.selectFrom('product_families').selectAll().orderBy('name').execute();
  return rows.map((row) => ({
    id: row.id,
    handle: row.handle,
    name: row.name,
    description: row.description,
    optionNames: JSON.parse(row.option_names) as string[],
    createdAt: row.created_at,
  }));
}

export async function createFamily(
  ctx: ServiceContext,
  input: { handle: string; name: string; description: string; optionNames: string[] },
): Promise<ProductFamily> {
  const taken = await ctx.db
    .selectFrom('product_families')
    .select('id')
    .where('handle', '=', input.handle)
    .executeTakeFirst();
  if (taken) {
    throw new AppError('CONFLICT', `The handle ${input.handle} is taken`, {
      issues: [{ path: 'handle', message: 'Already used by another family' }],
    });
  }
  const now = nowIso();
  const id = newId();
  await ctx.db
    .insertInto('product_families')
    .values({
      id,
      handle: input.handle,
      name: input.name,
      description: input.description,
      option_names: JSON.stringify(input.optionNames),
      created_at: now,
      updated_at: now,
    })
    .execute();
  await recordAudit(ctx, { action: 'family.created', entity: 'family', entityId: id, details: input });
  return { id, ...input, createdAt: now };
}
