import {
  createCustomer,
  findDuplicates,
  getCustomer,
  listCustomers,
  updateCustomer,
} from '../services/customers/customers';
import { quoteOrder } from '../services/orders/quote';
import type { HandlersOf } from './handler-types';

/** Customers. */
export const customerHandlers: HandlersOf<'customers'> = {
  'customers.list': (ctx, input) => listCustomers(ctx, input),
  'customers.get': (ctx, input) => getCustomer(ctx, input.id),
  'customers.findDuplicates': (ctx, input) => findDuplicates(ctx, input),
  'customers.create': (ctx, input) => createCustomer(ctx, input),
  'customers.update': (ctx, { id, ...change }) => updateCustomer(ctx, id, change),
};

/** Orders: so far the server's pricing of a basket. */
export const orderHandlers: HandlersOf<'orders'> = {
  'orders.quote': (ctx, input) => quoteOrder(ctx, input),
};
