import { readFileSync, writeFileSync } from 'node:fs'
import { repoRoot } from '@ze/testkit/ferretdb'
import { deployDocPath, renderConfigTable, withConfigTable } from './config-doc/render.js'

// npm run docs:config — rewrites the configuration table in docs/deploy.md from service/src/config.ts.
const target = deployDocPath(repoRoot)
writeFileSync(target, withConfigTable(readFileSync(target, 'utf8'), renderConfigTable(repoRoot)))
console.log(`wrote ${target}`)
