/** Findings and notices of one file as LSP diagnostics, in the style users know from ESLint. */
import { pathToFileURL } from 'url';
import { Diagnostic, DiagnosticSeverity, DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import type { FileAnalysis, Finding, Notice } from '../core/engine';
import { ruleDocsUrl, TOOL_NAME } from '../core/meta';
import type { Severity } from '../core/rule';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Carried on each diagnostic and handed back with code-action requests. */
export interface DiagnosticData {
  fingerprint: string;
}

/** Notices (file not analysed, syntax error) have codes of this form, never a rule id. */
export const NOTICE_CODE_PREFIX = 'notice/';

export function toDiagnostics(uri: string, analysis: FileAnalysis, relatedInformation: boolean): Diagnostic[] {
  return [...analysis.findings.map((f) => findingDiagnostic(uri, f, relatedInformation)), ...analysis.notices.map(noticeDiagnostic)];
}

function findingDiagnostic(uri: string, f: Finding, relatedInformation: boolean): Diagnostic {
  const diagnostic: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: { href: ruleDocsUrl(f.ruleId) },
    source: TOOL_NAME,
    message: f.message,
    data: { fingerprint: f.fingerprint } satisfies DiagnosticData,
  };
  if (f.related.length > 0) {
    if (relatedInformation) diagnostic.relatedInformation = f.related.map((r) => DiagnosticRelatedInformation.create({ uri: r.file ? pathToFileURL(r.file).href : uri, range: r.range }, r.message));
    else diagnostic.message += ` (${f.related.map((r) => `${r.message}: line ${r.range.start.line + 1}`).join('; ')})`;
  }
  return diagnostic;
}

function noticeDiagnostic(n: Notice): Diagnostic {
  const start = n.range?.start ?? { line: 0, character: 0 };
  return {
    range: n.range ?? { start, end: start },
    severity: n.code === 'syntax' ? DiagnosticSeverity.Information : DiagnosticSeverity.Warning,
    code: `${NOTICE_CODE_PREFIX}${n.code}`,
    source: TOOL_NAME,
    message: `${TOOL_NAME}: ${n.message}`,
  };
}
