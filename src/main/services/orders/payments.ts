import { WALK_IN_CUSTOMER_ID } from '../../../shared/domain/customers';
import { paymentStatusOf, type Order, type PaymentMethod } from '../../../shared/domain/orders';
import { AppError } from '../../../shared/errors';
import { nowIso, type ServiceContext } from '../context';
import { getCustomer } from '../customers/customers';
import { businessDay } from '../document-numbers';
import { newId } from '../ids';
import { getSettings } from '../settings';
import { recordOrderEvent } from './order-events';
import { balanceDue, getOrder, orderRow } from './orders';

export interface PaymentInput {
  method: PaymentMethod;
  amount: number;
  /** Cash handed over; the change is what it exceeds the amount by. */
  tendered?: number;
  /** The card terminal's reference, a transfer's reference. */
  reference?: string;
}

export interface RefundInput {
  amount: number;
  /** Back to the way it was paid (latest payment first, or the one named), or as store credit. */
  to: 'original' | 'store_credit';
  paymentId?: string;
  reason: string;
}

export async function storeCreditBalance(ctx: ServiceContext, customerId: string): Promise<number> {
  const row = await ctx.db
    .selectFrom('store_credit_entries')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.lit(0)).as('balance'))
    .where('customer_id', '=', customerId)
    .executeTakeFirstOrThrow();
  return Number(row.balance);
}

/** A customer's store credit entries, newest first, with the balance. */
export async function storeCreditOf(ctx: ServiceContext, customerId: string) {
  await getCustomer(ctx, customerId);
  const entries = await ctx.db
    .selectFrom('store_credit_entries')
    .leftJoin('orders', 'orders.id', 'store_credit_entries.order_id')
    .select([
      'store_credit_entries.id as id',
      'store_credit_entries.amount as amount',
      'store_credit_entries.order_id as orderId',
      'orders.number as orderNumber',
      'store_credit_entries.note as note',
      'store_credit_entries.created_at as createdAt',
    ])
    .where('store_credit_entries.customer_id', '=', customerId)
    .orderBy('store_credit_entries.created_at', 'desc')
    .orderBy('store_credit_entries.id', 'desc')
    .execute();
  return { balance: await storeCreditBalance(ctx, customerId), entries };
}

async function refreshPaymentTotals(ctx: ServiceContext, orderId: string): Promise<void> {
  const totals = await ctx.db
    .selectFrom('payments')
    .select((eb) => [
      eb.fn
        .coalesce(
          eb.fn.sum<number>(eb.case().when('kind', '=', 'payment').then(eb.ref('amount')).else(0).end()),
          eb.lit(0),
        )
        .as('paid'),
      eb.fn
        .coalesce(
          eb.fn.sum<number>(eb.case().when('kind', '=', 'refund').then(eb.ref('amount')).else(0).end()),
          eb.lit(0),
        )
        .as('refunded'),
    ])
    .where('order_id', '=', orderId)
    .executeTakeFirstOrThrow();
  const row = await orderRow(ctx, orderId);
  const paid = Number(totals.paid);
  const refunded = Number(totals.refunded);
  await ctx.db
    .updateTable('orders')
    .set({
      paid_total: paid,
      refunded_total: refunded,
      payment_status: paymentStatusOf(row.grand_total, paid, refunded),
      updated_at: nowIso(),
    })
    .where('id', '=', orderId)
    .execute();
}

/**
 * Takes a payment, up to what is still due. Cash may be tendered above it (the change is
 * recorded); a card needs the terminal's reference; store credit needs the balance.
 */
