/**
 * The evidence pack's pages: `index.html` (what was checked, open findings by practice and by rule,
 * links to every file of the pack) and `exceptions.html` (one record per documented exception, with
 * its conditions, audit trace and history). Self-contained like the compliance report: inline CSS,
 * no scripts, nothing fetched (the Content-Security-Policy forbids it), every value escaped.
 */
import * as path from 'path';
import type { Condition, CoverageDocument, EvidencePack, ExceptionEvidence, ExceptionsDocument, SourceInfo } from '../../evidence/model';
import { esc, STYLE } from './html';

/** The files of a pack, as `index.html` lists them. */
export const PACK_FILES = [
  { file: 'exceptions.html', what: 'Every documented exception: its conditions and the fields that meet them, who answers for it, its audit trace and history.' },
  { file: 'exceptions.json', what: 'The same records as data (JSON Schema: schemas/evidence-exceptions.schema.json).' },
  { file: 'findings.sarif', what: 'Every finding, open and documented, as SARIF 2.1.0 (documented ones as suppressed results).' },
  { file: 'coverage.json', what: 'Which rules checked which files, the ruleset and tool versions, open findings by rule and practice (JSON Schema: schemas/evidence-coverage.schema.json).' },
] as const;

const EXTRA_STYLE = `
nav.pack { margin: 16px 0 0; } nav.pack a { margin-right: 14px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 8px 0; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
article.record { border: 1px solid var(--line); border-radius: 8px; padding: 4px 16px 12px; margin: 16px 0; }
article.record h3 { font-size: 16px; margin: 12px 0 4px; }
article.record h4 { font-size: 13px; margin: 14px 0 4px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; background: var(--muted); }
.badge.valid, .badge.met, .badge.recorded { background: var(--ok); }
.badge.invalid, .badge.expired, .badge.stale, .badge.missing { background: var(--error); }
.badge.incomplete, .badge.due-soon { background: var(--warning); }
.badge.not-required, .badge.no-code-path, .badge.documents-nothing, .badge.not-scanned, .badge.none, .badge.current { background: var(--muted); }
p.requirements { color: var(--muted); font-size: 13px; margin: 4px 0; }
ul.plain { margin: 4px 0; padding-left: 18px; }
`;

function page(title: string, generatedAt: string, tool: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}${EXTRA_STYLE}</style>
</head>
<body>
<main>
<header><h1>${esc(title)}</h1><p class="meta">Generated <time datetime="${esc(generatedAt)}">${esc(generatedAt)}</time> by ${esc(tool)}. Information blocking under the 21st Century Cures Act (45 CFR Part 171).</p>
<nav class="pack"><a href="index.html">Evidence pack</a>${PACK_FILES.map((f) => `<a href="${esc(f.file)}">${esc(f.file)}</a>`).join('')}</nav></header>
${body}
</main>
</body>
</html>
`;
}

function sourceLines(source: SourceInfo, scope: { paths: string[]; config: string | null }): string[] {
  const lines: string[] = [];
  if (source.git) {
    lines.push(`Commit ${source.commit ? `<code>${esc(source.commit)}</code>` : '(none yet)'}${source.branch ? ` on <code>${esc(source.branch)}</code>` : ''}`);
    lines.push(source.repository ? `Repository <a href="${esc(source.repository)}">${esc(source.repository)}</a>` : 'Repository: no remote on a known forge');
  } else lines.push(`No git history: ${esc(source.unavailable ?? 'unknown')}`);
  lines.push(`Paths: ${esc(scope.paths.join(', '))}`);
  if (scope.config) lines.push(`Configuration: ${esc(scope.config)}`);
  return lines;
}

function table(head: string[], rows: string[][], empty: string, numeric: number[] = []): string {
  if (rows.length === 0) return `<p class="empty">${esc(empty)}</p>`;
  const cls = (i: number): string => (numeric.includes(i) ? ' class="num"' : '');
  return `<table><thead><tr>${head.map((h, i) => `<th${cls(i)}>${esc(h)}</th>`).join('')}</tr></thead><tbody>\n${rows
    .map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${c}</td>`).join('')}</tr>`)
    .join('\n')}\n</tbody></table>`;
}

const card = (n: number, label: string, tone = ''): string => `<div class="card ${tone}"><span class="n">${n}</span><span class="l">${esc(label)}</span></div>`;

/** `index.html`: the pack's front page. */
export function evidenceIndexHtml(pack: EvidencePack): string {
  const { exceptions: ex, coverage: cov } = pack;
  const attention = ex.exceptions.filter((e) => e.status !== 'valid').length;
  const f = cov.findings;
  const body: string[] = [];
  body.push(`<section id="source"><h2>What was checked</h2><ul class="scope">${sourceLines(cov.source, cov.scope).map((l) => `<li>${l}</li>`).join('')}<li>Ruleset <code>${esc(cov.ruleset.version)}</code>, ${esc(cov.ruleset.rules.filter((r) => r.level !== 'off').length)} of ${esc(cov.ruleset.rules.length)} rules enabled</li></ul>
