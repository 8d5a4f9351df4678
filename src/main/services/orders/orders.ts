import type { Selectable } from 'kysely';
import { canPerform, ORDER_TRANSITIONS, type OrderAction } from '../../../shared/domain/order-states';
import {
  paymentStatusOf,
  type Discount,
  type Order,
  type OrderAddress,
  type OrderChannel,
} from '../../../shared/domain/orders';
import { AppError } from '../../../shared/errors';
import type { OrdersTable } from '../../database/schema';
import { nowIso, type ServiceContext } from '../context';
import { getCustomer } from '../customers/customers';
import { nextDocumentNumber } from '../document-numbers';
import { newId } from '../ids';
import { extendReservation, reserveStocks, settleReservation } from '../inventory/reservations';
import { getSettings } from '../settings';
import { recordOrderEvent } from './order-events';
import { quoteOrder, type KeptLine } from './quote';

export interface OrderLineInput {
  /** Set by an edit for a line it keeps: its price as sold (never from a caller). */
  kept?: KeptLine;
  /** An existing line's id, so an edit keeps its reservation and changes it by the difference. */
  id?: string;
  productId: string;
  quantity: number;
  discount?: Discount | null;
}

export interface ShippingInput {
  method: string;
  amount: number;
  taxClass: string;
  /** The address to ship to; else one of the customer's by id; else their default shipping address. */
  address?: OrderAddress;
  addressId?: string;
}

export interface OrderInput {
  channel: OrderChannel;
  customerId: string;
  warehouseId?: string;
  lines: OrderLineInput[];
  orderDiscount?: Discount | null;
  /** Null or absent: the goods are handed over, nothing ships. */
  shipping?: ShippingInput | null;
  billingAddress?: OrderAddress | null;
  notes: string;
  promisedDate?: string | null;
}

type OrderRow = Selectable<OrdersTable>;

export async function orderRow(ctx: ServiceContext, id: string): Promise<OrderRow> {
  const row = await ctx.db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No order with id ${id}`, { entity: 'order', id });
  return row;
}

/** An order by its number (SO-20261127-A7-0042) or id. */
export async function findOrderId(ctx: ServiceContext, numberOrId: string): Promise<string> {
  const row = await ctx.db
    .selectFrom('orders')
    .select('id')
    .where((eb) => eb.or([eb('number', '=', numberOrId), eb('id', '=', numberOrId)]))
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No order ${numberOrId}`, { entity: 'order', id: numberOrId });
  return row.id;
}

