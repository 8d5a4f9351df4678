import { mod7, s10 } from '../../shared/tracking/checksums';
import type { Random } from './random';

/** The carrier services the demo history ships with, by their seeded codes (migration 0009). */
export const DEMO_SERVICES = ['sf_express', 'zto_standard', 'yto_standard', 'ems', 'dhl_express_worldwide'] as const;
export type DemoService = (typeof DEMO_SERVICES)[number];

/** Services whose numbers carry a check digit the app can prove; the domestic ones are patterns only. */
export const VERIFIABLE_SERVICES: ReadonlySet<DemoService> = new Set(['ems', 'dhl_express_worldwide']);

function digits(random: Random, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String(random.int(10));
  return out;
}

/**
 * A tracking number of the form each carrier really issues, with the right check digit
 * where the format has one: the demo's parcels pass the same checks a typed number does.
 */
export function demoTrackingNumber(service: DemoService, random: Random): string {
  switch (service) {
    case 'sf_express':
      return `SF1${digits(random, 12)}`;
    case 'zto_standard':
      return `7${2 + random.int(8)}${digits(random, 12)}`;
    case 'yto_standard':
      return `YT${digits(random, 13)}`;
    case 'ems': {
      const serial = digits(random, 8);
      return `E${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[random.int(26)]}${serial}${s10(serial)}CN`;
    }
    case 'dhl_express_worldwide': {
      const serial = `${1 + random.int(9)}${digits(random, 8)}`;
      return `${serial}${mod7(serial)}`;
    }
  }
}
