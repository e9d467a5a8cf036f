import * as assert from 'node:assert/strict';
import { importCycles, layeredFiles, layerViolations } from './layers';

describe('architecture', () => {
  const files = layeredFiles();

  it('finds the layers and their files', () => {
    assert.ok(files.length > 80, `only ${files.length} files found`);
  });

  it('has no import from a lower layer to a higher one, and faces never import each other', () => {
    const violations = layerViolations(files).map((v) => `${v.from} → ${v.to}: ${v.why}`);
    assert.deepEqual(violations, []);
  });

  it('has no import cycle', () => {
    assert.deepEqual(importCycles(files).map((c) => c.join(' ↔ ')), []);
  });

  it('reports an upward import, a face importing a face, and a cycle, when a graph has them', () => {
    const graph: Record<string, string[]> = {
      'server/src/core/engine.ts': ['rules/index.ts'],
      'rules/index.ts': ['server/src/core/engine.ts'],
      'server/src/cli/main.ts': ['server/src/lsp/server.ts'],
      'server/src/lsp/server.ts': ['server/src/protocol/index.ts'],
    };
    const imports = (f: string): string[] => graph[f] ?? [];
    const files = Object.keys(graph);
    assert.deepEqual(
      layerViolations(files, imports).map((v) => v.why),
      ['core may not import rules', 'cli may not import lsp'],
    );
    assert.deepEqual(importCycles(files, imports), [['rules/index.ts', 'server/src/core/engine.ts']]);
  });
});
