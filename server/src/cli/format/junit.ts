/**
 * JUnit XML for CI dashboards (GitLab, Jenkins, Azure DevOps): one test suite per file with
 * findings, one failing test case per open finding, documented exceptions and files that could not
 * be analysed as skipped cases. A clean scan is one passing case, so the dashboard shows a run.
 */
import type { Finding } from '../../core/engine';
import { ruleDocsUrl, TOOL_NAME } from '../../core/meta';
import type { Report } from './report';

/** XML text: markup escaped, characters XML 1.0 cannot hold removed. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function at(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1}`;
}

export function formatJunit(report: Report): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const file of report.files) {
    const cases: string[] = [];
    const name = xmlEscape(file.path);
    for (const f of file.findings) {
      cases.push(
        `    <testcase classname="${name}" name="${xmlEscape(`${f.ruleId} at ${at(f)}`)}" file="${name}" line="${f.range.start.line + 1}">\n` +
          `      <failure type="${f.severity}" message="${xmlEscape(f.message)}">${xmlEscape(`${file.path}:${at(f)} ${f.severity} ${f.message} (${f.ruleId})\n${ruleDocsUrl(f.ruleId)}`)}</failure>\n` +
          `    </testcase>`,
      );
    }
    for (const f of file.suppressed) {
      cases.push(
        `    <testcase classname="${name}" name="${xmlEscape(`${f.ruleId} at ${at(f)}`)}" file="${name}" line="${f.range.start.line + 1}">\n` +
          `      <skipped message="${xmlEscape(`documented exception: ${f.suppression?.exception ?? ''}${f.suppression?.justification ? `: ${f.suppression.justification}` : ''}`)}"/>\n` +
          `    </testcase>`,
      );
    }
    for (const n of file.notices) {
      cases.push(`    <testcase classname="${name}" name="${xmlEscape(`not analysed: ${n.code}`)}" file="${name}">\n      <skipped message="${xmlEscape(n.message)}"/>\n    </testcase>`);
    }
    if (cases.length === 0) continue;
    const fileFailures = file.findings.length;
    const fileSkipped = file.suppressed.length + file.notices.length;
    tests += cases.length;
    failures += fileFailures;
    skipped += fileSkipped;
    suites.push(`  <testsuite name="${name}" tests="${cases.length}" failures="${fileFailures}" errors="0" skipped="${fileSkipped}">\n${cases.join('\n')}\n  </testsuite>`);
  }
  if (failures === 0) {
    tests++;
    suites.push(`  <testsuite name="${TOOL_NAME}" tests="1" failures="0" errors="0" skipped="0">\n    <testcase classname="${TOOL_NAME}" name="${xmlEscape(`no open findings in ${report.summary.files} files`)}"/>\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${TOOL_NAME}" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">\n${suites.join('\n')}\n</testsuites>\n`;
}
