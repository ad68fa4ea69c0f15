import mongoose from 'mongoose'
import { registerModels } from './models/index.js'
import { createExpertsRepository } from './repositories/experts.js'
import { createAppsRepository } from './repositories/apps.js'
import { createAuditLog } from './audit/log.js'
import { createModelIndexes } from './migrations/runner.js'

/** The service's own models and repositories on a connection of the script's, so scripts never write twins. */
export async function connectServiceData(uri: string) {
  const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 10_000 }).asPromise()
  const models = registerModels(connection)
  await createModelIndexes(models)
  return {
    connection,
    models,
    experts: createExpertsRepository(models),
    apps: createAppsRepository(models, 0),
    auditLog: createAuditLog(models),
    close: () => connection.close()
  }
}
