import { parentPort, workerData } from 'node:worker_threads'
import { performance } from 'node:perf_hooks'
import { createEngine, searchEngine, type IndexedDoc } from './engine.js'
import type { WorkerOptions, WorkerReply, WorkerRequest } from './protocol.js'

/**
 * The search worker: one MiniSearch index per app. Messages are handled in order, so a
 * document put before a search is found by it. Builds go to a separate index that replaces
 * the live one on commit, so searches keep answering from the old one meanwhile.
 */

interface AppIndex {
  engine: ReturnType<typeof createEngine>
  /** Indexed thread keys, least recently active first: what goes when the cap is reached. */
  threads: Map<string, true>
  generation: number
}

const { maxDocsPerApp } = workerData as WorkerOptions
const live = new Map<string, AppIndex>()
const building = new Map<string, AppIndex>()
const port = parentPort!

const fresh = (generation: number): AppIndex => ({ engine: createEngine(), threads: new Map(), generation })

function put(index: AppIndex, doc: IndexedDoc): void {
  if (index.engine.has(doc.key)) {
    index.engine.discard(doc.key)
    index.threads.delete(doc.key)
  }
  index.engine.add(doc)
  if (doc.meta.kind !== 'thread') return
  index.threads.set(doc.key, true)
  // Bounded memory: past the cap the least recently active thread leaves the index.
  while (index.engine.documentCount > maxDocsPerApp && index.threads.size > 0) {
    const oldest = index.threads.keys().next().value as string
    index.threads.delete(oldest)
    index.engine.discard(oldest)
  }
}

function remove(index: AppIndex, key: string): void {
  if (!index.engine.has(key)) return
  index.engine.discard(key)
  index.threads.delete(key)
}

function handle(msg: WorkerRequest): WorkerReply | null {
  switch (msg.op) {
    case 'begin':
      building.set(msg.appId, fresh(msg.generation))
      return null
    case 'put': {
      // Into the index being built for this generation, else into the live one.
      let target = building.get(msg.appId)
      if (target?.generation !== msg.generation) {
        target = live.get(msg.appId) ?? fresh(msg.generation)
        live.set(msg.appId, target)
      }
      for (const doc of msg.docs) put(target, doc)
      return null
    }
    case 'commit': {
      const built = building.get(msg.appId)
      if (built?.generation === msg.generation) {
        live.set(msg.appId, built)
        building.delete(msg.appId)
      }
      return null
    }
    case 'remove':
      for (const index of [live.get(msg.appId), building.get(msg.appId)]) if (index) remove(index, msg.key)
      return null
    case 'drop':
      live.delete(msg.appId)
      building.delete(msg.appId)
      return null
    case 'size':
      return { id: msg.id, size: live.get(msg.appId)?.engine.documentCount ?? 0 }
    case 'search': {
      const index = live.get(msg.appId)
      if (!index) return { id: msg.id, hits: [] }
      const { kinds, category } = msg.filter
      const hits = searchEngine(index.engine, msg.tokens, {
        filter: (m) => (!kinds || kinds.includes(m.kind)) && (!category || m.category?.id === category),
        ...(msg.limit !== undefined ? { limit: msg.limit } : {}),
        ...(msg.budgetMs !== undefined ? { deadline: performance.now() + msg.budgetMs } : {})
      })
      return { id: msg.id, hits }
    }
  }
}

// Handled synchronously, one message at a time, in arrival order.
port.on('message', (msg: WorkerRequest) => {
  try {
    const reply = handle(msg)
    if (reply) port.postMessage(reply)
  } catch (err) {
    if ('id' in msg) port.postMessage({ id: msg.id, error: (err as Error).message })
  }
})
