import { sql, type ExpressionBuilder, type Kysely, type SelectQueryBuilder } from 'kysely';
import type {
  FulfilmentStatus,
  OrderChannel,
  OrderStatus,
  OrderSummary,
  PaymentStatus,
} from '../../../shared/domain/orders';
import type { OrderSortColumn } from '../../../shared/domain/order-list';
import { AppError } from '../../../shared/errors';
import type { Database } from '../../database/schema';
import type { ServiceContext } from '../context';

export interface OrderListInput {
  sort: OrderSortColumn;
  direction: 'asc' | 'desc';
  status?: OrderStatus[];
  paymentStatus?: PaymentStatus[];
  fulfilmentStatus?: FulfilmentStatus[];
  channel?: OrderChannel[];
  customerId?: string;
  /** Placed at or after this instant (ISO 8601). */
  from?: string;
  /** Placed before this instant (ISO 8601). */
  to?: string;
  minTotal?: number;
  maxTotal?: number;
  /** An order number (or its start), a customer's name, or a phone number. */
  q?: string;
  offset: number;
  limit: number;
  /** From a previous page's `nextCursor`: the page after it, whatever has been added since. */
  cursor?: string;
}

export interface OrderListPage {
  rows: OrderSummary[];
  total: number;
  nextCursor: string | null;
}

type KeyColumn =
  | 'placed_at'
  | 'number'
  | 'customer_name'
  | 'grand_total'
  | 'status'
  | 'payment_status'
  | 'fulfilment_status'
  | 'channel'
  | 'id';
type SortKey = readonly KeyColumn[];

/**
 * The columns each sort orders by, every one in the same direction and ending in the id,
 * so each key is unique and each matches an index of migration 0007 exactly.
 */
const SORT_KEYS: Record<OrderSortColumn, SortKey> = {
  placedAt: ['placed_at', 'id'],
  number: ['number', 'id'],
  customerName: ['customer_name', 'id'],
  grandTotal: ['grand_total', 'id'],
  status: ['status', 'placed_at', 'id'],
  paymentStatus: ['payment_status', 'placed_at', 'id'],
  fulfilmentStatus: ['fulfilment_status', 'placed_at', 'id'],
  channel: ['channel', 'placed_at', 'id'],
};

type KeyValues = Array<string | number>;
type OrdersQuery = SelectQueryBuilder<Database, 'orders', object>;

/**
 * Every ANCHOR_STEP-th key of a sorted, filtered list. A page deep in the list starts
 * from the anchor at or before it and skips fewer than ANCHOR_STEP rows, instead of an
 * OFFSET that walks the whole list (slow in SQLite beyond a few thousand rows).
 */
const ANCHOR_STEP = 1000;
const LISTS_KEPT = 16;

interface Anchors {
  revision: string;
  total: number;
  keys: KeyValues[] | null;
}

// Per database handle: a test process opens many databases side by side.
const anchorCache = new WeakMap<Kysely<Database>, Map<string, Anchors>>();

