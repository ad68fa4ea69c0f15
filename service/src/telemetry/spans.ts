import { context, isSpanContextValid, ProxyTracerProvider, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api'

/**
 * The service's own use of tracing, through @opentelemetry/api only: without an SDK (no
 * OTEL_EXPORTER_OTLP_ENDPOINT) every call here is a no-op on a non-recording span.
 */
const tracer = trace.getTracer('zapytaj-eksperta')

/** Names the incoming request's server span by its route and ties it to the request id. */
export function tagServerSpan(request: { id: string; method: string; routeOptions: { url?: string } }): void {
  const span = trace.getActiveSpan()
  if (!span?.isRecording()) return
  span.setAttribute('ze.request_id', request.id)
  const route = request.routeOptions.url
  if (route) {
    span.setAttribute('http.route', route)
    span.updateName(`${request.method} ${route}`)
  }
}

/** Log fields of the active span (pino mixin): a log line leads to its trace. */
export function traceFields(): { trace_id?: string; span_id?: string } {
  const span = trace.getSpan(context.active())
  if (!span) return {}
  const ctx = span.spanContext()
  return isSpanContextValid(ctx) ? { trace_id: ctx.traceId, span_id: ctx.spanId } : {}
}

/** Runs an outgoing delivery (mail, webhook) in a client span that records its failure. */
export function withClientSpan<T>(name: string, attributes: Record<string, string | number>, run: (span: Span) => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, { kind: SpanKind.CLIENT, attributes }, async (span) => {
    try {
      return await run(span)
    } catch (err) {
      markFailed(span, err)
      throw err
    } finally {
      span.end()
    }
  })
}

export function markFailed(span: Span, err: unknown): void {
  span.recordException(err as Error)
  span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message })
}

/** Sends the spans still batched (shutdown); nothing to do without an SDK. */
export async function flushTraces(): Promise<void> {
  const global = trace.getTracerProvider()
  const provider = global instanceof ProxyTracerProvider ? global.getDelegate() : global
  const flush = (provider as { forceFlush?: () => Promise<void> }).forceFlush
  if (flush) await flush.call(provider)
}
