import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import type { CaseSummary } from '../../../src/api/types'
import { employee, makeCase, makeMe } from '../../helpers/factories'
import { installFakeApi, problem, type FakeApi } from '../../helpers/fakeApi'
import { renderWidget } from '../../helpers/render'

let api: FakeApi
let active: CaseSummary[]
let archived: CaseSummary[]

beforeEach(() => {
  active = [makeCase({ unread: true }), makeCase({ unread: true, status: 'answered' }), makeCase()]
  archived = [makeCase({ archived: true })]
  api = installFakeApi({
    'GET /api/v1/me': { body: makeMe() },
    'GET /api/v1/cases': (req) => ({ body: { items: req.query.get('view') === 'archived' ? archived : active, nextCursor: null } }),
    'POST /api/v1/cases/archive': (req) => ({ body: { changed: (req.json as { ids: string[] }).ids } }),
    'POST /api/v1/cases/unarchive': (req) => ({ body: { changed: (req.json as { ids: string[] }).ids } }),
    'POST /api/v1/cases/read': (req) => ({ body: { changed: (req.json as { ids: string[] }).ids } })
  })
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const rows = () => Array.from(document.querySelectorAll<HTMLLIElement>('li.case'))
const check = (n: number) => fireEvent.click(screen.getByRole('checkbox', { name: `Zaznacz sprawę nr ${n}` }))

test('lists number, subject, status, account and unread marker', async () => {
  renderWidget({ target: 'cases', me: makeMe() })
  // The first test also loads the lazy chunk.
  await waitFor(() => expect(rows()).toHaveLength(3), { timeout: 5000 })
  const first = within(rows()[0]!)
  expect(first.getByText(`#${active[0]!.number}`)).toBeTruthy()
  expect(first.getByText(active[0]!.subject)).toBeTruthy()
  expect(first.getByText('Przekazano ekspertom')).toBeTruthy()
  expect(first.getByText('Konto biura')).toBeTruthy()
  expect(first.getByText('Nieprzeczytana')).toBeTruthy()
  expect(within(rows()[1]!).getByText('Odpowiedziano')).toBeTruthy()
  expect(rows()[2]!.querySelector('[data-unread]')).toBeNull()
})

test('select two → Archiwizuj sends both ids and they disappear', async () => {
  renderWidget({ target: 'cases', me: makeMe() })
  await waitFor(() => expect(rows()).toHaveLength(3))
  // Bulk buttons appear once something is selected, with the count.
  expect(screen.queryByRole('button', { name: 'Archiwizuj' })).toBeNull()
  check(active[0]!.number)
  check(active[2]!.number)
  expect(screen.getByText('Zaznaczone: 2')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: 'Archiwizuj' }))
  await waitFor(() => expect(rows()).toHaveLength(1))
  expect(api.called('POST /api/v1/cases/archive')[0]?.json).toEqual({ ids: [active[0]!.id, active[2]!.id] })
  expect(rows()[0]!.dataset.caseId).toBe(active[1]!.id)
})

test('select-all then Oznacz jako przeczytane clears every unread marker', async () => {
  renderWidget({ target: 'cases', me: makeMe() })
  await waitFor(() => expect(rows()).toHaveLength(3))
  const all = screen.getByRole('checkbox', { name: 'Zaznacz wszystkie' }) as HTMLInputElement
  fireEvent.click(all)
  await waitFor(() => expect(screen.getAllByRole('checkbox').every((c) => (c as HTMLInputElement).checked)).toBe(true))
  fireEvent.click(screen.getByRole('button', { name: 'Oznacz jako przeczytane' }))
  await waitFor(() => expect(document.querySelectorAll('[data-unread]')).toHaveLength(0))
  expect(api.called('POST /api/v1/cases/read')[0]?.json).toEqual({ ids: active.map((c) => c.id) })
  expect(rows()).toHaveLength(3)
  await waitFor(() => expect(api.called('GET /api/v1/me').length).toBeGreaterThan(0)) // unread badge refreshed
})

test('select-all is indeterminate for a partial selection and toggles everything off', async () => {
  renderWidget({ target: 'cases', me: makeMe() })
  await waitFor(() => expect(rows()).toHaveLength(3))
  const all = screen.getByRole('checkbox', { name: 'Zaznacz wszystkie' }) as HTMLInputElement
  check(active[1]!.number)
  await waitFor(() => expect(all.indeterminate).toBe(true))
  fireEvent.click(all)
  fireEvent.click(all)
  await waitFor(() => expect(screen.getAllByRole('checkbox').some((c) => (c as HTMLInputElement).checked)).toBe(false))
})

