import type { Connection } from 'mongoose'
import { appModel } from './app.js'
import { caseModel } from './case.js'
import { counterModel } from './counter.js'
import { expertModel } from './expert.js'
import { messageModel } from './message.js'

/** Every model, bound to one connection; add new domains here. */
export function registerModels(connection: Connection) {
  return {
    App: appModel(connection),
    Expert: expertModel(connection),
    Case: caseModel(connection),
    Message: messageModel(connection),
    Counter: counterModel(connection),
  }
}

export type Models = ReturnType<typeof registerModels>
