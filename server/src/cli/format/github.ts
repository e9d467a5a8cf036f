/**
 * GitHub Actions workflow commands: one `::error|warning|notice file=…,line=…,col=…,title=…::message`
 * per finding, so findings show as annotations on the pull request's diff; then a plain summary.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
import { ruleDocsUrl } from '../../core/meta';
import type { Severity } from '../../core/rule';
import type { Range } from '../../core/text';
import { repoPath, Report } from './report';
import { formatStylish } from './stylish';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes a command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value (also `:` and `,`, which separate properties). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, properties: Record<string, string | number>, message: string): string {
  const props = Object.entries(properties)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${name} ${props}::${escapeData(message)}`;
}

function where(file: string, range: Range): Record<string, number | string> {
  return { file, line: range.start.line + 1, endLine: range.end.line + 1, col: range.start.character + 1, endColumn: range.end.character + 1 };
}

export function formatGithub(report: Report): string {
  const lines: string[] = [];
  for (const scanned of report.files) {
    // Annotations name files relative to the repository root, as GitHub does, from any working folder.
    const file = { ...scanned, path: repoPath(report, scanned.path) };
    for (const f of file.findings) lines.push(command(COMMAND[f.severity], { ...where(file.path, f.range), title: `${f.ruleId}` }, `${f.message}\n${ruleDocsUrl(f.ruleId)}`));
    for (const n of file.notices) {
      const at = n.range ? where(file.path, n.range) : { file: file.path };
      lines.push(command('warning', { ...at, title: 'ehi-lint: not fully analysed' }, n.message));
    }
  }
  for (const s of report.skipped) lines.push(command('notice', { title: 'ehi-lint: skipped' }, `${s.path}: ${s.reason}`));
  // The last line of the stylish report: the counts, readable in the job log.
  const summary = formatStylish({ ...report, files: [], skipped: [] }, false).trim();
  lines.push(report.summary.baselined > 0 ? `${summary}; ${report.summary.baselined} in the baseline` : summary);
  return lines.join('\n') + '\n';
}
