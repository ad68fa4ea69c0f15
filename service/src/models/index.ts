import type { Connection } from 'mongoose'
import { appModel } from './app.js'
import { expertModel } from './expert.js'

/** Every model, bound to one connection; add new domains here. */
export function registerModels(connection: Connection) {
  return {
    App: appModel(connection),
    Expert: expertModel(connection)
  }
}

export type Models = ReturnType<typeof registerModels>
