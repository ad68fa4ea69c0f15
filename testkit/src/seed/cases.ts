import { asExpert, asPersona, call, type SeedContext, type SeedModule } from './context.js'
import type { PersonaId } from '../personas.js'
import { jpkCsv, screenshotPng } from './files.js'

interface CaseSummary {
  id: string
  number: number
}

interface DemoCase {
  persona: PersonaId
  entryPoint: 'sidebar' | 'avatar' | 'messages'
  question: string
  files?: Array<{ name: string; type: string; bytes: () => Buffer }>
  expertReply?: string
  internalNote?: string
  chiefFollowUp?: string
  resolve?: boolean
  archive?: boolean
  /** Leave the expert's reply unread for the chief, so the demo shows a badge. */
  keepUnread?: boolean
}

const cases: DemoCase[] = [
  {
    persona: 'chief-office',
    entryPoint: 'sidebar',
    question:
      'Nie mogę wysłać pliku JPK_V7M — system pokazuje błąd walidacji schematu.\nW załączniku zrzut ekranu komunikatu i plik CSV, z którego importowaliśmy sprzedaż.',
    files: [
      { name: 'błąd-jpk.png', type: 'image/png', bytes: () => screenshotPng() },
      { name: 'sprzedaż-listopad.csv', type: 'text/csv', bytes: jpkCsv }
    ],
    expertReply:
      'Dzień dobry, błąd dotyczy pola K_19 w drugim wierszu — kwota musi mieć kropkę jako separator dziesiętny. Proszę poprawić plik i zaimportować go ponownie w JPK » Import.',
    internalNote: 'Trzeci taki przypadek w tym tygodniu — zgłosić zespołowi importu.',
    keepUnread: true
  },
  {
    persona: 'chief-client',
    entryPoint: 'sidebar',
    question: 'Jak nadać pracownikowi dostęp tylko do dokumentów tego klienta (Piekarnia Złoty Kłos)?',
    expertReply: 'W Ustawienia » Użytkownicy wybierz pracownika, a w zakładce Uprawnienia zaznacz „Tylko wybrani klienci” i dodaj Piekarnię Złoty Kłos.',
    keepUnread: true
  },
  {
    persona: 'chief-office',
    entryPoint: 'avatar',
    question: 'Gdzie zmienić numerację faktur na nowy rok?',
    expertReply: 'Numerację ustawisz w Faktury » Ustawienia » Serie numeracji. Wzorzec {NR}/{MM}/{RRRR} zaczyna się od 1 w każdym roku.',
    chiefFollowUp: 'Dziękuję, działa!',
    resolve: true
  },
  {
    persona: 'chief-office',
    entryPoint: 'messages',
    question: 'Czy można zaimportować wyciąg bankowy w formacie MT940?',
    expertReply: 'Tak — Bank » Import wyciągu obsługuje MT940 oraz CSV z większości banków.',
    resolve: true,
    archive: true
  },
  {
    persona: 'chief-client',
    entryPoint: 'avatar',
    question: 'Klient nie widzi w swoim panelu faktur zakupowych, które dodaliśmy wczoraj.',
    expertReply: 'Faktury zakupowe są widoczne dla klienta po zaksięgowaniu. Sprawdź, czy dokumenty mają status „Zaksięgowane”.',
    chiefFollowUp: 'Status jest „Zaksięgowane”, a nadal ich nie widać. Czy to może być kwestia uprawnień klienta?'
  },
  {
    persona: 'chief-office',
    entryPoint: 'sidebar',
    question: 'Jak wyeksportować listę klientów do Excela?'
  },
  {
    persona: 'chief-office',
    entryPoint: 'sidebar',
    question: 'Po aktualizacji przeglądarki nie działa podpis kwalifikowany przy wysyłce deklaracji.',
    expertReply:
      'Proszę zainstalować najnowszą wersję komponentu podpisu (Ustawienia » Podpis elektroniczny » Pobierz komponent) i ponownie uruchomić przeglądarkę.',
    resolve: true,
    archive: true
  },
  {
    persona: 'chief-other-office',
    entryPoint: 'sidebar',
    question: 'Jak dodać nowego klienta z danymi z GUS?',
    expertReply: 'W Klienci » Dodaj klienta wpisz NIP i kliknij „Pobierz z GUS” — dane uzupełnią się automatycznie.'
  },
  {
    persona: 'chief-other-office',
    entryPoint: 'avatar',
    question: 'Czy mogę zmienić pakiet w trakcie okresu rozliczeniowego?'
  },
  {
    persona: 'chief-inactive',
    entryPoint: 'messages',
    question: 'Pakiet wygasł — jak odnowić dostęp do modułu płac?',
    expertReply: 'Pakiet odnowisz w Ustawienia » Pakiet i płatności. Po zaksięgowaniu wpłaty moduł płac włączy się automatycznie.',
    keepUnread: true
  }
]

function form(fields: Record<string, string>, files: DemoCase['files'] = []): FormData {
  const fd = new FormData()
  for (const [k, v] of Object.entries(fields)) fd.append(k, v)
  for (const f of files) fd.append('files', new Blob([new Uint8Array(f.bytes())], { type: f.type }), f.name)
  return fd
}

export const casesSeed: SeedModule = {
  name: 'cases',
  version: 1,
  async run(ctx: SeedContext) {
    const expert = asExpert(ctx)
    let replies = 0
    for (const demo of cases) {
      const chief = await asPersona(ctx, demo.persona)
      const created = await call<{ case: CaseSummary }>(
        ctx,
        'POST',
        '/api/v1/cases',
        chief,
        form({ question: demo.question, entryPoint: demo.entryPoint, pageUrl: 'http://localhost:8080/' }, demo.files)
      )
      const id = created.case.id
      if (demo.internalNote) await call(ctx, 'POST', `/admin/v1/cases/${id}/messages`, expert, form({ body: demo.internalNote, internal: 'true' }))
      if (demo.expertReply) {
        await call(ctx, 'POST', `/admin/v1/cases/${id}/messages`, expert, form({ body: demo.expertReply }))
        replies++
      }
      if (demo.chiefFollowUp) await call(ctx, 'POST', `/api/v1/cases/${id}/messages`, chief, form({ body: demo.chiefFollowUp }))
      if (demo.resolve) await call(ctx, 'PATCH', `/admin/v1/cases/${id}`, expert, { status: 'resolved' })
      if (!demo.keepUnread) await call(ctx, 'POST', '/api/v1/cases/read', chief, { ids: [id] })
      if (demo.archive) await call(ctx, 'POST', '/api/v1/cases/archive', chief, { ids: [id] })
    }
    return `${cases.length} cases, ${replies} expert replies`
  }
}
