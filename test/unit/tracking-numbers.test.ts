import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, onTestFinished } from 'vitest';
import { luhn, mod10, mod37x36, mod7, s10, weightedSum } from '../../src/shared/tracking/checksums';
import { TRACKING_FORMATS } from '../../src/shared/tracking/formats';
import { checkTrackingNumber } from '../../src/shared/tracking/tracking-numbers';
import { startTestApp } from '../helpers/test-app';
import { createHttpServer, listen } from '../../src/main/http/server';

interface FixtureFormat {
  courier: string;
  format: string;
  valid: string[];
  invalid: string[];
}
const fixture = JSON.parse(readFileSync(join(__dirname, '../fixtures/tracking-numbers.json'), 'utf8')) as {
  formats: FixtureFormat[];
};

/** Our carrier code for the reference data's courier code. */
const carrierOf = (courier: string) => (courier === 's10' ? 'upu_s10' : courier);

describe('check-digit algorithms, worked by hand from their definitions', () => {
  it('computes each algorithm on a hand-worked serial', () => {
    // S10 12345678: 1·8+2·6+3·4+4·2+5·3+6·5+7·9+8·7 = 204; 204 mod 11 = 6; 11 − 6 = 5.
    expect(s10('12345678')).toBe('5');
    // r = 1 gives 0 and r = 0 gives 5: 00000001·7 = 7 → 4; 10000000·8 = 8 → 3; 00000000 → 5.
    expect(s10('00000000')).toBe('5');
    // 1·9 + 2·7 = 23, 23 mod 11 = 1, which gives 0.
    expect(s10('00000012')).toBe('0');
    // Luhn 7992739871 → 3 (the classic worked example).
    expect(luhn('7992739871')).toBe('3');
    // mod 7 of a number beyond 2^53: 123456789012345678 mod 7.
    expect(mod7('123456789012345678')).toBe(String(123456789012345678n % 7n));
    // mod 10, weights 3,1 from the left: 1·3+2·1+3·3 = 14 → 6.
    expect(mod10('123', { evensMultiplier: 3, oddsMultiplier: 1, reverse: false })).toBe('6');
    // Reversed: 3·3+2·1+1·3 = 14 → 6; letters count (code − 3) mod 10: 'A' = 62 mod 10 = 2.
    expect(mod10('12', { evensMultiplier: 3, oddsMultiplier: 1, reverse: true })).toBe(
      String((10 - ((2 * 3 + 1) % 10)) % 10),
    );
    expect(mod10('A', { evensMultiplier: 1, oddsMultiplier: 2, reverse: false })).toBe('8');
    // FedEx weights 3,1,7: 1·3+1·1+1·7 = 11 → 11 mod 11 = 0 → 0.
    expect(weightedSum('111', [3, 1, 7], 11, 10)).toBe('0');
    // ISO 7064 MOD 37,36 on "0": 36+0 → 36 → ×2 = 72 → 72−37 = 35; 37 − 35 = 2.
    expect(mod37x36('0')).toBe('2');
  });
});

