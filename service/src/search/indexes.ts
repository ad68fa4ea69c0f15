import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type { FastifyBaseLogger } from 'fastify'
import type { Models } from '../models/index.js'
import { toObjectId } from '../repositories/map.js'
import type { DocKind, Hit, IndexedDoc } from './engine.js'
import { ARTICLE_FIELDS, THREAD_FIELDS, articleDoc, docKey, threadDoc, type ArticleSource, type ThreadSource } from './documents.js'
import type { HitFilter, SearchLimits } from './protocol.js'
import { createWorkerClient } from './worker-client.js'
import { isDuplicateKey } from '../repositories/duplicate-key.js'

export interface SearchIndexOptions {
  /** How often each instance checks whether another one changed an app's content. */
  syncIntervalMs: number
  /** Documents one app's index may hold; the threads indexed longest ago go first. */
  maxDocsPerApp: number
  /** How long change entries are kept; an instance out of touch for half of it rebuilds. */
  changeRetentionMs?: number
  log: FastifyBaseLogger
}

/** What this instance knows about one app's index (the index itself lives in the worker). */
interface AppState {
  generation: number
  version: string | null
  /** Date.now() of the last successful build or sync. */
  syncedAt: number
  /** Change entries already applied (id → time), so a re-read applies nothing twice. */
  applied: Map<string, number>
}

interface Entry {
  ready: Promise<AppState>
  /** Work on one app's index runs one task after another (apply, sync, rebuild). */
  queue: Promise<unknown>
}

// Documents read and sent to the worker per message: small, so neither thread decodes much at once.
const BATCH = 50
/** A failed build (database down) is retried on use, but not sooner than this. */
const RETRY_BUILD_MS = 5000
const MAX_CHANGES_READ = 5000
/** Share of a search's time budget the worker may spend looking words up. */
const LOOKUP_SHARE = 0.6
const timeout = <T>(ms: number, value: T): Promise<T> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms), value).unref())

/**
 * In-memory search per host app, held by a worker thread: built from the database on
 * first use (and at start for every app), kept current by this instance's own writes at
 * once and by other instances' writes within `syncIntervalMs` (models/search-sync.ts).
 */
