/**
 * EHI export: FHIR Bulk Data `$export`, `$everything`, single-patient and whole-database EHI export
 * (certification criterion 170.315(b)(10)). Which routes, operations and settings are about export,
 * which export formats are open and machine-readable, and whether a handler refuses every request.
 */
import type { CodeModel } from '../../server/src/core/code-model';
import { ConfigNode, scalar, scalarBoolean } from '../../server/src/core/formats/tree';
import type { CallNode, FunctionNode, IrNode } from '../../server/src/core/ir';
import { walk } from '../../server/src/core/ir';
import { baseMediaType, isNdjsonFormat } from '../../server/src/domain/fhir';
import { statusOf, statusValue } from '../../server/src/analysis/responses';
import { argument, calleeLast, dotted, identifierWords, numberValue, stringValue } from '../../server/src/analysis/values';

/* ---------- routes and operations ---------- */

const EXPORT_OPERATIONS = /^\$?(export|everything|ehi-export|bulk-export|patient-export|group-export|system-export)$/i;

const EXPORT_SUBJECT_SEGMENTS = /^(fhir|r4|patient|patients|record|records|medical-records|health-records|chart|charts|ehi|everything|member|members|group|groups|population|database|db|migration|bulk|bulk-data|bulkdata)$/;

/**
 * Whether a path serves EHI export: a `$export`/`$everything` operation, an `ehi-export`-like
 * segment, or an `export` segment beside a patient, record, chart, FHIR or database segment
 * (`/api/patients/:id/export`, `/admin/export/database`). `/reports/export` is not EHI export.
 */
