// npm run setup:db — builds FerretDB into .tools/bin now (CI does this before the tests).
import { DatabaseSetupError, installFerretDB } from '@ze/testkit/ferretdb'

try {
  console.log(`FerretDB ready: ${installFerretDB(console.log)}`)
} catch (err) {
  console.error(err instanceof DatabaseSetupError ? err.message : err)
  process.exit(1)
}
