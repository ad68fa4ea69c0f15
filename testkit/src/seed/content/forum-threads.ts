import type { PersonaId } from '../../personas.js'

/** Forum members beyond the demo personas, so the community looks like one (their tokens are signed by the seed). */
export const communityMembers = {
  katarzyna: { sub: 'u-katarzyna', name: 'Katarzyna Lewandowska', role: 'employee', office: { id: 'biuro-beta', name: 'Kancelaria Podatkowa Beta' } },
  piotr: { sub: 'u-piotr', name: 'Piotr Kamiński', role: 'office_chief', office: { id: 'biuro-delta', name: 'Biuro Rachunkowe Delta' } },
  agnieszka: { sub: 'u-agnieszka', name: 'Agnieszka Wójcik', role: 'employee', office: { id: 'biuro-delta', name: 'Biuro Rachunkowe Delta' } },
  magdalena: { sub: 'u-magdalena', name: 'Magdalena Dąbrowska', role: 'office_chief', office: { id: 'biuro-epsilon', name: 'Kancelaria Epsilon' } },
  pawel: { sub: 'u-pawel', name: 'Paweł Szymański', role: 'employee', office: { id: 'biuro-epsilon', name: 'Kancelaria Epsilon' } },
  tomasz: {
    sub: 'u-tomasz',
    name: 'Tomasz Nowak',
    role: 'client',
    office: { id: 'biuro-alfa', name: 'Biuro Rachunkowe Alfa Sp. z o.o.' },
    client: { id: 'klient-warsztat', name: 'Auto-Serwis Nowak' }
  }
} as const

export type CommunityMember = keyof typeof communityMembers
export type ForumAuthor = { persona: PersonaId } | { member: CommunityMember } | 'expert'

export interface SeedThread {
  author: Exclude<ForumAuthor, 'expert'>
  title: string
  body: string
  replies: Array<{ author: ForumAuthor; body: string }>
  /** Index into replies of the accepted answer; accepted by the thread's author unless `acceptedByExpert`. */
  accepted?: number
  acceptedByExpert?: boolean
}

const p = (persona: PersonaId) => ({ persona })
const m = (member: CommunityMember) => ({ member })

