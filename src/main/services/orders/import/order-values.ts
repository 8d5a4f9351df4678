import type { PaymentMethod } from '../../../../shared/domain/orders';
import type { RowIssues } from '../../catalog/csv/issues';
import { readDecimal, scaleDecimal, type NumberStyle } from '../../catalog/csv/values';

/**
 * Reading the cells of an order file that a catalogue file does not have: dates and
 * times, tax rates, payment methods, emails. Like the catalogue's readers, each returns
 * a value or records an error and returns null; an empty cell is `undefined`.
 */

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * "2026-11-27T09:30:00+08:00", "…Z", Shopify's "2026-11-27 09:30:00 +0800", or a date
 * alone (midnight UTC), to ISO-8601 UTC. A time without a zone is read as UTC and says so.
 */
export function readDateTime(
  raw: string | undefined,
  issues: RowIssues,
  column: string,
  now: number,
): string | null | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  const match = DATE_TIME.exec(text);
  if (!match) {
    issues.error('badDate', column, { value: text });
    return null;
  }
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone] = match;
  const offset = zone === undefined || zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${fraction.slice(0, 4)}${offset}`);
  const calendar = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (
    Number.isNaN(date.getTime()) ||
    calendar.getUTCMonth() !== Number(month) - 1 ||
    calendar.getUTCDate() !== Number(day) ||
    Number(hour) > 23 ||
    Number(minute) > 59 ||
    Number(second) > 59
  ) {
    issues.error('badDate', column, { value: text });
    return null;
  }
  if (match[4] !== undefined && zone === undefined) issues.warn('noTimeZone', column, { value: text });
  const iso = date.toISOString();
  if (date.getTime() > now + 24 * 60 * 60 * 1000) issues.warn('futureDate', column, { value: iso });
  return iso;
}

/** A calendar day, YYYY-MM-DD. */
export function readDay(raw: string | undefined, issues: RowIssues, column: string): string | null | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !date || date.getUTCDate() !== Number(match[3]) || date.getUTCMonth() !== Number(match[2]) - 1) {
    issues.error('badDate', column, { value: text });
    return null;
  }
  return text;
}

/** A tax rate in percent ("13", "9", "6.5", "13%") to basis points. */
export function readRate(
  raw: string | undefined,
  style: NumberStyle,
  issues: RowIssues,
  column: string,
): number | null | undefined {
  const text = raw?.trim().replace(/\s*%$/, '');
  if (!text) return undefined;
  const read = readDecimal(text, style);
  if (!read.ok || read.value.negative) {
    issues.error('notNumber', column, { value: raw?.trim() ?? '' });
    return null;
  }
  const { result, exact } = scaleDecimal(read.value, 2);
  if (!exact || result > 10_000) {
    issues.error('notNumber', column, { value: raw?.trim() ?? '' });
    return null;
  }
  return result;
}

/** What a file calls the way it was paid, as one of ours; anything not clearly cash, card or transfer is "other". */
export function paymentMethodOf(text: string | undefined): PaymentMethod {
  const name = text?.toLowerCase() ?? '';
  if (/cash|cod\b|现金|货到付款/.test(name)) return 'cash';
  if (/bank|transfer|wire|deposit|转账|汇款/.test(name)) return 'transfer';
  if (/card|shopify payments|stripe|visa|mastercard|amex|银联|刷卡/.test(name)) return 'card';
  return 'other';
}

export function isEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
}
