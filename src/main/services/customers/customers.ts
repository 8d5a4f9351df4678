import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import { emailKey, phoneDigits, phoneTail, type Address, type Customer } from '../../../shared/domain/customers';
import { AppError } from '../../../shared/errors';
import type { CustomerAddressesTable, CustomersTable } from '../../database/schema';
import { recordAudit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { newId } from '../ids';

function toAddress(row: Selectable<CustomerAddressesTable>): Address & { id: string } {
  return {
    id: row.id,
    kind: row.kind,
    recipient: row.recipient,
    phone: row.phone,
    line1: row.line1,
    line2: row.line2,
    city: row.city,
    region: row.region,
    postalCode: row.postal_code,
    country: row.country,
    isDefault: row.is_default === 1,
  };
}

function toCustomer(row: Selectable<CustomersTable>, addresses: Array<Address & { id: string }>): Customer {
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    email: row.email,
    tags: JSON.parse(row.tags) as string[],
    notes: row.notes,
    isWalkIn: row.is_walk_in === 1,
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    addresses,
  };
}

export async function getCustomer(ctx: ServiceContext, id: string): Promise<Customer> {
  const row = await ctx.db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No customer with id ${id}`, { entity: 'customer', id });
  const addresses = await ctx.db
    .selectFrom('customer_addresses')
    .selectAll()
    .where('customer_id', '=', id)
    .orderBy('kind')
    .orderBy('is_default', 'desc')
    .execute();
  return toCustomer(row, addresses.map(toAddress));
}

/**
 * Customers a page at a time, by name, phone (any way it is written) or email as a person
 * types; the walk-in customer first when nothing is searched.
 */
export async function listCustomers(
  ctx: ServiceContext,
  query: { search?: string; offset: number; limit: number },
): Promise<{ rows: Customer[]; total: number }> {
  let q = ctx.db.selectFrom('customers').where('active', '=', 1);
  const term = query.search?.trim();
  if (term) {
    const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const digits = phoneDigits(term);
    q = q.where((eb) =>
      eb.or([
        eb(sql`name`, 'like', sql`${like} escape '\\'`),
        eb(sql`email_key`, 'like', sql`${like.toLowerCase()} escape '\\'`),
        ...(digits.length >= 3 ? [eb('phone_digits', 'like', `%${digits}%`)] : []),
        // "+86 138 0013 8000" finds 13800138000: with a country code the digits differ, the tail does not.
        ...(phoneTail(term) ? [eb('phone_tail', '=', phoneTail(term))] : []),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy('is_walk_in', 'desc')
      .orderBy('name')
      .orderBy('id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map((row) => toCustomer(row, [])), total: Number(count.n) };
}

/** Customers who are likely the same person: the same phone digits or the same email. */
export async function findDuplicates(
  ctx: ServiceContext,
  input: { phone?: string; email?: string; excludeId?: string },
): Promise<Customer[]> {
  const tail = phoneTail(input.phone ?? '');
  const key = emailKey(input.email ?? '');
  if (!tail && !key) return [];
  const rows = await ctx.db
    .selectFrom('customers')
    .selectAll()
    .where('is_walk_in', '=', 0)
    .where((eb) => eb.or([...(tail ? [eb('phone_tail', '=', tail)] : []), ...(key ? [eb('email_key', '=', key)] : [])]))
    .$if(Boolean(input.excludeId), (q) => q.where('id', '!=', input.excludeId as string))
    .limit(10)
    .execute();
  return rows.map((row) => toCustomer(row, []));
}

export interface CustomerFields {
  name: string;
  phone: string;
  email: string;
  tags: string[];
  notes: string;
  addresses: Array<Address & { id?: string }>;
}

/**
 * Replaces a customer's addresses with the given list, keeping the id of every address
 * that comes back with one (orders will point at them) and adding the rest.
 */
async function writeAddresses(
  ctx: ServiceContext,
  customerId: string,
  addresses: Array<Address & { id?: string }>,
): Promise<void> {
  const existing = new Set(
    (await ctx.db.selectFrom('customer_addresses').select('id').where('customer_id', '=', customerId).execute()).map(
      (a) => a.id,
    ),
  );
  const kept = new Set(addresses.map((a) => a.id).filter((id): id is string => Boolean(id && existing.has(id))));
  const unknown = addresses.find((a) => a.id && !existing.has(a.id));
  if (unknown) throw new AppError('NOT_FOUND', `No address ${unknown.id} on this customer`, { entity: 'address' });
  const gone = [...existing].filter((id) => !kept.has(id));
  if (gone.length > 0) await ctx.db.deleteFrom('customer_addresses').where('id', 'in', gone).execute();
  // One default per kind: the first marked, else the first of that kind.
  const defaults = new Map<string, number>();
  addresses.forEach((a, i) => {
    if (a.isDefault && !defaults.has(a.kind)) defaults.set(a.kind, i);
  });
  addresses.forEach((a, i) => {
    if (!defaults.has(a.kind)) defaults.set(a.kind, i);
  });
  for (const [i, a] of addresses.entries()) {
    const row = {
      kind: a.kind,
      recipient: a.recipient,
      phone: a.phone,
      line1: a.line1,
      line2: a.line2,
      city: a.city,
      region: a.region,
      postal_code: a.postalCode,
      country: a.country,
      is_default: defaults.get(a.kind) === i ? 1 : 0,
    };
    if (a.id && kept.has(a.id))
      await ctx.db.updateTable('customer_addresses').set(row).where('id', '=', a.id).execute();
    else
      await ctx.db
        .insertInto('customer_addresses')
        .values({ id: newId(), customer_id: customerId, ...row })
        .execute();
  }
}

function columns(fields: Omit<CustomerFields, 'addresses'>) {
  return {
    name: fields.name,
    phone: fields.phone,
    phone_digits: phoneDigits(fields.phone),
    phone_tail: phoneTail(fields.phone),
    email: fields.email,
    email_key: emailKey(fields.email),
    tags: JSON.stringify([...new Set(fields.tags)]),
    notes: fields.notes,
  };
}

/** Creates the customer even when it looks like a duplicate: the warning is the caller's to show. */
export async function createCustomer(
  ctx: ServiceContext,
  fields: CustomerFields,
): Promise<{ customer: Customer; possibleDuplicates: Customer[] }> {
  const id = newId();
  const now = nowIso();
  const possibleDuplicates = await findDuplicates(ctx, fields);
  await ctx.db
    .insertInto('customers')
    .values({ id, ...columns(fields), is_walk_in: 0, active: 1, created_at: now, updated_at: now })
    .execute();
  await writeAddresses(ctx, id, fields.addresses);
  await recordAudit(ctx, {
    action: 'customer.created',
    entity: 'customer',
    entityId: id,
    details: { name: fields.name },
  });
  return { customer: await getCustomer(ctx, id), possibleDuplicates };
}

export async function updateCustomer(
  ctx: ServiceContext,
  id: string,
  change: Partial<CustomerFields> & { active?: boolean },
): Promise<Customer> {
  const before = await getCustomer(ctx, id);
  // The walk-in customer stands for anyone at the counter: only its notes may change.
  const touchesMore = Object.keys(change).some((key) => key !== 'notes');
  if (before.isWalkIn && touchesMore) {
    throw new AppError('INVALID_STATE', 'The walk-in customer stays as it is; only its notes can change');
  }
  const { addresses, active, ...rest } = change;
  await ctx.db
    .updateTable('customers')
    .set({
      ...columns({ ...before, ...rest }),
      ...(active !== undefined && { active: active ? 1 : 0 }),
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .execute();
  if (addresses) await writeAddresses(ctx, id, addresses);
  const after = await getCustomer(ctx, id);
  await recordAudit(ctx, { action: 'customer.updated', entity: 'customer', entityId: id, details: { before, after } });
  return after;
}
