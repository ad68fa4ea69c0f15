import type { FastifyBaseLogger } from 'fastify'
import type { EventFeed, FeedEvent } from './feed.js'

export interface FollowerOptions {
  pollMs: number
  /** How long a taken-but-unstored sequence number may hold back later events before it is skipped. */
  gapTimeoutMs: number
  /** Recent events kept in memory, so a reconnecting client resumes without a database read. */
  recentLimit: number
  /** At most this many events are read per poll (and replayed from the database on resume). */
  batchLimit: number
}

export type FeedListener = (event: FeedEvent) => void

/**
 * Follows the shared feed for this whole instance: ONE read of the counter document per
 * poll whatever the number of connected clients, and only when it moved, bucket reads by
 * equality. Events are delivered in sequence order; a number that was taken but is not
 * stored yet (a writer between `$inc` and insert) holds back later ones for at most
 * `gapTimeoutMs`, so Last-Event-ID never skips an event that is about to appear.
 */
export function createFollower(feed: EventFeed, log: FastifyBaseLogger, options: FollowerOptions) {
  const listeners = new Set<FeedListener>()
  const recent: FeedEvent[] = []
  let cursor = 0
  let started = false
  let stopped = false
  let timer: NodeJS.Timeout | null = null
  let running: Promise<void> | null = null
  let again = false
  const gapSince = new Map<number, number>()

  function deliver(event: FeedEvent): void {
    cursor = event.seq
    recent.push(event)
    if (recent.length > options.recentLimit) recent.splice(0, recent.length - options.recentLimit)
    for (const listener of listeners) {
      try {
        listener(event)
      } catch (err) {
        log.error({ err }, 'event listener failed')
      }
    }
  }

  async function pollOnce(): Promise<void> {
    if (!started) {
      cursor = await feed.head()
      started = true
      return
    }
    const head = await feed.head()
    if (head <= cursor) return
    const to = Math.min(head, cursor + options.batchLimit)
    const events = new Map((await feed.range(cursor + 1, to)).map((e) => [e.seq, e]))
    const now = Date.now()
    for (let seq = cursor + 1; seq <= to; seq++) {
      const event = events.get(seq)
      if (event) {
        gapSince.delete(seq)
        deliver(event)
        continue
      }
      const since = gapSince.get(seq) ?? now
      gapSince.set(seq, since)
      if (now - since < options.gapTimeoutMs) break
      // Taken but never stored (the writer failed): nothing will ever carry this number.
      gapSince.delete(seq)
      cursor = seq
    }
    if (to < head) again = true
  }

  /** Runs one poll now (coalesced with a running one); resolves when the feed was read. */
  function poll(): Promise<void> {
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      do {
        again = false
        try {
          await pollOnce()
        } catch (err) {
          log.warn({ err: (err as Error).message }, 'reading the event feed failed')
          break
        }
      } while (again && !stopped)
    })().finally(() => {
      running = null
    })
    return running
  }

  function schedule(): void {
    if (stopped) return
    timer = setTimeout(() => {
      void poll().finally(schedule)
    }, options.pollMs)
    timer.unref()
  }

  return {
    async start(): Promise<void> {
      await poll()
      schedule()
    },
    stop(): void {
      stopped = true
      if (timer) clearTimeout(timer)
    },
    /** Read the feed now, e.g. right after this instance appended (a change stream would call this too). */
    poll,
    subscribe(listener: FeedListener): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    /** The last sequence number delivered to listeners. */
    get cursor(): number {
      return cursor
    },
    /**
     * Events after `lastSeen` up to the cursor: from memory when it reaches back that far,
     * else from the database (bounded by `batchLimit`; older events have expired or are too
     * many to replay, and the client reloads its lists on reconnect anyway).
     */
    async since(lastSeen: number): Promise<FeedEvent[]> {
      const upTo = cursor
      if (lastSeen >= upTo) return []
      const oldest = recent[0]?.seq
      if (oldest !== undefined && oldest <= lastSeen + 1) return recent.filter((e) => e.seq > lastSeen && e.seq <= upTo)
      const from = Math.max(lastSeen + 1, upTo - options.batchLimit + 1)
      return feed.range(from, upTo)
    },
    /** Recent events still in memory (e.g. presence that has not expired yet). */
    recent(): readonly FeedEvent[] {
      return recent
    }
  }
}

export type Follower = ReturnType<typeof createFollower>