function applyFilters(query: OrdersQuery, input: OrderListInput): OrdersQuery {
  let q = query;
  if (input.status?.length) q = q.where('status', 'in', input.status);
  if (input.paymentStatus?.length) q = q.where('payment_status', 'in', input.paymentStatus);
  if (input.fulfilmentStatus?.length) q = q.where('fulfilment_status', 'in', input.fulfilmentStatus);
  if (input.channel?.length) q = q.where('channel', 'in', input.channel);
  if (input.customerId) q = q.where('customer_id', '=', input.customerId);
  if (input.from) q = q.where('placed_at', '>=', input.from);
  if (input.to) q = q.where('placed_at', '<', input.to);
  if (input.minTotal !== undefined) q = q.where('grand_total', '>=', input.minTotal);
  if (input.maxTotal !== undefined) q = q.where('grand_total', '<=', input.maxTotal);
  const search = input.q?.trim();
  if (search) {
    // One kind of match per search, so each is an index range already in the grid's order
    // where it can be: an OR of three would make SQLite gather every match and sort them.
    const digits = search.replace(/\D/g, '');
    const number = search.toUpperCase();
    if (/^[A-Z]{1,4}-(\d|$)/.test(number)) {
      q = q.where('number', '>=', number).where('number', '<', `${number}\uffff`);
    } else if (/^[\d\s+()-]+$/.test(search) && digits.length >= 8) {
      q = q.where('customer_phone_tail', '=', digits.slice(-8));
    } else {
      q = q.where((eb: ExpressionBuilder<Database, 'orders'>) =>
        eb(
          'customer_id',
          'in',
          eb
            .selectFrom('customers')
            .select('customers.id')
            .where(
              sql.ref('customers.name'),
              'like',
              sql`${`%${search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`} escape '\\'`,
            )
            .limit(500),
        ),
      );
    }
  }
  return q;
}

function ordered(query: OrdersQuery, key: SortKey, direction: 'asc' | 'desc'): OrdersQuery {
  return key.reduce((q, column) => q.orderBy(column, direction), query);
}

function after(query: OrdersQuery, key: SortKey, direction: 'asc' | 'desc', values: KeyValues, inclusive: boolean) {
  const op = direction === 'asc' ? (inclusive ? '>=' : '>') : inclusive ? '<=' : '<';
  return query.where((eb) =>
    eb(eb.refTuple(...(key as [KeyColumn, KeyColumn])), op, eb.tuple(...(values as [string, string]))),
  );
}

function before(query: OrdersQuery, key: SortKey, direction: 'asc' | 'desc', values: KeyValues) {
  return query.where((eb) =>
    eb(
      eb.refTuple(...(key as [KeyColumn, KeyColumn])),
      direction === 'asc' ? '<' : '>',
      eb.tuple(...(values as [string, string])),
    ),
  );
}

/**
 * A filter whose index does not also give the sort's order (every filter index ends in
 * the placed time): SQLite would sort all the rows the filter lets through for each
 * page, so even the first pages go between anchors.
 */
function sortsAcrossFilter(input: OrderListInput): boolean {
  const filtered =
    Boolean(input.status?.length || input.paymentStatus?.length || input.fulfilmentStatus?.length) ||
    Boolean(input.channel?.length || input.customerId || input.q?.trim()) ||
    input.from !== undefined ||
    input.to !== undefined ||
    input.minTotal !== undefined ||
    input.maxTotal !== undefined;
  return filtered && input.sort !== 'placedAt';
}

function encodeCursor(sort: OrderSortColumn, direction: string, values: KeyValues): string {
  return Buffer.from(JSON.stringify({ s: sort, d: direction, k: values })).toString('base64url');
}

function decodeCursor(cursor: string, sort: OrderSortColumn, direction: string): KeyValues {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      s: string;
      d: string;
      k: unknown;
    };
    if (parsed.s === sort && parsed.d === direction && Array.isArray(parsed.k)) return parsed.k as KeyValues;
  } catch {
    // Falls through to the typed error below.
  }
  throw new AppError('VALIDATION', 'This cursor is not from this list (same sort and direction)', {
    issues: [{ path: 'cursor', message: 'Not a cursor of this list' }],
  });
}

/** Changes whenever any order is written: the cached anchors and count are then stale. */
async function revisionOf(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectFrom('orders')
    .select((eb) => [eb.fn.max('updated_at').as('latest')])
    .executeTakeFirstOrThrow();
  return row.latest ?? '';
}

