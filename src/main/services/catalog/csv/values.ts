import { checkBarcode } from '../../../../shared/domain/barcode';
import { currencyDigits } from '../../../../shared/money';
import type { RowIssues } from './issues';

/**
 * Reading one cell, the way spreadsheets leave them: thousands separators, decimal
 * commas, currency signs, numbers that became dates or scientific notation, barcodes
 * that lost their leading zero. Each reader either returns a value (perhaps with a
 * warning saying what it repaired) or records an error and returns null; an empty cell
 * is `undefined`, so an update can leave the field as it is.
 */

/** How the file writes numbers: a file separated by ";" (Excel in much of Europe) uses a decimal comma. */
export interface NumberStyle {
  decimalComma: boolean;
}

const MONTHS = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*';
const DATE_PATTERNS = [
  new RegExp(`^\\d{1,2}[-/ .]${MONTHS}(?:[-/ .,]+\\d{2,4})?$`, 'i'),
  new RegExp(`^${MONTHS}[-/ .]\\d{1,4}(?:[-/ .,]+\\d{2,4})?$`, 'i'),
  /^\d{4}年\d{1,2}月(?:\d{1,2}日)?$/,
  /^\d{1,2}月\d{1,2}日$/,
];

/** "2-Jan", "Mar-04", "2024/1/2", "1/2/24", "2024年1月2日": what Excel makes of "1-2", "MAR4" or a size like "3/4". */
export function looksLikeDate(value: string): boolean {
  const text = value.trim();
  if (DATE_PATTERNS.some((pattern) => pattern.test(text))) return true;
  const parts = /^(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})$/.exec(text);
  if (!parts) return false;
  const [a, b, c] = [Number(parts[1]), Number(parts[3]), Number(parts[4])];
  if (parts[1].length === 4) return a >= 1900 && a <= 2099 && b >= 1 && b <= 12 && c >= 1 && c <= 31;
  const yearLast = parts[4].length === 4 ? c >= 1900 && c <= 2099 : parts[4].length === 2;
  return yearLast && a >= 1 && b >= 1 && a <= 31 && b <= 31 && (a <= 12 || b <= 12);
}

export interface Decimal {
  negative: boolean;
  whole: string;
  fraction: string;
}

type DecimalRead = { ok: true; value: Decimal; decimalComma: boolean } | { ok: false };

function groupsValid(whole: string, separator: string | null): string | null {
  if (separator === null) return /^\d+$/.test(whole) ? whole : null;
  const groups = whole.split(separator);
  if (!/^\d{1,3}$/.test(groups[0]) || groups.slice(1).some((g) => !/^\d{3}$/.test(g))) return null;
  return groups.join('');
}

/**
 * A decimal number as text, exactly (no float): "1,299.00", "1.299,00", "12,5", "1 299".
 * With one separator followed by exactly three digits ("1,250"), the file's convention
 * decides: a thousands separator, unless the file uses a decimal comma.
 */
export function readDecimal(text: string, style: NumberStyle): DecimalRead {
  const compact = text.replace(/[\s\u00a0\u202f']/g, '');
  const match = /^([+-]?)(\d[\d.,]*)$/.exec(compact);
  if (!match) return { ok: false };
  const body = match[2];
  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  let decimal: '.' | ',' | null = null;
  if (dots && commas) decimal = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
  else if (commas === 1) decimal = /^\d{1,3},\d{3}$/.test(body) && !style.decimalComma ? null : ',';
  else if (dots === 1) decimal = /^\d{1,3}\.\d{3}$/.test(body) && style.decimalComma ? null : '.';
  let group: '.' | ',' | null = null;
  if (decimal === '.') group = commas ? ',' : null;
  else if (decimal === ',') group = dots ? '.' : null;
  else if (commas || dots) group = commas ? ',' : '.';
  const [wholeText, fraction = ''] = decimal
    ? [body.slice(0, body.lastIndexOf(decimal)), body.slice(body.lastIndexOf(decimal) + 1)]
    : [body];
  if (decimal && (!/^\d+$/.test(fraction) || body.split(decimal).length > 2)) return { ok: false };
  const whole = groupsValid(wholeText, group);
  if (whole === null) return { ok: false };
  return {
    ok: true,
    value: { negative: match[1] === '-', whole: whole.replace(/^0+(?=\d)/, ''), fraction },
    decimalComma: decimal === ',' && !style.decimalComma,
  };
}

/** value × 10^shift as a whole number, rounded half up; `exact` says whether rounding was needed. */
export function scaleDecimal(value: Decimal, shift: number): { result: number; exact: boolean } {
  const fraction = value.fraction.padEnd(shift, '0');
  const digits = value.whole + fraction.slice(0, shift);
  const rest = fraction.slice(shift);
  let result = Number(digits);
  const exact = /^0*$/.test(rest);
  if (!exact && rest.charCodeAt(0) >= 53) result += 1;
  return { result: value.negative ? -result : result, exact };
}

/** Which signs and codes mean the shop's currency: "¥", "￥", "CN¥", "CNY", "RMB", "元" for yuan. */
function currencyMarks(currency: string): Set<string> {
  const marks = new Set([currency.toLowerCase()]);
  for (const display of ['symbol', 'narrowSymbol'] as const) {
    const parts = new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: display }).formatToParts(
      1,
    );
    const sign = parts.find((p) => p.type === 'currency')?.value;
    if (sign) marks.add(sign.toLowerCase());
  }
  if (marks.has('¥')) marks.add('￥');
  if (currency === 'CNY') ['rmb', '元', '人民币'].forEach((m) => marks.add(m));
  if (currency === 'JPY') marks.add('円');
  return marks;
}

