import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBarcode, gtinCheckDigit } from '../../src/shared/domain/barcode';

describe('GTIN check digits', () => {
  it('accepts published GTINs of every length', () => {
    for (const code of ['96385074', '036000291452', '4006381333931', '10012345678902', '6901234567892']) {
      expect([code, checkBarcode(code)]).toEqual([code, { ok: true, kind: 'gtin' }]);
    }
  });

  it('refuses a GTIN with a wrong check digit and names the right one', () => {
    expect(checkBarcode('4006381333932')).toEqual({ ok: false, expectedCheckDigit: 1 });
  });

  it('treats other codes as the shop’s own', () => {
    for (const code of ['TEA-001', '12345', '123456789', 'ABC12345678901']) {
      expect(checkBarcode(code)).toEqual({ ok: true, kind: 'internal' });
    }
  });

  it('catches every single-digit typo in an EAN-13 (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{12}$/),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        (body, at, shift) => {
          const code = body + gtinCheckDigit(body);
          const typo = code.slice(0, at) + ((Number(code[at]) + shift) % 10) + code.slice(at + 1);
          expect(checkBarcode(code).ok).toBe(true);
          expect(checkBarcode(typo).ok).toBe(false);
        },
      ),
    );
  });
});
