import fp from 'fastify-plugin'
import { notificationListener } from '../../notifications/activity-listener.js'
import { createAppsRepository, type AppsRepository } from '../../repositories/apps.js'
import { createExpertsRepository, type ExpertsRepository } from '../../repositories/experts.js'
import { createTeamRepository, type TeamRepository } from '../../repositories/team.js'
import { createCasesRepository, type CasesRepository } from '../../repositories/cases.js'
import { createCaseQueueRepository, type CaseQueueRepository } from '../../repositories/case-queue.js'
import { createQueueOverviewRepository, type QueueOverviewRepository } from '../../repositories/queue-overview.js'
import { createCaseListStore, createPageCache } from '../../repositories/case-lists/index.js'
import { createAttachmentsRepository, type AttachmentsRepository } from '../../repositories/attachments.js'
import { createArticlesRepository, type ArticlesRepository } from '../../repositories/articles.js'
import { createForumRepository, type ForumRepository } from '../../repositories/forum.js'
import { createSuggestionsRepository, type SuggestionsRepository } from '../../repositories/suggestions.js'
import { createNotifications, type Notifications } from '../../notifications/index.js'
import { createSearchIndexes, type SearchIndexes } from '../../search/indexes.js'
import { createSavedRepliesRepository, type SavedRepliesRepository } from '../../repositories/saved-replies.js'

declare module 'fastify' {
  interface FastifyInstance {
    apps: AppsRepository
    experts: ExpertsRepository
    /** Zespół: admin rights, activation, keys and each expert's preferences. */
    team: TeamRepository
    /** The chief's cases ("Moje pytania"). */
    cases: CasesRepository
    /** The experts' queue and case handling. */
    caseQueue: CaseQueueRepository
    /** Counts of the console's queue views and the offices to filter by. */
    queueOverview: QueueOverviewRepository
    /** Attachment bytes in GridFS. */
    attachments: AttachmentsRepository
    /** Instructional articles (Markdown rendered on write). */
    articles: ArticlesRepository
    /** The community forum of each host app. */
    forum: ForumRepository
    /** Articles and solved threads matching a draft question. */
    suggestions: SuggestionsRepository
    /** The outbox (e-mail, webhooks): `enqueueMail` and the case write paths' events. */
    notifications: Notifications
    /** Per-app in-memory search over articles and solved threads, kept current across instances. */
    searchIndexes: SearchIndexes
    /** "Gotowe odpowiedzi": shared and personal reply texts of the experts. */
    savedReplies: SavedRepliesRepository
  }
}

/** One repository per domain, decorated on the instance; handlers stay thin and call these. */
export default fp(
  async function repositoriesPlugin(fastify) {
    fastify.decorate('apps', createAppsRepository(fastify.models, fastify.config.appCacheTtlMs))
    fastify.decorate('experts', createExpertsRepository(fastify.models))
    fastify.decorate('team', createTeamRepository(fastify.models, fastify.experts.keys))
    fastify.decorate('notifications', createNotifications({ models: fastify.models, apps: fastify.apps, config: fastify.config, log: fastify.log }))
    fastify.activity.use('notifications', notificationListener(fastify.notifications.events))
    // One read model (segmented case lists) shared by the chief's and the experts' side.
    const caseLists = createCaseListStore(fastify.models, fastify.config.caseListSegmentMax)
    const listPages = createPageCache(fastify.models, { maxEntries: fastify.config.caseListCacheEntries, ttlMs: fastify.config.caseListCacheTtlMs })
    fastify.decorate('cases', createCasesRepository(fastify.models, fastify.activity, caseLists, listPages))
    fastify.decorate('caseQueue', createCaseQueueRepository(fastify.models, fastify.activity, caseLists))
    fastify.decorate('queueOverview', createQueueOverviewRepository(fastify.models))
    fastify.decorate('attachments', createAttachmentsRepository(fastify.db, fastify.models))
    const { searchSyncIntervalMs, searchMaxDocsPerApp, suggestBudgetMs } = fastify.config
    const searchIndexes = createSearchIndexes(fastify.models, { syncIntervalMs: searchSyncIntervalMs, maxDocsPerApp: searchMaxDocsPerApp, log: fastify.log })
    fastify.decorate('searchIndexes', searchIndexes)
    fastify.decorate('articles', createArticlesRepository(fastify.models, searchIndexes, { imageHosts: fastify.config.articleImageHosts }))
    fastify.decorate('forum', createForumRepository(fastify.models, searchIndexes))
    fastify.decorate('suggestions', createSuggestionsRepository(searchIndexes, suggestBudgetMs))
    fastify.decorate('savedReplies', createSavedRepliesRepository(fastify.models))
    // Loaded once the instance is up (never delaying start-up); searches before that wait for it.
    fastify.addHook('onReady', async () => searchIndexes.start())
    fastify.addHook('onClose', () => searchIndexes.stop())

    // Apps given in configuration are upserted once the database is reachable.
    const { bootstrapApps } = fastify.config
    if (bootstrapApps.length > 0) {
      const upsertAll = async (): Promise<void> => {
        for (const app of bootstrapApps) await fastify.apps.upsert(app)
      }
      if (fastify.db.readyState === 1) await upsertAll()
      else fastify.db.once('connected', () => void upsertAll().catch((err) => fastify.log.error({ err }, 'bootstrap apps failed')))
    }
  },
  { name: 'repositories', dependencies: ['mongoose', 'events'] }
)
