/**
 * A unique-index violation. MongoDB and FerretDB report it on insert as code 11000; FerretDB
 * on SQLite reports one on update as code 1 with SQLite's message, so the message counts too.
 */
export function isDuplicateKey(err: unknown): boolean {
  const e = err as { code?: number; message?: string } | null
  return e?.code === 11000 || /E11000|UNIQUE constraint failed/i.test(e?.message ?? '')
}
