/**
 * Money in the UI: minor units (integers) to text and back, with the currency's own
 * number of decimals (CNY 2, JPY 0, KWD 3) from Intl. Parsing works on the digits of the
 * text, never through a float.
 */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = currencyDigits(currency);
  const negative = minor < 0;
  const abs = Math.abs(minor);
  const whole = Math.trunc(abs / 10 ** digits);
  const fraction = abs % 10 ** digits;
  // Intl formats a decimal string exactly ("1234.50"), so no float rounding creeps in.
  const text = digits > 0 ? `${whole}.${String(fraction).padStart(digits, '0')}` : String(whole);
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(
    (negative ? `-${text}` : text) as unknown as number,
  );
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
