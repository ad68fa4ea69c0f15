import { describe, expect, it } from 'vitest'
import { fold, parseQuery, prefixKeys, root, searchFields, stem, tokenize } from '../../src/search/normalize.js'
import { TYPO_LOOKUP_BELOW, createEngine, searchEngine } from '../../src/search/engine.js'

describe('Polish normalisation', () => {
  it('folds case and every Polish diacritic, ł included', () => {
    expect(fold('ZAŻÓŁĆ GĘŚLĄ JAŹŃ')).toBe('zazolc gesla jazn')
    expect(fold('Załącz pliki')).toBe('zalacz pliki')
  })

  it('splits on anything but letters and digits and drops one-letter tokens', () => {
    expect(tokenize('JPK_V7M: e-Deklaracje, 2025 r.')).toEqual(['jpk', 'v7m', 'deklaracje', '2025'])
  })

  it('stems common inflections to a prefix of the word', () => {
    for (const [word, expected] of [
      ['pliki', 'plik'],
      ['pliku', 'plik'],
      ['plikow', 'plik'],
      ['plikami', 'plik'],
      ['zalaczyc', 'zalacz'],
      ['zalaczanie', 'zalacz'],
      ['faktury', 'faktur'],
      ['klientow', 'klient'],
      ['2025', '2025']
    ] as const) {
      expect(stem(word)).toBe(expected)
      expect(word.startsWith(stem(word))).toBe(true)
    }
  })

  it('looks up by root so a final consonant alternation still matches ("wysyłka" / "wysyłce")', () => {
    expect(root('wysylka')).toBe('wysyl')
    expect('wysylce'.startsWith(root('wysylka'))).toBe(true)
    expect(root('plik')).toBe('plik')
  })

  it('stores every 2..24-character prefix of the content words, without stopwords', () => {
    const fields = searchFields({ title: 'Jak załączyć plik do sprawy', body: 'Kliknij Wybierz' })
    expect(fields.title).toEqual(['zalaczyc', 'plik', 'sprawy'])
    expect(fields.keys).toEqual(expect.arrayContaining(['za', 'zal', 'zalacz', 'zalaczyc', 'pl', 'plik', 'wybierz']))
    expect(fields.keys).not.toContain('jak')
    expect(prefixKeys(['a'.repeat(40)]).every((k) => k.length <= 24)).toBe(true)
  })

  it('parses a query into content words and the stems to look up', () => {
    expect(parseQuery('Jak załączyć pliki?')).toEqual({ tokens: ['zalaczyc', 'pliki'], lookupKeys: ['zalac', 'plik'] })
    // Only stopwords: keep them rather than search for nothing.
    expect(parseQuery('jak to')?.tokens).toEqual(['jak', 'to'])
    expect(parseQuery('  ?! ')).toBeNull()
    expect(parseQuery(undefined)).toBeNull()
  })
})

describe('the in-memory index (MiniSearch with this term processor)', () => {
  const hitsFor = (q: string, docs: Array<{ title: string; text?: string }>) => {
    const engine = createEngine()
    engine.addAll(
      docs.map((d, i) => ({
        key: `article:${i}`,
        title: d.title,
        tags: '',
        text: d.text ?? '',
        meta: { kind: 'article' as const, id: String(i), title: d.title, excerpt: '' }
      }))
    )
    return searchEngine(engine, parseQuery(q)!.tokens, { filter: () => true })
  }

  it('ranks the exact form over another inflection over a typo', async () => {
    const hits = hitsFor('faktura', [{ title: 'fakrura' }, { title: 'faktury' }, { title: 'faktura' }])
    expect(hits.map((h) => h.meta.title)).toEqual(['faktura', 'faktury', 'fakrura'])
  })

  it('matches word beginnings while typing and a final consonant alternation', async () => {
    expect(hitsFor('zała', [{ title: 'Załączniki' }, { title: 'Faktury' }]).map((h) => h.meta.title)).toEqual(['Załączniki'])
    expect(hitsFor('wysyłka', [{ title: 'Błąd przy wysyłce' }]).map((h) => h.meta.title)).toEqual(['Błąd przy wysyłce'])
  })

  it('takes only the last word as unfinished, and only from four letters', async () => {
    const docs = [{ title: 'Załączniki' }, { title: 'Plik' }]
    expect(hitsFor('plik zała', docs).map((h) => h.meta.title)).toContain('Załączniki')
    expect(hitsFor('zała plik', docs).map((h) => h.meta.title)).not.toContain('Załączniki')
    expect(hitsFor('zał', docs)).toEqual([])
  })

  it('looks for typos only when the word as written finds fewer than TYPO_LOOKUP_BELOW documents', async () => {
    const common = Array.from({ length: TYPO_LOOKUP_BELOW }, (_, i) => ({ title: `Faktura ${i}` }))
    expect(hitsFor('faktura', [...common, { title: 'Fakrura' }]).map((h) => h.meta.title)).not.toContain('Fakrura')
    expect(hitsFor('faktura', [...common.slice(1), { title: 'Fakrura' }]).map((h) => h.meta.title)).toContain('Fakrura')
  })

  it('gives short words no typo tolerance: too many false friends', async () => {
    expect(hitsFor('kota', [{ title: 'kata' }])).toEqual([])
  })

  it('scores a title hit above a body hit', async () => {
    const hits = hitsFor('korekta', [{ title: 'Faktura', text: 'korekta korekta' }, { title: 'Korekta' }])
    expect(hits.map((h) => h.meta.title)).toEqual(['Korekta', 'Faktura'])
  })

  it('stops looking words up at the deadline', async () => {
    const engine = createEngine()
    engine.add({ key: 'article:1', title: 'plik faktura', tags: '', text: '', meta: { kind: 'article', id: '1', title: 'x', excerpt: '' } })
    const hits = searchEngine(engine, ['plik', 'faktura'], { filter: () => true, deadline: performance.now() - 1 })
    // The first word is always looked up; the second is past the deadline.
    expect(hits).toHaveLength(1)
    expect(hits[0]!.score).toBeLessThan(searchEngine(engine, ['plik', 'faktura'], { filter: () => true })[0]!.score)
  })

  it('answers only the best `limit` hits, an article before a thread of the same score', async () => {
    const engine = createEngine()
    const doc = (kind: 'article' | 'thread', id: string, title: string) => ({
      key: `${kind}:${id}`,
      title,
      tags: '',
      text: '',
      meta: { kind, id, title, excerpt: '' }
    })
    engine.addAll([doc('thread', '1', 'Faktura'), doc('article', '2', 'Faktura'), doc('article', '3', 'Faktura korygująca do paragonu')])
    const all = searchEngine(engine, ['faktura'], { filter: () => true })
    expect(all).toHaveLength(3)
    const best = searchEngine(engine, ['faktura'], { filter: () => true, limit: 2 })
    expect(best.map((h) => `${h.meta.kind}:${h.meta.id}`)).toEqual(['article:2', 'thread:1'])
    expect(best).toEqual(all.slice(0, 2))
  })
})
