import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { returnShare } from '../../src/main/services/returns/refund-share';
import type { Client } from '../../src/shared/client';
import { bin, product, warehouseWithBins } from '../helpers/shop';
import { failure, startTestApp } from '../helpers/test-app';

async function shop() {
  const app = await startTestApp();
  const { client } = await app.setUpOwner();
  const main = await warehouseWithBins(client);
  const tea = await product(client, { unitPrice: 1000 });
  const cup = await product(client, { unitPrice: 2500 });
  for (const p of [tea, cup]) await client.stock.receive({ productId: p.id, warehouseId: main.id, quantity: 20 });
  return { app, client, main, tea, cup };
}

async function onHandIn(client: Client, productId: string, locationId: string): Promise<number> {
  return (await client.stock.levels({ productId })).find((l) => l.locationId === locationId)?.onHand ?? 0;
}

describe('refund shares', () => {
  it('add up to exactly what the line was charged, however the units come back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 20 }),
        (quantity, total, taxRaw, chunks) => {
          const line = { quantity, total, tax: Math.min(taxRaw, total) };
          let before = 0;
          let amount = 0;
          let tax = 0;
          for (const chunk of chunks) {
            const units = Math.min(chunk, quantity - before);
            if (units === 0) break;
            const share = returnShare(line, before, units);
            expect(share.amount).toBeGreaterThanOrEqual(0);
            expect(share.tax).toBeLessThanOrEqual(share.amount);
            amount += share.amount;
            tax += share.tax;
            before += units;
          }
          const rest = returnShare(line, before, quantity - before);
          expect(amount + rest.amount).toBe(total);
          expect(tax + rest.tax).toBe(line.tax);
        },
      ),
    );
  });
});

