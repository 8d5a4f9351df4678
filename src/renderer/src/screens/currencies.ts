/** Every ISO 4217 currency the runtime knows, named in the UI's language; the usual ones first. */
const FIRST = ['CNY', 'HKD', 'TWD', 'USD', 'EUR', 'GBP', 'JPY'];

export function CURRENCY_OPTIONS(language: string): Array<{ value: string; label: string }> {
  const names = new Intl.DisplayNames([language], { type: 'currency' });
  const rest = Intl.supportedValuesOf('currency').filter((code) => !FIRST.includes(code));
  return [...FIRST, ...rest].map((code) => ({ value: code, label: `${code} · ${names.of(code) ?? code}` }));
}
