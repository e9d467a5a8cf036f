/**
 * The `data-class-filter` rule: hard-coded filters that remove FHIR resource types, Observation
 * categories or note types from what patients, apps and other providers receive, in code and in
 * server configuration. Documented in `meta.docs` (docs/rules/data-class-filter.md).
 */
import type { CodeModel } from '../server/src/core/code-model';
import { at, ConfigNode, descendants, items, scalarString, stringList as configStringList } from '../server/src/core/formats/tree';
import type { CallNode, IrNode } from '../server/src/core/ir';
import { defineRule } from '../server/src/core/rule';
import { CLINICAL_RESOURCE_TYPES, FHIR_RESOURCE_TYPES, OBSERVATION_CATEGORIES, US_CORE_RESOURCE_TYPES } from '../server/src/domain/fhir';
import { calleeLast, collectionFilter, dotted, identifierWords, memberName, stringList, stringValue } from '../server/src/analysis/values';

const LAWFUL =
  'EHI is the whole designated record set (45 CFR 171.102), so a fixed filter withholds data patients, their apps and other providers are entitled to; it is lawful only under a documented Preventing Harm (171.201), Privacy (171.202), Protecting Care Access (171.206) or Infeasibility (segmentation, 171.204) exception, or a law that requires it.';

/** US Core clinical-note types (LOINC) and their usual names. Psychotherapy notes are not EHI and may be withheld. */
const NOTE_TYPES = new Set([
  '11488-4',
  '18842-5',
  '34117-2',
  '28570-0',
  '11506-3',
  '18748-4',
  '11502-2',
  '11526-1',
  'consult-note',
  'discharge-summary',
  'history-and-physical',
  'procedure-note',
  'progress-note',
  'imaging-narrative',
  'laboratory-report',
  'pathology-report',
  'clinical-note',
  'nursing-note',
]);

/**
 * Resource types recognised in type tests (`r is DocumentReference`, `instanceof DiagnosticReport`):
 * the classes most often withheld, whose names are distinctive enough to serve as trigger words.
 * (Common words such as Patient or Condition would make every EHR file a candidate.)
 */
const TYPE_TEST_TYPES: ReadonlySet<string> = new Set([
  'DocumentReference',
  'DiagnosticReport',
  'AllergyIntolerance',
  'MedicationRequest',
  'MedicationStatement',
  'MedicationAdministration',
  'MedicationDispense',
  'Immunization',
  'ImagingStudy',
  'CarePlan',
  'ClinicalImpression',
  'FamilyMemberHistory',
  'QuestionnaireResponse',
  'Composition',
]);

type DataClass = 'resource type' | 'Observation category' | 'note type';

interface Predicate {
  /** `is`: true for the listed values; `isNot`: true for every other value. */
  polarity: 'is' | 'isNot';
  values: string[];
  dataClass: DataClass;
}

