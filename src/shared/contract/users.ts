import { z } from 'zod';
import { displayNameSchema, roleSchema, secretSchema, userSchema, usernameSchema } from '../domain/user';
import { MANAGERS } from '../roles';
import { operation } from './define';

export const users = {
  list: operation({
    summary: 'Every user, active or not.',
    kind: 'query',
    access: MANAGERS,
    input: z.object({}),
    output: z.array(userSchema),
    http: { method: 'GET', path: '/users' },
  }),
  create: operation({
    summary: 'Create a user. Only an owner may create owners and managers.',
    kind: 'command',
    access: MANAGERS,
    input: z.object({
      username: usernameSchema,
      displayName: displayNameSchema,
      role: roleSchema,
      secret: secretSchema,
    }),
    output: userSchema,
    http: { method: 'POST', path: '/users' },
  }),
  update: operation({
    summary: 'Rename, change the role of, deactivate or reactivate a user.',
    kind: 'command',
    access: MANAGERS,
    input: z.object({
      id: z.string().min(1),
      displayName: displayNameSchema.optional(),
      role: roleSchema.optional(),
      active: z.boolean().optional(),
    }),
    output: userSchema,
    http: { method: 'PATCH', path: '/users/:id' },
  }),
  resetSecret: operation({
    summary: "Set another user's PIN or password (a manager resets a forgotten PIN).",
    kind: 'command',
    access: MANAGERS,
    input: z.object({ id: z.string().min(1), secret: secretSchema }),
    output: z.object({ ok: z.literal(true) }),
  }),
};