describe('tracking numbers', () => {
  it('accepts every valid number of the reference data, naming its carrier, and refuses every invalid one', () => {
    let checked = 0;
    for (const format of fixture.formats) {
      for (const number of format.valid) {
        const result = checkTrackingNumber(number);
        expect(result.valid, `${format.format} ${number}`).toBe(true);
        expect(
          result.matches.some((m) => m.carrier === carrierOf(format.courier)),
          `${format.format} ${number} → ${result.matches.map((m) => m.format).join(', ')}`,
        ).toBe(true);
        checked++;
      }
      for (const number of format.invalid) {
        const result = checkTrackingNumber(number, carrierOf(format.courier));
        const sameFormat = result.matches.filter((m) => m.format.replace(/^UPU /, '') === format.format);
        expect(sameFormat, `${format.format} ${number} should be refused`).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(150);
  });

  it('refuses a valid number with any other check digit, and says why', () => {
    // The reference's valid numbers of formats that carry a check digit.
    const withCheckDigit = fixture.formats
      .filter((f) => TRACKING_FORMATS.some((ours) => ours.check && ours.name.replace(/^UPU /, '') === f.format))
      .flatMap((f) =>
        f.valid.map((n) => ({ courier: carrierOf(f.courier), number: n.toUpperCase().replace(/\s/g, '') })),
      );
    expect(withCheckDigit.length).toBeGreaterThan(40);
    fc.assert(
      fc.property(fc.constantFrom(...withCheckDigit), fc.integer({ min: 1, max: 9 }), ({ number, courier }, shift) => {
        const last = number.at(-1) ?? '';
        if (!/[0-9]/.test(last)) return;
        const bent = number.slice(0, -1) + String((Number(last) + shift) % 10);
        const result = checkTrackingNumber(bent, courier);
        // No format with a check digit that took the number takes it bent. Another format of the
        // carrier without one may (a DHL Express number is also a DHL E-Commerce one); with none
        // left, the answer names the check digit the number calls for.
        const checkedBefore = checkTrackingNumber(number, courier)
          .matches.map((m) => m.format)
          .filter((name) => TRACKING_FORMATS.some((ours) => ours.name === name && ours.check));
        expect(
          result.matches.filter((m) => checkedBefore.includes(m.format)),
          `${courier} ${bent}`,
        ).toEqual([]);
        if (!result.valid) expect(result.reason, `${courier} ${bent}`).toMatch(/check digit|not a country/);
      }),
    );
  });

  it('reads S10 numbers as the posts use them: China Post EMS, any spacing, and a country that has no post refused', () => {
    expect(checkTrackingNumber('EE123456785CN')).toMatchObject({
      valid: true,
      carrier: 'upu_s10',
      service: 'China Post · EMS',
    });
    expect(checkTrackingNumber(' r b 1234 5678 5 gb ').valid).toBe(true);
    expect(checkTrackingNumber('RB123456786US')).toMatchObject({
      valid: false,
      reason: 'UPU S10: the check digit is 6, the number calls for 5',
    });
    expect(checkTrackingNumber('RB123456785XX').reason).toMatch(/XX is not a country/);
  });

  it('recognises China’s domestic carriers by pattern, never refusing them for a check digit they do not have', () => {
    const sf = checkTrackingNumber('SF1402378842143');
    expect(sf).toMatchObject({ valid: true, carrier: 'sf' });
    expect(sf.matches[0]).toMatchObject({ verified: false });
    expect(sf.reason).toMatch(/no check digit/);
    expect(sf.matches[0].trackingUrl).toContain('sf-express.com');
    // Twelve digits that fail FedEx's check digit are still a plausible SF or ZTO number.
    const twelve = checkTrackingNumber('780012345678');
    expect(twelve.valid).toBe(true);
    expect(twelve.matches.every((m) => !m.verified)).toBe(true);
    expect(checkTrackingNumber('780012345678', 'fedex')).toMatchObject({ valid: false });
    expect(checkTrackingNumber('JDX012345678901', 'jd')).toMatchObject({ valid: true, carrier: 'jd' });
    expect(checkTrackingNumber('HELLO')).toMatchObject({ valid: false, reason: 'Not the format of any known carrier' });
  });

  it('answers other systems over GET /api/tracking-numbers/:number', async () => {
    const app = await startTestApp({ serverToken: 'server-token' });
    await app.setUpOwner();
    const server = createHttpServer({
      router: app.router,
      version: '1',
      rendererDir: app.folder,
      log: () => undefined,
    });
    const address: AddressInfo = await listen(server, 0, '127.0.0.1');
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const get = async (path: string) => {
      const response = await fetch(`http://127.0.0.1:${address.port}/api${path}`, {
        headers: { authorization: 'Bearer server-token' },
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    expect((await get('/tracking-numbers/1Z5R89390357567127')).body).toMatchObject({
      valid: true,
      carrier: 'ups',
      matches: [{ trackingUrl: 'https://www.ups.com/track?tracknum=1Z5R89390357567127' }],
    });
    expect((await get(`/tracking-numbers/${encodeURIComponent('EE 123 456 785 CN')}`)).body).toMatchObject({
      number: 'EE123456785CN',
      valid: true,
      service: 'China Post · EMS',
    });
    const refused = await get('/tracking-numbers/RB123456786US');
    expect(refused).toMatchObject({ status: 200, body: { valid: false } });
  });
});
