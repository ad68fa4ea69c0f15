import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { FastifyBaseLogger } from 'fastify'
import type { Hit } from './engine.js'
import type { HitFilter, SearchLimits, WorkerOptions, WorkerReply, WorkerRequest } from './protocol.js'

type Pending = { resolve: (reply: WorkerReply) => void; reject: (err: Error) => void }
type Request<T extends WorkerRequest['op']> = Omit<Extract<WorkerRequest, { op: T }>, 'id'>

// The built service runs the compiled worker; under vitest or tsx the source is TypeScript,
// which a worker can load only through tsx's API (a worker ignores `--import` loaders).
const fromSource = import.meta.url.endsWith('.ts')

function spawn(workerData: WorkerOptions): Worker {
  if (!fromSource) return new Worker(new URL('./worker.js', import.meta.url), { workerData })
  const api = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs')
  ).href
  const source = new URL('./worker.ts', import.meta.url).href
  return new Worker(`import(${JSON.stringify(api)}).then((tsx) => tsx.tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}))`, {
    eval: true,
    workerData
  })
}

/**
 * The service's side of the search worker: started on first use, messages answered by id.
 * If the worker dies, pending calls fail, `onLost` tells the owner its indexes are gone,
 * and the next call starts a new worker.
 */
export function createWorkerClient(options: WorkerOptions & { log: FastifyBaseLogger; onLost: () => void }) {
  let worker: Worker | null = null
  let nextId = 1
  const pending = new Map<number, Pending>()

  function start(): Worker {
    const w = spawn({ maxDocsPerApp: options.maxDocsPerApp })
    w.unref()
    w.on('message', (reply: WorkerReply) => {
      const call = pending.get(reply.id)
      pending.delete(reply.id)
      call?.resolve(reply)
    })
    const lost = (err: Error) => {
      if (worker !== w) return
      worker = null
      for (const call of pending.values()) call.reject(err)
      pending.clear()
      options.log.error({ err }, 'search worker stopped; indexes will be rebuilt')
      options.onLost()
    }
    w.on('error', lost)
    w.on('exit', (code) => lost(new Error(`search worker exited with code ${code}`)))
    return w
  }

  const get = (): Worker => (worker ??= start())

  function call(message: Request<'search'> | Request<'size'>): Promise<WorkerReply> {
    const id = nextId++
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject })
      get().postMessage({ ...message, id })
    })
  }

  const unwrap = <T>(reply: WorkerReply, pick: (r: WorkerReply) => T | undefined): T => {
    if ('error' in reply) throw new Error(reply.error)
    return pick(reply) as T
  }

  return {
    /** Fire and forget: messages are handled in order, so a later search sees the change. */
    send(message: Exclude<WorkerRequest, { op: 'search' | 'size' }>): void {
      get().postMessage(message)
    },

    async search(appId: string, tokens: string[], filter: HitFilter, options: SearchLimits = {}): Promise<Hit[]> {
      const reply = await call({ op: 'search', appId, tokens, filter, ...options })
      return unwrap(reply, (r) => ('hits' in r ? r.hits : undefined))
    },

    async size(appId: string): Promise<number> {
      return unwrap(await call({ op: 'size', appId }), (r) => ('size' in r ? r.size : undefined))
    },

    async stop(): Promise<void> {
      const w = worker
      worker = null
      if (w) await w.terminate()
    }
  }
}

export type WorkerClient = ReturnType<typeof createWorkerClient>
