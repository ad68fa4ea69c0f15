import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from './helpers/app.js'
import { bearer, personas, signToken, TEST_APP } from './helpers/tokens.js'

// The typed request context: `request.identity` is never null where a handler can read it
// (under /api the subtree's hook verified it; anywhere else reading it is a 401), and the
// tenant every end-user query filters by is computed once, from the verified token.
let fastify: FastifyInstance
beforeAll(async () => {
  fastify = await buildTestApp({}, (f) => {
    // Outside /api: no hook verifies a token here.
    f.get('/probe/identity', async (request) => ({ user: request.identity.userId }))
    f.get('/probe/optional', async (request) => ({ user: request.verifiedIdentity?.userId ?? null }))
    f.get('/probe/verified', async (request) => {
      await f.authenticateUser(request)
      return { user: request.identity.userId, tenant: request.tenant }
    })
  })
})
afterAll(() => fastify.close())

describe('request context', () => {
  it('reading the identity where no token was verified answers 401 TOKEN_MISSING as a problem, not a null', async () => {
    const res = await fastify.inject({ method: 'GET', url: '/probe/identity', headers: bearer(await signToken(personas.chiefOffice)) })
    expect(res.statusCode).toBe(401)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(res.json()).toMatchObject({ status: 401, code: 'TOKEN_MISSING' })
  })

  it('code that serves every caller reads the nullable verifiedIdentity instead', async () => {
    const res = await fastify.inject({ method: 'GET', url: '/probe/optional' })
    expect(res.json()).toEqual({ user: null })
  })

  it('once verified, the identity and its tenant (app, office) are there', async () => {
    const res = await fastify.inject({ method: 'GET', url: '/probe/verified', headers: bearer(await signToken(personas.chiefOffice)) })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ user: 'chief-a', tenant: { appId: TEST_APP.id, officeId: 'office-a' } })
  })
})
