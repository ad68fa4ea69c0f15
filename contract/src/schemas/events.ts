import { Type, type Static } from 'typebox'

/**
 * Payloads of the live event streams (docs/live-events.md, console section). Each SSE frame carries `event:` with
 * the name below, `id:` with the feed's sequence number (resume with Last-Event-ID) and
 * `data:` with one of these JSON documents.
 */
export const UnreadEvent = Type.Object(
  { count: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false, description: '`event: unread` — the chief’s unread cases (no id: not replayed)' }
)
export const MessageEvent = Type.Object(
  { caseId: Type.String(), messageId: Type.String() },
  { additionalProperties: false, description: '`event: message` — a new public message in a case of the caller’s office' }
)
export const CaseEvent = Type.Object(
  { caseId: Type.String(), status: Type.Union([Type.Literal('open'), Type.Literal('answered'), Type.Literal('resolved')]) },
  { additionalProperties: false, description: '`event: case` — a case of the caller’s office was created or changed (status, read, archive)' }
)

const CaseStatus = Type.Union([Type.Literal('open'), Type.Literal('answered'), Type.Literal('resolved')])
const Tenant = { caseId: Type.String(), appId: Type.String(), officeId: Type.String() }
export const AdminCaseCreatedEvent = Type.Object(
  { ...Tenant, number: Type.Integer(), subject: Type.String(), status: CaseStatus, assigneeId: Type.Union([Type.String(), Type.Null()]) },
  { additionalProperties: false, description: '`event: case.created`' }
)
export const AdminCaseUpdatedEvent = Type.Object(
  {
    ...Tenant,
    number: Type.Integer(),
    status: CaseStatus,
    assigneeId: Type.Union([Type.String(), Type.Null()]),
    changes: Type.Array(
      Type.Union([Type.Literal('status'), Type.Literal('assignee'), Type.Literal('read'), Type.Literal('archived'), Type.Literal('unarchived')])
    ),
    by: Type.Union([Type.Literal('chief'), Type.Literal('expert')])
  },
  { additionalProperties: false, description: '`event: case.updated` — status or assignee set by an expert, or read/archived by the chief' }
)
export const AdminMessageCreatedEvent = Type.Object(
  {
    ...Tenant,
    messageId: Type.String(),
    internal: Type.Boolean(),
    author: Type.Object({ kind: Type.Union([Type.Literal('chief'), Type.Literal('expert'), Type.Literal('system')]), id: Type.String(), name: Type.String() }),
    status: CaseStatus
  },
  { additionalProperties: false, description: '`event: message.created` — public messages and internal notes' }
)
export const PresenceState = Type.Union([Type.Literal('viewing'), Type.Literal('typing'), Type.Literal('left')])
export const AdminPresenceEvent = Type.Object(
  { ...Tenant, expert: Type.Object({ id: Type.String(), name: Type.String() }), state: PresenceState, expiresAt: Type.String({ format: 'date-time' }) },
  { additionalProperties: false, description: '`event: presence` — an expert views or types in a case until `expiresAt`; `left` ends it' }
)

export const PresenceBody = Type.Object({ state: PresenceState }, { additionalProperties: false, examples: [{ state: 'viewing' }] })

export type UnreadEvent = Static<typeof UnreadEvent>
export type MessageEvent = Static<typeof MessageEvent>
export type CaseEvent = Static<typeof CaseEvent>
export type AdminCaseCreatedEvent = Static<typeof AdminCaseCreatedEvent>
export type AdminCaseUpdatedEvent = Static<typeof AdminCaseUpdatedEvent>
export type AdminMessageCreatedEvent = Static<typeof AdminMessageCreatedEvent>
export type AdminPresenceEvent = Static<typeof AdminPresenceEvent>

/** The OpenAPI description of a stream response (frames are described by the schemas above). */
export const eventStreamResponse = {
  description: 'A stream of server-sent events',
  content: { 'text/event-stream': { schema: Type.String() } }
}
