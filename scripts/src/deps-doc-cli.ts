import { writeFileSync } from 'node:fs'
import { repoRoot } from '@ze/testkit/ferretdb'
import { readSecurityDoc, renderRuntimeDependencies, securityDocPath, withSection } from './security-doc/render.js'

// npm run docs:deps — rewrites the runtime-dependency list in docs/security.md from package-lock.json.
const target = securityDocPath(repoRoot)
writeFileSync(target, withSection(readSecurityDoc(repoRoot), renderRuntimeDependencies(repoRoot)))
console.log(`wrote ${target}`)
