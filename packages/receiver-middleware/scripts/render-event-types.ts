/** One entry of the reference server's `GET /v1/event-types`. */
export interface CatalogEntry {
  type: string
  description: string
  schemas: Record<string, JsonSchema>
}

interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  enum?: unknown[]
  const?: unknown
  additionalProperties?: boolean | JsonSchema
}

const SIMPLE: Record<string, string> = {
  string: 'string',
  number: 'number',
  integer: 'number',
  boolean: 'boolean',
  null: 'null',
}

const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`)

function indent(text: string, by: string): string {
  return text.replaceAll('\n', `\n${by}`)
}

/** A JSON Schema (the subset zod's `toJSONSchema` writes) as a TypeScript type. */
export function schemaToType(schema: JsonSchema): string {
  const union = schema.anyOf ?? schema.oneOf
  if (union) return union.map(schemaToType).join(' | ')
  if (schema.const !== undefined) return JSON.stringify(schema.const)
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ')
  if (Array.isArray(schema.type)) {
    return schema.type.map((type) => schemaToType({ ...schema, type })).join(' | ')
  }
  if (schema.type === 'array') {
    const item = schema.items ? schemaToType(schema.items) : 'unknown'
    return item.includes(' ') ? `Array<${item}>` : `${item}[]`
  }
  if (schema.type === 'object' || schema.properties) {
    const required = new Set(schema.required ?? [])
    const lines = Object.entries(schema.properties ?? {}).map(
      ([name, property]) =>
        `  ${key(name)}${required.has(name) ? '' : '?'}: ${indent(schemaToType(property), '  ')}`,
    )
    if (schema.additionalProperties && schema.additionalProperties !== true) {
      lines.push(`  [key: string]: ${schemaToType(schema.additionalProperties)}`)
    } else if (schema.additionalProperties === true || lines.length === 0) {
      lines.push('  [key: string]: unknown')
    }
    return `{\n${lines.join('\n')}\n}`
  }
  if (typeof schema.type === 'string' && SIMPLE[schema.type]) return SIMPLE[schema.type]!
  return 'unknown'
}

/** The committed `src/events.generated.ts`, rendered from the server's event catalog. */
export function renderEventTypes(catalog: readonly CatalogEntry[]): string {
  const types = catalog.map((entry) => entry.type)
  const versions = [...new Set(catalog.flatMap((entry) => Object.keys(entry.schemas)))].sort(
    (a, b) => Number(a) - Number(b),
  )
  const out = [
    '// Generated from the reference server’s event catalog (GET /v1/event-types) by',
    '// test/event-catalog.test.ts, which fails when this file is out of date. Do not edit:',
    '// run `pnpm --filter @clockhook/receiver-middleware generate:events`.',
    '',
    '/** Every Clockhook event type. */',
    `export const CLOCKHOOK_EVENT_TYPES = [\n${types.map((t) => `  '${t}',`).join('\n')}\n] as const`,
  ]
  for (const version of versions) {
    out.push(
      '',
      `/** Each event type's \`data\` in payload version ${version}. */`,
      `export type ClockhookEventsV${version} = {`,
    )
    for (const entry of catalog) {
      const schema = entry.schemas[version]
      if (!schema) continue
      out.push(`  /** ${entry.description} */`)
      out.push(`  '${entry.type}': ${indent(schemaToType(schema), '  ')}`)
    }
    out.push('}')
  }
  out.push(
    '',
    '/** The event maps by payload version. */',
    'export type ClockhookEventsByVersion = {',
    ...versions.map((v) => `  ${v}: ClockhookEventsV${v}`),
    '}',
    '',
  )
  return out.join('\n')
}
