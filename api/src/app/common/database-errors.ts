import { QueryFailedError } from 'typeorm';

/** PostgreSQL refused the statement with this SQLSTATE (on this constraint, when named). */
function refusedWith(error: unknown, code: string, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: unknown; constraint?: unknown };
  return (
    driverError.code === code && (constraint === undefined || driverError.constraint === constraint)
  );
}

/** PostgreSQL refused a row because a unique constraint or index already holds its value. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  return refusedWith(error, '23505', constraint);
}

/** PostgreSQL refused a row because a row it references (a foreign key) does not exist. */
export function isForeignKeyViolation(error: unknown, constraint?: string): boolean {
  return refusedWith(error, '23503', constraint);
}
