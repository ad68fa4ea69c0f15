import type { Types } from 'mongoose'
import type { Models } from '../models/index.js'
import { AppError } from '../errors.js'
import { excerpt, markdownToText, renderMarkdown, type RenderOptions } from '../domain/markdown.js'
import { parseQuery, searchFields } from '../search/normalize.js'
import type { SearchIndexes } from '../search/indexes.js'
import type { AdminArticleListFilter, ArticleCreateInput, ArticlePatchInput } from '@ze/contract'
import type { StoredArticle } from '../models/article.js'
import type { StoredArticleFeedback } from '../models/article-feedback.js'
import { toObjectId } from './map.js'
import { createArticleFeedbackRepository } from './article-feedback.js'
import type { Identity } from '../domain/identity.js'
import { isDuplicateKey } from './duplicate-key.js'
import { findPublishedBySlug, previousSlugsAfterRename, slugFromTitle } from './article-slugs.js'

/** A category written without an id gets one made of its name. */
const withCategoryId = (c: { id?: string | undefined; name: string }) => ({ id: c.id ?? slugFromTitle(c.name), name: c.name.trim() })

/** Where a draft made from a case's answer starts; the expert picks the real category in the editor. */
const DRAFT_CATEGORY = { id: 'do-uporzadkowania', name: 'Do uporządkowania' }

/** Everything derived from the Markdown source: stored so reads never render. */
function derived(input: { title: string; body: string; tags: string[] }, render: RenderOptions) {
  const text = markdownToText(input.body)
  return { html: renderMarkdown(input.body, render), excerpt: excerpt(text), search: searchFields({ title: input.title, tags: input.tags, body: text }) }
}

/** Articles one list shows at most, with or without a query. */
const MAX_LISTED = 1000
const SUMMARY_FIELDS = { slug: 1, title: 1, category: 1, excerpt: 1, updatedAt: 1 } as const
const WITHOUT_SEARCH = { search: 0 } as const

/** What a list of published articles shows of each (mapping/articles.ts `toArticleSummary`). */
export type ArticleSummaryRecord = Pick<StoredArticle, 'slug' | 'title' | 'category' | 'excerpt' | 'updatedAt'>

