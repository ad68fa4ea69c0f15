import { connect, type Socket } from 'node:net'
import { once } from 'node:events'

/**
 * A client for clamd's documented protocol (`man clamd`, "COMMANDS"): `zPING`, and
 * `zINSTREAM` — the file is sent as chunks, each prefixed with its length as a 4-byte
 * big-endian integer, ended by a zero-length chunk; clamd answers `stream: OK` or
 * `stream: <signature> FOUND`, terminated by NUL (the `z` prefix). Written here rather than
 * taken from npm: the protocol is a page long, and the clients on npm either shell out to
 * binaries (clamscan) or are unmaintained (clamdjs); this one streams with backpressure and
 * never buffers a file.
 */

export interface ClamdAddress {
  host: string
  port: number
}

export type ScanVerdict = { infected: false } | { infected: true; signature: string }

/** clamd could not be reached, broke off, or answered something other than a verdict. */
export class ScannerError extends Error {
  override readonly name = 'ScannerError'
}

/** `tcp://host:port` (the only form; clamd's local socket is not reachable across hosts). */
export function parseClamdUrl(url: string): ClamdAddress {
  const match = /^tcp:\/\/(\[[0-9a-f:]+\]|[^:/\s]+):(\d{1,5})\/?$/i.exec(url)
  const port = Number(match?.[2])
  if (!match || port < 1 || port > 65535) throw new Error(`not a clamd address (tcp://host:port): ${url}`)
  return { host: match[1]!.replace(/^\[|\]$/g, ''), port }
}

const MAX_REPLY = 4096

/** Opens a connection and collects clamd's one reply (NUL-terminated) until it closes the connection. */
function request(address: ClamdAddress, timeoutMs: number): { socket: Socket; reply: Promise<string> } {
  const socket = connect({ host: address.host, port: address.port })
  socket.setNoDelay(true)
  // An idle connection (clamd hung, or a scan that never answers) is given up after the timeout.
  socket.setTimeout(timeoutMs, () => socket.destroy(new ScannerError(`clamd at ${address.host}:${address.port} did not answer within ${timeoutMs} ms`)))
  const reply = new Promise<string>((resolve, reject) => {
    let text = ''
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8')
      if (text.length > MAX_REPLY) socket.destroy(new ScannerError('clamd answered more than expected'))
    })
    socket.on('error', (err) => reject(err instanceof ScannerError ? err : new ScannerError(`clamd at ${address.host}:${address.port}: ${err.message}`)))
    socket.on('close', () => (text ? resolve(text.replace(/\0+$/, '').trim()) : reject(new ScannerError('clamd closed the connection without an answer'))))
  })
  // The caller may never await the reply when a write failed first: no unhandled rejection.
  reply.catch(() => {})
  return { socket, reply }
}

/** True when clamd answers PONG. */
export async function pingClamd(address: ClamdAddress, timeoutMs = 2000): Promise<boolean> {
  const { socket, reply } = request(address, timeoutMs)
  socket.end('zPING\0')
  return (await reply.catch(() => '')) === 'PONG'
}

/** The same PING by URL, for the launchers that start a clamd and wait until it answers. */
export const clamdAnswers = (url: string, timeoutMs = 1000): Promise<boolean> => pingClamd(parseClamdUrl(url), timeoutMs)

export interface ScanStream {
  /** Sends one piece of the file; resolves when the socket can take more (backpressure). */
  write(chunk: Buffer): Promise<void>
  /** Ends the stream and waits for the verdict. */
  verdict(): Promise<ScanVerdict>
  /** Drops the connection (the upload failed for another reason). */
  abort(): void
}

/** One INSTREAM scan; bytes are framed and passed on as they arrive. */
export function openScanStream(address: ClamdAddress, timeoutMs: number): ScanStream {
  const { socket, reply } = request(address, timeoutMs)
  let failure: Error | null = null
  socket.on('error', (err) => (failure ??= err))
  const send = async (...pieces: Buffer[]): Promise<void> => {
    if (failure) throw failure
    if (socket.destroyed) throw new ScannerError('clamd closed the connection early')
    let flushed = true
    for (const piece of pieces) flushed = socket.write(piece)
    if (!flushed) await Promise.race([once(socket, 'drain'), reply.then(() => Promise.reject(new ScannerError('clamd closed the connection early')))])
  }
  socket.write('zINSTREAM\0')
  return {
    async write(chunk) {
      if (chunk.length === 0) return
      const length = Buffer.alloc(4)
      length.writeUInt32BE(chunk.length)
      await send(length, chunk)
    },
    async verdict() {
      await send(Buffer.alloc(4))
      const answer = await reply
      if (answer === 'stream: OK') return { infected: false }
      const found = /^stream: (.+) FOUND$/.exec(answer)
      if (found) return { infected: true, signature: found[1]! }
      // e.g. "INSTREAM size limit exceeded. ERROR" when the file is over clamd's StreamMaxLength.
      throw new ScannerError(`clamd could not scan the file: ${answer.slice(0, 200)}`)
    },
    abort() {
      socket.destroy()
    }
  }
}
