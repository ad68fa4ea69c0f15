import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ensureDatabase, withDatabase } from '@ze/testkit/database'
import { repoRoot } from '@ze/testkit/ferretdb'
import { renderApiContract } from './api-doc/render.js'
import { serviceRoutes } from './api-doc/routes.js'

// npm run docs:api — rewrites docs/api-contract.md from the contract and the service's routes.
const target = join(repoRoot, 'docs/api-contract.md')
const db = await ensureDatabase({ temporary: true })
try {
  writeFileSync(target, renderApiContract(await serviceRoutes(withDatabase(db.serverUri, 'ze_api_doc'))))
} finally {
  await db.stop()
  if (db.embedded) rmSync(db.embedded.dataDir, { recursive: true, force: true })
}
console.log(`wrote ${target}`)
