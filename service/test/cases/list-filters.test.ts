import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { authFor, createCase, createExpert, expertReply, freshChief } from '../helpers/factories.js'

// Moje pytania at scale (issue 15 item 6): who wrote last and a preview on each row, search
// and status filter, and the total for "Zaznacz wszystkie N" — on the real database.
let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

type Chief = Record<string, unknown>
interface Row {
  id: string
  subject: string
  status: string
  lastActivityBy: string
  lastAuthorName: string | null
  lastPreview: string | null
}
const list = async (chief: Chief, query = '') => {
  const res = await app.inject({ method: 'GET', url: `/api/v1/cases${query}`, headers: await authFor(chief) })
  expect(res.statusCode).toBe(200)
  return res.json() as { items: Row[]; nextCursor: string | null; total?: number }
}

describe('Moje pytania rows and filters', () => {
  it('each row names who wrote last and previews the last public message on one line', async () => {
    const chief = freshChief({ name: 'Anna Szef' })
    const c = (await createCase(app, chief, { question: 'Dzień dobry,\n\njak   wystawić korektę?' })).case
    expect(c).toMatchObject({ lastActivityBy: 'chief', lastAuthorName: 'Anna Szef', lastPreview: 'Dzień dobry, jak wystawić korektę?' })
    const { headers } = await createExpert(app, { name: 'Tomasz Ekspert' })
    await expertReply(app, headers, c.id, `Proszę wybrać Faktury » Korekta. ${'Dalej opis kroków. '.repeat(20)}`)
    await expertReply(app, headers, c.id, 'Notatka tylko dla ekspertów', { internal: true })
    const row = (await list(chief)).items.find((i) => i.id === c.id)!
    expect(row).toMatchObject({ lastActivityBy: 'expert', lastAuthorName: 'Tomasz Ekspert' })
    expect(row.lastPreview).toMatch(/^Proszę wybrać Faktury » Korekta\. Dalej opis/)
    expect(row.lastPreview!.length).toBeLessThanOrEqual(160)
    expect(row.lastPreview!.endsWith('…')).toBe(true)
  })

  it('searches subject words (case-insensitive, regex characters literal), filters by status, counts all matches on the first page', async () => {
    const chief = freshChief()
    for (let i = 0; i < 5; i++) await createCase(app, chief, { question: 'x', subject: `Korekta faktury ${i}` })
    await createCase(app, chief, { question: 'x', subject: 'JPK_V7M (listopad)' })
    const answered = (await createCase(app, chief, { question: 'x', subject: 'Korekta JPK' })).case
    const { headers } = await createExpert(app)
    await expertReply(app, headers, answered.id, 'Odpowiedź')

    const page = await list(chief, '?q=KOREKTA&limit=2')
    expect(page.total).toBe(6)
    expect(page.items).toHaveLength(2)
    const next = await list(chief, `?q=KOREKTA&limit=2&cursor=${page.nextCursor}`)
    expect(next.total).toBeUndefined()
    expect((await list(chief, '?q=korekta%20jpk')).items.map((i) => i.id)).toEqual([answered.id])
    expect((await list(chief, '?q=(listopad)')).items.map((i) => i.subject)).toEqual(['JPK_V7M (listopad)'])
    expect((await list(chief, '?q=.*')).total).toBe(0)
    const byStatus = await list(chief, '?status=answered')
    expect(byStatus).toMatchObject({ total: 1, items: [{ id: answered.id, status: 'answered' }] })
    expect((await list(chief, '?status=open')).total).toBe(6)
    // Another office sees nothing of it.
    expect((await list(freshChief(), '?q=korekta')).total).toBe(0)
  })
})
