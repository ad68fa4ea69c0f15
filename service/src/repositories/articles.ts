import type { Models } from '../models/index.js'
import { AppError } from '../errors.js'
import { excerpt, markdownToText, renderMarkdown, type RenderOptions } from '../domain/markdown.js'
import { parseQuery, searchFields } from '../search/normalize.js'
import type { SearchIndexes } from '../search/indexes.js'
import type { AdminArticleListFilter, ArticleCreateInput, ArticlePatchInput } from '@ze/contract'
import { toAdminArticle, toAdminArticleSummary, toArticleSummary, toArticleView, type StoredArticle } from './article-mapping.js'
import { toObjectId } from './map.js'
import { createArticleFeedbackRepository } from './article-feedback.js'
import type { Identity } from '../domain/identity.js'
import { isDuplicateKey } from './duplicate-key.js'

/** Everything derived from the Markdown source: stored so reads never render. */
function derived(input: { title: string; body: string; tags: string[] }, render: RenderOptions) {
  const text = markdownToText(input.body)
  return { html: renderMarkdown(input.body, render), excerpt: excerpt(text), search: searchFields({ title: input.title, tags: input.tags, body: text }) }
}

const SUMMARY_FIELDS = { slug: 1, title: 1, category: 1, excerpt: 1, updatedAt: 1 } as const
const WITHOUT_SEARCH = { search: 0 } as const

export function createArticlesRepository(models: Models, searchIndexes: SearchIndexes, render: RenderOptions = {}) {
  const { Article } = models
  const feedback = createArticleFeedbackRepository(models)

  /** Published articles matching the words, best first, from the app's in-memory index. */
  async function search(appId: string, tokens: string[], category?: string) {
    const hits = await searchIndexes.search(appId, tokens, { kinds: ['article'], ...(category ? { category } : {}) })
    return hits.map(({ meta }) => toArticleSummary({ slug: meta.slug!, title: meta.title, category: meta.category!, excerpt: meta.excerpt, updatedAt: new Date(meta.updatedAt!) }))
  }

  async function findStored(id: string): Promise<StoredArticle> {
    const _id = toObjectId(id)
    const doc = _id && ((await Article.findById(_id, WITHOUT_SEARCH).lean()) as StoredArticle | null)
    if (!doc) throw new AppError('ARTICLE_NOT_FOUND')
    return doc
  }

  return {
    /** "Czy to pomogło?" votes (issue 15 item 5). */
    feedback,

    async listPublished(appId: string, filter: { q?: string | undefined; category?: string | undefined }) {
      const categoryFilter = filter.category ? { 'category.id': filter.category } : {}
      const query = parseQuery(filter.q)
      const [items, all] = await Promise.all([
        query
          ? search(appId, query.tokens, filter.category)
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

    /** With the caller's own "Czy to pomogło?" answer, so the widget shows it. */
    async findPublished(identity: Identity, slug: string) {
      const doc = (await Article.findOne({ appId: identity.appId, slug, published: true }, WITHOUT_SEARCH).lean()) as StoredArticle | null
      if (!doc) throw new AppError('ARTICLE_NOT_FOUND', `No published article "${slug}"`)
      return toArticleView(doc, await feedback.yours(identity, doc._id))
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
        await searchIndexes.changed(input.appId, 'article', String(doc._id))
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
        await searchIndexes.changed(doc.appId, 'article', id)
        return toAdminArticle(doc)
      } catch (err) {
        if (isDuplicateKey(err)) throw new AppError('CONFLICT', `The slug "${patch.slug}" is already used in app ${current.appId}`)
        throw err
      }
    },

    async remove(id: string): Promise<void> {
      const _id = toObjectId(id)
      const found = _id && ((await Article.findById(_id, { appId: 1 }).lean()) as Pick<StoredArticle, 'appId'> | null)
      const res = found ? await Article.deleteOne({ _id }) : { deletedCount: 0 }
      if (!found || res.deletedCount !== 1) throw new AppError('ARTICLE_NOT_FOUND')
      await feedback.removeFor(_id)
      await searchIndexes.changed(found.appId, 'article', id)
    }
  }
}

export type ArticlesRepository = ReturnType<typeof createArticlesRepository>