const marksCache = new Map<string, Set<string>>();
const digitsCache = new Map<string, number>();

/** A price in the shop's currency to minor units: "1,299.00", "¥12.50", "12.50 CNY"; never rounded. */
export function readPrice(
  raw: string | undefined,
  currency: string,
  style: NumberStyle,
  issues: RowIssues,
  column: string,
): number | null | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  const split = /^([^\d+\-.,]*?)\s*([+-]?\d[\d.,\s\u00a0\u202f']*?)\s*([^\d.,]*)$/u.exec(text);
  if (!split) {
    issues.error(looksLikeDate(text) ? 'dateLike' : 'priceInvalid', column, { value: text });
    return null;
  }
  let marks = marksCache.get(currency);
  if (!marks) marksCache.set(currency, (marks = currencyMarks(currency)));
  for (const mark of [split[1], split[3]].map((m) => m.trim().toLowerCase()).filter(Boolean)) {
    if (!marks.has(mark)) {
      issues.error('priceCurrency', column, { value: text, currency });
      return null;
    }
  }
  if (looksLikeDate(split[2])) {
    issues.error('dateLike', column, { value: text });
    return null;
  }
  const read = readDecimal(split[2], style);
  if (!read.ok) {
    issues.error('priceInvalid', column, { value: text });
    return null;
  }
  if (read.value.negative) {
    issues.error('negative', column, { value: text });
    return null;
  }
  let digits = digitsCache.get(currency);
  if (digits === undefined) digitsCache.set(currency, (digits = currencyDigits(currency)));
  const { result, exact } = scaleDecimal(read.value, digits);
  if (!exact) {
    issues.error('priceDecimals', column, { value: text, currency, digits });
    return null;
  }
  if (result > 1_000_000_000_000) {
    issues.error('tooLarge', column, { value: text, max: '10,000,000,000' });
    return null;
  }
  if (read.decimalComma) {
    const shown = digits
      ? `${Math.trunc(result / 10 ** digits)}.${String(result % 10 ** digits).padStart(digits, '0')}`
      : String(result);
    issues.warn('decimalComma', column, { value: text, result: shown });
  }
  return result;
}

/**
 * A whole number, or a decimal in a larger unit made whole (kilograms to grams: shift 3,
 * centimetres to millimetres: shift 1), rounded half up with a warning.
 */
export function readWhole(
  raw: string | undefined,
  style: NumberStyle,
  issues: RowIssues,
  column: string,
  options: { max: number; shift?: number; allowNegative?: boolean },
): number | null | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  if (looksLikeDate(text)) {
    issues.error('dateLike', column, { value: text });
    return null;
  }
  const read = readDecimal(text, style);
  if (!read.ok) {
    issues.error('notNumber', column, { value: text });
    return null;
  }
  if (read.value.negative && !options.allowNegative && !/^0*$/.test(read.value.whole + read.value.fraction)) {
    issues.error('negative', column, { value: text });
    return null;
  }
  const { result, exact } = scaleDecimal(read.value, options.shift ?? 0);
  if (!exact && !options.shift) {
    issues.error('notWhole', column, { value: text });
    return null;
  }
  if (Math.abs(result) > options.max) {
    issues.error('tooLarge', column, { value: text, max: options.max });
    return null;
  }
  if (!exact) issues.warn('rounded', column, { value: text, result });
  return result === 0 ? 0 : result;
}

