import { STAFF } from '../roles';
import { orders } from './orders';

/**
 * The order grid's CSV export: not a JSON operation but a file streamed as it is written,
 * `GET /api/orders/export.csv?<the filters of orders.list>` over HTTP, a save dialog in
 * Electron. Both read the same filters and allow the same roles.
 */
export const ORDER_EXPORT = {
  path: '/orders/export.csv',
  access: STAFF,
  filters: orders.list.input.omit({ offset: true, limit: true, cursor: true }),
} as const;
