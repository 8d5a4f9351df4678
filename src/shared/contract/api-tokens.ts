import { z } from 'zod';
import { OWNER_ONLY } from '../roles';
import { operation } from './define';

const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  userId: z.string(),
  username: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export type ApiToken = z.infer<typeof apiTokenSchema>;

export const apiTokens = {
  list: operation({
    summary: 'API tokens for integrations (their secrets are never shown again).',
    kind: 'query',
    access: OWNER_ONLY,
    input: z.object({}),
    output: z.array(apiTokenSchema),
  }),
  create: operation({
    summary: 'Create an API token that acts as the given user; the secret is returned once.',
    kind: 'command',
    access: OWNER_ONLY,
    input: z.object({ name: z.string().trim().min(1).max(80), userId: z.string().min(1) }),
    output: z.object({ token: z.string(), apiToken: apiTokenSchema }),
  }),
  revoke: operation({
    summary: 'Revoke an API token at once.',
    kind: 'command',
    access: OWNER_ONLY,
    input: z.object({ id: z.string().min(1) }),
    output: apiTokenSchema,
  }),
};
