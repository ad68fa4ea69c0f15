import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { employee, file, makeCase, makeMe, makeMessage } from '../../helpers/factories'
import { installFakeApi, problem, type FakeApi } from '../../helpers/fakeApi'
import { renderWidget } from '../../helpers/render'

const c = makeCase({ id: 'c00000000000000000000001', subject: 'Faktura korygująca', unread: true, status: 'answered' })
const messages = [
  makeMessage({ caseId: c.id, body: 'Jak wystawić korektę?' }),
  makeMessage({ caseId: c.id, author: { kind: 'expert', id: 'e1', name: 'Jan Ekspert' }, body: 'Proszę wybrać…',
    attachments: [{ id: 'a00000000000000000000001', filename: 'instrukcja.pdf', contentType: 'application/pdf', size: 2048 }] })
]
let api: FakeApi
beforeEach(() => {
  api = installFakeApi({
    'GET /api/v1/me': { body: makeMe() },
    [`GET /api/v1/cases/${c.id}`]: { body: { case: c, messages } },
    'POST /api/v1/cases/read': { body: { changed: [c.id] } },
    'GET /api/v1/attachments/a00000000000000000000001': { raw: 'PDFDATA', headers: { 'content-type': 'application/pdf' } }
  })
})
afterEach(() => { cleanup(); vi.unstubAllGlobals() })

test('renders chief and expert messages distinctly with the expert name, and marks the case read', async () => {
  renderWidget({ target: { caseId: c.id }, me: makeMe() })
  expect(await screen.findByRole('heading', { name: 'Faktura korygująca' })).toBeTruthy()
  const items = Array.from(document.querySelectorAll<HTMLElement>('li.msg'))
  expect(items.map(i => i.dataset.author)).toEqual(['chief', 'expert'])
  expect(items[0]!.querySelector('.who b')?.textContent).toBe('Ty')
  expect(items[1]!.querySelector('.who b')?.textContent).toBe('Jan Ekspert · Ekspert')
  expect(screen.getByText('Odpowiedziano')).toBeTruthy()
  await waitFor(() => expect(api.called('POST /api/v1/cases/read')[0]?.json).toEqual({ ids: [c.id] }))
})

test('attachments download with the bearer header through an object URL', async () => {
  const created: Blob[] = []
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (b: Blob) => { created.push(b); return 'blob:x' }, revokeObjectURL: () => undefined }))
  renderWidget({ target: { caseId: c.id }, me: makeMe() })
  fireEvent.click(await screen.findByRole('button', { name: 'Pobierz instrukcja.pdf' }))
  await waitFor(() => expect(created).toHaveLength(1))
  const req = api.called('GET /api/v1/attachments/a00000000000000000000001')[0]!
  expect(req.headers.authorization).toMatch(/^Bearer /)
  expect(await created[0]!.text()).toBe('PDFDATA')
})

test('reply with an attachment is appended to the conversation', async () => {
  const reply = makeMessage({ caseId: c.id, body: 'Dziękuję, a co z KSeF?' })
  api.on(`POST /api/v1/cases/${c.id}/messages`, { status: 201, body: { case: { ...c, status: 'open' }, message: reply } })
  renderWidget({ target: { caseId: c.id }, me: makeMe() })
  const box = (await screen.findByLabelText('Twoja odpowiedź')) as HTMLTextAreaElement
  fireEvent.input(box, { target: { value: 'Dziękuję, a co z KSeF?' } })
  const e = new Event('drop', { bubbles: true, cancelable: true })
  Object.defineProperty(e, 'dataTransfer', { value: { files: [file('ekran.png', 5, 'image/png')] } })
  fireEvent(screen.getByRole('button', { name: /Przeciągnij tutaj pliki/ }), e)
  await screen.findByText('ekran.png')
  fireEvent.click(screen.getByRole('button', { name: 'Odpowiedz' }))
  await waitFor(() => expect(document.querySelectorAll('li.msg')).toHaveLength(3))
  const sent = api.called(`POST /api/v1/cases/${c.id}/messages`)[0]!
  expect(sent.form?.get('body')).toBe('Dziękuję, a co z KSeF?')
  expect((sent.form?.get('files') as File).name).toBe('ekran.png')
  expect(screen.getByText('Czeka na eksperta')).toBeTruthy()
  expect(box.value).toBe('')
})

test('an unsent reply survives leaving the conversation and a reload, per case; sending clears it', async () => {
  localStorage.clear()
  const first = renderWidget({ target: { caseId: c.id }, me: makeMe() })
  fireEvent.input(await screen.findByLabelText('Twoja odpowiedź'), { target: { value: 'Jeszcze jedno pytanie' } })
  first.unmount()
  expect(localStorage.getItem(`ze-draft:app-1:u-1:reply:${c.id}`)).toBe('Jeszcze jedno pytanie')

  const reply = makeMessage({ caseId: c.id, body: 'Jeszcze jedno pytanie' })
  api.on(`POST /api/v1/cases/${c.id}/messages`, { status: 201, body: { case: { ...c, status: 'open' }, message: reply } })
  renderWidget({ target: { caseId: c.id }, me: makeMe() })
  const box = (await screen.findByLabelText('Twoja odpowiedź')) as HTMLTextAreaElement
  expect(box.value).toBe('Jeszcze jedno pytanie')
  fireEvent.click(screen.getByRole('button', { name: 'Odpowiedz' }))
  await waitFor(() => expect(box.value).toBe(''))
  expect(localStorage.getItem(`ze-draft:app-1:u-1:reply:${c.id}`)).toBeNull()
})

test('unknown case shows not found; non-chiefs get no reply box', async () => {
  api.on(`GET /api/v1/cases/${c.id}`, problem(404, 'CASE_NOT_FOUND'))
  renderWidget({ target: { caseId: c.id }, me: makeMe() })
  expect(await screen.findByText('Nie znaleziono tej sprawy.')).toBeTruthy()
  cleanup()
  api.on(`GET /api/v1/cases/${c.id}`, { body: { case: c, messages } })
  renderWidget({ target: { caseId: c.id }, me: employee() })
  await screen.findByRole('heading', { name: 'Faktura korygująca' })
  expect(screen.queryByLabelText('Twoja odpowiedź')).toBeNull()
})