test('Archived tab lists archived cases and Przywróć unarchives them', async () => {
  renderWidget({ target: 'cases', me: makeMe() })
  await waitFor(() => expect(rows()).toHaveLength(3))
  fireEvent.click(screen.getByRole('tab', { name: 'Zarchiwizowane' }))
  await waitFor(() => expect(rows()).toHaveLength(1))
  expect(screen.getByRole('tab', { name: 'Zarchiwizowane' }).getAttribute('aria-selected')).toBe('true')
  expect(screen.queryByRole('button', { name: 'Archiwizuj' })).toBeNull()
  check(archived[0]!.number)
  fireEvent.click(screen.getByRole('button', { name: 'Przywróć' }))
  await waitFor(() => expect(rows()).toHaveLength(0))
  expect(api.called('POST /api/v1/cases/unarchive')[0]?.json).toEqual({ ids: [archived[0]!.id] })
  expect(screen.getByText('Brak zarchiwizowanych spraw.')).toBeTruthy()
})

test('empty list says so; Utwórz sprawę opens the ask form', async () => {
  active = []
  renderWidget({ target: 'cases', me: makeMe() })
  archived = []
  const empty = (await screen.findByText(/Nie masz jeszcze żadnych spraw/)).parentElement!
  fireEvent.click(within(empty).getByRole('button', { name: 'Utwórz sprawę' }))
  expect(await screen.findByLabelText('Twoje pytanie')).toBeTruthy()
})

test('error state offers retry', async () => {
  let fail = true
  api.on('GET /api/v1/cases', () => (fail ? { status: 503, body: { code: 'DATABASE_UNAVAILABLE' } } : { body: { items: active, nextCursor: null } }))
  renderWidget({ target: 'cases', me: makeMe() })
  expect(await screen.findByText('Nie udało się pobrać listy spraw.')).toBeTruthy()
  fail = false
  fireEvent.click(screen.getByRole('button', { name: 'Spróbuj ponownie' }))
  await waitFor(() => expect(rows()).toHaveLength(3))
})

test('Pokaż więcej loads the next page with the cursor (IntersectionObserver does the same on scroll)', async () => {
  const observed: Element[] = []
  let fire: (() => void) | undefined
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      constructor(cb: (e: { isIntersecting: boolean }[]) => void) {
        fire = () => cb([{ isIntersecting: true }])
      }
      observe(el: Element) {
        observed.push(el)
      }
      disconnect() {
        fire = undefined
      }
    }
  )
  const page2 = [makeCase(), makeCase()]
  const page3 = [makeCase()]
  api.on('GET /api/v1/cases', (req) => {
    const c = req.query.get('cursor')
    return { body: c === 'p2' ? { items: page2, nextCursor: 'p3' } : c === 'p3' ? { items: page3, nextCursor: null } : { items: active, nextCursor: 'p2' } }
  })
  renderWidget({ target: 'cases', me: makeMe() })
  await waitFor(() => expect(rows()).toHaveLength(3))
  fireEvent.click(screen.getByRole('button', { name: 'Pokaż więcej' }))
  await waitFor(() => expect(rows()).toHaveLength(5))
  await waitFor(() => expect(fire).toBeDefined())
  fire!()
  await waitFor(() => expect(rows()).toHaveLength(6))
  expect(api.called('GET /api/v1/cases').map((c) => c.query.get('cursor'))).toEqual([null, 'p2', 'p3'])
  expect(screen.queryByRole('button', { name: 'Pokaż więcej' })).toBeNull()
  expect(observed.length).toBeGreaterThan(0)
})

test('clicking a case opens its conversation', async () => {
  const c = active[0]!
  api.on(`GET /api/v1/cases/${c.id}`, { body: { case: c, messages: [] } })
  const { panel } = renderWidget({ target: 'cases', me: makeMe() })
  await waitFor(() => expect(rows()).toHaveLength(3))
  fireEvent.click(within(rows()[0]!).getByText(c.subject))
  expect(await screen.findByRole('heading', { name: `Sprawa nr ${c.number}: ${c.subject}` })).toBeTruthy()
  expect(panel.store.get()).toMatchObject({ view: { name: 'case', caseId: c.id } })
})

test('an employee gets the reason instead of a failed list, and no list request', async () => {
  api = installFakeApi({ 'GET /api/v1/me': { body: employee() }, 'GET /api/v1/cases': problem(403, 'ONLY_OFFICE_CHIEF') })
  renderWidget({ target: 'cases', me: employee() })
  await screen.findByText('Pytanie do ekspertów może wysłać wyłącznie szef biura — poproś go o to albo zapytaj na forum.')
  expect(screen.queryByRole('button', { name: 'Archiwizuj' })).toBeNull()
  expect(screen.queryByText('Nie udało się pobrać listy spraw.')).toBeNull()
  expect(api.called('GET /api/v1/cases')).toHaveLength(0)
})

