import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { createCase, createExpert, expertReply, freshChief } from '../helpers/factories.js'

let app: FastifyInstance
let me: Awaited<ReturnType<typeof createExpert>>
let colleague: Awaited<ReturnType<typeof createExpert>>
beforeAll(async () => {
  app = await buildTestApp()
  me = await createExpert(app, { name: 'Ja Ekspert' })
  colleague = await createExpert(app, { name: 'Kolega Ekspert' })
})
afterAll(() => app.close())

const get = (url: string) => app.inject({ method: 'GET', url, headers: me.headers })
const patch = (id: string, payload: object) => app.inject({ method: 'PATCH', url: `/admin/v1/cases/${id}`, headers: me.headers, payload })

describe('console queue overview', () => {
  it('counts each queue view with the same filters as the queue, for one office or all', async () => {
    const chief = freshChief()
    const officeId = (chief.office as { id: string }).id
    const c = []
    for (let i = 0; i < 6; i++) c.push((await createCase(app, chief, { question: `Sprawa ${i}` })).case.id)
    await patch(c[0]!, { assignee: me.expert.id })
    await patch(c[1]!, { assignee: colleague.expert.id })
    await expertReply(app, me.headers, c[2]!, 'Odpowiedź') // answered
    await patch(c[3]!, { status: 'resolved' })
    const res = await get(`/admin/v1/cases/counts?officeId=${officeId}`)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ unassigned: 2, mine: 1, open: 4, waiting: 1, resolved: 1 })

    // The counts agree with the queue itself for every view.
    const views: Record<string, string> = {
      unassigned: 'status=open&assignee=none',
      mine: 'status=open&assignee=me',
      open: 'status=open',
      waiting: 'status=answered',
      resolved: 'status=resolved'
    }
    for (const [view, filter] of Object.entries(views)) {
      const items = (await get(`/admin/v1/cases?officeId=${officeId}&${filter}&limit=100`)).json().items
      expect(items.length, view).toBe(res.json()[view])
    }

    const all = (await get('/admin/v1/cases/counts')).json()
    expect(all.open).toBeGreaterThanOrEqual(4)
    expect((await get('/admin/v1/cases/counts?nope=1')).statusCode).toBe(400)
  })

  it('lists the offices that have cases and the active experts, by name', async () => {
    const chief = freshChief()
    const office = chief.office as { id: string; name: string }
    await createCase(app, chief, { question: 'Pytanie' })
    const offices = (await get('/admin/v1/offices')).json().items as Array<{ id: string; name: string }>
    expect(offices).toContainEqual({ id: office.id, name: office.name })

    const gone = await createExpert(app, { name: 'Były Ekspert' })
    await app.experts.revoke(gone.expert.id)
    const experts = (await get('/admin/v1/experts')).json().items as Array<{ id: string; name: string }>
    expect(experts).toContainEqual({ id: me.expert.id, name: 'Ja Ekspert' })
    expect(experts).toContainEqual({ id: colleague.expert.id, name: 'Kolega Ekspert' })
    expect(experts.map((e) => e.id)).not.toContain(gone.expert.id)
    expect(experts.map((e) => e.name)).toEqual([...experts.map((e) => e.name)].sort((a, b) => a.localeCompare(b, 'pl')))
  })

  it('shows the chief’s e-mail in the admin case (context panel)', async () => {
    const chief = freshChief({ email: 'szefowa@biuro.example' })
    const created = (await createCase(app, chief, { question: 'Pytanie' })).case
    const detail = (await get(`/admin/v1/cases/${created.id}`)).json()
    expect(detail.case.chiefEmail).toBe('szefowa@biuro.example')
  })
})
