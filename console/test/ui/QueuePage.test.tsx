import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import type { AdminCase } from '@ze/contract'
import { dispatchLive } from '../../src/live/events'
import { presence } from '../../src/state/presence'
import { applyPresence } from '../../src/state/presence'
import QueuePage from '../../src/ui/queue/QueuePage'
import { adminCase, colleague, counts, me } from '../helpers/factories'
import { installFakeApi } from '../helpers/fakeApi'

let items: AdminCase[]
let api: ReturnType<typeof installFakeApi>
beforeEach(() => {
  localStorage.clear()
  presence.set(new Map())
  items = [
    adminCase({ subject: 'Jak dodać fakturę korygującą?' }),
    adminCase({
      subject: 'Import JPK',
      account: { type: 'client', id: 'c1', name: 'Piekarnia Bułka' },
      expertUnread: false,
      assignee: colleague,
      office: { id: 'office-b', name: 'Biuro Nowak' }
    })
  ]
  api = installFakeApi({
    'GET /cases': () => ({ body: { items, nextCursor: null } }),
    'GET /cases/counts': { body: counts },
    'GET /offices': {
      body: {
        items: [
          { id: 'office-a', name: 'Biuro Rachunkowe Kowalska' },
          { id: 'office-b', name: 'Biuro Nowak' }
        ]
      }
    }
  })
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const rows = () => within(screen.getByRole('list', { name: 'Sprawy' })).getAllByRole('listitem')

test('the five views with their counts; the current one is marked', async () => {
  render(<QueuePage view="unassigned" me={me} />)
  const views = within(await screen.findByRole('navigation', { name: 'Widoki kolejki' }))
  await waitFor(() => expect(views.getByRole('link', { name: 'Nieprzypisane 2' })).toBeTruthy())
  expect(views.getByRole('link', { name: 'Nieprzypisane 2' }).getAttribute('aria-current')).toBe('page')
  for (const name of ['Moje 1', 'Wszystkie otwarte 3', 'Czekają na klienta 4', 'Rozwiązane 5']) expect(views.getByRole('link', { name })).toBeTruthy()
  expect(views.getByRole('link', { name: 'Czekają na klienta 4' }).getAttribute('href')).toBe('#/queue/waiting')
})

test('each view asks the queue with its filter', async () => {
  const filters: Record<string, string> = {
    unassigned: 'status=open&assignee=none',
    mine: 'status=open&assignee=me',
    open: 'status=open',
    waiting: 'status=answered',
    resolved: 'status=resolved'
  }
  for (const [view, query] of Object.entries(filters)) {
    const { unmount } = render(<QueuePage view={view as 'open'} me={me} />)
    await waitFor(() => expect(api.called('GET /cases').at(-1)?.query.toString()).toBe(query))
    unmount()
  }
})

test('rows: number, subject, office, account label, status, waiting time in words, assignee, unread marker', async () => {
  render(<QueuePage view="open" me={me} />)
  await screen.findByRole('link', { name: 'Jak dodać fakturę korygującą?' })
  const [first, second] = rows()
  const a = within(first!)
  expect(a.getByText('#' + items[0]!.number)).toBeTruthy()
  expect(a.getByText('Biuro Rachunkowe Kowalska')).toBeTruthy()
  expect(a.getByText('Konto biura')).toBeTruthy()
  expect(a.getByText('Otwarta')).toBeTruthy()
  expect(a.getByText('czeka 3 godz.')).toBeTruthy()
  expect(a.getByText('Nieprzypisana')).toBeTruthy()
  expect(a.getByText('Nowa wiadomość od klienta')).toBeTruthy()
  const b = within(second!)
  expect(b.getByText('Klient: Piekarnia Bułka')).toBeTruthy()
  expect(b.getByText('Przypisana: Tomasz Ekspert')).toBeTruthy()
  expect(b.queryByText('Nowa wiadomość od klienta')).toBeNull()
  expect(a.getByRole('link', { name: 'Jak dodać fakturę korygującą?' }).getAttribute('href')).toBe(`#/case/${items[0]!.id}`)
})

test('search by number or text and the office filter go to the service', async () => {
  render(<QueuePage view="open" me={me} />)
  await screen.findByRole('link', { name: 'Import JPK' })
  fireEvent.input(screen.getByRole('searchbox', { name: 'Szukaj po numerze lub tekście' }), { target: { value: ' #17 ' } })
  fireEvent.click(screen.getByRole('button', { name: 'Szukaj' }))
  await waitFor(() => expect(api.called('GET /cases').at(-1)?.query.get('q')).toBe('#17'))
  fireEvent.change(screen.getByLabelText('Biuro'), { target: { value: 'office-b' } })
  await waitFor(() => expect(api.called('GET /cases').at(-1)?.query.get('officeId')).toBe('office-b'))
  expect(api.called('GET /cases/counts').at(-1)?.query.get('officeId')).toBe('office-b')
})

test('a new case appears live, without a reload; counts follow', async () => {
  render(<QueuePage view="unassigned" me={me} />)
  await screen.findByRole('link', { name: 'Import JPK' })
  const fresh = adminCase({ subject: 'Nowa sprawa na żywo' })
  items = [...items, fresh]
  api.on('GET /cases/counts', { body: { ...counts, unassigned: 3 } })
  dispatchLive({
    type: 'case.created',
    data: { caseId: fresh.id, appId: 'app-1', officeId: 'office-a', number: fresh.number, subject: fresh.subject, status: 'open', assigneeId: null }
  })
  expect(await screen.findByRole('link', { name: 'Nowa sprawa na żywo' })).toBeTruthy()
  expect(await screen.findByRole('link', { name: 'Nieprzypisane 3' })).toBeTruthy()
})

test('other experts’ presence shows in the row', async () => {
  render(<QueuePage view="open" me={me} />)
  await screen.findByRole('link', { name: 'Import JPK' })
  const expiresAt = new Date(Date.now() + 30_000).toISOString()
  applyPresence({ caseId: items[0]!.id, appId: 'app-1', officeId: 'office-a', expert: colleague, state: 'viewing', expiresAt }, me.id)
  expect(await within(rows()[0]!).findByText('Tomasz Ekspert przegląda')).toBeTruthy()
  applyPresence({ caseId: items[0]!.id, appId: 'app-1', officeId: 'office-a', expert: colleague, state: 'typing', expiresAt }, me.id)
  expect(await within(rows()[0]!).findByText('Tomasz Ekspert pisze odpowiedź')).toBeTruthy()
  // One's own presence is never shown back.
  applyPresence({ caseId: items[1]!.id, appId: 'app-1', officeId: 'office-b', expert: { id: me.id, name: me.name }, state: 'viewing', expiresAt }, me.id)
  expect(within(rows()[1]!).queryByText(/przegląda/)).toBeNull()
  applyPresence({ caseId: items[0]!.id, appId: 'app-1', officeId: 'office-a', expert: colleague, state: 'left', expiresAt }, me.id)
  await waitFor(() => expect(within(rows()[0]!).queryByText(/Tomasz/)).toBeNull())
})

test('keyboard: j/k move between rows, Enter opens, / goes to search', async () => {
  render(<QueuePage view="open" me={me} />)
  await screen.findByRole('link', { name: 'Import JPK' })
  fireEvent.keyDown(document.body, { key: 'j' })
  expect(document.activeElement?.textContent).toBe('Import JPK')
  expect(rows()[1]!.getAttribute('aria-current')).toBe('true')
  fireEvent.keyDown(document.body, { key: 'k' })
  expect(document.activeElement?.textContent).toBe('Jak dodać fakturę korygującą?')
  ;(document.activeElement as HTMLElement).blur()
  fireEvent.keyDown(document.body, { key: 'Enter' })
  expect(location.hash).toBe(`#/case/${items[0]!.id}`)
  fireEvent.keyDown(document.body, { key: '/' })
  expect(document.activeElement).toBe(screen.getByRole('searchbox'))
  // Typing in the search box is not a shortcut.
  fireEvent.keyDown(document.activeElement!, { key: 'j' })
  expect(document.activeElement).toBe(screen.getByRole('searchbox'))
})

test('an empty view says so', async () => {
  items = []
  render(<QueuePage view="mine" me={me} />)
  expect(await screen.findByText('Brak spraw w tym widoku.')).toBeTruthy()
})
