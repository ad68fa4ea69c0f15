// The process entry. Tracing must patch `http` and the MongoDB driver before anything loads
// them, so the SDK is imported first, and only when an OTLP endpoint is configured: without
// OTEL_EXPORTER_OTLP_ENDPOINT no OpenTelemetry SDK module is loaded at all (issue 17).
if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT) await import('./telemetry/start.js')
await import('./serve.js')
