import { describe, expect, it } from 'vitest';
import type { Client } from '../../src/shared/client';
import { WALK_IN_CUSTOMER_ID } from '../../src/shared/domain/customers';
import { product, warehouseWithBins } from '../helpers/shop';
import { failure, startTestApp } from '../helpers/test-app';

const ADDRESS = {
  kind: 'shipping' as const,
  recipient: '王芳',
  phone: '13800138000',
  line1: '南京西路 88 号',
  city: '上海',
  country: 'CN',
};

/** A shop with one warehouse, a tea at 10.00 (13 % VAT inside) and a cup at 25.00, 20 of each in stock. */
async function shop() {
  const app = await startTestApp();
  const { client } = await app.setUpOwner();
  await client.settings.update({ terminalCode: 'T1' });
  const main = await warehouseWithBins(client);
  const tea = await product(client, { unitPrice: 1000 });
  const cup = await product(client, { unitPrice: 2500 });
  for (const p of [tea, cup]) await client.stock.receive({ productId: p.id, warehouseId: main.id, quantity: 20 });
  return { app, client, main, tea, cup };
}

async function reserved(client: Client, productId: string): Promise<number> {
  return (await client.stock.levels({ productId })).reduce((sum, l) => sum + l.reserved, 0);
}

async function onHand(client: Client, productId: string): Promise<number> {
  return (await client.stock.levels({ productId })).reduce((sum, l) => sum + l.onHand, 0);
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
}