export default defineRule({
  meta: {
    id: 'data-class-filter',
    title: 'Hard-coded filter that removes data classes',
    severity: 'warning',
    languages: ['typescript', 'javascript', 'java', 'csharp', 'python', 'mirth', 'json', 'yaml', 'xml', 'properties'],
    exceptions: ['preventing-harm', 'privacy', 'protecting-care-access', 'required-by-law', 'infeasibility'],
triggers: [
      'resourcetype',
      'resource_type',
      'typename',
      'fhirtype',
      'category',
      'categories',
      'capabilitystatement',
      'notetype',
      'note_type',
      'documenttype',
      'document_type',
      'doctype',
      ...[...TYPE_TEST_TYPES].map((t) => t.toLowerCase()),
    ],
    messages: {
      drops: '{where} removes {values} ({dataClass}) from the EHI it returns. ' + LAWFUL,
      keepsOnly: '{where} keeps only {values} ({dataClass}) and drops every other {dataClass}. ' + LAWFUL,
      capability: 'CapabilityStatement exposes {count} of the {total} US Core resource types; missing: {missing}. ' + LAWFUL,
      supportedTypes: '`{key}` restricts the FHIR server to {count} resource types; US Core types not served: {missing}. ' + LAWFUL,
      configList: '`{key}` {verb} {values} ({dataClass}). ' + LAWFUL,
    },
    docs: {
      summary:
        'Flags code and configuration that remove FHIR resource types, Observation categories or clinical-note types from what patients, their apps or other providers receive: `filter`/`removeIf`/`Where`/comprehension filters and `continue` on a resource type, fixed allow-lists of resource types applied to output, category allow-lists, HAPI FHIR `supported_resource_types`, and CapabilityStatements that expose fewer than the US Core resource types.',
      why:
        'Since 6 October 2022, EHI is the whole designated record set, not the USCDI data classes (45 CFR 171.102). Withholding whole classes of data (notes, documents, a category of results) by a fixed filter interferes with access, exchange and use (171.103). Preventing Harm (171.201) needs an individual determination or data-integrity concern, Privacy (171.202) one of its four sub-exceptions, Protecting Care Access (171.206) a good-faith belief about reproductive health care, Infeasibility (171.204) data that cannot be segmented; a blanket filter for convenience meets none of them.',
      fix:
        'Return every resource the requestor is authorised for. Where a specific restriction is required (a consent directive, 42 CFR Part 2 records, an individual harm determination), apply it per patient or per record rather than to a whole class, and document it with an `ehi-exception` annotation (or in the exception register for JSON).',
      notFlagged: [
        'Filters that only separate OperationOutcome, Bundle or other non-data resources (errors and envelopes are not EHI).',
        'Selecting one resource type to process it (`entries.filter(e => e.resource.resourceType === "Observation")`): that routes data, it does not withhold it.',
        'Routing by type (`if (type === "Patient") handlePatient(r)`): nothing is dropped.',
        'Withholding psychotherapy notes: they are excluded from EHI by definition.',
        'CapabilityStatements that do not serve Patient at all (terminology or knowledge servers).',
      ],
      examples: [
        {
          language: 'java',
          flagged: 'bundle.getEntry().removeIf(e -> e.getResource().getResourceType() == ResourceType.DocumentReference);',
          fixed: 'bundle.getEntry().removeIf(e -> e.getResource().getResourceType() == ResourceType.OperationOutcome);',
        },
        {
          language: 'yaml',
          flagged: 'hapi:\n  fhir:\n    supported_resource_types: [Patient, Observation, Condition]',
          fixed: 'hapi:\n  fhir:\n    # every resource type is served when the list is empty\n    supported_resource_types: []',
        },
      ],
    },
    version: 1,
  },

  code(ctx) {
    const { code } = ctx;
    return {
      call(call) {
        const filter = collectionFilter(call);
        if (!filter?.predicate) return;
        const predicate = readPredicate(code, filter.predicate);
        if (!predicate) return;
        const where = `\`${dotted(call.callee).replace(/\(\)/g, '()') || calleeLast(call)}(...)\``;
        judge(call, where, predicate, filter.mode, (messageId, data) => ctx.report({ at: call, messageId, data }));
      },
      loop(loop) {
        // Python comprehension: [r for r in resources if r["resourceType"] != "DocumentReference"]
        if (!loop.comprehension || !loop.test) return;
        const predicate = readPredicate(code, loop.test);
        if (predicate) judge(loop, '`comprehension`', predicate, 'keep', (messageId, data) => ctx.report({ at: loop, messageId, data }));
      },
      if(node) {
        // for (...) { if (type === 'DocumentReference') continue; ... }
        if (!isSkip(node.consequent) || node.alternate || !insideLoop(node)) return;
        const predicate = readPredicate(code, node.test);
        if (predicate) judge(node, '`continue`', predicate, 'drop', (messageId, data) => ctx.report({ at: node, messageId, data }));
      },
    };
  },

  config(ctx) {
    for (const root of ctx.config.roots) {
      checkCapabilityStatement(ctx, root);
      for (const node of descendants(root)) {
        const entry = node.entry;
        if (!entry) continue;
        const key = entry.key;
        if (/(^|[._-])supported_resource_types$|^supportedResourceTypes$/.test(key) || key === 'supported_resource_types') {
          const values = configStringList(node) ?? [];
          if (values.length === 0) continue;
          const missing = US_CORE_RESOURCE_TYPES.filter((t) => !values.includes(t));
          if (missing.length > 0) ctx.report({ at: entry, messageId: 'supportedTypes', data: { key, count: values.length, missing: summarise(missing) } });
          continue;
        }
        const listed = configStringList(node);
        if (!listed || listed.length === 0 || node.kind === 'map') continue;
        const dataClass = classOf(listed);
        if (!dataClass) continue;
        const words = identifierWords(key);
        // The key must be about data classes (`hiddenResourceTypes`, `allowed_categories`), not a label that happens to be one.
        if (!words.some((w) => /^(types?|resources?|categor(y|ies)|classes|notes?|documents?)$/.test(w))) continue;
        const exclusion = words.some((w) => /^(exclude|excluded|excludes|hidden|hide|block|blocked|suppress|suppressed|deny|denied|omit|omitted|redact|redacted|restricted|blacklist|blocklist|disabled)$/.test(w));
        const allow = listed.length >= 2 && words.some((w) => /^(allowed|allow|exposed|expose|visible|enabled|whitelist|allowlist|permitted|include|included|shared|share|released)$/.test(w));
        if (exclusion && dropsData(listed, dataClass)) {
          ctx.report({ at: entry, messageId: 'configList', data: { key, verb: 'withholds', values: summarise(listed), dataClass } });
        } else if (allow && dataClass === 'resource type' && listed.some((t) => CLINICAL_RESOURCE_TYPES.has(t))) {
          const missing = US_CORE_RESOURCE_TYPES.filter((t) => !listed.includes(t));
          if (missing.length > 0) ctx.report({ at: entry, messageId: 'configList', data: { key, verb: 'shares only', values: summarise(listed), dataClass } });
        } else if (allow && dataClass !== 'resource type') {
          ctx.report({ at: entry, messageId: 'configList', data: { key, verb: 'shares only', values: summarise(listed), dataClass } });
        }
      }
    }
  },
});

