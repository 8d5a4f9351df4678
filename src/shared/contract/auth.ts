import { z } from 'zod';
import { displayNameSchema, secretSchema, userSchema, usernameSchema } from '../domain/user';
import { settingsSchema } from '../domain/settings';
import { STAFF } from '../roles';
import { operation } from './define';

const sessionSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: userSchema,
});

export const auth = {
  status: operation({
    summary:
      'Whether the first owner must still be created, who is signed in, and the shop name for the sign-in screen.',
    kind: 'query',
    access: 'public',
    input: z.object({}),
    output: z.object({ needsSetup: z.boolean(), user: userSchema.nullable(), storeName: z.string().nullable() }),
  }),
  setup: operation({
    summary: 'First run only: create the owner and the store, and sign the owner in.',
    kind: 'command',
    access: 'public',
    input: z.object({
      owner: z.object({
        username: usernameSchema,
        displayName: displayNameSchema,
        secret: secretSchema,
      }),
      store: settingsSchema.pick({ storeName: true, currency: true, locale: true, pricesIncludeTax: true }),
    }),
    output: sessionSchema,
  }),
  signIn: operation({
    summary: 'Sign in with a username and a PIN or password; returns a session token.',
    kind: 'command',
    ownTransaction: true,
    access: 'public',
    input: z.object({ username: usernameSchema, secret: z.string().min(1).max(200) }),
    output: sessionSchema,
  }),
  signOut: operation({
    summary: 'End the current session.',
    kind: 'command',
    access: STAFF,
    input: z.object({}),
    output: z.object({ ok: z.literal(true) }),
  }),
  changeSecret: operation({
    summary:
      "Change the signed-in user's own PIN or password (from a session, not an API token); ends the user's other sessions.",
    kind: 'command',
    ownTransaction: true,
    access: STAFF,
    input: z.object({ current: z.string().min(1).max(200), next: secretSchema }),
    output: z.object({ ok: z.literal(true) }),
  }),
};
