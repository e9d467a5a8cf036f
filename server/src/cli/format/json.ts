/** Machine-readable report. Lines and columns are 1-based (columns in UTF-16 code units). */
import type { Finding, FileAnalysis } from '../../core/engine';
import { ruleDocsUrl, TOOL_NAME, TOOL_VERSION } from '../../core/meta';
import type { Report } from './report';

export function formatJson(report: Report): string {
  const out = {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    summary: report.summary,
    files: report.files.map((f: FileAnalysis) => ({
      path: f.path,
      language: f.language,
      findings: f.findings.map(finding),
      suppressed: f.suppressed.map(finding),
      exceptions: f.exceptions.map((e) => ({ ...e, range: position(e.range) })),
      notices: f.notices.map((n) => ({ code: n.code, message: n.message, ...(n.range ? position(n.range) : {}) })),
    })),
    skipped: report.skipped,
  };
  return JSON.stringify(out, null, 2) + '\n';
}

function position(range: Finding['range']) {
  return { line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

function finding(f: Finding) {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    docs: ruleDocsUrl(f.ruleId),
    ...position(f.range),
    exceptions: f.exceptions,
    fingerprint: f.fingerprint,
    related: f.related.map((r) => ({ message: r.message, ...(r.file ? { file: r.file } : {}), ...position(r.range) })),
    ...(f.suppression ? { suppression: f.suppression } : {}),
  };
}