<div class="cards">${[
    card(f.open, 'open findings', f.open === 0 ? 'good' : 'warn'),
    card(ex.totals.records, 'documented exceptions'),
    card(attention, 'exception records needing attention', attention === 0 ? 'good' : 'bad'),
    card(f.documented, 'findings documented as exceptions'),
    card(cov.totals.files, `files checked (${cov.totals.lines} lines)`),
    card(cov.totals.notFullyAnalysed, 'files not fully analysed', cov.totals.notFullyAnalysed === 0 ? 'good' : 'warn'),
  ].join('')}</div></section>`);
  body.push(
    `<section id="files"><h2>Files in this pack</h2>${table(
      ['File', 'What it holds'],
      PACK_FILES.map((p) => [`<a href="${esc(p.file)}">${esc(p.file)}</a>`, esc(p.what)]),
      '',
    )}</section>`,
  );
  body.push(
    `<section id="by-practice"><h2>Open findings by practice</h2>${table(
      ['Practice', 'Rules', 'Open', 'error', 'warning', 'info', 'Documented'],
      f.byPractice.map((p) => [esc(p.practice), p.rules.map((r) => `<code>${esc(r)}</code>`).join(' '), String(p.open), String(p.bySeverity.error), String(p.bySeverity.warning), String(p.bySeverity.info), String(p.documented)]),
      'No rules were run.',
      [2, 3, 4, 5, 6],
    )}</section>`,
  );
  body.push(
    `<section id="by-rule"><h2>Open findings by rule</h2>${table(
      ['Rule', 'Level', 'Open', 'error', 'warning', 'info', 'Documented', 'Files checked'],
      f.byRule.map((r) => [
        `<code>${esc(r.id)}</code> ${esc(r.title)}`,
        esc(r.level),
        String(r.open),
        String(r.bySeverity.error),
        String(r.bySeverity.warning),
        String(r.bySeverity.info),
        String(r.documented),
        String(cov.checkedBy[r.id] ?? 0),
      ]),
      'No rules were run.',
      [2, 3, 4, 5, 6, 7],
    )}</section>`,
  );
  const statuses = Object.entries(ex.totals.byStatus).filter(([, n]) => n > 0);
  body.push(
    `<section id="exceptions"><h2>Documented exceptions (${ex.totals.records})</h2>${
      statuses.length > 0 ? `<p>${statuses.map(([s, n]) => `<span class="badge ${esc(s)}">${esc(s)}</span> ${n}`).join(' &nbsp; ')}</p>` : ''
    }${table(
      ['Record', 'Exception', 'Status', 'Owner', 'Review by', 'Audit'],
      ex.exceptions.map((e, i) => [
        `<a href="exceptions.html#${recordAnchor(i)}">${esc(e.id)}</a>`,
        `${esc(e.title ?? e.exception)}${e.section ? ` <span class="meta">(${esc(e.section)})</span>` : ''}`,
        badge(e.status),
        esc(e.owner ?? '—'),
        esc(e.expiry.reviewBy ?? '—'),
        badge(e.audit.status),
      ]),
      'No documented exceptions.',
    )}</section>`,
  );
  body.push(`<section id="coverage"><h2>Files not fully analysed (${cov.totals.notFullyAnalysed})</h2>${notAnalysed(cov)}</section>`);
  return page('EHI Lint evidence pack', ex.generatedAt, `${ex.tool.name} ${ex.tool.version}`, body.join('\n'));
}

function notAnalysed(cov: CoverageDocument): string {
  const rows = cov.files.filter((f) => f.notices.length > 0).map((f) => [`<code>${esc(f.path)}</code>`, esc(f.notices.join('; '))]);
  const skipped = cov.skipped.map((s) => [`<code>${esc(s.path)}</code>`, esc(`skipped: ${s.reason}`)]);
  return table(['File', 'Problem'], [...rows, ...skipped], 'Every file was analysed.');
}

const recordAnchor = (i: number): string => `record-${i + 1}`;

const badge = (status: string): string => `<span class="badge ${esc(status)}">${esc(status)}</span>`;

/** Where a record's links point: its permalink, or the file relative to the pack's folder. */
function sourceHref(e: ExceptionEvidence, relative: (file: string) => string): string {
  return e.permalink ?? `${relative(e.location.path)}#L${e.location.line}`;
}