type Report = (messageId: string, data: Record<string, string | number>) => void;

function judge(site: IrNode, where: string, predicate: Predicate, mode: 'keep' | 'drop', report: Report): void {
  // What the construct removes: the complement of what a keep-filter keeps, what a drop-filter matches.
  const removesListed = (mode === 'drop') === (predicate.polarity === 'is');
  if (removesListed) {
    if (dropsData(predicate.values, predicate.dataClass)) report('drops', { where, values: summarise(predicate.values), dataClass: predicate.dataClass });
    return;
  }
  // An allow-list: everything but the listed values is removed.
  const explicitDrop = mode === 'drop';
  const several = predicate.values.length >= 2;
  if (!explicitDrop && !(several && flowsToOutput(site))) return;
  if (predicate.dataClass === 'resource type' && !predicate.values.some((t) => CLINICAL_RESOURCE_TYPES.has(t))) return;
  report('keepsOnly', { where, values: summarise(predicate.values), dataClass: predicate.dataClass });
}

function dropsData(values: string[], dataClass: DataClass): boolean {
  if (dataClass === 'resource type') return values.some((t) => CLINICAL_RESOURCE_TYPES.has(t));
  if (dataClass === 'note type') return values.some((v) => NOTE_TYPES.has(v.toLowerCase()));
  return values.some((v) => OBSERVATION_CATEGORIES.has(v.toLowerCase()));
}

function classOf(values: string[]): DataClass | undefined {
  if (values.every((v) => FHIR_RESOURCE_TYPES.has(v))) return 'resource type';
  if (values.every((v) => OBSERVATION_CATEGORIES.has(v.toLowerCase()))) return 'Observation category';
  if (values.every((v) => NOTE_TYPES.has(v.toLowerCase()) || /psychotherapy/i.test(v))) return values.some((v) => NOTE_TYPES.has(v.toLowerCase())) ? 'note type' : undefined;
  return undefined;
}

function summarise(values: string[]): string {
  const unique = [...new Set(values)];
  return unique.length > 6 ? `${unique.slice(0, 6).join(', ')} and ${unique.length - 6} more` : unique.join(', ');
}

function isSkip(node: IrNode): boolean {
  if (node.kind === 'continue') return true;
  return node.kind === 'block' && node.body.length === 1 && node.body[0].kind === 'continue';
}

