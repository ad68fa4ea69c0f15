import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { file, makeArticle, makeCase, makeMe, makeMessage, makeThreadWithPosts } from '../../helpers/factories'
import { installFakeApi, type FakeApi } from '../../helpers/fakeApi'
import { renderWidget } from '../../helpers/render'

// Deflection (docs/requirements.md P-deflection): a suggestion opens inside the panel and Back brings the
// ask form back with the text and the picked files.
const thread = makeThreadWithPosts({ title: 'Nie mogę dodać załącznika PDF', solved: true })
let api: FakeApi
beforeEach(() => {
  localStorage.clear()
  api = installFakeApi({
    'GET /api/v1/me': { body: makeMe() },
    'GET /api/v1/suggestions': {
      body: {
        items: [
          { kind: 'article', id: 'a1', slug: 'jak-zalaczyc-plik', title: 'Jak załączyć plik do sprawy', excerpt: 'Przeciągnij plik…' },
          { kind: 'thread', id: thread.thread.id, title: thread.thread.title, excerpt: 'Przy dodawaniu…' }
        ]
      }
    },
    'GET /api/v1/articles/jak-zalaczyc-plik': {
      body: makeArticle({
        slug: 'jak-zalaczyc-plik',
        title: 'Jak załączyć plik do sprawy',
        html: '<p>Przeciągnij plik na pole <strong>Załącz pliki</strong>.</p>'
      })
    },
    [`GET /api/v1/forum/threads/${thread.thread.id}`]: { body: thread }
  })
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

async function typeQuestionWithFile() {
  const q = (await screen.findByLabelText('Twoje pytanie')) as HTMLTextAreaElement
  fireEvent.input(q, { target: { value: 'jak załączyć plik' } })
  const drop = new Event('drop', { bubbles: true, cancelable: true })
  Object.defineProperty(drop, 'dataTransfer', { value: { files: [file('zrzut.png', 16, 'image/png')] } })
  fireEvent(screen.getByRole('button', { name: /Przeciągnij tutaj pliki/ }), drop)
  await screen.findByText('zrzut.png')
}

async function expectDraftIntact() {
  fireEvent.click(screen.getByRole('button', { name: 'Wstecz' }))
  expect(((await screen.findByLabelText('Twoje pytanie')) as HTMLTextAreaElement).value).toBe('jak załączyć plik')
  expect(screen.getByText('zrzut.png')).toBeTruthy()
}

test('suggested article → article view → Back: question text and files are still there', async () => {
  const { panel } = renderWidget({ target: 'ask', me: makeMe() })
  await typeQuestionWithFile()
  fireEvent.click(await screen.findByRole('button', { name: 'Jak załączyć plik do sprawy' }, { timeout: 2000 }))
  expect(await screen.findByRole('heading', { name: 'Jak załączyć plik do sprawy' })).toBeTruthy()
  expect(screen.getByText('Załącz pliki', { selector: 'strong' })).toBeTruthy()
  expect(panel.store.get()).toMatchObject({ view: { name: 'article', slug: 'jak-zalaczyc-plik' }, history: [{ name: 'ask' }] })
  await expectDraftIntact()
})

test('suggested thread → thread view → Back: the draft is intact', async () => {
  renderWidget({ target: 'ask', me: makeMe() })
  await typeQuestionWithFile()
  fireEvent.click(await screen.findByRole('button', { name: 'Nie mogę dodać załącznika PDF' }, { timeout: 2000 }))
  expect(await screen.findByRole('heading', { name: 'Nie mogę dodać załącznika PDF' })).toBeTruthy()
  await expectDraftIntact()
})

// Statistics (docs/adr/0145): the first suggestion opened while a question is written says so
// (`?via=suggestion`), later ones and Back do not; the question sent anyway carries `afterSuggestion`,
// and the next question starts afresh.
test('the first suggestion opened in a draft is marked, and the question sent after it says so', async () => {
  const created = makeCase({ id: 'c0000000000000000000000b' })
  api.on('POST /api/v1/cases', { status: 201, body: { case: created, message: makeMessage() } })
  api.on(`GET /api/v1/cases/${created.id}`, { body: { case: created, messages: [makeMessage()] } })
  const { panel } = renderWidget({ target: 'ask', me: makeMe() })
  await typeQuestionWithFile()
  const via = (route: string) => api.called(route).map((c) => c.query.get('via'))
  fireEvent.click(await screen.findByRole('button', { name: 'Jak załączyć plik do sprawy' }, { timeout: 2000 }))
  await screen.findByRole('heading', { name: 'Jak załączyć plik do sprawy' })
  await expectDraftIntact()
  fireEvent.click(await screen.findByRole('button', { name: 'Nie mogę dodać załącznika PDF' }, { timeout: 2000 }))
  await screen.findByRole('heading', { name: 'Nie mogę dodać załącznika PDF' })
  await expectDraftIntact()
  fireEvent.click(await screen.findByRole('button', { name: 'Jak załączyć plik do sprawy' }, { timeout: 2000 }))
  await screen.findByRole('heading', { name: 'Jak załączyć plik do sprawy' })
  expect(via('GET /api/v1/articles/jak-zalaczyc-plik')).toEqual(['suggestion', null])
  expect(via(`GET /api/v1/forum/threads/${thread.thread.id}`)).toEqual([null])

  await expectDraftIntact()
  fireEvent.click(screen.getByRole('button', { name: 'Wyślij' }))
  await waitFor(() => expect(panel.store.get()).toMatchObject({ view: { name: 'case', caseId: created.id } }))
  expect(api.called('POST /api/v1/cases')[0]!.form?.get('afterSuggestion')).toBe('true')

  // The next question opened no suggestion: sent without the field.
  panel.navigate({ name: 'ask' })
  fireEvent.input(await screen.findByLabelText('Twoje pytanie'), { target: { value: 'Inne pytanie bez podpowiedzi' } })
  fireEvent.click(screen.getByRole('button', { name: 'Wyślij' }))
  await waitFor(() => expect(api.called('POST /api/v1/cases')).toHaveLength(2))
  expect(api.called('POST /api/v1/cases')[1]!.form?.has('afterSuggestion')).toBe(false)
})
