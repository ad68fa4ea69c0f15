import { describe, expect, it } from 'vitest'
import { fold, parseQuery, prefixKeys, root, searchFields, stem, tokenize } from '../../src/search/normalize.js'
import { scoreDocument, tokenMatch, withinOneEdit } from '../../src/search/rank.js'

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
    expect(tokenMatch('wysylka', 'wysylce')).toBeGreaterThan(0)
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

describe('matching and scoring', () => {
  it('allows one insertion, deletion, substitution or swap', () => {
    expect(withinOneEdit('faktura', 'faktura')).toBe(true)
    expect(withinOneEdit('faktrua', 'faktura')).toBe(true)
    expect(withinOneEdit('fakura', 'faktura')).toBe(true)
    expect(withinOneEdit('faktora', 'faktura')).toBe(true)
    expect(withinOneEdit('fktora', 'faktura')).toBe(false)
  })

  it('ranks exact over inflection over prefix over typo', () => {
    const exact = tokenMatch('faktura', 'faktura')
    const inflected = tokenMatch('faktury', 'faktura')
    const prefix = tokenMatch('fakt', 'faktura')
    const typo = tokenMatch('faktrua', 'faktura')
    expect(exact).toBeGreaterThan(inflected)
    expect(inflected).toBeGreaterThan(prefix)
    expect(prefix).toBeGreaterThan(typo)
    expect(typo).toBeGreaterThan(0)
    // Short words get no typo tolerance: too many false friends.
    expect(tokenMatch('kota', 'kata')).toBe(0)
  })

  it('scores a title hit above a body hit', () => {
    const q = parseQuery('korekta')!
    const inTitle = scoreDocument(q, { title: ['korekta'], body: [] })
    const inBody = scoreDocument(q, { title: ['faktura'], body: ['korekta'] })
    expect(inTitle.score).toBeGreaterThan(inBody.score)
  })
})
