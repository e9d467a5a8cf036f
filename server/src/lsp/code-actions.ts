/**
 * Code actions for the diagnostics in a request, in predictable families (as ESLint users know
 * them): document the finding as each exception its rule accepts, add audit logging, fix the
 * annotation's problem, show the rule's documentation.
 */
import {
  CodeAction,
  CodeActionKind,
  CreateFile,
  Diagnostic,
  OptionalVersionedTextDocumentIdentifier,
  SnippetTextEdit,
  TextDocumentEdit,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { ruleById } from '../../../rules';
import type { Annotation, AnnotationProblem } from '../core/annotations/types';
import { fieldValue } from '../core/annotations/types';
import type { Finding } from '../core/engine';
import { isExceptionId } from '../core/annotations/exceptions';
import { parseFile, ParsedFile } from '../core/files';
import { TOOL_NAME } from '../core/meta';
import { auditPattern } from '../domain/audit';
import { LineIndex } from '../core/text';
import type { DiagnosticData } from './diagnostics';
import { addMissingFields, absentFields, removeAnnotation, renewReviewBy, takeSuggestion } from './fixes/annotation-fixes';
import { addAuditLogging } from './fixes/audit-logging';
import { documentAs, documentTitle } from './fixes/document-exception';
import type { TextChange } from './fixes/edits';
import { registerEntry } from './fixes/register-entry';
import { Commands } from '../protocol/index';
import type { ActionDocument } from './documents';

export interface ClientSupport {
  snippets: boolean;
  documentChanges: boolean;
  createFiles: boolean;
}

const ANNOTATION_RULES = new Set(['exception-invalid', 'exception-incomplete', 'exception-expired', 'exception-unaudited', 'exception-unused', 'exception-expiring']);

export async function codeActions(doc: ActionDocument, diagnostics: readonly Diagnostic[], support: ClientSupport): Promise<CodeAction[]> {
  const actions: CodeAction[] = [];
  const docs = new Map<string, CodeAction>();
  let parsed = doc.detail.parsed;
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== TOOL_NAME || typeof diagnostic.code !== 'string') continue;
    const finding = findingFor(doc.detail.result.findings, diagnostic, doc.lines);
    if (!finding) continue;
    parsed ??= await parseFile(doc.path, doc.lines.text);
    if (ANNOTATION_RULES.has(finding.ruleId)) actions.push(...annotationFixes(doc, parsed, finding, diagnostic, support));
    else actions.push(...documentFixes(doc, parsed, finding, diagnostic, support));
    if (!docs.has(finding.ruleId)) {
      docs.set(finding.ruleId, {
        title: `Show documentation for ${finding.ruleId}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: `Show documentation for ${finding.ruleId}`, command: Commands.showRuleDocumentation, arguments: [finding.ruleId] },
      });
    }
  }
  return [...actions, ...docs.values()];
}

function findingFor(findings: readonly Finding[], diagnostic: Diagnostic, lines: LineIndex): Finding | undefined {
  const fingerprint = (diagnostic.data as DiagnosticData | undefined)?.fingerprint;
  if (fingerprint) {
    const byPrint = findings.find((f) => f.fingerprint === fingerprint);
    if (byPrint) return byPrint;
  }
  const start = lines.offsetAt(diagnostic.range.start);
  return findings.find((f) => f.ruleId === diagnostic.code && f.start === start);
}

function documentFixes(doc: ActionDocument, parsed: ParsedFile, finding: Finding, diagnostic: Diagnostic, support: ClientSupport): CodeAction[] {
  const out: CodeAction[] = [];
  for (const exception of finding.exceptions) {
    const title = documentTitle(exception, finding.ruleId);
    if (parsed.language === 'json') {
      if (!doc.register) continue;
      if (doc.register.text === undefined && !(support.createFiles && support.documentChanges)) continue;
      const edit = registerEntry({
        registerPath: doc.register.path,
        registerText: doc.register.text,
        documentPath: doc.path,
        parsed,
        offset: finding.start,
        ruleId: finding.ruleId,
        exception,
        now: doc.now,
      });
      if (!edit) continue;
      const registerLines = new LineIndex(doc.register.text ?? '');
      const textEdit = TextEdit.replace(registerLines.rangeOf(edit.change.start, edit.change.end), edit.change.text);
      let workspaceEdit: WorkspaceEdit;
      if (edit.create) {
        workspaceEdit = { documentChanges: [CreateFile.create(doc.register.uri, { ignoreIfExists: true }), TextDocumentEdit.create({ uri: doc.register.uri, version: null }, [textEdit])] };
      } else if (support.documentChanges) {
        workspaceEdit = { documentChanges: [TextDocumentEdit.create({ uri: doc.register.uri, version: doc.register.version }, [textEdit])] };
      } else workspaceEdit = { changes: { [doc.register.uri]: [textEdit] } };
      out.push({ title: `${title} in ${pathTail(doc.register.path)}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: workspaceEdit });
      continue;
    }
    const change = documentAs({ parsed, lines: doc.lines, annotations: doc.detail.annotations, offset: finding.start, exception, now: doc.now });
    if (change) out.push(action(title, diagnostic, doc, [change], support));
  }
  return out;
}

