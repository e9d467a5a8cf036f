/**
 * The `export-restriction` rule: EHI export switched off, refused by its handler, or limited to
 * proprietary formats. Documented in `meta.docs` (docs/rules/export-restriction.md); what export
 * paths, switches and formats are is in `export.ts` beside it.
 */
import type { CodeModel } from '../../server/src/core/code-model';
import { ConfigNode, descendants, pathOf, scalarString, stringList as configStringList } from '../../server/src/core/formats/tree';
import type { FunctionNode, IrNode } from '../../server/src/core/ir';
import { walk } from '../../server/src/core/ir';
import { ConfigContext, defineRule, Report } from '../../server/src/core/rule';
import { handlerFor } from '../../server/src/domain/access-path';
import { isTestOnly } from '../../server/src/frameworks/deployment';
import {
  formatClass,
  isExportFormatName,
  isExportFormatsKey,
  isExportOperation,
  isExportPath,
  isExportSwitch,
  isOff,
  leadingRefusal,
  operationName,
  Refusal,
  refusalStatusOf,
  unconditionalRefusal,
} from './export';
import { baseMediaType, CLINICAL_RESOURCE_TYPES, isNdjsonFormat } from '../../server/src/domain/fhir';
import { conjuncts, membershipTest } from '../../server/src/domain/oauth';
import { isRejection } from '../../server/src/analysis/responses';
import { calleeLast, dotted, expressionWords, identifierWords, numberValue, resolve, stringList, stringValue } from '../../server/src/analysis/values';

