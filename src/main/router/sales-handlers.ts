import {
  createCustomer,
  findDuplicates,
  getCustomer,
  listCustomers,
  updateCustomer,
} from '../services/customers/customers';
import { cancelOrder } from '../services/orders/cancel';
import { cashUpFigures, recordCashUp } from '../services/orders/cash-up';
import { checkout } from '../services/orders/checkout';
import { orderTimeline } from '../services/orders/order-events';
import { listOrders } from '../services/orders/order-list';
import {
  completeOrder,
  confirmOrder,
  createOrder,
  findOrderId,
  getOrder,
  holdOrder,
  releaseHold,
  updateOrder,
} from '../services/orders/orders';
import { addPayment, refundPayment, storeCreditOf } from '../services/orders/payments';
import { quoteOrder } from '../services/orders/quote';
import {
  cancelReturn,
  findReturnId,
  getReturn,
  inspectReturn,
  listReturns,
  processReturn,
  receiveReturn,
  refundReturn,
  requestReturn,
} from '../services/returns/returns';
import type { HandlersOf } from './handler-types';

/** Customers. */
export const customerHandlers: HandlersOf<'customers'> = {
  'customers.list': (ctx, input) => listCustomers(ctx, input),
  'customers.get': (ctx, input) => getCustomer(ctx, input.id),
  'customers.findDuplicates': (ctx, input) => findDuplicates(ctx, input),
  'customers.create': (ctx, input) => createCustomer(ctx, input),
  'customers.update': (ctx, { id, ...change }) => updateCustomer(ctx, id, change),
  'customers.storeCredit': (ctx, input) => storeCreditOf(ctx, input.id),
};

/** An instant as UTC ISO text, as orders store it; a bare day is its start, or the next day's for an end. */
function utcInstant(value: string | undefined, end: boolean): string | undefined {
  if (value === undefined) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = new Date(`${value}T00:00:00.000Z`);
    if (end) day.setUTCDate(day.getUTCDate() + 1);
    return day.toISOString();
  }
  return new Date(value).toISOString();
}

/** Orders, their payments and the counter's cash-up. Orders are found by id or number. */
export const orderHandlers: HandlersOf<'orders'> = {
  'orders.quote': (ctx, input) => quoteOrder(ctx, input),
  'orders.list': (ctx, input) =>
    listOrders(ctx, { ...input, from: utcInstant(input.from, false), to: utcInstant(input.to, true) }),
  'orders.get': async (ctx, input) => getOrder(ctx, await findOrderId(ctx, input.id)),
  'orders.timeline': async (ctx, input) => orderTimeline(ctx, await findOrderId(ctx, input.id)),
  'orders.create': (ctx, input) => createOrder(ctx, input),
  'orders.update': async (ctx, { id, ...change }) => updateOrder(ctx, await findOrderId(ctx, id), change),
  'orders.confirm': async (ctx, input) => confirmOrder(ctx, await findOrderId(ctx, input.id)),
  'orders.hold': async (ctx, input) => holdOrder(ctx, await findOrderId(ctx, input.id), input.reason),
  'orders.release': async (ctx, input) => releaseHold(ctx, await findOrderId(ctx, input.id)),
  'orders.complete': async (ctx, input) => completeOrder(ctx, await findOrderId(ctx, input.id)),
  'orders.cancel': async (ctx, { id, ...input }) => cancelOrder(ctx, await findOrderId(ctx, id), input),
  'orders.pay': async (ctx, { id, ...input }) => addPayment(ctx, await findOrderId(ctx, id), input),
  'orders.refund': async (ctx, { id, ...input }) => refundPayment(ctx, await findOrderId(ctx, id), input),
  'orders.checkout': (ctx, input) => checkout(ctx, input),
};

export const cashUpHandlers: HandlersOf<'cashUps'> = {
  'cashUps.figures': (ctx, input) => cashUpFigures(ctx, input),
  'cashUps.record': (ctx, input) => recordCashUp(ctx, input),
};

/** Returns and exchanges, found by id or number. */
export const returnHandlers: HandlersOf<'returns'> = {
  'returns.list': (ctx, input) => listReturns(ctx, input),
  'returns.get': async (ctx, input) => getReturn(ctx, await findReturnId(ctx, input.id)),
  'returns.request': (ctx, input) => requestReturn(ctx, input),
  'returns.receive': async (ctx, input) => receiveReturn(ctx, await findReturnId(ctx, input.id)),
  'returns.inspect': async (ctx, { id, ...input }) => inspectReturn(ctx, await findReturnId(ctx, id), input),
  'returns.process': async (ctx, { id, ...input }) => processReturn(ctx, await findReturnId(ctx, id), input),
  'returns.refund': async (ctx, { id, ...input }) => refundReturn(ctx, await findReturnId(ctx, id), input),
  'returns.cancel': async (ctx, input) => cancelReturn(ctx, await findReturnId(ctx, input.id), input.reason),
};
