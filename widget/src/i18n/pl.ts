// Every visible string lives here; `en` must have exactly the same keys (checked by the type).
export const pl = {
  pomoc: 'Pomoc',
  searchHelp: 'Szukaj odpowiedzi',
  close: 'Zamknij',
  back: 'Wstecz',
  loading: 'Ładowanie…',
  retry: 'Spróbuj ponownie',
  genericError: 'Coś poszło nie tak.',
  viewLoadError: 'Nie udało się załadować widoku.',
  unreadBadge: 'Nieprzeczytane odpowiedzi: {n}',
  articles: 'Artykuły',
  articlesHint: 'Instrukcje korzystania z systemu',
  forum: 'Forum',
  forumHint: 'Pytania i odpowiedzi innych użytkowników',
  askExpert: 'Zapytaj Eksperta',
  askExpertHint: 'Pytanie o obsługę systemu do naszych ekspertów',
  myQuestions: 'Moje pytania',
  myQuestionsHint: 'Historia Twoich pytań do ekspertów',
  onlyChief: 'Pytanie do ekspertów może wysłać wyłącznie szef biura — poproś go o to albo zapytaj na forum.',
  inactivePackage: 'Twój pakiet jest nieaktywny. Pytania dotyczące obsługi systemu możesz zadać przez START » WIADOMOŚCI » UTWÓRZ SPRAWĘ.',
  goToMessages: 'Przejdź do START » WIADOMOŚCI',
  meError: 'Nie udało się pobrać danych konta.',
  sending: 'Wysyłanie…',
  expert: 'Ekspert'
}

export type StringKey = keyof typeof pl
export type Strings = Record<StringKey, string>