/** The fields to meet: every required or conditional one, and the optional ones the record gives. */
function conditionRows(conditions: Condition[]): string[][] {
  return conditions.filter((c) => c.requirement !== 'optional' || c.value !== null).map((c) => [
    `<code>${esc(c.field)}</code><br><span class="meta">${esc(c.description)}</span>`,
    esc(c.requirement === 'conditional' && c.requiredWhen ? `when ${c.requiredWhen.field} is ${c.requiredWhen.values.join(' or ')}` : c.requirement),
    c.value === null ? '—' : esc(c.value),
    `${badge(c.status)}${c.problem ? `<br>${esc(c.problem)}` : ''}`,
  ]);
}

function record(e: ExceptionEvidence, i: number, relative: (file: string) => string): string {
  const facts: [string, string][] = [
    ['Exception', `${esc(e.title ?? 'unknown exception')} <code>${esc(e.exception)}</code>`],
    ['CFR section', e.section && e.sectionUrl ? `<a href="${esc(e.sectionUrl)}">${esc(e.section)}</a>` : '—'],
    ['Rules', e.rules.length > 0 ? e.rules.map((r) => `<code>${esc(r)}</code>`).join(' ') : '—'],
    ['Reason', esc(e.reason ?? '—')],
    ['Owner', esc(e.owner ?? '—')],
    ['Approved by', esc(e.approvedBy ?? '—')],
    ['Ticket', esc(e.ticket ?? '—')],
    ['Review by', `${esc(e.expiry.reviewBy ?? '—')} ${badge(e.expiry.state)}${e.expiry.daysLeft !== null ? ` ${esc(e.expiry.daysLeft < 0 ? `${-e.expiry.daysLeft} days ago` : `in ${e.expiry.daysLeft} days`)}` : ''}`],
    ['Written', `<a href="${esc(sourceHref(e, relative))}">${esc(`${e.location.path}:${e.location.line}`)}</a> (${esc(e.form === 'register' ? 'register entry' : 'comment')})${e.permalinkNote ? ` <span class="meta">no permalink: ${esc(e.permalinkNote)}</span>` : ''}`],
    ['Applies to', e.target ? `<code>${esc(`${e.target.path}:${e.target.line}`)}</code>` : '—'],
  ];
  const parts: string[] = [];
  parts.push(`<article class="record" id="${recordAnchor(i)}"><h3>${esc(e.title ?? e.exception)}${e.section ? ` (${esc(e.section)})` : ''} · <code>${esc(e.id)}</code> ${badge(e.status)}</h3>`);
  parts.push(`<dl class="facts">${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>`);
  if (e.problems.length > 0) parts.push(`<h4>Why it documents nothing</h4><ul class="plain">${e.problems.map((p) => `<li>${esc(p.message)}</li>`).join('')}</ul>`);
  parts.push(`<h4>Conditions and the fields that meet them</h4>${e.requirements ? `<p class="requirements">${esc(e.requirements)}</p>` : ''}${table(['Field', 'Required', 'Value', 'Meets it'], conditionRows(e.conditions), 'Not an exception of 45 CFR Part 171: no conditions to check.')}`);
  if (e.otherFields.length > 0) parts.push(`<p class="meta">Other fields: ${e.otherFields.map((f) => `<code>${esc(f.name)}</code>: ${esc(f.value)}`).join('; ')}</p>`);
  parts.push(
    `<h4>Findings it documents (${e.documents.length})</h4>${table(
      ['Where', 'Rule', 'Finding'],
      e.documents.map((d) => [`<a href="${esc(`${relative(d.path)}#L${d.line}`)}">${esc(`${d.path}:${d.line}`)}</a>`, `<code>${esc(d.ruleId)}</code>`, esc(d.message)]),
      'None: the record documents no finding.',
    )}`,
  );
  const audit = e.audit.paths.map((p) => `<li>${esc(p.label)} at <code>${esc(`${p.path}:${p.line}`)}</code>: ${p.calls.length > 0 ? p.calls.map((c) => `<code>${esc(c.callee)}</code> at <code>${esc(`${c.path}:${c.line}`)}</code>`).join(', ') : 'no audit call'}</li>`);
  parts.push(`<h4>Audit trace</h4><p>${badge(e.audit.status)} ${esc(auditText(e))}</p>${audit.length > 0 ? `<ul class="plain">${audit.join('')}</ul>` : ''}`);
  const h = e.history;
  parts.push(
    `<h4>History</h4>${
      h.available && h.added && h.lastChanged
        ? `<dl class="facts"><dt>Added</dt><dd>${esc(h.added.date)} · <code>${esc(h.added.commit.slice(0, 12))}</code> ${esc(h.added.summary)} (${esc(h.added.author)})</dd><dt>Last changed</dt><dd>${esc(h.lastChanged.date)} · <code>${esc(h.lastChanged.commit.slice(0, 12))}</code> ${esc(h.lastChanged.summary)} (${esc(h.lastChanged.author)})</dd>${
            h.uncommittedLines > 0 ? `<dt>Uncommitted</dt><dd>${h.uncommittedLines} line(s) changed since the last commit</dd>` : ''
          }</dl>`
        : `<p class="empty">${esc(h.reason ?? 'no history')}</p>`
    }`,
  );
  parts.push('</article>');
  return parts.join('\n');
}

