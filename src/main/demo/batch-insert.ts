import type { CompiledQuery, Insertable, Kysely } from 'kysely';
import type { Database } from '../database/schema';

/** SQLite binds at most this many values in one statement (SQLITE_MAX_VARIABLE_NUMBER). */
const MAX_BOUND_VALUES = 32_766;

export interface OrderRows {
  orders: Insertable<Database['orders']>[];
  lines: Insertable<Database['order_lines']>[];
  payments: Insertable<Database['payments']>[];
  events: Insertable<Database['order_events']>[];
  shipments: Insertable<Database['shipments']>[];
  shipmentLines: Insertable<Database['shipment_lines']>[];
  shipmentEvents: Insertable<Database['shipment_events']>[];
}

/**
 * Inserts rows as multi-row INSERTs, as many rows per statement as SQLite's limit on
 * bound values allows: a statement per few hundred rows instead of one per row.
 *
 * Kysely builds each statement once per table and row count; later batches of the same
 * shape reuse its SQL with their own values. Building a fresh query for every batch of a
 * million orders spent about as long in Kysely (parsing 120 million values into nodes
 * and collecting the garbage) as in SQLite itself. Every row of one table has the same
 * columns in the same order; the first batch of each shape checks that.
 */
export class BatchInserter {
  private readonly statements = new Map<string, { compiled: CompiledQuery; columns: string[] }>();

  async insert<T extends keyof Database & string>(
    db: Kysely<Database>,
    table: T,
    rows: Insertable<Database[T]>[],
  ): Promise<void> {
    if (rows.length === 0) return;
    const columns = Object.keys(rows[0]);
    const perStatement = Math.max(1, Math.floor(MAX_BOUND_VALUES / columns.length));
    for (let start = 0; start < rows.length; start += perStatement) {
      const batch = rows.slice(start, start + perStatement) as Array<Record<string, unknown>>;
      const parameters = new Array<unknown>(batch.length * columns.length);
      let i = 0;
      for (const row of batch) for (const column of columns) parameters[i++] = row[column];
      const shape = `${table}\u0000${batch.length}\u0000${columns.join(',')}`;
      const known = this.statements.get(shape);
      if (known) {
        await db.executeQuery({ ...known.compiled, parameters });
        continue;
      }
      // Kysely cannot tell which table's row type T picks here; the caller typed the rows.
      const compiled = db
        .insertInto(table)
        .values(batch as never)
        .compile();
      if (compiled.parameters.length !== parameters.length || compiled.parameters.some((p, n) => p !== parameters[n])) {
        throw new Error(`The rows for ${table} do not all have the columns ${columns.join(', ')}`);
      }
      this.statements.set(shape, { compiled, columns });
      await db.executeQuery(compiled);
    }
  }

  /** Orders with their lines, payments, timelines and parcels, parents first (foreign keys are checked per statement). */
  async insertOrders(db: Kysely<Database>, rows: OrderRows): Promise<void> {
    await this.insert(db, 'orders', rows.orders);
    await this.insert(db, 'order_lines', rows.lines);
    await this.insert(db, 'payments', rows.payments);
    await this.insert(db, 'order_events', rows.events);
    await this.insert(db, 'shipments', rows.shipments);
    await this.insert(db, 'shipment_lines', rows.shipmentLines);
    await this.insert(db, 'shipment_events', rows.shipmentEvents);
  }
}
