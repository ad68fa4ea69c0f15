import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AdminExpertList, AdminOfficeList, problemResponses } from '@ze/contract'

/** Who can be assigned and which offices can be filtered by (the console's pickers). */
const directory: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/experts',
    {
      schema: {
        tags: ['admin'],
        summary: 'Active experts, for assigning cases',
        security: [{ expertKey: [] }],
        response: { 200: AdminExpertList, ...problemResponses }
      }
    },
    async () => ({ items: await fastify.experts.listActive() })
  )

  fastify.get(
    '/offices',
    {
      schema: {
        tags: ['admin'],
        summary: 'Offices that have cases, for the queue’s office filter',
        security: [{ expertKey: [] }],
        response: { 200: AdminOfficeList, ...problemResponses }
      }
    },
    async () => ({ items: await fastify.queueOverview.offices() })
  )
}

export default directory