export default defineRule({
  meta: {
    id: 'export-restriction',
    title: 'EHI export switched off or limited to a proprietary format',
    severity: 'warning',
    languages: ['typescript', 'javascript', 'java', 'csharp', 'python', 'json', 'yaml', 'xml', 'properties'],
    exceptions: ['manner', 'infeasibility'],
    triggers: [
      '/export',
      '$export',
      '_export',
      '-export',
      'export_',
      'export-',
      'export.',
      'export:',
      '"export"',
      "'export'",
      '<export',
      'export>',
      'bulkexport',
      'ehiexport',
      'patientexport',
      'groupexport',
      'systemexport',
      'populationexport',
      'fullexport',
      'databaseexport',
      'dbexport',
      'migrationexport',
      'fhirexport',
      'chartexport',
      'recordexport',
      'recordsexport',
      'exportenabled',
      'exportformat',
      'exportallowed',
      'everything',
      'bulkdata',
      'bulk_data',
      'bulk-data',
      'outputformat',
      'output_format',
    ],
    messages: {
      switchedOff: '`{key}` switches off {what}, with no documented exception.',
      refuses: '{where} refuses every request ({status}): {what} is unavailable, with no documented exception.',
      gate: 'Every {what} request is refused here ({status}), with no documented exception.',
      vendorFormats: '`{key}` offers export only as {formats}, no open format, with no documented exception.',
      outputFormat: '`{param}` accepts only {formats} and rejects NDJSON, with no documented exception.',
      outputSpelling: '`{param}` accepts {formats} but rejects {missing}, which Bulk Data requires, with no documented exception.',
      vendorOnly: '`{param}` accepts only {formats}, no open format, with no documented exception.',
      cap: '{where} returns at most {limit} results of {what} and no `next` link, with no documented exception.',
      paging: '{where} strips the `next` link from the results of {what}, with no documented exception.',
    },
    docs: {
      summary:
        'Flags EHI export that is switched off, refused or degraded. Forms covered: export switches turned off (HAPI FHIR `bulk_export_enabled: false`, `FhirServer:Operations:Export:Enabled`, `.properties`, XML `appSettings`, Compose `environment`, settings objects and setters in code); `$export`, `$everything` and EHI-export handlers that refuse every request (501, 403, 404, 400 or a throw) in Express, Fastify, NestJS, Spring, JAX-RS, ASP.NET (controllers and minimal APIs), Django, FastAPI, Flask and HAPI FHIR `@Operation(name = "$export")`; interceptors and middleware that refuse every export request; `_outputFormat` checks that reject NDJSON or accept only one of its spellings (`application/fhir+ndjson`, `application/ndjson`, `ndjson` must all be accepted); `$everything` and export handlers that silently cap their results (`slice(0, N)`, `subList`, `Take(N)`, `limit(N)`, `results[:N]`) with no paging, or strip the `next` link (`bundle.link = []`, `getLink().removeIf(...)`, `Link.Clear()`); and export format lists with only vendor or non-machine-readable formats.',
      why:
        'Certified health IT must let a patient export their EHI and let a provider export every patient’s EHI when switching systems, in a documented, computable format (45 CFR 170.315(b)(10)), and population services rely on FHIR Bulk Data export (170.315(g)(10)). Switching that off, refusing the request, or offering only a vendor format makes access and use harder, which is interference (171.102, 171.103). A silent cap on `$everything` or bulk results, or an `_outputFormat` check that refuses the spellings FHIR Bulk Data Access requires servers to accept, degrades the export in the same way. The Manner exception (171.301) covers fulfilling in an alternative manner, in its order of preference (certified health IT, a published standard, a machine-readable format); the Infeasibility exception (171.204) needs a written reason to the requestor within 10 business days. Either must be documented.',
      fix:
        'Enable export (`hapi.fhir.bulk_export_enabled: true`, `FhirServer:Operations:Export:Enabled: true`), implement the `$export` / EHI-export route, accept `application/fhir+ndjson`, `application/ndjson` and `ndjson` (plus any other format you like), and page large `$everything` results with `next` links instead of cutting them off. If export is deliberately unavailable, document the Manner or Infeasibility exception with an `ehi-exception` annotation (or in the exception register for JSON), saying which alternative is offered.',
      notFlagged: [
        'Test code, test resources and test profiles (`application-test.yaml`, a YAML document activated `on-profile: test`, files under `src/test`): a switch turned off for a test run restricts nobody.',
        'Limits on how many export jobs run at once, job timeouts and retention periods: bounding export jobs is the throttle rule’s concern, not a refusal.',
        'Validation that answers one bad request with 400 (an unknown `_type`, an unsupported `_outputFormat` when every NDJSON spelling is accepted) or 404 for a job id that does not exist.',
        'A single-spelling `_outputFormat` check after the value is normalised (an alias table, a `normalize…` call): the abbreviations are accepted before the test.',
        'Caps in handlers that page (a `_count`, page, offset or cursor parameter, a `next` link), and slices of ids and other values rather than results.',
        'Format lists that include NDJSON or another open format (`["ndjson", "csv"]`), and `$everything` refused for resource types the operation is not defined on.',
        'Defaults in settings classes (a Java field or C# property initialised to `false`, `@Value("${...:false}")`): the deployed configuration decides, and is checked where it is written.',
        'Metrics, telemetry and report “export” settings (`management.metrics.export.enabled`).',
        'Validation and terminology servers built on HAPI FHIR (a `matchbox` settings file, `supported_resource_types` with only conformance and terminology types): they hold no EHI to export.',
        'Mirth Connect channels: they move messages and do not configure EHI export.',
      ],
      examples: [
        {
          language: 'yaml',
          flagged: 'hapi:\n  fhir:\n    bulk_export_enabled: false',
          fixed: 'hapi:\n  fhir:\n    bulk_export_enabled: true',
        },
        {
          language: 'typescript',
          flagged: "router.get('/fhir/$export', (req, res) => {\n  res.status(501).json(outcome('Bulk export is not supported'));\n});",
          fixed: "router.get('/fhir/$export', async (req, res) => {\n  const job = await exports.start(req.query);\n  res.status(202).location(job.statusUrl).end();\n});",
        },
      ],
    },
    skipsTestCode: true,
    version: 2,
  },

  code(ctx) {
    const { code } = ctx;
    const reported = new Set<string>();
    const report = (r: Report): void => {
      const key = `${r.at.start}:${r.messageId}`;
      if (reported.has(key)) return;
      reported.add(key);
      ctx.report(r);
    };
    return {
      function(fn) {
        checkRefusingHandler(code, fn, report);
      },
      variable(node) {
        if (!node.value) return;
        // Defaults of settings classes are not the deployed value.
        if (node.isField && !node.isConstant) return;
        checkSetting(code, [node.name], node.value, node, report);
        checkFormatList(code, node.name, node.value, report);
      },
      object(node) {
        for (const p of node.properties) {
          checkSetting(code, [...objectPath(node), p.key], p.value, p, report);
          checkFormatList(code, p.key, p.value, report);
        }
      },
      assign(node) {
        const path = dotted(node.target).split('.').filter((s) => s.length > 0 && s !== 'this' && s !== 'self');
        if (node.target.kind === 'index') {
          const key = stringValue(code, node.target.index);
          if (key) path.push(key);
        }
        if (path.length === 0) return;
        checkSetting(code, path, node.value, node, report);
        checkFormatList(code, path[path.length - 1], node.value, report);
      },
      call(node) {
        if (node.isDecorator) return;
        // settings.setBulkExportEnabled(false); FhirServer(bulk_export_enabled=False)
        const last = calleeLast(node);
        // A setter on a settings object, not a UI state hook (`setPatientExportEnabled(false)` in React).
        const setter = /^set([A-Z]\w*)$/.exec(last)?.[1];
        if (setter && node.args.length === 1 && node.callee.kind === 'member') checkSetting(code, [setter], node.args[0].value, node, report);
        for (const a of node.args) if (a.name) checkSetting(code, [a.name], a.value, a, report);
      },
      if(node) {
        checkOutputFormat(code, node, report);
        checkExportGate(code, node, report);
      },
    };
  },

  config(ctx) {
    for (const root of ctx.config.roots) {
      if (isTestOnly(ctx.file.path, root) || !servesPatientData(root)) continue;
      for (const node of descendants(root)) {
        const setting = settingAt(node);
        if (setting && isExportSwitch(setting.path) && isOff(setting.value)) {
          ctx.report({ at: setting.at, messageId: 'switchedOff', data: { key: setting.path.join('.'), what: exportKind(setting.path) } });
          continue;
        }
        if (setting && isExportFormatsKey(setting.path[setting.path.length - 1])) reportConfigFormats(ctx, setting);
      }
    }
  },
});

