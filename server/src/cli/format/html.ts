/**
 * The compliance report as one self-contained HTML file for compliance officers: inline CSS, an
 * inline SVG chart of findings by rule, no scripts, fonts or images fetched from anywhere (the
 * Content-Security-Policy forbids it), readable on screen and in print.
 */
import { accountability, complianceData, ComplianceData, EXPIRY_WINDOW_DAYS, ExceptionRecord, plural, RuleCount, SEVERITIES } from './compliance';
import { ruleDocsUrl } from '../../core/meta';
import type { Report } from './report';

export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export const STYLE = `
:root { --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --bg: #f6f8fa; --error: #cf222e; --warning: #9a6700; --info: #0969da; --ok: #1a7f37; --documented: #8250df; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1100px; margin: 0 auto; padding: 32px 24px 64px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
p.meta, ul.scope { color: var(--muted); margin: 4px 0; }
ul.scope { padding-left: 18px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin-top: 20px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; background: var(--bg); }
.card .n { font-size: 26px; font-weight: 600; display: block; }
.card .l { color: var(--muted); font-size: 13px; }
.card.bad .n { color: var(--error); } .card.warn .n { color: var(--warning); } .card.good .n { color: var(--ok); }
table { border-collapse: collapse; width: 100%; margin: 8px 0 4px; font-size: 13px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--bg); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.nowrap { white-space: nowrap; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--bg); padding: 1px 4px; border-radius: 4px; }
a { color: var(--info); text-decoration: none; } a:hover { text-decoration: underline; }
.sev { display: inline-block; padding: 0 6px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; }
.sev.error { background: var(--error); } .sev.warning { background: var(--warning); } .sev.info { background: var(--info); }
.status { font-weight: 600; } .status.valid { color: var(--ok); } .status.expired, .status.invalid { color: var(--error); } .status.incomplete { color: var(--warning); }
.empty { color: var(--muted); font-style: italic; }
figure { margin: 8px 0; } figcaption { color: var(--muted); font-size: 12px; }
svg text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--ink); }
@media print { main { padding: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; } a { color: inherit; } }
`;

/** Horizontal bars, one per rule: open findings by severity, then documented ones. */
function chart(rules: RuleCount[]): string {
  const rowHeight = 30;
  const labelWidth = 230;
  const barWidth = 560;
  const countWidth = 150;
  const legendHeight = 28;
  const max = Math.max(1, ...rules.map((r) => r.open + r.documented));
  const width = labelWidth + barWidth + countWidth;
  const height = legendHeight + rules.length * rowHeight + 4;
  const colors: Record<string, string> = { error: 'var(--error)', warning: 'var(--warning)', info: 'var(--info)', documented: 'var(--documented)' };
  const parts: string[] = [];
  let legendX = labelWidth;
  for (const key of [...SEVERITIES, 'documented']) {
    parts.push(`<rect x="${legendX}" y="6" width="12" height="12" rx="2" style="fill:${colors[key]}"/><text x="${legendX + 16}" y="16">${key}</text>`);
    legendX += 100;
  }
  rules.forEach((r, i) => {
    const y = legendHeight + i * rowHeight;
    parts.push(`<text x="${labelWidth - 8}" y="${y + 19}" text-anchor="end">${esc(r.id)}</text>`);
    let x = labelWidth;
    for (const [key, n] of [...SEVERITIES.map((v) => [v, r.bySeverity[v]] as const), ['documented', r.documented] as const]) {
      if (n === 0) continue;
      const w = (n / max) * barWidth;
      parts.push(`<rect class="bar ${key}" data-rule="${esc(r.id)}" data-count="${n}" x="${x.toFixed(1)}" y="${y + 6}" width="${w.toFixed(1)}" height="${rowHeight - 10}" rx="2" style="fill:${colors[key]}"><title>${esc(`${r.id}: ${n} ${key}`)}</title></rect>`);
      x += w;
    }
    parts.push(`<text x="${(x + 8).toFixed(1)}" y="${y + 19}">${esc(`${r.open} open${r.documented ? `, ${r.documented} documented` : ''}`)}</text>`);
  });
  const label = `Findings by rule: ${rules.map((r) => `${r.id} ${r.open} open, ${r.documented} documented`).join('; ')}`;
  return `<svg id="chart-by-rule" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(label)}" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px">${parts.join('')}</svg>`;
}

interface Column {
  text: string;
  num?: boolean;
  nowrap?: boolean;
}

function table(head: Column[], rows: string[][], empty: string): string {
  if (rows.length === 0) return `<p class="empty">${esc(empty)}</p>`;
  const th = head.map((h) => `<th${h.num ? ' class="num"' : ''}>${esc(h.text)}</th>`).join('');
  const cls = (h: Column | undefined): string => (h?.num ? ' class="num"' : h?.nowrap ? ' class="nowrap"' : '');
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(head[i])}>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const anchor = (text: string, href: string): string => `<a href="${esc(href)}">${esc(text)}</a>`;

