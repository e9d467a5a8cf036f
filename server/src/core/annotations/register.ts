/**
 * The exception register (`ehi-exceptions.yaml` at the workspace root, path configurable): the
 * record for files that cannot hold comments (JSON), generated files, or teams that document
 * centrally. Each entry names a file, a location (`at`: JSON pointer for JSON, dotted key path for
 * YAML/properties; or `line`), optionally the rule, the exception and its fields.
 */
import type { Annotation, AnnotationField } from './types';
import { checkCopiedReasons } from './validate';
import { at as configAt, ConfigDocument, ConfigNode, scalarNumber, scalarString } from '../formats/tree';
import { parseYaml } from '../formats/yaml';
import { isNestingError } from '../nesting';
import type { ParsedFile } from '../files';
import type { Span } from '../ir';
import type { LineIndex } from '../text';

export const DEFAULT_REGISTER_FILE = 'ehi-exceptions.yaml';

/** Keys of an entry that say where it applies; every other key is an annotation field. */
const LOCATION_KEYS = new Set(['file', 'at', 'line', 'rule', 'exception']);

export interface RegisterEntry {
  /** Set when the entry's reason is copied to other entries of different exceptions. */
  reasonCopies?: { count: number; kinds: number };
  /** The register file, as the user named it (for messages and SARIF). */
  registerFile: string;
  /** The documented file, relative to the register's folder, with `/` separators. */
  file: string;
  at?: string;
  line?: number;
  rule?: string;
  exception: string;
  /** Offsets are in the register file. */
  exceptionSpan: Span;
  fileSpan: Span;
  /** The `at` or `line` value, when the entry has one. */
  locationSpan?: Span;
  ruleSpan?: Span;
  fields: AnnotationField[];
  entryStart: number;
  entryEnd: number;
}

export interface RegisterParse {
  entries: RegisterEntry[];
  /** Entries that are not mappings or lack `file`/`exception`: reported on the register itself. */
  problems: { at: Span; message: string }[];
  syntaxErrors: { span: Span; message: string }[];
  /** Set when the register nests deeper than configuration is read: nothing in it is read. */
  tooDeep?: string;
}