const TRUE_WORDS = new Set(['1', 'yes', 'y', 'true', 't', 'on', 'x', '是', '允许', 'ja', 'oui', 'si', 'sí']);
const FALSE_WORDS = new Set(['0', 'no', 'n', 'false', 'f', 'off', '否', '不允许', 'nein', 'non']);

export function readBoolean(raw: string | undefined, issues: RowIssues, column: string): boolean | null | undefined {
  const text = raw?.trim().toLowerCase();
  if (!text) return undefined;
  if (TRUE_WORDS.has(text)) return true;
  if (FALSE_WORDS.has(text)) return false;
  issues.error('notBoolean', column, { value: raw?.trim() ?? '' });
  return null;
}

/**
 * A barcode as a spreadsheet may have left it. Scientific notation ("6.90123E+12") has
 * lost digits: refused. "6901234567892.0" is the number intact: repaired. Eleven digits
 * that make a valid UPC-A with a leading zero lost theirs: repaired with a warning. A
 * GTIN (8, 12, 13, 14 digits) must have the right check digit.
 */
export function readBarcode(raw: string | undefined, issues: RowIssues, column: string): string | null | undefined {
  let text = raw?.trim();
  if (!text) return undefined;
  if (/^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i.test(text)) {
    issues.error('barcodeScientific', column, { value: text });
    return null;
  }
  if (/^\d+\.0+$/.test(text)) {
    const repaired = text.replace(/\.0+$/, '');
    issues.warn('barcodeDecimal', column, { value: text, repaired });
    text = repaired;
  }
  if (!/^[\x21-\x7e]+$/.test(text)) {
    issues.error(looksLikeDate(text) ? 'dateLike' : 'barcodeCharacters', column, { value: text });
    return null;
  }
  if (text.length > 64) {
    issues.error('tooLong', column, { max: 64 });
    return null;
  }
  if (/^\d{11}$/.test(text)) {
    if (checkBarcode(`0${text}`).ok) {
      issues.warn('barcodeLeadingZero', column, { value: text, repaired: `0${text}` });
      return `0${text}`;
    }
    issues.warn('barcodeShortDigits', column, { value: text });
    return text;
  }
  const check = checkBarcode(text);
  if (!check.ok) {
    issues.error('barcodeCheckDigit', column, { value: text, expected: check.expectedCheckDigit });
    return null;
  }
  return text;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Shopify's and WooCommerce's descriptions are HTML; ours are plain text with line breaks. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  // With block tags, a line break in the source is only a space (as a browser shows it);
  // without (WordPress adds the paragraphs itself), line breaks are the paragraphs.
  const blocks = /<\s*(p|br|div|li|ul|ol|h[1-6]|table|tr)\b/i.test(html);
  return (blocks ? html.replace(/\s*[\r\n]+\s*/g, ' ') : html)
    .replace(/<\s*br\s*\/?>/gi, '\n')
    .replace(/<\s*li[^>]*>/gi, '• ')
    .replace(/<\/\s*(p|div|li|h[1-6]|tr|ul|ol|table|blockquote)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*|#39);/gi, (whole, name: string) => {
      if (name[0] === '#' && name !== '#39') {
        const code = name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function textToHtml(text: string): string {
  if (!text) return '';
  return text
    .split(/\n{2,}/)
    .map(
      (paragraph) =>
        `<p>${paragraph.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>')}</p>`,
    )
    .join('');
}

const HANDLE = /^[a-z0-9][a-z0-9-]{0,99}$/;

function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * A family handle from a Shopify handle, a SKU or a name: lowercase letters, digits and
 * dashes. Text that cannot be spelled so (Chinese) keeps a short hash, so two families
 * never share a handle by accident.
 */
export function toHandle(raw: string): { handle: string; repaired: boolean } {
  const text = raw.trim().toLowerCase();
  if (HANDLE.test(text)) return { handle: text, repaired: false };
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  const lossy = /[^ -~]/.test(text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')) || !slug;
  return { handle: lossy ? `${slug || 'family'}-${shortHash(text)}` : slug, repaired: true };
}
