import { readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { ConfigSchema, loadConfig } from '@ze/service/config'

export const CONFIG_START = '<!-- configuration:start (generated from service/src/config.ts by `npm run docs:config`; do not edit) -->'
export const CONFIG_END = '<!-- configuration:end -->'

export interface ConfigVariable {
  key: string
  env: string
  /** Further variables the value is derived from (e.g. PUBLIC_URL falls back to HOST and PORT). */
  alsoReads: string[]
  meaning: string
  allowed: string
  default: string
}

interface JsonSchema {
  type?: string
  anyOf?: JsonSchema[]
  const?: unknown
  minimum?: number
  maximum?: number
  minLength?: number
  pattern?: string
  items?: JsonSchema
}

/** What the schema accepts, in a few words. */
function allowed(schema: JsonSchema): string {
  // A union of literals lists them; any other union (e.g. a URL or null) lists what each part accepts.
  if (schema.anyOf?.every((s) => 'const' in s)) return schema.anyOf.map((s) => `\`${String(s.const)}\``).join(', ')
  if (schema.anyOf) return schema.anyOf.map((s) => (s.type === 'null' ? 'unset' : allowed(s))).join(', or ')
  if (schema.type === 'boolean') return '`true`, `false`'
  if (schema.type === 'integer') {
    const range = [schema.minimum !== undefined ? `≥ ${schema.minimum}` : '', schema.maximum !== undefined ? `≤ ${schema.maximum}` : '']
      .filter(Boolean)
      .join(', ')
    return `integer${range ? ` ${range}` : ''}`
  }
  if (schema.type === 'array') return schema.items?.type === 'object' ? 'JSON array' : 'comma-separated list'
  if (schema.pattern) return `text matching \`${schema.pattern}\``
  return 'text'
}

/** Reads the property comments of ConfigSchema and the environment variable of each key in loadConfig. */
function parseSource(root: string): Map<string, { comment: string; envs: string[] }> {
  const path = join(root, 'service/src/config.ts')
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true)
  const found = new Map<string, { comment: string; envs: string[] }>()
  const objectOf = (node: ts.Node): ts.ObjectLiteralExpression | null =>
    ts.isCallExpression(node) && node.arguments[0] && ts.isObjectLiteralExpression(node.arguments[0]) ? node.arguments[0] : null
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.name.getText() === 'ConfigSchema' && node.initializer) {
      for (const prop of objectOf(node.initializer)?.properties ?? []) {
        const docs = ts
          .getJSDocCommentsAndTags(prop)
          .map((d) => ts.getTextOfJSDocComment(d.comment) ?? '')
          .join(' ')
        found.set(prop.name!.getText(), { comment: docs.replace(/\s+/g, ' ').trim(), envs: [] })
      }
    }
    if (ts.isVariableDeclaration(node) && node.name.getText() === 'candidate' && node.initializer && ts.isObjectLiteralExpression(node.initializer)) {
      for (const prop of node.initializer.properties) {
        if (!ts.isPropertyAssignment(prop)) continue
        const envs = [...new Set([...prop.initializer.getText().matchAll(/env\.([A-Z0-9_]+)|'([A-Z0-9_]+)', env\./g)].map((m) => (m[1] ?? m[2])!))]
        const entry = found.get(prop.name.getText())
        if (entry) entry.envs = envs
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

function shown(value: unknown, root: string): string {
  if (value === '' || (Array.isArray(value) && value.length === 0)) return '—'
  if (typeof value === 'string' && value.startsWith(root)) return `\`${relative(root, value)}\``
  return `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``
}

/** Every configuration variable: its schema, its comment and its default as loadConfig computes it. */
export function configVariables(root: string): ConfigVariable[] {
  const source = parseSource(root)
  const defaults = loadConfig({ MONGODB_URI: 'mongodb://required' }) as unknown as Record<string, unknown>
  const properties = (ConfigSchema as unknown as { properties: Record<string, JsonSchema> }).properties
  return Object.entries(properties).map(([key, schema]) => {
    const parsed = source.get(key)
    const [env = '', ...alsoReads] = parsed?.envs ?? []
    return {
      key,
      env,
      alsoReads,
      meaning: parsed?.comment ?? '',
      allowed: allowed(schema),
      default: key === 'mongodbUri' ? '(required)' : shown(defaults[key], join(root, '/'))
    }
  })
}

const cell = (text: string) => text.replaceAll('|', '\\|')

/** The generated table, as it goes between the markers in docs/deploy.md. */
export function renderConfigTable(root: string): string {
  const rows = configVariables(root)
  return [
    `${rows.length} variables, read once at start by \`loadConfig\` (service/src/config.ts) and validated against its schema: a bad value stops the service with a message naming it.`,
    '',
    '| Variable | Default | Allowed | Meaning |',
    '|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| \`${r.env}\`${r.alsoReads.length ? ` (falls back to ${r.alsoReads.map((e) => `\`${e}\``).join(', ')})` : ''} | ${cell(r.default)} | ${cell(r.allowed)} | ${cell(r.meaning)} |`
    )
  ].join('\n')
}

export const deployDocPath = (root: string): string => join(root, 'docs/deploy.md')

/** docs/deploy.md with the table between the markers replaced. */
export function withConfigTable(document: string, table: string): string {
  const start = document.indexOf(CONFIG_START)
  const end = document.indexOf(CONFIG_END)
  if (start < 0 || end < start) throw new Error('docs/deploy.md has no configuration markers')
  return `${document.slice(0, start + CONFIG_START.length)}\n${table}\n${document.slice(end)}`
}
