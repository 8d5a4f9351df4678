import type { Kysely } from 'kysely';
// Written out rather than imported: a migration must not change when today's code does.
const WALK_IN_CUSTOMER_ID = '00000000-0000-7000-8000-000000000001';

/** Customers with their addresses, and the walk-in customer counter sales default to. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    // Digits only, so "+86 138-0013-8000" and "8613800138000" meet when looking for duplicates.
    .addColumn('phone_digits', 'text', (c) => c.notNull().defaultTo(''))
    // The last eight digits: "+86 139 1234 5678" and "13912345678" share them, country code or not.
    .addColumn('phone_tail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email_key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_walk_in', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customers_name').on('customers').columns(['name', 'id']).execute();
  await db.schema.createIndex('customers_phone').on('customers').column('phone_tail').execute();
  await db.schema.createIndex('customers_email').on('customers').column('email_key').execute();

  await db.schema
    .createTable('customer_addresses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('line1', 'text', (c) => c.notNull())
    .addColumn('line2', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('postal_code', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('customer_addresses_customer').on('customer_addresses').column('customer_id').execute();

  // The same id on every machine, so counter sales from several tills merge onto one walk-in.
  const now = new Date().toISOString();
  await db
    .insertInto('customers' as never)
    .values({
      id: WALK_IN_CUSTOMER_ID,
      name: 'Walk-in',
      tags: '[]',
      is_walk_in: 1,
      created_at: now,
      updated_at: now,
    } as never)
    .execute();
}
