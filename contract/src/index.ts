// The API contract shared by the service (validation, serialisation, OpenAPI) and its
// clients (types only). Every request and response shape and every error code lives here.
export * from './errors.js'
export * from './identity.js'
export * from './schemas/common.js'
export * from './schemas/me.js'
export * from './schemas/cases.js'
export * from './schemas/articles.js'
export * from './schemas/forum.js'
export * from './schemas/suggestions.js'
export * from './schemas/notifications.js'
export * from './schemas/events.js'
export * from './schemas/sessions.js'
export * from './schemas/audit.js'
