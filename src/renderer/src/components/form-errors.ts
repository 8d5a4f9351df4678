import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { AppError, fieldIssues } from '../../../shared/errors';

export type FieldErrors = Record<string, string>;

/** Fields whose format rules carry their own explanation in the UI's language. */
const FORMAT_MESSAGES: Record<string, string> = {
  username: 'validation.username',
  secret: 'validation.secret',
  next: 'validation.secret',
  currency: 'validation.currency',
  country: 'validation.country',
  email: 'validation.email',
  taxRates: 'validation.taxClassesUnique',
};

interface IssueLike {
  code?: string;
  message: string;
  minimum?: unknown;
  origin?: unknown;
  params?: { expectedCheckDigit?: number };
}

function messageFor(path: string, issue: IssueLike, t: TFunction): string {
  const field = path.split('.').at(-1) ?? path;
  if (issue.params?.expectedCheckDigit !== undefined)
    return t('validation.gtin', { digit: issue.params.expectedCheckDigit });
  if ((issue.code === 'invalid_format' || issue.code === 'custom') && FORMAT_MESSAGES[field]) {
    return t(FORMAT_MESSAGES[field]);
  }
  // An empty required text field: say so plainly rather than "expected >=1 characters".
  if (issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1) return t('validation.required');
  return issue.message;
}

/**
 * Checks a form's values against the contract's own schema before sending, so the
 * person sees every problem at once and in their language; the server checks again.
 */
export function checkForm<S extends z.ZodType>(
  schema: S,
  values: unknown,
  t: TFunction,
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    errors[path] ??= messageFor(path, issue, t);
  }
  return { ok: false, errors };
}

/** Field errors the server sent back (VALIDATION or CONFLICT with issues). */
export function serverFieldErrors(error: unknown, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  const issues =
    error instanceof AppError && error.code === 'CONFLICT'
      ? ((error.details as { issues?: Array<{ path: string; message: string }> } | undefined)?.issues ?? [])
      : fieldIssues(error);
  for (const issue of issues) {
    const conflict = error instanceof AppError && error.code === 'CONFLICT';
    errors[issue.path] ??= conflict
      ? t(issue.path === 'username' ? 'errors.usernameTaken' : 'errors.taken')
      : messageFor(issue.path, { code: 'custom', message: issue.message }, t);
  }
  return errors;
}

/** One sentence for a failed call, in the UI's language. */
export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof AppError && error.code === 'INSUFFICIENT_STOCK' && error.details) {
    return t('errors.insufficientStock', error.details as Record<string, unknown>);
  }
  if (error instanceof AppError) return t(`errors.${error.code}`);
  return t('errors.INTERNAL');
}
