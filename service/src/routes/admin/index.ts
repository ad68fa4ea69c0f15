import type { FastifyPluginAsync } from 'fastify'
import me from './me.js'
import cases from './cases/index.js'
import attachments from './attachments.js'
import articles from './articles.js'
import forum from './forum.js'
import notifications from './notifications.js'
import events from './events.js'
import directory from './directory.js'
import session from './session.js'
import sessionLinks from './session-links.js'
import audit from './audit.js'
import privacy from './privacy.js'
import stats from './stats.js'
import team from './team.js'
import savedReplies from './saved-replies.js'
import articleLinks from './article-links.js'

/**
 * /admin/v1 — experts. The sign-in link routes need no credentials; everything else sits
 * in one scope whose hook accepts the expert API key or the console session cookie (and
 * checks the console's CSRF defence on cookie-authenticated writes), so no route can forget it.
 */
const admin: FastifyPluginAsync = async (fastify) => {
  await fastify.register(sessionLinks)
  await fastify.register(async (guarded) => {
    guarded.addHook('onRequest', async (request) => {
      await fastify.authenticateExpert(request)
    })
    await guarded.register(session)
    await guarded.register(me)
    await guarded.register(cases, { prefix: '/cases' })
    await guarded.register(attachments)
    await guarded.register(articles, { prefix: '/articles' })
    await guarded.register(forum, { prefix: '/forum' })
    await guarded.register(notifications)
    await guarded.register(events)
    await guarded.register(audit)
    await guarded.register(directory)
    await guarded.register(privacy)
    await guarded.register(stats)
    await guarded.register(team, { prefix: '/team' })
    await guarded.register(savedReplies, { prefix: '/saved-replies' })
    await guarded.register(articleLinks)
  })
}

export default admin
