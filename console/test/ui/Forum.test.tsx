import type { AdminThreadDetail, AdminThreadListItem } from '@ze/contract'
import { cleanup, fireEvent, screen, within } from '@testing-library/preact'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { me } from '../helpers/factories'
import { installFakeApi } from '../helpers/fakeApi'
import { renderConsole } from '../helpers/render'

const T1 = 'a1'.repeat(12)
const T2 = 'a2'.repeat(12)
const P1 = 'b1'.repeat(12)
const P2 = 'b2'.repeat(12)
const at = '2026-12-03T09:00:00.000Z'
const user = (name: string) => ({ kind: 'user' as const, id: name, name, role: 'employee' as const, expert: false })

function listItem(id: string, title: string, over: Partial<AdminThreadListItem> = {}): AdminThreadListItem {
  return {
    id,
    title,
    excerpt: '',
    author: user('Ewa Pracownik'),
    replyCount: 0,
    solved: false,
    acceptedPostId: null,
    lastActivityAt: at,
    createdAt: at,
    appId: 'demo',
    officeId: null,
    hidden: false,
    moderation: null,
    openReports: 0,
    ...over
  }
}

function detail(): AdminThreadDetail {
  const { openReports: _n, ...thread } = listItem(T1, 'Wątek ze spamem', { replyCount: 2 })
  const post = (id: string, body: string) => ({
    id,
    threadId: T1,
    author: user('Jan Klient'),
    body,
    createdAt: at,
    accepted: false,
    hidden: false,
    moderation: null,
    reports: [] as AdminThreadDetail['posts'][number]['reports']
  })
  return {
    thread: { ...thread, body: 'Jak zamknąć miesiąc?', reports: [] },
    posts: [
      { ...post(P1, 'Tanie kredyty!'), reports: [{ id: 'r1', reason: 'Reklama', reporterRole: 'client', createdAt: at }] },
      post(P2, 'Księgowość » Zamknięcie okresu.')
    ]
  }
}

beforeEach(() => localStorage.clear())
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

test('"Wymaga uwagi" lists reported threads first, then unanswered ones', async () => {
  const api = installFakeApi({
    'GET /me': { body: me },
    'GET /forum/threads': (req) => ({
      body: {
        items:
          req.query.get('attention') === 'reported'
            ? [listItem(T1, 'Wątek ze spamem', { openReports: 2 })]
            : req.query.get('attention') === 'unanswered'
              ? [listItem(T2, 'Pytanie bez odpowiedzi')]
              : [],
        nextCursor: null
      }
    })
  })
  renderConsole('#/forum')
  await screen.findByRole('heading', { name: 'Forum', level: 1 })
  const reported = await screen.findByRole('list', { name: 'Zgłoszone' })
  expect(within(reported).getByRole('link', { name: 'Wątek ze spamem' }).getAttribute('href')).toBe(`#/forum/${T1}`)
  expect(reported.textContent).toContain('Zgłoszenia: 2')
  const unanswered = await screen.findByRole('list', { name: 'Bez odpowiedzi' })
  expect(unanswered.textContent).toContain('Pytanie bez odpowiedzi')
  // Reported comes before unanswered in the document.
  expect(reported.compareDocumentPosition(unanswered) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
  expect(api.calls.map((c) => c.query.get('attention')).filter(Boolean)).toEqual(['reported', 'unanswered'])
})

test('a thread shows the reports; hiding a reply needs a reason, which is sent; reply and accept call the service', async () => {
  let state = detail()
  const api = installFakeApi({
    'GET /me': { body: me },
    [`GET /forum/threads/${T1}`]: () => ({ body: state }),
    [`POST /forum/posts/${P1}/hide`]: (req) => {
      state = {
        ...state,
        posts: state.posts.map((p) =>
          p.id === P1
            ? {
                ...p,
                hidden: true,
                reports: [],
                moderation: { hidden: true, reason: (req.json as { reason: string }).reason, by: { id: me.id, name: me.name }, at }
              }
            : p
        )
      }
      return { body: { post: state.posts[0] } }
    },
    [`POST /forum/threads/${T1}/replies`]: { status: 201, body: { post: {} } },
    [`POST /forum/threads/${T1}/accept`]: { body: { thread: {} } }
  })
  renderConsole(`#/forum/${T1}`)
  await screen.findByRole('heading', { name: 'Wątek ze spamem' })
  const spam = screen.getAllByRole('article', { name: 'Odpowiedź: Jan Klient' })[0]!
  expect(screen.getAllByRole('group', { name: 'Zgłoszenia: 1' })[0]!.textContent).toContain('Reklama')

  fireEvent.click(within(spam).getByRole('button', { name: 'Ukryj: Odpowiedź: Jan Klient' }))
  const form = within(spam).getByRole('form', { name: 'Ukryj: Odpowiedź: Jan Klient' })
  const submit = within(form).getByRole('button', { name: 'Ukryj' }) as HTMLButtonElement
  expect(submit.disabled).toBe(true)
  fireEvent.input(within(form).getByLabelText('Powód'), { target: { value: 'Reklama kredytów' } })
  expect(submit.disabled).toBe(false)
  fireEvent.submit(form)
  await screen.findByText(/Ukrył\(a\) Ja Ekspert/)
  expect(api.called(`POST /forum/posts/${P1}/hide`)[0]!.json).toEqual({ reason: 'Reklama kredytów' })
  expect(screen.getAllByText('Ukryty').length).toBeGreaterThan(0)

  fireEvent.click(screen.getByRole('button', { name: 'Oznacz jako odpowiedź: Jan Klient' }))
  await vi.waitFor(() => expect(api.called(`POST /forum/threads/${T1}/accept`)[0]?.json).toEqual({ postId: P2 }))

  fireEvent.input(screen.getByLabelText(/Odpowiedź eksperta/), { target: { value: 'Proszę nie publikować reklam.' } })
  fireEvent.click(screen.getByRole('button', { name: 'Odpowiedz' }))
  await vi.waitFor(() => expect(api.called(`POST /forum/threads/${T1}/replies`)[0]?.json).toEqual({ body: 'Proszę nie publikować reklam.' }))
})
