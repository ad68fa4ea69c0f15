// The one way the front-end bundles are measured for their size budgets (PRODUCT.md §6):
// gzip level 9 of the files exactly as served, as a CDN or the service's compression would
// send them. Plain ESM so the widget's and the console's build scripts (node, no tsx) share it.
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

/** Gzipped size of one file in bytes. */
export const gzipSize = (file) => gzipSync(readFileSync(file), { level: 9 }).length

export const kb = (n) => (n / 1024).toFixed(2) + ' KB'
