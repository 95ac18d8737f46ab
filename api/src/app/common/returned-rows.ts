/** The rows of a raw `UPDATE ... RETURNING`: TypeORM answers it with [rows, affected]. */
export function returnedRows<T>(result: unknown): T[] {
  const rows = result as unknown[];
  return (Array.isArray(rows[0]) ? rows[0] : rows) as T[];
}
