import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { BulkIds, BulkQuery, BulkResult, problemResponses } from '@ze/contract'
import type { BulkAction } from '../../../repositories/cases.js'

const ACTIONS: Array<{ action: BulkAction; summary: string }> = [
  { action: 'archive', summary: 'Archiwizuj: move cases to the archive' },
  { action: 'unarchive', summary: 'Bring archived cases back to the active list' },
  { action: 'read', summary: 'Oznacz jako przeczytane: mark cases as read' }
]

const bulk: FastifyPluginAsyncTypebox = async (fastify) => {
  for (const { action, summary } of ACTIONS) {
    fastify.post(
      `/${action}`,
      {
        schema: {
          tags: ['cases'],
          summary,
          description:
            '`changed` lists the ids whose state actually changed. Ids of other offices (or unknown ids) are ignored without saying whether they exist.',
          security: [{ identityToken: [] }],
          querystring: BulkQuery,
          body: BulkIds,
          response: { 200: BulkResult, ...problemResponses }
        }
      },
      async (request) => {
        const changed = await fastify.cases.bulk(request.identity, action, request.body.ids)
        if (request.query.include !== 'unreadCount') return { changed }
        // Counted after the change; only chiefs reach these routes (GET /me says 0 for anyone else).
        return { changed, unreadCount: await fastify.cases.unreadCount(request.identity) }
      }
    )
  }
}

export default bulk
