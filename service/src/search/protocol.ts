import type { DocKind, Hit, IndexedDoc } from './engine.js'

/**
 * Messages between the service and its search worker (search/worker.ts). Everything CPU-
 * heavy about search (indexing, lookups) runs in the worker, so no query and no index
 * build can hold the service's event loop, however large the app or long the draft.
 */

/** What a search may return, as data (a function cannot cross threads). */
export interface HitFilter {
  kinds?: DocKind[]
  category?: string
}

export interface SearchLimits {
  /** Words after the first are looked up only while this much time has not passed. */
  budgetMs?: number
  /** The best this many hits, ranked in the worker, so only they are copied back to the service. */
  limit?: number
}

export type WorkerRequest =
  | { op: 'begin'; appId: string; generation: number }
  | { op: 'put'; appId: string; generation: number; docs: IndexedDoc[] }
  | { op: 'commit'; appId: string; generation: number }
  | { op: 'remove'; appId: string; key: string }
  | { op: 'drop'; appId: string }
  | ({ op: 'search'; id: number; appId: string; tokens: string[]; filter: HitFilter } & SearchLimits)
  | { op: 'size'; id: number; appId: string }

export type WorkerReply = { id: number; hits: Hit[] } | { id: number; size: number } | { id: number; error: string }

export interface WorkerOptions {
  maxDocsPerApp: number
}
