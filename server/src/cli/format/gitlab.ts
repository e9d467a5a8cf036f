/**
 * GitLab Code Quality (a subset of the Code Climate issue format): one issue per open finding, with a
 * fingerprint unique in the report and stable across unrelated edits, the path relative to the
 * repository root, and the rule's documentation. GitLab shows them in the merge request widget.
 * https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
 */
import { createHash } from 'crypto';
import { ruleDocsUrl } from '../../core/meta';
import type { Severity } from '../../core/rule';
import type { Report } from './report';
import { repoPath } from './report';

const SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', info: 'info' };

export function formatGitlab(report: Report): string {
  const issues: object[] = [];
  for (const file of report.files) {
    const where = repoPath(report, file.path);
    for (const f of file.findings) {
      issues.push({
        type: 'issue',
        check_name: f.ruleId,
        description: f.message,
        content: { body: `${f.message}\n\nDocumentation: ${ruleDocsUrl(f.ruleId)}` },
        categories: ['Compatibility'],
        severity: SEVERITY[f.severity],
        fingerprint: createHash('sha256').update(`${f.ruleId}\0${where}\0${f.fingerprint}`).digest('hex').slice(0, 32),
        location: {
          path: where,
          lines: { begin: f.range.start.line + 1, end: f.range.end.line + 1 },
        },
      });
    }
  }
  return JSON.stringify(issues, null, 2) + '\n';
}
