/**
 * The layers of the code base and the imports each may make. Dependencies point one way:
 * faces (cli, lsp) → evidence and rules → domain → frameworks → analysis → core; settings sit on core; the
 * VS Code client talks to the server only through the protocol module. Shared by the layer test and
 * by the generator of `docs/architecture.md`'s module table.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

export interface Layer {
  name: string;
  /** Folder, relative to the repository root. */
  folder: string;
  /** What the layer is for, in the module table. */
  role: string;
  /** Layers it may import from (besides itself). */
  uses: string[];
}

export const LAYERS: Layer[] = [
  { name: 'core', folder: 'server/src/core', role: 'file in, findings out: languages, IR, parsing and lowering, formats, annotations and the register, the engine', uses: [] },
  { name: 'analysis', folder: 'server/src/analysis', role: 'language-neutral facts about code: values, constants, value flow, time, calls, responses', uses: ['core'] },
  { name: 'frameworks', folder: 'server/src/frameworks', role: 'what web frameworks and gateways mean: routes per framework, config scopes, deployment profiles', uses: ['core', 'analysis'] },
  { name: 'domain', folder: 'server/src/domain', role: 'the information-blocking vocabulary: EHI access paths, FHIR, SMART, OAuth, denials, audit, result release', uses: ['core', 'analysis', 'frameworks'] },
  { name: 'rules', folder: 'rules', role: 'one unit per rule, and helpers only one rule uses beside it', uses: ['core', 'analysis', 'frameworks', 'domain'] },
  { name: 'settings', folder: 'server/src/settings', role: "the tool's own configuration (`ehi-lint.config.json`) and settings; given the rules, never importing them", uses: ['core'] },
  { name: 'evidence', folder: 'server/src/evidence', role: 'the compliance evidence pack as data: documented exceptions with their conditions, audit trace, history and permalinks; which rules checked which files', uses: ['core', 'analysis', 'frameworks', 'domain'] },
  { name: 'protocol', folder: 'server/src/protocol', role: 'the custom requests between the VS Code client and the language server', uses: [] },
  { name: 'cli', folder: 'server/src/cli', role: 'face: the `ehi-lint` command line and its report formats', uses: ['core', 'analysis', 'frameworks', 'domain', 'rules', 'settings', 'evidence'] },
  { name: 'lsp', folder: 'server/src/lsp', role: 'face: the language server, its diagnostics, hover, completion and quick-fixes', uses: ['core', 'analysis', 'frameworks', 'domain', 'rules', 'settings', 'evidence', 'protocol'] },
  { name: 'entry', folder: 'server/src/main.ts', role: 'the executable: the command line, which also starts the language server (`ehi-lint lsp --stdio`)', uses: ['cli', 'lsp'] },
  { name: 'client', folder: 'client/src', role: 'face: the VS Code extension (starts the server, registers UI)', uses: ['protocol'] },
];

/** `.ts` files of a folder (or the one file a layer is), recursively, `/`-separated and relative to the repository root. */
export function sourceFiles(folder: string): string[] {
  if (fs.statSync(path.join(ROOT, folder)).isFile()) return [folder];
  const out: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== 'test') visit(rel);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(rel);
    }
  };
  visit(folder);
  return out;
}

export function layerOf(file: string): Layer | undefined {
  return LAYERS.find((l) => file === l.folder || file.startsWith(`${l.folder}/`));
}

/** The project files a source file imports (type-only imports included), `/`-separated relative paths. */
export function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const info = ts.preProcessFile(text, true, true);
  const out: string[] = [];
  for (const ref of info.importedFiles) {
    if (!ref.fileName.startsWith('.')) continue;
    const base = path.resolve(path.dirname(path.join(ROOT, file)), ref.fileName);
    for (const candidate of [`${base}.ts`, path.join(base, 'index.ts'), base]) {
      if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) {
        out.push(path.relative(ROOT, candidate).split(path.sep).join('/'));
        break;
      }
    }
  }
  return out;
}

export interface Violation {
  from: string;
  to: string;
  why: string;
}

/** Imports that go against the layers. */
export function layerViolations(files: string[], imports: (file: string) => string[] = importsOf): Violation[] {
  const out: Violation[] = [];
  for (const from of files) {
    const own = layerOf(from);
    if (!own) continue;
    for (const to of imports(from)) {
      const target = layerOf(to);
      if (!target) {
        if (to.endsWith('.ts')) out.push({ from, to, why: `${own.name} imports a file outside every layer` });
        continue;
      }
      if (target !== own && !own.uses.includes(target.name)) out.push({ from, to, why: `${own.name} may not import ${target.name}` });
    }
  }
  return out;
}

/** Import cycles between files (strongly connected components of more than one file, or a file importing itself). */
export function importCycles(files: string[], imports: (file: string) => string[] = importsOf): string[][] {
  const graph = new Map(files.map((f) => [f, imports(f).filter((t) => files.includes(t))]));
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  // Tarjan's algorithm, iterative so that deep graphs cannot overflow the stack.
  for (const start of files) {
    if (indices.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    indices.set(start, index);
    low.set(start, index++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const top = work[work.length - 1];
      const edges = graph.get(top.node) ?? [];
      if (top.next < edges.length) {
        const to = edges[top.next++];
        if (!indices.has(to)) {
          indices.set(to, index);
          low.set(to, index++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) low.set(top.node, Math.min(low.get(top.node)!, indices.get(to)!));
        continue;
      }
      work.pop();
      if (work.length > 0) low.set(work[work.length - 1].node, Math.min(low.get(work[work.length - 1].node)!, low.get(top.node)!));
      if (low.get(top.node) === indices.get(top.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== top.node);
        if (component.length > 1 || (graph.get(top.node) ?? []).includes(top.node)) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}

export function layeredFiles(): string[] {
  return LAYERS.flatMap((l) => sourceFiles(l.folder));
}