test('rows show who wrote last and a one-line preview', async () => {
  active = [
    makeCase({ lastActivityBy: 'expert', lastAuthorName: 'Tomasz Ekspert', lastPreview: 'Proszę wybrać Faktury » Korekta.' }),
    makeCase({ lastPreview: 'Jak dodać klienta?' })
  ]
  renderWidget({ target: 'cases', me: makeMe() })
  await waitFor(() => expect(rows()).toHaveLength(2))
  expect(rows()[0]!.querySelector('.pv')!.textContent).toBe('Tomasz Ekspert: Proszę wybrać Faktury » Korekta.')
  expect(rows()[1]!.querySelector('.pv')!.textContent).toBe('Ty: Jak dodać klienta?')
})

test('Archiwizuj confirms with "Zarchiwizowano 2 sprawy · Cofnij"; Cofnij brings them back', async () => {
  renderWidget({ target: 'cases', me: makeMe() })
  await waitFor(() => expect(rows()).toHaveLength(3))
  check(active[0]!.number)
  check(active[1]!.number)
  fireEvent.click(screen.getByRole('button', { name: 'Archiwizuj' }))
  const toast = await screen.findByText('Zarchiwizowano 2 sprawy')
  fireEvent.click(within(toast.parentElement!).getByRole('button', { name: 'Cofnij' }))
  await waitFor(() => expect(api.called('POST /api/v1/cases/unarchive')[0]?.json).toEqual({ ids: [active[0]!.id, active[1]!.id] }))
  // The list is read again (the fake service still lists all three).
  await waitFor(() => expect(rows()).toHaveLength(3))
})

test('Gmail-style: the checkbox selects the loaded list, then "Zaznacz wszystkie pasujące (45)" selects every match', async () => {
  const many = Array.from({ length: 45 }, () => makeCase())
  api.on('GET /api/v1/cases', (req) => {
    const from = Number(req.query.get('cursor') ?? 0)
    const limit = Number(req.query.get('limit'))
    const next = from + limit < many.length ? String(from + limit) : null
    return { body: { items: many.slice(from, from + limit), nextCursor: next, ...(req.query.get('cursor') ? {} : { total: many.length }) } }
  })
  renderWidget({ target: 'cases', me: makeMe() })
  await waitFor(() => expect(rows()).toHaveLength(20))
  fireEvent.click(screen.getByRole('checkbox', { name: 'Zaznacz wszystkie' }))
  expect(screen.getByText('Zaznaczone: 20')).toBeTruthy()
  expect(screen.getByText(/Zaznaczone są wszystkie sprawy na liście \(20\)/)).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: 'Zaznacz wszystkie pasujące (45)' }))
  expect(screen.getByText('Zaznaczone: 45')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: 'Archiwizuj' }))
  await screen.findByText('Zarchiwizowano 45 spraw')
  const sent = api.called('POST /api/v1/cases/archive').flatMap((c) => (c.json as { ids: string[] }).ids)
  expect(sent).toEqual(many.map((c) => c.id))
})

test('search and status filter ask the service; nothing matching offers Wyczyść filtry', async () => {
  renderWidget({ target: 'cases', me: makeMe() })
  await waitFor(() => expect(rows()).toHaveLength(3))
  api.on('GET /api/v1/cases', () => ({ body: { items: [], nextCursor: null, total: 0 } }))
  fireEvent.input(screen.getByRole('searchbox', { name: 'Szukaj w sprawach' }), { target: { value: 'korekta' } })
  fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'answered' } })
  // The search waits for a pause in typing; the status applies at once.
  await waitFor(() => {
    const last = api.called('GET /api/v1/cases').at(-1)!.query
    expect([last.get('q'), last.get('status')]).toEqual(['korekta', 'answered'])
  })
  expect(await screen.findByText('Żadna sprawa nie pasuje do wyszukiwania.')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: 'Wyczyść filtry' }))
  await waitFor(() => expect(api.called('GET /api/v1/cases').at(-1)!.query.get('status')).toBeNull())
})

test('no active case but some archived: says so and offers the archive', async () => {
  active = []
  api.on('GET /api/v1/cases', (req) => ({
    body: { items: req.query.get('view') === 'archived' ? archived : [], nextCursor: null, total: req.query.get('view') === 'archived' ? 4 : 0 }
  }))
  const { panel } = renderWidget({ target: 'cases', me: makeMe() })
  expect(await screen.findByText('Nie masz aktywnych spraw. Zarchiwizowane: 4.')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: 'Pokaż zarchiwizowane' }))
  expect(panel.store.get()).toMatchObject({ view: { name: 'cases', tab: 'archived' } })
})