describe('orders', () => {
  it('numbers orders per till and day, prices them on the server, and holds stock on confirm', async () => {
    const { client, tea, cup } = await shop();
    const draft = await client.orders.create({
      lines: [
        { productId: tea.id, quantity: 3 },
        { productId: cup.id, quantity: 1, discount: { kind: 'percent', basisPoints: 1000 } },
      ],
    });
    expect(draft.number).toBe(`SO-${today()}-T1-0001`);
    expect(draft).toMatchObject({
      status: 'draft',
      paymentStatus: 'unpaid',
      fulfilmentStatus: 'unfulfilled',
      customerId: WALK_IN_CUSTOMER_ID,
      subtotal: 5500,
      discountTotal: 250,
      grandTotal: 5250,
      balanceDue: 5250,
    });
    expect(draft.lines.map((l) => [l.quantity, l.total, l.reservedQuantity])).toEqual([
      [3, 3000, 0],
      [1, 2250, 0],
    ]);
    expect(await reserved(client, tea.id)).toBe(0);

    const confirmed = await client.orders.confirm({ id: draft.number });
    expect(confirmed.status).toBe('confirmed');
    expect(confirmed.lines.map((l) => l.reservedQuantity)).toEqual([3, 1]);
    expect(await reserved(client, tea.id)).toBe(3);
    const second = await client.orders.create({ lines: [{ productId: tea.id, quantity: 1 }] });
    expect(second.number).toBe(`SO-${today()}-T1-0002`);
  });

  it('refuses an order short of stock or without a shipping address, and writes nothing', async () => {
    const { client, tea, cup } = await shop();
    const short = await failure(
      client.orders.create({
        confirm: true,
        lines: [
          { productId: cup.id, quantity: 2 },
          { productId: tea.id, quantity: 21 },
        ],
      }),
    );
    expect(short.code).toBe('INSUFFICIENT_STOCK');
    expect(short.details).toMatchObject({ productId: tea.id, asked: 21, available: 20 });
    const noAddress = await failure(
      client.orders.create({
        confirm: true,
        lines: [{ productId: cup.id, quantity: 1 }],
        shipping: { method: 'SF Express', amount: 1200 },
      }),
    );
    expect(noAddress.code).toBe('VALIDATION');
    expect(noAddress.details).toMatchObject({ issues: [{ path: 'shipping.address' }] });
    expect((await client.orders.list({})).total).toBe(0);
    expect(await reserved(client, cup.id)).toBe(0);
  });

  it('ships to the customer’s default address, with shipping priced and taxed', async () => {
    const { client, tea } = await shop();
    const { customer } = await client.customers.create({ name: '王芳', phone: '138 0013 8000', addresses: [ADDRESS] });
    const order = await client.orders.create({
      channel: 'phone',
      customerId: customer.id,
      confirm: true,
      promisedDate: '2026-12-01',
      lines: [{ productId: tea.id, quantity: 2 }],
      shipping: { method: 'SF Express', amount: 1130 },
    });
    expect(order).toMatchObject({
      status: 'confirmed',
      ships: true,
      shippingTotal: 1130,
      shippingTax: 130,
      grandTotal: 3130,
      promisedDate: '2026-12-01',
      customerName: '王芳',
    });
    expect(order.shippingAddress).toMatchObject({ recipient: '王芳', city: '上海' });
    expect((await client.orders.list({ q: '+86 13800138000' })).rows.map((r) => r.id)).toEqual([order.id]);
  });

  it('changes the held stock by the difference when a confirmed order is edited', async () => {
    const { client, tea, cup } = await shop();
    const order = await client.orders.create({
      confirm: true,
      lines: [
        { productId: tea.id, quantity: 5 },
        { productId: cup.id, quantity: 2 },
      ],
    });
    const [teaLine] = order.lines;
    const edited = await client.orders.update({
      id: order.id,
      lines: [
        { id: teaLine.id, productId: tea.id, quantity: 8 },
        { productId: cup.id, quantity: 1 },
      ],
    });
    expect(edited.lines.map((l) => [l.quantity, l.reservedQuantity])).toEqual([
      [8, 8],
      [1, 1],
    ]);
    expect(edited.lines[0].id).toBe(teaLine.id);
    expect(await reserved(client, tea.id)).toBe(8);
    expect(await reserved(client, cup.id)).toBe(1);
    const smaller = await client.orders.update({
      id: order.id,
      lines: [{ id: teaLine.id, productId: tea.id, quantity: 2 }],
    });
    expect(smaller.grandTotal).toBe(2000);
    expect(await reserved(client, tea.id)).toBe(2);
    expect(await reserved(client, cup.id)).toBe(0);
    const tooMany = await failure(
      client.orders.update({ id: order.id, lines: [{ id: teaLine.id, productId: tea.id, quantity: 30 }] }),
    );
    expect(tooMany.code).toBe('INSUFFICIENT_STOCK');
    expect(await reserved(client, tea.id)).toBe(2);
    expect(await client.stock.verify({})).toMatchObject({ binDriftCount: 0, summaryDriftCount: 0 });
  });

  it('takes cash with change, needs a card reference, refuses paying more than is due', async () => {
    const { client, tea } = await shop();
    const order = await client.orders.create({ confirm: true, lines: [{ productId: tea.id, quantity: 3 }] });
    const noReference = await failure(client.orders.pay({ id: order.id, method: 'card', amount: 1000 }));
    expect(noReference.details).toMatchObject({ issues: [{ path: 'reference' }] });
    const card = await client.orders.pay({ id: order.id, method: 'card', amount: 1000, reference: 'T-88812' });
    expect(card).toMatchObject({ paymentStatus: 'partially_paid', balanceDue: 2000 });
    const over = await failure(client.orders.pay({ id: order.id, method: 'transfer', amount: 2001 }));
    expect(over.details).toMatchObject({ issues: [{ path: 'amount', message: 'At most 2000' }] });
    const paid = await client.orders.pay({ id: order.id, method: 'cash', amount: 2000, tendered: 5000 });
    expect(paid).toMatchObject({ paymentStatus: 'paid', balanceDue: 0 });
    expect(paid.payments.map((p) => [p.method, p.amount, p.changeGiven, p.reference])).toEqual([
      ['card', 1000, 0, 'T-88812'],
      ['cash', 2000, 3000, ''],
    ]);
    const done = await client.orders.complete({ id: order.id });
    expect(done).toMatchObject({ status: 'completed', fulfilmentStatus: 'delivered' });
    expect(await onHand(client, tea.id)).toBe(17);
    expect(await reserved(client, tea.id)).toBe(0);
  });

  it('sells at the counter in one step with split tender, and rolls back a wrong tender whole', async () => {
    const { client, tea, cup } = await shop();
    const wrong = await failure(
      client.orders.checkout({
        lines: [{ productId: cup.id, quantity: 2 }],
        tenders: [
          { method: 'cash', amount: 3000, tendered: 3000 },
          { method: 'card', amount: 2000 },
        ],
      }),
    );
    expect(wrong.details).toMatchObject({ issues: [{ path: 'tenders.1.reference' }] });
    expect((await client.orders.list({})).total).toBe(0);
    expect(await reserved(client, cup.id)).toBe(0);

    const sale = await client.orders.checkout({
      lines: [
        { productId: cup.id, quantity: 2 },
        { productId: tea.id, quantity: 1 },
      ],
      tenders: [
        { method: 'cash', amount: 3000, tendered: 5000 },
        { method: 'card', amount: 3000, reference: 'POS 7731' },
      ],
    });
    expect(sale).toMatchObject({ channel: 'counter', status: 'completed', paymentStatus: 'paid', grandTotal: 6000 });
    expect(sale.payments.find((p) => p.method === 'cash')?.changeGiven).toBe(2000);
    expect(await onHand(client, cup.id)).toBe(18);
    const short = await failure(
      client.orders.checkout({
        lines: [{ productId: tea.id, quantity: 1 }],
        tenders: [{ method: 'cash', amount: 900 }],
      }),
    );
    expect(short.details).toMatchObject({ issues: [{ path: 'tenders' }], total: 1000, tendered: 900 });
    const free = await client.orders.checkout({
      lines: [{ productId: tea.id, quantity: 1, discount: { kind: 'percent', basisPoints: 10_000 } }],
    });
    expect(free).toMatchObject({ status: 'completed', grandTotal: 0, paymentStatus: 'paid', payments: [] });
  });

  it('cancels: releases the held stock and refunds what was paid, to the original method or as store credit', async () => {
    const { client, tea } = await shop();
    const { customer } = await client.customers.create({ name: 'Li Ming' });
    const order = await client.orders.create({
      customerId: customer.id,
      confirm: true,
      lines: [{ productId: tea.id, quantity: 4 }],
    });
    await client.orders.pay({ id: order.id, method: 'cash', amount: 1500 });
    await client.orders.pay({ id: order.id, method: 'transfer', amount: 1000, reference: 'ICBC 0042' });
    const cancelled = await client.orders.cancel({ id: order.id, reason: 'Changed mind' });
    expect(cancelled).toMatchObject({ status: 'cancelled', paymentStatus: 'refunded', refundedTotal: 2500 });
    expect(cancelled.payments.filter((p) => p.kind === 'refund').map((p) => [p.method, p.amount])).toEqual([
      ['transfer', 1000],
      ['cash', 1500],
    ]);
    expect(await reserved(client, tea.id)).toBe(0);
    expect((await failure(client.orders.confirm({ id: order.id }))).code).toBe('INVALID_STATE');

    const second = await client.orders.create({ customerId: customer.id, lines: [{ productId: tea.id, quantity: 2 }] });
    await client.orders.pay({ id: second.id, method: 'cash', amount: 2000 });
    await client.orders.cancel({ id: second.id, refundTo: 'store_credit' });
    const third = await client.orders.create({ customerId: customer.id, lines: [{ productId: tea.id, quantity: 3 }] });
    const tooMuch = await failure(client.orders.pay({ id: third.id, method: 'store_credit', amount: 2001 }));
    expect(tooMuch.details).toMatchObject({ issues: [{ path: 'amount' }] });
    const withCredit = await client.orders.pay({ id: third.id, method: 'store_credit', amount: 2000 });
    expect(withCredit).toMatchObject({ paymentStatus: 'partially_paid', balanceDue: 1000 });
    const credit = await client.customers.storeCredit({ id: customer.id });
    expect(credit.balance).toBe(0);
    expect(credit.entries.map((e) => [e.amount, e.orderNumber])).toEqual([
      [-2000, third.number],
      [2000, second.number],
    ]);
  });

  it('refunds part of a payment, by managers only', async () => {
    const { client, app, tea } = await shop();
    const order = await client.orders.checkout({
      lines: [{ productId: tea.id, quantity: 2 }],
      tenders: [{ method: 'card', amount: 2000, reference: 'A1' }],
    });
    await client.users.create({ username: 'clerk', displayName: 'Clerk', role: 'clerk', secret: '2468' });
    const { client: clerk } = await app.signIn('clerk', '2468');
    expect((await failure(clerk.orders.refund({ id: order.id, amount: 500, reason: 'Dented' }))).code).toBe(
      'FORBIDDEN',
    );
    const refunded = await client.orders.refund({ id: order.id, amount: 500, reason: 'Dented' });
    expect(refunded).toMatchObject({ paymentStatus: 'partially_refunded', refundedTotal: 500 });
    const tooMuch = await failure(client.orders.refund({ id: order.id, amount: 1501, reason: 'x' }));
    expect(tooMuch.details).toMatchObject({ issues: [{ path: 'amount', message: 'At most 1500' }] });
    // Money given back on purpose is not owed again.
    expect((await client.orders.get({ id: order.id })).balanceDue).toBe(0);
  });

  it('keeps the price a line was sold at when the order is edited later, even if the product is archived since', async () => {
    const { client, tea, cup } = await shop();
    const order = await client.orders.create({ confirm: true, lines: [{ productId: tea.id, quantity: 2 }] });
    await client.orders.pay({ id: order.id, method: 'cash', amount: 2000 });
    await client.products.update({ id: tea.id, unitPrice: 1200 });
    const noted = await client.orders.update({ id: order.id, notes: 'Gift wrap' });
    expect(noted).toMatchObject({ grandTotal: 2000, balanceDue: 0, paymentStatus: 'paid' });
    await client.products.update({ id: tea.id, status: 'archived' });
    const more = await client.orders.update({
      id: order.id,
      lines: [
        { id: order.lines[0].id, productId: tea.id, quantity: 2 },
        { productId: cup.id, quantity: 1 },
      ],
    });
    expect(more.lines.map((l) => [l.sku, l.unitPrice, l.total])).toEqual([
      [tea.sku, 1000, 2000],
      [cup.sku, 2500, 2500],
    ]);
    expect(more.balanceDue).toBe(2500);
    // An archived product can stay on an order, but no more of it can be held.
    const moreTea = await failure(
      client.orders.update({ id: order.id, lines: [{ id: order.lines[0].id, productId: tea.id, quantity: 3 }] }),
    );
    expect(moreTea.code).toBe('INVALID_STATE');
    // Edited below what was paid: the shop owes the difference until it is refunded.
    const less = await client.orders.update({
      id: order.id,
      lines: [{ id: order.lines[0].id, productId: tea.id, quantity: 1 }],
    });
    expect(less).toMatchObject({ grandTotal: 1000, balanceDue: -1000 });
    const settled = await client.orders.refund({ id: order.id, amount: 1000, reason: 'One tin less' });
    expect(settled.balanceDue).toBe(0);
  });

  it('lets only a manager cancel a paid order, since cancelling pays the money back', async () => {
    const { client, app, tea } = await shop();
    await client.users.create({ username: 'clerk', displayName: 'Clerk', role: 'clerk', secret: '2468' });
    const { client: clerk } = await app.signIn('clerk', '2468');
    const unpaid = await clerk.orders.create({ confirm: true, lines: [{ productId: tea.id, quantity: 1 }] });
    expect((await clerk.orders.cancel({ id: unpaid.id })).status).toBe('cancelled');
    const paid = await clerk.orders.create({ confirm: true, lines: [{ productId: tea.id, quantity: 2 }] });
    await clerk.orders.pay({ id: paid.id, method: 'cash', amount: 2000 });
    const refused = await failure(clerk.orders.cancel({ id: paid.id, refundTo: 'original' }));
    expect(refused.code).toBe('FORBIDDEN');
    expect(await client.orders.get({ id: paid.id })).toMatchObject({ status: 'confirmed', refundedTotal: 0 });
    expect(await reserved(client, tea.id)).toBe(2);
    expect((await client.orders.cancel({ id: paid.id })).paymentStatus).toBe('refunded');
  });

  it('limits a clerk’s discounts to the shop’s setting; a manager may give more', async () => {
    const { client, app, tea } = await shop();
    await client.settings.update({ clerkDiscountLimitBasisPoints: 1000 });
    await client.users.create({ username: 'clerk', displayName: 'Clerk', role: 'clerk', secret: '2468' });
    const { client: clerk } = await app.signIn('clerk', '2468');
    const line = { productId: tea.id, quantity: 2 };
    await clerk.orders.create({ lines: [{ ...line, discount: { kind: 'percent', basisPoints: 1000 } }] });
    const overLine = await failure(
      clerk.orders.create({ lines: [{ ...line, discount: { kind: 'amount', amount: 201 } }] }),
    );
    expect(overLine.code).toBe('FORBIDDEN');
    expect(overLine.details).toMatchObject({ issues: [{ path: 'lines.0.discount' }] });
    const overOrder = await failure(
      clerk.orders.create({ lines: [line], orderDiscount: { kind: 'percent', basisPoints: 1500 } }),
    );
    expect(overOrder.details).toMatchObject({ issues: [{ path: 'orderDiscount' }] });
    const whileTyping = await failure(
      clerk.orders.quote({ lines: [{ ...line, discount: { kind: 'percent', basisPoints: 1500 } }] }),
    );
    expect(whileTyping.code).toBe('FORBIDDEN');
    const manager = await client.orders.create({
      lines: [line],
      orderDiscount: { kind: 'percent', basisPoints: 5000 },
    });
    expect(manager.grandTotal).toBe(1000);
  });

  it('keeps a timeline naming who did what, and moves only along the state machine', async () => {
    const { client, tea } = await shop();
    const order = await client.orders.create({ confirm: true, lines: [{ productId: tea.id, quantity: 1 }] });
    await client.orders.hold({ id: order.id, reason: 'Address check' });
    expect((await failure(client.orders.complete({ id: order.id }))).code).toBe('INVALID_STATE');
    await client.orders.release({ id: order.id });
    expect((await failure(client.orders.complete({ id: order.id }))).details).toMatchObject({ balanceDue: 1000 });
    await client.orders.pay({ id: order.id, method: 'cash', amount: 1000 });
    await client.orders.complete({ id: order.id });
    expect((await failure(client.orders.cancel({ id: order.id }))).code).toBe('INVALID_STATE');
    expect((await failure(client.orders.update({ id: order.id, notes: 'late' }))).code).toBe('INVALID_STATE');
    const timeline = await client.orders.timeline({ id: order.number });
    expect(timeline.map((e) => [e.kind, e.userName])).toEqual([
      ['created', 'Boss'],
      ['confirmed', 'Boss'],
      ['held', 'Boss'],
      ['released', 'Boss'],
      ['payment', 'Boss'],
      ['completed', 'Boss'],
    ]);
    expect(timeline[2].details).toEqual({ reason: 'Address check' });
  });

  it('cashes up a till: float plus cash sales less cash refunds, against what was counted', async () => {
    const { client, tea } = await shop();
    const sale = await client.orders.checkout({
      lines: [{ productId: tea.id, quantity: 3 }],
      tenders: [{ method: 'cash', amount: 3000, tendered: 5000 }],
    });
    await client.orders.checkout({
      lines: [{ productId: tea.id, quantity: 1 }],
      tenders: [{ method: 'card', amount: 1000, reference: 'P1' }],
    });
    await client.orders.refund({ id: sale.id, amount: 1000, reason: 'One returned' });
    const figures = await client.cashUps.figures({});
    expect(figures).toMatchObject({ terminal: 'T1', businessDay: today(), cashSales: 3000, cashRefunds: 1000 });
    const closed = await client.cashUps.record({ openingFloat: 20000, counted: 21950, note: 'Short 0.50' });
    expect(closed.recorded).toMatchObject({ expected: 22000, counted: 21950, difference: -50 });
    expect((await failure(client.cashUps.record({ openingFloat: 0, counted: 0 }))).code).toBe('CONFLICT');
  });
});
