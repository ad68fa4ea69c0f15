import { randomUUID } from 'node:crypto'
import { LRUCache } from 'lru-cache'
import type { Models } from '../../models/index.js'

/** The office whose cases a write touched (every case carries both). */
export interface Tenant {
  appId: string
  officeId: string
}

const versionId = ({ appId, officeId }: Tenant) => `${appId}|${officeId}`

/**
 * Gives the office's list version a new token. Called after every write to a case that a list
 * page or the unread count shows, once that write is stored: a read that starts later, on any
 * instance, finds the new token and does not serve a page cached before it.
 */
export async function touchOffice(models: Models, tenant: Tenant): Promise<void> {
  const write = () => models.CaseListVersion.updateOne({ _id: versionId(tenant) }, { $set: { token: randomUUID() } }, { upsert: true })
  // Two first writers of an office may both try to insert the document; the second then updates it.
  await write().catch(write)
}

export interface PageCacheOptions {
  /** Values (a page of at most 101 cases, or a count) this process keeps, least recently used going first; 0 turns the cache off. */
  maxEntries: number
  /** Longest time a cached value is served, even with an unchanged token (a backstop, ADR 0101). */
  ttlMs: number
}

interface Entry {
  token: string
  value: unknown
}

interface TokenReads {
  running?: Promise<string>
  next?: Promise<string>
}

/**
 * The chief's hot list pages and unread count, cached per office in this process and
 * validated on every read against the office's token in the database (docs/adr/0101-cached-list-pages.md).
 * The validation is one read by `_id`, shared by the requests of that office that arrived
 * before it started: a read already in flight may predate a caller's own earlier write, so a
 * caller always waits for one that starts after it arrived.
 */
export function createPageCache(models: Models, options: PageCacheOptions) {
  const enabled = options.maxEntries > 0
  const entries = new LRUCache<string, Entry>({ max: Math.max(1, options.maxEntries), ttl: options.ttlMs })
  const reads = new Map<string, TokenReads>()

  const fetchToken = async (id: string): Promise<string> => (await models.CaseListVersion.findById(id, { token: 1 }).lean())?.token ?? ''

  function launch(id: string, r: TokenReads): Promise<string> {
    const read: Promise<string> = fetchToken(id).finally(() => {
      if (r.running === read) r.running = undefined
      if (!r.running && !r.next) reads.delete(id)
    })
    r.running = read
    return read
  }

  /** The office's token as stored after the caller arrived. */
  function currentToken(id: string): Promise<string> {
    let r = reads.get(id)
    if (!r) reads.set(id, (r = {}))
    if (!r.running) return launch(id, r)
    const state = r
    state.next ??= state
      .running!.then(
        () => undefined,
        () => undefined
      )
      .then(() => {
        state.next = undefined
        return launch(id, state)
      })
    return state.next
  }

  return {
    /**
     * `key`'s value for the office: from this process's cache while the office's token has not
     * moved since it was loaded, otherwise from `load` (and kept for the next read).
     */
    async read<T>(tenant: Tenant, key: string, load: () => Promise<T>): Promise<T> {
      if (!enabled) return load()
      const id = versionId(tenant)
      let token: string
      try {
        token = await currentToken(id)
      } catch {
        return load()
      }
      const entryKey = `${id}|${key}`
      const entry = entries.get(entryKey)
      if (entry?.token === token) return entry.value as T
      // Kept under the token read before loading: a write stored after that read changes the
      // token, so this value can never be served past it.
      const value = await load()
      entries.set(entryKey, { token, value })
      return value
    }
  }
}

export type PageCache = ReturnType<typeof createPageCache>
