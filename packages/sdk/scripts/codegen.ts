import openapiTS, { astToString } from 'openapi-typescript'

const HEADER = (source: string) =>
  `// Generated from ${source} by \`pnpm --filter @clockhook/sdk generate\`. Do not edit.\n\n`

/** `src/generated/openapi.ts`: the `paths` and `components` types of the server's OpenAPI document. */
export async function renderOpenApiTypes(document: object): Promise<string> {
  const ast = await openapiTS(document as never, { alphabetize: false, exportType: false })
  return HEADER('apps/reference-server/openapi.json') + astToString(ast)
}

type JsonSchema = {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  anyOf?: JsonSchema[]
  enum?: unknown[]
  const?: unknown
  additionalProperties?: boolean | JsonSchema
}

export interface CatalogEntry {
  type: string
  description: string
  schemas: Record<string, unknown>
}

/** `src/generated/events.ts`: one interface per event type and payload version, and the unions. */
export function renderEventTypes(catalog: CatalogEntry[]): string {
  const versions = [...new Set(catalog.flatMap((e) => Object.keys(e.schemas)))].sort(
    (a, b) => Number(a) - Number(b),
  )
  const out: string[] = [HEADER('GET /v1/event-types (the reference server’s event catalog)')]
  out.push(`/** Every event type the API sends. */`)
  out.push(`export type EventType =\n${catalog.map((e) => `  | '${e.type}'`).join('\n')}\n`)
  out.push(`/** Every payload version. */`)
  out.push(`export type PayloadVersion = ${versions.join(' | ')}\n`)
  out.push(`/** Every event type the API sends, in catalog order. */`)
  out.push(
    `export const EVENT_TYPES: readonly EventType[] = [\n${catalog.map((e) => `  '${e.type}',`).join('\n')}\n]\n`,
  )
  for (const entry of catalog) {
    for (const version of versions) {
      const schema = entry.schemas[version] as JsonSchema | undefined
      if (!schema) throw new Error(`${entry.type} has no payload version ${version}`)
      out.push(`/** \`${entry.type}\` data, payload version ${version}. ${entry.description} */`)
      out.push(`export interface ${dataName(entry.type, version)} ${objectType(schema, '')}\n`)
    }
  }
  out.push(`/** The \`data\` of each event type, by payload version. */`)
  out.push(`export interface EventDataMap {`)
  for (const entry of catalog) {
    const byVersion = versions.map((v) => `${v}: ${dataName(entry.type, v)}`).join('; ')
    out.push(`  '${entry.type}': { ${byVersion} }`)
  }
  out.push(`}\n`)
  return `${out.join('\n')}`
}

function dataName(type: string, version: string): string {
  const pascal = type
    .split(/[._]/)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('')
  return `${pascal}DataV${version}`
}

function objectType(schema: JsonSchema, indent: string): string {
  const required = new Set(schema.required ?? [])
  const lines = Object.entries(schema.properties ?? {}).map(
    ([name, prop]) =>
      `${indent}  ${name}${required.has(name) ? '' : '?'}: ${tsType(prop, `${indent}  `)}`,
  )
  return `{\n${lines.join('\n')}\n${indent}}`
}

function tsType(schema: JsonSchema, indent: string): string {
  if (schema.anyOf) return schema.anyOf.map((s) => tsType(s, indent)).join(' | ')
  if (schema.const !== undefined) return JSON.stringify(schema.const)
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ')
  const types = Array.isArray(schema.type) ? schema.type : [schema.type]
  return types
    .map((type) => {
      switch (type) {
        case 'string':
          return 'string'
        case 'integer':
        case 'number':
          return 'number'
        case 'boolean':
          return 'boolean'
        case 'null':
          return 'null'
        case 'array':
          return `Array<${schema.items ? tsType(schema.items, indent) : 'unknown'}>`
        case 'object':
          return schema.properties ? objectType(schema, indent) : 'Record<string, unknown>'
        default:
          throw new Error(`unsupported JSON Schema: ${JSON.stringify(schema)}`)
      }
    })
    .join(' | ')
}
