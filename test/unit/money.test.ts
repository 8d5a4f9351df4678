import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currencyDigits, formatMoney, moneyInputValue, parseMoney } from '../../src/shared/money';

describe('money in the UI', () => {
  it('knows each currency’s decimals', () => {
    expect([currencyDigits('CNY'), currencyDigits('JPY'), currencyDigits('KWD')]).toEqual([2, 0, 3]);
  });

  it('parses amounts to minor units without floats, refusing too many decimals', () => {
    expect(parseMoney('128.5', 'CNY')).toBe(12850);
    expect(parseMoney('0.07', 'CNY')).toBe(7);
    expect(parseMoney(' 12 ', 'CNY')).toBe(1200);
    expect(parseMoney('12,30', 'EUR')).toBe(1230);
    expect(parseMoney('1.005', 'CNY')).toBeNull();
    expect(parseMoney('1.5', 'JPY')).toBeNull();
    expect(parseMoney('-3', 'CNY')).toBeNull();
    expect(parseMoney('abc', 'CNY')).toBeNull();
  });

  it('formats in the UI language', () => {
    expect(formatMoney(12850, 'CNY', 'zh-CN')).toBe('¥128.50');
    expect(formatMoney(-1234, 'JPY', 'en')).toBe('-¥1,234');
    expect(formatMoney(5, 'USD', 'en')).toBe('$0.05');
  });

  it('round-trips every amount through the input field (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.constantFrom('CNY', 'JPY', 'KWD'), (minor, currency) => {
        expect(parseMoney(moneyInputValue(minor, currency), currency)).toBe(minor);
      }),
    );
  });
});
