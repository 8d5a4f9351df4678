import type { Zone } from '../../../../shared/shipping/rules';
import { moneyInputValue, parseMoney } from '../../../../shared/money';

/** "JS, ZJ AH" → ['JS', 'ZJ', 'AH']: codes typed with spaces or commas. */
export function words(text: string): string[] {
  return text
    .split(/[\s,，、]+/)
    .map((word) => word.trim())
    .filter(Boolean);
}

/** A whole number typed in a field; NaN when it is not one, so the contract's check names the field. */
export function wholeNumber(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

/** Empty means none. */
export function optionalWholeNumber(text: string): number | null {
  return text.trim() === '' ? null : wholeNumber(text);
}

export function amountText(minor: number | null, currency: string): string {
  return minor === null ? '' : moneyInputValue(minor, currency);
}

/** Money typed in the currency's units; NaN when it is not an amount. */
export function amount(text: string, currency: string): number {
  return parseMoney(text, currency) ?? Number.NaN;
}

export function optionalAmount(text: string, currency: string): number | null {
  return text.trim() === '' ? null : amount(text, currency);
}

/** Remote areas as lines of "countries; regions; postcode prefixes". */
export function zonesText(zones: readonly Zone[]): string {
  return zones
    .map((z) => [z.countries, z.regions, z.postcodePrefixes].map((list) => list.join(' ')).join('; '))
    .join('\n');
}

export function zonesFromText(text: string): Zone[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [countries = '', regions = '', postcodes = ''] = line.split(/[;；]/);
      return { countries: words(countries), regions: words(regions), postcodePrefixes: words(postcodes) };
    });
}

/** The money fields whose text is not an amount, each with the message to show. */
export function badAmounts<K extends string>(
  draft: Record<K, string>,
  names: readonly K[],
  currency: string,
  message: string,
): Partial<Record<K, string>> {
  return Object.fromEntries(
    names
      .filter((name) => draft[name].trim() !== '' && parseMoney(draft[name], currency) === null)
      .map((name) => [name, message]),
  ) as Partial<Record<K, string>>;
}

/** A parcel's weight and sides as typed: kilograms and centimetres. */
export type Measured = { weight: string; length: string; width: string; height: string };

export type Package = { weightGrams: number; lengthMm: number | null; widthMm: number | null; heightMm: number | null };

/** "1.25" kg → 1250 g; null when the text is not such a number. */
export function measure(text: string, factor: number, decimals: number): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!new RegExp(`^\\d{1,6}(\\.\\d{1,${decimals}})?$`).test(trimmed)) return null;
  return Math.round(Number(trimmed) * factor);
}

/** The weighed parcel, when its weight (and any side given) reads as numbers; a box needs all three sides. */
export function packageOf(measured: Measured): Package | 'invalid' {
  const weightGrams = measure(measured.weight, 1000, 3);
  const texts = [measured.length, measured.width, measured.height];
  const sides = texts.map((text) => (text.trim() === '' ? null : measure(text, 10, 1)));
  if (weightGrams === null || texts.some((text, i) => text.trim() !== '' && sides[i] === null)) return 'invalid';
  const [lengthMm, widthMm, heightMm] = sides.every((side) => side !== null) ? sides : [null, null, null];
  return { weightGrams, lengthMm, widthMm, heightMm };
}

export function packageInput(weighed: Package | 'invalid' | null): { package?: Package } {
  return weighed && weighed !== 'invalid' ? { package: weighed } : {};
}
