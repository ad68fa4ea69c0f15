import { Type, type Static } from 'typebox'
import { iso } from './common.js'

/**
 * "Gotowe odpowiedzi": reply texts an expert inserts into a case reply. `shared` ones are seen
 * by every expert and managed by admin experts; `personal` ones belong to one expert. The body
 * may hold the variables of SAVED_REPLY_VARIABLES, filled by the console from the open case.
 */
export const SAVED_REPLY_VARIABLES = ['imie', 'biuro', 'numer', 'ekspert'] as const
export type SavedReplyVariable = (typeof SAVED_REPLY_VARIABLES)[number]

export const SAVED_REPLY_BODY_MAX = 10_000
export const SAVED_REPLIES_MAX_PER_LIST = 500

export const SavedReplyScope = Type.Union([Type.Literal('shared'), Type.Literal('personal')], {
  description: '`shared`: every expert sees it, admin experts change it; `personal`: only its owner sees and changes it'
})

const Title = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })
const Body = Type.String({
  minLength: 1,
  maxLength: SAVED_REPLY_BODY_MAX,
  pattern: '\\S',
  description: 'Plain text as the reply will be sent; `{{imie}}`, `{{biuro}}`, `{{numer}}`, `{{ekspert}}` are filled from the case when inserted'
})
const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 40, pattern: '\\S' }), { maxItems: 20, uniqueItems: true })

const example = {
  id: '665f1c2e9b1e8a3d4c5b6a99',
  scope: 'shared',
  title: 'Korekta faktury — instrukcja',
  body: 'Dzień dobry {{imie}},\nkorektę wystawi Pan/Pani w Faktury » Korekty. Sprawa nr {{numer}}.\nPozdrawiam, {{ekspert}}',
  tags: ['faktury', 'korekta'],
  owner: null,
  updatedBy: { id: '665f1c2e9b1e8a3d4c5b6a00', name: 'Ola Admin' },
  createdAt: '2026-03-02T10:15:00.000Z',
  updatedAt: '2026-03-02T10:15:00.000Z'
}

const Ref = Type.Object({ id: Type.String(), name: Type.String() })

export const SavedReply = Type.Object(
  {
    id: Type.String(),
    scope: SavedReplyScope,
    title: Type.String(),
    body: Type.String(),
    tags: Type.Array(Type.String()),
    owner: Type.Union([Ref, Type.Null()], { description: 'The expert a personal reply belongs to; null for shared ones' }),
    updatedBy: Ref,
    createdAt: iso(example.createdAt),
    updatedAt: iso(example.updatedAt)
  },
  { examples: [example] }
)

export const SavedReplyList = Type.Object(
  { items: Type.Array(SavedReply, { description: `Shared ones and the caller's personal ones, by title; at most ${SAVED_REPLIES_MAX_PER_LIST}` }) },
  { examples: [{ items: [example] }] }
)

export const SavedReplyCreateBody = Type.Object(
  { scope: SavedReplyScope, title: Title, body: Body, tags: Type.Optional(Tags) },
  { additionalProperties: false, examples: [{ scope: 'personal', title: 'Powitanie', body: 'Dzień dobry {{imie}},', tags: ['powitanie'] }] }
)

export const SavedReplyPatchBody = Type.Object(
  { title: Type.Optional(Title), body: Type.Optional(Body), tags: Type.Optional(Tags) },
  { additionalProperties: false, minProperties: 1, examples: [{ title: 'Powitanie (krótkie)' }] }
)

export type SavedReply = Static<typeof SavedReply>
export type SavedReplyList = Static<typeof SavedReplyList>
export type SavedReplyCreateInput = Static<typeof SavedReplyCreateBody>
export type SavedReplyPatchInput = Static<typeof SavedReplyPatchBody>

// ---- article links for replies ------------------------------------------------------------

/**
 * An expert links an article in a case reply as `[title](article:slug)` (ARTICLE_LINK_FORM),
 * the form article bodies use for links between articles; the widget opens such a link in its
 * own article view. Any expert may look articles up for this, not only admin experts.
 */
export const ArticleLinkQuery = Type.Object(
  {
    appId: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$', description: 'The case’s app: articles are per app' }),
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Words of the title, body or tags; diacritics and case do not matter' }))
  },
  { additionalProperties: false }
)
export const ArticleLink = Type.Object({ slug: Type.String(), title: Type.String(), categoryName: Type.String() })
export const ArticleLinkList = Type.Object(
  { items: Type.Array(ArticleLink, { maxItems: 20, description: 'Published articles only, at most 20' }) },
  { examples: [{ items: [{ slug: 'korekta-faktury', title: 'Jak wystawić korektę faktury', categoryName: 'Faktury' }] }] }
)

export type ArticleLink = Static<typeof ArticleLink>
export type ArticleLinkList = Static<typeof ArticleLinkList>
export type ArticleLinkFilter = Static<typeof ArticleLinkQuery>
