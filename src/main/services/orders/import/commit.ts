import type { Insertable } from 'kysely';
import { WALK_IN_CUSTOMER_ID } from '../../../../shared/domain/customers';
import { AppError } from '../../../../shared/errors';
import type { OrderEventsTable, OrderLinesTable, OrdersTable, PaymentsTable } from '../../../database/schema';
import { recordAudit } from '../../audit';
import { nowIso, type ServiceContext } from '../../context';
import { businessDay } from '../../document-numbers';
import { newId } from '../../ids';
import { getSettings } from '../../settings';
import type { OrderAnalysis, PlannedOrder } from './analyze';
import { customerIdOf, matchCustomers, settleCustomers } from './customers';

export interface OrderCommitResult {
  orders: number;
  lines: number;
  payments: number;
  customersCreated: number;
  customersMatched: number;
}

/**
 * Rows per multi-row insert, each kept well under SQLite's 32,766 bound parameters:
 * orders have 47 columns, lines 20, payments 15, events 6.
 */
const ORDERS_PER_BATCH = 300;
const ROWS_PER_INSERT = 1000;

async function insertRows<T>(rows: T[], size: number, insert: (part: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * Writes an analysed order file in the caller's transaction (the router's, for
 * orderImports.commit): the customers it needs, then the orders a batch at a time with
 * their lines, payments and an "imported" event. No stock moves: these orders are
 * history. A number another order took since the dry run stops the whole import, and
 * the transaction takes back everything written before it.
 */
export async function commitOrderPlan(
  ctx: ServiceContext,
  analysis: OrderAnalysis,
  reportId: string,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<OrderCommitResult> {
  if (analysis.summary.errors > 0) {
    throw new AppError(
      'INVALID_STATE',
      `The dry run found ${analysis.summary.errors} errors: correct the file and analyse it again`,
    );
  }
  if (analysis.orders.length === 0) throw new AppError('INVALID_STATE', 'The file has no orders to import');
  const settings = await getSettings(ctx);
  if (settings.currency !== analysis.currency) {
    throw new AppError('CONFLICT', `The shop's currency is ${settings.currency} now: analyse the file again`);
  }
  const source = analysis.format === 'shopify' ? 'shopify' : 'csv';
  const at = nowIso();
  const actor = ctx.actor?.id ?? null;

  const match = await matchCustomers(
    ctx,
    analysis.orders.map((o) => o.customer),
  );
  const customerIds = await settleCustomers(ctx, match);
  const walkIn = await ctx.db
    .selectFrom('customers')
    .select('name')
    .where('id', '=', WALK_IN_CUSTOMER_ID)
    .executeTakeFirst();

  const total = analysis.orders.length;
  let lines = 0;
  let payments = 0;
  for (let start = 0; start < total; start += ORDERS_PER_BATCH) {
    const batch = analysis.orders.slice(start, start + ORDERS_PER_BATCH);
    const taken = await ctx.db
      .selectFrom('orders')
      .select('number')
      .where(
        'number',
        'in',
        batch.map((o) => o.number),
      )
      .execute();
    if (taken.length > 0) {
      throw new AppError(
        'CONFLICT',
        `An order numbered ${taken[0].number} exists now: nothing was imported; analyse the file again`,
        { numbers: taken.map((t) => t.number).slice(0, 20) },
      );
    }
    const orderRows: Insertable<OrdersTable>[] = [];
    const lineRows: Insertable<OrderLinesTable>[] = [];
    const paymentRows: Insertable<PaymentsTable>[] = [];
    const eventRows: Insertable<OrderEventsTable>[] = [];
    for (const order of batch) {
      const id = newId();
      const customerId = customerIdOf(customerIds, order.customer);
      orderRows.push(
        orderRow(order, id, customerId, {
          walkInName: walkIn?.name ?? '',
          source,
          currency: analysis.currency,
          rounding: settings.rounding,
          at,
          actor,
        }),
      );
      order.lines.forEach((line, index) => {
        lineRows.push({
          id: newId(),
          order_id: id,
          line_no: index + 1,
          product_id: line.productId,
          sku: line.sku,
          name: line.name,
          unit_price: line.unitPrice,
          quantity: line.quantity,
          discount: line.lineDiscount > 0 ? JSON.stringify({ kind: 'amount', amount: line.lineDiscount }) : null,
          gross: line.gross,
          line_discount: line.lineDiscount,
          order_discount: line.orderDiscount,
          total: line.total,
          tax: line.tax,
          tax_class: line.taxClass,
          rate_basis_points: line.rateBasisPoints,
          reservation_id: null,
          fulfilled_quantity: line.fulfilledQuantity,
        });
      });
      paymentRows.push(...paymentsOf(order, id, actor));
      eventRows.push({
        id: newId(),
        order_id: id,
        at,
        user_id: actor,
        kind: 'imported',
        details: JSON.stringify({ source, fileName: analysis.fileName, line: order.line, import: reportId }),
      });
    }
    await insertRows(orderRows, ORDERS_PER_BATCH, (part) => ctx.db.insertInto('orders').values(part).execute());
    await insertRows(lineRows, ROWS_PER_INSERT, (part) => ctx.db.insertInto('order_lines').values(part).execute());
    await insertRows(paymentRows, ROWS_PER_INSERT, (part) => ctx.db.insertInto('payments').values(part).execute());
    await insertRows(eventRows, ROWS_PER_INSERT * 2, (part) =>
      ctx.db.insertInto('order_events').values(part).execute(),
    );
    lines += lineRows.length;
    payments += paymentRows.length;
    onProgress(Math.min(total, start + batch.length), total);
  }

  const result: OrderCommitResult = {
    orders: total,
    lines,
    payments,
    customersCreated: match.toCreate.size,
    customersMatched: match.matched.size,
  };
  await recordAudit(ctx, {
    action: 'orders.imported',
    entity: 'import',
    entityId: reportId,
    details: { format: analysis.format, fileName: analysis.fileName, ...result },
  });
  return result;
}

interface Writing {
  walkInName: string;
  source: string;
  currency: string;
  rounding: OrdersTable['rounding'];
  at: string;
  actor: string | null;
}

function orderRow(order: PlannedOrder, id: string, customerId: string, writing: Writing): Insertable<OrdersTable> {
  const { walkInName, source, currency, rounding, at, actor } = writing;
  const customer = order.customer;
  const ships = order.shippingAddress !== null || order.shippingMethod !== '' || order.shippingTotal > 0;
  return {
    id,
    number: order.number,
    channel: order.channel,
    source,
    terminal: '',
    status: order.status,
    payment_status: order.paymentStatus,
    fulfilment_status: order.fulfilmentStatus,
    customer_id: customerId,
    customer_name: customer.name || (customerId === WALK_IN_CUSTOMER_ID ? walkInName : customer.email),
    customer_phone_tail: customer.phone.replace(/\D/g, '').slice(-8),
    warehouse_id: null,
    currency,
    prices_include_tax: order.pricesIncludeTax ? 1 : 0,
    rounding,
    order_discount: order.orderDiscount > 0 ? JSON.stringify({ kind: 'amount', amount: order.orderDiscount }) : null,
    subtotal: order.subtotal,
    discount_total: order.discountTotal,
    shipping_total: order.shippingTotal,
    shipping_tax: order.shippingTax,
    tax_total: order.taxTotal,
    grand_total: order.grandTotal,
    taxes: JSON.stringify(order.taxes),
    paid_total: order.paid,
    refunded_total: order.refunded,
    ships: ships ? 1 : 0,
    shipping_method: order.shippingMethod,
    shipping_amount: order.pricesIncludeTax ? order.shippingTotal : order.shippingTotal - order.shippingTax,
    shipping_tax_class: 'standard',
    shipping_address: order.shippingAddress ? JSON.stringify(order.shippingAddress) : null,
    billing_address: order.billingAddress ? JSON.stringify(order.billingAddress) : null,
    notes: order.notes,
    promised_date: order.promisedDate,
    placed_at: order.placedAt,
    confirmed_at: order.confirmedAt,
    completed_at: order.completedAt,
    cancelled_at: order.cancelledAt,
    created_by: actor,
    created_at: at,
    updated_at: at,
  };
}

/** A payment of what was paid (when it was paid) and a refund of what came back, so the totals and status agree. */
function paymentsOf(order: PlannedOrder, orderId: string, actor: string | null): Insertable<PaymentsTable>[] {
  if (order.paid <= 0) return [];
  const paymentId = newId();
  const rows: Insertable<PaymentsTable>[] = [
    {
      id: paymentId,
      order_id: orderId,
      kind: 'payment',
      method: order.paymentMethod,
      amount: order.paid,
      tendered: null,
      change_given: 0,
      reference: 'imported',
      refund_of: null,
      refunded: order.refunded,
      terminal: '',
      business_day: businessDay(new Date(order.paidAt)),
      created_by: actor,
      created_at: order.paidAt,
    },
  ];
  if (order.refunded > 0) {
    rows.push({
      id: newId(),
      order_id: orderId,
      kind: 'refund',
      method: order.paymentMethod,
      amount: order.refunded,
      tendered: null,
      change_given: 0,
      reference: 'imported',
      refund_of: paymentId,
      refunded: 0,
      terminal: '',
      business_day: businessDay(new Date(order.refundedAt)),
      created_by: actor,
      created_at: order.refundedAt,
    });
  }
  return rows;
}
