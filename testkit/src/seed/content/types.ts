/** The seed's article shape: what POST /admin/v1/articles takes, minus the app id. */
export interface SeedArticle {
  slug: string
  title: string
  category: { id: string; name: string }
  tags: string[]
  body: string
}

export const categories = {
  faktury: { id: 'faktury', name: 'Faktury i sprzedaż' },
  ksef: { id: 'ksef', name: 'KSeF' },
  jpk: { id: 'jpk-i-deklaracje', name: 'JPK i e-deklaracje' },
  klienci: { id: 'klienci', name: 'Klienci biura' },
  uzytkownicy: { id: 'uzytkownicy-i-uprawnienia', name: 'Użytkownicy i uprawnienia' },
  bank: { id: 'bank', name: 'Bank i rozrachunki' },
  eksport: { id: 'eksport-i-raporty', name: 'Eksport i raporty' },
  pakiet: { id: 'pakiet-i-platnosci', name: 'Pakiet i płatności' },
  pomoc: { id: 'zapytaj-eksperta', name: 'Pomoc i Zapytaj Eksperta' }
} as const
