// Two builds, one layout: dist/widget-assets/ holds ES modules (core + lazy chunks, which
// import each other relatively), dist/widget.js is the classic loader that imports the
// core next to itself. Usage: node scripts/build.mjs [--out DIR] [--json] [--update-baseline]
// The report compares with the committed size-baseline.json so a growth is seen in review.
import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build as esbuild, transform } from 'esbuild'
import { build } from 'vite'
import { measure, readBaseline, report, withinBudget, writeBaseline } from './sizes.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const baselineFile = join(root, 'size-baseline.json')

// Library mode keeps Vite's page-relative preload helper out of the core, but leaves
// whitespace unminified for ES output; minify each finished chunk here instead.
const minifyChunks = {
  name: 'widget-minify-chunks',
  apply: 'build',
  enforce: 'post',
  async generateBundle(_options, bundle) {
    const chunks = Object.values(bundle).filter((c) => c.type === 'chunk')
    // ui/lazy.tsx retries a hung view chunk by file name (`expert-<hash>.js?retry=1`).
    // Only the names some chunk asks for as `chunk('expert', n, () => import(…))`, to keep the core small.
    const named = (c) => chunks.some((o) => new RegExp(`\\(\\s*["']${c.name}["']\\s*,\\s*[\\w$]+\\s*,\\s*\\(\\)\\s*=>\\s*import\\(`).test(o.code))
    const retryable = chunks.filter((c) => c.isDynamicEntry && named(c))
    // The retry reads the chunk's exports by their source names; a chunk another chunk imports
    // statically gets its exports renamed by Rollup, and the retry would find nothing.
    for (const c of retryable) {
      const importer = chunks.find((o) => o.imports.includes(c.fileName))
      if (importer) throw new Error(`${importer.fileName} imports ${c.fileName} statically: ui/lazy.tsx could not retry it (pass what it needs in instead)`)
    }
    const files = JSON.stringify(Object.fromEntries(retryable.map((c) => [c.name, c.fileName])))
    for (const chunk of chunks) {
      const code = chunk.code.replace(/\b__ZE_CHUNKS__\b/g, files)
      chunk.code = (await transform(code, { minify: true, format: 'esm', target: 'es2022', legalComments: 'none' })).code
    }
  }
}

/**
 * The stylesheets as content-hashed CSS files, for browsers without constructable stylesheets
 * (src/ui/cssFile.ts): the same strings the chunks adopt, evaluated once here.
 */
async function cssFiles() {
  const entry =
    "export { coreCss as core } from './src/ui/styles'; export { expertCss as expert } from './src/ui/expertCss'; export { contentCss as content } from './src/ui/content/contentCss'; export { captureCss as capture } from './src/ui/capture/captureCss'"
  const out = await esbuild({ stdin: { contents: entry, resolveDir: root, loader: 'ts' }, bundle: true, format: 'esm', write: false, logLevel: 'warning' })
  const sheets = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`)
  return Object.entries(sheets).map(([name, css]) => {
    const body = css.trim() + '\n'
    return { name, body, file: `${name}-${createHash('sha256').update(body).digest('base64url').slice(0, 8)}.css` }
  })
}

export async function buildWidget(outDir = join(root, 'dist')) {
  const css = await cssFiles()
  const out = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    plugins: [minifyChunks],
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact', legalComments: 'none' },
    define: { __ZE_CSS__: JSON.stringify(Object.fromEntries(css.map((c) => [c.name, c.file]))) },
    build: {
      outDir: join(outDir, 'widget-assets'),
      emptyOutDir: true,
      target: 'es2022',
      lib: { entry: join(root, 'src/main.ts'), formats: ['es'] },
      reportCompressedSize: false,
      copyPublicDir: false,
      rollupOptions: {
        // main.ts exports nothing; without this, lib mode adds an empty facade module.
        preserveEntrySignatures: false,
        output: {
          format: 'es',
          entryFileNames: 'core-[hash].js',
          // The chunk the articles and forum views share gets a readable name instead of
          // whichever of its modules Rollup happens to pick.
          chunkFileNames: (c) =>
            !c.isDynamicEntry && c.moduleIds.some((id) => /[\\/]src[\\/]ui[\\/]content[\\/]/.test(id)) ? 'content-[hash].js' : '[name]-[hash].js'
        }
      }
    }
  })
  const outputs = (Array.isArray(out) ? out : [out]).flatMap((o) => ('output' in o ? o.output : []))
  const core = outputs.find((o) => o.type === 'chunk' && o.isEntry)
  if (!core) throw new Error('no entry chunk')
  await esbuild({
    entryPoints: [join(root, 'src/loader.ts')],
    outfile: join(outDir, 'widget.js'),
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2020',
    legalComments: 'none',
    define: { __CORE_FILE__: JSON.stringify(core.fileName) },
    logLevel: 'warning'
  })
  for (const c of css) writeFileSync(join(outDir, 'widget-assets', c.file), c.body)
  const sizes = measure(outDir, core.fileName)
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify({ loader: 'widget.js', core: `widget-assets/${core.fileName}`, sizes }, null, 2))
  return sizes
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--out')
  const sizes = await buildWidget(i > 0 ? resolve(process.argv[i + 1]) : undefined)
  if (process.argv.includes('--json')) console.log(JSON.stringify(sizes))
  else console.log(report(sizes, readBaseline(baselineFile)))
  if (process.argv.includes('--update-baseline')) writeBaseline(baselineFile, sizes)
  if (!withinBudget(sizes)) {
    console.error('size budget exceeded')
    process.exitCode = 1
  }
}
