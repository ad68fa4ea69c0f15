import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { makeArticle, makeArticleSummary, makeMe } from '../../helpers/factories'
import { installFakeApi, problem, type FakeApi } from '../../helpers/fakeApi'
import { renderWidget } from '../../helpers/render'

const categories = [
  { id: 'faktury', name: 'Faktury', count: 2 },
  { id: 'klienci', name: 'Klienci', count: 1 },
  { id: 'puste', name: 'Pusta', count: 0 }
]
const all = [
  makeArticleSummary({ slug: 'faktura-vat', title: 'Jak wystawić fakturę VAT' }),
  makeArticleSummary({ slug: 'korekta', title: 'Faktura korygująca' }),
  makeArticleSummary({ slug: 'nowy-klient', title: 'Dodawanie klienta', category: 'klienci', categoryName: 'Klienci' })
]

let api: FakeApi
beforeEach(() => {
  api = installFakeApi({
    'GET /api/v1/me': { body: makeMe() },
    'GET /api/v1/articles': (req) => {
      const q = req.query.get('q')
      const cat = req.query.get('category')
      let items = all.filter((a) => !cat || a.category === cat)
      if (q) items = items.filter((a) => a.title.toLowerCase().includes(q.toLowerCase()))
      return { body: { items, categories } }
    }
  })
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

test('lists articles grouped under category headings with category chips', async () => {
  renderWidget({ target: 'articles', me: makeMe() })
  const faktury = await screen.findByRole('region', { name: 'Faktury' })
  expect(
    within(faktury)
      .getAllByRole('button')
      .map((b) => b.querySelector('b')?.textContent)
  ).toEqual(['Jak wystawić fakturę VAT', 'Faktura korygująca'])
  expect(within(screen.getByRole('region', { name: 'Klienci' })).getByText('Dodawanie klienta')).toBeTruthy()
  const chips = within(screen.getByRole('group', { name: 'Kategorie' })).getAllByRole('button')
  // empty categories get no chip
  expect(chips.map((c) => c.textContent)).toEqual(['Wszystkie', 'Faktury (2)', 'Klienci (1)'])
  expect(chips[0]!.getAttribute('aria-pressed')).toBe('true')
})

test('a category chip filters through the API', async () => {
  renderWidget({ target: 'articles', me: makeMe() })
  fireEvent.click(await screen.findByRole('button', { name: 'Klienci (1)' }))
  await waitFor(() => expect(screen.queryByText('Faktura korygująca')).toBeNull())
  expect(screen.getByText('Dodawanie klienta')).toBeTruthy()
  expect(screen.getByRole('button', { name: 'Klienci (1)' }).getAttribute('aria-pressed')).toBe('true')
  expect(api.called('GET /api/v1/articles').at(-1)!.query.get('category')).toBe('klienci')
})

test('search is debounced: one request for the last text, results announced', async () => {
  renderWidget({ target: 'articles', me: makeMe() })
  const box = await screen.findByLabelText('Szukaj w artykułach')
  await screen.findByText('Faktura korygująca')
  const before = api.called('GET /api/v1/articles').length
  fireEvent.input(box, { target: { value: 'fa' } })
  fireEvent.input(box, { target: { value: 'faktu' } })
  fireEvent.input(box, { target: { value: 'faktura' } })
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Znalezione artykuły: 1'))
  const searches = api.called('GET /api/v1/articles').slice(before)
  expect(searches.map((s) => s.query.get('q'))).toEqual(['faktura'])
  expect(screen.queryByText('Dodawanie klienta')).toBeNull()
})

test('no match and an error with retry', async () => {
  let fail = true
  api.on('GET /api/v1/articles', (req) => (fail ? problem(503, 'DATABASE_UNAVAILABLE') : { body: { items: req.query.get('q') ? [] : all, categories } }))
  renderWidget({ target: 'articles', me: makeMe() })
  expect((await screen.findByRole('alert')).textContent).toMatch('Nie udało się pobrać artykułów.')
  fail = false
  fireEvent.click(screen.getByRole('button', { name: 'Spróbuj ponownie' }))
  await screen.findByText('Faktura korygująca')
  fireEvent.input(screen.getByLabelText('Szukaj w artykułach'), { target: { value: 'xyz' } })
  expect(await screen.findByText('Nie znaleziono artykułów dla „xyz”.')).toBeTruthy()
})

test('an article renders the service html, internal links navigate inside the panel, Back returns', async () => {
  api.on('GET /api/v1/articles/faktura-vat', {
    body: makeArticle({
      slug: 'faktura-vat',
      title: 'Jak wystawić fakturę VAT',
      tags: ['faktury'],
      html: '<h2>Krok 1</h2><ul><li>Wybierz <strong>Faktury</strong></li></ul><p>Zobacz <a href="#article/korekta" data-article="korekta">korektę</a> i <a href="https://example.com/ksef">KSeF</a>.</p>'
    })
  })
  api.on('GET /api/v1/articles/korekta', { body: makeArticle({ slug: 'korekta', title: 'Faktura korygująca', html: '<p>Korekta…</p>' }) })
  const { panel } = renderWidget({ target: 'articles', me: makeMe() })
  fireEvent.click(await screen.findByText('Jak wystawić fakturę VAT'))
  expect(await screen.findByRole('heading', { name: 'Jak wystawić fakturę VAT' })).toBeTruthy()
  expect(screen.getByRole('heading', { name: 'Krok 1' })).toBeTruthy()
  expect(screen.getByText('Faktury', { selector: 'strong' })).toBeTruthy()
  const external = screen.getByRole('link', { name: 'KSeF' })
  expect(external.getAttribute('target')).toBe('_blank')
  expect(external.getAttribute('rel')).toContain('noopener')
  expect(external.getAttribute('rel')).toContain('noreferrer')

  const hash = location.hash
  const click = new MouseEvent('click', { bubbles: true, cancelable: true })
  screen.getByRole('link', { name: 'korektę' }).dispatchEvent(click)
  expect(click.defaultPrevented).toBe(true)
  expect(location.hash).toBe(hash)
  expect(await screen.findByRole('heading', { name: 'Faktura korygująca' })).toBeTruthy()
  expect(panel.store.get()).toMatchObject({ view: { name: 'article', slug: 'korekta' } })

  fireEvent.click(screen.getByRole('button', { name: 'Wstecz' }))
  expect(await screen.findByRole('heading', { name: 'Jak wystawić fakturę VAT' })).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: 'Wstecz' }))
  expect(await screen.findByRole('region', { name: 'Faktury' })).toBeTruthy()
})

