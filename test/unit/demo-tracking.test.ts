import { describe, expect, it } from 'vitest';
import { DEMO_SERVICES, VERIFIABLE_SERVICES, demoTrackingNumber } from '../../src/main/demo/demo-tracking';
import { Random } from '../../src/main/demo/random';
import { checkTrackingNumber } from '../../src/shared/tracking/tracking-numbers';

const FORMAT_OF = {
  sf_express: 'sf',
  zto_standard: 'zto',
  yto_standard: 'yto',
  ems: 'upu_s10',
  dhl_express_worldwide: 'dhl',
} as const;

describe('the demo history’s tracking numbers', () => {
  it('pass their carrier’s check: a proven check digit where the format has one, the pattern otherwise', () => {
    const random = new Random(7);
    for (const service of DEMO_SERVICES) {
      for (let i = 0; i < 200; i++) {
        const number = demoTrackingNumber(service, random);
        const check = checkTrackingNumber(number, FORMAT_OF[service]);
        expect(check.valid, `${service} ${number}: ${check.reason ?? ''}`).toBe(true);
        expect(
          check.matches.some((m) => m.verified),
          number,
        ).toBe(VERIFIABLE_SERVICES.has(service));
      }
    }
  });
});
