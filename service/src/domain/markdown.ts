import MarkdownIt from 'markdown-it'
import sanitizeHtml from 'sanitize-html'
import { SLUG_PATTERN } from '@ze/contract'
import { AppError } from '../errors.js'

/**
 * Article Markdown → HTML that is safe to put into the widget's shadow root. Two layers:
 * markdown-it with raw HTML off (so `<script>` in the source stays text), then an
 * allow-list sanitiser that decides the final tags, attributes and URL schemes — the
 * renderer's own link checks are a convenience, the sanitiser is the guarantee.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false })

const SLUG = new RegExp(SLUG_PATTERN)
const ARTICLE_LINK = /^article:([^?#\s]+)$/i

// markdown-it refuses unknown-looking schemes only for javascript/vbscript/file/data; our
// `article:` links must pass through it to be rewritten below.
const defaultValidateLink = md.validateLink.bind(md)
md.validateLink = (url: string) => ARTICLE_LINK.test(url.trim()) || defaultValidateLink(url)

export interface RenderOptions {
  /** When not empty, article images may come only from these hosts (exact names). */
  imageHosts?: readonly string[]
}

const sanitizeOptions = ({ imageHosts = [] }: RenderOptions = {}): sanitizeHtml.IOptions => ({
  allowedTags: [
    'h2',
    'h3',
    'h4',
    'p',
    'br',
    'hr',
    'strong',
    'em',
    's',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td'
  ],
  allowedAttributes: {
    a: ['href', 'title', 'data-article', 'rel', 'target'],
    img: ['src', 'alt', 'title', 'referrerpolicy'],
    ol: ['start']
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  // The article carries its own title; headings inside start one level lower.
  transformTags: {
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    a: (tagName, attribs) => ({ tagName, attribs: rewriteLink(attribs) }),
    img: (tagName, attribs) => ({ tagName, attribs: checkImage(attribs, imageHosts) })
  },
  // An image whose source was refused is dropped rather than left as a broken <img>.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math']
})

const SANITIZE = sanitizeOptions()

function rewriteLink(attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  const href = (attribs.href ?? '').trim()
  const article = ARTICLE_LINK.exec(href)
  if (article) {
    const slug = decodeSlug(article[1]!)
    if (!SLUG.test(slug)) return { title: attribs.title ?? '' }
    // Links between articles open inside the widget, which reads data-article.
    return { ...(attribs.title ? { title: attribs.title } : {}), href: `#article/${slug}`, 'data-article': slug }
  }
  const out: sanitizeHtml.Attributes = attribs.title ? { title: attribs.title } : {}
  // Only absolute web and mail links: relative or odd URLs mean nothing inside the widget,
  // and refusing them removes whole classes of scheme tricks ("jav%09ascript:").
  if (/^https?:\/\/[^\s]+$/i.test(href)) return { ...out, href, target: '_blank', rel: 'noopener noreferrer nofollow' }
  if (/^mailto:[^\s:]+$/i.test(href)) return { ...out, href }
  return out
}

/** The slug an `article:` link names; a link that is not valid percent-encoding is the author's error (400), not ours. */
function decodeSlug(encoded: string): string {
  try {
    return decodeURIComponent(encoded).toLowerCase()
  } catch {
    const message = `article link "article:${encoded.slice(0, 80)}" is not valid percent-encoding`
    throw new AppError('VALIDATION_FAILED', `The body has an ${message}`, { errors: [{ path: 'body/body', message }] })
  }
}

/**
 * Images are fetched by every reader's browser: https only (no mixed content, no plain-text
 * tracking), no Referer (the host app's URLs can name clients), and, when configured, only
 * from the hosts the operator lists, so an article cannot carry a third party's pixel.
 */
function checkImage(attribs: sanitizeHtml.Attributes, imageHosts: readonly string[]): sanitizeHtml.Attributes {
  const src = (attribs.src ?? '').trim()
  const { alt, title } = attribs
  const out = { ...(alt ? { alt } : {}), ...(title ? { title } : {}) }
  if (!/^https:\/\/[^\s]+$/i.test(src)) return out
  let url: URL
  try {
    url = new URL(src)
  } catch {
    return out
  }
  if (url.username || url.password) return out
  if (imageHosts.length > 0 && !imageHosts.includes(url.hostname)) return out
  return { ...out, src, referrerpolicy: 'no-referrer' }
}

export function renderMarkdown(source: string, options?: RenderOptions): string {
  return sanitizeHtml(md.render(source), options?.imageHosts?.length ? sanitizeOptions(options) : SANITIZE)
}

/** Sanitises HTML from anywhere (used by the tests to prove the allow-list on raw payloads). */
export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE)
}

/** The readable text of a Markdown document (no markup, entities decoded), for excerpts and search. */
export function markdownToText(source: string): string {
  const parts: string[] = []
  for (const block of md.parse(source, {})) {
    if (block.type === 'inline') {
      for (const child of block.children ?? []) {
        if (child.type === 'text' || child.type === 'code_inline') parts.push(child.content)
        else if (child.type === 'softbreak' || child.type === 'hardbreak') parts.push(' ')
        else if (child.type === 'image') parts.push(child.content)
      }
      parts.push('\n')
    } else if (block.type === 'fence' || block.type === 'code_block') {
      parts.push(block.content, '\n')
    }
  }
  return parts
    .join('')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{2,}/g, '\n')
    .trim()
}

/** The first sentences of a text, cut on a word boundary. */
export function excerpt(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`
}