test('the search and category survive opening an article and coming back', async () => {
  api.on('GET /api/v1/articles/nowy-klient', { body: makeArticle({ slug: 'nowy-klient', title: 'Dodawanie klienta' }) })
  renderWidget({ target: 'articles', me: makeMe() })
  fireEvent.click(await screen.findByRole('button', { name: 'Klienci (1)' }))
  await waitFor(() => expect(screen.queryByText('Faktura korygująca')).toBeNull())
  fireEvent.click(screen.getByText('Dodawanie klienta'))
  await screen.findByRole('heading', { name: 'Dodawanie klienta' })
  fireEvent.click(screen.getByRole('button', { name: 'Wstecz' }))
  expect((await screen.findByRole('button', { name: 'Klienci (1)' })).getAttribute('aria-pressed')).toBe('true')
})

test('an unknown article says so without a retry', async () => {
  api.on('GET /api/v1/articles/nie-ma', problem(404, 'ARTICLE_NOT_FOUND'))
  const { panel } = renderWidget({ target: 'articles', me: makeMe() })
  panel.navigate({ name: 'article', slug: 'nie-ma' })
  expect((await screen.findByRole('alert')).textContent).toBe('Ten artykuł nie istnieje lub został wycofany.')
  expect(screen.queryByRole('button', { name: 'Spróbuj ponownie' })).toBeNull()
})

test('English strings come with the view', async () => {
  renderWidget({ target: 'articles', me: makeMe(), options: { locale: 'en', strings: { searchArticles: 'Find a guide' } } })
  expect(await screen.findByLabelText('Find a guide')).toBeTruthy()
  expect(await screen.findByRole('button', { name: 'All' })).toBeTruthy()
})

test('many categories become a labelled select that filters the same way', async () => {
  const many = Array.from({ length: 8 }, (_, i) => ({ id: `kat-${i}`, name: `Kategoria ${i}`, count: i + 1 }))
  api.on('GET /api/v1/articles', (req) => ({
    body: { items: req.query.get('category') === 'kat-3' ? [all[2]] : all, categories: many }
  }))
  renderWidget({ target: 'articles', me: makeMe() })
  const select = (await screen.findByLabelText('Kategoria')) as HTMLSelectElement
  expect(select.options).toHaveLength(9)
  expect(screen.queryByRole('group', { name: 'Kategorie' })).toBeNull()
  fireEvent.change(select, { target: { value: 'kat-3' } })
  await waitFor(() => expect(screen.queryByText('Faktura korygująca')).toBeNull())
  expect(api.called('GET /api/v1/articles').at(-1)!.query.get('category')).toBe('kat-3')
})
