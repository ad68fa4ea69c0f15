import { Type, type Static } from 'typebox'

export const UnsubscribeQuery = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$' }) }, { additionalProperties: false })

export const NewCaseNotifications = Type.Union([Type.Literal('all'), Type.Literal('unassigned'), Type.Literal('digest'), Type.Literal('none')], {
  description:
    '`all`: an e-mail for every new case; `unassigned`: only when it is still unassigned after NOTIFY_DELAY_SECONDS; `digest`: one e-mail a day; `none`'
})
export const ExpertNotificationSettings = Type.Object({ newCases: NewCaseNotifications }, { additionalProperties: false })

export const WebhookEventType = Type.Union([
  Type.Literal('case.created'),
  Type.Literal('case.replied'),
  Type.Literal('case.resolved'),
  Type.Literal('case.read')
])

/** The `data` of every webhook: ids and fields the chief can see anyway, never bodies or names. */
export const WebhookEvent = Type.Object(
  {
    type: WebhookEventType,
    timestamp: Type.String({ format: 'date-time' }),
    data: Type.Object({
      case: Type.Object({ id: Type.String(), number: Type.Integer(), status: Type.String(), officeId: Type.String() }),
      messageId: Type.Optional(Type.String())
    })
  },
  { description: 'Standard Webhooks payload; headers webhook-id, webhook-timestamp, webhook-signature (v1, HMAC-SHA256)' }
)

export const AppIdParams = Type.Object({ id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }) }, { additionalProperties: false })
export const WebhookSettingsBody = Type.Object(
  {
    url: Type.Union([Type.String({ pattern: '^https?://', maxLength: 2000 }), Type.Null()], { description: 'null turns deliveries off' }),
    secret: Type.Optional(Type.String({ pattern: '^whsec_[A-Za-z0-9+/=]{32,}$', description: 'generated when omitted' }))
  },
  { additionalProperties: false }
)
export const WebhookSettings = Type.Object({ appId: Type.String(), url: Type.Union([Type.String(), Type.Null()]), secret: Type.String() })

export const DeliveryLogQuery = Type.Object(
  {
    appId: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }),
    channel: Type.Optional(Type.Union([Type.Literal('webhook'), Type.Literal('mail')], { default: 'webhook' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 }))
  },
  { additionalProperties: false }
)
export const Delivery = Type.Object({
  id: Type.String({ description: 'also the webhook-id header / Message-ID, stable across retries' }),
  channel: Type.Union([Type.Literal('webhook'), Type.Literal('mail')]),
  type: Type.String(),
  state: Type.Union([Type.Literal('pending'), Type.Literal('sent'), Type.Literal('cancelled'), Type.Literal('failed')]),
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  lastStatus: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  lastAttemptAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  nextAttemptAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  sentAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()])
})
export const DeliveryLog = Type.Object({ items: Type.Array(Delivery) })

export type ExpertNotificationSettings = Static<typeof ExpertNotificationSettings>
export type Delivery = Static<typeof Delivery>