function insideLoop(node: IrNode): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.kind === 'loop') return true;
    if (p.kind === 'function') return false;
  }
  return false;
}

/** Where a kept list goes: returned, sent, or stored as a bundle's entries. */
function flowsToOutput(site: IrNode): boolean {
  let node: IrNode = site;
  for (let p = site.parent; p; node = p, p = p.parent) {
    if (p.kind === 'member' || (p.kind === 'call' && p.callee === node) || (p.kind === 'unary' && p.operator === 'await')) continue;
    if (p.kind === 'call' && /^(toList|ToList|collect|toArray|ToArray|list|sorted|map|Select)$/.test(calleeLast(p))) continue;
    if (p.kind === 'return') return true;
    if (p.kind === 'assign' || p.kind === 'variable') {
      const name = p.kind === 'assign' ? dotted(p.target).split('.').pop() ?? '' : p.name;
      return /^(entry|entries|Entry|resources|resource|result|results|response|items|data|bundle|output|payload)$/i.test(name) || /(entry|entries|bundle|response|output)$/i.test(name);
    }
    if (p.kind === 'call') {
      const last = calleeLast(p);
      return /^(json|send|jsonify|Ok|ok|body|setEntry|Response|JSONResponse|JsonResponse|write|end)$/.test(last);
    }
    if (p.kind === 'other' && p.type === 'pair') continue;
    if (p.kind === 'object') return true;
    return false;
  }
  return false;
}

/* ---------- predicates over resource types, categories and note types ---------- */

function readPredicate(code: CodeModel, node: IrNode): Predicate | undefined {
  if (node.kind === 'unary' && (node.operator === '!' || node.operator === 'not')) {
    const inner = readPredicate(code, node.operand);
    return inner && { ...inner, polarity: inner.polarity === 'is' ? 'isNot' : 'is' };
  }
  if (node.kind === 'binary') {
    const op = node.operator;
    if (op === '&&' || op === 'and' || op === '||' || op === 'or') {
      const left = readPredicate(code, node.left);
      const right = readPredicate(code, node.right);
      if (!left || !right || left.dataClass !== right.dataClass) return left ?? right;
      const conjunction = op === '&&' || op === 'and';
      // a != X && a != Y  → isNot [X, Y];  a == X || a == Y → is [X, Y]
      if (conjunction && left.polarity === 'isNot' && right.polarity === 'isNot') return { ...left, values: [...left.values, ...right.values] };
      if (!conjunction && left.polarity === 'is' && right.polarity === 'is') return { ...left, values: [...left.values, ...right.values] };
      return undefined;
    }
    if (/^(===|==|!==|!=|is|is not)$/.test(op) && !(op.startsWith('is') && code.language !== 'csharp' && code.language !== 'python')) {
      const negative = op === '!==' || op === '!=' || op === 'is not';
      for (const [subject, value] of [
        [node.left, node.right],
        [node.right, node.left],
      ] as const) {
        const dataClass = subjectClass(code, subject, op.startsWith('is'));
        const v = valueOf(code, value, dataClass);
        if (dataClass && v) return { polarity: negative ? 'isNot' : 'is', values: [v], dataClass };
      }
      return undefined;
    }
    if (op === 'instanceof' && node.right.kind === 'name' && TYPE_TEST_TYPES.has(node.right.name)) {
      return { polarity: 'is', values: [node.right.name], dataClass: 'resource type' };
    }
    if (op === 'in' || op === 'not in') {
      const dataClass = subjectClass(code, node.left, false);
      const values = stringList(code, node.right);
      if (dataClass && values && values.length > 0 && classOf(values) === dataClass) return { polarity: op === 'in' ? 'is' : 'isNot', values, dataClass };
    }
    return undefined;
  }
  if (node.kind === 'call') {
    const last = calleeLast(node);
    // ALLOWED.includes(type), ALLOWED.contains(type), ALLOWED.Contains(type), set.has(type)
    if (/^(includes|contains|Contains|has|containsKey|ContainsKey|indexOf)$/.test(last) && node.callee.kind === 'member') {
      const subject = node.args[0]?.value;
      const dataClass = subject ? subjectClass(code, subject, false) : undefined;
      const values = stringList(code, node.callee.object);
      if (dataClass && values && values.length > 0 && classOf(values) === dataClass) return { polarity: 'is', values, dataClass };
    }
    // "DocumentReference".equals(type) / type.equals("DocumentReference")
    if (/^(equals|Equals|equalsIgnoreCase)$/.test(last) && node.callee.kind === 'member') {
      const receiver = node.callee.object;
      const arg = node.args[0]?.value;
      for (const [subject, value] of [
        [receiver, arg],
        [arg, receiver],
      ] as const) {
        if (!subject || !value) continue;
        const dataClass = subjectClass(code, subject, false);
        const v = valueOf(code, value, dataClass);
        if (dataClass && v) return { polarity: 'is', values: [v], dataClass };
      }
    }
  }
  return undefined;
}

