import { defineConfig } from 'vite'

// Served by the service at /console/ under a CSP without 'unsafe-inline': Vite emits the entry
// as an external module and the CSS as a linked file, and the modulepreload polyfill (an
// inline-free module) is dropped because every supported browser has modulepreload.
export default defineConfig({
  base: '/console/',
  root: import.meta.dirname,
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact', legalComments: 'none' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    assetsInlineLimit: 0
  }
})
