import { useStore } from '../../state/store'
import { locale } from '../../i18n'

// The statistics view's words: kept beside the view (its own chunk), Polish first.
const pl = {
  title: 'Statystyki',
  from: 'Od',
  to: 'Do',
  office: 'Biuro',
  allOffices: 'Wszystkie biura',
  show: 'Pokaż',
  exportCsv: 'Eksportuj CSV',
  perDay: 'Sprawy dziennie',
  chartLabel: 'Wykres: sprawy otwarte i rozwiązane dziennie, {from} – {to}',
  opened: 'Otwarte',
  resolved: 'Rozwiązane',
  reopened: 'Wznowione',
  firstResponses: 'Pierwsze odpowiedzi',
  ratings: 'Oceny',
  day: 'Dzień',
  total: 'Razem',
  summary: 'Podsumowanie',
  firstResponse: 'Czas pierwszej odpowiedzi',
  resolution: 'Czas rozwiązania',
  median: 'Mediana',
  p90: '90. percentyl',
  mean: 'Średnia',
  count: 'Liczba',
  withinTarget: 'Odpowiedziano w czasie do {target}',
  target: 'Cel czasu odpowiedzi',
  saveTarget: 'Zapisz cel',
  backlog: 'Zaległe sprawy teraz (wg wieku)',
  under4h: '< 4 h',
  under24h: '< 24 h',
  under3d: '< 3 dni',
  older: 'Starsze',
  satisfaction: 'Zadowolenie (oceny 1–5)',
  average: 'Średnia ocena',
  mostRead: 'Najczęściej czytane artykuły',
  leastHelpful: 'Najmniej pomocne artykuły',
  reads: 'Odczyty',
  helpful: 'Pomogło',
  notHelpful: 'Nie pomogło',
  deflection: 'Samoobsługa (podpowiedzi przy pytaniu)',
  drafts: 'Pytania z otwartą podpowiedzią',
  asked: 'Wysłane mimo to',
  deflected: 'Niewysłane',
  none: '—',
  badPeriod: 'Okres: „Od” nie może być po „Do”, najwyżej 366 dni.',
  loading: 'Ładowanie…',
  failed: 'Nie udało się wczytać statystyk.',
  noArticles: 'Brak danych w tym okresie.'
}
const en: typeof pl = {
  title: 'Statistics',
  from: 'From',
  to: 'To',
  office: 'Office',
  allOffices: 'All offices',
  show: 'Show',
  exportCsv: 'Export CSV',
  perDay: 'Cases per day',
  chartLabel: 'Chart: cases opened and resolved per day, {from} – {to}',
  opened: 'Opened',
  resolved: 'Resolved',
  reopened: 'Reopened',
  firstResponses: 'First responses',
  ratings: 'Ratings',
  day: 'Day',
  total: 'Total',
  summary: 'Summary',
  firstResponse: 'First response time',
  resolution: 'Resolution time',
  median: 'Median',
  p90: '90th percentile',
  mean: 'Mean',
  count: 'Count',
  withinTarget: 'Answered within {target}',
  target: 'Response-time target',
  saveTarget: 'Save target',
  backlog: 'Backlog now (by age)',
  under4h: '< 4 h',
  under24h: '< 24 h',
  under3d: '< 3 days',
  older: 'Older',
  satisfaction: 'Satisfaction (ratings 1–5)',
  average: 'Average rating',
  mostRead: 'Most-read articles',
  leastHelpful: 'Least helpful articles',
  reads: 'Reads',
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  deflection: 'Self-service (suggestions while asking)',
  drafts: 'Questions with a suggestion opened',
  asked: 'Sent anyway',
  deflected: 'Not sent',
  none: '—',
  badPeriod: 'Period: “From” must not be after “To”, at most 366 days.',
  loading: 'Loading…',
  failed: 'Could not load the statistics.',
  noArticles: 'No data in this period.'
}
export type StatsKey = keyof typeof pl

export function useStatsT() {
  const table = useStore(locale) === 'en' ? en : pl
  return (key: StatsKey, vars?: Record<string, string | number>) =>
    vars ? table[key].replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : table[key]
}

/** "45 min", "1,5 h", "3 d" — a bucket bound or a mean, in the words of the locale. */
export function minutesLabel(minutes: number, lang: 'pl' | 'en'): string {
  const fmt = (n: number) => n.toLocaleString(lang, { maximumFractionDigits: 1 })
  if (minutes < 60) return `${fmt(minutes)} min`
  if (minutes < 2880) return `${fmt(minutes / 60)} h`
  return `${fmt(minutes / 1440)} ${lang === 'en' ? 'd' : 'dni'}`
}