export function createSearchIndexes(models: Models, options: SearchIndexOptions) {
  const { Article, ForumThread, SearchChange, SearchVersion, App } = models
  const retentionMs = options.changeRetentionMs ?? 10 * 60_000
  const apps = new Map<string, Entry>()
  let generations = 0
  // A dead worker took every index with it: forget them all, the next use rebuilds.
  const worker = createWorkerClient({ maxDocsPerApp: options.maxDocsPerApp, log: options.log, onLost: () => apps.clear() })

  const readVersion = async (appId: string): Promise<string | null> =>
    ((await SearchVersion.findById(appId, { token: 1 }).lean()) as { token: string } | null)?.token ?? null

  async function build(appId: string): Promise<AppState> {
    const started = Date.now()
    const generation = ++generations
    // The version is read before the documents: a change made meanwhile moves it again.
    const version = await readVersion(appId)
    worker.send({ op: 'begin', appId, generation })
    let batch: IndexedDoc[] = []
    let count = 0
    const flush = () => {
      if (batch.length) worker.send({ op: 'put', appId, generation, docs: batch })
      count += batch.length
      batch = []
    }
    const cap = options.maxDocsPerApp
    for await (const d of Article.find({ appId, published: true }, ARTICLE_FIELDS).limit(cap).lean().cursor({ batchSize: BATCH })) {
      const doc = articleDoc(d as unknown as ArticleSource)
      if (doc) batch.push(doc)
      if (batch.length >= BATCH) flush()
    }
    flush()
    // Which threads fit is decided on small documents first, most recent activity first.
    const filter = { appId, hidden: false, solved: true }
    const newest = await ForumThread.find(filter, { lastActivityAt: 1 })
      .sort({ lastActivityAt: -1 })
      .limit(Math.max(0, cap - count))
      .lean()
    const keep = new Set(newest.map((t) => String(t._id)))
    for await (const t of ForumThread.find(filter, THREAD_FIELDS).lean().cursor({ batchSize: BATCH })) {
      const doc = keep.has(String(t._id)) ? threadDoc(t as unknown as ThreadSource) : null
      if (doc) batch.push(doc)
      if (batch.length >= BATCH) flush()
    }
    flush()
    worker.send({ op: 'commit', appId, generation })
    options.log.info({ appId, documents: count, ms: Date.now() - started }, 'search index built')
    return { generation, version, syncedAt: started, applied: new Map() }
  }

  /** Re-reads one document and puts it in (or takes it out of) the index. */
  async function apply(appId: string, state: AppState, kind: DocKind, docId: string): Promise<void> {
    const _id = toObjectId(docId)
    let doc: IndexedDoc | null = null
    if (_id && kind === 'article') {
      const found = (await Article.findById(_id, ARTICLE_FIELDS).lean()) as ArticleSource | null
      doc = found && found.appId === appId ? articleDoc(found) : null
    } else if (_id) {
      const found = (await ForumThread.findById(_id, THREAD_FIELDS).lean()) as ThreadSource | null
      doc = found && found.appId === appId ? threadDoc(found) : null
    }
    if (doc) worker.send({ op: 'put', appId, generation: state.generation, docs: [doc] })
    else worker.send({ op: 'remove', appId, key: docKey(kind, docId) })
  }

  function entryFor(appId: string): Entry {
    let entry = apps.get(appId)
    if (!entry) {
      const ready = build(appId)
      const created: Entry = { ready, queue: ready }
      apps.set(appId, created)
      ready.catch((err: unknown) => {
        options.log.warn({ err, appId }, 'building the search index failed')
        setTimeout(() => apps.get(appId) === created && apps.delete(appId), RETRY_BUILD_MS).unref()
      })
      entry = created
    }
    return entry
  }

  /** Runs a task after the ones before it; the returned promise settles with it. */
  function enqueue<T>(entry: Entry, task: (state: AppState) => Promise<T>): Promise<T> {
    const run = entry.queue.then(() => entry.ready).then(task)
    entry.queue = run.catch(() => undefined)
    return run
  }

  async function sync(appId: string, entry: Entry): Promise<void> {
    await enqueue(entry, async (state) => {
      const started = Date.now()
      if (started - state.syncedAt > retentionMs / 2) {
        // Out of touch longer than the change log is surely kept: rebuild.
        entry.ready = Promise.resolve(await build(appId))
        return
      }
      const version = await readVersion(appId)
      if (version === state.version) {
        state.syncedAt = started
        return
      }
      const changes = await SearchChange.find({ appId }, { kind: 1, docId: 1, at: 1 }).limit(MAX_CHANGES_READ).lean()
      if (changes.length >= MAX_CHANGES_READ) {
        entry.ready = Promise.resolve(await build(appId))
        return
      }
      for (const change of changes) {
        const id = String(change._id)
        if (state.applied.has(id)) continue
        await apply(appId, state, change.kind as DocKind, change.docId)
        state.applied.set(id, change.at.getTime())
      }
      for (const [id, at] of state.applied) if (at < started - retentionMs) state.applied.delete(id)
      state.version = version
      state.syncedAt = started
    })
  }

  let syncing = false
  async function syncAll(): Promise<void> {
    if (syncing) return
    syncing = true
    try {
      for (const [appId, entry] of apps) {
        await sync(appId, entry).catch((err: unknown) => options.log.warn({ err, appId }, 'search index sync failed'))
      }
    } finally {
      syncing = false
    }
  }

  const timers: NodeJS.Timeout[] = []

  return {
    /** Builds every app's index in the background and starts following changes. */
    start(): void {
      timers.push(setInterval(() => void syncAll(), options.syncIntervalMs).unref())
      const prune = () =>
        SearchChange.deleteMany({ at: { $lte: new Date(Date.now() - retentionMs) } }).catch((err: unknown) =>
          options.log.warn({ err }, 'search change pruning failed')
        )
      timers.push(setInterval(() => void prune(), Math.min(retentionMs / 4, 60_000)).unref())
      void (async () => {
        const all = await App.find({}, { _id: 1 }).lean()
        for (const app of all) await entryFor(String(app._id)).ready.catch(() => undefined)
      })().catch((err: unknown) => options.log.warn({ err }, 'loading search indexes failed'))
    },

    async stop(): Promise<void> {
      for (const t of timers.splice(0)) clearInterval(t)
      await worker.stop()
    },

    /** Checks every loaded app for changes made elsewhere, now. */
    syncNow: syncAll,

    /**
     * Records that an article or thread changed (after the database write), so every
     * instance re-reads it; this instance's index has it before the promise settles.
     */
    async changed(appId: string, kind: DocKind, docId: string): Promise<void> {
      const at = new Date()
      const change = await SearchChange.create({ appId, kind, docId, at })
      const token = randomUUID()
      await SearchVersion.updateOne({ _id: appId }, { $set: { token } }, { upsert: true }).catch(async (err: unknown) => {
        // Two first-ever upserts raced: the document exists now.
        if (!isDuplicateKey(err)) throw err
        await SearchVersion.updateOne({ _id: appId }, { $set: { token } })
      })
      const entry = apps.get(appId)
      if (!entry) return
      await enqueue(entry, async (state) => {
        await apply(appId, state, kind, docId)
        state.applied.set(String(change._id), at.getTime())
      })
    },

    /**
     * Ranked hits of one app (the best `limit` of them). With a budget the answer comes within
     * it: what was found by then, or nothing while the index is still loading or the worker is busy.
     */
    async search(appId: string, tokens: string[], filter: HitFilter, { budgetMs, limit }: SearchLimits = {}): Promise<Hit[]> {
      if (tokens.length === 0) return []
      const entry = entryFor(appId)
      const only = limit !== undefined ? { limit } : {}
      if (budgetMs === undefined) {
        await entry.ready
        return worker.search(appId, tokens, filter, only)
      }
      const deadline = performance.now() + budgetMs
      // Suggestions are a nicety: an index still loading, or failing to, answers nothing.
      if (
        !(await Promise.race([
          entry.ready.then(
            () => true,
            () => false
          ),
          timeout(budgetMs, false)
        ]))
      )
        return []
      const left = deadline - performance.now()
      // The worker stops looking words up with a share of the time still left to rank, answer and
      // be heard: with the whole of it, a search that used its budget lost the race below.
      const lookupMs = Math.max(1, left * LOOKUP_SHARE)
      return Promise.race([worker.search(appId, tokens, filter, { budgetMs: lookupMs, ...only }), timeout(left, [] as Hit[])])
    },

    /** Documents held for an app once its index is loaded (diagnostics and tests). */
    async size(appId: string): Promise<number> {
      await entryFor(appId).ready
      return worker.size(appId)
    }
  }
}

export type SearchIndexes = ReturnType<typeof createSearchIndexes>
