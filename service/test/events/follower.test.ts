import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { eventually } from '../helpers/eventually.js'
import { createEventFeed, type FeedEvent, type NewEvent } from '../../src/events/feed.js'
import { createFollower } from '../../src/events/follower.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

const presence = (caseId: string): NewEvent => ({
  type: 'presence',
  appId: 'a',
  officeId: 'o',
  caseId,
  data: { expert: { id: 'e', name: 'E' }, state: 'viewing', expiresAt: new Date().toISOString() }
})

describe('the feed follower', () => {
  it('holds later events back while a taken number is not stored yet, then skips it', async () => {
    const feed = createEventFeed(app.models)
    const follower = createFollower(feed, app.log, { pollMs: 10_000, gapTimeoutMs: 400, recentLimit: 100, batchLimit: 100 })
    await follower.start()
    const delivered: FeedEvent[] = []
    follower.subscribe((e) => delivered.push(e))
    // A writer that took a number and died before inserting its event.
    await app.models.Counter.updateOne({ _id: 'events:seq' }, { $inc: { seq: 1 } }, { upsert: true })
    const [after] = await feed.append([presence('after-gap')])
    await follower.poll()
    expect(delivered).toEqual([])
    await eventually(
      async () => {
        await follower.poll()
        return delivered.length === 1
      },
      5000,
      'the gap to be skipped'
    )
    expect(delivered[0]!.seq).toBe(after!.seq)
    follower.stop()
  })

  it('replays from the database what is no longer in memory', async () => {
    const feed = createEventFeed(app.models)
    const follower = createFollower(feed, app.log, { pollMs: 10_000, gapTimeoutMs: 400, recentLimit: 2, batchLimit: 100 })
    await follower.start()
    const appended = await feed.append(['r1', 'r2', 'r3', 'r4', 'r5'].map(presence))
    await follower.poll()
    expect(follower.recent().map((e) => e.caseId)).toEqual(['r4', 'r5'])
    const replay = await follower.since(appended[0]!.seq)
    expect(replay.map((e) => e.caseId)).toEqual(['r2', 'r3', 'r4', 'r5'])
    expect(await follower.since(appended[3]!.seq)).toEqual([follower.recent()[1]])
    follower.stop()
  })
})
