// npm run setup:mail — installs Mailpit into .tools/bin now (CI does this before the tests).
import { MailSetupError, installMailpit } from '@ze/testkit/mailpit'

try {
  console.log(`Mailpit ready: ${installMailpit(console.log)}`)
} catch (err) {
  console.error(err instanceof MailSetupError ? err.message : err)
  process.exit(1)
}