export function createArticlesRepository(models: Models, searchIndexes: SearchIndexes, render: RenderOptions = {}) {
  const { Article, Message, Case } = models
  const feedback = createArticleFeedbackRepository(models)

  /** Published articles matching the words, best first, from the app's in-memory index. */
  async function search(appId: string, tokens: string[], category?: string): Promise<ArticleSummaryRecord[]> {
    const hits = await searchIndexes.search(appId, tokens, { kinds: ['article'], ...(category ? { category } : {}) }, { limit: MAX_LISTED })
    return hits.map(({ meta }) => ({
      slug: meta.slug!,
      title: meta.title,
      category: meta.category!,
      excerpt: meta.excerpt,
      updatedAt: new Date(meta.updatedAt!)
    }))
  }

  async function findStored(id: string): Promise<StoredArticle> {
    const _id = toObjectId(id)
    const doc = _id && ((await Article.findById(_id, WITHOUT_SEARCH).lean()) as StoredArticle | null)
    if (!doc) throw new AppError('ARTICLE_NOT_FOUND')
    return doc
  }

  /**
   * Read before writing: a write that fails on the unique slug index is what FerretDB 1.24 on
   * PostgreSQL has been seen to leave hanging in an aborted transaction (ADR 0100), so the common
   * conflict is answered from a read. The unique index still decides a race between two writers.
   */
  async function refuseTakenSlug(appId: string, slug: string): Promise<void> {
    if (await Article.exists({ appId, slug })) throw new AppError('CONFLICT', `The slug "${slug}" is already used in app ${appId}`)
  }

  async function insert(input: ArticleCreateInput & { slug: string; category: { id: string; name: string } }): Promise<StoredArticle> {
    const tags = input.tags ?? []
    await refuseTakenSlug(input.appId, input.slug)
    try {
      const doc = await Article.create({
        ...input,
        tags,
        published: input.published ?? false,
        ...derived({ title: input.title, body: input.body, tags }, render)
      })
      await searchIndexes.changed(input.appId, 'article', String(doc._id))
      return doc.toObject() as StoredArticle
    } catch (err) {
      if (isDuplicateKey(err)) throw new AppError('CONFLICT', `The slug "${input.slug}" is already used in app ${input.appId}`)
      throw err
    }
  }

  /** A given slug must be free (409); without one, the title's slug or the first free numbered variant. */
  async function create(input: ArticleCreateInput): Promise<StoredArticle> {
    const category = withCategoryId(input.category)
    if (input.slug) return insert({ ...input, slug: input.slug, category })
    const base = slugFromTitle(input.title)
    for (let attempt = 0; ; attempt++) {
      const slug = attempt === 0 ? base : attempt < 5 ? `${base}-${attempt + 1}` : `${base}-${Date.now().toString(36)}`
      try {
        return await insert({ ...input, slug, category })
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'CONFLICT') || attempt >= 5) throw err
      }
    }
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
              .limit(MAX_LISTED)
              .lean()
              .then((docs) => docs as ArticleSummaryRecord[]),
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

    /** With the caller's own "Czy to pomogło?" answer, so the widget shows it (`article._id` feeds the read counter). */
    async findPublished(identity: Identity, slug: string): Promise<{ article: StoredArticle; yours: StoredArticleFeedback | null }> {
      const doc = await findPublishedBySlug<StoredArticle>(Article, identity.tenant.appId, slug, WITHOUT_SEARCH)
      if (!doc) throw new AppError('ARTICLE_NOT_FOUND', `No published article "${slug}"`)
      return { article: doc, yours: await feedback.yours(identity, doc._id) }
    },

    // ---- admin ---------------------------------------------------------------------------

    async adminList(filter: AdminArticleListFilter): Promise<StoredArticle[]> {
      const where: Record<string, unknown> = {}
      if (filter.appId) where.appId = filter.appId
      if (filter.category) where['category.id'] = filter.category
      if (filter.published !== undefined) where.published = filter.published
      const query = parseQuery(filter.q)
      if (query) where['search.keys'] = { $all: query.lookupKeys }
      return (await Article.find(where, { body: 0, html: 0, search: 0 }).sort({ appId: 1, 'category.name': 1, title: 1 }).limit(2000).lean()) as StoredArticle[]
    },

    adminGet: findStored,

    /** What a save of this Markdown would store, from the same renderer and sanitiser (ADR 0004). */
    preview(body: string) {
      return { html: renderMarkdown(body, render), excerpt: excerpt(markdownToText(body)) }
    },

    /**
     * "Utwórz artykuł z odpowiedzi": a draft (never published) with the case subject as title and
     * the expert's public answer as body. Internal notes and the chief's messages are refused.
     */
    async createFromMessage(messageId: string): Promise<StoredArticle> {
      const _id = toObjectId(messageId)
      const message =
        _id &&
        ((await Message.findById(_id, { caseId: 1, appId: 1, author: 1, body: 1, internal: 1 }).lean()) as {
          caseId: Types.ObjectId
          appId: string
          author: { kind: string }
          body: string
          internal: boolean
        } | null)
      if (!message || message.internal || message.author.kind !== 'expert') throw new AppError('MESSAGE_NOT_FOUND', `No public expert answer "${messageId}"`)
      const found = (await Case.findById(message.caseId, { subject: 1 }).lean()) as { subject: string } | null
      const title = (found?.subject ?? '').trim().slice(0, 200) || 'Nowy artykuł'
      return create({ appId: message.appId, title, body: message.body, category: DRAFT_CATEGORY, tags: [], published: false })
    },

    create,

    /** Optimistic: the update applies only if nobody changed the article since it was read. `was`: the state before. */
    async update(id: string, patch: ArticlePatchInput): Promise<{ article: StoredArticle; was: Pick<StoredArticle, 'published' | 'slug'> }> {
      const current = await findStored(id)
      const next = { title: patch.title ?? current.title, body: patch.body ?? current.body, tags: patch.tags ?? current.tags }
      const changesContent = patch.title !== undefined || patch.body !== undefined || patch.tags !== undefined
      const renamed = patch.slug !== undefined && patch.slug !== current.slug
      const $set = {
        ...patch,
        ...(patch.category ? { category: withCategoryId(patch.category) } : {}),
        ...(changesContent ? derived(next, render) : {}),
        ...(renamed ? { previousSlugs: previousSlugsAfterRename(current.previousSlugs ?? [], current.slug, patch.slug!) } : {})
      }
      if (renamed) await refuseTakenSlug(current.appId, patch.slug!)
      try {
        // No projection: FerretDB's findAndModify does not support one (the mapper drops `search`).
        const doc = (await Article.findOneAndUpdate({ _id: current._id, updatedAt: current.updatedAt }, { $set }, { new: true }).lean()) as StoredArticle | null
        if (!doc) throw new AppError('CONFLICT', 'The article was changed meanwhile; read it again')
        await searchIndexes.changed(doc.appId, 'article', id)
        return { article: doc, was: { published: current.published, slug: current.slug } }
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
