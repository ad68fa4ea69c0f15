import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ExpertPreferences, ExpertPreferencesPatch, ExpertProfile, problemResponses } from '@ze/contract'

const security = [{ expertKey: [] }]

const me: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/me',
    {
      schema: {
        tags: ['admin'],
        summary: 'The expert behind the API key or the console session',
        security,
        response: { 200: ExpertProfile, ...problemResponses }
      }
    },
    async (request) => request.expert!
  )

  fastify.get(
    '/me/preferences',
    {
      schema: {
        tags: ['admin'],
        summary: 'My e-mail choice for new cases and my language',
        security,
        response: { 200: ExpertPreferences, ...problemResponses }
      }
    },
    async (request) => fastify.team.preferences(request.expert!.id)
  )

  fastify.patch(
    '/me/preferences',
    {
      schema: {
        tags: ['admin'],
        summary: 'Change my e-mail choice for new cases (every case, unassigned only, daily digest, none) or my language',
        description: 'The language applies to the console and to the e-mails I get.',
        security,
        body: ExpertPreferencesPatch,
        response: { 200: ExpertPreferences, ...problemResponses }
      }
    },
    async (request) => {
      const prefs = await fastify.team.setPreferences(request.expert!.id, request.body)
      await fastify.activity.record({
        type: 'audit',
        audit: { action: 'expert.preferences-updated', target: { type: 'expert', id: request.expert!.id }, detail: { ...request.body } }
      })
      return prefs
    }
  )
}

export default me
