import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canPerform, ORDER_ACTIONS } from '../../src/shared/domain/order-states';
import { FULFILMENT_STATUSES, ORDER_STATUSES, paymentStatusOf } from '../../src/shared/domain/orders';
import type { Client } from '../../src/shared/client';
import { AppError } from '../../src/shared/errors';
import { product, warehouseWithBins } from '../helpers/shop';
import { startTestApp } from '../helpers/test-app';

type Step =
  | { kind: 'create'; quantity: number; confirm: boolean }
  | { kind: 'confirm' | 'hold' | 'release' | 'complete' | 'cancel' | 'payAll'; order: number }
  | { kind: 'edit'; order: number; quantity: number }
  | { kind: 'refund'; order: number; amount: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), quantity: fc.integer({ min: 1, max: 9 }), confirm: fc.boolean() }),
  fc.record({
    kind: fc.constantFrom('confirm' as const, 'hold' as const, 'release' as const, 'complete' as const),
    order: fc.nat(4),
  }),
  fc.record({ kind: fc.constantFrom('cancel' as const, 'payAll' as const), order: fc.nat(4) }),
  fc.record({ kind: fc.constant('edit' as const), order: fc.nat(4), quantity: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('refund' as const), order: fc.nat(4), amount: fc.integer({ min: 1, max: 3000 }) }),
);

async function snapshot(client: Client, productId: string) {
  const levels = await client.stock.levels({ productId });
  const orders = await client.orders.list({ limit: 100 });
  return {
    onHand: levels.reduce((s, l) => s + l.onHand, 0),
    reserved: levels.reduce((s, l) => s + l.reserved, 0),
    orders: orders.rows.map((o) => [o.id, o.status, o.paymentStatus, o.fulfilmentStatus, o.grandTotal, o.paidTotal]),
  };
}

describe('the order state machine', () => {
  it('allows each action only from the states the table names', () => {
    for (const action of ORDER_ACTIONS) {
      for (const status of ORDER_STATUSES) {
        for (const fulfilment of FULFILMENT_STATUSES) {
          const allowed = canPerform(action, status, fulfilment);
          if (status === 'completed' || status === 'cancelled') expect(allowed).toBe(false);
          if (action === 'edit' && fulfilment !== 'unfulfilled') expect(allowed).toBe(false);
        }
      }
    }
  });

  it('keeps stock, reservations and payments consistent through any sequence, and a refused step changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 14 }), async (steps) => {
        const app = await startTestApp();
        const { client } = await app.setUpOwner();
        const main = await warehouseWithBins(client);
        const tea = await product(client, { unitPrice: 1000 });
        await client.stock.receive({ productId: tea.id, warehouseId: main.id, quantity: 25 });
        const ids: string[] = [];
        for (const s of steps) {
          const before = await snapshot(client, tea.id);
          const id = s.kind === 'create' ? '' : ids[s.order % Math.max(ids.length, 1)];
          if (s.kind !== 'create' && !id) continue;
          try {
            if (s.kind === 'create') {
              ids.push(
                (
                  await client.orders.create({
                    confirm: s.confirm,
                    lines: [{ productId: tea.id, quantity: s.quantity }],
                  })
                ).id,
              );
            } else if (s.kind === 'edit') {
              const order = await client.orders.get({ id });
              await client.orders.update({
                id,
                lines: [{ id: order.lines[0].id, productId: tea.id, quantity: s.quantity }],
              });
            } else if (s.kind === 'payAll') {
              const order = await client.orders.get({ id });
              await client.orders.pay({ id, method: 'cash', amount: Math.max(order.balanceDue, 1) });
            } else if (s.kind === 'refund') {
              await client.orders.refund({ id, amount: s.amount, reason: 'test' });
            } else if (s.kind === 'hold') {
              await client.orders.hold({ id, reason: 'check' });
            } else {
              await client.orders[s.kind]({ id });
            }
          } catch (error) {
            expect(error).toBeInstanceOf(AppError);
            expect(await snapshot(client, tea.id)).toEqual(before);
          }
        }
        const all = await Promise.all(ids.map((id) => client.orders.get({ id })));
        const held = all
          .filter((o) => o.status === 'confirmed' || o.status === 'on_hold')
          .reduce((s, o) => s + o.lines[0].quantity, 0);
        const handedOver = all.filter((o) => o.status === 'completed').reduce((s, o) => s + o.lines[0].quantity, 0);
        const now = await snapshot(client, tea.id);
        expect(now.reserved).toBe(held);
        expect(now.onHand).toBe(25 - handedOver);
        for (const order of all) {
          const paid = order.payments.filter((p) => p.kind === 'payment').reduce((s, p) => s + p.amount, 0);
          const refunded = order.payments.filter((p) => p.kind === 'refund').reduce((s, p) => s + p.amount, 0);
          expect([order.paidTotal, order.refundedTotal]).toEqual([paid, refunded]);
          expect(order.paymentStatus).toBe(paymentStatusOf(order.grandTotal, paid, refunded));
          if (order.status === 'cancelled') expect(paid - refunded).toBe(0);
          if (order.status === 'completed') expect(order.fulfilmentStatus).toBe('delivered');
          expect(order.lines[0].reservedQuantity).toBe(
            order.status === 'confirmed' || order.status === 'on_hold' ? order.lines[0].quantity : 0,
          );
        }
        expect(await client.stock.verify({})).toMatchObject({ binDriftCount: 0, summaryDriftCount: 0 });
        await app.close();
      }),
      { numRuns: 12, seed: 20261127 },
    );
  });
});
