import fp from 'fastify-plugin'
import type { FastifyRequest } from 'fastify'
import { Ajv } from 'ajv'
import { decodeProtectedHeader, errors as joseErrors, jwtVerify, decodeJwt } from 'jose'
import { AppError } from '../../errors.js'
import { IdentityClaims } from '@ze/contract'
import { identityFromClaims, type Identity, type Tenant } from '../../domain/identity.js'

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The verified end user. Under /api the subtree's hook verifies the token before any
     * handler runs, so it is always there; read anywhere else it answers 401 TOKEN_MISSING
     * rather than handing out a null to be forgotten.
     */
    readonly identity: Identity
    /** The caller's tenant (`identity.tenant`), the filter every end-user repository call takes. */
    readonly tenant: Tenant
    /** The verified end user or null, for code that serves every caller (rate-limit keys, the audit actor). */
    verifiedIdentity: Identity | null
  }
  interface FastifyInstance {
    /** Verifies the bearer identity token; throws AppError with a TOKEN_* code. */
    authenticateUser(request: FastifyRequest): Promise<Identity>
  }
}

const validateClaims = new Ajv({ allErrors: false }).compile<IdentityClaims>(IdentityClaims)
const encoder = new TextEncoder()

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization
  if (!header) return null
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  return match?.[1] ?? null
}

/**
 * Host-signed identity tokens (README "Identity"). Only HS256 with the secret of the app named
 * in `aud` is accepted; the library checks the signature and time claims, we add the
 * lifetime cap and the shape of our own claims.
 */
export default fp(
  async function identityPlugin(fastify) {
    const { tokenMaxLifetimeSeconds, tokenClockToleranceSeconds } = fastify.config
    fastify.decorateRequest('verifiedIdentity', null)
    fastify.decorateRequest('identity', {
      getter(this: FastifyRequest): Identity {
        if (!this.verifiedIdentity) throw new AppError('TOKEN_MISSING', 'Send the identity token as "Authorization: Bearer <token>"')
        return this.verifiedIdentity
      }
    })
    fastify.decorateRequest('tenant', {
      getter(this: FastifyRequest): Tenant {
        return this.identity.tenant
      }
    })

    fastify.decorate('authenticateUser', async (request: FastifyRequest): Promise<Identity> => {
      const token = bearerToken(request)
      if (!token) throw new AppError('TOKEN_MISSING', 'Send the identity token as "Authorization: Bearer <token>"')
      if (token.length > 8192) throw new AppError('TOKEN_MALFORMED', 'The token is too long')

      let alg: string | undefined
      let audience: unknown
      try {
        alg = decodeProtectedHeader(token).alg
        audience = decodeJwt(token).aud
      } catch {
        throw new AppError('TOKEN_MALFORMED', 'The token is not a well-formed JWS compact serialisation')
      }
      if (alg !== 'HS256') throw new AppError('TOKEN_ALGORITHM_NOT_ALLOWED', `Algorithm ${JSON.stringify(alg ?? null)} is not accepted; use HS256`)
      if (typeof audience !== 'string') throw new AppError('TOKEN_AUDIENCE_INVALID', 'The "aud" claim must be the app id (a single string)')
      const app = await fastify.apps.findById(audience)
      if (!app) throw new AppError('TOKEN_AUDIENCE_INVALID', 'The "aud" claim does not name a known app')

      let payload: unknown
      try {
        const verified = await jwtVerify(token, encoder.encode(app.secret), {
          algorithms: ['HS256'],
          audience: app.id,
          requiredClaims: ['exp', 'iat', 'sub'],
          clockTolerance: tokenClockToleranceSeconds
        })
        payload = verified.payload
      } catch (err) {
        throw mapJoseError(err)
      }

      if (!validateClaims(payload)) {
        const first = validateClaims.errors?.[0]
        throw new AppError('TOKEN_CLAIMS_INVALID', `Claim ${first?.instancePath || first?.params?.missingProperty || '?'} ${first?.message ?? 'is invalid'}`)
      }
      if (payload.exp - payload.iat > tokenMaxLifetimeSeconds) {
        throw new AppError('TOKEN_LIFETIME_TOO_LONG', `Tokens may live at most ${tokenMaxLifetimeSeconds} s (exp - iat)`)
      }
      if (payload.iat > Date.now() / 1000 + tokenClockToleranceSeconds) {
        throw new AppError('TOKEN_NOT_YET_VALID', 'The "iat" claim is in the future')
      }
      // A browser on another app's page could send this token (leaked, or the user signed in
      // to both): CORS would only hide the answer, so the request must not run at all.
      const origin = request.headers.origin
      if (origin !== undefined && !app.allowedOrigins.includes(origin)) {
        throw new AppError('ORIGIN_NOT_ALLOWED', `Origin ${JSON.stringify(origin.slice(0, 200))} is not one of the app's allowed origins`)
      }
      const identity = identityFromClaims(payload)
      request.verifiedIdentity = identity
      return identity
    })
  },
  { name: 'identity', dependencies: ['repositories'] }
)

function mapJoseError(err: unknown): AppError {
  if (err instanceof joseErrors.JWTExpired) return new AppError('TOKEN_EXPIRED', 'The token has expired; ask the host for a new one')
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return new AppError('TOKEN_SIGNATURE_INVALID')
  if (err instanceof joseErrors.JOSEAlgNotAllowed) return new AppError('TOKEN_ALGORITHM_NOT_ALLOWED')
  if (err instanceof joseErrors.JWTClaimValidationFailed) {
    if (err.claim === 'aud') return new AppError('TOKEN_AUDIENCE_INVALID')
    if (err.claim === 'nbf' || err.claim === 'iat') return new AppError('TOKEN_NOT_YET_VALID', `Claim "${err.claim}" ${err.reason}`)
    return new AppError('TOKEN_CLAIMS_INVALID', `Claim "${err.claim}" ${err.reason}`)
  }
  return new AppError('TOKEN_MALFORMED')
}