export const seedThreads: SeedThread[] = [
  {
    author: p('employee'),
    title: 'Jak wystawić fakturę korygującą do faktury wysłanej do KSeF?',
    body: 'Klient zwrócił część towaru z faktury, która poszła już do KSeF i ma numer KSeF. Czy korektę wystawiam normalnie, czy trzeba coś zrobić w KSeF ręcznie?',
    replies: [
      {
        author: m('katarzyna'),
        body: 'Wystawiasz normalnie z listy sprzedaży, korekta też idzie do KSeF. U nas wysłała się sama, bo mamy włączoną automatyczną wysyłkę.'
      },
      {
        author: 'expert',
        body: 'Dzień dobry, wystarczy Faktury » Sprzedaż » ⋯ przy fakturze » Wystaw korektę i wybrać „ilości i wartości”. System sam wpisze numer KSeF faktury pierwotnej, a przy zapisie (albo przyciskiem „Wyślij do KSeF”) wyśle korektę. Niczego nie trzeba robić w Aplikacji Podatnika.'
      }
    ],
    accepted: 1
  },
  {
    author: m('piotr'),
    title: 'JPK_V7M odrzucony — błąd walidacji schematu po imporcie CSV',
    body: 'Importujemy sprzedaż klienta z jego programu magazynowego (CSV). Generowanie przechodzi, ale przy wysyłce jest „błąd walidacji schematu”. Ktoś miał podobnie?',
    replies: [
      {
        author: m('agnieszka'),
        body: 'Sprawdź separator w kwotach. U nas program klienta eksportował „1234,56” z przecinkiem, a import oczekuje kropki. Po zamianie na kropki plik przeszedł.'
      },
      { author: m('piotr'), body: 'Faktycznie, przecinki. Zamieniłem w Excelu i wszystko przeszło, UPO już jest. Dzięki!' }
    ],
    accepted: 0
  },
  {
    author: m('magdalena'),
    title: 'Nie widzę certyfikatu przy podpisywaniu e-deklaracji',
    body: 'Od wczoraj przy wysyłce PIT-a lista certyfikatów jest pusta. Karta włożona, czytnik świeci. Wcześniej wszystko działało.',
    replies: [
      { author: m('pawel'), body: 'Mieliśmy to samo po aktualizacji Chrome. Pomogło ponowne uruchomienie komputera, ale nie na wszystkich stanowiskach.' },
      {
        author: 'expert',
        body: 'Po aktualizacji przeglądarki trzeba zainstalować najnowszą wersję komponentu podpisu: Ustawienia » Podpis elektroniczny » Pobierz komponent. Po instalacji proszę zamknąć wszystkie okna przeglądarki i uruchomić ją ponownie — certyfikaty pojawią się na liście.'
      }
    ],
    accepted: 1
  },
  {
    author: p('chief-other-office'),
    title: 'Czy klient może sam wgrywać faktury kosztowe?',
    body: 'Kilku klientów przynosi faktury w segregatorze raz w miesiącu. Czy mogą je wgrywać sami, żebyśmy nie przepisywali wszystkiego na koniec miesiąca?',
    replies: [
      {
        author: m('katarzyna'),
        body: 'Tak — zaproś klienta do panelu (Klienci » klient » Dostęp klienta) i zaznacz zakres „Dokumenty”. Klient wgrywa skany albo zdjęcia, a Wy tylko weryfikujecie i księgujecie.'
      },
      {
        author: m('tomasz'),
        body: 'Potwierdzam od strony klienta: robię zdjęcie faktury telefonem i wrzucam od razu po zakupie. Biuro widzi to tego samego dnia.'
      }
    ],
    accepted: 0
  },
  {
    author: m('agnieszka'),
    title: 'Import wyciągu z mBanku w CSV — plik się nie wczytuje',
    body: 'Pobieram historię rachunku z mBanku w CSV i przy imporcie dostaję „Nie rozpoznano formatu pliku”. MT940 z tego samego banku działa.',
    replies: [
      {
        author: p('chief-office'),
        body: 'Otwórz plik w Excelu i zapisz jako „CSV UTF-8 (rozdzielany przecinkami)”. mBank eksportuje w innym kodowaniu i z nagłówkiem w kilku wierszach — po ponownym zapisie import go rozpoznaje.'
      },
      { author: m('agnieszka'), body: 'Pomogło, dziękuję! Wyciąg wczytany, płatności same się powiązały.' }
    ],
    accepted: 0
  },
  {
    author: m('magdalena'),
    title: 'Jak ograniczyć pracownikowi dostęp tylko do kilku klientów?',
    body: 'Zatrudniliśmy osobę na staż i nie chcę, żeby widziała wszystkich klientów biura — tylko trzech, których będzie prowadzić.',
    replies: [
      {
        author: 'expert',
        body: 'W Ustawienia » Użytkownicy wybierz pracownika, w zakładce Uprawnienia zaznacz „Tylko wybrani klienci” i dodaj tych trzech klientów. Pozostałych klientów ta osoba nie zobaczy ani na liście, ani w wyszukiwarce. Szczegóły są w artykule „Uprawnienia: dostęp tylko do wybranych klientów”.'
      }
    ],
    accepted: 0
  },
  {
    author: p('chief-office'),
    title: 'Jak załączyć plik JPK do pytania do eksperta?',
    body: 'Chcę zapytać ekspertów o błąd w pliku JPK i dołączyć sam plik XML oraz zrzut ekranu komunikatu. Czy XML w ogóle przejdzie?',
    replies: [
      {
        author: m('piotr'),
        body: 'Przejdzie — w formularzu pytania przeciągnij plik na pole „Załącz pliki” albo kliknij „Wybierz”. XML i CSV są obsługiwane, zrzut ekranu możesz też wkleić Ctrl+V. Limit to 20 MB na plik.'
      }
    ],
    accepted: 0
  },
  {
    author: m('pawel'),
    title: 'Numeracja faktur od nowego roku nie zaczęła się od 1',
    body: 'Pierwsza faktura w styczniu dostała numer 214/01 zamiast 1/01. Gdzie to się resetuje?',
    replies: [
      {
        author: m('katarzyna'),
        body: 'Sprawdź wzorzec serii w Faktury » Ustawienia » Serie numeracji. Jeśli we wzorcu nie ma {RRRR} ani {MM}, licznik się nie zeruje.'
      },
      { author: m('pawel'), body: 'Tak, wzorzec był „FV/{NR}”. Dodałem {MM}/{RRRR} i poprawiłem numer pierwszej faktury ręcznie. Działa.' }
    ],
    accepted: 0
  },
  {
    author: p('chief-inactive'),
    title: 'Pakiet wygasł — czy stracę dane klientów?',
    body: 'Nie zdążyliśmy opłacić pakietu przed końcem miesiąca. Czy dane klientów są bezpieczne i czy mogę jeszcze o coś zapytać ekspertów?',
    replies: [
      {
        author: 'expert',
        body: 'Dane są bezpieczne i można je przeglądać, nie da się tylko dodawać nowych dokumentów ani wysyłać deklaracji. Pytanie o działanie systemu zada Pani w zakładce START » WIADOMOŚCI przyciskiem UTWÓRZ SPRAWĘ. Pakiet odnowi się automatycznie po zaksięgowaniu wpłaty (Ustawienia » Pakiet i płatności).'
      }
    ],
    accepted: 0
  },
  {
    author: m('katarzyna'),
    title: 'Kojarzenie płatności: jeden przelew za kilka faktur',
    body: 'Kontrahent płaci jednym przelewem za pięć faktur i wpisuje w tytule tylko „faktury marzec”. Automat tego nie łączy. Jak to rozliczyć bez ręcznego dzielenia kwoty?',
    replies: [
      {
        author: m('piotr'),
        body: 'Przy szarej operacji kliknij „Rozlicz” i zaznacz kilka faktur naraz — kwota rozdzieli się sama od najstarszej. Jeśli zostanie nadpłata, zostaje na koncie kontrahenta.'
      }
    ]
  },
  {
    author: m('agnieszka'),
    title: 'Eksport listy klientów z NIP i formą opodatkowania',
    body: 'Potrzebuję zestawienia wszystkich klientów z NIP-em, formą opodatkowania i opiekunem, najlepiej w Excelu.',
    replies: [
      {
        author: p('chief-other-office'),
        body: 'W Klienci wybierz Kolumny » Wybierz i zaznacz NIP, formę opodatkowania i opiekuna, a potem Eksportuj » XLSX. Eksport ma dokładnie te kolumny, które widzisz.'
      }
    ],
    accepted: 0
  },
  {
    author: p('client'),
    title: 'Nie widzę w panelu faktur od dostawcy z KSeF',
    body: 'Dostawca mówi, że wystawił fakturę w KSeF tydzień temu, a u mnie w panelu jej nie ma. Czy muszę ją gdzieś pobrać?',
    replies: [
      {
        author: p('chief-office'),
        body: 'Pani Zofio, faktury zakupowe z KSeF widać w panelu dopiero po zaksięgowaniu przez biuro. Sprawdzę dziś, czy ta faktura czeka u nas na weryfikację.'
      }
    ]
  },
  {
    author: m('tomasz'),
    title: 'Logowanie dwuetapowe — zgubiłem telefon',
    body: 'Mam włączone logowanie dwuetapowe, a telefon z aplikacją został w serwisie. Jak się teraz zalogować?',
    replies: [
      {
        author: m('magdalena'),
        body: 'Użyj jednego z kodów zapasowych, które dostał Pan przy włączaniu 2FA. Jeśli ich nie ma, szef biura może zresetować 2FA dla Pana konta, a potem włączy je Pan ponownie na nowym telefonie.'
      }
    ],
    accepted: 0
  },
  {
    author: m('pawel'),
    title: 'Faktura do paragonu z NIP — gdzie to jest?',
    body: 'Klient sklepu chce fakturę do paragonu z NIP. W menu widzę tylko zwykłą fakturę VAT.',
    replies: [
      {
        author: p('chief-other-office'),
        body: 'Faktury » Dodaj » Faktura do paragonu. Pamiętaj, że z NIP nabywcy wystawisz ją tylko, jeśli NIP był na paragonie.'
      }
    ]
  },
  {
    author: m('piotr'),
    title: 'Przypomnienia o terminach JPK dla klientów?',
    body: 'Czy da się ustawić automatyczne przypomnienia dla klientów, żeby dosyłali dokumenty do 5. dnia miesiąca? Teraz piszemy do każdego ręcznie.',
    replies: [{ author: m('magdalena'), body: 'Też szukałam i nie znalazłam. Byłoby świetnie, gdyby dało się to ustawić w panelu klienta.' }]
  }
]
