#!/usr/bin/env node
/**
 * Bundles the faces for distribution (the VS Code extension and `dist/cli.js`) with esbuild, and
 * copies the WebAssembly parsers next to them. `tsc` (run before this) builds `out/` for tests.
 */
'use strict';
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const GRAMMARS = ['typescript', 'tsx', 'javascript', 'java', 'c-sharp', 'python'];

const entries = {
  client: 'client/src/extension.ts',
  server: 'server/src/lsp/main.ts',
  cli: 'server/src/main.ts',
  worker: 'server/src/cli/worker.ts',
};

async function main() {
  fs.rmSync(dist, { recursive: true, force: true });
  fs.mkdirSync(path.join(dist, 'wasm'), { recursive: true });
  const entryPoints = {};
  for (const [name, file] of Object.entries(entries)) {
    if (fs.existsSync(path.join(root, file))) entryPoints[name] = path.join(root, file);
  }
  await esbuild.build({
    entryPoints,
    outdir: dist,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
    logLevel: 'warning',
    legalComments: 'none',
    // Smaller to read and compile at every start; identifiers are kept, so stack traces stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
    // jsonc-parser's UMD build hides its requires from bundlers; its ESM build does not.
    mainFields: ['module', 'main'],
    logOverride: { 'require-resolve-not-external': 'silent' },
    // web-tree-sitter's ESM build reads import.meta.url; give it this bundle's own URL.
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "const __bundleUrl = require('url').pathToFileURL(__filename).href;" },
  });
  const wasmDir = path.join(path.dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm');
  for (const g of GRAMMARS) fs.copyFileSync(path.join(wasmDir, `tree-sitter-${g}.wasm`), path.join(dist, 'wasm', `tree-sitter-${g}.wasm`));
  fs.copyFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'), path.join(dist, 'wasm', 'web-tree-sitter.wasm'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
