import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { renderMarkdown, sanitizeArticleHtml } from '../../src/domain/markdown.js'
import { buildTestApp } from '../helpers/app.js'
import { createArticle, expertHeaders, userHeaders } from '../helpers/content.js'

/** Payloads written as article Markdown (raw HTML inside Markdown, and Markdown links/images). */
const markdownPayloads = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<style>body{background:url(javascript:alert(1))}</style>',
  '<details open ontoggle=alert(1)>',
  '[klik](javascript:alert(1))',
  '[klik](JaVaScRiPt:alert(1))',
  '[klik](jav&#x09;ascript:alert(1))',
  '[klik](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))',
  '[klik](javascript&colon;alert(1))',
  '[klik](  javascript:alert(1))',
  '[klik](vbscript:msgbox(1))',
  '[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '![x](javascript:alert(1))',
  '![x" onerror="alert(1)](https://example.com/a.png)',
  '[x](https://example.com/" onmouseover="alert(1))',
  '<javascript:alert(1)>',
  '[x](article:"><script>alert(1)</script>)',
  '[x](file:///etc/passwd)',
  '[x](//evil.example/a)'
]

/** Payloads given as HTML straight to the sanitiser: the allow-list must hold on its own. */
const htmlPayloads = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<img src="javascript:alert(1)">',
  '<img src="data:image/png;base64,AAAA">',
  '<svg><script>alert(1)</script></svg>',
  '<svg onload=alert(1)></svg>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href="java\nscript:alert(1)">x</a>',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="javascript&colon;alert(1)">x</a>',
  '<p onclick="alert(1)" style="color:red">x</p>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<a href="article:x&quot;onclick=alert(1)">x</a>'
]

const ALLOWED_TAGS = new Set([
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
])
const ALLOWED_ATTRIBUTES = new Set(['href', 'title', 'data-article', 'rel', 'target', 'src', 'alt', 'start', 'referrerpolicy'])
const SAFE_URL = /^(https?:\/\/|mailto:|#article\/[a-z0-9-]+$)/i

/**
 * Reads the real tags of the output (text is escaped, so every literal "<" opens a tag) and
 * checks each tag, attribute and URL against the allow-list.
 */
function assertSafe(html: string): void {
  for (const [, close, name, attrs] of html.matchAll(/<(\/?)([a-zA-Z0-9-]+)([^>]*)>/g)) {
    expect(ALLOWED_TAGS.has(name!.toLowerCase()), `tag <${name}> in ${html}`).toBe(true)
    if (close) continue
    const rest = attrs!.replace(/\s*\/$/, '')
    const pairs = [...rest.matchAll(/\s+([^\s=]+)(?:="([^"]*)")?/g)]
    // Everything between the tag name and ">" must be well-formed name="value" pairs.
    expect(pairs.map((p) => p[0]).join(''), `attributes of <${name}> in ${html}`).toBe(rest)
    for (const [, attr, value] of pairs) {
      expect(ALLOWED_ATTRIBUTES.has(attr!.toLowerCase()), `attribute ${attr} in ${html}`).toBe(true)
      if (attr === 'href' || attr === 'src') expect(value, `URL in ${html}`).toMatch(SAFE_URL)
    }
  }
}

describe('Markdown rendering and sanitising', () => {
  it.each(markdownPayloads)('Markdown payload %s leaves no executable HTML', (payload) => {
    assertSafe(renderMarkdown(`Tekst ${payload} dalej\n\n${payload}`))
  })

  it.each(htmlPayloads)('HTML payload %s is neutralised by the allow-list', (payload) => {
    assertSafe(sanitizeArticleHtml(payload))
  })

  it('the checker itself catches unsafe HTML (so the tests above prove something)', () => {
    for (const unsafe of [
      '<img src=x onerror=alert(1)>',
      '<a href="javascript:alert(1)">x</a>',
      '<script>alert(1)</script>',
      '<p style="x">y</p>',
      '<img src="data:image/png;base64,AA">'
    ]) {
      expect(() => assertSafe(unsafe)).toThrow()
    }
  })

  it('shows raw HTML in Markdown as text', () => {
    expect(renderMarkdown('<script>alert(1)</script>')).toContain('&lt;script&gt;')
  })

  it('keeps the formatting an article needs', () => {
    const html = renderMarkdown(
      '# Tytuł\n\n**Pogrubienie**, *kursywa*, `kod`\n\n- jeden\n- dwa\n\n1. a\n\n> cytat\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n![Zrzut](https://example.com/a.png)'
    )
    expect(html).toContain('<h2>Tytuł</h2>')
    for (const tag of ['<strong>', '<em>', '<code>', '<ul>', '<ol>', '<blockquote>', '<table>', '<img']) expect(html).toContain(tag)
    expect(html).toContain('src="https://example.com/a.png"')
  })

  it('rewrites links between articles for the widget', () => {
    expect(renderMarkdown('[Zobacz](article:faktura-korygujaca)')).toContain(
      '<a href="#article/faktura-korygujaca" data-article="faktura-korygujaca">Zobacz</a>'
    )
  })

  it('opens web links in a new tab without opener, keeps mailto', () => {
    expect(renderMarkdown('[strona](https://www.podatki.gov.pl)')).toContain(
      '<a href="https://www.podatki.gov.pl" target="_blank" rel="noopener noreferrer nofollow">'
    )
    expect(renderMarkdown('[pomoc](mailto:pomoc@mojebiuro24.pl)')).toContain('href="mailto:pomoc@mojebiuro24.pl"')
  })
})

describe('articles store sanitised HTML', () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestApp()
  })
  afterAll(() => app.close())

  it('every payload, saved through the admin API, is safe when an end user reads it', async () => {
    const { headers } = await expertHeaders(app)
    await createArticle(app, headers, { slug: 'xss', title: '<script>alert(1)</script> Tytuł', body: markdownPayloads.join('\n\n') })
    const res = await app.inject({ method: 'GET', url: '/api/v1/articles/xss', headers: await userHeaders('client') })
    expect(res.statusCode).toBe(200)
    assertSafe(res.json().html)
    // The title is plain text in JSON; the widget renders it as text.
    expect(res.json().title).toBe('<script>alert(1)</script> Tytuł')
  })
})
