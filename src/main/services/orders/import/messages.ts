import { ISSUE_MESSAGES, type IssueMessages } from '../../catalog/csv/issues';

/**
 * The English sentence of each issue of an order file: the catalogue import's (the file,
 * cells, numbers) and the orders' own. The UI has its own per language under
 * `orderImports.issue.<code>`, falling back to `imports.issue.<code>`.
 */
export const ORDER_ISSUE_MESSAGES: IssueMessages = {
  ...ISSUE_MESSAGES,
  noOrders: 'The file has no orders to import',
  orderRowsApart: 'The rows of order {{number}} are not together: it also starts on line {{firstLine}}',
  numberTaken: 'An order numbered {{number}} exists already',
  numberTooLong: 'The order number is longer than {{max}} characters',
  currencyMismatch: 'The order is in {{value}}, the shop sells in {{currency}}: convert it first',
  badDate: '{{column}}: "{{value}}" is not a date and time (2026-11-27T09:30:00+08:00)',
  noTimeZone: '{{column}}: "{{value}}" names no time zone: read as UTC',
  futureDate: '{{column}}: {{value}} is in the future',
  badChannel: '{{column}}: "{{value}}" is not a channel (counter, phone, email, web, api)',
  unknownSku: 'The SKU {{value}} is not in the catalogue: the line is kept as text, without a product',
  noSku: 'The line has no SKU: it is kept as text, without a product',
  zeroQuantity: '{{column}}: the quantity must be at least 1',
  discountTooLarge: "{{column}}: the discount {{value}} is more than the line's {{gross}}",
  orderDiscountTooLarge: 'The order discount {{value}} is more than its lines come to ({{lines}})',
  lineDiscountsAboveOrder: "The lines' discounts ({{lines}}) are more than the order's Discount Amount ({{value}})",
  lineTotalMismatch: 'The line total is {{value}}; its quantity, price, discounts and tax make {{expected}}',
  subtotalMismatch: 'The subtotal is {{value}}; the lines less discounts make {{expected}}',
  taxMismatch: "The tax total is {{value}}; the lines' and shipping's tax make {{expected}}",
  totalsMismatch:
    'The grand total is {{value}}; the lines, shipping and tax make {{expected}} (tax included) or {{excluded}} (tax added)',
  paidRequired: 'The order is {{status}}: {{column}} must say how much was paid',
  refundedRequired: 'The order is {{status}}: {{column}} must say how much was refunded',
  refundAbovePaid: 'The refunded {{refunded}} is more than the paid {{paid}}',
  paymentStatusMismatch:
    'The payment status is {{status}}, but with {{paid}} paid and {{refunded}} refunded of {{total}} it is {{expected}}',
  shippingAddressIncomplete: "The shipping address has no {{column}}: it is kept in the order's notes instead",
  billingAddressIncomplete: "The billing address has no {{column}}: it is kept in the order's notes instead",
  customerNameMissing: 'The order names no customer: it goes to the walk-in customer',
  badEmail: '{{column}}: "{{value}}" is not an email address; the customer is matched by phone or name',
};
