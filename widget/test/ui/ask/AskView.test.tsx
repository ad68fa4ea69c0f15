import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { employee, file, inactiveChief, makeCase, makeMe, makeMessage } from '../../helpers/factories'
import { installFakeApi, problem, type FakeApi } from '../../helpers/fakeApi'
import { renderWidget } from '../../helpers/render'

let api: FakeApi
beforeEach(() => {
  localStorage.clear()
  api = installFakeApi({
    'GET /api/v1/me': { body: makeMe() },
    'GET /api/v1/suggestions': { body: { items: [] } },
    'POST /api/v1/cases/read': { body: { changed: [] } }
  })
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

const question = () => screen.findByLabelText('Twoje pytanie') as Promise<HTMLTextAreaElement>
const dropZone = () => screen.getByRole('button', { name: /Przeciągnij tutaj pliki/ })
/** A real drag event carrying a DataTransfer-like object, dispatched on the drop zone. */
function drag(type: 'dragover' | 'drop', files: File[]): boolean {
  const e = new Event(type, { bubbles: true, cancelable: true })
  Object.defineProperty(e, 'dataTransfer', { value: { files, types: ['Files'], dropEffect: 'none' } })
  return fireEvent(dropZone(), e)
}
const drop = (files: File[]) => drag('drop', files)
const fileNames = () => Array.from(document.querySelectorAll('.filelist li > span:first-child')).map((s) => s.textContent)

test('shows the labelled field, scope notice, Załącz pliki and Wybierz', async () => {
  renderWidget({ target: 'ask', me: makeMe() })
  expect(await question()).toBeTruthy()
  expect(screen.getByText(/wyłącznie wskazówek technicznych/)).toBeTruthy()
  expect(screen.getByText('Załącz pliki')).toBeTruthy()
  expect(screen.getByRole('button', { name: 'Wybierz' })).toBeTruthy()
})

test('dragover is accepted and a drop adds the files to the list', async () => {
  renderWidget({ target: 'ask', me: makeMe() })
  await question()
  expect(drag('dragover', [])).toBe(false) // default prevented, so the browser does not open the file
  await waitFor(() => expect(dropZone().className).toContain('over'))
  drop([file('faktura.pdf', 10, 'application/pdf'), file('ekran.png', 20, 'image/png')])
  await waitFor(() => expect(fileNames()).toEqual(['faktura.pdf', 'ekran.png']))
  fireEvent.click(screen.getByRole('button', { name: 'Usuń faktura.pdf' }))
  await waitFor(() => expect(fileNames()).toEqual(['ekran.png']))
})

test('oversize and wrong-type files are rejected before any upload', async () => {
  renderWidget({ target: 'ask', me: makeMe() })
  await question()
  drop([file('wielki.pdf', 5000, 'application/pdf'), file('wirus.exe', 10, 'application/x-msdownload'), file('ok.jpg', 10, 'image/jpeg')])
  const alert = await screen.findByRole('alert')
  expect(alert.textContent).toContain('wielki.pdf: plik jest za duży')
  expect(alert.textContent).toContain('wirus.exe: tego rodzaju pliku nie można załączyć')
  expect(fileNames()).toEqual(['ok.jpg'])
  expect(api.calls.filter((c) => c.method === 'POST')).toEqual([])
})

test('too many files: the rest are refused with the limit', async () => {
  renderWidget({ target: 'ask', me: makeMe() })
  await question()
  drop(['a', 'b', 'c', 'd'].map((n) => file(`${n}.png`, 16, 'image/png')))
  // Which files were left out, not just that some were.
  expect((await screen.findByRole('alert')).textContent).toContain('Pominięto d.png: możesz załączyć najwyżej 3 plików.')
  expect(fileNames()).toHaveLength(3)
})

test('Enter and Space on the drop zone, and Wybierz, open the hidden file input', async () => {
  renderWidget({ target: 'ask', me: makeMe() })
  await question()
  const input = document.querySelector('input[type=file]') as HTMLInputElement
  expect(input.multiple).toBe(true)
  const click = vi.spyOn(input, 'click').mockImplementation(() => undefined)
  fireEvent.keyDown(dropZone(), { key: 'Enter' })
  fireEvent.keyDown(dropZone(), { key: ' ' })
  fireEvent.click(screen.getByRole('button', { name: 'Wybierz' }))
  expect(click).toHaveBeenCalledTimes(3)
  Object.defineProperty(input, 'files', { value: [file('z.pdf', 5, 'application/pdf')], configurable: true })
  fireEvent.change(input)
  await waitFor(() => expect(fileNames()).toEqual(['z.pdf']))
})

test('pasting a screenshot attaches it', async () => {
  renderWidget({ target: 'ask', me: makeMe() })
  const q = await question()
  const shot = file('image.png', 10, 'image/png')
  fireEvent.paste(q, { clipboardData: { items: [{ kind: 'file', getAsFile: () => shot }] } })
  await waitFor(() => expect(fileNames()[0]).toMatch(/^zrzut-ekranu-.*\.png$/))
})

test('the draft survives unmount and remount (stored per app and user)', async () => {
  const first = renderWidget({ target: 'ask', me: makeMe() })
  fireEvent.input(await question(), { target: { value: 'Jak dodać korektę?' } })
  first.unmount()
  expect(localStorage.getItem('ze-draft:app-1:u-1')).toBe('Jak dodać korektę?')
  renderWidget({ target: 'ask', me: makeMe() })
  expect((await question()).value).toBe('Jak dodać korektę?')
})

test('a failed send keeps text and files; retry sends them and opens the new case', async () => {
  const created = makeCase({ id: 'c0000000000000000000000a', subject: 'Jak dodać korektę?' })
  let attempts = 0
  api.on('POST /api/v1/cases', () =>
    ++attempts === 1 ? problem(503, 'DATABASE_UNAVAILABLE') : { status: 201, body: { case: created, message: makeMessage() } }
  )
  api.on(`GET /api/v1/cases/${created.id}`, { body: { case: created, messages: [makeMessage({ body: 'Jak dodać korektę?' })] } })
  const { emit } = renderWidget({ target: 'ask', me: makeMe() })
  fireEvent.input(await question(), { target: { value: 'Jak dodać korektę?' } })
  drop([file('faktura.pdf', 10, 'application/pdf')])
  fireEvent.click(screen.getByRole('button', { name: 'Wyślij' }))

  expect((await screen.findByText(/Nie udało się wysłać/)).textContent).toContain('zachowane')
  expect((await question()).value).toBe('Jak dodać korektę?')
  expect(fileNames()).toEqual(['faktura.pdf'])

  fireEvent.click(screen.getByRole('button', { name: 'Spróbuj ponownie' }))
  expect(await screen.findByRole('heading', { name: /: Jak dodać korektę\?$/ })).toBeTruthy()
  const sent = api.called('POST /api/v1/cases')[1]!
  expect(sent.form?.get('question')).toBe('Jak dodać korektę?')
  expect(sent.form?.get('entryPoint')).toBe('sidebar')
  expect((sent.form?.getAll('files')[0] as File).name).toBe('faktura.pdf')
  expect(sent.headers.authorization).toMatch(/^Bearer /)
  expect(emit).toHaveBeenCalledWith('caseCreated', { case: created })
  expect(localStorage.getItem('ze-draft:app-1:u-1')).toBeNull()
})

test('an empty question is not sent', async () => {
  renderWidget({ target: 'ask', me: makeMe() })
  await question()
  fireEvent.click(screen.getByRole('button', { name: 'Wyślij' }))
  expect(await screen.findByText('Wpisz treść pytania.')).toBeTruthy()
  expect(api.called('POST /api/v1/cases')).toEqual([])
})

test('entry point follows the surface: inline mount sends messages, open(cases) sends avatar', async () => {
  api.on('POST /api/v1/cases', { status: 500, body: {} })
  renderWidget({ inline: true, target: 'ask', me: inactiveChief() })
  fireEvent.input(await question(), { target: { value: 'Pytanie o system' } })
  fireEvent.click(screen.getByRole('button', { name: 'Wyślij' }))
  await screen.findByText(/Nie udało się wysłać/)
  expect(api.called('POST /api/v1/cases')[0]?.form?.get('entryPoint')).toBe('messages')
  cleanup()

  const { panel } = renderWidget({ target: 'cases', me: makeMe() })
  panel.navigate({ name: 'ask' })
  fireEvent.input(await question(), { target: { value: 'Pytanie' } })
  fireEvent.click(screen.getByRole('button', { name: 'Wyślij' }))
  await waitFor(() => expect(api.called('POST /api/v1/cases')).toHaveLength(2))
  expect(api.called('POST /api/v1/cases')[1]?.form?.get('entryPoint')).toBe('avatar')
})

test('non-chiefs and inactive packages outside START » WIADOMOŚCI get the explanation, not the form', async () => {
  renderWidget({ target: 'ask', me: employee() })
  expect(await screen.findByText('Pytanie do ekspertów może wysłać wyłącznie szef biura — poproś go o to albo zapytaj na forum.')).toBeTruthy()
  cleanup()
  renderWidget({ target: 'ask', me: inactiveChief(), options: { messagesLink: '/wiadomosci' } })
  expect(await screen.findByText(/START » WIADOMOŚCI » UTWÓRZ SPRAWĘ/)).toBeTruthy()
  expect(screen.queryByLabelText('Twoje pytanie')).toBeNull()
})

test('the optional Temat is sent as the subject; left empty, no subject goes out (the service uses the first sentence)', async () => {
  const created = makeCase({ id: 'c0000000000000000000000b' })
  api.on('POST /api/v1/cases', { status: 201, body: { case: created, message: makeMessage() } })
  api.on(`GET /api/v1/cases/${created.id}`, { body: { case: created, messages: [makeMessage()] } })
  renderWidget({ target: 'ask', me: makeMe() })
  fireEvent.input(await screen.findByLabelText('Temat (opcjonalnie)'), { target: { value: '  Korekta faktury zaliczkowej ' } })
  fireEvent.input(await question(), { target: { value: 'Dzień dobry, jak to zrobić?' } })
  fireEvent.click(screen.getByRole('button', { name: 'Wyślij' }))
  await waitFor(() => expect(api.called('POST /api/v1/cases')).toHaveLength(1))
  expect(api.called('POST /api/v1/cases')[0]!.form?.get('subject')).toBe('Korekta faktury zaliczkowej')
  cleanup()
  renderWidget({ target: 'ask', me: makeMe() })
  fireEvent.input(await question(), { target: { value: 'Bez tematu?' } })
  fireEvent.click(screen.getByRole('button', { name: 'Wyślij' }))
  await waitFor(() => expect(api.called('POST /api/v1/cases')).toHaveLength(2))
  expect(api.called('POST /api/v1/cases')[1]!.form?.has('subject')).toBe(false)
})
