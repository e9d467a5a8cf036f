#!/usr/bin/env node
'use strict';
const path = require('path');
const fs = require('fs');
// The bundled CLI (dist/, one file: faster to start) when built; the compiled sources (out/) otherwise.
// Set EHI_LINT_FROM_SOURCES=1 to run out/ after `tsc` without bundling.
const bundled = path.join(__dirname, '..', 'dist', 'cli.js');
const compiled = path.join(__dirname, '..', 'out', 'server', 'src', 'main.js');
const entry = process.env.EHI_LINT_FROM_SOURCES || !fs.existsSync(bundled) ? compiled : bundled;
if (!fs.existsSync(entry)) {
  process.stderr.write('ehi-lint: not built yet; run `npm run build` first\n');
  process.exit(2);
}
require(entry).main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`ehi-lint: internal error: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 2;
  },
);
