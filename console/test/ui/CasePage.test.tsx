import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import type { AdminCase, AdminMessage } from '@ze/contract'
import { dispatchLive } from '../../src/live/events'
import { applyPresence, presence } from '../../src/state/presence'
import CasePage from '../../src/ui/case/CasePage'
import { adminCase, colleague, me, message } from '../helpers/factories'
import { installFakeApi, problem } from '../helpers/fakeApi'

let c: AdminCase
let messages: AdminMessage[]
let api: ReturnType<typeof installFakeApi>
const earlier = adminCase({ subject: 'Wcześniejsze pytanie o JPK', status: 'resolved' })

beforeEach(() => {
  localStorage.clear()
  presence.set(new Map())
  c = adminCase({ subject: 'Jak dodać fakturę korygującą?', account: { type: 'client', id: 'c1', name: 'Piekarnia Bułka' } })
  messages = [
    message(c, {
      body: 'Dzień dobry,\njak dodać korektę?',
      attachments: [
        { id: 'a'.repeat(24), filename: 'ekran.png', contentType: 'image/png', size: 2048 },
        { id: 'b'.repeat(24), filename: 'faktura.pdf', contentType: 'application/pdf', size: 40960 }
      ]
    }),
    message(c, { author: { kind: 'expert', id: colleague.id, name: colleague.name }, body: 'Sprawdzę konfigurację.', internal: true })
  ]
  api = installFakeApi({
    'GET /cases/:id': () => ({ body: { case: c, messages } }),
    'GET /cases': { body: { items: [c, earlier], nextCursor: null } },
    'GET /experts': { body: { items: [{ id: me.id, name: me.name }, colleague] } },
    'POST /cases/:id/presence': { status: 204 },
    'PATCH /cases/:id': (req) => {
      c = {
        ...c,
        ...(req.json as object),
        assignee:
          (req.json as { assignee?: string | null }).assignee === undefined
            ? c.assignee
            : ([{ id: me.id, name: me.name }, colleague].find((e) => e.id === (req.json as { assignee: string }).assignee) ?? null)
      } as AdminCase
      return { body: { case: c } }
    },
    'POST /cases/:id/messages': (req) => {
      const m = message(c, {
        author: { kind: 'expert', id: me.id, name: me.name },
        body: String(req.form?.get('body')),
        internal: req.form?.get('internal') === 'true'
      })
      messages = [...messages, m]
      c = { ...c, status: m.internal ? c.status : 'answered' }
      return { status: 201, body: { case: c, message: m } }
    }
  })
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const open = async () => {
  const view = render(<CasePage id={c.id} me={me} />)
  await screen.findByRole('heading', { name: `Sprawa #${c.number}: Jak dodać fakturę korygującą?` })
  return view
}
const body = () => screen.getByLabelText(/Treść (odpowiedzi|notatki wewnętrznej)/) as HTMLTextAreaElement
const type = (text: string) => fireEvent.input(body(), { target: { value: text } })

test('the conversation: messages, an inline image preview, downloads, and a note that says it is one', async () => {
  await open()
  const convo = within(screen.getByRole('list', { name: 'Rozmowa' }))
  expect(convo.getByText(/jak dodać korektę\?/)).toBeTruthy()
  const img = convo.getByRole('img', { name: 'ekran.png' })
  expect(img.getAttribute('src')).toBe(`/admin/v1/attachments/${'a'.repeat(24)}`)
  expect(convo.getByRole('link', { name: 'Pobierz faktura.pdf' }).getAttribute('download')).toBe('faktura.pdf')
  expect(convo.queryByRole('img', { name: 'faktura.pdf' })).toBeNull()
  const note = convo.getByRole('article', { name: 'Notatka wewnętrzna: Tomasz Ekspert' })
  expect(within(note).getByText('Notatka wewnętrzna')).toBeTruthy()
  expect(note.closest('li')?.classList.contains('note')).toBe(true)
})

test('the context panel: office, account, package, chief, page, browser, entry point, earlier cases', async () => {
  await open()
  const ctx = within(screen.getByRole('complementary', { name: 'Kontekst' }))
  expect(ctx.getByText('Biuro Rachunkowe Kowalska')).toBeTruthy()
  expect(ctx.getByText('Klient: Piekarnia Bułka')).toBeTruthy()
  expect(ctx.getByText(/Biznes \(aktywny\)/)).toBeTruthy()
  expect(ctx.getByText('Anna Kowalska', { exact: false })).toBeTruthy()
  expect(ctx.getByRole('link', { name: 'anna@biuro.example' })).toBeTruthy()
  expect(ctx.getByText('https://app.example/faktury')).toBeTruthy()
  expect(ctx.getByText('Chrome 126 · Windows')).toBeTruthy()
  expect(ctx.getByText('Pomoc (?)')).toBeTruthy()
  expect(await ctx.findByRole('link', { name: /Wcześniejsze pytanie o JPK/ })).toBeTruthy()
  expect(ctx.queryByRole('link', { name: /Jak dodać fakturę/ })).toBeNull()
  expect(api.called('GET /cases')[0]?.query.get('officeId')).toBe('office-a')
})

test('"Przypisz do mnie", the assignee picker, "Rozwiąż" and reopening', async () => {
  await open()
  fireEvent.click(screen.getByRole('button', { name: 'Przypisz do mnie' }))
  await waitFor(() => expect((screen.getByLabelText('Przypisana osoba') as HTMLSelectElement).value).toBe(me.id))
  expect(api.called('PATCH /cases/' + c.id)[0]?.json).toEqual({ assignee: me.id })
  expect(api.called('PATCH /cases/' + c.id)[0]?.headers['x-ze-console']).toBe('1')
  await screen.findByRole('option', { name: 'Tomasz Ekspert' })
  fireEvent.change(screen.getByLabelText('Przypisana osoba'), { target: { value: colleague.id } })
  await waitFor(() => expect(api.called('PATCH /cases/' + c.id)[1]?.json).toEqual({ assignee: colleague.id }))
  fireEvent.click(screen.getByRole('button', { name: 'Rozwiąż' }))
  expect(await screen.findByRole('button', { name: 'Otwórz ponownie' })).toBeTruthy()
  expect(screen.getByText(/Status: Rozwiązana/)).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: 'Otwórz ponownie' }))
  expect(await screen.findByRole('button', { name: 'Rozwiąż' })).toBeTruthy()
  expect(api.called('PATCH /cases/' + c.id).map((r) => r.json)).toContainEqual({ status: 'open' })
})