function annotationFixes(doc: ActionDocument, parsed: ParsedFile, finding: Finding, diagnostic: Diagnostic, support: ClientSupport): CodeAction[] {
  if (finding.ruleId === 'exception-unaudited') {
    const annotation = doc.detail.annotations.find((a) => a.idSpan.start === finding.start && a.problems.length === 0);
    if (!annotation || !isExceptionId(annotation.exceptionId)) return [];
    const annotationStart = doc.lines.positionAt(annotation.span.start);
    const documented = doc.detail.result.suppressed.find(
      (s) => s.suppression?.location.range && s.suppression.location.range.start.line === annotationStart.line && s.suppression.location.range.start.character === annotationStart.character,
    );
    const pattern = auditPattern(doc.settings.auditPattern);
    if (!documented || !pattern) return [];
    const changes = addAuditLogging({
      parsed,
      lines: doc.lines,
      offset: documented.start,
      templates: doc.settings.auditTemplates,
      ruleId: documented.ruleId,
      exception: annotation.exceptionId,
      reason: fieldValue(annotation, 'reason') ?? '',
      pattern,
    });
    return changes ? [action('Add audit logging', diagnostic, doc, changes, support, true)] : [];
  }
  if (finding.ruleId === 'exception-unused') {
    const annotation = doc.detail.annotations.find((a) => a.idSpan.start === finding.start && a.form !== 'register');
    const change = annotation && removeAnnotation(annotation, parsed.comments, doc.lines);
    return change ? [action('Remove the annotation', diagnostic, doc, [change], support, true)] : [];
  }
  if (finding.ruleId === 'exception-expiring') {
    const annotation = doc.detail.annotations.find((a) => a.fields.some((f) => f.name === 'review-by' && f.valueStart === finding.start));
    const change = annotation && renewReviewBy(annotation, doc.now);
    return change ? [action(`Set review-by to ${change.text} (after reviewing the decision)`, diagnostic, doc, [change], support)] : [];
  }
  const found = problemAt(doc.detail.annotations, finding);
  if (!found) return [];
  const { annotation, problem } = found;
  switch (finding.ruleId) {
    case 'exception-incomplete': {
      const change = addMissingFields(annotation, problem, doc.lines, doc.now);
      return change ? [action(`Add missing fields: ${absentFields(annotation, problem).join(', ')}`, diagnostic, doc, [change], support, true)] : [];
    }
    case 'exception-expired': {
      const change = renewReviewBy(annotation, doc.now);
      return change ? [action(`Set review-by to ${change.text} (after reviewing the decision)`, diagnostic, doc, [change], support, true)] : [];
    }
    case 'exception-invalid': {
      const change = takeSuggestion(problem);
      return change ? [action(`Change to "${change.text}"`, diagnostic, doc, [change], support, true)] : [];
    }
  }
  return [];
}

function problemAt(annotations: readonly Annotation[], finding: Finding): { annotation: Annotation; problem: AnnotationProblem } | undefined {
  const kind = finding.ruleId.replace(/^exception-/, '');
  for (const annotation of annotations) {
    const problem = annotation.problems.find((p) => p.kind === kind && p.at.start === finding.start && p.at.end === finding.end);
    if (problem) return { annotation, problem };
  }
  return undefined;
}

function action(title: string, diagnostic: Diagnostic, doc: ActionDocument, changes: TextChange[], support: ClientSupport, preferred = false): CodeAction {
  const edits = changes.map((c) => {
    const range = doc.lines.rangeOf(c.start, c.end);
    if (support.snippets && c.snippet !== undefined) return { range, snippet: { kind: 'snippet', value: c.snippet } } satisfies SnippetTextEdit;
    return TextEdit.replace(range, c.text);
  });
  const edit: WorkspaceEdit = support.documentChanges
    ? { documentChanges: [TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(doc.uri, doc.version), edits)] }
    : { changes: { [doc.uri]: edits as TextEdit[] } };
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit, ...(preferred ? { isPreferred: true } : {}) };
}

function pathTail(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** Whether a rule id belongs to the rule registry (for the documentation command). */
export function isRuleId(id: unknown): id is string {
  return typeof id === 'string' && ruleById(id) !== undefined;
}
