import { categories, type SeedArticle } from './types.js'

/** Invoices, KSeF, JPK and e-declarations. */
export const documentArticles: SeedArticle[] = [
  {
    slug: 'jak-wystawic-fakture-vat',
    title: 'Jak wystawić fakturę VAT',
    category: categories.faktury,
    tags: ['faktura', 'sprzedaż', 'VAT'],
    body: `Fakturę sprzedaży wystawisz w module **Faktury**. Jeśli pracujesz na koncie klienta biura, faktura trafi do jego ewidencji sprzedaży.

## Krok po kroku
1. Wybierz **Faktury » Dodaj » Faktura VAT**.
2. W polu **Nabywca** wpisz NIP — dane kontrahenta uzupełnią się z bazy GUS. Nowy kontrahent zapisze się automatycznie.
3. Dodaj pozycje: nazwę, ilość, jednostkę, cenę netto i stawkę VAT. Kwoty brutto system policzy sam.
4. Sprawdź **datę wystawienia**, **datę sprzedaży** i **termin płatności**.
5. Kliknij **Zapisz i wyślij**, aby wysłać fakturę e-mailem, albo **Zapisz**, aby tylko ją zaksięgować.

## Dobrze wiedzieć
- Numer nadaje się sam według wybranej serii — zobacz [Numeracja faktur i serie dokumentów](article:numeracja-faktur).
- Od wejścia obowiązkowego KSeF fakturę trzeba też wysłać do KSeF: [Wysyłka i odbiór faktur w KSeF](article:ksef-wysylka-i-odbior).
- Pomyłkę w wystawionej fakturze poprawiasz fakturą korygującą: [Faktura korygująca](article:faktura-korygujaca).`
  },
  {
    slug: 'faktura-korygujaca',
    title: 'Faktura korygująca — kiedy i jak ją wystawić',
    category: categories.faktury,
    tags: ['korekta', 'faktura', 'zwrot', 'rabat'],
    body: `Fakturę korygującą wystawiasz, gdy po wystawieniu faktury udzielono rabatu, przyjęto zwrot towaru, podwyższono cenę albo w fakturze jest błąd (np. w cenie, ilości lub stawce VAT).

## Jak wystawić korektę
1. Otwórz listę **Faktury » Sprzedaż** i znajdź fakturę pierwotną.
2. Z menu **⋯** przy fakturze wybierz **Wystaw korektę**.
3. Wybierz rodzaj korekty: **do zera**, **ilości i wartości** albo **danych** (np. błędny adres nabywcy).
4. W kolumnie **Po korekcie** wpisz poprawne wartości — różnicę system policzy sam.
5. Wpisz **przyczynę korekty** (pole wymagane) i zapisz.

Korekta dostaje numer z serii korekt, np. \`KOR/3/05/2025\`, i trafia do JPK_V7 za właściwy okres — system podpowie go na podstawie daty i rodzaju korekty; w razie wątpliwości zapytaj księgowego prowadzącego klienta.

## Błąd w NIP nabywcy
Błędnego NIP nie poprawisz korektą danych, jeśli faktura była już w KSeF — wystaw korektę do zera i nową fakturę z właściwym NIP.

Zobacz też: [Korekta JPK_V7](article:korekta-jpk-v7).`
  },
  {
    slug: 'numeracja-faktur',
    title: 'Numeracja faktur i serie dokumentów',
    category: categories.faktury,
    tags: ['numeracja', 'serie', 'nowy rok'],
    body: `Numerację ustawisz w **Faktury » Ustawienia » Serie numeracji**. Każda seria ma własny wzorzec i licznik.

## Wzorzec numeru
W wzorcu możesz użyć znaczników:
- \`{NR}\` — kolejny numer w okresie,
- \`{MM}\` — miesiąc, \`{RRRR}\` — rok,
- dowolnego tekstu, np. \`FV/\` lub \`EXP/\`.

Przykład: \`FV/{NR}/{MM}/{RRRR}\` daje \`FV/1/01/2025\`. Licznik zaczyna się od 1 w każdym miesiącu, a gdy we wzorcu nie ma \`{MM}\` — w każdym roku.

## Kilka serii
Osobne serie przydają się np. dla eksportu, zaliczek albo drugiego punktu sprzedaży. Domyślną serię wskażesz przełącznikiem **Domyślna**.

## Zmiana numeru ręcznie
Numer możesz zmienić przy zapisie faktury, ale system nie pozwoli na duplikat w tej samej serii. Luki w numeracji pokazuje raport **Faktury » Raporty » Ciągłość numeracji**.`
  },
  {
    slug: 'faktura-do-paragonu',
    title: 'Faktura do paragonu',
    category: categories.faktury,
    tags: ['paragon', 'kasa fiskalna', 'NIP'],
    body: `Fakturę do paragonu wystawisz w **Faktury » Dodaj » Faktura do paragonu**.

1. Wpisz numer paragonu, datę i numer unikatowy kasy.
2. Fakturę do paragonu z NIP nabywcy wystawisz tylko wtedy, gdy NIP jest na paragonie — system o to zapyta.
3. Pozycje możesz przepisać z paragonu albo wybrać z listy towarów.

Faktury do paragonów nie zwiększają drugi raz sprzedaży w JPK_V7: trafiają do ewidencji z oznaczeniem **FP**, a sprzedaż jest już wykazana w raporcie z kasy.

Zwrot towaru z takiej faktury rozliczysz [fakturą korygującą](article:faktura-korygujaca).`
  },
  {
    slug: 'ksef-pierwsze-kroki',
    title: 'KSeF — pierwsze kroki: uprawnienia i token',
    category: categories.ksef,
    tags: ['KSeF', 'token', 'uprawnienia', 'e-faktura'],
    body: `Aby system wysyłał i pobierał faktury z Krajowego Systemu e-Faktur (KSeF) w imieniu klienta, potrzebny jest **token** albo **uprawnienia nadane biuru**.

## Sposób 1: uprawnienia dla biura (zalecany)
1. Klient loguje się do **Aplikacji Podatnika KSeF** i nadaje biuru (po NIP biura) uprawnienia do wystawiania i przeglądania faktur.
2. W systemie otwórz **Klienci » [klient] » KSeF** i kliknij **Połącz przez uprawnienia biura**.

## Sposób 2: token klienta
1. Klient generuje token w Aplikacji Podatnika KSeF.
2. Wklej token w **Klienci » [klient] » KSeF » Token** i zapisz. Token przechowujemy zaszyfrowany.

Po połączeniu status zmieni się na **Połączono**. Pierwsze pobranie faktur zakupowych może potrwać kilka minut.

Dalej: [Wysyłka i odbiór faktur w KSeF](article:ksef-wysylka-i-odbior).`
  },
  {
    slug: 'ksef-wysylka-i-odbior',
    title: 'Wysyłka i odbiór faktur w KSeF',
    category: categories.ksef,
    tags: ['KSeF', 'wysyłka', 'UPO', 'faktury zakupowe'],
    body: `## Wysyłka
Wystawioną fakturę wyślesz do KSeF przyciskiem **Wyślij do KSeF** albo od razu przy zapisie (**Ustawienia » KSeF » Wysyłaj automatycznie**). Po przyjęciu faktura dostaje **numer KSeF**, a w kolumnie statusu pojawia się zielony znacznik.

Jeśli KSeF odrzuci fakturę, w szczegółach zobaczysz kod błędu. Najczęstsze przyczyny:
- brak połączenia z KSeF dla klienta — zobacz [KSeF — pierwsze kroki](article:ksef-pierwsze-kroki),
- niepoprawny NIP nabywcy,
- data wystawienia w przyszłości.

## Odbiór faktur zakupowych
Faktury zakupowe pobierają się same co godzinę do **Faktury » Zakup » Do weryfikacji**. Po sprawdzeniu kliknij **Zaksięguj** — dopiero wtedy dokument trafia do ewidencji i jest widoczny dla klienta w jego panelu.

## Awaria KSeF
W trybie awaryjnym system zapisze faktury i wyśle je, gdy KSeF znów zacznie działać. Nie wystawiaj ich drugi raz.`
  },
  {
    slug: 'jpk-v7-wysylka',
    title: 'Jak przygotować i wysłać JPK_V7M lub JPK_V7K',
    category: categories.jpk,
    tags: ['JPK', 'JPK_V7M', 'JPK_V7K', 'VAT', 'wysyłka'],
    body: `Plik JPK_V7 (ewidencja VAT z deklaracją) przygotujesz w **JPK » JPK_V7**.

1. Wybierz klienta i okres. Dla kwartalnego rozliczenia wybierz JPK_V7K — część deklaracyjna jest tylko w pliku za ostatni miesiąc kwartału.
2. Kliknij **Generuj**. System zbierze sprzedaż i zakupy z zaksięgowanych dokumentów.
3. Sprawdź **raport kontrolny**: oznaczenia GTU, procedury (np. MPP, TP) i kwoty do przeniesienia.
4. Kliknij **Podpisz i wyślij** — podpisem kwalifikowanym albo danymi autoryzującymi: [Podpis przy wysyłce e-deklaracji](article:e-deklaracje-podpis).
5. Po wysyłce poczekaj na **UPO** — [Status wysyłki i UPO](article:status-wysylki-i-upo).

## Import sprzedaży z pliku
Sprzedaż z innego programu zaimportujesz w **JPK » Import** (CSV lub XML). Kwoty muszą mieć **kropkę jako separator dziesiętny**, a daty format \`RRRR-MM-DD\`; inaczej plik nie przejdzie walidacji schematu.`
  },
  {
    slug: 'korekta-jpk-v7',
    title: 'Korekta JPK_V7',
    category: categories.jpk,
    tags: ['JPK', 'korekta', 'JPK_V7M'],
    body: `Korektę JPK_V7 wysyłasz, gdy w wysłanym pliku był błąd w ewidencji lub w deklaracji.

1. Popraw dokumenty źródłowe (np. zaksięguj brakującą fakturę albo [fakturę korygującą](article:faktura-korygujaca)).
2. W **JPK » JPK_V7** wybierz ten sam okres i kliknij **Generuj korektę**. Cel złożenia zmieni się na **2**.
3. Sprawdź raport kontrolny — kolumna **Różnica** pokazuje, co zmieniło się względem wysłanego pliku.
4. Podpisz i wyślij jak zwykły plik.

Korekta zastępuje cały poprzedni plik — wysyłasz pełną ewidencję za okres, nie tylko zmienione pozycje.`
  },
  {
    slug: 'e-deklaracje-podpis',
    title: 'Podpis przy wysyłce e-deklaracji',
    category: categories.jpk,
    tags: ['e-deklaracje', 'podpis kwalifikowany', 'dane autoryzujące', 'PIT', 'CIT'],
    body: `E-deklaracje (JPK_V7, PIT, CIT, PCC i inne) podpiszesz na dwa sposoby.

## Podpis kwalifikowany
1. Zainstaluj komponent podpisu: **Ustawienia » Podpis elektroniczny » Pobierz komponent**.
2. Włóż kartę lub podłącz czytnik i uruchom przeglądarkę ponownie.
3. Przy wysyłce wybierz certyfikat z listy i wpisz PIN.

Jeśli po aktualizacji przeglądarki lista certyfikatów jest pusta, zainstaluj najnowszą wersję komponentu.

## Dane autoryzujące
Dla osób fizycznych możesz podpisać deklarację **kwotą przychodu** z zeznania sprzed dwóch lat. Dane autoryzujące zapiszesz w karcie klienta (**Klienci » [klient] » Dane do e-deklaracji**).

Biuro wysyła deklaracje klienta na podstawie **UPL-1** — pełnomocnictwa do podpisywania deklaracji.`
  },
  {
    slug: 'status-wysylki-i-upo',
    title: 'Status wysyłki i UPO',
    category: categories.jpk,
    tags: ['UPO', 'e-deklaracje', 'status'],
    body: `Po wysyłce deklaracja ma status **Wysłana**; system sprawdza bramkę Ministerstwa Finansów co kilka minut.

| Status | Znaczenie |
|---|---|
| 200 | Przyjęta — UPO jest do pobrania |
| 300–399 | W trakcie przetwarzania — poczekaj |
| 400–499 | Odrzucona — zobacz opis błędu i wyślij ponownie |

UPO pobierzesz z **JPK » Historia wysyłek » UPO (PDF)**. Klient widzi UPO w swoim panelu, jeśli ma włączony dostęp do deklaracji.

Odrzucenie z powodu podpisu (np. nieważny certyfikat albo błędne dane autoryzujące) poprawisz według [Podpis przy wysyłce e-deklaracji](article:e-deklaracje-podpis).`
  }
]
