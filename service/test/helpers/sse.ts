import type { FastifyInstance, InjectOptions } from 'fastify'

export interface SseFrame {
  event: string
  id: number | null
  data: any
}

export interface SseStream {
  status: number
  frames: SseFrame[]
  comments: string[]
  /** Resolves when the server ends the stream. */
  ended: Promise<void>
  /** Waits until a frame matches (polling the frames received so far, never sampling once). */
  waitFor(match: (f: SseFrame) => boolean, timeoutMs?: number): Promise<SseFrame>
  close(): void
}

/** A server-sent events client over fetch, as the widget reads the stream (headers, Last-Event-ID). */
export async function openStream(url: string, headers: Record<string, string>): Promise<SseStream> {
  const controller = new AbortController()
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal })
  const frames: SseFrame[] = []
  const comments: string[] = []
  const waiters = new Set<() => void>()
  const notify = () => {
    for (const w of [...waiters]) w()
  }
  let buffer = ''
  const ended = (async () => {
    if (!res.body) return
    const decoder = new TextDecoder()
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true })
        let cut: number
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut)
          buffer = buffer.slice(cut + 2)
          let event = 'message'
          let id: number | null = null
          const data: string[] = []
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim())
            else if (line.startsWith('event: ')) event = line.slice(7)
            else if (line.startsWith('id: ')) id = Number(line.slice(4))
            else if (line.startsWith('data: ')) data.push(line.slice(6))
          }
          if (data.length > 0) frames.push({ event, id, data: JSON.parse(data.join('\n')) })
        }
        notify()
      }
    } catch {
      // Aborted by close().
    }
    notify()
  })()
  let done = false
  void ended.then(() => {
    done = true
    notify()
  })
  return {
    status: res.status,
    frames,
    comments,
    ended,
    waitFor(match, timeoutMs = 8000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = frames.find(match)
          if (found) {
            waiters.delete(check)
            clearTimeout(timer)
            resolve(found)
          } else if (done) {
            waiters.delete(check)
            clearTimeout(timer)
            reject(new Error(`stream ended without a matching frame; got ${JSON.stringify(frames)}`))
          }
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(frames)}`))
        }, timeoutMs)
        waiters.add(check)
        check()
      })
    },
    close() {
      controller.abort()
    }
  }
}

/**
 * `app.inject` for a request that may open an event stream: an event stream never ends, so on
 * `text/event-stream` it hangs up after the head; any other answer is read whole.
 */
export async function injectHangingUpOnStream(
  app: FastifyInstance,
  opts: InjectOptions
): Promise<{ statusCode: number; headers: Record<string, unknown>; body: string; json(): unknown }> {
  const res = await app.inject({ ...opts, payloadAsStream: true })
  const stream = res.stream()
  if (String(res.headers['content-type'] ?? '').startsWith('text/event-stream')) {
    stream.destroy()
    return { statusCode: res.statusCode, headers: res.headers, body: '', json: () => ({}) }
  }
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer))
  const body = Buffer.concat(chunks).toString()
  return { statusCode: res.statusCode, headers: res.headers, body, json: () => JSON.parse(body) as unknown }
}
