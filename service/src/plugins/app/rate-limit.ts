import fp from 'fastify-plugin'
import rateLimit, { type FastifyRateLimitStore, type RateLimitPluginOptions } from '@fastify/rate-limit'
import type { FastifyRequest } from 'fastify'
import type { Config } from '../../config.js'
import { AppError } from '../../errors.js'
import { createRateLimitsRepository, type RateLimitsRepository } from '../../repositories/rate-limits.js'

const CLEANUP_EVERY_MS = 5 * 60_000

/** Who is counted: the verified end user (per app), else the expert, else the client address. */
export function rateLimitKey(request: FastifyRequest): string {
  if (request.verifiedIdentity) return `u:${request.verifiedIdentity.appId}:${request.verifiedIdentity.userId}`
  if (request.expert) return `e:${request.expert.id}`
  return `ip:${request.ip}`
}

type StoreOptions = { groupId?: string; routeInfo?: { method?: string | string[]; url?: string } }

/** A @fastify/rate-limit store over the shared counters; one namespace per route or group. */
function mongoStore(counters: RateLimitsRepository) {
  return class MongoRateLimitStore implements FastifyRateLimitStore {
    private readonly namespace: string
    // The plugin constructs the root store with its own options; children get a namespace.
    constructor(namespace?: unknown) {
      this.namespace = typeof namespace === 'string' ? namespace : 'global'
    }

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number, max: number): void {
      counters.hit(`${this.namespace}|${key}`, timeWindow, max).then(
        (r) => callback(null, r),
        (err: Error) => callback(err)
      )
    }

    read(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void): void {
      counters.peek(`${this.namespace}|${key}`).then(
        (r) => callback(null, r),
        (err: Error) => callback(err)
      )
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      // The plugin passes the merged route limit options (groupId, routeInfo), typed loosely upstream.
      const options = routeOptions as unknown as StoreOptions
      // Routes in one group (e.g. every way of posting to the forum) share one counter.
      const route = options.routeInfo
      return new MongoRateLimitStore(options.groupId ? `g:${options.groupId}` : `r:${[route?.method].flat().join(',')} ${route?.url ?? ''}`)
    }
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The shared counters, for limits keyed on something other than the caller (e.g. an e-mail address). */
    rateCounters: RateLimitsRepository
  }
}

/**
 * Per-user rate limits that hold across several service instances (the counters live in
 * the database). Nothing is limited globally; a route opts in with
 * `config: { rateLimit: { max, timeWindow, groupId? } }`. The hook runs after the subtree's
 * auth hook, so the key is the verified identity, never something the client claims.
 */
export default fp(
  async function rateLimitPlugin(fastify) {
    const counters = createRateLimitsRepository(fastify.models)
    fastify.decorate('rateCounters', counters)
    const options: RateLimitPluginOptions = {
      global: false,
      store: mongoStore(counters) as unknown as RateLimitPluginOptions['store'],
      keyGenerator: rateLimitKey,
      // Our problem document; the plugin has already set Retry-After, which the error handler keeps.
      errorResponseBuilder: (_request, context) =>
        new AppError('RATE_LIMITED', `Too many requests; try again in ${context.after}`, {
          retryAfterSeconds: Math.ceil(context.ttl / 1000),
          limit: context.max
        })
    }
    await fastify.register(rateLimit, options)

    const timer = setInterval(() => {
      if (fastify.db.readyState !== 1) return
      counters.deleteExpired().catch((err: unknown) => fastify.log.warn({ err }, 'rate-limit cleanup failed'))
    }, CLEANUP_EVERY_MS)
    timer.unref()
    fastify.addHook('onClose', async () => clearInterval(timer))
  },
  { name: 'rate-limit', dependencies: ['mongoose'] }
)

/** Posting to the forum (new threads and replies, users and experts alike) shares one window per person. */
export const forumPostingLimit = (config: Config) => ({ max: config.forumPostRateMax, timeWindow: config.forumPostRateWindowMs, groupId: 'forum-post' })

/** "Zgłoś" on forum posts: a few reports per person per window (reports cost experts' attention). */
export const forumReportLimit = (config: Config) => ({ max: config.forumReportRateMax, timeWindow: config.forumReportRateWindowMs, groupId: 'forum-report' })

/** Asking experts: cases a chief opens, counted per person across instances. */
export const caseCreateLimit = (config: Config) => ({ max: config.caseCreateRateMax, timeWindow: config.caseCreateRateWindowMs, groupId: 'case-create' })

/** A chief's replies in case conversations. */
export const caseReplyLimit = (config: Config) => ({ max: config.caseReplyRateMax, timeWindow: config.caseReplyRateWindowMs, groupId: 'case-reply' })

/** Suggestions while a chief types (the widget debounces 300 ms): a ceiling per person, not a pace. */
export const suggestLimit = (config: Config) => ({ max: config.suggestRateMax, timeWindow: config.suggestRateWindowMs, groupId: 'suggest' })

/** Sign-in link requests per client address (the route adds a second limit per e-mail address). */
export const signInLinkLimit = (config: Config) => ({ max: config.signInLinkRateMax, timeWindow: config.signInLinkRateWindowMs, groupId: 'signin-link' })
