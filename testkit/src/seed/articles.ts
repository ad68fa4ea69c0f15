import { DEMO_APP_ID } from '../personas.js'
import { asExpert, call, type SeedContext, type SeedModule } from './context.js'
import { documentArticles } from './content/articles-documents.js'
import { officeArticles } from './content/articles-office.js'
import { helpArticles } from './content/articles-help.js'
import type { SeedArticle } from './content/types.js'

export const seedArticles: SeedArticle[] = [...documentArticles, ...officeArticles, ...helpArticles]

/**
 * Instructional articles through the admin API (the seed's expert key has the admin role).
 * Existing slugs are updated rather than duplicated, so a version bump refreshes the content.
 */
export const articlesSeed: SeedModule = {
  name: 'articles',
  version: 1,
  async run(ctx: SeedContext) {
    const expert = asExpert(ctx)
    const existing = await call<{ items: Array<{ id: string; slug: string }> }>(ctx, 'GET', `/admin/v1/articles?appId=${DEMO_APP_ID}`, expert)
    const idBySlug = new Map(existing.items.map((a) => [a.slug, a.id]))
    let created = 0
    let updated = 0
    for (const article of seedArticles) {
      const id = idBySlug.get(article.slug)
      if (id) {
        await call(ctx, 'PATCH', `/admin/v1/articles/${id}`, expert, { ...article, published: true })
        updated++
      } else {
        await call(ctx, 'POST', '/admin/v1/articles', expert, { ...article, appId: DEMO_APP_ID, published: true })
        created++
      }
    }
    const categories = new Set(seedArticles.map((a) => a.category.id)).size
    return `${created} articles created, ${updated} updated, ${categories} categories`
  }
}
