import { Schema, type Connection, type InferSchemaType } from 'mongoose'

/** A host application that embeds the widget and signs identity tokens with its secret. */
const appSchema = new Schema(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    // HS256 needs the shared secret itself; it never leaves the service in a response.
    secret: { type: String, required: true },
    allowedOrigins: { type: [String], default: [] },
    // Where e-mails link to a case in the host app, e.g. https://app.example/wiadomosci?case={id}.
    caseUrlTemplate: { type: String, default: null },
    // Standard Webhooks receiver of the host app; the secret signs every delivery.
    webhookUrl: { type: String, default: null },
    webhookSecret: { type: String, default: null }
  },
  { timestamps: true, versionKey: false }
)

export type AppDoc = InferSchemaType<typeof appSchema>

export const appModel = (connection: Connection) => connection.model('App', appSchema, 'apps')
