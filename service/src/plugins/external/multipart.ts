import fp from 'fastify-plugin'
import multipart from '@fastify/multipart'
import type { Config } from '../../config.js'

// busboy's default limit on one part's headers.
const PART_HEADER_BYTES = 80 * 1024

export function multipartLimits({ uploadMaxFileBytes, uploadMaxFiles }: Pick<Config, 'uploadMaxFileBytes' | 'uploadMaxFiles'>) {
  return { fileSize: uploadMaxFileBytes, files: uploadMaxFiles, fields: 20, fieldSize: 64 * 1024, parts: uploadMaxFiles + 20, headerPairs: 200 }
}

/** The most bytes of a multipart body that can be anything but file content (fields, part headers, boundaries). */
export function multipartNonFileBytes(config: Pick<Config, 'uploadMaxFileBytes' | 'uploadMaxFiles'>): number {
  const limits = multipartLimits(config)
  return limits.fields * limits.fieldSize + limits.parts * (PART_HEADER_BYTES + 256)
}

export default fp(
  async function multipartPlugin(fastify) {
    await fastify.register(multipart, { limits: multipartLimits(fastify.config) })
  },
  { name: 'multipart', dependencies: ['config'] }
)
