export type Piece = string | { href: string; text: string }

// Only http(s) and www. addresses become links: no javascript:, data: or other schemes can
// come out of this, whatever a message contains.
const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi
// Punctuation that ends a sentence rather than the address: "zobacz https://x.pl/a."
const TRAILING = /[.,;:!?'")\]]+$/

/** Splits plain text into text and link pieces; the text is never parsed as HTML. */
export function linkify(text: string): Piece[] {
  const out: Piece[] = []
  let last = 0
  for (const m of text.matchAll(URL_RE)) {
    let url = m[0]
    const trail = TRAILING.exec(url)
    // A closing parenthesis belongs to the address when it also opened one inside it (Wikipedia-style).
    if (trail && !(trail[0] === ')' && url.includes('('))) url = url.slice(0, -trail[0].length)
    if (!url.includes('.')) continue
    const start = m.index
    if (start > last) out.push(text.slice(last, start))
    const href = /^www\./i.test(url) ? `https://${url}` : url
    out.push({ href, text: url })
    last = start + url.length
  }
  if (last < text.length) out.push(text.slice(last))
  return out
}
