import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, inject, it } from 'vitest'
import { withDatabase } from '@ze/testkit/database'
import { repoRoot } from '@ze/testkit/ferretdb'
import { renderApiContract } from '../src/api-doc/render.js'
import { serviceRoutes } from '../src/api-doc/routes.js'

it('docs/api-contract.md is what `npm run docs:api` generates from the contract (regenerate it when this fails)', async () => {
  const committed = readFileSync(join(repoRoot, 'docs/api-contract.md'), 'utf8')
  const generated = renderApiContract(await serviceRoutes(withDatabase(inject('mongoServerUri'), 'ze_api_doc')))
  expect(committed === generated, 'docs/api-contract.md is stale: run `npm run docs:api`').toBe(true)
  expect(generated).toContain('| `CASE_NOT_FOUND` | 404 | Case not found |')
  expect(generated).toContain('### POST /api/v1/cases/read')
})
