import type { Models } from '../models/index.js'
import { AppError } from '../errors.js'
import { excerpt, markdownToText, renderMarkdown, type RenderOptions } from '../domain/markdown.js'
import { parseQuery, searchFields, type SearchQuery } from '../search/normalize.js'
import { needsTypoFallback, rank } from '../search/rank.js'
import type { AdminArticleListFilter, ArticleCreateInput, ArticlePatchInput } from '../schemas/articles.js'
import { toAdminArticle, toAdminArticleSummary, toArticleSummary, toArticleView, type StoredArticle } from './article-mapping.js'
import { toObjectId } from './map.js'

// FerretDB reports a unique violation on update as code 1 with SQLite's message, not 11000.
const isDuplicateKey = (err: unknown): boolean => {
  const e = err as { code?: number; message?: string } | undefined
  return e?.code === 11000 || /E11000|UNIQUE constraint failed/i.test(e?.message ?? '')
}

/** Everything derived from the Markdown source: stored so reads never render. */
function derived(input: { title: string; body: string; tags: string[] }, render: RenderOptions) {
  const text = markdownToText(input.body)
  return { html: renderMarkdown(input.body, render), excerpt: excerpt(text), search: searchFields({ title: input.title, tags: input.tags, body: text }) }
}

const SUMMARY_FIELDS = { slug: 1, title: 1, category: 1, excerpt: 1, updatedAt: 1 } as const
// Ranking reads the token lists, never the (large) prefix keys.
const RANK_FIELDS = { ...SUMMARY_FIELDS, 'search.title': 1, 'search.tags': 1, 'search.body': 1 } as const
const WITHOUT_SEARCH = { search: 0 } as const

const searchable = (d: StoredArticle) => ({ title: d.search?.title ?? [], tags: d.search?.tags ?? [], body: d.search?.body ?? [], doc: d })

export function createArticlesRepository(models: Models, render: RenderOptions = {}) {
  const { Article } = models

  /**
   * Candidates share at least one key with the query; when a longer query word matched
   * nothing but a typo would, every published article of the app is ranked instead
   * (articles are few, so that stays cheap).
   */
  async function search(appId: string, query: SearchQuery, filter: Record<string, unknown> = {}) {
    const base = { appId, published: true, ...filter }
    let docs = (await Article.find({ ...base, 'search.keys': { $in: query.lookupKeys } }, RANK_FIELDS).limit(500).lean()) as StoredArticle[]
    if (needsTypoFallback(query, docs.map(searchable))) docs = (await Article.find(base, RANK_FIELDS).limit(2000).lean()) as StoredArticle[]
    return rank(query, docs.map(searchable)).map((r) => ({ ...toArticleSummary(r.doc.doc), id: String(r.doc.doc._id), score: r.score }))
  }

  async function findStored(id: string): Promise<StoredArticle> {
    const _id = toObjectId(id)
    const doc = _id && ((await Article.findById(_id, WITHOUT_SEARCH).lean()) as StoredArticle | null)
    if (!doc) throw new AppError('ARTICLE_NOT_FOUND')
    return doc
  }

  return {
    search,

    async listPublished(appId: string, filter: { q?: string | undefined; category?: string | undefined }) {
      const categoryFilter = filter.category ? { 'category.id': filter.category } : {}
      const query = parseQuery(filter.q)
      const [items, all] = await Promise.all([
        query
          ? search(appId, query, categoryFilter).then((found) => found.map(({ id: _id, score: _score, ...summary }) => summary))
          : Article.find({ appId, published: true, ...categoryFilter }, SUMMARY_FIELDS)
              .sort({ 'category.name': 1, title: 1 })
              .limit(1000)
              .lean()
              .then((docs) => (docs as StoredArticle[]).map(toArticleSummary)),
        Article.find({ appId, published: true }, { category: 1 }).lean() as Promise<Array<Pick<StoredArticle, 'category'>>>
      ])
      const categories = new Map<string, { id: string; name: string; count: number }>()
      for (const { category } of all) {
        const entry = categories.get(category.id) ?? { id: category.id, name: category.name, count: 0 }
        entry.count++
        categories.set(category.id, entry)
      }
      return { items, categories: [...categories.values()].sort((a, b) => a.name.localeCompare(b.name, 'pl')) }
    },

    async findPublished(appId: string, slug: string) {
      const doc = (await Article.findOne({ appId, slug, published: true }, WITHOUT_SEARCH).lean()) as StoredArticle | null
      if (!doc) throw new AppError('ARTICLE_NOT_FOUND', `No published article "${slug}"`)
      return toArticleView(doc)
    },

    // ---- admin ---------------------------------------------------------------------------

    async adminList(filter: AdminArticleListFilter) {
      const where: Record<string, unknown> = {}
      if (filter.appId) where.appId = filter.appId
      if (filter.category) where['category.id'] = filter.category
      if (filter.published !== undefined) where.published = filter.published
      const query = parseQuery(filter.q)
      if (query) where['search.keys'] = { $all: query.lookupKeys }
      const docs = (await Article.find(where, { body: 0, html: 0, search: 0 }).sort({ appId: 1, 'category.name': 1, title: 1 }).limit(2000).lean()) as StoredArticle[]
      return docs.map(toAdminArticleSummary)
    },

    adminGet: async (id: string) => toAdminArticle(await findStored(id)),

    async create(input: ArticleCreateInput) {
      const tags = input.tags ?? []
      try {
        const doc = await Article.create({ ...input, tags, published: input.published ?? false, ...derived({ title: input.title, body: input.body, tags }, render) })
        return toAdminArticle(doc.toObject() as StoredArticle)
      } catch (err) {
        if (isDuplicateKey(err)) throw new AppError('CONFLICT', `The slug "${input.slug}" is already used in app ${input.appId}`)
        throw err
      }
    },

    /** Optimistic: the update applies only if nobody changed the article since it was read. */
    async update(id: string, patch: ArticlePatchInput) {
      const current = await findStored(id)
      const next = { title: patch.title ?? current.title, body: patch.body ?? current.body, tags: patch.tags ?? current.tags }
      const changesContent = patch.title !== undefined || patch.body !== undefined || patch.tags !== undefined
      const $set = { ...patch, ...(changesContent ? derived(next, render) : {}) }
      try {
        // No projection: FerretDB's findAndModify does not support one (the mapper drops `search`).
        const doc = (await Article.findOneAndUpdate({ _id: current._id, updatedAt: current.updatedAt }, { $set }, { new: true }).lean()) as StoredArticle | null
        if (!doc) throw new AppError('CONFLICT', 'The article was changed meanwhile; read it again')
        return toAdminArticle(doc)
      } catch (err) {
        if (isDuplicateKey(err)) throw new AppError('CONFLICT', `The slug "${patch.slug}" is already used in app ${current.appId}`)
        throw err
      }
    },

    async remove(id: string): Promise<void> {
      const _id = toObjectId(id)
      const res = _id ? await Article.deleteOne({ _id }) : { deletedCount: 0 }
      if (res.deletedCount !== 1) throw new AppError('ARTICLE_NOT_FOUND')
    }
  }
}

export type ArticlesRepository = ReturnType<typeof createArticlesRepository>
