import mongoose from 'mongoose'
import { registerModels } from '../../../service/src/models/index.js'
import { createExpertsRepository } from '../../../service/src/repositories/experts.js'
import { createAppsRepository } from '../../../service/src/repositories/apps.js'
import { createAuditLog } from '../../../service/src/audit/log.js'
import { createModelIndexes } from '../../../service/src/migrations/runner.js'

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