/* ---------- config ---------- */

interface Setting {
  path: string[];
  value: ConfigNode;
  at: { start: number; end: number };
}

/**
 * A setting as key path and value: a map entry, an XML `<add key="..." value="..."/>` (.NET
 * appSettings), or a `NAME=value` item of a Compose `environment` list.
 */
function settingAt(node: ConfigNode): Setting | undefined {
  const keys = pathOf(node).filter((k): k is string => typeof k === 'string');
  if (node.kind === 'map') {
    const key = scalarString(node.entries.find((e) => e.key === 'key' || e.key === 'name')?.value);
    const value = node.entries.find((e) => e.key === 'value')?.value;
    if (key && value && node.entries.length <= 3) return { path: [...keys.filter((k) => k !== 'add'), key], value, at: node };
    return undefined;
  }
  if (node.kind === 'scalar' && node.parent?.kind === 'seq' && /^(environment|env)$/i.test(node.parent.entry?.key ?? '')) {
    const m = /^([A-Za-z_][\w.]*)=(.*)$/.exec(scalarString(node) ?? '');
    if (m) return { path: [m[1]], value: { kind: 'scalar', value: m[2], start: node.start, end: node.end }, at: node };
  }
  if (!node.entry) return undefined;
  return { path: keys, value: node, at: node.entry };
}

function reportConfigFormats(ctx: ConfigContext, setting: Setting): void {
  const values = configStringList(setting.value);
  if (!values || values.length === 0) return;
  if (values.every((v) => formatClass(v) === 'vendor' || formatClass(v) === 'not-machine-readable')) {
    ctx.report({ at: setting.at, messageId: 'vendorFormats', data: { key: setting.path[setting.path.length - 1], formats: values.join(', ') } });
  }
}

/**
 * Whether a settings document may belong to a server holding patient data. A validation or
 * terminology engine built on HAPI FHIR (matchbox, a server whose `supported_resource_types` are
 * only conformance and terminology types) has no EHI to export.
 */
function servesPatientData(root: ConfigNode): boolean {
  if (root.kind === 'map' && root.entries.some((e) => /^matchbox$/i.test(e.key))) return false;
  for (const node of descendants(root)) {
    if (!node.entry || !/(^|[._-])supported_resource_types$|^supportedResourceTypes$/.test(node.entry.key)) continue;
    const types = configStringList(node);
    if (types && types.length > 0 && !types.some((t) => CLINICAL_RESOURCE_TYPES.has(t))) return false;
  }
  return true;
}

/** What a switch turns off, for messages. */
function exportKind(path: readonly string[]): string {
  // The key's own words decide; the keys above it only when the key says nothing (`Export.Enabled`).
  for (const words of [identifierWords(path[path.length - 1] ?? ''), path.flatMap((k) => identifierWords(k))]) {
    if (words.includes('everything')) return 'the `$everything` operation';
    if (words.some((w) => ['system', 'population', 'database', 'db', 'migration', 'full'].includes(w))) return 'whole-population export';
    if (words.includes('group')) return 'group-level FHIR Bulk Data export';
    if (words.includes('patient')) return 'patient-level export';
    if (words.includes('bulk') || words.includes('bulkdata')) return 'FHIR Bulk Data export';
    if (words.includes('ehi')) return 'EHI export';
  }
  return 'EHI export';
}

/* ---------- code ---------- */