function auditText(e: ExceptionEvidence): string {
  switch (e.audit.status) {
    case 'recorded':
      return 'Each restricted path calls the audit log.';
    case 'missing':
      return 'A restricted path never calls the audit log (exception-unaudited).';
    case 'no-code-path':
      return 'The documented findings are in configuration or setup code: no request path to log from.';
    case 'documents-nothing':
      return 'The record documents no finding, so nothing is restricted under it.';
  }
}

/** `exceptions.html`: every record in full. `folder` is where the pack is written, `root` the scan root. */
export function evidenceExceptionsHtml(ex: ExceptionsDocument, root: string, folder: string): string {
  const relative = (file: string): string => path.relative(folder, path.resolve(root, file)).split(path.sep).map(encodeURIComponent).join('/');
  const body: string[] = [];
  body.push(
    `<section id="summary"><h2>Summary</h2><ul class="scope">${sourceLines(ex.source, ex.scope).map((l) => `<li>${l}</li>`).join('')}<li>Audit calls recognised by <code>/${esc(ex.auditPattern)}/i</code></li></ul><div class="cards">${[
      card(ex.totals.records, 'documented exceptions'),
      ...Object.entries(ex.totals.byStatus).map(([s, n]) => card(n, s, s === 'valid' ? 'good' : n > 0 ? 'bad' : 'good')),
      card(ex.totals.documentedFindings, 'findings documented'),
    ].join('')}</div></section>`,
  );
  body.push(
    `<section id="records"><h2>Records (${ex.exceptions.length})</h2>${
      ex.exceptions.length === 0 ? '<p class="empty">No documented exceptions.</p>' : ex.exceptions.map((e, i) => record(e, i, relative)).join('\n')
    }</section>`,
  );
  return page('EHI Lint evidence pack: documented exceptions', ex.generatedAt, `${ex.tool.name} ${ex.tool.version}`, body.join('\n'));
}
