import type { FastifyReply } from 'fastify'
import type { Readable } from 'node:stream'
import { contentDisposition } from '../domain/filename.js'

/**
 * Streams a stored file. Always a download (never rendered inline), with the type decided
 * at upload and sniffing disabled, so a file can never run as HTML/script in our origin.
 */
export function sendAttachment(
  reply: FastifyReply,
  file: { filename: string; contentType: string; length: number; unscanned?: boolean },
  stream: Readable
): FastifyReply {
  // Stored while the malware scanner was down (SCAN_FAILURE_MODE=accept) and not rescanned yet.
  if (file.unscanned) reply.header('x-ze-scan', 'pending')
  return reply
    .header('content-type', file.contentType)
    .header('content-length', String(file.length))
    .header('content-disposition', contentDisposition(file.filename))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(stream)
}