export function parseRegister(registerFile: string, text: string): RegisterParse {
  let doc: ConfigDocument;
  try {
    doc = parseYaml(text);
  } catch (err) {
    if (isNestingError(err)) return { entries: [], problems: [], syntaxErrors: [], tooDeep: err.message };
    throw err;
  }
  const result: RegisterParse = { entries: [], problems: [], syntaxErrors: doc.syntaxErrors.map((e) => ({ span: e, message: e.message })) };
  const root = doc.roots[0];
  if (!root) return result;
  const list: ConfigNode[] = root.kind === 'seq' ? root.items : root.kind === 'map' && root.entries.some((e) => e.key === 'exceptions') ? itemsOf(root, 'exceptions') : [];
  if (root.kind !== 'seq' && list.length === 0) {
    result.problems.push({ at: { start: root.start, end: root.start }, message: 'the register must be a YAML list of entries (or a map with an `exceptions:` list)' });
    return result;
  }
  for (const item of list) {
    if (item.kind !== 'map') {
      result.problems.push({ at: item, message: 'a register entry must be a mapping with file, exception and fields' });
      continue;
    }
    const fileNode = configAt(item, 'file');
    const file = scalarString(fileNode);
    const exceptionNode = configAt(item, 'exception');
    const exception = scalarString(exceptionNode);
    if (!file || !fileNode || exception === undefined || !exceptionNode) {
      result.problems.push({ at: { start: item.start, end: item.start }, message: `register entry needs ${!file ? '`file`' : '`exception`'}` });
      continue;
    }
    const fields: AnnotationField[] = [];
    for (const e of item.entries) {
      if (LOCATION_KEYS.has(e.key)) continue;
      fields.push({ name: e.key, value: scalarString(e.value) ?? '', nameStart: e.keyStart, valueStart: e.value.start, valueEnd: e.value.end });
    }
    result.entries.push({
      registerFile,
      file: file.replace(/\\/g, '/').replace(/^\.\//, ''),
      at: scalarString(configAt(item, 'at')),
      line: scalarNumber(configAt(item, 'line')),
      rule: scalarString(configAt(item, 'rule')),
      exception,
      exceptionSpan: { start: exceptionNode.start, end: exceptionNode.end },
      fileSpan: { start: fileNode.start, end: fileNode.end },
      locationSpan: spanOf(configAt(item, 'at') ?? configAt(item, 'line')),
      ruleSpan: spanOf(configAt(item, 'rule')),
      fields,
      entryStart: item.start,
      entryEnd: item.end,
    });
  }
  checkCopiedReasons(result.entries, (e) => e.exception);
  return result;
}

function spanOf(node: ConfigNode | undefined): Span | undefined {
  return node ? { start: node.start, end: node.end } : undefined;
}

function itemsOf(root: ConfigNode, key: string): ConfigNode[] {
  const node = configAt(root, key);
  return node?.kind === 'seq' ? node.items : [];
}

/**
 * An annotation (in the documented file's offsets for its target) built from a register entry.
 * Field spans stay in the register file: problems are reported there, not in the documented file.
 */
export function annotationFromRegister(entry: RegisterEntry, parsed: ParsedFile, lines: LineIndex): Annotation {
  const target = locate(entry, parsed, lines);
  return entryAnnotation(entry, { target, targetLine: target ? lines.positionAt(target.start).line : -1 });
}

/** A register entry as an annotation: with its located target, or without one when its file was not read. */
export function entryAnnotation(entry: RegisterEntry, located: Pick<Annotation, 'target' | 'targetLine'> = { targetLine: -1 }): Annotation {
  return {
    exceptionId: entry.exception.trim(),
    idSpan: entry.exceptionSpan,
    fields: entry.fields,
    span: { start: entry.entryStart, end: entry.entryEnd },
    form: 'register',
    ...located,
    problems: [],
    ...(entry.reasonCopies ? { reasonCopies: entry.reasonCopies } : {}),
    register: { file: entry.registerFile, entryStart: entry.entryStart, entryEnd: entry.entryEnd, rule: entry.rule, documentedFile: entry.file },
  };
}

/** Where an entry points in the documented file: a config node by pointer or key path, or a line. */
export function locate(entry: Pick<RegisterEntry, 'at' | 'line'>, parsed: ParsedFile, lines: LineIndex): Span | undefined {
  if (entry.line !== undefined) {
    const line = entry.line - 1;
    if (line < 0 || line >= lines.lineCount) return undefined;
    return { start: lines.lineStart(line), end: lines.lineEnd(line) };
  }
  if (entry.at === undefined || !parsed.config) return undefined;
  const node = resolvePath(parsed.config, entry.at);
  if (!node) return undefined;
  const span = node.entry ?? node;
  return { start: span.start, end: span.end };
}

function resolvePath(doc: ConfigDocument, path: string): ConfigNode | undefined {
  for (const root of doc.roots) {
    const found = path.startsWith('/') ? byPointer(root, path) : configAt(root, path) ?? byDotted(root, path);
    if (found) return found;
  }
  return undefined;
}

function byPointer(root: ConfigNode, pointer: string): ConfigNode | undefined {
  let node: ConfigNode | undefined = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!node) return undefined;
    if (node.kind === 'seq') node = node.items[Number(key)];
    else if (node.kind === 'map') node = node.entries.find((e) => e.key === key)?.value;
    else return undefined;
  }
  return node;
}

function byDotted(root: ConfigNode, path: string): ConfigNode | undefined {
  let node: ConfigNode | undefined = root;
  for (const key of path.split('.')) {
    if (!node) return undefined;
    if (node.kind === 'seq' && /^\d+$/.test(key)) node = node.items[Number(key)];
    else if (node.kind === 'map') node = node.entries.find((e) => e.key === key)?.value;
    else return undefined;
  }
  return node;
}
