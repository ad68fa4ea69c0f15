import { Type, type Static } from 'typebox'

export const SuggestionsQuery = Type.Object(
  { q: Type.String({ maxLength: 2000, description: 'The draft question as typed so far', examples: ['jak załączyć plik'] }) },
  { additionalProperties: false }
)

export const Suggestion = Type.Object({
  kind: Type.Union([Type.Literal('article'), Type.Literal('thread')]),
  id: Type.String(),
  slug: Type.Optional(Type.String({ description: 'Articles only: open with GET /api/v1/articles/:slug' })),
  title: Type.String(),
  excerpt: Type.String({ description: 'Plain text' })
})

export const SuggestionsResponse = Type.Object(
  {
    items: Type.Array(Suggestion, { maxItems: 5, description: 'Best first' })
  },
  {
    examples: [
      {
        items: [
          {
            kind: 'article',
            id: '665f1c2e9b1e8a3d4c5b6a80',
            slug: 'jak-zalaczyc-plik-do-sprawy',
            title: 'Jak załączyć plik do sprawy',
            excerpt: 'Do pytania możesz dołączyć zrzuty ekranu…'
          },
          { kind: 'thread', id: '665f1c2e9b1e8a3d4c5b6a90', title: 'Nie mogę dodać załącznika PDF', excerpt: 'Przy dodawaniu pliku pojawia się błąd…' }
        ]
      }
    ]
  }
)

/**
 * `?via=suggestion` on GET /api/v1/articles/:slug and GET /api/v1/forum/threads/:id: the widget opened
 * this from the suggestions under a question being written, the first time in that draft (statistics:
 * deflection, docs/adr/0145-statistics-pre-aggregated-per-day.md).
 */
export const OpenedQuery = Type.Object(
  {
    via: Type.Optional(
      Type.Literal('suggestion', {
        description: 'Opened from the suggestions while writing a question (the first one opened in that draft): counted for deflection'
      })
    )
  },
  { additionalProperties: false }
)

export type Suggestion = Static<typeof Suggestion>
export type OpenedQuery = Static<typeof OpenedQuery>
