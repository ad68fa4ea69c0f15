import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { AppError } from '../errors.js'
import { problemResponses, UnsubscribeQuery } from '@ze/contract'

const page = (title: string, body: string): string =>
  `<!doctype html><html lang="pl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head>` +
  `<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem">${body}</body></html>`

/**
 * /unsubscribe?token=… — the link in every notification e-mail. GET only shows a button
 * (link scanners must not unsubscribe anyone); POST records it, and is also the RFC 8058
 * one-click target named by `List-Unsubscribe` + `List-Unsubscribe-Post` (mail clients POST
 * `List-Unsubscribe=One-Click` as a form). The token is the only credential.
 */
const unsubscribe: FastifyPluginAsyncTypebox = async (fastify) => {
  // Encapsulated: only this route accepts form bodies; their content is not needed.
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, _body, done) => done(null, {}))
  const schema = (summary: string) => ({
    tags: ['notifications'],
    summary,
    querystring: UnsubscribeQuery,
    produces: ['text/html'],
    response: { 200: Type.String({ description: 'an HTML page' }), ...problemResponses }
  })

  fastify.get('/unsubscribe', { schema: schema('The unsubscribe page of a notification e-mail (asks for confirmation)') }, async (request, reply) => {
    if (!(await fastify.notifications.recipients.isKnownToken(request.query.token))) throw new AppError('UNSUBSCRIBE_LINK_INVALID')
    const action = `/unsubscribe?token=${encodeURIComponent(request.query.token)}`
    return reply
      .type('text/html; charset=utf-8')
      .send(
        page(
          'Wypisz się',
          `<h1>Powiadomienia e-mail</h1><p>Czy na pewno nie chcesz dostawać więcej powiadomień Zapytaj Eksperta na ten adres?</p>` +
            `<form method="post" action="${action}"><button type="submit">Wypisz mnie / Unsubscribe</button></form>`
        )
      )
  })

  fastify.post(
    '/unsubscribe',
    { schema: { ...schema('Unsubscribe (RFC 8058 one-click target)'), body: Type.Optional(Type.Unknown()) } },
    async (request, reply) => {
      if (!(await fastify.notifications.recipients.unsubscribe(request.query.token))) throw new AppError('UNSUBSCRIBE_LINK_INVALID')
      return reply
        .type('text/html; charset=utf-8')
        .send(page('Wypisano', '<h1>Wypisano</h1><p>Nie będziemy już wysyłać powiadomień na ten adres. / You will get no more notification e-mails.</p>'))
    }
  )
}

export default unsubscribe
