#!/usr/bin/env node
/**
 * Bundles the faces for distribution (the VS Code extension and `dist/cli.js`) with esbuild, and
 * copies the WebAssembly parsers next to them. `tsc` (run before this) builds `out/` for tests.
 */
'use strict';
const crypto = require('crypto');
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

/**
 * What the CLI bundle is built from: every file under these paths. `dist/cli.js`, `dist/worker.js`
 * and the parsers are committed (the GitHub Action runs them without installing or building
 * anything); the integrations test checks that the committed bundle names the committed sources.
 */
const SOURCES = ['server/src', 'rules', 'package.json', 'package-lock.json', 'scripts/bundle.js'];

function listSources(entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [entry];
  return fs.readdirSync(full).flatMap((name) => listSources(`${entry}/${name}`));
}

/** A hash over the git blob ids of the sources, by path: the same as `git ls-tree -r HEAD -- <SOURCES>` gives for a clean checkout. */
function sourcesHash(blobOf) {
  const lines = SOURCES.flatMap(listSources)
    .sort()
    .map((file) => `${blobOf(file)} ${file}\n`);
  return crypto.createHash('sha256').update(lines.join('')).digest('hex');
}

function gitBlobId(file) {
  const content = fs.readFileSync(path.join(root, file));
  return crypto.createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

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
    banner: { js: `/* ehi-lint sources ${sourcesHash(gitBlobId)} */\nconst __bundleUrl = require('url').pathToFileURL(__filename).href;` },
  });
  const wasmDir = path.join(path.dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm');
  for (const g of GRAMMARS) fs.copyFileSync(path.join(wasmDir, `tree-sitter-${g}.wasm`), path.join(dist, 'wasm', `tree-sitter-${g}.wasm`));
  fs.copyFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'), path.join(dist, 'wasm', 'web-tree-sitter.wasm'));
}

module.exports = { SOURCES, sourcesHash };

if (require.main === module) main().catch((err) => {
  console.error(err);
  process.exit(1);
});
