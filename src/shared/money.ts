/**
 * Money in the UI: minor units (integers) to text and back, with the currency's own
 * number of decimals (CNY 2, JPY 0, KWD 3) from Intl. Parsing works on the digits of the
 * text, never through a float.
 */
const formats = new Map<string, Intl.NumberFormat>();

/** One formatter per language and currency: grids format a price in every row. */
function currencyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}\u0000${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formats.set(key, format);
  }
  return format;
}

const digitsOf = new Map<string, number>();

/** Asked for every amount an export writes: read from Intl once per currency. */
export function currencyDigits(currency: string): number {
  let digits = digitsOf.get(currency);
  if (digits === undefined) {
    digits = currencyFormat('en', currency).resolvedOptions().maximumFractionDigits ?? 2;
    digitsOf.set(currency, digits);
  }
  return digits;
}

export function formatMoney(minor: number, currency: string, locale: string): string {
  // Intl formats a decimal string exactly ("1234.50"), so no float rounding creeps in.
  const text = moneyInputValue(Math.abs(minor), currency);
  return currencyFormat(locale, currency).format((minor < 0 ? `-${text}` : text) as unknown as number);
}

/** "12.5" → 1250 for CNY; null when the text is not an amount with at most the currency's decimals. */
export function parseMoney(text: string, currency: string): number | null {
  const digits = currencyDigits(currency);
  const match = /^\s*(\d{1,13})(?:[.,](\d*))?\s*$/.exec(text);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const minor = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Minor units shown in an input: 1250 → "12.50". */
export function moneyInputValue(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(minor);
  return `${Math.trunc(minor / 10 ** digits)}.${String(minor % 10 ** digits).padStart(digits, '0')}`;
}
