import { expect, test } from 'vitest'
import { en } from '../src/i18n/en'
import { translator, waitingWords } from '../src/i18n'
import { pl } from '../src/i18n/pl'

const MIN = 60_000

test('waiting time in Polish words ("czeka 3 godz.") and in English', () => {
  const t = translator('pl')
  expect(waitingWords(t, 20_000)).toBe('czeka chwilę')
  expect(waitingWords(t, 5 * MIN)).toBe('czeka 5 min')
  expect(waitingWords(t, 3 * 60 * MIN + 59 * MIN)).toBe('czeka 3 godz.')
  expect(waitingWords(t, 25 * 60 * MIN)).toBe('czeka 1 dzień')
  expect(waitingWords(t, 3 * 24 * 60 * MIN)).toBe('czeka 3 dni')
  expect(waitingWords(translator('en'), 2 * 60 * MIN)).toBe('waiting 2 h')
})

test('both locales have every key, none empty; PRODUCT.md labels are exact', () => {
  expect(Object.keys(en).sort()).toEqual(Object.keys(pl).sort())
  for (const [k, v] of Object.entries(en)) expect(v, k).not.toBe('')
  const labels = [
    pl.navQueue,
    pl.view_unassigned,
    pl.view_mine,
    pl.view_open,
    pl.view_waiting,
    pl.view_resolved,
    pl.send,
    pl.modeNote,
    pl.assignToMe,
    pl.resolve,
    pl.signInTitle,
    pl.signOut
  ]
  expect(labels).toEqual([
    'Kolejka',
    'Nieprzypisane',
    'Moje',
    'Wszystkie otwarte',
    'Czekają na klienta',
    'Rozwiązane',
    'Odpowiedz',
    'Notatka wewnętrzna',
    'Przypisz do mnie',
    'Rozwiąż',
    'Zaloguj się',
    'Wyloguj'
  ])
  expect(translator('pl')('viewing', { name: 'Tomasz Ekspert' })).toBe('Tomasz Ekspert przegląda')
  expect(translator('pl')('typing', { name: 'Tomasz Ekspert' })).toBe('Tomasz Ekspert pisze odpowiedź')
})
