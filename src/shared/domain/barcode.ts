/**
 * GTIN check digit (GS1 mod 10): from the right, digits are weighted 3, 1, 3, 1…
 * The same rule serves GTIN-8, UPC-A (12), EAN-13 and GTIN-14.
 */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

const GTIN_LENGTHS = new Set([8, 12, 13, 14]);

export type BarcodeCheck = { ok: true; kind: 'gtin' | 'internal' } | { ok: false; expectedCheckDigit: number };

/**
 * A barcode of 8, 12, 13 or 14 digits is a GTIN and must carry the right check digit;
 * anything else (letters, other lengths) is the shop's own internal code.
 */
export function checkBarcode(code: string): BarcodeCheck {
  if (!/^\d+$/.test(code) || !GTIN_LENGTHS.has(code.length)) return { ok: true, kind: 'internal' };
  const expected = gtinCheckDigit(code.slice(0, -1));
  return expected === Number(code.at(-1)) ? { ok: true, kind: 'gtin' } : { ok: false, expectedCheckDigit: expected };
}
