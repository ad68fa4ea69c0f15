import { expect, test } from 'vitest'
import { articleLinkText, caseVariables, fillVariables, insertText, matchesQuery, opensPicker } from '../../src/state/saved-replies'
import { adminCase, me } from '../helpers/factories'

const vars = caseVariables(
  adminCase({ number: 42, createdBy: { id: 'c', name: '  Anna Maria Kowalska ' }, office: { id: 'o', name: 'Biuro Rachunkowe Kowalska' } }),
  me
)

test('the variables come from the case: the chief’s first name, the office, the case number, the expert', () => {
  expect(vars).toEqual({ imie: 'Anna', biuro: 'Biuro Rachunkowe Kowalska', numer: '42', ekspert: 'Ja Ekspert' })
})

test('fills every occurrence, with spaces inside the braces, any letter case and "imię" spelt with ę', () => {
  const body = 'Dzień dobry {{imie}},\nsprawa nr {{ numer }} biura {{BIURO}}.\n{{Imię}}, pozdrawiam — {{ekspert}}'
  expect(fillVariables(body, vars)).toBe('Dzień dobry Anna,\nsprawa nr 42 biura Biuro Rachunkowe Kowalska.\nAnna, pozdrawiam — Ja Ekspert')
})

test('leaves unknown variables, single braces and broken ones as typed', () => {
  expect(fillVariables('{{nazwisko}} {imie} {{imie} {{ }} {{toString}} {{constructor}}', vars)).toBe(
    '{{nazwisko}} {imie} {{imie} {{ }} {{toString}} {{constructor}}'
  )
})

test('a value that looks like a variable is not filled again (one pass)', () => {
  const tricky = caseVariables(adminCase({ createdBy: { id: 'c', name: '{{ekspert}}' } }), me)
  expect(fillVariables('{{imie}}', tricky)).toBe('{{ekspert}}')
})

test('search: word beginnings of the title and tags, anywhere in the body, diacritics ignored', () => {
  const r = { title: 'Korekta faktury zaliczkowej', body: 'Wybierz Faktury » Korekty i zaznacz „zaliczka”.', tags: ['księgowość'] }
  expect(matchesQuery(r, '')).toBe(true)
  expect(matchesQuery(r, 'kor zal')).toBe(true)
  expect(matchesQuery(r, 'Korekta — [zal')).toBe(true)
  expect(matchesQuery(r, 'ksiegow')).toBe(true)
  expect(matchesQuery(r, 'ZAZNACZ')).toBe(true)
  expect(matchesQuery(r, 'orekta')).toBe(false)
  expect(matchesQuery(r, 'korekta jpk')).toBe(false)
})

test('; opens the picker only at the start or after whitespace', () => {
  expect(opensPicker('', 0)).toBe(true)
  expect(opensPicker('Dzień dobry ', 12)).toBe(true)
  expect(opensPicker('a\n', 2)).toBe(true)
  expect(opensPicker('https://x', 9)).toBe(false)
  expect(opensPicker('słowo', 5)).toBe(false)
})

test('inserting replaces the selection and puts the caret after the text; article links read [title](article:slug)', () => {
  expect(insertText('Dzień dobry XXX!', 12, 15, 'Anna')).toEqual({ text: 'Dzień dobry Anna!', caret: 16 })
  expect(articleLinkText('Korekta [2025]', 'korekta-2025')).toBe('[Korekta 2025](article:korekta-2025)')
})
