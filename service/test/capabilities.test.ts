import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from './helpers/app.js'
import { bearer, personas, signToken } from './helpers/tokens.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

const roles = ['office_chief', 'employee', 'client'] as const
const accounts = [
  { type: 'office', id: 'office-a', name: 'Biuro Alfa' },
  { type: 'client', id: 'client-9', name: 'Klient Dziewięć' }
] as const

// The capability matrix of R1 and R9: role × package state × account context.
const matrix = roles.flatMap((role) =>
  [true, false].flatMap((active) =>
    accounts.map((account) => ({
      role,
      active,
      account,
      expected:
        role === 'office_chief'
          ? { canAskExpert: true, askExpertDeniedReason: null, entryPoints: active ? ['sidebar', 'avatar', 'messages'] : ['messages'] }
          : { canAskExpert: false, askExpertDeniedReason: 'ONLY_OFFICE_CHIEF', entryPoints: [] }
    }))
  )
)

describe('GET /api/v1/me capabilities', () => {
  it.each(matrix)('$role, package active=$active, account=$account.type', async ({ role, active, account, expected }) => {
    const token = await signToken({ ...personas.chiefOffice, role, account, package: { active } })
    const res = await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.capabilities).toEqual(expected)
    expect(body.account).toEqual(account)
    expect(body.package.active).toBe(active)
    expect(body.unreadCount).toBe(0)
    expect(body.scopeNotice.pl).toMatch(/wyłącznie wskazówek technicznych/)
    expect(body.limits).toMatchObject({ maxFiles: 10, maxFileBytes: 20 * 1024 * 1024 })
  })

  it('the fourth role, a chief of another office, is a chief of their own office', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(await signToken(personas.chiefOtherOffice)) })
    expect(res.json()).toMatchObject({ office: { id: 'office-b' }, capabilities: { canAskExpert: true } })
  })
})