/** Keys of the object literals around `node` (`{ fhir: { bulkExport: {...} } }` → `fhir`, `bulkExport`). */
function objectPath(node: IrNode): string[] {
  const out: string[] = [];
  let child: IrNode = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (p.kind === 'object') {
      const prop = p.properties.find((x) => x.value === child);
      if (prop) out.unshift(prop.key);
    } else if (p.kind === 'variable') {
      out.unshift(p.name);
      break;
    } else if (p.kind !== 'other' && p.kind !== 'call') break;
  }
  return out;
}

function checkSetting(code: CodeModel, path: string[], value: IrNode, at: { start: number; end: number }, report: (r: Report) => void): void {
  if (!isExportSwitch(path, true)) return;
  const resolved = literalValue(code, value);
  if (!resolved) return;
  const off = (resolved.kind === 'boolean' && !resolved.value) || (resolved.kind === 'number' && resolved.value === 0) || (resolved.kind === 'string' && /^(false|0|no|off)$/i.test(resolved.value));
  if (!off) return;
  report({ at, messageId: 'switchedOff', data: { key: path.join('.'), what: exportKind(path) } });
}

/** A literal, or a constant bound to one (not a parameter or a field that a setter changes). */
function literalValue(code: CodeModel, node: IrNode): IrNode | undefined {
  if (node.kind === 'boolean' || node.kind === 'number' || node.kind === 'string') return node;
  if (node.kind !== 'name' && node.kind !== 'member') return undefined;
  const name = node.kind === 'name' ? node.name : node.property;
  const bindings = code.variables(name);
  if (bindings.length !== 1 || !bindings[0].isConstant || !bindings[0].value) return undefined;
  const value = bindings[0].value;
  return value.kind === 'boolean' || value.kind === 'number' || value.kind === 'string' ? value : undefined;
}

function checkFormatList(code: CodeModel, name: string, value: IrNode, report: (r: Report) => void): void {
  if (!isExportFormatsKey(name)) return;
  const values = stringList(code, value);
  if (!values || values.length === 0) return;
  if (values.every((v) => formatClass(v) === 'vendor' || formatClass(v) === 'not-machine-readable')) {
    report({ at: value, messageId: 'vendorFormats', data: { key: name, formats: values.join(', ') } });
  }
}

function describeStatus(refusal: Refusal): string {
  if (refusal.status === 'throws') return 'it throws';
  const names: Record<number, string> = { 400: '400', 403: '403 Forbidden', 404: '404 Not Found', 405: '405 Method Not Allowed', 410: '410 Gone', 501: '501 Not Implemented', 503: '503 Service Unavailable' };
  return names[refusal.status] ?? String(refusal.status);
}

