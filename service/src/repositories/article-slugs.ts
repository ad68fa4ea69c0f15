import type { Models } from '../models/index.js'
import { fold } from '../search/normalize.js'

/** How many earlier slugs an article keeps answering to (renames beyond that are rare edits). */
export const MAX_PREVIOUS_SLUGS = 20

/**
 * The published article a slug names: its current slug first, else an article that had this
 * slug before (newest edit first), so links made before a rename keep working. A slug taken
 * over by another article belongs to that article from then on.
 */
export async function findPublishedBySlug<T>(Article: Models['Article'], appId: string, slug: string, projection: Record<string, 0 | 1>): Promise<T | null> {
  const current = (await Article.findOne({ appId, slug, published: true }, projection).lean()) as T | null
  if (current) return current
  return (await Article.findOne({ appId, previousSlugs: slug, published: true }, projection).sort({ updatedAt: -1 }).lean()) as T | null
}

/** The earlier slugs after a rename from `from` to `to` (a slug taken back leaves the list). */
export function previousSlugsAfterRename(previous: readonly string[], from: string, to: string): string[] {
  const next = [...previous.filter((s) => s !== from && s !== to), from]
  return next.slice(-MAX_PREVIOUS_SLUGS)
}

/** A slug made of a title: "Jak załączyć plik?" → "jak-zalaczyc-plik" (at most 80 characters, whole words). */
export function slugFromTitle(title: string): string {
  const words = fold(title)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
  let slug = ''
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w
    if (next.length > 80) break
    slug = next
  }
  return slug || 'artykul'
}
