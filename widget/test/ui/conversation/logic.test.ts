import { expect, test } from 'vitest'
import { makeMessage } from '../../helpers/factories'
import { expertPl, expertEn } from '../../../src/i18n/expert'
import { makeTranslator } from '../../../src/i18n'
import type { ExpertKey } from '../../../src/i18n/expert'
import { firstUnreadIndex } from '../../../src/ui/conversation/ConversationView'
import { linkify } from '../../../src/ui/conversation/linkify'
import { dayLabel, relativeTime } from '../../../src/ui/conversation/time'

const tPl = makeTranslator<ExpertKey>(expertPl, {}, expertPl)
const tEn = makeTranslator<ExpertKey>(expertEn, {}, expertPl)

test('linkify: http(s) and www. become links, trailing punctuation stays text, other schemes never do', () => {
  expect(linkify('Zobacz https://www.podatki.gov.pl/jpk/a?b=c. Dzięki')).toEqual([
    'Zobacz ',
    { href: 'https://www.podatki.gov.pl/jpk/a?b=c', text: 'https://www.podatki.gov.pl/jpk/a?b=c' },
    '. Dzięki'
  ])
  expect(linkify('(www.mojebiuro24.pl)')).toEqual(['(', { href: 'https://www.mojebiuro24.pl', text: 'www.mojebiuro24.pl' }, ')'])
  expect(linkify('https://pl.wikipedia.org/wiki/VAT_(podatek)')).toEqual([
    { href: 'https://pl.wikipedia.org/wiki/VAT_(podatek)', text: 'https://pl.wikipedia.org/wiki/VAT_(podatek)' }
  ])
  for (const evil of ['javascript:alert(1)', 'data:text/html,<script>x</script>', 'vbscript:msgbox', 'JaVaScRiPt:alert(document.cookie)']) {
    expect(linkify(evil)).toEqual([evil])
  }
  expect(linkify('bez adresów')).toEqual(['bez adresów'])
})

test('linkify: [title](article:slug) from the console becomes an article link; anything else in that shape stays text', () => {
  expect(linkify('Proszę zajrzeć: [Jak wystawić korektę](article:korekta-faktury).')).toEqual([
    'Proszę zajrzeć: ',
    { article: 'korekta-faktury', text: 'Jak wystawić korektę' },
    '.'
  ])
  for (const odd of ['[x](article:Wielkie)', '[x](article:../../admin)', '[x](article:a b)', '[x](javascript:alert(1))', '[](article:a)']) {
    expect(linkify(odd).some((p) => typeof p !== 'string' && 'article' in p)).toBe(false)
  }
})

test('relative times: dziś / wczoraj with the time, then the date; English dates name the month', () => {
  const now = new Date(2026, 11, 2, 18, 0)
  expect(relativeTime(new Date(2026, 11, 2, 16, 1).toISOString(), now, 'pl', tPl)).toBe('dziś 16:01')
  expect(relativeTime(new Date(2026, 11, 1, 9, 5).toISOString(), now, 'pl', tPl)).toBe('wczoraj 09:05')
  expect(relativeTime(new Date(2026, 10, 28, 14, 5).toISOString(), now, 'pl', tPl)).toMatch(/^28 lis 2026, 14:05$/)
  expect(relativeTime(new Date(2026, 11, 2, 16, 1).toISOString(), now, 'en', tEn)).toBe('today 16:01')
  expect(relativeTime(new Date(2026, 10, 28, 14, 5).toISOString(), now, 'en', tEn)).toBe('28 Nov 2026, 14:05')
  expect(dayLabel(new Date(2026, 11, 2, 1).toISOString(), now, 'pl', tPl)).toBe('Dziś')
  expect(dayLabel(new Date(2026, 11, 1, 23).toISOString(), now, 'pl', tPl)).toBe('Wczoraj')
  expect(dayLabel(new Date(2026, 10, 28).toISOString(), now, 'pl', tPl)).toBe('28 listopada 2026')
})

test('the conversation opens at the first expert reply after the chief last wrote, only when unread', () => {
  const chief = () => makeMessage()
  const expert = () => makeMessage({ author: { kind: 'expert', id: 'e', name: 'Jan' } })
  const msgs = [chief(), expert(), chief(), expert(), expert()]
  expect(firstUnreadIndex(msgs, true)).toBe(3)
  expect(firstUnreadIndex(msgs, false)).toBe(-1)
  expect(firstUnreadIndex([chief()], true)).toBe(-1)
})
