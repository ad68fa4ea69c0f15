import type { FastifyBaseLogger } from 'fastify'
import type { Config } from '../config.js'
import type { Models } from '../models/index.js'
import type { AppsRepository } from '../repositories/apps.js'
import type { StoredCase } from '../models/case.js'
import type { StoredMessage } from '../models/message.js'
import type { Outbox } from './outbox.js'
import { appAudience } from './recipients.js'
import type { Locale, MailTemplates, TemplateName } from './templates.js'
import { caseRef, webhookEvent, type WebhookEventType } from './webhook-events.js'

export interface MailRequest<N extends TemplateName = TemplateName> {
  to: string
  template: N
  data: MailTemplates[N]
  locale?: Locale
  /** Idempotency key: the same key is stored and sent once. Defaults to a fresh one. */
  key?: string
  /** Unsubscribe scope; omit for transactional mail (sign-in links), which has no unsubscribe link. */
  audience?: 'experts' | `app:${string}`
  dueAt?: Date
}

/** What the case write paths tell the notifications; none of these throws into the write path. */
export interface CaseEvents {
  caseCreated(c: StoredCase, first: StoredMessage): Promise<void>
  messageCreated(c: StoredCase, message: StoredMessage): Promise<void>
  casesRead(c: Array<Pick<StoredCase, '_id' | 'appId' | 'officeId' | 'number' | 'status'>>): Promise<void>
  caseUpdated(before: StoredCase, after: StoredCase): Promise<void>
}

const attachmentNames = (m: StoredMessage) => m.attachments.map((a) => ({ filename: a.filename }))
const utcDay = (d: Date): string => d.toISOString().slice(0, 10)
let sequence = 0

/**
 * Writes notifications to the outbox in the same code path as the change they report (see
 * ADR in docs/notifications.md). Mail is written only when `SMTP_URL` is set; webhooks only
 * for apps with an endpoint. A failed outbox write is logged and does not fail the request
 * whose data is already stored: the caller would retry and duplicate the case.
 */