test('"Odpowiedz" sends the text and files (chosen, dropped, pasted); answering an unassigned case assigns it to me', async () => {
  const { container } = await open()
  type('Proszę wybrać Korekta w menu.')
  const input = container.querySelector('input[type=file]') as HTMLInputElement
  Object.defineProperty(input, 'files', { value: [new File(['x'], 'krok1.png', { type: 'image/png' })], configurable: true })
  fireEvent.change(input)
  const drop = new Event('drop', { bubbles: true, cancelable: true })
  Object.defineProperty(drop, 'dataTransfer', { value: { files: [new File(['y'], 'krok2.pdf')] } })
  fireEvent(screen.getByRole('group', { name: 'Załącz pliki' }), drop)
  const paste = new Event('paste', { bubbles: true, cancelable: true })
  Object.defineProperty(paste, 'clipboardData', { value: { files: [new File(['z'], 'zrzut.png', { type: 'image/png' })] } })
  fireEvent(body(), paste)
  expect(screen.getByRole('button', { name: 'Usuń krok1.png' })).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: 'Usuń krok2.pdf' }))
  fireEvent.click(screen.getByRole('button', { name: 'Odpowiedz' }))
  expect(await screen.findByText('Wysłano.')).toBeTruthy()
  const sent = api.called(`POST /cases/${c.id}/messages`)[0]!
  expect(sent.form?.get('body')).toBe('Proszę wybrać Korekta w menu.')
  expect(sent.form?.get('internal')).toBeNull()
  expect((sent.form?.getAll('files') as File[]).map((f) => f.name)).toEqual(['krok1.png', 'zrzut.png'])
  expect(body().value).toBe('')
  expect(within(screen.getByRole('list', { name: 'Rozmowa' })).getByText('Proszę wybrać Korekta w menu.')).toBeTruthy()
  await waitFor(() => expect(api.called('PATCH /cases/' + c.id)[0]?.json).toEqual({ assignee: me.id }))
})

