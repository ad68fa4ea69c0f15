import { categories, type SeedArticle } from './types.js'

/** The package, and how to get help (Zapytaj Eksperta, Moje pytania, attachments). */
export const helpArticles: SeedArticle[] = [
  {
    slug: 'pakiet-i-odnowienie',
    title: 'Pakiet: co obejmuje i jak go odnowić',
    category: categories.pakiet,
    tags: ['pakiet', 'odnowienie', 'płatność', 'faktura za abonament'],
    body: `Pakiet określa liczbę klientów, użytkowników i dostępne moduły (np. **Kadry i płace**, **KSeF**, **Zapytaj Eksperta**). Aktualny pakiet i datę ważności zobaczysz w **Ustawienia » Pakiet i płatności**.

## Odnowienie
1. Kliknij **Odnów pakiet** i wybierz okres: miesiąc, kwartał albo rok (rok — 2 miesiące gratis).
2. Zapłać przelewem natychmiastowym, BLIK-iem lub kartą; możesz też pobrać fakturę pro forma i zapłacić zwykłym przelewem.
3. Po zaksięgowaniu wpłaty pakiet włączy się automatycznie — zwykle w ciągu kilku minut, przy zwykłym przelewie do 2 dni roboczych.

## Zmiana pakietu
Na wyższy pakiet przejdziesz w każdej chwili — dopłacasz proporcjonalnie do końca okresu. Niższy pakiet zacznie działać od następnego okresu rozliczeniowego.

Co działa, gdy pakiet wygaśnie: [Nieaktywny pakiet a pomoc ekspertów](article:nieaktywny-pakiet).`
  },
  {
    slug: 'nieaktywny-pakiet',
    title: 'Nieaktywny pakiet a pomoc ekspertów',
    category: categories.pakiet,
    tags: ['pakiet', 'nieaktywny', 'wsparcie', 'Zapytaj Eksperta'],
    body: `Gdy pakiet jest nieaktywny, dane biura są bezpieczne i możesz je przeglądać, ale nie dodasz nowych dokumentów ani nie wyślesz deklaracji.

Szef biura nadal może zapytać ekspertów, **jak działa system** — na przykład jak odnowić pakiet albo gdzie znaleźć dane. Przy nieaktywnym pakiecie pytanie zadasz wyłącznie w zakładce **START » WIADOMOŚCI** przyciskiem **UTWÓRZ SPRAWĘ**. Ikona „?” i menu **Moje pytania** pokażą wtedy, gdzie to zrobić.

Pakiet odnowisz według [Pakiet: co obejmuje i jak go odnowić](article:pakiet-i-odnowienie).`
  },
  {
    slug: 'zapytaj-eksperta-jak-zadac-pytanie',
    title: 'Zapytaj Eksperta: jak zadać pytanie',
    category: categories.pomoc,
    tags: ['Zapytaj Eksperta', 'pytanie', 'sprawa', 'szef biura'],
    body: `Pytanie do ekspertów serwisu może wysłać **wyłącznie szef biura** — zarówno z konta biura rachunkowego, jak i z konta klienta. Pozostali użytkownicy mogą korzystać z artykułów i forum.

## Gdzie zadać pytanie
1. **Ikona „?” (Pomoc)** w menu po prawej stronie ekranu → **Zapytaj Eksperta**.
2. **Ikona użytkownika » Moje pytania** → **Utwórz sprawę**.
3. Zakładka **START » WIADOMOŚCI** → **UTWÓRZ SPRAWĘ**.

## Jak napisać pytanie
- W polu **Twoje pytanie** opisz, co chcesz zrobić, co klikasz i jaki komunikat widzisz.
- Dołącz zrzut ekranu albo plik: [Jak załączyć plik do sprawy](article:jak-zalaczyc-plik-do-sprawy).
- Pomoc ekspertów dotyczy **wyłącznie wskazówek technicznych** — jak korzystać z systemu. Eksperci nie udzielają porad podatkowych ani prawnych.

Podczas pisania pokażemy pasujące artykuły i rozwiązane wątki z forum — często odpowiedź już tam jest.

Odpowiedzi znajdziesz w **Moje pytania**: [Moje pytania: archiwizacja i oznaczanie jako przeczytane](article:moje-pytania).`
  },
  {
    slug: 'jak-zalaczyc-plik-do-sprawy',
    title: 'Jak załączyć plik do sprawy',
    category: categories.pomoc,
    tags: ['załącznik', 'plik', 'zrzut ekranu', 'Załącz pliki'],
    body: `Do pytania (i do każdej kolejnej wiadomości w sprawie) możesz dołączyć pliki i zrzuty ekranu — ekspert szybciej zobaczy, o co chodzi.

## Załącz pliki
W formularzu pytania, w sekcji **Załącz pliki**:
- **przeciągnij plik** z pulpitu lub folderu i upuść go na pole „Upuść pliki tutaj”, albo
- kliknij **Wybierz** i wskaż pliki na dysku (możesz zaznaczyć kilka naraz).

Zrzut ekranu wkleisz też ze schowka: naciśnij **Print Screen** (albo **Win + Shift + S**), kliknij w pole pytania i naciśnij **Ctrl + V**.

## Jakie pliki
- obrazy: PNG, JPG, GIF, WebP,
- dokumenty: PDF, DOCX, XLSX, ODT, ODS, TXT, CSV, XML (np. plik JPK) i archiwa ZIP,
- do 10 plików w jednej wiadomości, każdy do 20 MB.

Typ pliku sprawdzamy po jego zawartości, nie po nazwie — plik z podmienionym rozszerzeniem zostanie odrzucony. Załączniki widzą tylko szef biura i eksperci.

Zobacz też: [Zapytaj Eksperta: jak zadać pytanie](article:zapytaj-eksperta-jak-zadac-pytanie).`
  },
  {
    slug: 'moje-pytania',
    title: 'Moje pytania: archiwizacja i oznaczanie jako przeczytane',
    category: categories.pomoc,
    tags: ['Moje pytania', 'archiwizacja', 'przeczytane', 'historia'],
    body: `**Moje pytania** (ikona użytkownika » Moje pytania albo **START » WIADOMOŚCI**) to historia Twojej korespondencji z ekspertami. Każda sprawa to rozmowa: ekspert odpowiada, a Ty możesz dopisać kolejną wiadomość.

## Nowe odpowiedzi
Sprawy z nieprzeczytaną odpowiedzią są pogrubione, a licznik przy ikonie pokazuje ich liczbę.

## Archiwizuj
Zaznacz pola przy sprawach i kliknij **Archiwizuj**. Zarchiwizowane sprawy znajdziesz w zakładce **Archiwum**; gdy ekspert odpisze w zarchiwizowanej sprawie, wróci ona na listę.

## Oznacz jako przeczytane
Zaznacz sprawy i kliknij **Oznacz jako przeczytane** — licznik zmniejszy się od razu.

Nowe pytanie zadasz przyciskiem **Utwórz sprawę** — [Zapytaj Eksperta: jak zadać pytanie](article:zapytaj-eksperta-jak-zadac-pytanie).`
  }
]
