import { z } from 'zod';
import { settingsSchema } from '../domain/settings';
import { MANAGERS, STAFF } from '../roles';
import { operation } from './define';

export const settings = {
  get: operation({
    summary: "The store's settings.",
    kind: 'query',
    access: STAFF,
    input: z.object({}),
    output: settingsSchema,
    http: { method: 'GET', path: '/settings' },
  }),
  update: operation({
    summary: 'Change some or all of the store settings; returns the whole result.',
    kind: 'command',
    access: MANAGERS,
    input: settingsSchema.partial().extend({ address: settingsSchema.shape.address.partial().optional() }),
    output: settingsSchema,
    http: { method: 'PATCH', path: '/settings' },
  }),
};