/** What kind of data class an expression reads: a resource's type, an Observation's category, a note's type. */
function subjectClass(code: CodeModel, node: IrNode, typeTest: boolean): DataClass | undefined {
  if (typeTest) return 'resource type';
  const text = (dotted(node) || code.textOf(node)).replace(/\s+/g, '');
  if (/(resourceType|ResourceType|resource_type|TypeName|fhirType|getResourceType\(\)|\bresourcetype)/i.test(text)) return 'resource type';
  if (node.kind === 'index' && /resourceType/i.test(stringValue(code, node.index) ?? '')) return 'resource type';
  if (/category|categories/i.test(text)) return 'Observation category';
  if (/(noteType|note_type|documentType|document_type|docType|NoteType|DocumentType)/.test(text)) return 'note type';
  return undefined;
}

function valueOf(code: CodeModel, node: IrNode, dataClass: DataClass | undefined): string | undefined {
  if (!dataClass) return undefined;
  if (dataClass === 'resource type') {
    const typeName = node.kind === 'name' ? node.name : typeOfCall(node);
    if (typeName !== undefined && TYPE_TEST_TYPES.has(typeName)) return typeName;
    const s = stringValue(code, node) ?? memberName(node);
    return s && FHIR_RESOURCE_TYPES.has(s) ? s : undefined;
  }
  const s = stringValue(code, node) ?? memberName(node);
  if (!s) return undefined;
  if (dataClass === 'Observation category') return OBSERVATION_CATEGORIES.has(s.toLowerCase()) ? s : undefined;
  return NOTE_TYPES.has(s.toLowerCase()) || /psychotherapy/i.test(s) ? s : undefined;
}

/** `typeof(DocumentReference)` / `DocumentReference.class` written as calls or members. */
function typeOfCall(node: IrNode): string | undefined {
  if (node.kind === 'call' && dotted(node.callee) === 'typeof') {
    const arg = node.args[0]?.value;
    return arg?.kind === 'name' ? arg.name : undefined;
  }
  if (node.kind === 'member' && node.property === 'class' && node.object.kind === 'name') return node.object.name;
  return undefined;
}

/* ---------- CapabilityStatement ---------- */

function checkCapabilityStatement(ctx: Parameters<NonNullable<ReturnType<typeof defineRule>['config']>>[0], root: ConfigNode): void {
  if (scalarString(at(root, 'resourceType')) !== 'CapabilityStatement') return;
  for (const rest of items(at(root, 'rest'))) {
    const mode = scalarString(at(rest, 'mode'));
    if (mode && mode !== 'server') continue;
    const resources = at(rest, 'resource');
    const types = items(resources)
      .map((r) => scalarString(at(r, 'type')))
      .filter((t): t is string => !!t);
    if (!types.includes('Patient')) continue;
    const missing = US_CORE_RESOURCE_TYPES.filter((t) => !types.includes(t));
    if (missing.length === 0) continue;
    const anchor = resources?.entry ?? rest.entry ?? rest;
    ctx.report({
      at: anchor,
      messageId: 'capability',
      data: { count: US_CORE_RESOURCE_TYPES.length - missing.length, total: US_CORE_RESOURCE_TYPES.length, missing: summarise(missing) },
    });
  }
}

export type { CallNode };
