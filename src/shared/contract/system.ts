import { z } from 'zod';
import { STAFF } from '../roles';
import { operation } from './define';

export const system = {
  health: operation({
    summary: 'Liveness check: the server runs and the database answers.',
    kind: 'query',
    access: 'public',
    input: z.object({}),
    output: z.object({
      status: z.literal('ok'),
      version: z.string(),
      schemaVersion: z.string(),
      time: z.string(),
    }),
    http: { method: 'GET', path: '/health' },
  }),
  info: operation({
    summary: 'Which database is open, its schema version and the transport in use.',
    kind: 'query',
    access: STAFF,
    input: z.object({}),
    output: z.object({
      version: z.string(),
      databasePath: z.string(),
      schemaVersion: z.string(),
      transport: z.enum(['ipc', 'http']),
    }),
  }),
};