/** Where and what an export handler serves: a HAPI export operation, an export route, or a handler named for export. */
function exportHandler(code: CodeModel, fn: FunctionNode): { where: string; what: string } | undefined {
  const op = operationName(code, fn);
  if (op && isExportOperation(op)) return { where: `The \`${op}\` operation`, what: op.replace(/^\$?/, '`$') + '`' };
  const handler = handlerFor(code, fn);
  if (!handler) return undefined;
  const route = handler.routes.find((r) => isExportPath(r.path));
  if (route) {
    const method = route.methods.length === 1 ? `${route.methods[0]} ` : '';
    const what = /\$everything|everything/i.test(route.path)
      ? 'the `$everything` operation'
      : /\$export/i.test(route.path)
        ? 'FHIR Bulk Data export'
        : /database|migration|population|\/db(\/|$)|full[-_]?export/i.test(route.path)
          ? 'whole-database export'
          : 'EHI export';
    return { where: `Route \`${method}${clip(route.path, 60)}\``, what };
  }
  if (handler.routes.length > 0) return undefined;
  // A request handler whose route is registered elsewhere (`urls.py`, a router file): its name says export.
  const cls = code.enclosingClass(fn);
  const name = [cls?.name, fn.name].find((n) => n && isExportHandlerName(n));
  return name ? { where: `Handler \`${name}\``, what: exportKind([name]) } : undefined;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function checkRefusingHandler(code: CodeModel, fn: FunctionNode, report: (r: Report) => void): void {
  const context = exportHandler(code, fn);
  if (!context) return;
  const refusal = unconditionalRefusal(code, fn);
  if (refusal) report({ at: refusal.at, messageId: 'refuses', data: { where: context.where, status: describeStatus(refusal), what: context.what } });
  else checkResultLimits(code, fn, context, report);
}

/* ---------- caps and paging on export results ---------- */

/** Calls that keep the first N elements: `slice(0, N)`, `subList(0, N)`, `limit(N)`, `Take(N)`, `setCount(N)`, `setMaxResults(N)`. */
const CAP_CALLS = /^(slice|subList|limit|Take|take|setCount|setMaxResults|maxResults|top|Top|head|firstN)$/;
/** Words of what a capped value holds when it is a value (an id, a string), not the results. */
const NOT_RESULTS = new Set(['id', 'ids', 'name', 'names', 'str', 'string', 'text', 'date', 'hash', 'token', 'uuid', 'key', 'prefix', 'path', 'url', 'header', 'headers', 'args', 'argv', 'params', 'log', 'message', 'chars', 'bytes', 'buffer']);
/** Words that show the handler pages its results (a `next` link, a page or offset, a cursor). */
const PAGING_WORDS = new Set(['next', 'page', 'pages', 'paging', 'paged', 'paginate', 'pagination', 'paginated', 'cursor', 'offset', 'continuation', 'skip', 'getpages', 'nextlink', 'pageable', 'pageid']);
const LINK_NAMES = /^(link|Link|links|Links)$/;

/** Whether a handler pages its results, by the words of its names, parameters and strings. */
function pagesResults(code: CodeModel, fn: FunctionNode): boolean {
  return code.memo(`pagesResults:${fn.start}`, () => {
    if (fn.params.some((p) => /^_?(count|page|offset|cursor|pageToken|page_token|_getpages|skip)$/i.test(p.name))) return true;
    let pages = false;
    walk(fn, (n) => {
      if (pages) return false;
      const words = n.kind === 'name' ? identifierWords(n.name) : n.kind === 'member' ? identifierWords(n.property) : n.kind === 'string' ? identifierWords(n.value) : [];
      if (words.some((w) => PAGING_WORDS.has(w))) pages = true;
    });
    return pages;
  });
}

/**
 * A silent cap (the first N results kept, and no `next` link for the rest) or a `next` link removed,
 * in an `$everything` or export handler.
 */
function checkResultLimits(code: CodeModel, fn: FunctionNode, context: { where: string; what: string }, report: (r: Report) => void): void {
  if (!fn.body) return;
  let reported = false;
  walk(fn.body, (n) => {
    if (reported) return false;
    const removal = nextLinkRemoval(n);
    if (removal) {
      report({ at: removal, messageId: 'paging', data: context });
      reported = true;
      return false;
    }
    const limit = capOf(code, n);
    if (limit !== undefined && !pagesResults(code, fn)) {
      report({ at: n, messageId: 'cap', data: { ...context, limit } });
      reported = true;
      return false;
    }
  });
}

/** The number of results a node keeps, when it keeps the first N of a collection of results. */
function capOf(code: CodeModel, node: IrNode): number | undefined {
  let subject: IrNode | undefined;
  let limit: number | undefined;
  if (node.kind === 'call' && !node.isDecorator && node.callee.kind === 'member' && CAP_CALLS.test(node.callee.property)) {
    subject = node.callee.object;
    const args = node.args.map((a) => a.value);
    if (/^(slice|subList)$/.test(node.callee.property)) {
      if (args.length !== 2 || numberValue(code, args[0]) !== 0) return undefined;
      limit = numberValue(code, args[1]);
    } else if (args.length === 1) limit = numberValue(code, args[0]);
  } else if (node.kind === 'index' && node.index.kind === 'other' && node.index.type === 'slice') {
    // Python `results[:100]`, `results[0:100]`.
    const parts = node.index.children;
    const text = code.textOf(node.index).replace(/\s+/g, '');
    if (!/^(0?):[^:]+$/.test(text)) return undefined;
    subject = node.object;
    limit = numberValue(code, parts[parts.length - 1]);
  }
  if (!subject || limit === undefined || limit < 10) return undefined;
  const words = [...expressionWords(subject), ...targetWords(node)];
  if (words.some((w) => NOT_RESULTS.has(w))) return undefined;
  return limit;
}

/** Words of the name a value is stored under (`const entries = ...`, `bundle.entry = ...`). */
function targetWords(node: IrNode): string[] {
  for (let p = node.parent; p; p = p.parent) {
    if (p.kind === 'variable') return identifierWords(p.name);
    if (p.kind === 'assign') return identifierWords(dotted(p.target).split('.').pop() ?? '');
    if (p.kind === 'block' || p.kind === 'function') break;
  }
  return [];
}

/** `bundle.link = []`, `bundle.getLink().clear()`, `delete bundle.link`, `links.removeIf(l -> "next".equals(...))`: the next link removed. */
function nextLinkRemoval(node: IrNode): IrNode | undefined {
  const isLink = (n: IrNode | undefined): boolean =>
    !!n && ((n.kind === 'member' && LINK_NAMES.test(n.property)) || (n.kind === 'call' && /^(getLink|GetLink)$/.test(calleeLast(n))) || (n.kind === 'name' && /^links?$/i.test(n.name)));
  const empty = (n: IrNode): boolean =>
    n.kind === 'null' || (n.kind === 'array' && n.elements.length === 0) || (n.kind === 'call' && n.isNew && n.args.length === 0 && /List|Array/.test(calleeLast(n))) || (n.kind === 'name' && /^(undefined|None)$/.test(n.name));
  const mentionsNext = (n: IrNode): boolean => {
    let found = false;
    walk(n, (m) => {
      if (m.kind === 'string' && /^next$/i.test(m.value)) found = true;
      return !found;
    });
    return found;
  };
  const linkTarget = (n: IrNode): boolean => (n.kind === 'member' && isLink(n)) || (n.kind === 'index' && n.index.kind === 'string' && LINK_NAMES.test(n.index.value));
  if (node.kind === 'assign' && node.operator === '=' && linkTarget(node.target)) {
    if (empty(node.value)) return node;
    // bundle.link = bundle.link.filter((l) => l.relation !== 'next')
    if (node.value.kind === 'call' && /^(filter|Where|where)$/.test(calleeLast(node.value)) && mentionsNext(node.value)) return node;
  }
  if (node.kind === 'unary' && node.operator === 'delete' && isLink(node.operand)) return node;
  if (node.kind === 'call' && !node.isDecorator && node.callee.kind === 'member') {
    const method = node.callee.property;
    if (/^(clear|Clear)$/.test(method) && node.args.length === 0 && isLink(node.callee.object)) return node;
    if (/^(removeIf|RemoveAll|remove|Remove)$/.test(method) && isLink(node.callee.object) && node.args.some((a) => mentionsNext(a.value))) return node;
    if (/^(setLink|SetLink)$/.test(method) && node.args.length === 1 && empty(node.args[0].value)) return node;
  }
  return undefined;
}

/**
 * An interceptor or middleware that refuses every export request: `if ("$export".equals(op)) throw
 * new ForbiddenOperationException(...)`, `if (req.path.includes('$export')) return res.sendStatus(403)`.
 * Only a test that is nothing but the export check counts; `op == $export && !isAdmin` is an
 * authorization rule, not a refusal of export as such.
 */
function checkExportGate(code: CodeModel, node: Extract<IrNode, { kind: 'if' }>, report: (r: Report) => void): void {
  const ops = exportOperationsTested(code, node.test);
  if (!ops || ops.length === 0) return;
  const refusal = leadingRefusal(code, node.consequent);
  if (!refusal) return;
  const what = ops.map((o) => `\`${o}\``).join(' and ');
  report({ at: node, messageId: 'gate', data: { what, status: describeStatus(refusal) } });
}

/** The export operations or paths a test checks for, when the test is only that (`a === '$export' || a === '$everything'`). */
function exportOperationsTested(code: CodeModel, test: IrNode): string[] | undefined {
  if (test.kind === 'other' && test.children.length === 1 && /parenthes/.test(test.type)) return exportOperationsTested(code, test.children[0]);
  if (test.kind === 'binary' && (test.operator === '||' || test.operator === 'or')) {
    const left = exportOperationsTested(code, test.left);
    const right = exportOperationsTested(code, test.right);
    return left && right ? [...left, ...right] : undefined;
  }
  const literal = (n: IrNode | undefined): string | undefined => {
    const v = stringValue(code, n);
    return v !== undefined && /^\/?\$?(export|everything|ehi-export)$|\/\$export$|\/\$everything$/.test(v) && /\$|ehi-export/.test(v) ? v : undefined;
  };
  if (test.kind === 'binary' && /^(===|==)$/.test(test.operator)) {
    const v = literal(test.left) ?? literal(test.right);
    return v ? [v] : undefined;
  }
  if (test.kind === 'call' && /^(equals|equalsIgnoreCase|Equals|includes|contains|Contains|startsWith|endsWith|StartsWith|EndsWith|__contains__)$/.test(calleeLast(test))) {
    const receiverValue = test.callee.kind === 'member' ? literal(test.callee.object) : undefined;
    const argValue = literal(test.args[0]?.value);
    const v = receiverValue ?? argValue;
    return v ? [v] : undefined;
  }
  if (test.kind === 'binary' && test.operator === 'in') {
    const v = literal(test.left);
    return v ? [v] : undefined;
  }
  return undefined;
}

/** `BulkExportView`, `exportPatientRecord`, `ehi_export`: a handler named for exporting EHI. */
function isExportHandlerName(name: string): boolean {
  const words = identifierWords(name);
  return (words.includes('export') && words.some((w) => ['bulk', 'ehi', 'patient', 'patients', 'record', 'records', 'chart', 'group', 'system', 'population', 'everything', 'fhir', 'database', 'migration'].includes(w))) || words.includes('everything');
}

/** `if (!SUPPORTED.includes(_outputFormat)) reject`, `if fmt != "application/vnd.acme": raise`: the formats an export accepts. */
function checkOutputFormat(code: CodeModel, node: Extract<IrNode, { kind: 'if' }>, report: (r: Report) => void): void {
  for (const part of conjuncts(node.test)) {
    const accepted = acceptedFormats(code, part, node);
    if (!accepted) continue;
    if (accepted.values.length === 0) continue;
    const bulk = /outputformat|output_format/i.test(accepted.param);
    const formats = listed(accepted.values);
    if (bulk && accepted.values.some(isNdjsonFormat)) {
      // Bulk Data: the full media type and its two abbreviations must all be accepted, unless the value is normalised first.
      const missing = REQUIRED_NDJSON_SPELLINGS.filter((f) => !accepted.values.some((v) => baseMediaType(v) === f));
      if (missing.length === 0 || accepted.normalised) continue;
      report({ at: node, messageId: 'outputSpelling', data: { formats, param: accepted.param, missing: listed(missing) } });
      return;
    }
    const reject = bulk || accepted.values.every((v) => formatClass(v) === 'vendor' || formatClass(v) === 'not-machine-readable');
    if (!reject) continue;
    report({ at: node, messageId: bulk ? 'outputFormat' : 'vendorOnly', data: { formats, param: accepted.param } });
    return;
  }
}

interface Accepted {
  values: string[];
  param: string;
  /** The tested value is mapped or normalised before the test (an alias table, a `normalize…` call, a reassignment). */
  normalised?: boolean;
}

/** The `_outputFormat` spellings a Bulk Data server must accept (Bulk Data Access 2.0, kick-off request). */
const REQUIRED_NDJSON_SPELLINGS = ['application/fhir+ndjson', 'application/ndjson', 'ndjson'];

/** Values for a message: quoted, at most three. */
function listed(values: readonly string[]): string {
  const shown = values.slice(0, 3).map((v) => `\`${v.length > 40 ? v.slice(0, 39) + '…' : v}\``);
  return shown.join(', ') + (values.length > 3 ? ` and ${values.length - 3} more` : '');
}

function acceptedFormats(code: CodeModel, test: IrNode, node: Extract<IrNode, { kind: 'if' }>): Accepted | undefined {
  const accepted = acceptedFormatsOf(code, test, node);
  if (accepted) accepted.normalised = isNormalised(code, test, node);
  return accepted;
}

/** Words of calls that map a requested format onto a canonical one before it is tested. */
const NORMALISING_WORDS = new Set(['normalize', 'normalise', 'normalized', 'normalised', 'canonical', 'canonicalize', 'canonicalise', 'alias', 'aliases', 'resolve', 'lookup', 'map', 'mapping']);

/**
 * Whether the value a format test reads was normalised first: a variable bound to (or reassigned from)
 * a normalising call or a lookup table, as in `const fmt = FORMAT_ALIASES[req.query._outputFormat] ?? …`.
 */
function isNormalised(code: CodeModel, test: IrNode, node: IrNode): boolean {
  const fn = code.enclosingFunction(node);
  let normalised = false;
  walk(test, (n) => {
    if (normalised) return false;
    if (n.kind === 'call' && !n.isDecorator && identifierWords(calleeLast(n)).some((w) => NORMALISING_WORDS.has(w))) normalised = true;
    if (n.kind !== 'name') return;
    const name = n.name;
    const values: IrNode[] = code.variables(name).filter((v) => v.value && (!fn || code.enclosingFunction(v) === fn)).map((v) => v.value!);
    if (fn) walk(fn, (m) => {
      if (m.kind === 'assign' && m.target.kind === 'name' && m.target.name === name) values.push(m.value);
    });
    for (const value of values) {
      walk(value, (m) => {
        if (normalised) return false;
        if (m.kind === 'call' && !m.isDecorator && identifierWords(calleeLast(m)).some((w) => NORMALISING_WORDS.has(w))) normalised = true;
        // A lookup in a table of the file's own (`ALIASES[fmt]`, `aliases.get(fmt)`), not a read of the request.
        if (m.kind === 'index' && m.object.kind === 'name' && resolve(code, m.object)?.kind === 'object') normalised = true;
        if (m.kind === 'call' && /^(get|Get|getOrDefault|GetValueOrDefault)$/.test(calleeLast(m)) && m.callee.kind === 'member' && m.callee.object.kind === 'name' && resolve(code, m.callee.object)?.kind === 'object') normalised = true;
      });
    }
  });
  return normalised;
}

function acceptedFormatsOf(code: CodeModel, test: IrNode, node: Extract<IrNode, { kind: 'if' }>): Accepted | undefined {
  const refusesWhenTrue = refuses(code, node.consequent);
  const refusesWhenFalse = node.alternate ? refuses(code, node.alternate) : false;
  if (!refusesWhenTrue && !refusesWhenFalse) return undefined;
  // fmt !== 'X' → reject;  fmt === 'X' → accept, else reject.
  if (test.kind === 'binary' && /^(===|==|!==|!=|is not|is)$/.test(test.operator)) {
    const negative = /^(!==|!=|is not)$/.test(test.operator);
    if (negative !== refusesWhenTrue) return undefined;
    for (const [subject, other] of [
      [test.left, test.right],
      [test.right, test.left],
    ] as const) {
      const param = formatParam(code, subject);
      const value = stringValue(code, other);
      if (param && value !== undefined) return { values: [value], param };
    }
    return undefined;
  }
  // Java/C#: `!"application/vnd.acme+xml".equals(outputFormat)` → reject; `fmt.equals("X")` → accept, else reject.
  const negated = test.kind === 'unary' && (test.operator === '!' || test.operator === 'not');
  const equalsCall = negated ? test.operand : test;
  if (equalsCall.kind === 'call' && /^(equals|equalsIgnoreCase|Equals)$/.test(calleeLast(equalsCall)) && equalsCall.callee.kind === 'member' && equalsCall.args.length >= 1) {
    if (negated !== refusesWhenTrue) return undefined;
    const sides: [IrNode, IrNode][] = [
      [equalsCall.callee.object, equalsCall.args[0].value],
      [equalsCall.args[0].value, equalsCall.callee.object],
    ];
    for (const [subject, other] of sides) {
      const param = formatParam(code, subject);
      const value = stringValue(code, other);
      if (param && value !== undefined) return { values: [value], param };
    }
    return undefined;
  }
  const membership = membershipTest(code, test);
  if (!membership) return undefined;
  // Rejects non-members: `!list.includes(fmt)` when the branch refuses, `list.includes(fmt)` when the else branch refuses.
  if (membership.member === refusesWhenTrue) return undefined;
  const param = formatParam(code, membership.subject);
  if (!param) return undefined;
  const values = membersOf(code, membership.collection);
  return values ? { values, param } : undefined;
}

/** Whether a branch refuses: it throws or sends a 4xx/5xx, also through Spring's `ResponseEntity.badRequest()` and the like. */
function refuses(code: CodeModel, node: IrNode): boolean {
  if (isRejection(code, node)) return true;
  let found = false;
  walk(node, (n) => {
    if (found || (n.kind === 'function' && n !== node)) return false;
    if (n.kind === 'call' && !n.isDecorator && (refusalStatusOf(code, n) ?? 0) >= 400) found = true;
  });
  return found;
}

/** The export-format parameter an expression holds: `_outputFormat`, `req.query._outputFormat`, `request.args.get("_outputFormat")`. */
function formatParam(code: CodeModel, node: IrNode): string | undefined {
  const name = (dotted(node) || '').split('.').pop() ?? '';
  if (name && isExportFormatName(name)) return name;
  if (node.kind === 'call') {
    const key = node.args.map((a) => stringValue(code, a.value)).find((s) => s !== undefined && isExportFormatName(s));
    if (key) return key;
  }
  if (node.kind === 'index') {
    const key = stringValue(code, node.index);
    if (key && isExportFormatName(key)) return key;
  }
  // `String format = outputFormat == null ? DEFAULT : outputFormat.getValue();` reads the parameter too.
  if (node.kind === 'name') {
    const fn = code.enclosingFunction(node);
    const all = code.variables(node.name);
    const bindings = all.length > 1 && fn ? all.filter((v) => code.enclosingFunction(v) === fn) : all;
    if (bindings.length === 1 && bindings[0].value) {
      let found: string | undefined;
      walk(bindings[0].value, (n) => {
        if (found) return false;
        const candidate = n.kind === 'name' ? n.name : n.kind === 'member' ? n.property : n.kind === 'string' ? n.value : undefined;
        if (candidate && isExportFormatName(candidate)) found = candidate;
      });
      if (found) return found;
    }
  }
  return undefined;
}

/** Members of a list literal, or the keys of an object literal used as a lookup table. */
function membersOf(code: CodeModel, collection: IrNode): string[] | undefined {
  const list = stringList(code, collection);
  if (list) return list;
  const resolved = resolve(code, collection);
  if (resolved?.kind === 'object') return resolved.properties.map((p) => p.key);
  return undefined;
}