export async function getOrder(ctx: ServiceContext, id: string): Promise<Order> {
  const row = await orderRow(ctx, id);
  const lines = await ctx.db
    .selectFrom('order_lines')
    .leftJoin('stock_reservations', 'stock_reservations.id', 'order_lines.reservation_id')
    .selectAll('order_lines')
    .select('stock_reservations.open_quantity as reserved')
    .where('order_lines.order_id', '=', id)
    .orderBy('order_lines.line_no')
    .execute();
  const payments = await ctx.db
    .selectFrom('payments')
    .selectAll()
    .where('order_id', '=', id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return {
    id: row.id,
    number: row.number,
    channel: row.channel,
    source: row.source,
    terminal: row.terminal,
    status: row.status,
    paymentStatus: row.payment_status,
    fulfilmentStatus: row.fulfilment_status,
    customerId: row.customer_id,
    customerName: row.customer_name,
    warehouseId: row.warehouse_id,
    currency: row.currency,
    pricesIncludeTax: row.prices_include_tax === 1,
    orderDiscount: row.order_discount === null ? null : (JSON.parse(row.order_discount) as Discount),
    subtotal: row.subtotal,
    discountTotal: row.discount_total,
    shippingTotal: row.shipping_total,
    shippingTax: row.shipping_tax,
    taxTotal: row.tax_total,
    grandTotal: row.grand_total,
    paidTotal: row.paid_total,
    refundedTotal: row.refunded_total,
    balanceDue: balanceDue(row),
    ships: row.ships === 1,
    shippingMethod: row.shipping_method,
    shippingAmount: row.shipping_amount,
    shippingTaxClass: row.shipping_tax_class,
    shippingAddress: row.shipping_address === null ? null : (JSON.parse(row.shipping_address) as OrderAddress),
    billingAddress: row.billing_address === null ? null : (JSON.parse(row.billing_address) as OrderAddress),
    notes: row.notes,
    promisedDate: row.promised_date,
    holdReason: row.hold_reason,
    placedAt: row.placed_at,
    confirmedAt: row.confirmed_at,
    completedAt: row.completed_at,
    cancelledAt: row.cancelled_at,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    taxes: JSON.parse(row.taxes) as Order['taxes'],
    lines: lines.map((l) => ({
      id: l.id,
      lineNo: l.line_no,
      productId: l.product_id,
      sku: l.sku,
      name: l.name,
      unitPrice: l.unit_price,
      quantity: l.quantity,
      discount: l.discount === null ? null : (JSON.parse(l.discount) as Discount),
      gross: l.gross,
      lineDiscount: l.line_discount,
      orderDiscount: l.order_discount,
      total: l.total,
      tax: l.tax,
      taxClass: l.tax_class,
      rateBasisPoints: l.rate_basis_points,
      reservedQuantity: l.reserved ?? 0,
      fulfilledQuantity: l.fulfilled_quantity,
      returnedQuantity: l.returned_quantity,
    })),
    payments: payments.map((p) => ({
      id: p.id,
      kind: p.kind,
      method: p.method,
      amount: p.amount,
      tendered: p.tendered,
      changeGiven: p.change_given,
      reference: p.reference,
      refundOf: p.refund_of,
      refunded: p.refunded,
      terminal: p.terminal,
      createdBy: p.created_by,
      createdAt: p.created_at,
    })),
  };
}

/**
 * What the customer still owes; negative when the shop owes them (an order edited down
 * after payment). A refund first settles what was paid beyond the total; beyond that it
 * is money given back on purpose (a return, goodwill) and the customer owes nothing for it.
 */
export function balanceDue(row: Pick<OrderRow, 'grand_total' | 'paid_total' | 'refunded_total' | 'status'>): number {
  if (row.status === 'cancelled') return 0;
  const overpaid = Math.max(0, row.paid_total - row.grand_total);
  return row.grand_total - row.paid_total + Math.min(row.refunded_total, overpaid);
}

export function assertCan(row: OrderRow, action: OrderAction): void {
  if (canPerform(action, row.status, row.fulfilment_status)) return;
  const allowed = ORDER_TRANSITIONS[action].from.join(', ');
  throw new AppError(
    'INVALID_STATE',
    `Order ${row.number} is ${row.status} (${row.fulfilment_status}): it cannot ${action} (only from ${allowed})`,
    { id: row.id, status: row.status, fulfilmentStatus: row.fulfilment_status, action },
  );
}

async function defaultWarehouse(ctx: ServiceContext): Promise<string> {
  const row = await ctx.db
    .selectFrom('warehouses')
    .select('id')
    .where('active', '=', 1)
    .orderBy('code')
    .executeTakeFirst();
  if (!row) throw new AppError('INVALID_STATE', 'Add a warehouse before taking orders');
  return row.id;
}

function addressOf(
  kind: 'shipping' | 'billing',
  customer: Awaited<ReturnType<typeof getCustomer>>,
  given: OrderAddress | null | undefined,
  addressId?: string,
): OrderAddress | null {
  if (given) return given;
  const found = addressId
    ? customer.addresses.find((a) => a.id === addressId)
    : (customer.addresses.find((a) => a.kind === kind && a.isDefault) ??
      customer.addresses.find((a) => a.kind === kind));
  if (addressId && !found) {
    throw new AppError('NOT_FOUND', `${customer.name} has no address ${addressId}`, {
      issues: [{ path: 'shipping.addressId', message: 'Not one of this customer’s addresses' }],
    });
  }
  if (!found) return null;
  return {
    kind: found.kind,
    recipient: found.recipient,
    phone: found.phone,
    line1: found.line1,
    line2: found.line2,
    city: found.city,
    region: found.region,
    postalCode: found.postalCode,
    country: found.country,
  };
}

/** Prices the order and writes its header fields and lines (not its reservations). */
async function priceAndWrite(
  ctx: ServiceContext,
  orderId: string,
  input: OrderInput,
  existing: OrderRow | null,
): Promise<{ number: string; total: number }> {
  const settings = await getSettings(ctx);
  const customer = await getCustomer(ctx, input.customerId);
  if (!customer.active) {
    throw new AppError('INVALID_STATE', `${customer.name} is deactivated`, {
      issues: [{ path: 'customerId', message: 'Deactivated' }],
    });
  }
  const quote = await quoteOrder(
    ctx,
    {
      lines: input.lines.map((l) => ({
        productId: l.productId,
        quantity: l.quantity,
        discount: l.discount ?? undefined,
        kept: l.kept,
      })),
      orderDiscount: input.orderDiscount ?? undefined,
      shipping: input.shipping ? { amount: input.shipping.amount, taxClass: input.shipping.taxClass } : undefined,
    },
    settings,
  );
  const shippingAddress = input.shipping
    ? addressOf('shipping', customer, input.shipping.address, input.shipping.addressId)
    : null;
  const billingAddress = addressOf('billing', customer, input.billingAddress);
  const warehouseId = input.warehouseId ?? existing?.warehouse_id ?? (await defaultWarehouse(ctx));
  const now = nowIso();
  const header = {
    customer_id: customer.id,
    customer_name: customer.name,
    customer_phone_tail: customer.phone.replace(/\D/g, '').slice(-8),
    warehouse_id: warehouseId,
    currency: quote.currency,
    prices_include_tax: quote.pricesIncludeTax ? 1 : 0,
    rounding: settings.rounding,
    order_discount: input.orderDiscount ? JSON.stringify(input.orderDiscount) : null,
    subtotal: quote.subtotal,
    discount_total: quote.discountTotal,
    shipping_total: quote.shipping.total,
    shipping_tax: quote.shipping.tax,
    tax_total: quote.taxTotal,
    grand_total: quote.grandTotal,
    taxes: JSON.stringify(quote.taxes),
    ships: input.shipping ? 1 : 0,
    shipping_method: input.shipping?.method ?? '',
    shipping_amount: input.shipping?.amount ?? 0,
    shipping_tax_class: input.shipping?.taxClass ?? 'standard',
    shipping_address: shippingAddress ? JSON.stringify(shippingAddress) : null,
    billing_address: billingAddress ? JSON.stringify(billingAddress) : null,
    notes: input.notes,
    promised_date: input.promisedDate ?? null,
    updated_at: now,
  };
  if (existing) {
    await ctx.db
      .updateTable('orders')
      .set({
        ...header,
        payment_status: paymentStatusOf(header.grand_total, existing.paid_total, existing.refunded_total),
        // A service chosen from the rates no longer holds once the method is changed by hand.
        ...(header.shipping_method !== existing.shipping_method ? { carrier_service_id: null } : {}),
      })
      .where('id', '=', orderId)
      .execute();
    await ctx.db.deleteFrom('order_lines').where('order_id', '=', orderId).execute();
  }
  const number = existing?.number ?? (await nextDocumentNumber(ctx, 'SO', settings.terminalCode));
  if (!existing) {
    const terminal = settings.terminalCode;
    await ctx.db
      .insertInto('orders')
      .values({
        ...header,
        id: orderId,
        number,
        channel: input.channel,
        source: '',
        terminal,
        status: 'draft',
        payment_status: paymentStatusOf(header.grand_total, 0, 0),
        fulfilment_status: 'unfulfilled',
        placed_at: now,
        created_by: ctx.actor?.id ?? null,
        created_at: now,
      })
      .execute();
  }
  const lineIds = input.lines.map((l) => l.id ?? newId());
  await ctx.db
    .insertInto('order_lines')
    .values(
      quote.lines.map((q, i) => ({
        id: lineIds[i],
        order_id: orderId,
        line_no: i + 1,
        product_id: q.productId,
        sku: q.sku,
        name: q.name,
        unit_price: q.unitPrice,
        quantity: q.quantity,
        discount: input.lines[i].discount ? JSON.stringify(input.lines[i].discount) : null,
        gross: q.gross,
        line_discount: q.lineDiscount,
        order_discount: q.orderDiscount,
        total: q.total,
        tax: q.tax,
        tax_class: q.taxClass,
        rate_basis_points: q.rateBasisPoints,
        reservation_id: null,
      })),
    )
    .execute();
  return { number, total: quote.grandTotal };
}

/** Holds stock for every line of an order that has none held yet. */
async function reserveLines(ctx: ServiceContext, order: OrderRow): Promise<void> {
  const lines = await ctx.db
    .selectFrom('order_lines')
    .select(['id', 'product_id', 'quantity', 'reservation_id'])
    .where('order_id', '=', order.id)
    .orderBy('line_no')
    .execute();
  const toHold = lines.filter(
    (l): l is typeof l & { product_id: string } => !l.reservation_id && l.product_id !== null,
  );
  if (toHold.length === 0) return;
  const warehouseId = order.warehouse_id ?? (await defaultWarehouse(ctx));
  const reservationIds = await reserveStocks(
    ctx,
    toHold.map((line) => ({
      productId: line.product_id,
      warehouseId,
      quantity: line.quantity,
      referenceType: 'order',
      referenceId: order.id,
    })),
  );
  await ctx.db
    .updateTable('order_lines')
    .set((eb) => {
      let reservationOf = eb.case().when('id', '=', toHold[0]!.id).then(reservationIds[0]!);
      for (const [i, line] of toHold.entries()) {
        if (i > 0) reservationOf = reservationOf.when('id', '=', line.id).then(reservationIds[i]!);
      }
      return { reservation_id: reservationOf.else(null).end() };
    })
    .where(
      'id',
      'in',
      toHold.map((l) => l.id),
    )
    .execute();
}

/** Lets go of every unit still held for an order. */
export async function releaseOrderStock(ctx: ServiceContext, orderId: string): Promise<void> {
  const held = await ctx.db
    .selectFrom('order_lines')
    .innerJoin('stock_reservations', 'stock_reservations.id', 'order_lines.reservation_id')
    .select('stock_reservations.id as id')
    .where('order_lines.order_id', '=', orderId)
    .where('stock_reservations.status', '=', 'open')
    .execute();
  for (const { id } of held) await settleReservation(ctx, { id, as: 'release' });
}

function assertShippable(row: OrderRow): void {
  if (row.ships === 1 && row.shipping_address === null) {
    throw new AppError('VALIDATION', `Order ${row.number} ships: it needs a shipping address`, {
      issues: [{ path: 'shipping.address', message: 'Required for an order that ships' }],
    });
  }
}

/**
 * Writes a new order, as a draft or confirmed at once (its stock then held), and returns
 * its id and total. Callers that go on working on it (a counter sale, an exchange) read
 * it once at the end rather than after each step.
 */
export async function placeOrder(
  ctx: ServiceContext,
  input: OrderInput & { confirm?: boolean },
): Promise<{ id: string; total: number }> {
  const id = newId();
  const { number, total } = await priceAndWrite(ctx, id, input, null);
  await recordOrderEvent(ctx, id, 'created', { number, channel: input.channel, total });
  if (input.confirm) await markConfirmed(ctx, id);
  return { id, total };
}

export async function createOrder(ctx: ServiceContext, input: OrderInput & { confirm?: boolean }): Promise<Order> {
  return getOrder(ctx, (await placeOrder(ctx, input)).id);
}

async function markConfirmed(ctx: ServiceContext, id: string): Promise<void> {
  const row = await orderRow(ctx, id);
  assertCan(row, 'confirm');
  assertShippable(row);
  await reserveLines(ctx, row);
  const now = nowIso();
  await ctx.db
    .updateTable('orders')
    .set({ status: 'confirmed', confirmed_at: now, updated_at: now })
    .where('id', '=', id)
    .execute();
  await recordOrderEvent(ctx, id, 'confirmed');
}

export async function confirmOrder(ctx: ServiceContext, id: string): Promise<Order> {
  await markConfirmed(ctx, id);
  return getOrder(ctx, id);
}

/**
 * Changes an order. A draft is simply rewritten. A confirmed order (before picking) keeps
 * the reservations of the lines it keeps and changes each by the difference; new lines
 * reserve, removed lines release. Fields not given stay as they were.
 */
export async function updateOrder(
  ctx: ServiceContext,
  id: string,
  change: Partial<Omit<OrderInput, 'channel'>>,
): Promise<Order> {
  const row = await orderRow(ctx, id);
  assertCan(row, 'edit');
  const current = await getOrder(ctx, id);
  const held = row.status !== 'draft';
  if (held && change.warehouseId && change.warehouseId !== row.warehouse_id) {
    throw new AppError('INVALID_STATE', 'Stock is already held in another warehouse: cancel and re-enter the order', {
      issues: [{ path: 'warehouseId', message: 'Fixed once confirmed' }],
    });
  }
  const lines: OrderLineInput[] =
    change.lines ??
    current.lines.map((l) => ({ id: l.id, productId: l.productId ?? '', quantity: l.quantity, discount: l.discount }));
  const before = new Map(
    (
      await ctx.db
        .selectFrom('order_lines')
        .select(['id', 'product_id', 'quantity', 'reservation_id', 'sku', 'name', 'unit_price', 'tax_class'])
        .select('rate_basis_points')
        .where('order_id', '=', id)
        .execute()
    ).map((l) => [l.id, l]),
  );
  for (const [i, line] of lines.entries()) {
    const old = line.id ? before.get(line.id) : undefined;
    if (line.id && (!old || old.product_id !== line.productId)) {
      throw new AppError('VALIDATION', 'A line id must be one of this order’s lines, with the same product', {
        issues: [{ path: `lines.${i}.id`, message: 'Not a line of this order' }],
      });
    }
  }
  const priced = lines.map((line) => {
    const old = line.id ? before.get(line.id) : undefined;
    return old
      ? {
          ...line,
          kept: {
            sku: old.sku,
            name: old.name,
            unitPrice: old.unit_price,
            taxClass: old.tax_class,
            rateBasisPoints: old.rate_basis_points,
          },
        }
      : line;
  });
  const shipping: ShippingInput | null | undefined =
    change.shipping !== undefined
      ? change.shipping
      : current.ships
        ? {
            method: current.shippingMethod,
            amount: current.shippingAmount,
            taxClass: current.shippingTaxClass,
            address: current.shippingAddress ?? undefined,
          }
        : null;
  await priceAndWrite(
    ctx,
    id,
    {
      channel: row.channel,
      customerId: change.customerId ?? row.customer_id,
      warehouseId: change.warehouseId ?? row.warehouse_id ?? undefined,
      lines: priced,
      orderDiscount: change.orderDiscount !== undefined ? change.orderDiscount : current.orderDiscount,
      shipping,
      billingAddress: change.billingAddress !== undefined ? change.billingAddress : current.billingAddress,
      notes: change.notes ?? row.notes,
      promisedDate: change.promisedDate !== undefined ? change.promisedDate : row.promised_date,
    },
    row,
  );
  const changes: Array<{ sku?: string; from: number; to: number }> = [];
  if (held) {
    const kept = new Set<string>();
    for (const line of lines) {
      const old = line.id ? before.get(line.id) : undefined;
      if (!old?.reservation_id) continue;
      kept.add(old.id);
      const difference = line.quantity - old.quantity;
      if (difference > 0) await extendReservation(ctx, { id: old.reservation_id, quantity: difference });
      if (difference < 0) {
        await settleReservation(ctx, { id: old.reservation_id, quantity: -difference, as: 'release' });
      }
      await ctx.db
        .updateTable('order_lines')
        .set({ reservation_id: old.reservation_id })
        .where('id', '=', old.id)
        .execute();
      if (difference !== 0) changes.push({ from: old.quantity, to: line.quantity });
    }
    for (const old of before.values()) {
      if (kept.has(old.id) || !old.reservation_id) continue;
      const reservation = await ctx.db
        .selectFrom('stock_reservations')
        .select('status')
        .where('id', '=', old.reservation_id)
        .executeTakeFirstOrThrow();
      if (reservation.status === 'open') await settleReservation(ctx, { id: old.reservation_id, as: 'release' });
    }
    const updated = await orderRow(ctx, id);
    assertShippable(updated);
    await reserveLines(ctx, updated);
  }
  const after = await orderRow(ctx, id);
  await recordOrderEvent(ctx, id, 'edited', {
    totalFrom: row.grand_total,
    totalTo: after.grand_total,
    lines: lines.length,
    ...(changes.length > 0 ? { quantities: changes } : {}),
  });
  return getOrder(ctx, id);
}

export async function holdOrder(ctx: ServiceContext, id: string, reason: string): Promise<Order> {
  const row = await orderRow(ctx, id);
  assertCan(row, 'hold');
  await ctx.db
    .updateTable('orders')
    .set({ status: 'on_hold', hold_reason: reason, updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
  await recordOrderEvent(ctx, id, 'held', { reason });
  return getOrder(ctx, id);
}

export async function releaseHold(ctx: ServiceContext, id: string): Promise<Order> {
  const row = await orderRow(ctx, id);
  assertCan(row, 'release');
  await ctx.db
    .updateTable('orders')
    .set({ status: 'confirmed', hold_reason: '', updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
  await recordOrderEvent(ctx, id, 'released');
  return getOrder(ctx, id);
}

/**
 * Hands the goods over (a counter sale, a pickup): the held stock leaves the shelves and
 * the order is complete. It must be paid in full first.
 */
export async function handOver(ctx: ServiceContext, id: string): Promise<void> {
  const row = await orderRow(ctx, id);
  assertCan(row, 'complete');
  const due = balanceDue(row);
  if (due > 0) {
    throw new AppError('INVALID_STATE', `Order ${row.number} still has ${due} (minor units) to pay`, {
      id,
      balanceDue: due,
    });
  }
  const lines = await ctx.db
    .selectFrom('order_lines')
    .leftJoin('stock_reservations', 'stock_reservations.id', 'order_lines.reservation_id')
    .select(['order_lines.id as id', 'order_lines.quantity as quantity', 'stock_reservations.id as reservationId'])
    .select('stock_reservations.status as reservationStatus')
    .where('order_lines.order_id', '=', id)
    .execute();
  for (const line of lines) {
    if (line.reservationId && line.reservationStatus === 'open') {
      await settleReservation(ctx, { id: line.reservationId, as: 'consume' });
    }
    await ctx.db
      .updateTable('order_lines')
      .set({ fulfilled_quantity: line.quantity })
      .where('id', '=', line.id)
      .execute();
  }
  const now = nowIso();
  await ctx.db
    .updateTable('orders')
    .set({ status: 'completed', fulfilment_status: 'delivered', completed_at: now, updated_at: now })
    .where('id', '=', id)
    .execute();
  await recordOrderEvent(ctx, id, 'completed');
}

export async function completeOrder(ctx: ServiceContext, id: string): Promise<Order> {
  await handOver(ctx, id);
  return getOrder(ctx, id);
}
