import { WALK_IN_CUSTOMER_ID } from '../../../shared/domain/customers';
import type { ReturnCondition, Return, ReturnStatus } from '../../../shared/domain/returns';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { nextDocumentNumber } from '../document-numbers';
import { newId } from '../ids';
import { postMovements } from '../inventory/ledger';
import { getLocation } from '../inventory/warehouses';
import { cancelOrder } from '../orders/cancel';
import { recordOrderEvent } from '../orders/order-events';
import { balanceDue, orderRow, placeOrder, type OrderLineInput } from '../orders/orders';
import { giveRefund, takePayment } from '../orders/payments';
import { getSettings } from '../settings';
import { returnShare } from './refund-share';

export interface ReturnRequest {
  lines: Array<{ orderLineId: string; quantity: number; reason: string }>;
  note: string;
  /** An exchange: the replacement order, placed and confirmed at once for the same customer. */
  replacement?: { lines: OrderLineInput[]; warehouseId?: string };
}

async function returnRow(ctx: ServiceContext, id: string) {
  const row = await ctx.db.selectFrom('returns').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No return with id ${id}`, { entity: 'return', id });
  return row;
}

/** A return by its number (RMA-20261127-A7-0003) or id. */
export async function findReturnId(ctx: ServiceContext, numberOrId: string): Promise<string> {
  const row = await ctx.db
    .selectFrom('returns')
    .select('id')
    .where((eb) => eb.or([eb('number', '=', numberOrId), eb('id', '=', numberOrId)]))
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No return ${numberOrId}`, { entity: 'return', id: numberOrId });
  return row.id;
}

type ReturnSummary = Omit<Return, 'lines'>;

/** A return's header with its customer's name and what its lines come to: one query for any number of returns. */
function summaries(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('returns')
    .innerJoin('customers', 'customers.id', 'returns.customer_id')
    .selectAll('returns')
    .select('customers.name as customer_name')
    .select((eb) => [
      eb
        .selectFrom('return_lines')
        .select((sub) => sub.fn.coalesce(sub.fn.sum<number>('refund_amount'), sub.lit(0)).as('s'))
        .whereRef('return_lines.return_id', '=', 'returns.id')
        .as('lines_total'),
      eb
        .selectFrom('return_lines')
        .select((sub) => sub.fn.coalesce(sub.fn.sum<number>('refund_tax'), sub.lit(0)).as('s'))
        .whereRef('return_lines.return_id', '=', 'returns.id')
        .as('lines_tax'),
    ]);
}

