/**
 * A unique-index violation. MongoDB reports code 11000; FerretDB 1.24 does too on insert, but on
 * an update, upsert or findOneAndUpdate it reports code 1 carrying the backend's message: SQLite's
 * "UNIQUE constraint failed", PostgreSQL's "duplicate key value violates unique constraint …
 * (SQLSTATE 23505)". test/duplicate-key.test.ts checks each write path on the real database.
 */
export function isDuplicateKey(err: unknown): boolean {
  const e = err as { code?: number; message?: string } | undefined
  return e?.code === 11000 || /E11000|UNIQUE constraint failed|SQLSTATE 23505/i.test(e?.message ?? '')
}
