import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { startMailpit, type RunningMailpit } from '@ze/testkit/mailpit'
import { buildTestApp, testDatabaseUri } from '../helpers/app.js'
import { createCase, createExpert, expertReply, freshChief } from '../helpers/factories.js'
import { eventually } from '../helpers/eventually.js'
import { fastOutbox, mailTo, outboxState } from '../helpers/notifications.js'
import { createLease } from '../../src/notifications/lease.js'
import { backoffMs } from '../../src/notifications/outbox.js'

let mailpit: RunningMailpit
let a: FastifyInstance
let b: FastifyInstance

beforeAll(async () => {
  mailpit = await startMailpit()
  // Two service instances on one database, both running the worker.
  const mongodbUri = testDatabaseUri()
  a = await buildTestApp({ ...fastOutbox, smtpUrl: mailpit.smtpUrl, mongodbUri })
  b = await buildTestApp({ ...fastOutbox, smtpUrl: mailpit.smtpUrl, mongodbUri })
  await a.models.Expert.deleteMany({})
}, 60_000)
afterAll(async () => {
  await a?.close()
  await b?.close()
  await mailpit?.stop()
})

const to = (address: string) => async () => (await mailpit.messages()).filter((m) => m.To.some((t) => t.Address === address))

describe('outbox delivery', () => {
  it('survives an SMTP outage: nothing lost, exactly one e-mail once Mailpit is back', async () => {
    const expert = await createExpert(a, { name: 'Ola Ekspert' })
    await a.models.Expert.updateMany({}, { $set: { notifyNewCases: 'none' } })
    const created = await createCase(a, freshChief({ email: 'outage@biuro.test' }))
    await mailpit.stop()
    try {
      const reply = await expertReply(b, expert.headers, created.case.id, 'Odpowiedź w czasie awarii SMTP')
      expect(reply.statusCode).toBe(201)
      const id = `mail:chief-reply:${reply.json().message.id}`
      // Failed attempts are counted and retried with backoff, the item stays pending.
      const failing = await eventually(
        async () => {
          const item = await a.notifications.outbox.get(id)
          return item && item.attempts >= 2 ? item : undefined
        },
        20_000,
        'two failed attempts'
      )
      expect(failing).toMatchObject({ state: 'pending' })
      expect(failing.lastError).toMatch(/ECONNREFUSED|connect/i)
    } finally {
      await mailpit.start()
    }
    const sent = await outboxState(a, (await a.models.Outbox.findOne({ 'mail.to': 'outage@biuro.test' }).lean())!._id, ['sent'], 20_000)
    expect(sent.attempts).toBeGreaterThanOrEqual(3)
    await mailTo(mailpit, 'outage@biuro.test')
    // A few more worker rounds of both instances: still exactly one.
    await new Promise((r) => setTimeout(r, 1000))
    expect(await to('outage@biuro.test')()).toHaveLength(1)
  }, 60_000)

  it('sends every item exactly once with two instances running the worker', async () => {
    const sends = Array.from({ length: 12 }, (_, i) =>
      (i % 2 ? a : b).notifications.enqueueMail({
        to: 'twice@biuro.test',
        template: 'sign-in-link',
        key: `two-${i}`,
        data: { name: `N${i}`, url: `http://x.test/${i}`, expiresMinutes: 15 }
      })
    )
    expect(await Promise.all(sends)).toEqual(Array(12).fill(true))
    const messages = await eventually(
      async () => {
        const found = await to('twice@biuro.test')()
        return found.length >= 12 ? found : undefined
      },
      20_000,
      '12 messages'
    )
    await new Promise((r) => setTimeout(r, 800))
    const final = await to('twice@biuro.test')()
    expect(final).toHaveLength(12)
    expect(new Set(final.map((m) => m.MessageID)).size).toBe(12)
    expect(messages.length).toBe(12)
  }, 40_000)
})

describe('lease', () => {
  it('admits one holder among concurrent claimers, and another only after it expires', async () => {
    const name = `test-lease-${Date.now()}`
    const leases = ['x', 'y', 'z'].map((owner) => createLease(a.models, name, owner, 800))
    const won = await Promise.all(leases.map((l) => l.acquire()))
    expect(won.filter(Boolean)).toHaveLength(1)
    const holder = won.indexOf(true)
    const other = leases[(holder + 1) % 3]!
    expect(await other.acquire()).toBe(false)
    expect(await leases[holder]!.acquire()).toBe(true)
    await new Promise((r) => setTimeout(r, 900))
    expect(await other.acquire()).toBe(true)
    expect(await leases[holder]!.acquire()).toBe(false)
    expect(leases[holder]!.holds()).toBe(false)
  })

  it('backs off exponentially up to the cap', () => {
    const policy = { baseMs: 1000, maxBackoffMs: 86_400_000, giveUpMs: 86_400_000, inFlightMs: 1000 }
    expect([1, 2, 3, 4, 10].map((n) => backoffMs(policy, n))).toEqual([1000, 2000, 4000, 8000, 512_000])
    expect(backoffMs(policy, 40)).toBe(86_400_000)
  })
})