export async function takePayment(ctx: ServiceContext, orderId: string, input: PaymentInput): Promise<void> {
  const row = await orderRow(ctx, orderId);
  if (row.status === 'cancelled') {
    throw new AppError('INVALID_STATE', `Order ${row.number} is cancelled`, { id: orderId, status: row.status });
  }
  const settings = await getSettings(ctx);
  if (!settings.paymentMethods.includes(input.method)) {
    throw new AppError('VALIDATION', `This shop does not take ${input.method}`, {
      issues: [{ path: 'method', message: `One of ${settings.paymentMethods.join(', ')}` }],
    });
  }
  const due = balanceDue(row);
  if (input.amount > due) {
    throw new AppError('VALIDATION', `Only ${Math.max(due, 0)} (minor units) is due on ${row.number}`, {
      issues: [{ path: 'amount', message: `At most ${Math.max(due, 0)}` }],
    });
  }
  if (input.tendered !== undefined && input.method !== 'cash') {
    throw new AppError('VALIDATION', 'Only cash is tendered', {
      issues: [{ path: 'tendered', message: 'Cash only' }],
    });
  }
  if (input.tendered !== undefined && input.tendered < input.amount) {
    throw new AppError('VALIDATION', 'The cash handed over is less than the amount', {
      issues: [{ path: 'tendered', message: `At least ${input.amount}` }],
    });
  }
  const reference = input.reference?.trim() ?? '';
  if (input.method === 'card' && reference === '') {
    throw new AppError('VALIDATION', 'A card payment needs the terminal’s reference', {
      issues: [{ path: 'reference', message: 'Required for card' }],
    });
  }
  const id = newId();
  const now = nowIso();
  if (input.method === 'store_credit') {
    if (row.customer_id === WALK_IN_CUSTOMER_ID) {
      throw new AppError('VALIDATION', 'A walk-in customer has no store credit', {
        issues: [{ path: 'method', message: 'Choose the customer first' }],
      });
    }
    const balance = await storeCreditBalance(ctx, row.customer_id);
    if (balance < input.amount) {
      throw new AppError('VALIDATION', `${row.customer_name} has ${balance} (minor units) of store credit`, {
        issues: [{ path: 'amount', message: `At most ${balance}` }],
      });
    }
  }
  await ctx.db
    .insertInto('payments')
    .values({
      id,
      order_id: orderId,
      kind: 'payment',
      method: input.method,
      amount: input.amount,
      tendered: input.tendered ?? null,
      change_given: input.tendered === undefined ? 0 : input.tendered - input.amount,
      reference,
      refund_of: null,
      terminal: settings.terminalCode,
      business_day: businessDay(),
      created_by: ctx.actor?.id ?? null,
      created_at: now,
    })
    .execute();
  if (input.method === 'store_credit') {
    await ctx.db
      .insertInto('store_credit_entries')
      .values({
        id: newId(),
        customer_id: row.customer_id,
        amount: -input.amount,
        order_id: orderId,
        payment_id: id,
        note: row.number,
        created_by: ctx.actor?.id ?? null,
        created_at: now,
      })
      .execute();
  }
  await refreshPaymentTotals(ctx, orderId);
  await recordOrderEvent(ctx, orderId, 'payment', {
    paymentId: id,
    method: input.method,
    amount: input.amount,
    ...(input.tendered !== undefined ? { tendered: input.tendered, change: input.tendered - input.amount } : {}),
    ...(reference ? { reference } : {}),
  });
}

export async function addPayment(ctx: ServiceContext, orderId: string, input: PaymentInput): Promise<Order> {
  await takePayment(ctx, orderId, input);
  return getOrder(ctx, orderId);
}

/**
 * Pays money back, up to what was paid and not yet refunded: to the original method
 * (spread over the payments, latest first, unless one is named), or as store credit.
 */
export async function giveRefund(ctx: ServiceContext, orderId: string, input: RefundInput): Promise<void> {
  const row = await orderRow(ctx, orderId);
  const payments = await ctx.db
    .selectFrom('payments')
    .selectAll()
    .where('order_id', '=', orderId)
    .where('kind', '=', 'payment')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const sources = input.paymentId ? payments.filter((p) => p.id === input.paymentId) : payments;
  if (input.paymentId && sources.length === 0) {
    throw new AppError('NOT_FOUND', `No payment ${input.paymentId} on ${row.number}`, {
      issues: [{ path: 'paymentId', message: 'Not a payment of this order' }],
    });
  }
  const refundable = sources.reduce((sum, p) => sum + p.amount - p.refunded, 0);
  if (input.amount > refundable) {
    throw new AppError('VALIDATION', `At most ${refundable} (minor units) can be refunded`, {
      issues: [{ path: 'amount', message: `At most ${refundable}` }],
    });
  }
  if (input.to === 'store_credit' && row.customer_id === WALK_IN_CUSTOMER_ID) {
    throw new AppError('VALIDATION', 'A walk-in customer cannot hold store credit', {
      issues: [{ path: 'to', message: 'Refund to the original method' }],
    });
  }
  const settings = await getSettings(ctx);
  const now = nowIso();
  let left = input.amount;
  const refunds: Array<{ id: string; method: PaymentMethod; amount: number }> = [];
  for (const payment of sources) {
    if (left === 0) break;
    const take = Math.min(left, payment.amount - payment.refunded);
    if (take === 0) continue;
    left -= take;
    const id = newId();
    const method = input.to === 'store_credit' ? 'store_credit' : payment.method;
    await ctx.db
      .insertInto('payments')
      .values({
        id,
        order_id: orderId,
        kind: 'refund',
        method,
        amount: take,
        tendered: null,
        change_given: 0,
        reference: input.reason,
        refund_of: payment.id,
        terminal: settings.terminalCode,
        business_day: businessDay(),
        created_by: ctx.actor?.id ?? null,
        created_at: now,
      })
      .execute();
    await ctx.db
      .updateTable('payments')
      .set({ refunded: payment.refunded + take })
      .where('id', '=', payment.id)
      .execute();
    // Store credit goes back to the customer whether it was paid with credit or refunded as credit.
    if (method === 'store_credit') {
      await ctx.db
        .insertInto('store_credit_entries')
        .values({
          id: newId(),
          customer_id: row.customer_id,
          amount: take,
          order_id: orderId,
          payment_id: id,
          note: input.reason,
          created_by: ctx.actor?.id ?? null,
          created_at: now,
        })
        .execute();
    }
    refunds.push({ id, method, amount: take });
  }
  await refreshPaymentTotals(ctx, orderId);
  await recordOrderEvent(ctx, orderId, 'refund', { amount: input.amount, reason: input.reason, refunds });
}

export async function refundPayment(ctx: ServiceContext, orderId: string, input: RefundInput): Promise<Order> {
  await giveRefund(ctx, orderId, input);
  return getOrder(ctx, orderId);
}
