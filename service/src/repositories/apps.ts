import type { Models } from '../models/index.js'
import type { AppBootstrap } from '../config.js'

export interface HostApp {
  id: string
  name: string
  secret: string
  allowedOrigins: string[]
  caseUrlTemplate: string | null
  webhookUrl: string | null
  webhookSecret: string | null
}

/**
 * Host apps live in the database; this keeps a short-lived cache so token checks and CORS
 * do not read the database on every request. Several instances may run side by side: a
 * change made through another instance is seen after at most `ttlMs`.
 */
export function createAppsRepository(models: Models, ttlMs: number) {
  let cache: { at: number; byId: Map<string, HostApp> } | null = null

  async function load(): Promise<Map<string, HostApp>> {
    if (cache && Date.now() - cache.at < ttlMs) return cache.byId
    const docs = await models.App.find({}, { name: 1, secret: 1, allowedOrigins: 1, caseUrlTemplate: 1, webhookUrl: 1, webhookSecret: 1 }).lean()
    const byId = new Map(
      docs.map((d) => [
        d._id,
        {
          id: d._id,
          name: d.name,
          secret: d.secret,
          allowedOrigins: d.allowedOrigins,
          caseUrlTemplate: d.caseUrlTemplate ?? null,
          webhookUrl: d.webhookUrl ?? null,
          webhookSecret: d.webhookSecret ?? null
        }
      ])
    )
    cache = { at: Date.now(), byId }
    return byId
  }

  return {
    async findById(id: string): Promise<HostApp | null> {
      return (await load()).get(id) ?? null
    },
    async isOriginAllowed(origin: string): Promise<boolean> {
      for (const app of (await load()).values()) if (app.allowedOrigins.includes(origin)) return true
      return false
    },
    /** Creates or updates an app; optional settings left out keep their stored value. */
    async upsert(app: AppBootstrap): Promise<void> {
      const set: Record<string, unknown> = { name: app.name, secret: app.secret, allowedOrigins: app.allowedOrigins }
      for (const key of ['caseUrlTemplate', 'webhookUrl', 'webhookSecret'] as const) if (app[key] !== undefined) set[key] = app[key]
      await models.App.updateOne({ _id: app.id }, { $set: set }, { upsert: true })
      cache = null
    },
    /** The webhook endpoint of an app (null URL turns deliveries off); false when the app does not exist. */
    async setWebhook(id: string, webhook: { url: string | null; secret: string }): Promise<boolean> {
      const res = await models.App.updateOne({ _id: id }, { $set: { webhookUrl: webhook.url, webhookSecret: webhook.secret } })
      cache = null
      return res.matchedCount === 1
    },
    invalidate(): void {
      cache = null
    }
  }
}

export type AppsRepository = ReturnType<typeof createAppsRepository>
