import { Type, type Static } from 'typebox'
import { iso, Nullable } from './common.js'

/** Article slugs and category ids: lower-case words joined by single hyphens. */
export const SLUG_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$'

export const Slug = Type.String({ pattern: SLUG_PATTERN, minLength: 1, maxLength: 120, examples: ['jak-zalaczyc-plik-do-sprawy'] })
const CategoryId = Type.String({ pattern: SLUG_PATTERN, minLength: 1, maxLength: 60, examples: ['sprawy-i-zalaczniki'] })
const SearchText = Type.String({
  maxLength: 200,
  description: 'Free text; case and Polish diacritics do not matter, word beginnings match',
  examples: ['zalacz pliki']
})

export const SlugParams = Type.Object({ slug: Slug }, { additionalProperties: false })

// ---- end users -------------------------------------------------------------------------

export const ArticleListQuery = Type.Object({ q: Type.Optional(SearchText), category: Type.Optional(CategoryId) }, { additionalProperties: false })

const summaryExample = {
  slug: 'jak-zalaczyc-plik-do-sprawy',
  title: 'Jak załączyć plik do sprawy',
  category: 'zapytaj-eksperta',
  categoryName: 'Zapytaj Eksperta',
  excerpt: 'Do pytania możesz dołączyć zrzuty ekranu i dokumenty: przeciągnij je na pole „Załącz pliki” albo kliknij „Wybierz”.',
  updatedAt: '2025-03-04T10:15:00.000Z'
}

export const ArticleSummary = Type.Object(
  {
    slug: Slug,
    title: Type.String(),
    category: Type.String({ description: 'Category id; its name is in `categories`' }),
    categoryName: Type.String(),
    excerpt: Type.String({ description: 'Plain text' }),
    updatedAt: iso('2025-03-04T10:15:00.000Z')
  },
  { examples: [summaryExample] }
)

export const ArticleCategory = Type.Object({ id: Type.String(), name: Type.String(), count: Type.Integer({ minimum: 0 }) })

export const ArticleListResponse = Type.Object(
  {
    items: Type.Array(ArticleSummary, { description: 'Best match first when `q` is given, otherwise by category and title' }),
    categories: Type.Array(ArticleCategory, {
      description: 'Every category with its number of published articles (independent of `q` and `category`)'
    })
  },
  { examples: [{ items: [summaryExample], categories: [{ id: 'zapytaj-eksperta', name: 'Zapytaj Eksperta', count: 3 }] }] }
)

// ---- "Czy to pomogło?" (issue 15 item 5) -----------------------------------------------

export const ArticleFeedbackBody = Type.Object(
  {
    helpful: Type.Boolean({ description: 'Czy to pomogło? yes (true) or no (false)' }),
    comment: Type.Optional(Type.String({ maxLength: 2000, description: 'Optional; blank is stored as none' }))
  },
  { additionalProperties: false, examples: [{ helpful: false, comment: 'Brakuje opisu korekty do faktury zaliczkowej.' }] }
)

export const ArticleFeedback = Type.Object({ helpful: Type.Boolean(), comment: Nullable(Type.String()), votedAt: iso('2025-03-05T09:00:00.000Z') })
export const ArticleFeedbackResponse = Type.Object({ feedback: ArticleFeedback })

/** Votes on one article, recounted from the stored votes after each vote. */
export const ArticleFeedbackCounts = Type.Object(
  { helpful: Type.Integer({ minimum: 0 }), notHelpful: Type.Integer({ minimum: 0 }) },
  { examples: [{ helpful: 12, notHelpful: 3 }] }
)

export const AdminArticleFeedback = Type.Object({
  counts: ArticleFeedbackCounts,
  comments: Type.Array(Type.Object({ helpful: Type.Boolean(), comment: Type.String(), role: Type.String(), votedAt: iso('2025-03-05T09:00:00.000Z') }), {
    description: 'The newest votes that carry a comment (at most 50); who voted is not shown'
  })
})

export const ArticleView = Type.Object(
  {
    slug: Slug,
    title: Type.String(),
    category: Type.String(),
    categoryName: Type.String(),
    tags: Type.Array(Type.String()),
    html: Type.String({ description: 'Sanitised HTML; links to other articles are `href="#article/<slug>" data-article="<slug>"`' }),
    updatedAt: iso('2025-03-04T10:15:00.000Z'),
    yourFeedback: Nullable(ArticleFeedback, { description: 'The caller’s own answer to "Czy to pomogło?"; null before voting' })
  },
  {
    examples: [
      {
        ...summaryExample,
        tags: ['załączniki', 'pliki'],
        html: '<p>Przeciągnij plik na pole <strong>Załącz pliki</strong>. Zobacz też <a href="#article/zapytaj-eksperta-jak-zadac-pytanie" data-article="zapytaj-eksperta-jak-zadac-pytanie">Jak zadać pytanie</a>.</p>',
        yourFeedback: null
      }
    ]
  }
)

// ---- experts (admin) -------------------------------------------------------------------

const Category = Type.Object(
  { id: CategoryId, name: Type.String({ minLength: 1, maxLength: 80, examples: ['Zapytaj Eksperta'] }) },
  { additionalProperties: false }
)
const CategoryName = Type.String({ minLength: 1, maxLength: 80, pattern: '\\S', examples: ['Zapytaj Eksperta'] })
/** On writes the id may be left out: it is then made of the name ("Zapytaj Eksperta" → "zapytaj-eksperta"). */
const CategoryInput = Type.Object(
  { id: Type.Optional(CategoryId), name: CategoryName },
  { additionalProperties: false, description: 'Without `id`, the id is made of the name (lower case, no diacritics, hyphens)' }
)
const Title = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })
const MarkdownBody = Type.String({
  minLength: 1,
  maxLength: 100_000,
  description: 'Markdown; raw HTML is shown as text. Link other articles with `[text](article:slug)`'
})
const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 20, uniqueItems: true })

