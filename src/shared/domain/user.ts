import { z } from 'zod';
import { ROLES } from '../roles';

export const roleSchema = z.enum(ROLES);

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, '2–32 letters, digits, dots, dashes or underscores');

/**
 * A PIN (4–12 digits, for the counter's quick sign-in) or a password (8 or more
 * characters). Both are stored only as scrypt hashes.
 */
export const secretSchema = z
  .string()
  .max(200)
  .refine((value) => (/^\d+$/.test(value) ? value.length >= 4 && value.length <= 12 : value.length >= 8), {
    message: 'A PIN has 4–12 digits; a password has at least 8 characters',
  });

export const displayNameSchema = z.string().trim().min(1).max(80);

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  active: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
});

export type User = z.infer<typeof userSchema>;
