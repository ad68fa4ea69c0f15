/**
 * Renders a JSON schema (TypeBox) as a short TypeScript-like shape for docs/api-contract.md.
 * A sub-schema that is itself a named export of the contract is shown by its name.
 */
export type Schema = Record<string, unknown>
export type NameOf = (schema: unknown) => string | undefined

const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v)

function constraints(s: Schema): string {
  const parts: string[] = []
  for (const key of ['format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems', 'default']) {
    if (s[key] !== undefined) parts.push(`${key} ${JSON.stringify(s[key])}`)
  }
  return parts.length ? ` /* ${parts.join(', ')} */` : ''
}

export function shape(s: unknown, nameOf: NameOf, indent = '', top = true): string {
  if (!isSchema(s)) return 'unknown'
  const name = top ? undefined : nameOf(s)
  if (name) return name
  if (s.const !== undefined) return JSON.stringify(s.const)
  if (Array.isArray(s.anyOf)) return s.anyOf.map((x) => shape(x, nameOf, indent, false)).join(' | ')
  if (s.type === 'array') return `Array<${shape(s.items, nameOf, indent, false)}>${constraints(s)}`
  if (s.type === 'object' && isSchema(s.properties)) {
    const required = new Set(Array.isArray(s.required) ? s.required : [])
    const inner = `${indent}  `
    const lines = Object.entries(s.properties).map(([key, value]) => {
      const v = isSchema(value) ? value : {}
      const note = typeof v.description === 'string' ? `  // ${v.description}` : ''
      return `${inner}${key}${required.has(key) ? '' : '?'}: ${shape(v, nameOf, inner, false)}${note}`
    })
    return `{\n${lines.join('\n')}\n${indent}}`
  }
  if (s.type === 'integer') return `integer${constraints(s)}`
  if (typeof s.type === 'string') return `${s.type}${constraints(s)}`
  return 'unknown'
}
