import { ZodError } from 'zod';
import { AppError, type ErrorBody, type FieldIssue } from '../../shared/errors';

export function zodIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
}

export function validationError(error: ZodError): AppError {
  const issues = zodIssues(error);
  const fields = [...new Set(issues.map((issue) => issue.path))].join(', ');
  return new AppError('VALIDATION', `Invalid input: ${fields}`, { issues });
}

/**
 * Turns anything thrown into the body a client may see. Unknown errors become
 * INTERNAL with a fixed message: their text and stack stay in the main process's log.
 */
export function toErrorBody(error: unknown, log: (error: unknown) => void = console.error): ErrorBody {
  if (error instanceof AppError) return error.toBody();
  if (error instanceof ZodError) return validationError(error).toBody();
  if (isSqliteError(error) && error.code.startsWith('SQLITE_CONSTRAINT')) {
    log(error);
    return { code: 'CONFLICT', message: 'The change conflicts with data already stored' };
  }
  if (isSqliteError(error) && error.code.startsWith('SQLITE_BUSY')) {
    log(error);
    return { code: 'CONFLICT', message: 'The database is busy with another change; try again' };
  }
  log(error);
  return { code: 'INTERNAL', message: 'Internal error: the operation was not carried out' };
}

function isSqliteError(error: unknown): error is Error & { code: string } {
  return (
    error instanceof Error && error.name === 'SqliteError' && typeof (error as { code?: unknown }).code === 'string'
  );
}
