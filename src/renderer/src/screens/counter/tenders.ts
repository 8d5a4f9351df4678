import type { PaymentMethod } from '../../../../shared/domain/orders';
import { parseMoney } from '../../../../shared/money';

/** One way the customer pays, as typed at the till. */
export interface TenderDraft {
  key: number;
  method: PaymentMethod;
  /** Blank: whatever the other tenders leave of the total. */
  amountText: string;
  /** Cash only: what was handed over, for the change. Blank: the exact amount. */
  receivedText: string;
  /** Card: the terminal's reference; transfer: its reference. */
  reference: string;
}

export interface TenderInput {
  method: PaymentMethod;
  amount: number;
  tendered?: number;
  reference?: string;
}

/** What went wrong, by field path (`tenders.1.amount`), as a key of the counter's texts. */
export type TenderProblems = Record<string, 'amountInvalid' | 'oneBlank' | 'receivedTooLittle' | 'referenceRequired'>;

export interface ResolvedTenders {
  tenders: Array<TenderInput & { change: number }>;
  /** The total less what the tenders come to: zero when they cover it exactly. */
  remaining: number;
  problems: TenderProblems;
}

/**
 * Reads the tenders against the total the server quoted: at most one may leave its
 * amount blank and take the rest. Only arithmetic on what was paid; the server checks
 * again that the tenders come to its own total.
 */
export function resolveTenders(drafts: TenderDraft[], total: number, currency: string): ResolvedTenders {
  const problems: TenderProblems = {};
  const typed = drafts.map((draft, i) => {
    if (draft.amountText.trim() === '') return null;
    const amount = parseMoney(draft.amountText, currency);
    if (amount === null || amount === 0) problems[`tenders.${i}.amount`] = 'amountInvalid';
    return amount ?? 0;
  });
  const blanks = typed.flatMap((amount, i) => (amount === null ? [i] : []));
  for (const i of blanks.slice(1)) problems[`tenders.${i}.amount`] = 'oneBlank';
  const typedSum = typed.reduce<number>((sum, amount) => sum + (amount ?? 0), 0);
  const rest = Math.max(total - typedSum, 0);
  const tenders = drafts.map((draft, i) => {
    const amount = typed[i] ?? (i === blanks[0] ? rest : 0);
    const tender: TenderInput & { change: number } = { method: draft.method, amount, change: 0 };
    if (draft.method === 'cash' && draft.receivedText.trim() !== '') {
      const received = parseMoney(draft.receivedText, currency);
      if (received === null || received < amount) problems[`tenders.${i}.tendered`] = 'receivedTooLittle';
      else Object.assign(tender, { tendered: received, change: received - amount });
    }
    const reference = draft.reference.trim();
    if (draft.method === 'card' && reference === '') problems[`tenders.${i}.reference`] = 'referenceRequired';
    if (reference !== '' && (draft.method === 'card' || draft.method === 'transfer')) tender.reference = reference;
    return tender;
  });
  const paid = tenders.reduce((sum, tender) => sum + tender.amount, 0);
  return { tenders, remaining: total - paid, problems };
}
