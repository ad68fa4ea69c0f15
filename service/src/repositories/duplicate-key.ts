/**
 * A unique-index violation. MongoDB reports code 11000; FerretDB does too on insert, but on an
 * update it reports code 1 carrying the backend's message (SQLite's "UNIQUE constraint failed",
 * PostgreSQL's SQLSTATE 23505).
 */
export function isDuplicateKey(err: unknown): boolean {
  const e = err as { code?: number; message?: string } | undefined
  return e?.code === 11000 || /E11000|UNIQUE constraint failed|SQLSTATE 23505/i.test(e?.message ?? '')
}