export function isExportPath(path: string): boolean {
  const segments = path
    .toLowerCase()
    .split(/[/?#]+/)
    .map((s) => s.replace(/^[:{<[]+|[}>\]]+$/g, ''))
    .filter((s) => s.length > 0);
  if (segments.some((s) => /^\$(export|everything|ehi-export|bulk-export)/.test(s) || /^(ehi|bulk|full|database|db|migration|population|patient|chart|record|records)[-_]?export$/.test(s))) return true;
  if (!segments.includes('export') && !segments.includes('everything')) return false;
  return segments.some((s) => EXPORT_SUBJECT_SEGMENTS.test(s));
}

/** HAPI FHIR `@Operation(name = "$export")` / `name = JpaConstants.OPERATION_EXPORT`: the operation's name. */
export function operationName(model: CodeModel, fn: FunctionNode): string | undefined {
  for (const d of fn.decorators) {
    const name = dotted(d.callee).split('.').pop();
    if (name !== 'Operation') continue;
    const arg = argument(d, 0, 'name', 'value');
    if (!arg) continue;
    const s = stringValue(model, arg.value);
    if (s !== undefined) return s;
    if (arg.value.kind === 'member') {
      const constant = /^OPERATION_(\w+)$/.exec(arg.value.property)?.[1];
      if (constant) return '$' + constant.toLowerCase().replace(/_/g, '-');
    }
  }
  return undefined;
}

export function isExportOperation(name: string): boolean {
  return EXPORT_OPERATIONS.test(name);
}

/* ---------- refusing every request ---------- */

/** Error types and response helpers that say "not here": 404, 405, 501 and their exceptions. */
const REFUSAL_HELPERS: Record<string, number> = {
  NotFound: 404,
  notFound: 404,
  badRequest: 400,
  unprocessableEntity: 422,
  NotFoundResult: 404,
  NotFoundObjectResult: 404,
  HttpResponseNotFound: 404,
  Http404: 404,
  NotFoundException: 404,
  ResourceNotFoundException: 404,
  MethodNotAllowed: 405,
  HttpResponseNotAllowed: 405,
  MethodNotAllowedException: 405,
  NotImplementedOperationException: 501,
  NotImplementedException: 501,
  NotImplementedError: 501,
  NotSupportedException: 501,
  UnsupportedOperationException: 501,
  OperationNotSupportedException: 501,
  HttpResponseGone: 410,
  Forbidden: 403,
  ForbiddenException: 403,
  ForbiddenOperationException: 403,
  HttpResponseForbidden: 403,
  Forbid: 403,
};

/** Statuses that refuse (not sign-in or rate-limit answers, which other rules judge). */
function isRefusalStatus(status: number | undefined): status is number {
  return status !== undefined && status >= 400 && status !== 401 && status !== 407 && status !== 429;
}

export interface Refusal {
  at: IrNode;
  /** The status sent, or `throws` for an exception with no status. */
  status: number | 'throws';
}

/** The status a call or constructor sends, also through keyword arguments (`JsonResponse(..., status=501)`) and refusal helpers. */
export function refusalStatusOf(model: CodeModel, call: CallNode): number | undefined {
  const last = calleeLast(call);
  if (last in REFUSAL_HELPERS) return REFUSAL_HELPERS[last];
  const status = statusOf(model, call);
  if (status !== undefined) return status;
  const named = argument(call, -1, 'status', 'status_code', 'statusCode', 'httpCode', 'code');
  return statusValue(model, named?.value);
}

function refusalIn(model: CodeModel, node: IrNode): Refusal | undefined {
  let found: Refusal | undefined;
  walk(node, (n) => {
    if (found) return false;
    if (n.kind === 'function') return false;
    if (n.kind === 'throw') {
      const value = n.value;
      const call = value?.kind === 'call' ? value : undefined;
      const status = call ? refusalStatusOf(model, call) : undefined;
      found = { at: n, status: status ?? 'throws' };
      return false;
    }
    if (n.kind === 'call' && !n.isDecorator) {
      const status = refusalStatusOf(model, n);
      if (isRefusalStatus(status)) found = { at: n, status };
    }
    // Flask: `return jsonify(...), 501`
    if (n.kind === 'return' && n.value?.kind === 'array' && n.value.elements.length >= 2) {
      const status = numberValue(model, n.value.elements[n.value.elements.length - 1]);
      if (isRefusalStatus(status)) found = { at: n, status };
    }
  });
  return found;
}

/**
 * The refusal a function performs on every call: a top-level statement (not inside a condition,
 * loop, switch or try) that throws or sends a refusing status, reached before any other `return`.
 */
export function unconditionalRefusal(model: CodeModel, fn: FunctionNode): Refusal | undefined {
  return fn.body ? leadingRefusal(model, fn.body) : undefined;
}

/** The refusal a block (or a single statement or expression) performs before any condition or other `return`. */
export function leadingRefusal(model: CodeModel, body: IrNode): Refusal | undefined {
  const statements = body.kind === 'block' ? body.body : [body];
  for (const statement of statements) {
    if (statement.kind === 'if' || statement.kind === 'loop' || statement.kind === 'switch' || statement.kind === 'try') return undefined;
    const refusal = refusalIn(model, statement);
    if (refusal) {
      if (refusal.status === 'throws' || isRefusalStatus(refusal.status)) return refusal;
      return undefined;
    }
    if (statement.kind === 'return') return undefined;
  }
  return undefined;
}

/* ---------- formats ---------- */

export type FormatClass = 'ndjson' | 'open' | 'vendor' | 'not-machine-readable';

const NOT_MACHINE_READABLE = /(^|[/.+_-])(pdf|docx?|rtf|tiff?|png|jpe?g|gif|bmp|image|images|print|printout|paper|fax|html?)$/i;
const VENDOR = /vendor|proprietary|(^|\/)(vnd\.|x-|prs\.)|\.(dat|bin|bak|dmp)$|^(dat|bin|bak|dump|binary)$/i;

/** How open an export format is: NDJSON, another open machine-readable format, vendor-specific, or not machine-readable. */
export function formatClass(value: string): FormatClass {
  const v = value.trim();
  if (isNdjsonFormat(v)) return 'ndjson';
  const base = baseMediaType(v);
  if (NOT_MACHINE_READABLE.test(base)) return 'not-machine-readable';
  if (VENDOR.test(base) && base !== 'application/x-ndjson') return 'vendor';
  return 'open';
}

/** Identifier words for "which format an export uses": `_outputFormat`, `exportFormat`, `output_format`. */
export function isExportFormatName(name: string): boolean {
  const words = identifierWords(name);
  return (words.includes('format') || words.includes('formats')) && (words.includes('output') || words.includes('export'));
}

/** A settings key naming the list of export formats: `exportFormats`, `export_formats`, `bulk_export_formats`, `supportedExportFormats`. */
export function isExportFormatsKey(key: string): boolean {
  const words = identifierWords(key);
  return words.includes('export') && (words.includes('formats') || words.includes('format') || words.includes('types') && words.includes('output'));
}

/* ---------- settings ---------- */

const EXPORT_KIND_WORDS = new Set(['bulk', 'ehi', 'fhir', 'patient', 'group', 'system', 'population', 'everything', 'database', 'db', 'migration', 'full', 'chart', 'record', 'records']);
const NOT_EXPORT_CONTEXT = /^(metrics|prometheus|telemetry|tracing|otel|opentelemetry|logging|logs|log|management|jaeger|zipkin|statsd|datadog|newrelic|micrometer|exporter|exporters|otlp|audit|reports?|analytics|csv)$/i;

/**
 * Whether a settings key (with the keys above it) switches EHI export on or off:
 * `bulk_export_enabled`, `enableBulkExport`, `ENABLE_BULK_EXPORT`, `patient_export`,
 * `FhirServer.Operations.Export.Enabled`, `fhirServer.bulkdata.enabled`. With `requireEnablingWord`
 * (for code), a key without an enabling word (`patientExport`) does not count.
 */
export function isExportSwitch(path: readonly string[], requireEnablingWord = false): boolean {
  const key = path[path.length - 1] ?? '';
  if (path.some((k) => NOT_EXPORT_CONTEXT.test(k))) return false;
  const words = identifierWords(key);
  const enabling = words.some((w) => /^(enabled?|allow|allowed|supported|active|on)$/.test(w));
  // `patient_export: false` is a switch in a settings file; in code it may as well be a loading flag.
  if (words.includes('export') && words.some((w) => EXPORT_KIND_WORDS.has(w))) return enabling || (!requireEnablingWord && (words.length === 2 || words.every((w) => w === 'export' || EXPORT_KIND_WORDS.has(w))));
  if (words.includes('everything') && enabling) return true;
  if (!enabling || words.length > 2) return false;
  // `enabled` under `export`, `bulkdata`, `bulkExport`, `$export`.
  const parent = path[path.length - 2] ?? '';
  const parentWords = identifierWords(parent);
  if (/^\$?(bulk[-_]?data|bulk[-_]?export|ehi[-_]?export|\$export|\$everything|everything)$/i.test(parent) || (parentWords.includes('export') && parentWords.some((w) => EXPORT_KIND_WORDS.has(w)))) return true;
  if (/^export$/i.test(parent)) return path.slice(0, -2).some((k) => /fhir|operation|bulk|ehi|patient|hapi/i.test(k));
  return false;
}

/** Whether a setting's value turns it off: `false`, `no`, `off`, `0`, `"false"`. */
export function isOff(node: ConfigNode | undefined): boolean {
  const b = scalarBoolean(node);
  if (b !== undefined) return !b;
  const v = scalar(node);
  return v === 0 || v === '0';
}
