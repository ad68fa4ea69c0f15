import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { makeMe } from '../../helpers/factories'
import { installFakeApi, type FakeApi } from '../../helpers/fakeApi'
import { renderWidget } from '../../helpers/render'

let api: FakeApi
beforeEach(() => {
  localStorage.clear()
  const items = Array.from({ length: 7 }, (_, i) => ({
    kind: i % 2 ? 'thread' : 'article',
    id: `id${i}`,
    slug: `art-${i}`,
    title: `Podpowiedź ${i}`,
    excerpt: '…'
  }))
  api = installFakeApi({ 'GET /api/v1/suggestions': (req) => ({ body: { items: req.query.get('q') === 'faktura korygująca' ? items : [] } }) })
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

test('suggests up to 5 matches after a debounce and opening one keeps the draft', async () => {
  const { panel } = renderWidget({ target: 'ask', me: makeMe() })
  const q = (await screen.findByLabelText('Twoje pytanie')) as HTMLTextAreaElement
  fireEvent.input(q, { target: { value: 'faktura' } })
  fireEvent.input(q, { target: { value: 'faktura korygująca' } })
  await screen.findByText('Podpowiedź 0', {}, { timeout: 2000 })
  // typing fast sends only the last query
  expect(api.called('GET /api/v1/suggestions').map((c) => c.query.get('q'))).toEqual(['faktura korygująca'])
  expect(screen.getAllByText(/^Podpowiedź/)).toHaveLength(5)

  fireEvent.click(screen.getByText('Podpowiedź 0'))
  await waitFor(() => expect(panel.store.get()).toMatchObject({ view: { name: 'article', slug: 'art-0' } }))
  fireEvent.click(screen.getByRole('button', { name: 'Wstecz' }))
  expect(((await screen.findByLabelText('Twoje pytanie')) as HTMLTextAreaElement).value).toBe('faktura korygująca')
})

test('short drafts ask nothing', async () => {
  renderWidget({ target: 'ask', me: makeMe() })
  fireEvent.input(await screen.findByLabelText('Twoje pytanie'), { target: { value: 'ab' } })
  await new Promise((r) => setTimeout(r, 400))
  expect(api.called('GET /api/v1/suggestions')).toEqual([])
})
