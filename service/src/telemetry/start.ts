import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node'
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base'
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http'
import { resourceFromAttributes } from '@opentelemetry/resources'
import { registerInstrumentations } from '@opentelemetry/instrumentation'
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http'
import { MongoDBInstrumentation } from '@opentelemetry/instrumentation-mongodb'

/**
 * Tracing SDK, imported by server.ts only when OTEL_EXPORTER_OTLP_ENDPOINT is set. The exporter
 * and the batch processor read the standard OTEL_* variables themselves (endpoint, headers,
 * OTEL_BSP_SCHEDULE_DELAY, ...); the exporter sends OTLP/HTTP with JSON bodies.
 */
const provider = new NodeTracerProvider({
  resource: resourceFromAttributes({ 'service.name': process.env.OTEL_SERVICE_NAME || 'zapytaj-eksperta' }),
  spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())]
})
provider.register()

registerInstrumentations({
  tracerProvider: provider,
  instrumentations: [
    // Health probes and scrapes would drown the requests people make.
    new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => /^\/(readyz|healthz|metrics)\b/.test(req.url ?? '') }),
    // Statements are left out: filters and documents hold people's words and addresses.
    new MongoDBInstrumentation({ enhancedDatabaseReporting: false })
  ]
})
