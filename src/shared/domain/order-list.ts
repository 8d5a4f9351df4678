/** The order grid's sortable columns; each has an index (migration 0007). */
export const ORDER_SORT_COLUMNS = [
  'placedAt',
  'number',
  'customerName',
  'grandTotal',
  'status',
  'paymentStatus',
  'fulfilmentStatus',
  'channel',
] as const;
export type OrderSortColumn = (typeof ORDER_SORT_COLUMNS)[number];
