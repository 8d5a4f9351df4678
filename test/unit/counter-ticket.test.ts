import { describe, expect, it } from 'vitest';
import {
  addProduct,
  EMPTY_TICKET,
  moveSelection,
  parseDiscount,
  removeLine,
  setQuantity,
} from '../../src/renderer/src/screens/counter/ticket';
import { resolveTenders, type TenderDraft } from '../../src/renderer/src/screens/counter/tenders';

const tea = { id: 'p1', sku: 'PU-357', name: 'Pu-erh', unitPrice: 12800 };
const cup = { id: 'p2', sku: 'CUP-01', name: 'Cup', unitPrice: 3800 };

describe('the counter ticket', () => {
  it('adds a scanned product as a line, and a second scan of it as one more', () => {
    const once = addProduct(EMPTY_TICKET, tea);
    const both = addProduct(once, cup);
    const again = addProduct(both, tea);
    expect(again.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['PU-357', 2],
      ['CUP-01', 1],
    ]);
    expect([once.selected, both.selected, again.selected]).toEqual([0, 1, 0]);
  });

  it('keeps quantities whole and at least one, and moves the selection within the lines', () => {
    const ticket = addProduct(addProduct(EMPTY_TICKET, tea), cup);
    expect(setQuantity(ticket, 0, 0).lines[0].quantity).toBe(1);
    expect(setQuantity(ticket, 0, 7).lines[0].quantity).toBe(7);
    expect(setQuantity(ticket, 0, 1.5)).toBe(ticket);
    expect(setQuantity(ticket, 5, 3)).toBe(ticket);
    expect(moveSelection(ticket, -1).selected).toBe(0);
    expect(moveSelection(moveSelection(ticket, -1), -1).selected).toBe(0);
    expect(moveSelection(ticket, 1).selected).toBe(1);
  });

  it('removes the selected line and keeps a selection while lines remain', () => {
    const ticket = addProduct(addProduct(EMPTY_TICKET, tea), cup);
    const one = removeLine(ticket, 1);
    expect(one.lines.map((l) => l.sku)).toEqual(['PU-357']);
    expect(one.selected).toBe(0);
    expect(removeLine(one, 0)).toEqual(EMPTY_TICKET);
  });

  it('reads a discount as a percentage or an amount in the currency', () => {
    expect(parseDiscount('', 'CNY')).toEqual({ ok: true, discount: undefined });
    expect(parseDiscount('10%', 'CNY')).toEqual({ ok: true, discount: { kind: 'percent', basisPoints: 1000 } });
    expect(parseDiscount('12.5 %', 'CNY')).toEqual({ ok: true, discount: { kind: 'percent', basisPoints: 1250 } });
    expect(parseDiscount('5.50', 'CNY')).toEqual({ ok: true, discount: { kind: 'amount', amount: 550 } });
    expect(parseDiscount('500', 'JPY')).toEqual({ ok: true, discount: { kind: 'amount', amount: 500 } });
    expect(parseDiscount('101%', 'CNY')).toEqual({ ok: false });
    expect(parseDiscount('5.555', 'CNY')).toEqual({ ok: false });
    expect(parseDiscount('ten', 'CNY')).toEqual({ ok: false });
  });
});

describe('tenders at the counter', () => {
  const draft = (key: number, change: Partial<TenderDraft>): TenderDraft => ({
    key,
    method: 'cash',
    amountText: '',
    receivedText: '',
    reference: '',
    ...change,
  });

  it('gives the blank tender the rest of the total and works out the change on cash', () => {
    const resolved = resolveTenders(
      [draft(1, { amountText: '100', receivedText: '200' }), draft(2, { method: 'card', reference: 'T-88' })],
      25_000,
      'CNY',
    );
    expect(resolved.problems).toEqual({});
    expect(resolved.remaining).toBe(0);
    expect(resolved.tenders).toEqual([
      { method: 'cash', amount: 10_000, tendered: 20_000, change: 10_000 },
      { method: 'card', amount: 15_000, reference: 'T-88', change: 0 },
    ]);
  });

  it('says what is missing: the rest, a card reference, enough cash, a single blank', () => {
    const resolved = resolveTenders(
      [
        draft(1, { amountText: '50', receivedText: '20' }),
        draft(2, { method: 'card', amountText: '10' }),
        draft(3, { method: 'transfer' }),
        draft(4, { method: 'transfer' }),
        draft(5, { amountText: 'x' }),
      ],
      10_000,
      'CNY',
    );
    expect(resolved.problems).toEqual({
      'tenders.0.tendered': 'receivedTooLittle',
      'tenders.1.reference': 'referenceRequired',
      'tenders.3.amount': 'oneBlank',
      'tenders.4.amount': 'amountInvalid',
    });
    expect(resolveTenders([draft(1, { amountText: '40' })], 10_000, 'CNY').remaining).toBe(6_000);
    expect(resolveTenders([draft(1, { amountText: '140' })], 10_000, 'CNY').remaining).toBe(-4_000);
  });
});