async function anchorsFor(
  db: Kysely<Database>,
  input: OrderListInput,
  key: SortKey,
  needKeys: boolean,
): Promise<Anchors> {
  const lists = anchorCache.get(db) ?? new Map<string, Anchors>();
  anchorCache.set(db, lists);
  const { offset: _offset, limit: _limit, cursor: _cursor, ...shape } = input;
  const cacheKey = JSON.stringify(shape);
  const revision = await revisionOf(db);
  let found = lists.get(cacheKey);
  if (found?.revision !== revision) found = undefined;
  if (!found) {
    const counted = await applyFilters(db.selectFrom('orders'), input)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    found = { revision, total: Number(counted.n), keys: null };
  }
  if (needKeys && !found.keys) {
    const ranked = ordered(applyFilters(db.selectFrom('orders'), input).select([...key]), key, input.direction)
      .select((eb) =>
        eb.fn
          .agg<number>('row_number')
          .over((over) => key.reduce((o, column) => o.orderBy(column, input.direction), over))
          .as('position'),
      )
      .as('ranked');
    const rows = await db
      .selectFrom(ranked)
      .selectAll()
      // Positions 1001, 2001, …: written as position % step = 1, since nested arithmetic
      // is not parenthesized by Kysely (position - 1 % step would be position - 1).
      .where((eb) => eb(eb('position', '%', ANCHOR_STEP), '=', 1))
      .where('position', '>', 1)
      .orderBy('position')
      .execute();
    found.keys = rows.map((row) => key.map((column) => (row as Record<string, string | number>)[column]));
  }
  lists.delete(cacheKey);
  lists.set(cacheKey, found);
  if (lists.size > LISTS_KEPT) lists.delete(lists.keys().next().value as string);
  return found;
}

/**
 * A page of the order grid: sorted on any sortable column, filtered, searched. Fast at
 * any depth: a cursor seeks straight to its key; an offset starts from the nearest
 * anchor (see ANCHOR_STEP), built once per sort and filter and rebuilt after a change.
 */
export async function listOrders(ctx: ServiceContext, input: OrderListInput): Promise<OrderListPage> {
  const key = SORT_KEYS[input.sort];
  const anchored = !input.cursor && (input.offset >= ANCHOR_STEP || sortsAcrossFilter(input));
  const anchors = await anchorsFor(ctx.db, input, key, anchored);
  let query = applyFilters(ctx.db.selectFrom('orders'), input);
  let skip = input.offset;
  if (input.cursor) {
    query = after(query, key, input.direction, decodeCursor(input.cursor, input.sort, input.direction), false);
    skip = 0;
  } else if (anchored && anchors.keys) {
    // The page lies between two anchors: both bounds, so the sort column's index can be
    // walked over that stretch alone instead of sorting every row the filter lets through.
    const index = Math.min(Math.floor(input.offset / ANCHOR_STEP), anchors.keys.length);
    if (index > 0) {
      query = after(query, key, input.direction, anchors.keys[index - 1], true);
      skip = input.offset - index * ANCHOR_STEP;
    }
    const end = Math.ceil((input.offset + input.limit) / ANCHOR_STEP);
    if (end - 1 < anchors.keys.length) query = before(query, key, input.direction, anchors.keys[end - 1]);
  }
  const rows = await ordered(query, key, input.direction)
    .select([
      'id',
      'number',
      'channel',
      'source',
      'status',
      'payment_status',
      'fulfilment_status',
      'customer_id',
      'customer_name',
      'currency',
      'grand_total',
      'paid_total',
      'refunded_total',
      'placed_at',
      'promised_date',
    ])
    .limit(input.limit)
    .offset(skip)
    .execute();
  const last = rows.at(-1);
  return {
    total: anchors.total,
    nextCursor:
      last && rows.length === input.limit
        ? encodeCursor(
            input.sort,
            input.direction,
            key.map((column) => (last as Record<string, string | number>)[column]),
          )
        : null,
    rows: rows.map((r) => ({
      id: r.id,
      number: r.number,
      channel: r.channel,
      source: r.source,
      status: r.status,
      paymentStatus: r.payment_status,
      fulfilmentStatus: r.fulfilment_status,
      customerId: r.customer_id,
      customerName: r.customer_name,
      currency: r.currency,
      grandTotal: r.grand_total,
      paidTotal: r.paid_total,
      refundedTotal: r.refunded_total,
      placedAt: r.placed_at,
      promisedDate: r.promised_date,
    })),
  };
}
