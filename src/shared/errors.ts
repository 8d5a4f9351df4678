/**
 * The one error shape that crosses IPC and HTTP. Services throw AppError; the
 * transports turn anything else into INTERNAL without its message or stack.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'INSUFFICIENT_STOCK',
  'INVALID_STATE',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  /** Dotted path of the failing field, e.g. `address.line1` or `lines.2.quantity`. */
  path: string;
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toBody(): ErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.message === 'string' && (ERROR_CODES as readonly unknown[]).includes(candidate.code);
}

/** Field issues of a VALIDATION error, or an empty list for any other error. */
export function fieldIssues(error: unknown): FieldIssue[] {
  if (!(error instanceof AppError) || error.code !== 'VALIDATION') return [];
  const details = error.details as { issues?: FieldIssue[] } | undefined;
  return details?.issues ?? [];
}
