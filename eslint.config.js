// One lint configuration for every workspace: type-aware rules that catch promises nobody
// awaits, imports that should be type-only, import cycles, and the layer boundaries
// (service: routes → repositories → models; widget: ui → state → api). Formatting is
// Prettier's job (eslint-config-prettier turns the stylistic rules off).
import tseslint from 'typescript-eslint'
import importX from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import prettier from 'eslint-config-prettier'

const boundary = (target, from, message) => ({ target, from, message })

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.tools/**', '.data/**', 'coverage/**'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.base],
    plugins: { 'import-x': importX },
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['vitest.config.ts', 'service/vitest.config.ts', 'scripts/vitest.config.ts', 'testkit/vitest.config.ts'] },
        tsconfigRootDir: import.meta.dirname
      }
    },
    settings: {
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          noWarnOnMultipleProjects: true,
          project: ['tsconfig.base.json', '*/tsconfig.json'],
          conditionNames: ['@ze/source', 'types', 'import', 'default']
        })
      ]
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            boundary('./service/src/models', './service/src/repositories', 'models do not know repositories'),
            boundary('./service/src/models', './service/src/routes', 'models do not know routes'),
            boundary('./service/src/repositories', './service/src/routes', 'repositories do not know routes'),
            boundary(
              './service/src/mapping',
              ['./service/src/routes', './service/src/repositories'],
              'the mapping from stored documents to responses knows neither routes nor repositories'
            ),
            boundary('./service/src/domain', './service/src/routes', 'domain rules do not know routes'),
            boundary('./service/src/domain', './service/src/repositories', 'domain rules do not know repositories'),
            boundary('./widget/src/api', './widget/src/state', 'the API client does not know the store'),
            boundary('./widget/src/api', './widget/src/ui', 'the API client does not know the UI'),
            boundary('./widget/src/state', './widget/src/ui', 'the store does not know the UI'),
            boundary('./contract', './service', 'the contract depends on nothing of ours'),
            boundary('./contract', './widget', 'the contract depends on nothing of ours'),
            boundary(
              './testkit',
              ['./service', './widget', './console', './demo-host', './scripts'],
              'the test kit depends on no workspace of ours (docs/adr/0007-one-way-workspaces.md)'
            ),
            boundary('./service', './widget/src', 'the service does not import widget code'),
            boundary('./widget/src', './service', 'the widget reaches the service only through the contract'),
            boundary('./console/src', './service', 'the console reaches the service only through the contract'),
            boundary('./console/src', './widget', 'the console and the widget share nothing but the contract'),
            boundary('./widget/src', './console', 'the console and the widget share nothing but the contract'),
            boundary('./console/src/api', './console/src/state', 'the API client does not know the store'),
            boundary('./console/src/api', './console/src/ui', 'the API client does not know the UI'),
            boundary('./console/src/state', './console/src/ui', 'the store does not know the UI')
          ]
        }
      ]
    }
  },
  {
    // Repositories answer stored documents; the routes turn them into responses (and localise the
    // labels) through service/src/mapping. A repository may name a stored type kept there, nothing else.
    files: ['service/src/repositories/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/mapping/*'],
              allowTypeImports: true,
              message: 'repositories return stored documents; the routes map them to responses (service/src/mapping)'
            }
          ]
        }
      ]
    }
  },
  prettier
)
