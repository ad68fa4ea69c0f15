import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { SERVICE_ORIGIN } from './support.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp({ publicUrl: SERVICE_ORIGIN, signInLinkRateMax: 3 })
})
afterAll(() => app.close())

let ipSeq = 0
const nextIp = () => `10.9.${Math.floor(++ipSeq / 200)}.${ipSeq % 200}`
const requestLink = (email: string, remoteAddress = nextIp()) =>
  app.inject({ method: 'POST', url: '/admin/v1/session/link', payload: { email }, remoteAddress })
const useLink = (secret: string) => app.inject({ method: 'GET', url: `/admin/v1/session/link/${secret}` })

describe('sign-in links', () => {
  it('answers 202 for a known and an unknown address alike, and stores a link only for the expert', async () => {
    await app.experts.create({ name: 'Tomasz Ekspert', email: 'Tomasz@Example.com', admin: false })
    const before = await app.models.SignInLink.countDocuments()
    const known = await requestLink('tomasz@example.com')
    const unknown = await requestLink('nobody@example.com')
    expect([known.statusCode, unknown.statusCode]).toEqual([202, 202])
    expect(known.body).toBe(unknown.body)
    expect(await app.models.SignInLink.countDocuments()).toBe(before + 1)
  })

  it('a link signs in once: 303 to /console/ with the session cookie, then it is spent', async () => {
    const { expert } = await app.experts.create({ name: 'Ola', email: 'ola@example.com', admin: false })
    const link = await app.expertSessions.createLink('OLA@example.com')
    expect(link?.expert.id).toBe(expert.id)
    const first = await useLink(link!.secret)
    expect(first.statusCode).toBe(303)
    expect(first.headers.location).toBe('/console/')
    expect(first.headers['cache-control']).toBe('no-store')
    const cookie = first.cookies.find((c) => c.name === '__Host-ze_session')!
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' })
    const me = await app.inject({ method: 'GET', url: '/admin/v1/me', headers: { cookie: `${cookie.name}=${cookie.value}` } })
    expect(me.json().id).toBe(expert.id)

    const again = await useLink(link!.secret)
    expect(again.statusCode).toBe(303)
    expect(again.headers.location).toBe('/console/#/signin?link=invalid')
    expect(again.headers['set-cookie']).toBeUndefined()
  })

  it('two simultaneous uses of one link start one session at most', async () => {
    await app.experts.create({ name: 'Race', email: 'race@example.com', admin: false })
    const link = await app.expertSessions.createLink('race@example.com')
    const results = await Promise.all([useLink(link!.secret), useLink(link!.secret), useLink(link!.secret)])
    expect(results.filter((r) => r.headers.location === '/console/')).toHaveLength(1)
  })

  it('a link older than 15 minutes does not sign in', async () => {
    await app.experts.create({ name: 'Late', email: 'late@example.com', admin: false })
    const link = await app.expertSessions.createLink('late@example.com')
    const doc = await app.models.SignInLink.findOne({ expertId: link!.expert.id }).lean()
    expect(doc!.expiresAt.getTime() - Date.now()).toBeGreaterThan(14 * 60_000)
    expect(doc!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000)
    await app.models.SignInLink.updateOne({ _id: doc!._id }, { $set: { expiresAt: new Date(Date.now() - 1) } })
    expect((await useLink(link!.secret)).headers.location).toBe('/console/#/signin?link=invalid')
  })

  it('a revoked expert gets no link', async () => {
    const { expert } = await app.experts.create({ name: 'Gone', email: 'gone@example.com', admin: false })
    await app.experts.revoke(expert.id)
    expect(await app.expertSessions.createLink('gone@example.com')).toBeNull()
  })

  it('a malformed token is a 400, not a lookup', async () => {
    const res = await app.inject({ method: 'GET', url: '/admin/v1/session/link/abc' })
    expect(res.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' })
  })

  it('is rate-limited per address, from any client address', async () => {
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await requestLink('limited@example.com')).statusCode)
    expect(statuses).toEqual([202, 202, 202, 429])
  })

  it('is rate-limited per client address, whatever the e-mail', async () => {
    const ip = '10.77.0.1'
    const responses = []
    for (let i = 0; i < 4; i++) responses.push(await requestLink(`person${i}@example.com`, ip))
    expect(responses.map((r) => r.statusCode)).toEqual([202, 202, 202, 429])
    expect(responses[3]!.json().code).toBe('RATE_LIMITED')
    expect(Number(responses[3]!.headers['retry-after'])).toBeGreaterThan(0)
  })
})