test('"Notatka wewnętrzna" looks different, is sent as internal and does not assign', async () => {
  await open()
  fireEvent.click(screen.getByRole('radio', { name: 'Notatka wewnętrzna' }))
  expect(screen.getByRole('form', { name: 'Odpowiedź klientowi lub notatka' }).classList.contains('editor-note')).toBe(true)
  expect(screen.getByText('Widzą ją tylko eksperci')).toBeTruthy()
  type('Klient ma starą wersję.')
  fireEvent.click(screen.getByRole('button', { name: 'Dodaj notatkę' }))
  expect(await screen.findByText('Notatka dodana.')).toBeTruthy()
  expect(api.called(`POST /cases/${c.id}/messages`)[0]?.form?.get('internal')).toBe('true')
  expect(api.called('PATCH /cases/' + c.id)).toHaveLength(0)
})

test('a failed send keeps the text and the files', async () => {
  api.on('POST /cases/:id/messages', problem(503, 'DATABASE_UNAVAILABLE'))
  const { container } = await open()
  type('Ważna odpowiedź')
  const input = container.querySelector('input[type=file]') as HTMLInputElement
  Object.defineProperty(input, 'files', { value: [new File(['x'], 'plik.pdf')], configurable: true })
  fireEvent.change(input)
  fireEvent.click(screen.getByRole('button', { name: 'Odpowiedz' }))
  expect((await screen.findByRole('alert')).textContent).toMatch(/tekst i pliki zostały zachowane/)
  expect(body().value).toBe('Ważna odpowiedź')
  expect(screen.getByRole('button', { name: 'Usuń plik.pdf' })).toBeTruthy()
})

test('the draft survives a reload (per case, in localStorage) and is cleared once sent', async () => {
  const first = await open()
  type('Szkic odpowiedzi')
  first.unmount()
  await open()
  expect(body().value).toBe('Szkic odpowiedzi')
  expect(JSON.parse(localStorage.getItem(`ze-console-draft:${c.id}`)!)).toEqual({ body: 'Szkic odpowiedzi', internal: false })
  fireEvent.click(screen.getByRole('button', { name: 'Odpowiedz' }))
  await screen.findByText('Wysłano.')
  expect(localStorage.getItem(`ze-console-draft:${c.id}`)).toBeNull()
})

test('presence: viewing on open, typing while writing, left on the way out; others are shown', async () => {
  const view = await open()
  await waitFor(() => expect(api.called(`POST /cases/${c.id}/presence`)[0]?.json).toEqual({ state: 'viewing' }))
  type('Pi')
  await waitFor(() => expect(api.called(`POST /cases/${c.id}/presence`).map((r) => r.json)).toContainEqual({ state: 'typing' }))
  applyPresence(
    { caseId: c.id, appId: 'app-1', officeId: 'office-a', expert: colleague, state: 'typing', expiresAt: new Date(Date.now() + 30_000).toISOString() },
    me.id
  )
  expect(await screen.findByText('Tomasz Ekspert pisze odpowiedź')).toBeTruthy()
  // Once the reply is sent, this expert is back to viewing at once (not after the typing idle time).
  fireEvent.click(screen.getByRole('button', { name: 'Odpowiedz' }))
  await screen.findByText('Wysłano.')
  await waitFor(() => expect(api.called(`POST /cases/${c.id}/presence`).at(-1)?.json).toEqual({ state: 'viewing' }))
  view.unmount()
  expect(api.called(`POST /cases/${c.id}/presence`).at(-1)?.json).toEqual({ state: 'left' })
})

