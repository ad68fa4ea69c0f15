/** A web address, or a link to an article of the help centre (opened inside the panel). */
export type Piece = string | { href: string; text: string } | { article: string; text: string }

// Only http(s) and www. addresses become links: no javascript:, data: or other schemes can
// come out of this, whatever a message contains. `[title](article:slug)` is how an expert
// links an article (the console inserts it; article bodies use the same form); only a slug
// — lower-case letters, digits and hyphens — can come out of it.
const LINK_RE = /\[([^\]\n]{1,200})\]\(article:([a-z0-9][a-z0-9-]{0,119})\)|\b(?:https?:\/\/|www\.)[^\s<>"]+/gi
// Punctuation that ends a sentence rather than the address: "zobacz https://x.pl/a."
const TRAILING = /[.,;:!?'")\]]+$/

/** Splits plain text into text and link pieces; the text is never parsed as HTML. */
export function linkify(text: string): Piece[] {
  const out: Piece[] = []
  let last = 0
  for (const m of text.matchAll(LINK_RE)) {
    const start = m.index
    if (m[1] !== undefined && m[2] !== undefined) {
      if (m[2] !== m[2].toLowerCase()) continue
      if (start > last) out.push(text.slice(last, start))
      out.push({ article: m[2], text: m[1] })
      last = start + m[0].length
      continue
    }
    let url = m[0]
    const trail = TRAILING.exec(url)
    // A closing parenthesis belongs to the address when it also opened one inside it (Wikipedia-style).
    if (trail && !(trail[0] === ')' && url.includes('('))) url = url.slice(0, -trail[0].length)
    if (!url.includes('.')) continue
    if (start > last) out.push(text.slice(last, start))
    const href = /^www\./i.test(url) ? `https://${url}` : url
    out.push({ href, text: url })
    last = start + url.length
  }
  if (last < text.length) out.push(text.slice(last))
  return out
}
