/**
 * "Add audit logging": a call built from the configured template for the language, inserted at the
 * start of the restricted path (before any comment that opens its body, after a Python docstring),
 * carrying the rule id, the exception id and the reason. It adds the template's import only when
 * the template names one and the file lacks it.
 */
import type { CodeUnit, ParsedFile } from '../../core/files';
import { pathCallsAudit, restrictedPathAt } from '../../domain/audit';
import type { LineIndex } from '../../core/text';
import type { AuditLanguage, AuditTemplate } from '../settings';
import { indentationOf, indentUnit, TextChange } from './edits';

export function auditCall(template: AuditTemplate, ruleId: string, exception: string, reason: string): string {
  const values: Record<string, string> = { rule: ruleId, exception, reason: JSON.stringify(reason) };
  return template.call.replace(/\{(rule|exception|reason)\}/g, (_, key: string) => values[key]);
}

export function addAuditLogging(options: {
  parsed: ParsedFile;
  lines: LineIndex;
  /** The documented finding (file offset). */
  offset: number;
  templates: Record<AuditLanguage, AuditTemplate>;
  ruleId: string;
  exception: string;
  reason: string;
  pattern: RegExp;
}): TextChange[] | undefined {
  const { parsed, lines } = options;
  const text = lines.text;
  const unit = parsed.codeUnits.find((u) => u.toFile(0) <= options.offset && options.offset <= u.toFile(u.model.text.length));
  if (!unit) return undefined;
  const path = restrictedPathAt(unit.model, unit.fromFile(options.offset));
  if (!path?.statements || pathCallsAudit(path, options.pattern)) return undefined;
  const language = unit.model.language as AuditLanguage;
  const template = options.templates[language];
  if (!template) return undefined;
  const call = auditCall(template, options.ruleId, options.exception, options.reason);
  const commentLine = commentLines(parsed, lines);
  const insertion = path.kind === 'script' ? atScriptStart(unit, call) : atBodyStart(unit, lines, commentLine, path.statements, path.bodyStart!, call, language === 'python');
  if (!insertion) return undefined;
  if (insideEscapedXml(parsed, text, insertion.start)) insertion.text = escapeXml(insertion.text);
  const changes = [insertion];
  if (template.import && !text.includes(template.import.trim())) changes.push(importChange(text, template.import.trim(), language));
  return changes;
}

function atScriptStart(unit: CodeUnit, call: string): TextChange {
  const script = unit.model.text;
  const first = script.search(/\S/);
  const at = first < 0 ? 0 : first;
  const lineBreak = script.lastIndexOf('\n', at - 1);
  const indent = script.slice(lineBreak + 1, at).replace(/\S/g, '');
  const offset = unit.toFile(at);
  return { start: offset, end: offset, text: `${call}\n${indent}` };
}

function atBodyStart(unit: CodeUnit, lines: LineIndex, isComment: (line: number) => boolean, statements: { start: number; end: number; kind: string }[], bodyStart: number, call: string, python: boolean): TextChange | undefined {
  const text = lines.text;
  // A Python docstring stays the function's first statement.
  const docstring = python && statements[0]?.kind === 'string' ? statements[0] : undefined;
  const first = docstring ? statements[1] : statements[0];
  // The line of the brace that opens the body (for Python: of the first statement).
  const openLine = lines.positionAt(unit.toFile(bodyStart)).line;
  if (docstring) {
    const after = lines.positionAt(unit.toFile(docstring.end - 1)).line + 1;
    const indent = indentationOf(lines.lineText(lines.positionAt(unit.toFile(docstring.start)).line));
    const at = lines.lineStart(after);
    return { start: at, end: at, text: `${indent}${call}\n` };
  }
  if (!first) {
    if (python) return undefined;
    // An empty block: open it up after its brace.
    const brace = unit.toFile(bodyStart);
    return { start: brace + 1, end: brace + 1, text: `\n${indentationOf(lines.lineText(openLine))}${indentUnit(text)}${call}` };
  }
  const anchorLine = lines.positionAt(unit.toFile(first.start)).line;
  if (!python && anchorLine === openLine) {
    const brace = unit.toFile(bodyStart);
    return { start: brace + 1, end: brace + 1, text: `\n${indentationOf(lines.lineText(openLine))}${indentUnit(text)}${call}` };
  }
  // `def f(): return x`: no line of its own to insert before.
  if (python && /^\s*(async\s+)?def\b/.test(lines.lineText(anchorLine))) return undefined;
  // Before the comments (an exception annotation, say) that open the body.
  let top = anchorLine;
  const stop = python ? -1 : openLine;
  while (top - 1 > stop && (lines.lineText(top - 1).trim() === '' || isComment(top - 1)) && !(python && /:\s*$/.test(lines.lineText(top - 1)))) top--;
  const at = lines.lineStart(top);
  return { start: at, end: at, text: `${indentationOf(lines.lineText(anchorLine))}${call}\n` };
}

/** Whether a line begins inside a comment (its first non-blank character is part of one). */
function commentLines(parsed: ParsedFile, lines: LineIndex): (line: number) => boolean {
  return (line) => {
    const text = lines.lineText(line);
    const first = lines.lineStart(line) + (text.length - text.trimStart().length);
    return parsed.comments.some((c) => c.start <= first && first < c.end);
  };
}

/** Inside a Mirth script written as XML text (not CDATA), `<` and `&` must be escaped. */
function insideEscapedXml(parsed: ParsedFile, text: string, offset: number): boolean {
  if (parsed.language !== 'mirth') return false;
  const open = text.lastIndexOf('<![CDATA[', offset);
  return !(open >= 0 && text.indexOf(']]>', open) >= offset);
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const IMPORT_LINE: Record<AuditLanguage, RegExp> = {
  typescript: /^(import\b|const \w+ = require\()/,
  javascript: /^(import\b|const \w+ = require\(|const \{[^}]*\} = require\()/,
  java: /^(import |package )/,
  csharp: /^using [\w.]+;/,
  python: /^(import |from \S+ import )/,
  mirth: /^$/,
};

function importChange(text: string, line: string, language: AuditLanguage): TextChange {
  const lines = text.split('\n');
  let after = -1;
  for (let i = 0; i < lines.length; i++) if (IMPORT_LINE[language].test(lines[i])) after = i;
  let offset = 0;
  for (let i = 0; i <= after; i++) offset += lines[i].length + 1;
  offset = Math.min(offset, text.length);
  return { start: offset, end: offset, text: `${line}\n` };
}
