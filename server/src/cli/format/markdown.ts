/** The compliance report as Markdown (for a pull-request comment, a wiki page or a job summary). */
import { accountability, complianceData, EXPIRY_WINDOW_DAYS, ExceptionRecord, plural, SEVERITIES } from './compliance';
import { ruleDocsUrl } from '../../core/meta';
import type { Report } from './report';

/** A table cell: one line, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|') || ' ';
}

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

function link(text: string, href: string): string {
  return `[${text.replace(/([[\]\\])/g, '\\$1')}](${href.replace(/[()\s]/g, (c) => encodeURIComponent(c))})`;
}

function exceptionRows(list: ExceptionRecord[]): string[][] {
  return list.map((e) => [link(`${e.path}:${e.line}`, e.href), e.rules || '—', `${e.exceptionTitle} (\`${e.exception}\`)`, e.reason || '—', accountability(e), e.reviewBy || '—', e.status]);
}

const EXCEPTION_HEAD = ['Where', 'Rule', 'Exception', 'Reason', 'Owner', 'Review by', 'Status'];

export function formatMarkdown(report: Report): string {
  const data = complianceData(report);
  const s = data.summary;
  const out: string[] = [`# ${data.title}`, '', `Generated ${data.generated} by ${data.tool}.`, '', ...data.scope.map((l) => `- ${l}`), ''];

  out.push('## Summary', '');
  out.push(
    ...table(
      ['Measure', 'Count'],
      [
        ['Files analysed', String(s.files)],
        ['Lines analysed', String(s.lines)],
        ['Open findings', String(s.errors + s.warnings + s.infos)],
        ['Documented exceptions (findings)', String(s.documented)],
        [`Exceptions due for review in ${EXPIRY_WINDOW_DAYS} days`, String(data.expiring.length)],
        ['Files not fully analysed', String(data.unanalysedFiles)],
      ],
    ),
    '',
  );

  out.push('## Findings by rule', '');
  out.push(...table(['Rule', 'Open', 'Errors', 'Warnings', 'Info', 'Documented'], data.byRule.map((r) => [`\`${r.id}\`: ${r.title}`, String(r.open), ...SEVERITIES.map((v) => String(r.bySeverity[v])), String(r.documented)])), '');

  out.push('## Findings by severity', '');
  out.push(...table(['Severity', 'Open'], SEVERITIES.map((v) => [v, String(data.bySeverity[v])])), '');

  out.push('## Open findings', '');
  if (data.findings.length === 0) out.push('No open findings.', '');
  else out.push(...table(['Where', 'Severity', 'Rule', 'Finding', 'Exceptions that could apply'], data.findings.map((f) => [link(`${f.path}:${f.line}`, f.href), f.severity, link(`\`${f.ruleId}\``, ruleDocsUrl(f.ruleId)), f.message, f.exceptions.join(', ') || '—'])), '');

  out.push('## Documented exceptions', '');
  if (data.exceptions.length === 0) out.push('No documented exceptions.', '');
  else out.push(...table(EXCEPTION_HEAD, exceptionRows(data.exceptions)), '');

  out.push(`## Exceptions due for review in the next ${EXPIRY_WINDOW_DAYS} days`, '');
  if (data.expiring.length === 0) out.push(`None is due for review in the next ${EXPIRY_WINDOW_DAYS} days.`, '');
  else out.push(...table([...EXCEPTION_HEAD, 'Days left'], exceptionRows(data.expiring).map((row, i) => [...row, String(data.expiring[i].daysLeft)])), '');
  if (data.expired.length > 0) {
    out.push(`Past their review date (${plural(data.expired.length, 'exception')}); an expired exception documents nothing until it is reviewed:`, '');
    out.push(...table(EXCEPTION_HEAD, exceptionRows(data.expired)), '');
  }

  out.push('## Files not fully analysed', '');
  if (data.unanalysed.length === 0) out.push('Every file was analysed.', '');
  else out.push(...table(['File', 'Problem'], data.unanalysed.map((u) => [u.href ? link(u.path, u.href) : u.path, u.problem])), '');

  return out.join('\n');
}
