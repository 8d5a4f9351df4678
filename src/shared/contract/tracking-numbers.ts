import { z } from 'zod';
import { STAFF } from '../roles';
import { operation } from './define';

const match = z.object({
  carrier: z.string(),
  format: z.string(),
  service: z.string().nullable(),
  verified: z.boolean(),
  trackingUrl: z.string().nullable(),
});

export const trackingNumbers = {
  check: operation({
    summary:
      'Which carrier a tracking number belongs to and whether its check digit is right (UPS, FedEx, USPS, DHL, DPD, UPU S10 as China Post and EMS use it, and the rest of docs/tracking-numbers.md). A number that fits several formats returns every match; China’s domestic carriers (SF, YTO, ZTO, JD, J&T) publish no check digit and are recognised by pattern only. With `carrier`, only that carrier’s formats count.',
    kind: 'query',
    access: STAFF,
    input: z.object({
      number: z.string().trim().min(1).max(60),
      carrier: z.string().trim().min(1).max(40).optional(),
    }),
    output: z.object({
      number: z.string(),
      valid: z.boolean(),
      carrier: z.string().nullable(),
      service: z.string().nullable(),
      reason: z.string().nullable(),
      matches: z.array(match),
    }),
    http: { method: 'GET', path: '/tracking-numbers/:number' },
  }),
};