function toSummary(row: Awaited<ReturnType<ReturnType<typeof summaries>['executeTakeFirstOrThrow']>>): ReturnSummary {
  return {
    id: row.id,
    number: row.number,
    customerId: row.customer_id,
    customerName: row.customer_name,
    status: row.status,
    replacementOrderId: row.replacement_order_id,
    currency: row.currency,
    linesTotal: Number(row.lines_total ?? 0),
    linesTax: Number(row.lines_tax ?? 0),
    refundTotal: row.refund_total,
    refundTax: row.refund_tax,
    shippingRefund: row.shipping_refund,
    refundTo: row.refund_to,
    note: row.note,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function getReturn(ctx: ServiceContext, id: string): Promise<Return> {
  const row = await summaries(ctx).where('returns.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No return with id ${id}`, { entity: 'return', id });
  const lines = await ctx.db
    .selectFrom('return_lines')
    .innerJoin('orders', 'orders.id', 'return_lines.order_id')
    .selectAll('return_lines')
    .select('orders.number as order_number')
    .where('return_lines.return_id', '=', id)
    .orderBy('return_lines.line_no')
    .execute();
  return {
    ...toSummary(row),
    lines: lines.map((l) => ({
      id: l.id,
      lineNo: l.line_no,
      orderId: l.order_id,
      orderNumber: l.order_number,
      orderLineId: l.order_line_id,
      productId: l.product_id,
      sku: l.sku,
      name: l.name,
      quantity: l.quantity,
      reason: l.reason,
      condition: l.condition,
      inspectionNote: l.inspection_note,
      disposition: l.disposition,
      locationId: l.location_id,
      refundAmount: l.refund_amount,
      refundTax: l.refund_tax,
    })),
  };
}

export async function listReturns(
  ctx: ServiceContext,
  input: { status?: ReturnStatus; customerId?: string; orderId?: string; offset: number; limit: number },
): Promise<{ rows: ReturnSummary[]; total: number }> {
  let query = summaries(ctx);
  if (input.status) query = query.where('returns.status', '=', input.status);
  if (input.customerId) query = query.where('returns.customer_id', '=', input.customerId);
  if (input.orderId) {
    const orderId = input.orderId;
    query = query.where('returns.id', 'in', (eb) =>
      eb.selectFrom('return_lines').select('return_id').where('order_id', '=', orderId),
    );
  }
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('returns.created_at', 'desc')
    .orderBy('returns.id', 'desc')
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  return { rows: rows.map(toSummary), total: Number(total.n) };
}

function assertStatus(row: { number: string; status: ReturnStatus }, expected: ReturnStatus, action: string): void {
  if (row.status !== expected) {
    throw new AppError(
      'INVALID_STATE',
      `Return ${row.number} is ${row.status}: it can ${action} only when ${expected}`,
      {
        status: row.status,
      },
    );
  }
}

async function setStatus(ctx: ServiceContext, id: string, status: ReturnStatus): Promise<void> {
  await ctx.db.updateTable('returns').set({ status, updated_at: nowIso() }).where('id', '=', id).execute();
}

/** The orders a return touches, each told on its timeline. */
async function tellOrders(
  ctx: ServiceContext,
  id: string,
  kind: string,
  details: Record<string, unknown>,
): Promise<void> {
  const orders = await ctx.db
    .selectFrom('return_lines')
    .select('order_id')
    .distinct()
    .where('return_id', '=', id)
    .execute();
  for (const { order_id } of orders) await recordOrderEvent(ctx, order_id, kind, details);
}

/**
 * Opens a return for lines of one or several orders of one customer. Only units handed
 * over or shipped, and not already on another return, can come back. Each line's refund
 * is its share of what was charged, tax share included (see refund-share.ts).
 */
export async function requestReturn(ctx: ServiceContext, input: ReturnRequest): Promise<Return> {
  const ids = [...new Set(input.lines.map((l) => l.orderLineId))];
  if (ids.length !== input.lines.length) {
    throw new AppError('VALIDATION', 'Each order line once per return', {
      issues: [{ path: 'lines', message: 'An order line is named twice' }],
    });
  }
  const found = await ctx.db
    .selectFrom('order_lines')
    .innerJoin('orders', 'orders.id', 'order_lines.order_id')
    .selectAll('order_lines')
    .select(['orders.customer_id', 'orders.status as order_status', 'orders.number', 'orders.currency'])
    .where('order_lines.id', 'in', ids)
    .execute();
  const byId = new Map(found.map((l) => [l.id, l]));
  const pending = await ctx.db
    .selectFrom('return_lines')
    .innerJoin('returns', 'returns.id', 'return_lines.return_id')
    .select((eb) => ['return_lines.order_line_id', eb.fn.sum<number>('return_lines.quantity').as('quantity')])
    .where('return_lines.order_line_id', 'in', ids)
    .where('returns.status', '!=', 'cancelled')
    .groupBy('return_lines.order_line_id')
    .execute();
  const alreadyReturning = new Map(pending.map((p) => [p.order_line_id, Number(p.quantity)]));
  const lines = input.lines.map((line, i) => {
    const orderLine = byId.get(line.orderLineId);
    if (!orderLine) {
      throw new AppError('NOT_FOUND', `No order line ${line.orderLineId}`, {
        issues: [{ path: `lines.${i}.orderLineId`, message: 'No such order line' }],
      });
    }
    const before = alreadyReturning.get(line.orderLineId) ?? 0;
    const returnable = orderLine.fulfilled_quantity - before;
    if (line.quantity > returnable) {
      throw new AppError('VALIDATION', `Only ${returnable} of ${orderLine.sku} on ${orderLine.number} can come back`, {
        issues: [{ path: `lines.${i}.quantity`, message: `At most ${returnable}` }],
      });
    }
    return { line, orderLine, share: returnShare(orderLine, before, line.quantity) };
  });
  const customers = new Set(lines.map((l) => l.orderLine.customer_id));
  if (customers.size > 1) {
    throw new AppError('VALIDATION', 'A return covers orders of one customer', {
      issues: [{ path: 'lines', message: 'Orders of different customers' }],
    });
  }
  const [customerId] = customers;
  const settings = await getSettings(ctx);
  const id = newId();
  const now = nowIso();
  const number = await nextDocumentNumber(ctx, 'RMA', settings.terminalCode);
  await ctx.db
    .insertInto('returns')
    .values({
      id,
      number,
      customer_id: customerId,
      status: 'requested',
      replacement_order_id: null,
      currency: lines[0].orderLine.currency,
      refund_to: null,
      note: input.note,
      created_by: ctx.actor?.id ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await ctx.db
    .insertInto('return_lines')
    .values(
      lines.map(({ line, orderLine, share }, i) => ({
        id: newId(),
        return_id: id,
        line_no: i + 1,
        order_id: orderLine.order_id,
        order_line_id: orderLine.id,
        product_id: orderLine.product_id,
        sku: orderLine.sku,
        name: orderLine.name,
        quantity: line.quantity,
        reason: line.reason,
        location_id: null,
        refund_amount: share.amount,
        refund_tax: share.tax,
      })),
    )
    .execute();
  if (input.replacement) {
    if (customerId === WALK_IN_CUSTOMER_ID) {
      throw new AppError('VALIDATION', 'An exchange needs the customer: the credit passes through their store credit', {
        issues: [{ path: 'replacement', message: 'Choose the customer first' }],
      });
    }
    const original = await orderRow(ctx, lines[0].orderLine.order_id);
    const { id: replacementId } = await placeOrder(ctx, {
      channel: original.channel === 'import' ? 'phone' : original.channel,
      customerId,
      warehouseId: input.replacement.warehouseId,
      lines: input.replacement.lines,
      shipping:
        original.ships === 1
          ? {
              method: original.shipping_method,
              amount: 0,
              taxClass: original.shipping_tax_class,
              address: original.shipping_address ? JSON.parse(original.shipping_address) : undefined,
            }
          : null,
      notes: '',
      confirm: true,
    });
    await ctx.db.updateTable('returns').set({ replacement_order_id: replacementId }).where('id', '=', id).execute();
    await recordOrderEvent(ctx, replacementId, 'exchange_for', { returnId: id, number });
  }
  await tellOrders(ctx, id, 'return_requested', { returnId: id, number });
  return getReturn(ctx, id);
}

/** The goods are back in the shop (not yet on a shelf). */
export async function receiveReturn(ctx: ServiceContext, id: string): Promise<Return> {
  const row = await returnRow(ctx, id);
  assertStatus(row, 'requested', 'be received');
  const lines = await ctx.db
    .selectFrom('return_lines')
    .select(['order_line_id', 'quantity'])
    .where('return_id', '=', id)
    .execute();
  for (const line of lines) {
    await ctx.db
      .updateTable('order_lines')
      .set((eb) => ({ returned_quantity: eb('returned_quantity', '+', line.quantity) }))
      .where('id', '=', line.order_line_id)
      .execute();
  }
  await setStatus(ctx, id, 'received');
  await tellOrders(ctx, id, 'return_received', { returnId: id, number: row.number });
  return getReturn(ctx, id);
}

/** Records the condition of every returned line. */
export async function inspectReturn(
  ctx: ServiceContext,
  id: string,
  input: { lines: Array<{ id: string; condition: ReturnCondition; note: string }> },
): Promise<Return> {
  const row = await returnRow(ctx, id);
  assertStatus(row, 'received', 'be inspected');
  const current = await getReturn(ctx, id);
  if (input.lines.some((l) => !current.lines.some((c) => c.id === l.id))) {
    throw new AppError('VALIDATION', 'A line that is not on this return', {
      issues: [{ path: 'lines', message: 'Not a line of this return' }],
    });
  }
  const given = new Map(input.lines.map((l) => [l.id, l]));
  for (const [i, line] of current.lines.entries()) {
    const inspection = given.get(line.id);
    if (!inspection) {
      throw new AppError('VALIDATION', `Line ${line.lineNo} (${line.sku}) needs its condition`, {
        issues: [{ path: `lines.${i}.condition`, message: 'Required' }],
      });
    }
    await ctx.db
      .updateTable('return_lines')
      .set({ condition: inspection.condition, inspection_note: inspection.note })
      .where('id', '=', line.id)
      .execute();
  }
  await setStatus(ctx, id, 'inspected');
  await tellOrders(ctx, id, 'return_inspected', {
    returnId: id,
    number: row.number,
    conditions: input.lines.map((l) => l.condition),
  });
  return getReturn(ctx, id);
}

/** Puts each line back on a chosen shelf (a 'return' movement into stock) or scraps it. */
export async function processReturn(
  ctx: ServiceContext,
  id: string,
  input: { lines: Array<{ id: string; disposition: 'restock' | 'scrap'; locationId?: string }> },
): Promise<Return> {
  const row = await returnRow(ctx, id);
  assertStatus(row, 'inspected', 'be restocked or scrapped');
  const current = await getReturn(ctx, id);
  const given = new Map(input.lines.map((l) => [l.id, l]));
  for (const [i, line] of current.lines.entries()) {
    const decision = given.get(line.id);
    if (!decision) {
      throw new AppError('VALIDATION', `Line ${line.lineNo} (${line.sku}): restock or scrap?`, {
        issues: [{ path: `lines.${i}.disposition`, message: 'Required' }],
      });
    }
    if (decision.disposition === 'restock') {
      if (!decision.locationId || !line.productId) {
        throw new AppError('VALIDATION', `Line ${line.lineNo} (${line.sku}): choose where it goes back`, {
          issues: [{ path: `lines.${i}.locationId`, message: line.productId ? 'Required' : 'Not a catalogue product' }],
        });
      }
      const location = await getLocation(ctx, decision.locationId);
      if (!location.active) {
        throw new AppError('INVALID_STATE', `Location ${location.code} is deactivated`, {
          issues: [{ path: `lines.${i}.locationId`, message: 'Deactivated' }],
        });
      }
      await postMovements(ctx, [
        {
          productId: line.productId,
          locationId: decision.locationId,
          kind: 'return',
          onHandDelta: line.quantity,
          reservedDelta: 0,
          referenceType: 'return',
          referenceId: id,
          note: row.number,
        },
      ]);
    }
    await ctx.db
      .updateTable('return_lines')
      .set({
        disposition: decision.disposition,
        location_id: decision.disposition === 'restock' ? (decision.locationId ?? null) : null,
      })
      .where('id', '=', line.id)
      .execute();
  }
  await setStatus(ctx, id, 'processed');
  await tellOrders(ctx, id, 'return_processed', {
    returnId: id,
    number: row.number,
    restocked: input.lines.filter((l) => l.disposition === 'restock').length,
    scrapped: input.lines.filter((l) => l.disposition === 'scrap').length,
  });
  return getReturn(ctx, id);
}

/**
 * Pays the return back, order by order: each order refunds its lines' shares (and, for a
 * return of one order, the shipping refund asked for). An exchange's credit goes to the
 * customer's store credit and pays the replacement order from it.
 */
export async function refundReturn(
  ctx: ServiceContext,
  id: string,
  input: { to: 'original' | 'store_credit'; shippingRefund: number },
): Promise<Return> {
  const row = await returnRow(ctx, id);
  assertStatus(row, 'processed', 'be refunded');
  const current = await getReturn(ctx, id);
  const perOrder = new Map<string, number>();
  for (const line of current.lines) perOrder.set(line.orderId, (perOrder.get(line.orderId) ?? 0) + line.refundAmount);
  if (input.shippingRefund > 0) {
    if (perOrder.size > 1) {
      throw new AppError('VALIDATION', 'Refund shipping on a return of one order', {
        issues: [{ path: 'shippingRefund', message: 'This return covers several orders' }],
      });
    }
    const [orderId] = perOrder.keys();
    const order = await orderRow(ctx, orderId);
    // Shipping already given back by the order's earlier returns is not refundable again.
    const earlier = await ctx.db
      .selectFrom('returns')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('shipping_refund'), eb.lit(0)).as('refunded'))
      .where('status', '=', 'refunded')
      .where('id', 'in', (eb) => eb.selectFrom('return_lines').select('return_id').where('order_id', '=', orderId))
      .executeTakeFirstOrThrow();
    const left = order.shipping_total - Number(earlier.refunded);
    if (input.shippingRefund > left) {
      throw new AppError('VALIDATION', `Shipping on ${order.number} left to refund: ${left}`, {
        issues: [{ path: 'shippingRefund', message: `At most ${left}` }],
      });
    }
    perOrder.set(orderId, (perOrder.get(orderId) ?? 0) + input.shippingRefund);
  }
  const to = row.replacement_order_id ? 'store_credit' : input.to;
  for (const [orderId, amount] of perOrder) {
    if (amount > 0) await giveRefund(ctx, orderId, { amount, to, reason: row.number });
  }
  if (row.replacement_order_id) {
    const replacement = await orderRow(ctx, row.replacement_order_id);
    // Only what this return credited pays the replacement; older credit stays the customer's.
    const credited = [...perOrder.values()].reduce((a, b) => a + b, 0);
    const pay = Math.min(credited, balanceDue(replacement));
    if (pay > 0) await takePayment(ctx, replacement.id, { method: 'store_credit', amount: pay });
  }
  const refundTotal = [...perOrder.values()].reduce((a, b) => a + b, 0);
  await ctx.db
    .updateTable('returns')
    .set({
      status: 'refunded',
      refund_to: to,
      refund_total: refundTotal,
      refund_tax: current.linesTax,
      shipping_refund: input.shippingRefund,
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .execute();
  await tellOrders(ctx, id, 'return_refunded', { returnId: id, number: row.number, amount: refundTotal, to });
  return getReturn(ctx, id);
}

/** Calls off a return before the goods arrive; an exchange's replacement order is cancelled too. */
export async function cancelReturn(ctx: ServiceContext, id: string, reason: string): Promise<Return> {
  const row = await returnRow(ctx, id);
  assertStatus(row, 'requested', 'be cancelled');
  if (row.replacement_order_id) {
    await cancelOrder(ctx, row.replacement_order_id, { reason: `${row.number}: ${reason}`, refundTo: 'original' });
  }
  await setStatus(ctx, id, 'cancelled');
  await recordAudit(ctx, { action: 'return.cancelled', entity: 'return', entityId: id, details: { reason } });
  await tellOrders(ctx, id, 'return_cancelled', { returnId: id, number: row.number, reason });
  return getReturn(ctx, id);
}
