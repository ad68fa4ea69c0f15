import type { FastifyInstance } from 'fastify'
import { Webhook } from 'standardwebhooks'
import { personas, isPersonaId } from '@ze/testkit/personas'

export interface HostNotification {
  id: string
  type: string
  caseId: string
  caseNumber: number
  status: string
  officeId: string
  at: string
}

const KEEP = 50

/**
 * What a real host does with Zapytaj Eksperta's webhooks: verify the Standard Webhooks
 * signature over the raw body (webhook-id, webhook-timestamp, webhook-signature), ignore
 * repeats of the same webhook-id (delivery is at-least-once), and remember the last events
 * for the notification bell. Kept in memory: the demo host has no database.
 */
export async function webhookRoutes(app: FastifyInstance, secret: string | null): Promise<void> {
  const events: HostNotification[] = []
  const verifier = secret ? new Webhook(secret) : null

  await app.register(async (scope) => {
    // The signature covers the exact bytes, so this route keeps the body as a string.
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => done(null, body))
    scope.post('/demo/webhooks', async (request, reply) => {
      if (!verifier) return reply.code(503).send({ code: 'WEBHOOKS_NOT_CONFIGURED' })
      let payload: { type: string; timestamp: string; data: { case: { id: string; number: number; status: string; officeId: string } } }
      try {
        payload = verifier.verify(request.body as string, request.headers as Record<string, string>) as typeof payload
      } catch {
        return reply.code(401).send({ code: 'WEBHOOK_SIGNATURE_INVALID' })
      }
      const id = String(request.headers['webhook-id'])
      if (!events.some((e) => e.id === id)) {
        const c = payload.data.case
        events.unshift({ id, type: payload.type, caseId: c.id, caseNumber: c.number, status: c.status, officeId: c.officeId, at: payload.timestamp })
        events.length = Math.min(events.length, KEEP)
      }
      return reply.code(204).send()
    })
  })

  /** The bell's feed: the last events of the persona's office (a host shows each office its own). */
  app.get<{ Querystring: { persona?: string } }>('/demo/notifications', async (request, reply) => {
    reply.header('cache-control', 'no-store')
    const persona = request.query.persona
    const officeId = isPersonaId(persona) ? personas[persona].claims.office.id : null
    return { events: events.filter((e) => e.officeId === officeId).slice(0, 10) }
  })
}
