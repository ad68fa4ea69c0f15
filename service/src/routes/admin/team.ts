import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import {
  ApiKeyInfo,
  ApiKeyParams,
  ApiKeyRequest,
  CreatedApiKey,
  IdParams,
  problemResponses,
  TeamInvitation,
  TeamList,
  TeamMember,
  TeamMemberPatch
} from '@ze/contract'
import { AppError } from '../../errors.js'
import type { AuditInput } from '../../audit/log.js'

const security = [{ expertKey: [] }]
const tags = ['admin', 'team']
/** An invitation link lives longer than a sign-in link: the invitee may read the mail the next day. */
const INVITATION_HOURS = 72

/**
 * Zespół (admin experts only): invite experts, set admin rights, deactivate, and manage the API
 * keys of any expert. Every change is audited (target `expert` or `key`).
 */
const team: FastifyPluginAsyncTypebox = async (fastify) => {
  const { publicUrl, environment } = fastify.config
  // onRequest, before validation: a non-admin learns nothing about what a valid body would be.
  fastify.addHook('onRequest', async (request) => {
    if (!request.expert?.admin) throw new AppError('ADMIN_ROLE_REQUIRED', 'The team is managed by experts with the admin role')
  })
  const audit = (input: AuditInput) => fastify.activity.record({ type: 'audit', audit: input })

  /** Mails a sign-in link that works for INVITATION_HOURS; false when the expert is not active. */
  async function mailInvitation(email: string, invitedBy: string, log: { info(o: object, m: string): void }): Promise<boolean> {
    const link = await fastify.expertSessions.createLink(email, INVITATION_HOURS * 3_600_000)
    if (!link) return false
    const url = `${publicUrl}/admin/v1/session/link/${link.secret}`
    const mailed = await fastify.notifications.enqueueMail({
      to: link.expert.email,
      locale: link.expert.locale,
      template: 'expert-invitation',
      data: { name: link.expert.name, invitedBy, url, expiresHours: INVITATION_HOURS }
    })
    if (!mailed && environment !== 'production') log.info({ expertId: link.expert.id, signInLink: url }, 'invitation link (SMTP_URL not set; development only)')
    return true
  }

  fastify.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Every expert with admin rights, activation, preferences and API keys (admin)',
        security,
        response: { 200: TeamList, ...problemResponses }
      }
    },
    async () => ({
      items: await fastify.team.list()
    })
  )

  fastify.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Invite an expert: creates them and e-mails a sign-in link (admin)',
        description: `The link signs the invitee in once and works for ${INVITATION_HOURS} hours; afterwards they sign in with POST /admin/v1/session/link. 409 EXPERT_EMAIL_TAKEN when an expert has this address.`,
        security,
        body: TeamInvitation,
        response: { 201: TeamMember, ...problemResponses }
      }
    },
    async (request, reply) => {
      const { name, email, admin = false, locale = 'pl' } = request.body
      const expert = await fastify.experts.invite({ name, email, admin, locale })
      if (!expert) throw new AppError('EXPERT_EMAIL_TAKEN')
      await audit({ action: 'expert.invited', target: { type: 'expert', id: expert.id }, detail: { admin, name: expert.name } })
      await mailInvitation(expert.email, request.expert!.name, request.log)
      return reply.code(201).send((await fastify.team.member(expert.id))!)
    }
  )

  fastify.post(
    '/:id/invitation',
    {
      schema: {
        tags,
        summary: 'Send the invitation link again (admin)',
        description: '409 CONFLICT when the expert is deactivated (reactivate them first).',
        security,
        params: IdParams,
        response: { 202: Type.Null(), ...problemResponses }
      }
    },
    async (request, reply) => {
      const member = await fastify.team.member(request.params.id)
      if (!member) throw new AppError('EXPERT_NOT_FOUND')
      if (!(await mailInvitation(member.email, request.expert!.name, request.log))) throw new AppError('CONFLICT', 'The expert is deactivated')
      await audit({ action: 'expert.invited', target: { type: 'expert', id: member.id }, detail: { again: true, name: member.name } })
      return reply.code(202).send(null)
    }
  )

  fastify.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Grant or remove admin rights; deactivate or reactivate (admin)',
        description:
          'Deactivating refuses the expert’s console sessions and API keys from the very next request, on every instance. 409 LAST_ADMIN when the change would leave no active admin.',
        security,
        params: IdParams,
        body: TeamMemberPatch,
        response: { 200: TeamMember, ...problemResponses }
      }
    },
    async (request) => {
      const { before, after } = await fastify.team.update(request.params.id, request.body)
      const target = { type: 'expert' as const, id: after.id }
      const detail = { name: after.name }
      if (before.admin !== after.admin) await audit({ action: after.admin ? 'expert.admin-granted' : 'expert.admin-removed', target, detail })
      if (before.active !== after.active) await audit({ action: after.active ? 'expert.reactivated' : 'expert.deactivated', target, detail })
      return after
    }
  )

  fastify.post(
    '/:id/keys',
    {
      schema: {
        tags,
        summary: 'Create an API key for an expert (admin)',
        description: 'The answer holds the key; it is stored only as a hash and cannot be shown again.',
        security,
        params: IdParams,
        body: ApiKeyRequest,
        response: { 201: CreatedApiKey, ...problemResponses }
      }
    },
    async (request, reply) => {
      const member = await fastify.team.member(request.params.id)
      if (!member) throw new AppError('EXPERT_NOT_FOUND')
      const created = await fastify.experts.keys.issue(member.id, request.body.note.trim())
      await audit({ action: 'key.created', target: { type: 'key', id: created.info.id }, detail: { expertId: member.id, prefix: created.info.prefix } })
      return reply.code(201).send(created)
    }
  )

  fastify.delete(
    '/:id/keys/:keyId',
    {
      schema: {
        tags,
        summary: 'Revoke an API key (admin)',
        description: 'The key is refused from the next request on; it stays listed with its revocation time.',
        security,
        params: ApiKeyParams,
        response: { 200: ApiKeyInfo, ...problemResponses }
      }
    },
    async (request) => {
      const info = await fastify.experts.keys.revoke(request.params.id, request.params.keyId)
      if (!info) throw new AppError('API_KEY_NOT_FOUND')
      await audit({ action: 'key.revoked', target: { type: 'key', id: info.id }, detail: { expertId: request.params.id, prefix: info.prefix } })
      return info
    }
  )
}

export default team
