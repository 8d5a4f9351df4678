import type { z } from 'zod';
import type { ORDER_EXPORT } from '../../../../shared/contract/order-export';
import type { OrderSortColumn } from '../../../../shared/domain/order-list';
import type { FulfilmentStatus, OrderChannel, OrderStatus, PaymentStatus } from '../../../../shared/domain/orders';
import { parseMoney } from '../../../../shared/money';

/** The grid's filters as the person set them (days and amounts as typed). */
export interface OrderFilters {
  status: OrderStatus[];
  paymentStatus: PaymentStatus[];
  fulfilmentStatus: FulfilmentStatus[];
  channel: OrderChannel[];
  /** Local calendar days, YYYY-MM-DD, both included; '' for open-ended. */
  from: string;
  to: string;
  customer: { id: string; name: string } | null;
  minTotal: string;
  maxTotal: string;
}

export const NO_FILTERS: OrderFilters = {
  status: [],
  paymentStatus: [],
  fulfilmentStatus: [],
  channel: [],
  from: '',
  to: '',
  customer: null,
  minTotal: '',
  maxTotal: '',
};

export type OrderQuery = z.input<typeof ORDER_EXPORT.filters>;

/** Midnight of a local day as an instant, `days` later: the server compares instants. */
function localMidnight(day: string, days = 0): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days).toISOString();
}

function amount(text: string, currency: string): number | undefined {
  return text.trim() === '' ? undefined : (parseMoney(text, currency) ?? undefined);
}

const nonEmpty = <T>(list: T[]) => (list.length > 0 ? list : undefined);

/** What orders.list (and the export) are asked for: the filters, the search and the sort. */
export function orderQuery(
  filters: OrderFilters,
  search: string,
  sort: { column: OrderSortColumn; direction: 'asc' | 'desc' },
  currency: string,
): OrderQuery {
  return {
    sort: sort.column,
    direction: sort.direction,
    status: nonEmpty(filters.status),
    paymentStatus: nonEmpty(filters.paymentStatus),
    fulfilmentStatus: nonEmpty(filters.fulfilmentStatus),
    channel: nonEmpty(filters.channel),
    customerId: filters.customer?.id,
    from: localMidnight(filters.from),
    // The last day counts whole: up to the next midnight.
    to: localMidnight(filters.to, 1),
    minTotal: amount(filters.minTotal, currency),
    maxTotal: amount(filters.maxTotal, currency),
    q: search.trim() || undefined,
  };
}

export function isBadAmount(text: string, currency: string): boolean {
  return text.trim() !== '' && parseMoney(text, currency) === null;
}

const FILTERS_KEY = 'oms.orders.filters';

/** Kept for the tab's session, so coming back from an order finds the grid as it was left. */
export function savedFilters(): OrderFilters {
  try {
    const saved = JSON.parse(sessionStorage.getItem(FILTERS_KEY) ?? 'null') as Partial<OrderFilters> | null;
    return { ...NO_FILTERS, ...saved };
  } catch {
    return NO_FILTERS;
  }
}

export function saveFilters(filters: OrderFilters): void {
  sessionStorage.setItem(FILTERS_KEY, JSON.stringify(filters));
}
