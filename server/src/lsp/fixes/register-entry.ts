/**
 * "Document as <exception>" for files that cannot hold comments (JSON): an entry in the exception
 * register naming the file, the JSON pointer of the construct, the rule and the exception, with its
 * required fields empty for the user to fill in. Appended to the register, or a new register.
 */
import * as path from 'path';
import { descendants, jsonPointer, ConfigNode } from '../../core/formats/tree';
import type { ExceptionId } from '../../core/annotations/exceptions';
import type { ParsedFile } from '../../core/files';
import { parseRegister } from '../../core/annotations/register';
import { templateFields } from './document-exception';
import { oneYearFrom, TextChange } from './edits';

export const REGISTER_HEADER =
  '# Exception register (ehi-lint): the record for files that cannot hold comments.\n' +
  '# Each entry names a file, a location (`at`: JSON pointer, or dotted key path for YAML; or `line`),\n' +
  '# the rule, the exception and its fields. See the exception annotation contract for the fields.\n';

/** The JSON pointer of the innermost node whose entry contains `offset`. */
export function pointerAt(parsed: ParsedFile, offset: number): string | undefined {
  let best: ConfigNode | undefined;
  for (const root of parsed.config?.roots ?? []) {
    for (const node of descendants(root)) {
      const span = node.entry ?? node;
      if (span.start <= offset && offset < Math.max(span.end, span.start + 1) && node.parent) {
        if (!best || span.start >= (best.entry ?? best).start) best = node;
      }
    }
  }
  return best ? jsonPointer(best) : undefined;
}

export interface RegisterEdit {
  /** Whether the register must be created first. */
  create: boolean;
  change: TextChange;
}

export function registerEntry(options: {
  registerPath: string;
  /** The register's text, or undefined when there is none yet. */
  registerText: string | undefined;
  documentPath: string;
  parsed: ParsedFile;
  offset: number;
  ruleId: string;
  exception: ExceptionId;
  now: Date;
}): RegisterEdit | undefined {
  const at = pointerAt(options.parsed, options.offset);
  if (at === undefined) return undefined;
  const file = path.relative(path.dirname(options.registerPath), options.documentPath).split(path.sep).join('/');
  const existing = options.registerText === undefined ? [] : parseRegister(path.basename(options.registerPath), options.registerText).entries;
  // One record per construct and rule: an existing entry is completed by the annotation fixes instead.
  if (existing.some((e) => e.file === file && e.at === at && (e.rule === undefined || e.rule === options.ruleId))) return undefined;
  const keys = [`file: ${file}`, `at: ${at}`, `rule: ${options.ruleId}`, `exception: ${options.exception}`];
  for (const f of templateFields(options.exception)) keys.push(f.name === 'review-by' ? `review-by: ${oneYearFrom(options.now)}` : `${f.name}:`);
  const text = options.registerText ?? '';
  const indent = itemIndent(text);
  const entry = keys.map((k, i) => `${indent}${i === 0 ? '- ' : '  '}${k}`).join('\n') + '\n';
  if (options.registerText === undefined) return { create: true, change: { start: 0, end: 0, text: `${REGISTER_HEADER}\n${entry}` } };
  const separator = text === '' ? '' : text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
  return { create: false, change: { start: text.length, end: text.length, text: `${separator}${entry}` } };
}

/** The indentation of the register's list items (a top-level list, or the list under `exceptions:`). */
function itemIndent(text: string): string {
  const m = /^( *)- /m.exec(text);
  return m ? m[1] : '';
}
