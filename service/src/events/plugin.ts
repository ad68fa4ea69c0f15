import fp from 'fastify-plugin'
import { createActivityRecorder, isCaseActivity, type ActivityRecorder } from './activity.js'
import { createEventFeed, toEvent, type EventFeed } from './feed.js'
import { createFollower, type Follower } from './follower.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** Where repositories report every write that matters (event feed, notifications, …). */
    activity: ActivityRecorder
    eventFeed: EventFeed
    /** This instance's one reader of the shared feed; live streams subscribe to it. */
    eventFollower: Follower
  }
}

const MAX_SWEEP_EVERY_MS = 10 * 60_000

/**
 * The event feed shared by all instances: activities are appended in the request's own
 * code path, and one follower per instance reads them back for the live streams. Registered
 * before the repositories, which receive `fastify.activity`.
 */
export default fp(
  async function eventsPlugin(fastify) {
    const { eventsPollMs, eventsRetentionSeconds } = fastify.config
    const feed = createEventFeed(fastify.models)
    const follower = createFollower(feed, fastify.log, { pollMs: eventsPollMs, gapTimeoutMs: 2000, recentLimit: 2048, batchLimit: 512 })
    const activity = createActivityRecorder(fastify.log)
    activity.use('event-feed', async (activities) => {
      const events = activities.filter(isCaseActivity).map(toEvent)
      if (events.length === 0) return
      await feed.append(events)
      // This instance's own streams need not wait for the next poll.
      void follower.poll()
    })
    fastify.decorate('activity', activity)
    fastify.decorate('eventFeed', feed)
    fastify.decorate('eventFollower', follower)

    const sweepEveryMs = Math.min(MAX_SWEEP_EVERY_MS, (eventsRetentionSeconds * 1000) / 4)
    const sweeper = setInterval(() => {
      if (fastify.db.readyState !== 1) return
      feed.expire(new Date(Date.now() - eventsRetentionSeconds * 1000)).catch((err: Error) => fastify.log.warn({ err: err.message }, 'expiring events failed'))
    }, sweepEveryMs)
    sweeper.unref()

    fastify.addHook('onReady', async () => {
      await follower.start()
    })
    fastify.addHook('onClose', async () => {
      clearInterval(sweeper)
      follower.stop()
    })
  },
  { name: 'events', dependencies: ['mongoose'] }
)
