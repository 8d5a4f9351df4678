import {
  createCustomer,
  findDuplicates,
  getCustomer,
  listCustomers,
  updateCustomer,
} from '../services/customers/customers';
import type { HandlersOf } from './handler-types';

/** Customers. */
export const customerHandlers: HandlersOf<'customers'> = {
  'customers.list': (ctx, input) => listCustomers(ctx, input),
  'customers.get': (ctx, input) => getCustomer(ctx, input.id),
  'customers.findDuplicates': (ctx, input) => findDuplicates(ctx, input),
  'customers.create': (ctx, input) => createCustomer(ctx, input),
  'customers.update': (ctx, { id, ...change }) => updateCustomer(ctx, id, change),
};
