import { describe, expect, it } from 'vitest'
import { seedArticles } from '../src/seed/articles.js'
import { seedThreads } from '../src/seed/content/forum-threads.js'

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

describe('seed content', () => {
  it('has about twenty articles with unique, valid slugs in several categories', () => {
    expect(seedArticles.length).toBeGreaterThanOrEqual(20)
    const slugs = seedArticles.map((a) => a.slug)
    expect(new Set(slugs).size).toBe(slugs.length)
    for (const slug of slugs) expect(slug).toMatch(SLUG)
    expect(new Set(seedArticles.map((a) => a.category.id)).size).toBeGreaterThanOrEqual(6)
  })

  it('links only to articles that exist', () => {
    const slugs = new Set(seedArticles.map((a) => a.slug))
    for (const article of seedArticles) {
      for (const [, target] of article.body.matchAll(/\]\(article:([^)]+)\)/g))
        expect({ from: article.slug, target, exists: slugs.has(target!) }).toMatchObject({ exists: true })
    }
  })

  it('has the article the ask form must suggest for "jak załączyć plik"', () => {
    expect(seedArticles.find((a) => a.slug === 'jak-zalaczyc-plik-do-sprawy')?.body).toContain('Załącz pliki')
  })

  it('has about fifteen threads, several solved, some answered by experts', () => {
    expect(seedThreads.length).toBeGreaterThanOrEqual(15)
    expect(seedThreads.filter((t) => t.accepted !== undefined).length).toBeGreaterThanOrEqual(5)
    expect(seedThreads.some((t) => t.replies.some((r) => r.author === 'expert'))).toBe(true)
    for (const t of seedThreads) if (t.accepted !== undefined) expect(t.replies[t.accepted]).toBeDefined()
  })

  it('keeps every author within the default posting limit (5 a minute), so seeding never waits', () => {
    const posts = new Map<string, number>()
    const count = (who: string) => posts.set(who, (posts.get(who) ?? 0) + 1)
    // chief-office and chief-client are the same person (same user id).
    const id = (a: (typeof seedThreads)[number]['replies'][number]['author']) =>
      a === 'expert' ? 'expert' : 'persona' in a ? a.persona.replace('chief-client', 'chief-office') : a.member
    for (const t of seedThreads) {
      count(id(t.author))
      for (const r of t.replies) count(id(r.author))
    }
    for (const [who, n] of posts) expect(n, who).toBeLessThanOrEqual(5)
  })
})