const inputExample = {
  appId: 'mojebiuro24-demo',
  slug: 'jak-zalaczyc-plik-do-sprawy',
  title: 'Jak załączyć plik do sprawy',
  body: 'Przeciągnij plik na pole **Załącz pliki** albo kliknij **Wybierz**.\n\nZobacz też [Jak zadać pytanie](article:zapytaj-eksperta-jak-zadac-pytanie).',
  category: { id: 'zapytaj-eksperta', name: 'Zapytaj Eksperta' },
  tags: ['załączniki'],
  published: true
}

export const ArticleCreateBody = Type.Object(
  {
    appId: Type.String({
      pattern: '^[a-z0-9][a-z0-9-]{1,62}$',
      description: 'The host app the article belongs to: a registered app id, else 400 VALIDATION_FAILED at /body/appId'
    }),
    // Without a slug, one is made of the title (a number is added when that one is taken).
    slug: Type.Optional(Slug),
    title: Title,
    body: MarkdownBody,
    category: CategoryInput,
    tags: Type.Optional(Tags),
    published: Type.Optional(Type.Boolean({ default: false }))
  },
  { additionalProperties: false, examples: [inputExample] }
)

export const ArticlePatchBody = Type.Object(
  {
    slug: Type.Optional(Slug),
    title: Type.Optional(Title),
    body: Type.Optional(MarkdownBody),
    category: Type.Optional(CategoryInput),
    tags: Type.Optional(Tags),
    published: Type.Optional(Type.Boolean())
  },
  { additionalProperties: false, minProperties: 1, examples: [{ published: false }] }
)

export const AdminArticleListQuery = Type.Object(
  {
    appId: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' })),
    q: Type.Optional(SearchText),
    category: Type.Optional(CategoryId),
    published: Type.Optional(Type.Boolean())
  },
  { additionalProperties: false }
)

const adminSummaryProperties = {
  id: Type.String(),
  appId: Type.String(),
  slug: Slug,
  title: Type.String(),
  category: Category,
  tags: Type.Array(Type.String()),
  excerpt: Type.String(),
  published: Type.Boolean(),
  createdAt: iso('2025-03-01T09:00:00.000Z'),
  updatedAt: iso('2025-03-04T10:15:00.000Z'),
  feedback: ArticleFeedbackCounts
}

const adminExample = {
  ...inputExample,
  id: '665f1c2e9b1e8a3d4c5b6a80',
  excerpt: summaryExample.excerpt,
  createdAt: '2025-03-01T09:00:00.000Z',
  updatedAt: '2025-03-04T10:15:00.000Z',
  feedback: { helpful: 12, notHelpful: 3 }
}

export const AdminArticleSummary = Type.Object(adminSummaryProperties)
export const AdminArticle = Type.Object(
  {
    ...adminSummaryProperties,
    body: MarkdownBody,
    html: Type.String({ description: 'Rendered and sanitised on write' }),
    previousSlugs: Type.Array(Slug, { description: 'Earlier slugs; GET /api/v1/articles/<old slug> still answers with this article (under its current slug)' })
  },
  { examples: [{ ...adminExample, html: '<p>Przeciągnij plik na pole <strong>Załącz pliki</strong> …</p>', previousSlugs: ['zalaczniki'] }] }
)
export const AdminArticleListResponse = Type.Object({ items: Type.Array(AdminArticleSummary) })

/** The editor's live preview: the Markdown goes through the very pipeline a write uses (ADR 0004). */
export const ArticlePreviewBody = Type.Object(
  { body: Type.String({ maxLength: 100_000, description: 'Markdown, as in ArticleCreateBody.body (may be empty while typing)' }) },
  { additionalProperties: false, examples: [{ body: 'Przeciągnij plik na pole **Załącz pliki**.' }] }
)
export const ArticlePreviewResponse = Type.Object(
  { html: Type.String({ description: 'Exactly the HTML a save of this body would store' }), excerpt: Type.String() },
  { examples: [{ html: '<p>Przeciągnij plik na pole <strong>Załącz pliki</strong>.</p>\n', excerpt: 'Przeciągnij plik na pole Załącz pliki.' }] }
)

/** "Utwórz artykuł z odpowiedzi": a draft from an expert's public answer in a case. */
export const ArticleFromMessageBody = Type.Object(
  { messageId: Type.String({ pattern: '^[0-9a-f]{24}$', description: 'A public message written by an expert' }) },
  { additionalProperties: false, examples: [{ messageId: '665f1c2e9b1e8a3d4c5b6a81' }] }
)

export type ArticleSummary = Static<typeof ArticleSummary>
export type ArticleCategory = Static<typeof ArticleCategory>
export type ArticleListResponse = Static<typeof ArticleListResponse>
export type ArticleView = Static<typeof ArticleView>
export type ArticleCreateInput = Static<typeof ArticleCreateBody>
export type ArticlePatchInput = Static<typeof ArticlePatchBody>
export type AdminArticleListFilter = Static<typeof AdminArticleListQuery>
export type ArticleFeedbackInput = Static<typeof ArticleFeedbackBody>
export type ArticleFeedback = Static<typeof ArticleFeedback>
export type AdminArticleFeedback = Static<typeof AdminArticleFeedback>
export type AdminArticle = Static<typeof AdminArticle>
export type AdminArticleSummary = Static<typeof AdminArticleSummary>
export type ArticlePreviewInput = Static<typeof ArticlePreviewBody>
export type ArticlePreviewResult = Static<typeof ArticlePreviewResponse>