export function createNotifier(deps: { models: Models; outbox: Outbox; apps: AppsRepository; config: Config; log: FastifyBaseLogger }) {
  const { models, outbox, apps, config, log } = deps
  const mailEnabled = config.smtpUrl !== ''
  const consoleCaseUrl = (caseId: string) => `${config.publicUrl}/console/?case=${encodeURIComponent(caseId)}`
  const later = (seconds: number) => new Date(Date.now() + seconds * 1000)

  async function enqueueMail<N extends TemplateName>(request: MailRequest<N>): Promise<boolean> {
    if (!mailEnabled) {
      log.info({ template: request.template }, 'SMTP_URL is not set; e-mail not sent')
      return false
    }
    return outbox.enqueue({
      id: `mail:${request.template}:${request.key ?? `${Date.now().toString(36)}-${(sequence++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`}`,
      channel: 'mail',
      type: request.template,
      dueAt: request.dueAt,
      mail: { to: request.to, locale: request.locale ?? 'pl', audience: request.audience ?? null, data: request.data as unknown as Record<string, unknown> }
    })
  }

  async function webhook(c: Pick<StoredCase, 'appId'>, type: WebhookEventType, key: string, data: Record<string, unknown>): Promise<void> {
    const app = await apps.findById(c.appId)
    if (!app?.webhookUrl || !app.webhookSecret) return
    await outbox.enqueue({ id: `wh:${c.appId}:${type}:${key}`, channel: 'webhook', type, appId: c.appId, webhook: { payload: webhookEvent(type, data) } })
  }

  // The language each expert chose in the console (Zespół → Moje ustawienia).
  const expertLocale = (e: { locale?: string | null }): Locale => (e.locale === 'en' ? 'en' : 'pl')

  async function expertsToTell(): Promise<Array<{ _id: unknown; email: string; notifyNewCases: string; locale?: string | null }>> {
    const experts = await models.Expert.find({ revokedAt: null }, { email: 1, notifyNewCases: 1, locale: 1 }).lean()
    return experts.filter((e) => e.notifyNewCases !== 'none')
  }

  async function newCaseMails(c: StoredCase, first: StoredMessage): Promise<void> {
    if (!mailEnabled) return
    const data: MailTemplates['expert-new-case'] = {
      caseNumber: c.number,
      subject: c.subject,
      officeName: c.officeName,
      body: first.body,
      attachments: attachmentNames(first),
      caseUrl: consoleCaseUrl(String(c._id))
    }
    for (const expert of await expertsToTell()) {
      const id = String(expert._id)
      if (expert.notifyNewCases === 'digest') {
        const day = utcDay(c.createdAt)
        const due = new Date(`${day}T00:00:00Z`)
        due.setUTCDate(due.getUTCDate() + 1)
        await enqueueMail({
          to: expert.email,
          template: 'expert-digest',
          key: `${id}:${day}`,
          audience: 'experts',
          locale: expertLocale(expert),
          dueAt: due,
          data: { date: day, cases: [], more: 0, queueUrl: `${config.publicUrl}/console/` }
        })
        continue
      }
      // "Only unassigned": told after the delay, and only if nobody has taken the case by then.
      const onlyUnassigned = expert.notifyNewCases === 'unassigned'
      await outbox.enqueue({
        id: `mail:expert-new-case:${String(c._id)}:${id}`,
        channel: 'mail',
        type: 'expert-new-case',
        dueAt: onlyUnassigned ? later(config.notifyDelaySeconds) : new Date(),
        guard: onlyUnassigned ? { kind: 'case-unassigned', caseId: String(c._id) } : null,
        mail: { to: expert.email, locale: expertLocale(expert), audience: 'experts', data: data as unknown as Record<string, unknown> }
      })
    }
  }

  async function replyMails(c: StoredCase, m: StoredMessage): Promise<void> {
    if (!mailEnabled || m.internal) return
    if (m.author.kind === 'expert' && c.chiefEmail) {
      const app = await apps.findById(c.appId)
      const caseUrl = app?.caseUrlTemplate
        ? app.caseUrlTemplate.replaceAll('{id}', encodeURIComponent(String(c._id))).replaceAll('{number}', String(c.number))
        : null
      const data: MailTemplates['chief-reply'] = {
        caseNumber: c.number,
        subject: c.subject,
        expertName: m.author.name,
        body: m.body,
        attachments: attachmentNames(m),
        caseUrl
      }
      await outbox.enqueue({
        id: `mail:chief-reply:${String(m._id)}`,
        channel: 'mail',
        type: 'chief-reply',
        appId: c.appId,
        dueAt: later(config.notifyDelaySeconds),
        // Reading the case in the widget cancels it; the guard catches a read whose cancel was lost.
        cancelKey: `case-unread:${String(c._id)}`,
        guard: { kind: 'case-unread', caseId: String(c._id) },
        mail: {
          to: c.chiefEmail,
          locale: (c.chiefLocale as Locale | null) ?? 'pl',
          audience: appAudience(c.appId),
          data: data as unknown as Record<string, unknown>
        }
      })
    }
    if (m.author.kind === 'chief' && c.assigneeId) {
      const expert = await models.Expert.findOne({ _id: c.assigneeId, revokedAt: null }, { email: 1, locale: 1 }).lean()
      if (!expert) return
      const data: MailTemplates['expert-chief-reply'] = {
        caseNumber: c.number,
        subject: c.subject,
        officeName: c.officeName,
        chiefName: m.author.name,
        body: m.body,
        attachments: attachmentNames(m),
        caseUrl: consoleCaseUrl(String(c._id))
      }
      await enqueueMail({ to: expert.email, template: 'expert-chief-reply', key: String(m._id), audience: 'experts', locale: expertLocale(expert), data })
    }
  }

  /** Runs a notification step; its failure is logged, never thrown into the request. */
  const safely = async (what: string, step: () => Promise<void>): Promise<void> => {
    try {
      await step()
    } catch (err) {
      log.error({ err, what }, 'writing a notification to the outbox failed')
    }
  }

  const events: CaseEvents = {
    caseCreated: (c, first) =>
      safely('case.created', async () => {
        await webhook(c, 'case.created', String(c._id), { case: caseRef(c), messageId: String(first._id) })
        await newCaseMails(c, first)
      }),
    messageCreated: (c, m) =>
      safely('message.created', async () => {
        if (m.internal) return
        if (m.author.kind === 'expert') await webhook(c, 'case.replied', String(m._id), { case: caseRef(c), messageId: String(m._id) })
        await replyMails(c, m)
      }),
    casesRead: (cases) =>
      safely('case.read', async () => {
        await outbox.cancelByKeys(
          cases.map((c) => `case-unread:${String(c._id)}`),
          'read by the chief'
        )
        const at = Date.now()
        for (const c of cases) await webhook(c, 'case.read', `${String(c._id)}:${at}`, { case: caseRef(c) })
      }),
    caseUpdated: (before, after) =>
      safely('case.updated', async () => {
        if (after.status === 'resolved' && before.status !== 'resolved') {
          await webhook(after, 'case.resolved', `${String(after._id)}:${after.updatedAt.getTime()}`, { case: caseRef(after) })
        }
      })
  }

  return { enqueueMail, events }
}

export type Notifier = ReturnType<typeof createNotifier>
