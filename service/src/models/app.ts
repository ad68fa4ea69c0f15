import { Schema, type Connection, type InferSchemaType } from 'mongoose'

/** A host application that embeds the widget and signs identity tokens with its secret. */
const appSchema = new Schema(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    // HS256 needs the shared secret itself; it never leaves the service in a response.
    secret: { type: String, required: true },
    allowedOrigins: { type: [String], default: [] }
  },
  { timestamps: true, versionKey: false }
)

export type AppDoc = InferSchemaType<typeof appSchema>

export const appModel = (connection: Connection) => connection.model('App', appSchema, 'apps')