function exceptionRows(list: ExceptionRecord[], withDays = false): string[][] {
  return list.map((e) => [
    anchor(`${e.path}:${e.line}`, e.href),
    e.rules ? `<code>${esc(e.rules)}</code>` : '—',
    `${esc(e.exceptionTitle)}<br><code>${esc(e.exception)}</code>`,
    esc(e.reason || '—'),
    esc(accountability(e)),
    esc(e.reviewBy || '—'),
    `<span class="status ${esc(e.status)}">${esc(e.status)}</span>`,
    ...(withDays ? [String(e.daysLeft)] : []),
  ]);
}

const EXCEPTION_HEAD: Column[] = [{ text: 'Where' }, { text: 'Rule' }, { text: 'Exception' }, { text: 'Reason' }, { text: 'Owner' }, { text: 'Review by', nowrap: true }, { text: 'Status' }];

function cards(data: ComplianceData): string {
  const s = data.summary;
  const open = s.errors + s.warnings + s.infos;
  const card = (n: number, label: string, tone: string): string => `<div class="card ${tone}"><span class="n">${n}</span><span class="l">${esc(label)}</span></div>`;
  return `<div class="cards">${[
    card(open, 'open findings', open === 0 ? 'good' : s.errors > 0 ? 'bad' : 'warn'),
    card(s.documented, 'findings documented as exceptions', ''),
    card(data.expiring.length, `exceptions due for review in ${EXPIRY_WINDOW_DAYS} days`, data.expiring.length > 0 ? 'warn' : 'good'),
    card(data.expired.length, 'exceptions past review', data.expired.length > 0 ? 'bad' : 'good'),
    card(data.unanalysedFiles, 'files not fully analysed', data.unanalysedFiles > 0 ? 'warn' : 'good'),
    card(s.files, `files analysed (${s.lines} lines)`, ''),
  ].join('')}</div>`;
}

export function formatHtml(report: Report): string {
  const data = complianceData(report);
  const sections: string[] = [];
  sections.push(`<section id="summary"><h2>Summary</h2>${cards(data)}</section>`);
  sections.push(
    `<section id="by-rule"><h2>Findings by rule</h2><figure>${chart(data.byRule)}<figcaption>Open findings by severity and findings documented as exceptions, per rule.</figcaption></figure>` +
      table(
        [{ text: 'Rule' }, { text: 'Open', num: true }, ...SEVERITIES.map((v) => ({ text: v, num: true })), { text: 'Documented', num: true }],
        data.byRule.map((r) => [`<code>${esc(r.id)}</code> ${esc(r.title)}`, String(r.open), ...SEVERITIES.map((v) => String(r.bySeverity[v])), String(r.documented)]),
        'No rules were run.',
      ) +
      '</section>',
  );
  sections.push(
    `<section id="by-severity"><h2>Findings by severity</h2>` +
      table([{ text: 'Severity' }, { text: 'Open', num: true }], SEVERITIES.map((v) => [`<span class="sev ${v}">${v}</span>`, String(data.bySeverity[v])]), '') +
      '</section>',
  );
  sections.push(
    `<section id="findings"><h2>Open findings (${data.findings.length})</h2>` +
      table(
        [{ text: 'Where' }, { text: 'Severity' }, { text: 'Rule' }, { text: 'Finding' }, { text: 'Exceptions that could apply' }],
        data.findings.map((f) => [anchor(`${f.path}:${f.line}`, f.href), `<span class="sev ${f.severity}">${f.severity}</span>`, `<a href="${esc(ruleDocsUrl(f.ruleId))}"><code>${esc(f.ruleId)}</code></a>`, esc(f.message), esc(f.exceptions.join(', ') || '—')]),
        'No open findings.',
      ) +
      '</section>',
  );
  sections.push(`<section id="exceptions"><h2>Documented exceptions (${data.exceptions.length})</h2>${table(EXCEPTION_HEAD, exceptionRows(data.exceptions), 'No documented exceptions.')}</section>`);
  sections.push(
    `<section id="expiring"><h2>Due for review in the next ${EXPIRY_WINDOW_DAYS} days (${data.expiring.length})</h2>` +
      table([...EXCEPTION_HEAD, { text: 'Days left', num: true }], exceptionRows(data.expiring, true), `No exception is due for review in the next ${EXPIRY_WINDOW_DAYS} days.`) +
      (data.expired.length > 0
        ? `<p>Past their review date (${esc(plural(data.expired.length, 'exception'))}); an expired exception documents nothing until it is reviewed:</p>${table(EXCEPTION_HEAD, exceptionRows(data.expired), '')}`
        : '') +
      '</section>',
  );
  sections.push(
    `<section id="unanalysed"><h2>Files not fully analysed (${data.unanalysedFiles})</h2>` +
      table([{ text: 'File' }, { text: 'Problem' }], data.unanalysed.map((u) => [u.href ? anchor(u.path, u.href) : esc(u.path), esc(u.problem)]), 'Every file was analysed.') +
      '</section>',
  );
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(data.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header><h1>${esc(data.title)}</h1><p class="meta">Generated ${esc(data.generated)} by ${esc(data.tool)}. Information blocking under the 21st Century Cures Act (45 CFR Part 171).</p>
<ul class="scope">${data.scope.map((l) => `<li>${esc(l)}</li>`).join('')}</ul></header>
${sections.join('\n')}
</main>
</body>
</html>
`;
}
