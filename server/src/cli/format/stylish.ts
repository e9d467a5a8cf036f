/** The terminal report: findings grouped by file, one line each (`file:line:col severity message rule-id`), then a summary. */
import type { FileAnalysis } from '../../core/engine';
import { ruleDocsUrl } from '../../core/meta';
import type { Report } from './report';

const COLORS = { red: 31, yellow: 33, blue: 34, gray: 90, bold: 1, underline: 4, green: 32 } as const;

export function formatStylish(report: Report, color: boolean): string {
  const paint = (code: keyof typeof COLORS, s: string): string => (color ? `\u001b[${COLORS[code]}m${s}\u001b[0m` : s);
  const lines: string[] = [];
  for (const file of report.files) {
    const rows = rowsFor(file, paint, color);
    if (rows.length === 0) continue;
    lines.push(paint('underline', file.path));
    lines.push(...rows);
    lines.push('');
  }
  // Where each rule that was found is explained (in colour, the rule ids above are links too).
  const found = [...new Set(report.files.flatMap((f) => f.findings.map((x) => x.ruleId)))].sort();
  if (found.length > 0) {
    const width = Math.max(...found.map((id) => id.length));
    lines.push('Rule documentation:', ...found.map((id) => `  ${id.padEnd(width)}  ${ruleDocsUrl(id)}`), '');
  }
  for (const s of report.skipped) lines.push(`${s.path}: skipped: ${s.reason}`);
  if (report.skipped.length > 0) lines.push('');
  const { errors, warnings, infos, documented, unanalysed } = report.summary;
  const problems = errors + warnings + infos;
  const parts = [`${errors} error${errors === 1 ? '' : 's'}`, `${warnings} warning${warnings === 1 ? '' : 's'}`];
  if (infos > 0) parts.push(`${infos} info`);
  const tail = [
    documented > 0 ? `${documented} documented exception${documented === 1 ? '' : 's'}` : '',
    unanalysed > 0 ? `${unanalysed} file${unanalysed === 1 ? '' : 's'} not fully analysed` : '',
  ].filter((s) => s);
  const hidden = report.summary.hidden ?? { warnings: 0, infos: 0 };
  const hiddenParts = [hidden.warnings > 0 ? `${hidden.warnings} warning${hidden.warnings === 1 ? '' : 's'}` : '', hidden.infos > 0 ? `${hidden.infos} info` : ''].filter((x) => x);
  if (hiddenParts.length > 0) tail.unshift(`${hiddenParts.join(' and ')} not shown (--quiet)`);
  const files = `${report.summary.files} file${report.summary.files === 1 ? '' : 's'}`;
  const summary =
    problems === 0
      ? hiddenParts.length > 0
        ? paint('green', `✔ no errors in ${files}`)
        : paint('green', `✔ no problems in ${files}`)
      : paint(errors > 0 ? 'red' : 'yellow', `✖ ${problems} problem${problems === 1 ? '' : 's'} (${parts.join(', ')}) in ${report.summary.files} file${report.summary.files === 1 ? '' : 's'}`);
  lines.push(tail.length > 0 ? `${summary}; ${tail.join(', ')}` : summary);
  return lines.join('\n') + '\n';
}

function rowsFor(file: FileAnalysis, paint: (code: keyof typeof COLORS, s: string) => string, color: boolean): string[] {
  const rows: { line: number; col: number; text: string }[] = [];
  for (const n of file.notices) {
    const line = n.range ? n.range.start.line + 1 : 1;
    const col = n.range ? n.range.start.character + 1 : 1;
    rows.push({ line, col, text: `  ${file.path}:${line}:${col}  ${paint('blue', 'notice')}  ${n.message}  ${paint('gray', n.code)}` });
  }
  for (const f of file.findings) {
    const line = f.range.start.line + 1;
    const col = f.range.start.character + 1;
    const severity = f.severity === 'error' ? paint('red', 'error') : f.severity === 'warning' ? paint('yellow', 'warning') : paint('blue', 'info');
    rows.push({ line, col, text: `  ${file.path}:${line}:${col}  ${severity}  ${f.message}  ${paint('gray', color ? hyperlink(f.ruleId, ruleDocsUrl(f.ruleId)) : f.ruleId)}` });
  }
  return rows.sort((a, b) => a.line - b.line || a.col - b.col).map((r) => r.text);
}

/** An OSC 8 terminal hyperlink (terminals without support show the text). */
function hyperlink(text: string, url: string): string {
  return `\u001b]8;;${url}\u001b\\${text}\u001b]8;;\u001b\\`;
}
