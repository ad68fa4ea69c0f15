import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { readFile, stat } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { basename, extname, join } from 'node:path'
import { AppError } from '../errors.js'

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8'
}

/**
 * Serves the built widget: `/widget.js` (a stable URL, revalidated through its ETag) and
 * `/widget-assets/*` (content-hashed names, cached for a year).
 */
const widget: FastifyPluginAsync = async (fastify) => {
  const dir = fastify.config.widgetDistDir
  // A cache of file bytes and their ETags, checked against the file's mtime so a rebuilt
  // widget is served at once (the loader names the new core; a stale loader would not).
  const cache = new Map<string, { body: Buffer; etag: string; mtimeMs: number }>()

  async function load(relative: string): Promise<{ body: Buffer; etag: string }> {
    const path = join(dir, relative)
    let mtimeMs: number
    try {
      mtimeMs = (await stat(path)).mtimeMs
    } catch {
      throw new AppError('NOT_FOUND', relative === 'widget.js' ? 'The widget has not been built; run `npm run build`' : 'No such widget file')
    }
    const hit = cache.get(relative)
    if (hit && hit.mtimeMs === mtimeMs) return hit
    const body = await readFile(path)
    const entry = { body, mtimeMs, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` }
    cache.set(relative, entry)
    return entry
  }

  const send = async (relative: string, maxAge: string, request: FastifyRequest, reply: FastifyReply) => {
    const file = await load(relative)
    reply
      .header('cache-control', maxAge)
      .header('etag', file.etag)
      .type(TYPES[extname(relative)] ?? 'application/octet-stream')
    if (request.headers['if-none-match'] === file.etag) return reply.code(304).send()
    return reply.send(file.body)
  }

  fastify.get('/widget.js', { schema: { hide: true } }, (request, reply) => send('widget.js', 'public, max-age=300', request, reply))
  fastify.get<{ Params: { file: string } }>('/widget-assets/:file', { schema: { hide: true } }, (request, reply) => {
    const file = basename(request.params.file)
    if (file !== request.params.file || !/^[\w.-]+$/.test(file)) throw new AppError('NOT_FOUND', 'No such widget file')
    return send(`widget-assets/${file}`, 'public, max-age=31536000, immutable', request, reply)
  })
}

export default widget
