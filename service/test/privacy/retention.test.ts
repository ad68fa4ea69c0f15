import { Types } from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { authFor, createCase, createExpert, freshChief, gridFsCounts, samples } from '../helpers/factories.js'

let app: FastifyInstance
let admin: Record<string, string>
beforeAll(async () => {
  app = await buildTestApp({ retentionMonths: 12, forumRetentionMonths: 6, auditRetentionMonths: 24, retentionIntervalMinutes: 0 })
  admin = (await createExpert(app, { name: 'Ada Admin', admin: true })).headers
})
afterAll(() => app.close())

const MONTH = 31 * 86_400_000
/** Moves a document's dates into the past without the write itself touching `updatedAt`. */
const age = (model: 'Case' | 'ForumThread', id: string, set: Record<string, Date>) =>
  app.models[model].collection.updateOne({ _id: new Types.ObjectId(id) }, { $set: set })

async function resolvedCase(monthsAgo: number, status: 'resolved' | 'open' = 'resolved') {
  const { case: c } = await createCase(app, freshChief(), { files: [{ name: 'skan.png', data: samples.png, type: 'image/png' }] })
  if (status === 'resolved')
    expect((await app.inject({ method: 'PATCH', url: `/admin/v1/cases/${c.id}`, headers: admin, payload: { status } })).statusCode).toBe(200)
  await age('Case', c.id, { updatedAt: new Date(Date.now() - monthsAgo * MONTH) })
  return c.id
}

describe('retention', () => {
  it('a dry run reports what would go and changes nothing; the run deletes messages and files of cases resolved longer than RETENTION_MONTHS ago', async () => {
    const old = await resolvedCase(13)
    const recent = await resolvedCase(11)
    const oldButOpen = await resolvedCase(20, 'open')
    const hidden = await app.inject({
      method: 'POST',
      url: '/api/v1/forum/threads',
      headers: await authFor(freshChief()),
      payload: { title: 'Stary wątek', body: 'Do usunięcia' }
    })
    const threadId = hidden.json().thread.id as string
    const reported = await app.inject({
      method: 'POST',
      url: `/api/v1/forum/threads/${threadId}/report`,
      headers: await authFor(freshChief()),
      payload: { reason: 'Spam' }
    })
    expect(reported.statusCode, reported.body).toBe(204)
    expect(
      (await app.inject({ method: 'POST', url: `/admin/v1/forum/threads/${threadId}/hide`, headers: admin, payload: { reason: 'Spam' } })).statusCode
    ).toBe(200)
    await age('ForumThread', threadId, { lastActivityAt: new Date(Date.now() - 7 * MONTH) })
    await app.auditLog.append([{ action: 'article.updated', target: { type: 'article', id: 'ancient' } }], new Date(Date.now() - 30 * MONTH))
    const files = await gridFsCounts(app)

    const dry = await app.inject({ method: 'GET', url: '/admin/v1/privacy/retention', headers: admin })
    expect(dry.statusCode, dry.body).toBe(200)
    const report = dry.json()
    expect(report).toMatchObject({
      dryRun: true,
      cases: { cases: 1, messages: 1, attachments: 1, bytes: samples.png.length, caseIds: [old] },
      forum: { threads: 1 }
    })
    expect(await gridFsCounts(app)).toEqual(files)
    expect(await app.models.Message.countDocuments({ caseId: new Types.ObjectId(old) })).toBe(1)

    const ran = await app.runRetention({ dryRun: false })
    expect(ran.cases).toMatchObject({ cases: 1, messages: 1, attachments: 1 })
    expect(ran.audit.deleted).toBeGreaterThanOrEqual(1)
    expect(await app.models.Message.countDocuments({ caseId: new Types.ObjectId(old) })).toBe(0)
    expect(await gridFsCounts(app)).toEqual({ files: files.files - 1, chunks: files.chunks - 1 })
    expect(await app.models.Case.findById(old).lean()).toMatchObject({ status: 'resolved', purgedAt: expect.any(Date), messageCount: 0, subject: '—' })
    for (const kept of [recent, oldButOpen]) expect(await app.models.Message.countDocuments({ caseId: new Types.ObjectId(kept) })).toBe(1)
    expect(await app.models.ForumThread.exists({ _id: threadId })).toBeNull()
    expect(await app.models.ForumReport.countDocuments({ threadId })).toBe(0)
    expect(await app.models.Audit.countDocuments({ targetId: 'ancient' })).toBe(0)

    // Nothing is left to do, and the next run says so.
    expect((await app.runRetention({ dryRun: false })).cases.cases).toBe(0)
  })
})
