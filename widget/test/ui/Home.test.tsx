import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, expect, test, vi } from 'vitest'
import { employee, inactiveChief, makeArticleSummary, makeMe, makeThread } from '../helpers/factories'
import { installFakeApi } from '../helpers/fakeApi'
import { renderWidget } from '../helpers/render'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const tile = (name: RegExp) => screen.getByRole('button', { name })

test('Pomoc shows the three forms of support plus Moje pytania with the unread count', () => {
  installFakeApi()
  const { session } = renderWidget({ me: makeMe({ unreadCount: 2 }) })
  void act(() => session.unread.set(2))
  expect(screen.getByRole('dialog', { name: 'Pomoc' })).toBeTruthy()
  const list = screen.getByRole('list')
  expect(
    within(list)
      .getAllByRole('button')
      .map((b) => b.querySelector('b')?.firstChild?.textContent)
  ).toEqual(['Artykuły', 'Forum', 'Zapytaj Eksperta', 'Moje pytania'])
  expect((tile(/Zapytaj Eksperta/) as HTMLButtonElement).disabled).toBe(false)
  expect(tile(/Moje pytania/).textContent).toContain('2')
})

test('non-chiefs see Zapytaj Eksperta disabled with the reason', () => {
  installFakeApi()
  renderWidget({ me: employee() })
  const ask = tile(/Zapytaj Eksperta/) as HTMLButtonElement
  expect(ask.disabled).toBe(true)
  const reason = screen.getByText('Pytanie do ekspertów może wysłać wyłącznie szef biura — poproś go o to albo zapytaj na forum.')
  expect(ask.getAttribute('aria-describedby')).toBe(reason.id)
  expect(screen.queryByRole('button', { name: /Moje pytania/ })).toBeNull()
})

test('inactive package in the floating panel points to START » WIADOMOŚCI via the host link', () => {
  installFakeApi()
  renderWidget({ me: inactiveChief(), options: { messagesLink: '/start/wiadomosci' } })
  expect((tile(/Zapytaj Eksperta/) as HTMLButtonElement).disabled).toBe(true)
  expect(screen.getByText(/START » WIADOMOŚCI » UTWÓRZ SPRAWĘ/)).toBeTruthy()
  expect(screen.getByRole('link', { name: /START » WIADOMOŚCI/ }).getAttribute('href')).toBe('/start/wiadomosci')
})

test('inactive package: the host callback variant is a button that calls it', () => {
  installFakeApi()
  const onOpenMessages = vi.fn()
  renderWidget({ me: inactiveChief(), options: { onOpenMessages } })
  fireEvent.click(screen.getByRole('button', { name: /START » WIADOMOŚCI/ }))
  expect(onOpenMessages).toHaveBeenCalledOnce()
})

test('inactive package: the inline mount (messages) still allows asking', async () => {
  installFakeApi()
  renderWidget({ inline: true, target: 'home', me: inactiveChief() })
  expect(screen.getByRole('region', { name: 'Pomoc' })).toBeTruthy()
  const ask = tile(/Zapytaj Eksperta/) as HTMLButtonElement
  expect(ask.disabled).toBe(false)
  fireEvent.click(ask)
  expect(await screen.findByLabelText('Twoje pytanie')).toBeTruthy()
})

test('articles and forum tiles lead to the article list and the forum', async () => {
  installFakeApi({
    'GET /api/v1/articles': { body: { items: [makeArticleSummary({ title: 'Jak wystawić fakturę' })], categories: [] } },
    'GET /api/v1/forum/threads': { body: { items: [makeThread({ title: 'Korekta do paragonu' })], nextCursor: null } }
  })
  renderWidget({ me: makeMe() })
  fireEvent.click(tile(/Artykuły/))
  expect(await screen.findByText('Jak wystawić fakturę')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: 'Wstecz' }))
  fireEvent.click(tile(/Forum/))
  expect(await screen.findByText('Korekta do paragonu')).toBeTruthy()
})

test('loading /me fails: the ask tile offers a retry', async () => {
  const api = installFakeApi({ 'GET /api/v1/me': { status: 503, body: { code: 'DATABASE_UNAVAILABLE' } } })
  const { session } = renderWidget({ me: null })
  await act(() => session.refresh())
  fireEvent.click(await screen.findByRole('button', { name: /Nie udało się pobrać danych konta/ }))
  await waitFor(() => expect(api.called('GET /api/v1/me').length).toBe(2))
  session.destroy()
})
