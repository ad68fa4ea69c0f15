import fp from 'fastify-plugin'
import multipart from '@fastify/multipart'

export default fp(
  async function multipartPlugin(fastify) {
    const { uploadMaxFileBytes, uploadMaxFiles } = fastify.config
    await fastify.register(multipart, {
      limits: {
        fileSize: uploadMaxFileBytes,
        files: uploadMaxFiles,
        fields: 20,
        fieldSize: 64 * 1024,
        parts: uploadMaxFiles + 20,
        headerPairs: 200
      }
    })
  },
  { name: 'multipart', dependencies: ['config'] }
)
