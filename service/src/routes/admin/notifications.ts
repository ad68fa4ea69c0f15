import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Types } from 'mongoose'
import { AppError } from '../../errors.js'
import { AppIdParams, DeliveryLog, DeliveryLogQuery, ExpertNotificationSettings, problemResponses, WebhookSettings, WebhookSettingsBody } from '@ze/contract'
import { toDelivery } from '../../notifications/delivery-log.js'
import { newWebhookSecret } from '../../notifications/webhook-events.js'

const security = [{ expertKey: [] }]
const tags = ['admin', 'notifications']

/** Notification settings: each expert's own e-mail choice; webhooks and their log for admins. */
const notifications: FastifyPluginAsyncTypebox = async (fastify) => {
  const requireAdmin = async (request: { expert: { admin: boolean } | null }) => {
    if (!request.expert?.admin) throw new AppError('ADMIN_ROLE_REQUIRED', 'Webhooks are managed by experts with the admin role')
  }

  fastify.get(
    '/me/notifications',
    { schema: { tags, summary: 'Which new cases I am e-mailed about', security, response: { 200: ExpertNotificationSettings, ...problemResponses } } },
    async (request) => {
      const doc = await fastify.models.Expert.findById(new Types.ObjectId(request.expert!.id), { notifyNewCases: 1 }).lean()
      return { newCases: doc?.notifyNewCases ?? 'unassigned' }
    }
  )

  fastify.put(
    '/me/notifications',
    {
      schema: {
        tags,
        summary: 'Choose the e-mail for new cases: every case, only unassigned ones, a daily digest, or none',
        security,
        body: ExpertNotificationSettings,
        response: { 200: ExpertNotificationSettings, ...problemResponses }
      }
    },
    async (request) => {
      await fastify.models.Expert.updateOne({ _id: new Types.ObjectId(request.expert!.id) }, { $set: { notifyNewCases: request.body.newCases } })
      return { newCases: request.body.newCases }
    }
  )

  fastify.put(
    '/apps/:id/webhook',
    {
      preHandler: requireAdmin,
      schema: {
        tags,
        summary: 'Set the Standard Webhooks endpoint of a host app (admin)',
        description:
          'Events case.created, case.replied, case.resolved and case.read are POSTed to `url`, signed with `secret` (generated when omitted; the answer shows it). `url: null` stops deliveries.',
        security,
        params: AppIdParams,
        body: WebhookSettingsBody,
        response: { 200: WebhookSettings, ...problemResponses }
      }
    },
    async (request) => {
      const secret = request.body.secret ?? newWebhookSecret()
      if (!(await fastify.apps.setWebhook(request.params.id, { url: request.body.url, secret }))) throw new AppError('APP_NOT_FOUND')
      // The secret is never audited: only that the endpoint changed, and whether one is set.
      await fastify.activity.record({
        type: 'audit',
        audit: {
          action: 'webhook.updated',
          target: { type: 'webhook', id: request.params.id },
          appId: request.params.id,
          detail: { enabled: request.body.url !== null }
        }
      })
      return { appId: request.params.id, url: request.body.url, secret }
    }
  )

  fastify.get(
    '/webhooks/deliveries',
    {
      preHandler: requireAdmin,
      schema: {
        tags,
        summary: 'The delivery log of a host app, newest first (admin)',
        description:
          'Each webhook (or, with `channel=mail`, each e-mail to the app’s chiefs) with its state, attempts, last HTTP status and error, kept for 7 days.',
        security,
        querystring: DeliveryLogQuery,
        response: { 200: DeliveryLog, ...problemResponses }
      }
    },
    async (request) => ({
      items: (await fastify.notifications.outbox.log(request.query.appId, request.query.channel ?? 'webhook', request.query.limit ?? 50)).map(toDelivery)
    })
  )
}

export default notifications
