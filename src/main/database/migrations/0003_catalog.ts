import { sql, type Kysely } from 'kysely';

/** Suppliers, products (with variant families), warehouses and their bin locations. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('suppliers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('lead_time_days', 'integer')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('product_families')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('handle', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('option_names', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sku', 'text', (c) => c.notNull().unique())
    .addColumn('family_id', 'text', (c) => c.references('product_families.id'))
    .addColumn('option_values', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('barcode', 'text', (c) => c.unique())
    .addColumn('unit_price', 'integer', (c) => c.notNull())
    .addColumn('cost', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('tax_class', 'text', (c) => c.notNull().defaultTo('standard'))
    .addColumn('weight_grams', 'integer')
    .addColumn('length_mm', 'integer')
    .addColumn('width_mm', 'integer')
    .addColumn('height_mm', 'integer')
    .addColumn('supplier_id', 'text', (c) => c.references('suppliers.id'))
    .addColumn('lead_time_days', 'integer')
    .addColumn('reorder_point', 'integer')
    .addColumn('allow_backorder', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('products_name').on('products').columns(['name', 'id']).execute();
  await db.schema.createIndex('products_family').on('products').column('family_id').execute();
  await db.schema.createIndex('products_supplier').on('products').column('supplier_id').execute();
  await db.schema.createIndex('products_status').on('products').columns(['status', 'sku']).execute();

  // SQLite's full-text index with the trigram tokenizer finds any three characters in
  // SKU, barcode and name, Chinese included. It is SQLite-only by nature: the
  // PostgreSQL backend will use pg_trgm in its own migration. Triggers keep it in step
  // with every write to products, whatever code path makes it.
  await sql`create virtual table product_search using fts5(
    product_id unindexed, sku, barcode, name, tokenize = 'trigram'
  )`.execute(db);
  await sql`create trigger products_search_insert after insert on products begin
    insert into product_search (product_id, sku, barcode, name)
    values (new.id, new.sku, coalesce(new.barcode, ''), new.name);
  end`.execute(db);
  await sql`create trigger products_search_update after update of sku, barcode, name on products begin
    delete from product_search where product_id = old.id;
    insert into product_search (product_id, sku, barcode, name)
    values (new.id, new.sku, coalesce(new.barcode, ''), new.name);
  end`.execute(db);
  await sql`create trigger products_search_delete after delete on products begin
    delete from product_search where product_id = old.id;
  end`.execute(db);

  await db.schema
    .createTable('warehouses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('locations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('locations_warehouse_code', ['warehouse_id', 'code'])
    .execute();
}
