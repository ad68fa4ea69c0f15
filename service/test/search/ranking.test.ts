import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { createArticle, createThread, expertHeaders, reply, userHeaders } from '../helpers/content.js'

let app: FastifyInstance
let user: Record<string, string>

const titles = async (q: string) => {
  const res = await app.inject({ method: 'GET', url: '/api/v1/articles', query: { q }, headers: user })
  expect(res.statusCode).toBe(200)
  return (res.json().items as Array<{ title: string }>).map((i) => i.title)
}
const suggest = async (q: string) => {
  const res = await app.inject({ method: 'GET', url: '/api/v1/suggestions', query: { q }, headers: user })
  expect(res.statusCode).toBe(200)
  return res.json().items as Array<{ kind: string; id: string; slug?: string; title: string; excerpt: string }>
}

beforeAll(async () => {
  app = await buildTestApp({ forumPostRateMax: 1000 })
  user = await userHeaders('chiefOffice')
  const { headers } = await expertHeaders(app)
  await createArticle(app, headers, {
    slug: 'jak-zalaczyc-plik-do-sprawy',
    title: 'Jak załączyć plik do sprawy',
    body: 'Przeciągnij plik na pole **Załącz pliki** albo kliknij **Wybierz**. Zrzut ekranu wkleisz ze schowka.'
  })
  await createArticle(app, headers, {
    slug: 'faktura-korygujaca',
    title: 'Faktura korygująca',
    body: 'Korektę wystawisz z listy faktur. Możesz też dodać załącznik do faktury.'
  })
  await createArticle(app, headers, {
    slug: 'import-wyciagu',
    title: 'Import wyciągu bankowego',
    body: 'Plik MT940 lub CSV zaimportujesz w module Bank. Korekta salda nie jest potrzebna.'
  })
  await createArticle(app, headers, {
    slug: 'jpk-v7',
    title: 'Wysyłka JPK_V7M',
    body: 'Plik JPK podpiszesz kwalifikowanym podpisem albo danymi autoryzującymi.'
  })
  await createArticle(app, headers, {
    slug: 'kopia-zapasowa',
    title: 'Kopia zapasowa danych',
    body: 'Eksport eksport eksport: kopia powstaje co noc, a eksport na żądanie.'
  })
  await createArticle(app, headers, { slug: 'eksport-do-excela', title: 'Eksport zestawień do Excela', body: 'Wybierz zestawienie i kliknij przycisk.' })
  await createArticle(app, headers, {
    slug: 'szkic-uprawnien',
    title: 'Uprawnienia użytkowników (szkic)',
    body: 'Jeszcze nie gotowe: załączniki i uprawnienia.',
    published: false
  })

  const author = await userHeaders('employee')
  const solved = await createThread(app, author, 'Nie mogę dodać załącznika PDF do pytania', 'Przy dodawaniu pliku PDF widzę błąd.')
  const answer = await reply(app, headers, solved.id, 'Plik może mieć najwyżej 20 MB — zmniejsz go i spróbuj ponownie.', true)
  expect(
    (await app.inject({ method: 'POST', url: `/api/v1/forum/threads/${solved.id}/accept`, headers: author, payload: { postId: answer.id } })).statusCode
  ).toBe(200)
  await createThread(app, author, 'Załącznik do faktury nie działa', 'Nikt jeszcze nie odpowiedział.')
})
afterAll(() => app.close())

describe('article search', () => {
  it('ignores diacritics and case: "zalacz pliki" finds "Załącz pliki"', async () => {
    expect((await titles('zalacz pliki'))[0]).toBe('Jak załączyć plik do sprawy')
    expect((await titles('ZAŁĄCZ PLIKI'))[0]).toBe('Jak załączyć plik do sprawy')
  })

  it('matches word beginnings while typing', async () => {
    expect(await titles('wycią')).toEqual(['Import wyciągu bankowego'])
    expect((await titles('jak zała'))[0]).toBe('Jak załączyć plik do sprawy')
  })

  it('matches other inflected forms', async () => {
    expect((await titles('faktury korygujące'))[0]).toBe('Faktura korygująca')
    expect(await titles('wyciągi bankowe')).toContain('Import wyciągu bankowego')
  })

  it('tolerates one typo in a longer word', async () => {
    expect((await titles('fakrura'))[0]).toBe('Faktura korygująca')
    expect((await titles('bankoweog'))[0]).toBe('Import wyciągu bankowego')
  })

  it('ranks a title match above a body match', async () => {
    expect(await titles('eksport')).toEqual(['Eksport zestawień do Excela', 'Kopia zapasowa danych'])
    const plik = await titles('plik')
    expect(plik[0]).toBe('Jak załączyć plik do sprawy')
    expect(plik).toEqual(expect.arrayContaining(['Import wyciągu bankowego', 'Wysyłka JPK_V7M']))
  })

  it('never returns unpublished articles', async () => {
    expect(await titles('uprawnienia')).toEqual([])
  })

  it('finds nothing for unrelated words', async () => {
    expect(await titles('kadry płace urlop')).toEqual([])
  })
})

describe('suggestions', () => {
  it('"jak załączyć plik" suggests the article about attaching files first', async () => {
    const items = await suggest('jak załączyć plik')
    expect(items[0]).toMatchObject({ kind: 'article', slug: 'jak-zalaczyc-plik-do-sprawy', title: 'Jak załączyć plik do sprawy' })
  })

  it('mixes articles and solved threads, at most five, never unsolved threads', async () => {
    const items = await suggest('załącznik plik pdf faktura')
    expect(items.length).toBeLessThanOrEqual(5)
    expect(items.map((i) => i.title)).toContain('Nie mogę dodać załącznika PDF do pytania')
    expect(items.map((i) => i.title)).not.toContain('Załącznik do faktury nie działa')
    expect(items.some((i) => i.kind === 'article')).toBe(true)
    for (const item of items) if (item.kind === 'article') expect(item.slug).toBeDefined()
  })

  it('finds a solved thread by words of its accepted answer', async () => {
    expect((await suggest('20 MB')).map((i) => i.title)).toContain('Nie mogę dodać załącznika PDF do pytania')
  })

  it('answers an empty list for an empty or stopword-only draft', async () => {
    expect(await suggest('')).toEqual([])
    expect(await suggest('   ')).toEqual([])
  })

  it('rejects a missing or operator-shaped q with 400', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/suggestions', headers: user })).json().code).toBe('VALIDATION_FAILED')
    expect((await app.inject({ method: 'GET', url: '/api/v1/suggestions?q[$ne]=x', headers: user })).statusCode).toBe(400)
  })

  it('needs an identity token', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/suggestions?q=plik' })).json().code).toBe('TOKEN_MISSING')
  })
})
