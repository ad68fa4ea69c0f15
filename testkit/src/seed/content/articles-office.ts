import { categories, type SeedArticle } from './types.js'

/** Clients, users and permissions, bank, exports. */
export const officeArticles: SeedArticle[] = [
  {
    slug: 'dodawanie-klienta',
    title: 'Dodawanie klienta biura (dane z GUS)',
    category: categories.klienci,
    tags: ['klient', 'GUS', 'NIP', 'kartoteka'],
    body: `Nowego klienta dodasz w **Klienci » Dodaj klienta**.

1. Wpisz NIP i kliknij **Pobierz z GUS** — nazwa, adres i REGON uzupełnią się same.
2. Wybierz **formę opodatkowania** (ryczałt, skala, liniowy, CIT) i **rodzaj ewidencji** (KPiR, księgi handlowe, ryczałt).
3. Ustaw okres rozliczeń VAT (miesięczny lub kwartalny) — od tego zależy, czy system przygotuje [JPK_V7M czy JPK_V7K](article:jpk-v7-wysylka).
4. Zapisz. Klient pojawi się na liście, a Ty możesz od razu przełączyć się na jego konto.

Chcesz, żeby klient sam dodawał dokumenty? Zaproś go do panelu: [Panel klienta](article:panel-klienta).`
  },
  {
    slug: 'panel-klienta',
    title: 'Panel klienta: co widzi klient i jak go zaprosić',
    category: categories.klienci,
    tags: ['panel klienta', 'zaproszenie', 'dokumenty'],
    body: `Klient biura może mieć własne konto w systemie: wysyła dokumenty, wystawia faktury i widzi rozrachunki.

## Zaproszenie
1. Otwórz **Klienci » [klient] » Dostęp klienta**.
2. Wpisz adres e-mail i wybierz zakres: **Dokumenty**, **Faktury sprzedaży**, **Rozrachunki**, **Deklaracje i UPO**.
3. Kliknij **Wyślij zaproszenie**. Link jest ważny 7 dni.

## Co widzi klient
- faktury zakupowe — dopiero po **zaksięgowaniu** przez biuro,
- swoje faktury sprzedaży i ich status w KSeF,
- deklaracje i UPO, jeśli zaznaczysz ten zakres.

Użytkownicy klienta mogą czytać artykuły i korzystać z forum, ale pytanie do ekspertów zadaje tylko szef biura — zobacz [Zapytaj Eksperta: jak zadać pytanie](article:zapytaj-eksperta-jak-zadac-pytanie).`
  },
  {
    slug: 'dodawanie-pracownika',
    title: 'Dodawanie pracownika biura',
    category: categories.uzytkownicy,
    tags: ['użytkownik', 'pracownik', 'konto'],
    body: `Pracowników biura dodaje szef biura w **Ustawienia » Użytkownicy » Dodaj użytkownika**.

1. Wpisz imię, nazwisko i adres e-mail — na ten adres przyjdzie zaproszenie.
2. Wybierz rolę: **Księgowy**, **Kadrowy** albo **Asystent**. Rola określa dostęp do modułów.
3. Wskaż klientów, których pracownik obsługuje — wszystkich albo wybranych: [Uprawnienia: dostęp tylko do wybranych klientów](article:uprawnienia-do-klientow).
4. Zapisz. Liczba użytkowników zależy od pakietu — zobacz [Pakiet: co obejmuje i jak go odnowić](article:pakiet-i-odnowienie).

Konto odchodzącego pracownika **zablokuj** zamiast usuwać — historia jego zmian w dokumentach zostanie zachowana.`
  },
  {
    slug: 'uprawnienia-do-klientow',
    title: 'Uprawnienia: dostęp tylko do wybranych klientów',
    category: categories.uzytkownicy,
    tags: ['uprawnienia', 'dostęp', 'klienci', 'RODO'],
    body: `Domyślnie pracownik widzi wszystkich klientów biura. Dostęp ograniczysz w **Ustawienia » Użytkownicy » [pracownik] » Uprawnienia**.

1. Zaznacz **Tylko wybrani klienci**.
2. Kliknij **Dodaj klienta** i wybierz klientów z listy.
3. Dla każdego klienta możesz zawęzić moduły, np. tylko **Kadry i płace**.

Zmiany działają od następnego odświeżenia strony. Pracownik bez dostępu nie zobaczy klienta na liście ani w wyszukiwarce, a próba otwarcia jego dokumentu z linku zakończy się komunikatem o braku uprawnień.

Historię nadawania uprawnień znajdziesz w **Ustawienia » Dziennik zdarzeń** — przydaje się przy audycie RODO.`
  },
  {
    slug: 'haslo-i-logowanie-dwuetapowe',
    title: 'Hasło i logowanie dwuetapowe',
    category: categories.uzytkownicy,
    tags: ['hasło', '2FA', 'bezpieczeństwo', 'logowanie'],
    body: `Hasło zmienisz w **menu avatara » Mój profil » Bezpieczeństwo**.

## Logowanie dwuetapowe (2FA)
1. Kliknij **Włącz logowanie dwuetapowe**.
2. Zeskanuj kod QR aplikacją uwierzytelniającą (np. Google Authenticator, Microsoft Authenticator).
3. Wpisz sześciocyfrowy kod i zapisz **kody zapasowe** w bezpiecznym miejscu.

Szef biura może wymagać 2FA od wszystkich pracowników: **Ustawienia » Bezpieczeństwo » Wymagaj 2FA**.

## Nie pamiętam hasła
Na ekranie logowania kliknij **Nie pamiętam hasła**. Jeśli zgubisz telefon z aplikacją, użyj kodu zapasowego albo poproś szefa biura o zresetowanie 2FA.`
  },
  {
    slug: 'import-wyciagu-bankowego',
    title: 'Import wyciągu bankowego (MT940, CSV)',
    category: categories.bank,
    tags: ['bank', 'wyciąg', 'MT940', 'CSV', 'import'],
    body: `Wyciąg zaimportujesz w **Bank » Import wyciągu**.

1. Wybierz klienta i rachunek bankowy (rachunki dodasz w karcie klienta).
2. Przeciągnij plik albo kliknij **Wybierz**. Obsługujemy **MT940** oraz CSV z większości banków (PKO BP, Pekao, mBank, ING, Santander, Millennium, Alior).
3. Sprawdź podgląd operacji i kliknij **Importuj**.

Po imporcie system sam spróbuje powiązać płatności z fakturami — [Kojarzenie płatności z fakturami](article:kojarzenie-platnosci).

## Plik się nie wczytuje
- Sprawdź, czy wybrano właściwy rachunek (numer z pliku musi się zgadzać).
- CSV musi być w kodowaniu **UTF-8** lub **Windows-1250**; inne zapisz ponownie w Excelu jako „CSV UTF-8”.
- Ten sam wyciąg zaimportowany drugi raz jest pomijany — duplikaty nie powstaną.`
  },
  {
    slug: 'kojarzenie-platnosci',
    title: 'Kojarzenie płatności z fakturami',
    category: categories.bank,
    tags: ['rozrachunki', 'płatności', 'bank', 'split payment'],
    body: `Po [imporcie wyciągu](article:import-wyciagu-bankowego) system kojarzy płatności z fakturami po numerze faktury w tytule przelewu, kwocie i NIP kontrahenta.

- **Zielone** operacje są powiązane automatycznie.
- **Żółte** mają kilka pasujących faktur — wybierz właściwą.
- **Szare** nie pasują do niczego — powiąż ręcznie przyciskiem **Rozlicz** albo oznacz jako koszt bankowy.

Płatności w mechanizmie podzielonej płatności (MPP) są rozpoznawane automatycznie: kwota VAT trafia na rachunek VAT klienta.

Stan rozrachunków sprawdzisz w **Bank » Rozrachunki**; klient widzi go w swoim panelu, jeśli ma włączony zakres **Rozrachunki**.`
  },
  {
    slug: 'eksport-do-excela',
    title: 'Eksport list i raportów do Excela (CSV, XLSX)',
    category: categories.eksport,
    tags: ['eksport', 'Excel', 'XLSX', 'CSV', 'raporty'],
    body: `Każdą listę w systemie (klienci, faktury, dokumenty, rozrachunki) wyeksportujesz przyciskiem **Eksportuj** nad tabelą.

1. Ustaw filtry — eksport obejmuje tylko widoczne wiersze.
2. Kliknij **Eksportuj** i wybierz format: **XLSX** (Excel) albo **CSV**.
3. Plik pobierze się od razu; duże eksporty (ponad 10 000 wierszy) przygotujemy w tle i wyślemy link e-mailem.

## Lista klientów
W **Klienci** zaznacz kolumny przez **Kolumny » Wybierz**, np. NIP, forma opodatkowania, opiekun — eksport zawiera te same kolumny.

Pełną kopię danych biura pobierzesz inaczej: [Pobranie kopii danych biura](article:kopia-danych-biura).`
  },
  {
    slug: 'kopia-danych-biura',
    title: 'Pobranie kopii danych biura',
    category: categories.eksport,
    tags: ['kopia', 'archiwum', 'RODO', 'eksport'],
    body: `Kopię wszystkich danych biura (klienci, dokumenty, ewidencje, deklaracje i UPO) pobiera szef biura w **Ustawienia » Kopia danych**.

1. Kliknij **Przygotuj kopię**. Przygotowanie trwa od kilku minut do kilku godzin.
2. Gdy kopia będzie gotowa, przyjdzie e-mail z linkiem ważnym 72 godziny.
3. Archiwum ZIP zawiera pliki CSV i oryginalne załączniki, w folderach według klientów.

Kopię danych jednego klienta (np. gdy klient odchodzi z biura) przygotujesz w **Klienci » [klient] » Przekazanie danych**.

Dane przechowujemy na serwerach w Polsce, z codzienną kopią zapasową, obsługiwanych przez wykwalifikowanych ekspertów od technologii serwerowych i bezpieczeństwa danych.`
  }
]
