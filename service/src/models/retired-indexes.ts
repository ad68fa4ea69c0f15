import type { Connection } from 'mongoose'

/**
 * Indexes earlier versions created and the schemas no longer declare. `createIndexes` never
 * drops anything, and a retired unique index would go on refusing valid data, so the index step
 * of the migrations runner drops them (after the new ones exist). Matched by key, not by name.
 */
export const RETIRED: Array<{ collection: string; key: Record<string, 1 | -1>; why: string }> = [
  { collection: 'cases', key: { appId: 1, number: 1 }, why: 'case numbers run per office (docs/adr/0160-case-numbers-per-office.md)' },
  // Keys moved to expert_keys (migration 0005): experts without a keyHash would collide on null.
  { collection: 'experts', key: { keyHash: 1 }, why: 'API keys live in expert_keys, several per expert (migration 0005)' },
  {
    collection: 'cases',
    key: { appId: 1, officeId: 1, chiefUnread: 1 },
    why: 'the unread badge reads the unread list segments (docs/adr/0100-bounded-hot-queries.md)'
  },
  // A btree over the whole token array: FerretDB on PostgreSQL refuses long documents (index row > 2704 bytes) and never used it.
  {
    collection: 'articles',
    key: { appId: 1, published: 1, 'search.keys': 1 },
    why: 'search is served by the in-memory index (docs/adr/0005-search-in-the-service.md)'
  },
  {
    collection: 'forum_threads',
    key: { appId: 1, hidden: 1, 'search.keys': 1 },
    why: 'search is served by the in-memory index (docs/adr/0005-search-in-the-service.md)'
  },
  {
    collection: 'stats_daily',
    key: { day: 1, officeId: 1 },
    why: 'reports read the counters by monthOffice, a month per query (docs/adr/0145-statistics-pre-aggregated-per-day.md, migration 0007)'
  }
]

const sameKey = (a: Record<string, unknown>, b: Record<string, unknown>) => JSON.stringify(a) === JSON.stringify(b)

/** Drops whichever retired indexes exist; returns their names. */
export async function dropRetiredIndexes(connection: Connection): Promise<string[]> {
  const db = connection.db
  if (!db) return []
  const dropped: string[] = []
  for (const retired of RETIRED) {
    const existing = await db
      .collection(retired.collection)
      .indexes()
      .catch(() => [])
    for (const index of existing) {
      if (!index.name || !sameKey(index.key, retired.key)) continue
      await db.collection(retired.collection).dropIndex(index.name)
      dropped.push(index.name)
    }
  }
  return dropped
}
