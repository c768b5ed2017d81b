import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const readme = readFileSync(`${root}README.md`, 'utf8')

/** The README's first `ts` block after a heading, as written. */
function exampleAfter(heading: string): string {
  const section = readme.slice(readme.indexOf(heading))
  const match = /```ts\n([\s\S]*?)```/.exec(section)
  if (!match) throw new Error(`no ts example after ${heading}`)
  return match[1]!
}

/** Type-checks a file as if it sat in this package, with the package's own (strict) options. */
function typeErrors(source: string): string[] {
  const file = `${root}readme-example.ts`
  const config = ts.getParsedCommandLineOfConfigFile(
    `${root}tsconfig.json`,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'))
      },
    },
  )!
  const options = { ...config.options, noEmit: true }
  expect(options.strict).toBe(true)
  const host = ts.createCompilerHost(options)
  const getSourceFile = host.getSourceFile.bind(host)
  host.getSourceFile = (name, language, ...rest) =>
    name === file
      ? ts.createSourceFile(name, source, language)
      : getSourceFile(name, language, ...rest)
  const fileExists = host.fileExists.bind(host)
  host.fileExists = (name) => name === file || fileExists(name)
  const program = ts.createProgram([file], options, host)
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
}

describe('the README', () => {
  it('names every package its example imports in the install line', () => {
    const install = /npm install ([^\n#]+)/.exec(readme)![1]!.trim().split(/\s+/)
    const imported = [...exampleAfter('## Embed it').matchAll(/from '([^']+)'/g)].map((m) => m[1])
    for (const name of imported) expect(install).toContain(name)
  })

  it('has an embedding example that compiles under strict tsc, a typed Kysely included', () => {
    expect(typeErrors(exampleAfter('## Embed it'))).toEqual([])
  }, 60_000)

  it('would catch a type error in the example', () => {
    const broken = exampleAfter('## Embed it').replace(
      "eventTypes: ['clock.in', 'clock.out']",
      'eventTypes: 42',
    )
    expect(typeErrors(broken).join('\n')).toMatch(/number/)
  }, 60_000)
})
