import { Type, type Static } from 'typebox'
import { Nullable, iso } from './common.js'

/** `chief`: an office chief; `user`: another host-app user (forum); `system`: the service itself (jobs, CLIs). */
export const AuditActorKind = Type.Union([Type.Literal('expert'), Type.Literal('chief'), Type.Literal('user'), Type.Literal('system')])
export type AuditActorKind = Static<typeof AuditActorKind>
export const AuditTargetType = Type.Union([
  Type.Literal('case'),
  Type.Literal('message'),
  Type.Literal('attachment'),
  Type.Literal('article'),
  Type.Literal('thread'),
  Type.Literal('post'),
  Type.Literal('session'),
  Type.Literal('key'),
  Type.Literal('office'),
  Type.Literal('user'),
  Type.Literal('retention'),
  Type.Literal('webhook'),
  Type.Literal('expert'),
  Type.Literal('saved-reply'),
  Type.Literal('report')
])
export type AuditTargetType = Static<typeof AuditTargetType>

/** Who did it: an expert (id, name), a host-app user (user id, name, app and office) or the service itself. */
export const AuditActor = Type.Object({
  kind: AuditActorKind,
  id: Type.String(),
  name: Type.String(),
  appId: Nullable(Type.String()),
  officeId: Nullable(Type.String())
})
export type AuditActor = Static<typeof AuditActor>

/**
 * One audit record. Never carries content (message bodies, file bytes, e-mail text): ids,
 * the action and small facts (`detail`) only, so keeping it after an erasure keeps no
 * personal content.
 */
export const AuditEntry = Type.Object({
  id: Type.String(),
  at: iso('2026-03-02T10:15:00.000Z'),
  actor: AuditActor,
  action: Type.String({ examples: ['case.viewed', 'attachment.downloaded', 'message.created', 'session.started'] }),
  target: Type.Object({ type: AuditTargetType, id: Type.String() }),
  caseId: Nullable(Type.String()),
  appId: Nullable(Type.String()),
  officeId: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  userAgent: Nullable(Type.String()),
  detail: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]))
})
export type AuditEntry = Static<typeof AuditEntry>

const Day = Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', examples: ['2026-03-02'] })
export const AuditQuery = Type.Object(
  {
    from: Type.Optional({ ...Day, description: 'First day (UTC), inclusive; default: 30 days before `to`' }),
    to: Type.Optional({ ...Day, description: 'Last day (UTC), inclusive; default: today' }),
    actorKind: Type.Optional(AuditActorKind),
    actorId: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Expert id or host-app user id; with `actorKind`' })),
    action: Type.Optional(Type.String({ minLength: 1, maxLength: 60, pattern: '^[a-z.-]+$' })),
    targetType: Type.Optional(AuditTargetType),
    targetId: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'With `targetType`' })),
    caseId: Type.Optional(Type.String({ pattern: '^[0-9a-fA-F]{24}$' })),
    officeId: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'The office a record concerns' })),
    cursor: Type.Optional(Type.String({ maxLength: 512, pattern: '^[A-Za-z0-9_-]+$', description: 'Opaque; `nextCursor` of the previous page' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 }))
  },
  { additionalProperties: false }
)
export type AuditQuery = Static<typeof AuditQuery>

export const AuditPage = Type.Object({
  items: Type.Array(AuditEntry),
  /**
   * Present while days of the range are left to read. A page may hold fewer than `limit`
   * items (even none) and still have a cursor: each request reads a bounded number of days.
   */
  nextCursor: Nullable(Type.String())
})
export type AuditPage = Static<typeof AuditPage>
