import type { ServerResponse } from 'node:http'
import type { FastifyBaseLogger } from 'fastify'
import type { Identity } from '../domain/identity.js'
import type { FeedEvent } from './feed.js'
import type { Follower } from './follower.js'
import { adminFrame, changesUnread, chiefFrame, encodeFrame, type Frame } from './frames.js'

export type Audience = { kind: 'chief'; identity: Identity } | { kind: 'expert'; expertId: string }

/** A stream whose client does not read this much buffered output is dropped (it reconnects and resumes). */
const MAX_BUFFERED_BYTES = 1024 * 1024
/** Reconnect hint given to every client when this instance shuts down. */
const RECONNECT_MIN_MS = 500
const RECONNECT_SPREAD_MS = 2500

interface Connection {
  raw: ServerResponse
  audience: Audience
  /** Live frames that arrived while the connect-time snapshot and replay were being read. */
  pending: Frame[] | null
  lastId: number
  lastUnread: number | null
  /** The unread count changed while the stream was opening: count again once it is open. */
  recountWhenOpen: boolean
  expiry: NodeJS.Timeout | null
}

const tenantKey = ({ tenant }: Identity): string => `${tenant.appId}\u0000${tenant.officeId}`
const eventTenant = (e: FeedEvent): string => `${e.appId}\u0000${e.officeId}`

export interface LiveHubOptions {
  heartbeatMs: number
  unreadCount(identity: Identity): Promise<number>
}

/**
 * This instance's live streams. The follower hands each feed event over once; the hub finds
 * the interested connections through an index by office, so the cost of an event grows with
 * the clients that receive it, and database reads (the unread count) happen once per office
 * and change, never once per client.
 */