describe('returns', () => {
  it('goes request → received → inspected → restocked → refunded, with the tax share, stock back and the order told', async () => {
    const { client, main, tea } = await shop();
    const sale = await client.orders.checkout({
      lines: [{ productId: tea.id, quantity: 3 }],
      tenders: [{ method: 'cash', amount: 3000, tendered: 3000 }],
    });
    const [line] = sale.lines;
    expect(line.tax).toBe(345);
    const rma = await client.returns.request({
      lines: [{ orderLineId: line.id, quantity: 1, reason: 'damaged' }],
      note: 'Box crushed',
    });
    expect(rma.number).toMatch(/^RMA-\d{8}-[A-Z0-9]{1,4}-0001$/);
    expect(rma).toMatchObject({ status: 'requested', linesTotal: 1000, linesTax: 115 });
    const tooMany = await failure(
      client.returns.request({ lines: [{ orderLineId: line.id, quantity: 3, reason: 'unwanted' }] }),
    );
    expect(tooMany.details).toMatchObject({ issues: [{ path: 'lines.0.quantity', message: 'At most 2' }] });
    expect((await failure(client.returns.refund({ id: rma.id }))).code).toBe('INVALID_STATE');

    await client.returns.receive({ id: rma.number });
    const inspected = await client.returns.inspect({
      id: rma.id,
      lines: [{ id: rma.lines[0].id, condition: 'resellable', note: 'Only the box' }],
    });
    expect(inspected.status).toBe('inspected');
    const noBin = await failure(
      client.returns.process({ id: rma.id, lines: [{ id: rma.lines[0].id, disposition: 'restock' }] }),
    );
    expect(noBin.details).toMatchObject({ issues: [{ path: 'lines.0.locationId' }] });
    const before = await onHandIn(client, tea.id, bin(main, 'B-01'));
    await client.returns.process({
      id: rma.id,
      lines: [{ id: rma.lines[0].id, disposition: 'restock', locationId: bin(main, 'B-01') }],
    });
    expect(await onHandIn(client, tea.id, bin(main, 'B-01'))).toBe(before + 1);
    const refunded = await client.returns.refund({ id: rma.id });
    expect(refunded).toMatchObject({ status: 'refunded', refundTotal: 1000, refundTax: 115, refundTo: 'original' });

    const order = await client.orders.get({ id: sale.id });
    expect(order).toMatchObject({ paymentStatus: 'partially_refunded', refundedTotal: 1000 });
    expect(order.lines[0].returnedQuantity).toBe(1);
    expect(order.payments.at(-1)).toMatchObject({ kind: 'refund', method: 'cash', amount: 1000 });
    const kinds = (await client.orders.timeline({ id: sale.id })).map((e) => e.kind);
    expect(kinds.slice(-6)).toEqual([
      'return_requested',
      'return_received',
      'return_inspected',
      'return_processed',
      'refund',
      'return_refunded',
    ]);
    expect(await client.stock.verify({})).toMatchObject({ binDriftCount: 0, summaryDriftCount: 0 });
  });

  it('covers several orders of one customer, scraps what cannot be sold, refunds as store credit', async () => {
    const { client, tea, cup } = await shop();
    const { customer } = await client.customers.create({ name: 'Zhou Min' });
    const { customer: other } = await client.customers.create({ name: 'Other' });
    const sale = (customerId: string, productId: string) =>
      client.orders.checkout({
        customerId,
        lines: [{ productId, quantity: 2 }],
        tenders: [{ method: 'card', amount: productId === tea.id ? 2000 : 5000, reference: 'P' }],
      });
    const first = await sale(customer.id, tea.id);
    const second = await sale(customer.id, cup.id);
    const stranger = await sale(other.id, tea.id);
    const mixed = await failure(
      client.returns.request({
        lines: [
          { orderLineId: first.lines[0].id, quantity: 1, reason: 'unwanted' },
          { orderLineId: stranger.lines[0].id, quantity: 1, reason: 'unwanted' },
        ],
      }),
    );
    expect(mixed.details).toMatchObject({ issues: [{ path: 'lines' }] });

    const rma = await client.returns.request({
      lines: [
        { orderLineId: first.lines[0].id, quantity: 2, reason: 'defective' },
        { orderLineId: second.lines[0].id, quantity: 1, reason: 'wrong_item' },
      ],
    });
    expect(rma.linesTotal).toBe(4500);
    await client.returns.receive({ id: rma.id });
    await client.returns.inspect({
      id: rma.id,
      lines: rma.lines.map((l) => ({ id: l.id, condition: 'defective' as const })),
    });
    const onHandBefore = (await client.stock.levels({ productId: tea.id })).reduce((s, l) => s + l.onHand, 0);
    await client.returns.process({
      id: rma.id,
      lines: rma.lines.map((l) => ({ id: l.id, disposition: 'scrap' as const })),
    });
    expect((await client.stock.levels({ productId: tea.id })).reduce((s, l) => s + l.onHand, 0)).toBe(onHandBefore);
    const twoOrders = await failure(client.returns.refund({ id: rma.id, shippingRefund: 100 }));
    expect(twoOrders.details).toMatchObject({ issues: [{ path: 'shippingRefund' }] });
    await client.returns.refund({ id: rma.id, to: 'store_credit' });
    expect((await client.orders.get({ id: first.id })).paymentStatus).toBe('refunded');
    expect((await client.orders.get({ id: second.id })).paymentStatus).toBe('partially_refunded');
    const next = await client.orders.create({ customerId: customer.id, lines: [{ productId: cup.id, quantity: 1 }] });
    const paid = await client.orders.pay({ id: next.id, method: 'store_credit', amount: 2500 });
    expect(paid.paymentStatus).toBe('paid');
  });

  it('exchanges: the replacement order is placed and paid from the returned value; a walk-in cannot exchange', async () => {
    const { client, tea, cup } = await shop();
    const walkIn = await client.orders.checkout({
      lines: [{ productId: tea.id, quantity: 1 }],
      tenders: [{ method: 'cash', amount: 1000 }],
    });
    const refused = await failure(
      client.returns.request({
        lines: [{ orderLineId: walkIn.lines[0].id, quantity: 1, reason: 'unwanted' }],
        replacement: { lines: [{ productId: cup.id, quantity: 1 }] },
      }),
    );
    expect(refused.details).toMatchObject({ issues: [{ path: 'replacement' }] });

    const { customer } = await client.customers.create({ name: 'Li Ming' });
    const sale = await client.orders.checkout({
      customerId: customer.id,
      lines: [{ productId: cup.id, quantity: 1 }],
      tenders: [{ method: 'cash', amount: 2500 }],
    });
    const rma = await client.returns.request({
      lines: [{ orderLineId: sale.lines[0].id, quantity: 1, reason: 'wrong_item' }],
      replacement: { lines: [{ productId: tea.id, quantity: 2 }] },
    });
    expect(rma.replacementOrderId).not.toBeNull();
    const replacement = await client.orders.get({ id: rma.replacementOrderId ?? '' });
    expect(replacement).toMatchObject({ status: 'confirmed', grandTotal: 2000 });
    const told = await client.orders.timeline({ id: replacement.id });
    expect(told.find((e) => e.kind === 'exchange_for')?.details).toMatchObject({ number: rma.number });
    expect(replacement.lines[0].reservedQuantity).toBe(2);
    await client.returns.receive({ id: rma.id });
    await client.returns.inspect({ id: rma.id, lines: [{ id: rma.lines[0].id, condition: 'resellable' }] });
    const [location] = (await client.stock.levels({ productId: cup.id })).map((l) => l.locationId);
    await client.returns.process({
      id: rma.id,
      lines: [{ id: rma.lines[0].id, disposition: 'restock', locationId: location }],
    });
    const done = await client.returns.refund({ id: rma.id, to: 'original' });
    expect(done.refundTo).toBe('store_credit');
    expect(await client.orders.get({ id: replacement.id })).toMatchObject({ paymentStatus: 'paid', balanceDue: 0 });
    expect(await client.orders.get({ id: sale.id })).toMatchObject({ paymentStatus: 'refunded' });
  });

  it('refunds an order’s shipping once across its returns, and an exchange spends only the credit it made', async () => {
    const { client, tea, cup } = await shop();
    const { customer } = await client.customers.create({
      name: 'Wang Fang',
      addresses: [
        { kind: 'shipping', recipient: 'Wang Fang', line1: '88 Nanjing Rd', city: 'Shanghai', country: 'CN' },
      ],
    });
    const order = await client.orders.create({
      customerId: customer.id,
      confirm: true,
      lines: [{ productId: tea.id, quantity: 3 }],
      shipping: { method: 'SF Express', amount: 1200 },
    });
    await client.orders.pay({ id: order.id, method: 'transfer', amount: order.grandTotal, reference: 'T1' });
    await client.orders.complete({ id: order.id });
    const giveBack = async (shippingRefund: number) => {
      const rma = await client.returns.request({
        lines: [{ orderLineId: order.lines[0].id, quantity: 1, reason: 'damaged' }],
      });
      await client.returns.receive({ id: rma.id });
      await client.returns.inspect({ id: rma.id, lines: [{ id: rma.lines[0].id, condition: 'damaged' }] });
      await client.returns.process({ id: rma.id, lines: [{ id: rma.lines[0].id, disposition: 'scrap' }] });
      return client.returns.refund({ id: rma.id, shippingRefund });
    };
    expect((await giveBack(1200)).refundTotal).toBe(2200);
    const again = await failure(giveBack(1));
    expect(again.details).toMatchObject({ issues: [{ path: 'shippingRefund', message: 'At most 0' }] });

    // Store credit the customer had before stays theirs: the exchange spends only what the return credited.
    const earlier = await client.orders.checkout({
      customerId: customer.id,
      lines: [{ productId: cup.id, quantity: 2 }],
      tenders: [{ method: 'cash', amount: 5000 }],
    });
    await client.orders.refund({ id: earlier.id, amount: 5000, to: 'store_credit', reason: 'Goodwill' });
    const sale = await client.orders.checkout({
      customerId: customer.id,
      lines: [{ productId: tea.id, quantity: 1 }],
      tenders: [{ method: 'cash', amount: 1000 }],
    });
    const rma = await client.returns.request({
      lines: [{ orderLineId: sale.lines[0].id, quantity: 1, reason: 'wrong_item' }],
      replacement: { lines: [{ productId: cup.id, quantity: 1 }] },
    });
    await client.returns.receive({ id: rma.id });
    await client.returns.inspect({ id: rma.id, lines: [{ id: rma.lines[0].id, condition: 'resellable' }] });
    await client.returns.process({ id: rma.id, lines: [{ id: rma.lines[0].id, disposition: 'scrap' }] });
    await client.returns.refund({ id: rma.id });
    expect(await client.orders.get({ id: rma.replacementOrderId ?? '' })).toMatchObject({
      paymentStatus: 'partially_paid',
      balanceDue: 1500,
    });
    expect((await client.customers.storeCredit({ id: customer.id })).balance).toBe(5000);
  });

  it('returns only what was handed over, and cancelling a return cancels its replacement', async () => {
    const { client, tea, cup } = await shop();
    const { customer } = await client.customers.create({ name: 'Chen' });
    const open = await client.orders.create({
      customerId: customer.id,
      confirm: true,
      lines: [{ productId: tea.id, quantity: 2 }],
    });
    const notYet = await failure(
      client.returns.request({ lines: [{ orderLineId: open.lines[0].id, quantity: 1, reason: 'unwanted' }] }),
    );
    expect(notYet.details).toMatchObject({ issues: [{ path: 'lines.0.quantity', message: 'At most 0' }] });
    const sale = await client.orders.checkout({
      customerId: customer.id,
      lines: [{ productId: tea.id, quantity: 2 }],
      tenders: [{ method: 'cash', amount: 2000 }],
    });
    const rma = await client.returns.request({
      lines: [{ orderLineId: sale.lines[0].id, quantity: 2, reason: 'unwanted' }],
      replacement: { lines: [{ productId: cup.id, quantity: 1 }] },
    });
    const cancelled = await client.returns.cancel({ id: rma.id, reason: 'Kept them' });
    expect(cancelled.status).toBe('cancelled');
    expect((await client.orders.get({ id: rma.replacementOrderId ?? '' })).status).toBe('cancelled');
    const reserved = (await client.stock.levels({ productId: cup.id })).reduce((s, l) => s + l.reserved, 0);
    expect(reserved).toBe(0);
    const again = await client.returns.request({
      lines: [{ orderLineId: sale.lines[0].id, quantity: 2, reason: 'unwanted' }],
    });
    expect(again.linesTotal).toBe(2000);
    expect((await client.returns.list({ orderId: sale.id })).rows.map((r) => r.status)).toEqual([
      'requested',
      'cancelled',
    ]);
  });
});
