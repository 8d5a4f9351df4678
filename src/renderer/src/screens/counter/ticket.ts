import type { Discount } from '../../../../shared/domain/orders';
import { parseMoney } from '../../../../shared/money';

/** A line on the counter's ticket: what was scanned, how many, and the discount as typed. */
export interface TicketLine {
  productId: string;
  sku: string;
  name: string;
  unitPrice: number;
  quantity: number;
  /** "10%" or "5.00" as the clerk typed it; read by `parseDiscount`. */
  discountText: string;
}

export interface Ticket {
  lines: TicketLine[];
  /** The line the keys act on; -1 when the ticket is empty. */
  selected: number;
}

export const EMPTY_TICKET: Ticket = { lines: [], selected: -1 };

const MAX_QUANTITY = 10_000_000;

/** A scan: one more of a product already on the ticket, else a new line; either way it is selected. */
export function addProduct(
  ticket: Ticket,
  product: { id: string; sku: string; name: string; unitPrice: number },
): Ticket {
  const at = ticket.lines.findIndex((line) => line.productId === product.id);
  if (at >= 0) return setQuantity({ ...ticket, selected: at }, at, ticket.lines[at].quantity + 1);
  const line: TicketLine = {
    productId: product.id,
    sku: product.sku,
    name: product.name,
    unitPrice: product.unitPrice,
    quantity: 1,
    discountText: '',
  };
  return { lines: [...ticket.lines, line], selected: ticket.lines.length };
}

/** Quantities stay between 1 and the contract's maximum: taking a line off is Delete's job. */
export function setQuantity(ticket: Ticket, index: number, quantity: number): Ticket {
  if (!ticket.lines[index] || !Number.isInteger(quantity)) return ticket;
  const clamped = Math.min(Math.max(quantity, 1), MAX_QUANTITY);
  return { ...ticket, lines: ticket.lines.map((line, i) => (i === index ? { ...line, quantity: clamped } : line)) };
}

export function setDiscountText(ticket: Ticket, index: number, discountText: string): Ticket {
  if (!ticket.lines[index]) return ticket;
  return { ...ticket, lines: ticket.lines.map((line, i) => (i === index ? { ...line, discountText } : line)) };
}

/** Removes a line; the selection stays on the same row number, or the last row. */
export function removeLine(ticket: Ticket, index: number): Ticket {
  if (!ticket.lines[index]) return ticket;
  const lines = ticket.lines.filter((_, i) => i !== index);
  return { lines, selected: Math.min(ticket.selected, lines.length - 1) };
}

export function moveSelection(ticket: Ticket, delta: number): Ticket {
  if (ticket.lines.length === 0) return ticket;
  const selected = Math.min(Math.max(ticket.selected + delta, 0), ticket.lines.length - 1);
  return { ...ticket, selected };
}

export type ParsedDiscount = { ok: true; discount: Discount | undefined } | { ok: false };

/**
 * What a clerk types in a discount field: "10%" (or "10 %", "12.5%") is a percentage,
 * a plain amount ("5", "5.50") is money off in the store's currency, blank is none.
 */
export function parseDiscount(text: string, currency: string): ParsedDiscount {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, discount: undefined };
  const percent = /^(\d{1,3})(?:[.,](\d{1,2}))?\s*[%％]$/.exec(trimmed);
  if (percent) {
    const basisPoints = Number(percent[1]) * 100 + Number((percent[2] ?? '').padEnd(2, '0'));
    return basisPoints <= 10_000 ? { ok: true, discount: { kind: 'percent', basisPoints } } : { ok: false };
  }
  const amount = parseMoney(trimmed, currency);
  return amount === null ? { ok: false } : { ok: true, discount: { kind: 'amount', amount } };
}