export function createLiveHub(follower: Follower, log: FastifyBaseLogger, options: LiveHubOptions) {
  const chiefs = new Map<string, Set<Connection>>()
  const experts = new Set<Connection>()
  const recounting = new Map<string, Promise<void>>()
  const recountAgain = new Set<string>()

  function write(conn: Connection, chunk: string): void {
    if (conn.raw.destroyed) return
    if (conn.raw.writableLength > MAX_BUFFERED_BYTES) {
      log.warn('dropping a live stream whose client does not read')
      conn.raw.destroy()
      return
    }
    conn.raw.write(chunk)
  }

  function send(conn: Connection, frame: Frame): void {
    if (conn.pending) {
      conn.pending.push(frame)
      return
    }
    if (frame.id !== undefined) {
      if (frame.id <= conn.lastId) return
      conn.lastId = frame.id
    }
    write(conn, encodeFrame(frame))
  }

  function sendUnread(conn: Connection, count: number): void {
    if (conn.lastUnread === count) return
    conn.lastUnread = count
    write(conn, encodeFrame({ event: 'unread', data: { count } }))
  }

  function recount(key: string): void {
    if (recounting.has(key)) {
      recountAgain.add(key)
      return
    }
    const run = (async () => {
      do {
        recountAgain.delete(key)
        const conns = chiefs.get(key)
        const first = conns?.values().next().value
        if (!first || first.audience.kind !== 'chief') return
        const count = await options.unreadCount(first.audience.identity)
        for (const conn of chiefs.get(key) ?? []) {
          if (conn.pending) conn.recountWhenOpen = true
          else sendUnread(conn, count)
        }
      } while (recountAgain.has(key))
    })()
      .catch((err: Error) => log.warn({ err: err.message }, 'recounting unread cases failed'))
      .finally(() => recounting.delete(key))
    recounting.set(key, run)
  }

  function frameFor(conn: Connection, event: FeedEvent): Frame | null {
    if (conn.audience.kind === 'expert') return adminFrame(event)
    return eventTenant(event) === tenantKey(conn.audience.identity) ? chiefFrame(event) : null
  }

  follower.subscribe((event) => {
    for (const conn of experts) send(conn, adminFrame(event))
    const key = eventTenant(event)
    const conns = chiefs.get(key)
    if (!conns) return
    const frame = chiefFrame(event)
    if (frame) for (const conn of conns) send(conn, frame)
    if (changesUnread(event)) recount(key)
  })

  const heartbeat = setInterval(() => {
    for (const set of [experts, ...chiefs.values()]) for (const conn of set) if (!conn.pending) write(conn, ': heartbeat\n\n')
  }, options.heartbeatMs)
  heartbeat.unref()

  function remove(conn: Connection): void {
    if (conn.expiry) clearTimeout(conn.expiry)
    if (conn.audience.kind === 'expert') experts.delete(conn)
    else {
      const key = tenantKey(conn.audience.identity)
      const set = chiefs.get(key)
      set?.delete(conn)
      if (set?.size === 0) chiefs.delete(key)
    }
  }

  /** Presence that is still current, newest per (case, expert): a console opened now shows who is there. */
  function activePresence(): Frame[] {
    const now = Date.now()
    const latest = new Map<string, FeedEvent>()
    for (const e of follower.recent()) if (e.type === 'presence') latest.set(`${e.caseId}/${e.data.expert.id}`, e)
    return [...latest.values()].filter((e) => e.type === 'presence' && e.data.state !== 'left' && Date.parse(e.data.expiresAt) > now).map(adminFrame)
  }

  return {
    /**
     * Starts an event stream on a response whose headers were already written. Order: the
     * unread snapshot, then what was missed since Last-Event-ID, then live frames (held
     * back meanwhile and de-duplicated by id, so nothing is lost or sent twice).
     */
    async open(raw: ServerResponse, audience: Audience, lastEventId: number | null, expiresAt: Date | null): Promise<void> {
      const conn: Connection = { raw, audience, pending: [], lastId: lastEventId ?? 0, lastUnread: null, recountWhenOpen: false, expiry: null }
      if (audience.kind === 'expert') experts.add(conn)
      else {
        const key = tenantKey(audience.identity)
        const set = chiefs.get(key) ?? new Set()
        set.add(conn)
        chiefs.set(key, set)
      }
      raw.on('close', () => remove(conn))
      if (expiresAt) {
        // The identity behind the stream ends with its token; the client reconnects with a fresh one.
        conn.expiry = setTimeout(() => raw.end(), Math.max(0, expiresAt.getTime() - Date.now()))
        conn.expiry.unref()
      }
      try {
        const unread = audience.kind === 'chief' ? await options.unreadCount(audience.identity) : null
        const missed = lastEventId === null ? [] : await follower.since(lastEventId)
        const held = conn.pending
        conn.pending = null
        if (unread !== null) sendUnread(conn, unread)
        if (lastEventId === null && audience.kind === 'expert') for (const frame of activePresence()) send(conn, frame)
        for (const event of missed) {
          const frame = frameFor(conn, event)
          if (frame) send(conn, frame)
        }
        for (const frame of held ?? []) send(conn, frame)
        if (conn.recountWhenOpen && audience.kind === 'chief') recount(tenantKey(audience.identity))
      } catch (err) {
        log.warn({ err: (err as Error).message }, 'opening a live stream failed')
        raw.destroy()
      }
    },

    /**
     * Ends every stream (the server is closing; clients reconnect to another instance). Each
     * gets a `retry:` hint first, spread over a few seconds so the clients of a stopping
     * instance do not all reconnect to the others at the same moment.
     */
    closeAll(): void {
      clearInterval(heartbeat)
      for (const set of [experts, ...chiefs.values()]) {
        for (const conn of set) {
          if (!conn.raw.destroyed) conn.raw.end(`retry: ${RECONNECT_MIN_MS + Math.floor(Math.random() * RECONNECT_SPREAD_MS)}\n\n`)
        }
      }
    },

    get connections(): number {
      let n = experts.size
      for (const set of chiefs.values()) n += set.size
      return n
    }
  }
}

export type LiveHub = ReturnType<typeof createLiveHub>