test('"Ktoś odpowiedział w międzyczasie": a reply that lands while writing is shown before sending', async () => {
  await open()
  type('Moja odpowiedź')
  const theirs = message(c, { author: { kind: 'expert', id: colleague.id, name: colleague.name }, body: 'Już odpowiedziałem.' })
  messages = [...messages, theirs]
  dispatchLive({
    type: 'message.created',
    data: { caseId: c.id, appId: 'app-1', officeId: 'office-a', messageId: theirs.id, internal: false, author: theirs.author, status: 'answered' }
  })
  expect(await screen.findByText('Już odpowiedziałem.')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: 'Odpowiedz' }))
  const prompt = await screen.findByRole('alertdialog', { name: 'Ktoś odpowiedział w międzyczasie' })
  expect(api.called(`POST /cases/${c.id}/messages`)).toHaveLength(0)
  fireEvent.click(within(prompt).getByRole('button', { name: 'Pokaż nową wiadomość' }))
  expect(document.activeElement?.id).toBe(`msg-${theirs.id}`)
  expect(body().value).toBe('Moja odpowiedź')
  // Having looked, the next send goes through.
  fireEvent.click(await screen.findByRole('button', { name: 'Odpowiedz' }))
  await screen.findByText('Wysłano.')
  expect(api.called(`POST /cases/${c.id}/messages`)).toHaveLength(1)
})

test('"Wyślij mimo to" sends after the prompt', async () => {
  await open()
  type('Moja odpowiedź')
  const theirs = message(c, { author: { kind: 'chief', id: 'chief-a', name: 'Anna Kowalska' }, body: 'Jeszcze jedno pytanie.' })
  messages = [...messages, theirs]
  dispatchLive({
    type: 'message.created',
    data: { caseId: c.id, appId: 'app-1', officeId: 'office-a', messageId: theirs.id, internal: false, author: theirs.author, status: 'open' }
  })
  await screen.findByText('Jeszcze jedno pytanie.')
  fireEvent.click(screen.getByRole('button', { name: 'Odpowiedz' }))
  fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Wyślij mimo to' }))
  expect(await screen.findByText('Wysłano.')).toBeTruthy()
  expect(screen.queryByRole('alertdialog')).toBeNull()
})

test('keyboard: r reply, n note, a assign to me, e resolve', async () => {
  await open()
  fireEvent.keyDown(document.body, { key: 'n' })
  expect(document.activeElement).toBe(body())
  expect((screen.getByRole('radio', { name: 'Notatka wewnętrzna' }) as HTMLInputElement).checked).toBe(true)
  fireEvent.keyDown(body(), { key: 'Escape' })
  fireEvent.keyDown(document.body, { key: 'r' })
  expect((screen.getByRole('radio', { name: 'Odpowiedź' }) as HTMLInputElement).checked).toBe(true)
  expect(document.activeElement).toBe(body())
  // "a" typed into the reply is text, not a shortcut.
  fireEvent.keyDown(body(), { key: 'a' })
  expect(api.called('PATCH /cases/' + c.id)).toHaveLength(0)
  ;(document.activeElement as HTMLElement).blur()
  fireEvent.keyDown(document.body, { key: 'a' })
  await waitFor(() => expect(api.called('PATCH /cases/' + c.id)[0]?.json).toEqual({ assignee: me.id }))
  fireEvent.keyDown(document.body, { key: 'e' })
  await waitFor(() => expect(api.called('PATCH /cases/' + c.id)[1]?.json).toEqual({ status: 'resolved' }))
})
