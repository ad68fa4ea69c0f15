import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { renderMarkdown } from '../../src/domain/markdown.js'
import { loadConfig } from '../../src/config.js'
import { buildTestApp } from '../helpers/app.js'
import { createArticle, expertHeaders } from '../helpers/content.js'

// Issue 16 finding 6: article images loaded from anywhere (tracking pixels, mixed content).
describe('article images', () => {
  it('keep https sources only, and never send a Referer', () => {
    const html = renderMarkdown('![a](https://cdn.example/a.png) ![b](http://tracker.example/pixel.gif)')
    expect(html).toContain('<img alt="a" src="https://cdn.example/a.png" referrerpolicy="no-referrer" />')
    expect(html).not.toContain('tracker.example')
    expect(html).not.toContain('alt="b"')
  })

  it('with an allow-list, keep only images from the listed hosts', () => {
    const source =
      '![a](https://cdn.mojebiuro24.pl/a.png) ![b](https://evil.example/b.png) ![c](https://cdn.mojebiuro24.pl.evil.example/c.png) ![d](https://user@evil.example/d.png)'
    const html = renderMarkdown(source, { imageHosts: ['cdn.mojebiuro24.pl'] })
    expect(html).toContain('src="https://cdn.mojebiuro24.pl/a.png"')
    for (const bad of ['evil.example', 'alt="b"', 'alt="c"', 'alt="d"']) expect(html).not.toContain(bad)
  })

  it('reads the allow-list from ARTICLE_IMAGE_HOSTS', () => {
    expect(loadConfig({ MONGODB_URI: 'mongodb://x', ARTICLE_IMAGE_HOSTS: 'cdn.mojebiuro24.pl, img.example' }).articleImageHosts).toEqual([
      'cdn.mojebiuro24.pl',
      'img.example'
    ])
    expect(loadConfig({ MONGODB_URI: 'mongodb://x' }).articleImageHosts).toEqual([])
  })
})

describe('articles saved through the API', () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestApp({ articleImageHosts: ['cdn.mojebiuro24.pl'] })
  })
  afterAll(() => app.close())

  it('are rendered with the configured allow-list', async () => {
    const { headers } = await expertHeaders(app, true)
    const article = await createArticle(app, headers, {
      slug: 'obrazki',
      title: 'Obrazki',
      body: '![ok](https://cdn.mojebiuro24.pl/ok.png)\n\n![px](https://tracker.example/px.gif)'
    })
    expect(article.html).toContain('src="https://cdn.mojebiuro24.pl/ok.png" referrerpolicy="no-referrer"')
    expect(article.html).not.toContain('tracker.example')
  })
})
