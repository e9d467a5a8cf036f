/**
 * The `data-class-filter` rule: hard-coded filters that remove FHIR resource types, Observation
 * categories or note types from what patients, apps and other providers receive, in code and in
 * server configuration. Documented in `meta.docs` (docs/rules/data-class-filter.md).
 */
import type { CodeModel } from '../../server/src/core/code-model';
import { at, ConfigNode, descendants, items, scalarString, stringList as configStringList } from '../../server/src/core/formats/tree';
import type { CallNode, IrNode } from '../../server/src/core/ir';
import { walk } from '../../server/src/core/ir';
import { defineRule, distinctPlaces, RelatedPlace, relatedPlace, Report } from '../../server/src/core/rule';
import { CLINICAL_RESOURCE_TYPES, US_CORE_RESOURCE_TYPES } from '../../server/src/domain/fhir';
import { calleeLast, collectionFilter, definitionOf, dotted, enclosingNameWords, identifierWords, stringValue } from '../../server/src/analysis/values';
import { classOf, DataClass, dropsData, fieldInList, HL7_CLINICAL_SEGMENTS, isConditioned, NOTE_TYPES, Predicate, readFunctionPredicate, readPredicate, resourceTypeList, subjectClass, TYPE_TEST_TYPES, unwrap, valueOf } from './predicates';

/** Names of patient-level operations (`$everything`, `buildPatientSummary`, `patient_bundle`); also the rule's trigger words for them. */
const PATIENT_LEVEL = ['everything', 'compartment', 'patientsummary', 'patient_summary', 'patientbundle', 'patient_bundle', 'patientrecord', 'patient_record', 'patientchart', 'patient_chart', 'patientexport', 'patient_export'];

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
      'restricttoresources',
      ...PATIENT_LEVEL,
      'presearch',
      // Mirth: HL7 segments deleted or tested by name, the document type field.
      'delete msg',
      'delete tmp',
      'seg.name()',
      'segment.name()',
      'child.name()',
      'txa.2',
      'txa-2',
      ...[...NOTE_TYPES].filter((t) => /^\d/.test(t)),
      ...[...TYPE_TEST_TYPES].map((t) => t.toLowerCase()),
    ],
    messages: {
      drops: '{where} removes {values} ({dataClass}); no documented exception',
      keepsOnly: '{where} drops every {dataClass} but {values}; no documented exception',
      narrows: '{where} narrows every search to {values} ({dataClass}); no documented exception',
      everything: '{where} builds the patient record from {count} fixed types, not {missing}; no documented exception',
      capability: 'CapabilityStatement serves {count} of {total} US Core types, not {missing}; no documented exception',
      supportedTypes: '`{key}` serves only {count} resource types, not {missing}; no documented exception',
      configList: '`{key}` {verb} {values} ({dataClass}); no documented exception',
    },
    docs: {
      summary:
        'Flags code and configuration that remove FHIR resource types, Observation categories or clinical-note types from what patients, their apps or other providers receive. In code: `filter`/`includes`/`has`/`indexOf`, `removeIf` and stream `filter`, LINQ `Where`/`Contains`/`RemoveAll`, Python comprehensions and `in`, Django `exclude(field__in=...)`, `continue` or `switch` cases that skip a type in a loop, and the same tests inside helper functions (also Mirth code templates); the lists they use may be constants, `static final`/`static readonly` fields, enums or frozensets in the same file or imported from another (reported at the filter, with the list as related location). FHIR server hooks: HAPI `STORAGE_PRESHOW_RESOURCES` blanking (`setResource(i, null)`), `STORAGE_PRESEARCH_REGISTERED` narrowing, consent services whose `willSeeResource`/`canSeeResource` reject whole types, and CapabilityStatement post-processors that trim the resource list. `Patient/$everything` or patient bundles assembled from a fixed list of resource types that leaves out US Core types. Mirth transformers and filters that delete clinical HL7 segments (`delete msg[\'NTE\']`, segments by name from a list), drop document types (TXA-2, also from a list the deploy script puts in the global channel map) or remove a destination for them (`destinationSet.remove`). In configuration: exclusion and allow-lists of resource types, categories or note types (also lists of `{ code }` objects), HAPI FHIR `supported_resource_types`, Firely Server `RestrictToResources`, and CapabilityStatements that expose fewer than the US Core resource types.',
      why:
        'Since 6 October 2022, EHI is the whole designated record set, not the USCDI data classes (45 CFR 171.102). Withholding whole classes of data (notes, documents, a category of results) by a fixed filter interferes with access, exchange and use (171.103). Preventing Harm (171.201) needs an individual determination or data-integrity concern, Privacy (171.202) one of its four sub-exceptions, Protecting Care Access (171.206) a good-faith belief about reproductive health care, Infeasibility (171.204) data that cannot be segmented; a blanket filter for convenience meets none of them.',
      fix:
        'Return every resource the requestor is authorised for. Where a specific restriction is required (a consent directive, 42 CFR Part 2 records, an individual harm determination), apply it per patient or per record rather than to a whole class, and document it with an `ehi-exception` annotation (or in the exception register for JSON). An annotation on the list’s definition documents the filters in the same file that use it.',
      notFlagged: [
        'Filters that only separate OperationOutcome, Bundle or other non-data resources (errors and envelopes are not EHI).',
        'Selecting one resource type to process it (`entries.filter(e => e.resource.resourceType === "Observation")`): that routes data, it does not withhold it.',
        'Routing by type (`if (type === "Patient") handlePatient(r)`), also with `continue` after handling it: nothing is dropped.',
        'Withholding psychotherapy notes: they are excluded from EHI by definition.',
        'Filters the patient chose (a query parameter, a sharing preference) and filters conditioned on a recorded consent, an opt-out or a law (42 CFR Part 2 segmentation).',
        'Clinician inbox, in-basket and worklist filters: they decide what lands in a clinician’s own queue, not what a requestor receives.',
        'CapabilityStatements and `supported_resource_types` of servers that serve no patient data (terminology or knowledge servers: no clinical resource type in the list).',
        'Allow-lists of resource types that include every US Core resource type, or that a function or class named for one kind of data applies (`getLabResults` keeping Observation and DiagnosticReport): the rest of the record is served elsewhere.',
        'Checks of type names themselves (`requested.filter(t => !KNOWN_TYPES.has(t))` validating a `_type` parameter), counts and yes/no tests over a filtered list.',
        'Deleting site-specific HL7 Z-segments, and filters on trigger events or result status.',
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
    version: 2,
  },

  code(ctx) {
    const { code } = ctx;
    const report = (site: IrNode, messageId: string, data: Record<string, string | number>, related: RelatedPlace[] = []): void => {
      const r: Report = { at: site, messageId, data };
      const unique = distinctPlaces(related);
      if (unique.length > 0) r.related = unique;
      ctx.report(r);
    };
    const judgeAt = (site: IrNode, where: string, predicate: Predicate, mode: 'keep' | 'drop', output: () => boolean): void => {
      if (isWorkQueue(site) || conditionedAround(site)) return;
      const verdict = judge(predicate, mode, () => (predicate.dataClass !== 'resource type' || !servesOneTopic(site)) && output());
      if (verdict) report(site, verdict.messageId, { where, ...verdict.data }, predicate.related);
    };
    return {
      call(call) {
        const filter = filterPredicate(code, call);
        if (filter) {
          judgeAt(call, `\`${callLabel(call)}(...)\``, filter.predicate, filter.mode, () => flowsToOutput(code, call));
          return;
        }
        const orm = ormFilter(code, call);
        if (orm) {
          judgeAt(call, `\`${callLabel(call)}(...)\``, orm.predicate, orm.mode, () => true);
          return;
        }
        const narrowed = searchNarrowing(code, call);
        if (narrowed) {
          report(call, 'narrows', { where: `\`${callLabel(call)}(...)\``, values: summarise(narrowed.values), dataClass: narrowed.dataClass });
          return;
        }
        // `EVERYTHING_TYPES.map(type => fhir.search(type, ...))`
        if (call.callee.kind === 'member' && /^(map|forEach|flatMap|Select|SelectMany|ForEach)$/.test(calleeLast(call))) {
          const list = call.callee.object.kind === 'call' && /^(stream|AsEnumerable)$/.test(calleeLast(call.callee.object)) && call.callee.object.callee.kind === 'member' ? call.callee.object.callee.object : call.callee.object;
          const lambda = call.args.find((a) => a.value.kind === 'function')?.value;
          if (lambda?.kind === 'function' && lambda.params[0]) includeSet(call, list, lambda.params[0].name, lambda.body);
        }
      },
      loop(loop) {
        // Python comprehension: [r for r in resources if r["resourceType"] != "DocumentReference"]
        if (loop.comprehension && loop.test) {
          const predicate = readPredicate(code, loop.test);
          if (predicate) judgeAt(loop, '`comprehension`', predicate, 'keep', () => flowsToOutput(code, loop));
          return;
        }
        if (loop.iterable && loop.variable) includeSet(loop, loop.iterable, loop.variable, loop.body);
      },
      if(node) {
        const loop = enclosingLoop(node);
        const dropping = droppingStatement(code, node.consequent, loop);
        if (dropping && !node.alternate) {
          const predicate = readPredicate(code, node.test);
          if (predicate) judgeAt(node, dropping, predicate, 'drop', () => true);
          return;
        }
        // for (const e of entries) { if (ALLOWED.includes(e.resource.resourceType)) out.push(e); }
        const kept = loop && !node.alternate ? keptInto(node.consequent, loop) : undefined;
        if (kept && onlyStatementUsing(loop!, node)) {
          const predicate = readPredicate(code, node.test);
          if (predicate) judgeAt(node, `\`${callLabel(kept.call)}(...)\``, predicate, 'keep', () => namedOutput(kept.name) || usedAsOutput(code, node, kept.name));
        }
      },
      switch(node) {
        // switch (r.resourceType) { case 'DocumentReference': continue; ... }
        const dataClass = subjectClass(code, node.discriminant);
        if (!dataClass) return;
        const loop = enclosingLoop(node);
        const values: string[] = [];
        let pending: string[] = [];
        for (const c of node.cases) {
          if (c.tests.length === 0) {
            pending = [];
            continue;
          }
          pending.push(...c.tests.map((t) => valueOf(code, t, dataClass)).filter((v): v is string => !!v));
          if (c.body.length === 0) continue;
          if (droppingStatement(code, { kind: 'block', body: c.body, start: c.start, end: c.end }, loop)) values.push(...pending);
          pending = [];
        }
        if (values.length > 0) judgeAt(node, '`switch`', { polarity: 'is', values, dataClass, related: [] }, 'drop', () => true);
      },
      unary(node) {
        // Mirth: `delete msg['NTE']`, `delete msg.OBX`: every segment of that kind leaves the message.
        if (node.operator !== 'delete' || code.embedding?.host !== 'mirth') return;
        const target = node.operand;
        const segment = target.kind === 'member' ? target.property : target.kind === 'index' ? stringValue(code, target.index) : undefined;
        if (!segment || !HL7_CLINICAL_SEGMENTS.has(segment) || !/^(msg|tmp)$/.test(dotted(target.kind === 'member' || target.kind === 'index' ? target.object : target))) return;
        if (enclosingIfs(node).some((test) => isConditioned(test) || readPredicate(code, test))) return;
        judgeAt(node, `\`delete ${code.textOf(target)}\``, { polarity: 'is', values: [segment], dataClass: 'HL7 segment', related: [] }, 'drop', () => true);
      },
      return(node) {
        // A Mirth filter rule: `return msg['TXA']['TXA.2'].toString() != 'PN';` passes only what the test allows.
        if (code.embedding?.host === 'mirth' && node.value && !code.enclosingFunction(node)) {
          const predicate = readPredicate(code, node.value);
          if (predicate) judgeAt(node, 'filter', predicate, 'keep', () => true);
          return;
        }
        // HAPI consent service: return type == DocumentReference ? ConsentOutcome.REJECT : ConsentOutcome.PROCEED
        const value = node.value && unwrap(node.value);
        const decision = consentDecision(code, node);
        if (value?.kind !== 'conditional' || !decision) return;
        const rejects = isRejectOutcome(value.consequent) ? true : isRejectOutcome(value.alternate) ? false : undefined;
        if (rejects === undefined) return;
        const predicate = readPredicate(code, value.test);
        if (predicate) judgeAt(node, `\`${decision}\``, rejects ? predicate : { ...predicate, polarity: predicate.polarity === 'is' ? 'isNot' : 'is' }, 'drop', () => true);
      },
    };

    /** A loop or `map` over a fixed list of resource types in a patient-level operation: the include set of `$everything`. */
    function includeSet(site: IrNode, list: IrNode, variable: string, body: IrNode | undefined): void {
      const types = resourceTypeList(code, list);
      if (!types || !body || !isPatientLevelOperation(code, site) || !searchesEach(body, variable)) return;
      if (types.filter((t) => CLINICAL_RESOURCE_TYPES.has(t)).length < 2) return;
      const missing = US_CORE_RESOURCE_TYPES.filter((t) => !types.includes(t) && t !== 'Patient');
      if (missing.length === 0) return;
      const definition = definitionOf(code, list);
      const related = definition ? [relatedPlace(definition, 'the list is defined here')] : [];
      report(site, 'everything', { where: site.kind === 'loop' ? (site.comprehension ? '`comprehension`' : '`for` loop') : `\`${callLabel(site as CallNode)}(...)\``, count: types.length, missing: summarise(missing) }, related);
    }
  },

  config(ctx) {
    for (const root of ctx.config.roots) {
      checkCapabilityStatement(ctx, root);
      for (const node of descendants(root)) {
        const entry = node.entry;
        if (!entry) continue;
        const key = entry.key;
        if (/(^|[._-])supported_resource_types$|^supportedResourceTypes$|^RestrictToResources$/i.test(key)) {
          const values = configStringList(node) ?? [];
          // A server that holds no patient data (terminology, knowledge) lists no clinical type.
          if (!values.some((t) => CLINICAL_RESOURCE_TYPES.has(t))) continue;
          const missing = US_CORE_RESOURCE_TYPES.filter((t) => !values.includes(t));
          if (missing.length > 0) ctx.report({ at: entry, messageId: 'supportedTypes', data: { key, count: values.length, missing: summarise(missing) } });
          continue;
        }
        if (node.kind === 'map') continue;
        const listed = codesOf(node);
        if (!listed || listed.length === 0) continue;
        const dataClass = classOf(listed);
        if (!dataClass) continue;
        const words = identifierWords(key);
        // The key must be about data classes (`hiddenResourceTypes`, `allowed_categories`), not a label that happens to be one.
        if (!words.some((w) => /^(types?|resources?|categor(y|ies)|classes|notes?|documents?)$/.test(w))) continue;
        if (ancestorKeyWords(node).some((w) => WORK_QUEUE.test(w))) continue;
        const exclusion = words.some((w) => /^(exclude|excluded|excludes|hidden|hide|block|blocked|suppress|suppressed|deny|denied|omit|omitted|redact|redacted|restricted|blacklist|blocklist|disabled|withheld|withhold)$/.test(w));
        const allow = listed.length >= 2 && words.some((w) => /^(allowed|allow|exposed|expose|visible|enabled|whitelist|allowlist|permitted|include|included|shared|share|released|release)$/.test(w));
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

/* ---------- verdicts ---------- */

interface Verdict {
  messageId: 'drops' | 'keepsOnly';
  data: Record<string, string>;
}

/** What a filter removes: what a drop-filter matches, or the complement of what a keep-filter keeps. */
function judge(predicate: Predicate, mode: 'keep' | 'drop', output: () => boolean): Verdict | undefined {
  const removesListed = (mode === 'drop') === (predicate.polarity === 'is');
  const values = summarise(predicate.values);
  if (removesListed) return dropsData(predicate.values, predicate.dataClass) ? { messageId: 'drops', data: { values, dataClass: predicate.dataClass } } : undefined;
  // An allow-list: everything but the listed values is removed. A kept single type is routing unless something is dropped explicitly.
  if (mode === 'keep' && (predicate.values.length < 2 || !output())) return undefined;
  if (predicate.dataClass === 'resource type') {
    if (!predicate.values.some((t) => CLINICAL_RESOURCE_TYPES.has(t))) return undefined;
    if (US_CORE_RESOURCE_TYPES.every((t) => predicate.values.includes(t))) return undefined;
  }
  return { messageId: 'keepsOnly', data: { values, dataClass: predicate.dataClass } };
}

/** The values, as many as fit in about 40 characters, then how many more: messages stay one short sentence. */
function summarise(values: string[]): string {
  const unique = [...new Set(values)];
  const shown: string[] = [];
  let length = 0;
  for (const v of unique) {
    if (shown.length > 0 && length + v.length > 40) break;
    shown.push(v);
    length += v.length + 2;
  }
  const rest = unique.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}


/** `entries.filter`, `getEntry().removeIf`: the last two links of the callee, short enough for a message. */
function callLabel(call: CallNode): string {
  const parts = dotted(call.callee).split('.').filter((p) => p.length > 0);
  const label = parts.slice(-2).join('.') || calleeLast(call);
  return label.length > 30 ? calleeLast(call) : label;
}

/* ---------- filters and what they keep ---------- */

/** A collection filter's predicate: a lambda's expression, a block lambda that returns booleans, or a named helper (`filter(is_shareable)`). */
function filterPredicate(code: CodeModel, call: CallNode): { predicate: Predicate; mode: 'keep' | 'drop' } | undefined {
  const filter = collectionFilter(call);
  if (filter?.predicate) {
    const predicate = readPredicate(code, filter.predicate);
    return predicate && { predicate, mode: filter.mode };
  }
  if (filter?.reference) {
    const name = filter.reference.kind === 'name' ? filter.reference.name : filter.reference.kind === 'member' ? filter.reference.property : undefined;
    const fn = name ? code.functionNamed(name) : undefined;
    const predicate = fn && readFunctionPredicate(code, fn);
    return predicate && { predicate: { ...predicate, related: [{ at: fn!, message: 'the test is made here' }, ...predicate.related] }, mode: filter.mode };
  }
  // Python's built-ins: `filter(lambda r: ..., resources)`, `itertools.filterfalse(...)`.
  const builtin = dotted(call.callee);
  if (code.language === 'python' && /^(filter|filterfalse|itertools\.filterfalse)$/.test(builtin)) {
    const lambda = call.args[0]?.value;
    const body = lambda?.kind === 'function' && lambda.body && lambda.body.kind !== 'block' ? lambda.body : undefined;
    const predicate = body && readPredicate(code, body);
    return predicate && { predicate, mode: builtin === 'filter' ? 'keep' : 'drop' };
  }
  // A block lambda the shared reader leaves: `filter(e => { switch (e.resourceType) { ... } })`.
  const mode = collectionFilterMode(call);
  const lambda = call.args.find((a) => a.value.kind === 'function')?.value;
  if (mode && lambda?.kind === 'function' && lambda.body?.kind === 'block') {
    const predicate = readFunctionPredicate(code, lambda);
    return predicate && { predicate, mode };
  }
  return undefined;
}

function collectionFilterMode(call: CallNode): 'keep' | 'drop' | undefined {
  if (call.callee.kind !== 'member') return undefined;
  const last = calleeLast(call);
  if (/^(filter|Where|FindAll|findAll|filtered|takeWhile)$/.test(last)) return 'keep';
  if (/^(removeIf|RemoveAll|RemoveWhere|reject|filterNot|omitBy|dropWhile|Except)$/.test(last)) return 'drop';
  return undefined;
}

/** Django querysets: `.exclude(loinc_type__in=WITHHELD)`, `.filter(resource_type__in=ALLOWED)`. */
function ormFilter(code: CodeModel, call: CallNode): { predicate: Predicate; mode: 'keep' | 'drop' } | undefined {
  const last = calleeLast(call);
  if (!/^(filter|exclude)$/.test(last) || call.callee.kind !== 'member') return undefined;
  for (const a of call.args) {
    const field = a.name ? /^(\w+)__in$/.exec(a.name)?.[1] : undefined;
    const predicate = field ? fieldInList(code, a.value, field) : undefined;
    if (predicate) return { predicate, mode: last === 'exclude' ? 'drop' : 'keep' };
  }
  return undefined;
}

/** Where a kept list goes: returned, sent, or stored as a bundle's entries; through a local variable too. */
function flowsToOutput(code: CodeModel, site: IrNode): boolean {
  let node: IrNode = site;
  for (let p = site.parent; p; node = p, p = p.parent) {
    // `.filter(...).count()`, `.Any()`: a number or a yes/no about the list, not the list.
    if (p.kind === 'member' && SIZE_OR_TEST.test(p.property)) return false;
    if (p.kind === 'member' && p.property === 'forEach' && p.parent?.kind === 'call') return addsToOutput(p.parent);
    if (p.kind === 'member' || (p.kind === 'call' && p.callee === node) || (p.kind === 'unary' && p.operator === 'await')) continue;
    if (p.kind === 'call' && /^(toList|ToList|collect|toArray|ToArray|list|sorted|map|Select|ToHashSet)$/.test(calleeLast(p))) continue;
    if (p.kind === 'return') return true;
    if (p.kind === 'assign' || p.kind === 'variable') {
      const name = p.kind === 'assign' ? dotted(p.target).split('.').pop() ?? '' : p.name;
      return namedOutput(name) || (p.kind === 'variable' && usedAsOutput(code, p, name));
    }
    if (p.kind === 'call') return OUTPUT_CALL.test(calleeLast(p));
    if (p.kind === 'other' && p.type === 'pair') continue;
    if (p.kind === 'object') return true;
    return false;
  }
  return false;
}

const SIZE_OR_TEST = /^(count|Count|size|length|isEmpty|any|Any|anyMatch|noneMatch|allMatch|findFirst|findAny|first|First|FirstOrDefault|isPresent|exists|some|every|includes|contains|Contains|LongCount)$/;

/** `kept.forEach(r -> bundle.addEntry().setResource(r))`: each kept element goes into the bundle or response. */
function addsToOutput(call: CallNode): boolean {
  const lambda = call.args.find((a) => a.value.kind === 'function')?.value;
  if (!lambda) return false;
  let found = false;
  walk(lambda, (n) => {
    if (n.kind === 'call' && n.callee.kind === 'member' && /^(add|push|append|Add|addEntry|AddEntry|setResource)$/.test(n.callee.property)) {
      const root = dotted(n.callee.object).split('.')[0];
      if (namedOutput(root)) found = true;
    }
    return !found;
  });
  return found;
}

const OUTPUT_CALL = /^(json|send|jsonify|Ok|ok|body|setEntry|Response|JSONResponse|JsonResponse|write|end|bodyValue|just)$/;

function namedOutput(name: string): boolean {
  return /^(entry|entries|Entry|resources|resource|result|results|response|items|data|bundle|output|payload)$/i.test(name) || /(entry|entries|bundle|response|output)$/i.test(name);
}

/** Whether a local variable declared at `declaration` is later returned, sent or made a bundle's entries in the same function. */
function usedAsOutput(code: CodeModel, declaration: IrNode, name: string): boolean {
  const fn = code.enclosingFunction(declaration);
  const scope = fn?.body ?? code.root;
  let found = false;
  walk(scope, (n) => {
    if (found || n.end <= declaration.end) return n.end > declaration.end;
    if (n.kind === 'name' && n.name === name && n.start > declaration.end) found = reachesOutput(n);
  });
  return found;
}

/** From a use of a name up to its statement: returned, given to a response call, or made an output property or field. */
function reachesOutput(use: IrNode): boolean {
  let child: IrNode = use;
  for (let p = use.parent, depth = 0; p && depth < 10; child = p, p = p.parent, depth++) {
    switch (p.kind) {
      case 'return':
        return true;
      case 'call':
        if (p.callee === child) continue;
        if (OUTPUT_CALL.test(calleeLast(p))) return true;
        if (/^(list|sorted|tuple|ToList|toList|ToArray|toArray|AsReadOnly|of|asList)$/.test(calleeLast(p))) continue;
        return false;
      case 'member':
        // `visible.map(...)`, `released.ToList()`: the list goes on; `released.Count` is only its size.
        if (p.parent?.kind === 'call' && p.parent.callee === p && /^(map|Select|toList|ToList|stream|collect|sorted|ToArray|toArray|concat|Concat)$/.test(p.property)) continue;
        if (p.property === 'forEach' && p.parent?.kind === 'call' && p.parent.callee === p) return addsToOutput(p.parent);
        return false;
      case 'loop':
        if (p.comprehension && p.iterable === child) continue;
        return false;
      case 'object': {
        const prop = p.properties.find((x) => x.value.start <= use.start && use.end <= x.value.end);
        return !!prop && namedOutput(prop.key);
      }
      case 'assign':
        return p.value === child && namedOutput(dotted(p.target).split('.').pop() ?? '');
      case 'variable':
        return namedOutput(p.name);
      case 'array':
      case 'other':
      case 'unary':
      case 'conditional':
        continue;
      default:
        return false;
    }
  }
  return false;
}

/* ---------- statements that drop what a test matched ---------- */

/**
 * What a branch does when it drops the resource its test matched: `continue` (with bookkeeping
 * before it), HAPI `details.setResource(i, null)` / `markResourceAtIndexAsSubset(i)`, removing it
 * from the collection being walked, or a consent service rejecting it. Undefined otherwise.
 */
function droppingStatement(code: CodeModel, node: IrNode, loop: Extract<IrNode, { kind: 'loop' }> | undefined): string | undefined {
  const statements = node.kind === 'block' ? node.body : [node];
  if (statements.length === 0) return undefined;
  const last = statements[statements.length - 1];
  const bookkeeping = statements.slice(0, -1).every(isBookkeeping);
  if (!bookkeeping) return undefined;
  if (last.kind === 'continue' && loop) return '`continue`';
  const decision = last.kind === 'return' && isRejectOutcome(last.value) ? consentDecision(code, last) : undefined;
  if (decision) return `\`${decision}\``;
  // Mirth: `delete msg[seg.name()]`, a destination removed for the message, a filter rule that rejects it.
  if (last.kind === 'unary' && last.operator === 'delete' && code.embedding?.host === 'mirth') return '`delete`';
  if (last.kind === 'return' && last.value?.kind === 'boolean' && !last.value.value && code.embedding?.host === 'mirth' && !code.enclosingFunction(last)) return 'filter';
  const call = last.kind === 'call' ? last : undefined;
  if (!call || call.callee.kind !== 'member') return undefined;
  const method = call.callee.property;
  if (method === 'setResource' && call.args.length === 2 && unwrap(call.args[1].value).kind === 'null') return '`setResource(i, null)`';
  if (method === 'markResourceAtIndexAsSubset') return '`markResourceAtIndexAsSubset`';
  if (loop && /^(remove|Remove)$/.test(method) && (call.args.length === 0 || usesVariable(call.args[0].value, loop.variable))) return `\`${callLabel(call)}\``;
  if (/^(remove|removeAll|removeAllExcept)$/.test(method) && dotted(call.callee.object) === 'destinationSet') return `\`${callLabel(call)}\``;
  return undefined;
}

/** Counting, logging and flags before a `continue`: nothing is done with the resource itself. */
function isBookkeeping(node: IrNode): boolean {
  if (node.kind === 'unary' && (node.operator === '++' || node.operator === '--')) return true;
  if (node.kind === 'assign') return node.value.kind === 'number' || node.value.kind === 'boolean';
  if (node.kind === 'call') return identifierWords(dotted(node.callee)).some((w) => /^(log|logger|logging|console|debug|info|warn|warning|trace|metrics|counter|inc|increment|print|println|log_debug)$/.test(w));
  return false;
}

/** `out.push(e)`, `result.add(r)`, `kept.append(r)`: the collection a loop's element is put in, when it is. */
function keptInto(node: IrNode, loop: Extract<IrNode, { kind: 'loop' }>): { name: string; call: CallNode } | undefined {
  const statements = node.kind === 'block' ? node.body : [node];
  if (statements.length !== 1) return undefined;
  const call = statements[0];
  if (call.kind !== 'call' || call.callee.kind !== 'member' || !/^(push|add|Add|append|addEntry|AddEntry)$/.test(call.callee.property)) return undefined;
  if (!call.args.some((a) => usesVariable(a.value, loop.variable))) return undefined;
  const name = dotted(call.callee.object).split('.').pop();
  return name ? { name, call } : undefined;
}

/** Whether the `if` is the only statement of the loop body that uses the loop's element (nothing else processes the rest). */
function onlyStatementUsing(loop: Extract<IrNode, { kind: 'loop' }>, node: IrNode): boolean {
  const body = loop.body.kind === 'block' ? loop.body.body : [loop.body];
  return body.every((s) => s === node || !usesVariable(s, loop.variable) || isDeclarationOfElementPart(s));
}

/** `const type = e.resource.resourceType;`: reading the element's type to test it. */
function isDeclarationOfElementPart(node: IrNode): boolean {
  return node.kind === 'variable' && !!node.value && node.value.kind !== 'call';
}

function usesVariable(node: IrNode, variable: string | undefined): boolean {
  if (!variable) return false;
  let found = false;
  walk(node, (n) => {
    if (n.kind === 'name' && n.name === variable) found = true;
    return !found;
  });
  return found;
}

function enclosingLoop(node: IrNode): Extract<IrNode, { kind: 'loop' }> | undefined {
  for (let p = node.parent; p; p = p.parent) {
    if (p.kind === 'loop' && !p.comprehension) return p;
    if (p.kind === 'function') return undefined;
  }
  return undefined;
}

/* ---------- FHIR server hooks ---------- */

/** The HAPI FHIR consent service decision a node is in (`willSeeResource`, `canSeeResource`), by name. */
function consentDecision(code: CodeModel, node: IrNode): string | undefined {
  const name = (code.enclosingNamedFunction(node) ?? code.enclosingFunction(node))?.name;
  return name && /^(willSeeResource|canSeeResource|WillSeeResource|CanSeeResource)$/.test(name) ? name : undefined;
}

/** `ConsentOutcome.REJECT`, `ConsentOperationStatusEnum.REJECT`, `new ConsentOutcome(ConsentOperationStatusEnum.REJECT)`. */
function isRejectOutcome(node: IrNode | undefined): boolean {
  if (!node) return false;
  const n = unwrap(node);
  if (n.kind === 'member') return /^(REJECT|Reject|DENY|Deny)$/.test(n.property);
  if (n.kind === 'call' && n.isNew) return n.args.some((a) => isRejectOutcome(a.value));
  return false;
}

/** HAPI `STORAGE_PRESEARCH_REGISTERED`: `map.add("category", new TokenOrListParam(...))` narrowing every search to fixed values. */
function searchNarrowing(code: CodeModel, call: CallNode): { values: string[]; dataClass: DataClass } | undefined {
  if (call.callee.kind !== 'member' || !/^(add|put|set)$/.test(call.callee.property) || call.args.length < 2) return undefined;
  const param = stringValue(code, call.args[0].value);
  if (!param || !/^(category|_type|type)$/.test(param)) return undefined;
  const fn = code.enclosingNamedFunction(call);
  if (!fn || !fn.decorators.some((d) => /PRESEARCH/.test(code.textOf(d)))) return undefined;
  const values: string[] = [];
  walk(call.args[1].value, (n) => {
    const s = n.kind === 'string' ? n.value : undefined;
    if (s && (classOf([s]) === (param === 'category' ? 'Observation category' : 'resource type'))) values.push(s);
  });
  const dataClass = values.length > 0 ? classOf(values) : undefined;
  return dataClass ? { values, dataClass } : undefined;
}

/* ---------- patient-level operations ---------- */

/** `$everything`, a patient bundle, summary or record export: the operation that should return every type the server holds. */
function isPatientLevelOperation(code: CodeModel, node: IrNode): boolean {
  const named = (text: string): boolean => PATIENT_LEVEL.some((w) => text.toLowerCase().includes(w));
  for (let p = node.parent; p; p = p.parent) {
    if ((p.kind === 'function' || p.kind === 'class') && p.name && named(p.name)) return true;
    if (p.kind === 'call' && p.args.some((a) => a.value.kind === 'string' && named(a.value.value))) return true;
    if (p.kind === 'function' && p.decorators.some((d) => named(code.textOf(d)))) return true;
  }
  return false;
}

/** Whether the body searches or reads with the loop's element (`fhir.search(type, ...)`, `` `${type}?patient=` ``). */
function searchesEach(body: IrNode, variable: string): boolean {
  let found = false;
  walk(body, (n) => {
    if (found) return false;
    if (n.kind === 'call' && !n.isDecorator && n.args.some((a) => usesVariable(a.value, variable))) found = true;
  });
  return found;
}

/* ---------- who the filter is for ---------- */

/** Words of clinician work queues: what lands in a clinician's own inbox is not what a requestor receives. */
const WORK_QUEUE = /^(inbox|inbasket|basket|worklist|worklists|workqueue|workqueues|tasklist|cosign|cosignature)$/;

function isWorkQueue(node: IrNode): boolean {
  return enclosingNameWords(node).some((w) => WORK_QUEUE.test(w));
}

/**
 * A function or class named for one kind of data (`getLabResults`, `MedicationListService`): keeping
 * those types there is what it is for; the rest of the record is served elsewhere.
 */
function servesOneTopic(node: IrNode): boolean {
  return enclosingNameWords(node).some((w) => /^(lab|labs|laboratory|vital|vitals|medication|medications|meds|immunization|immunizations|vaccine|vaccines|allergy|allergies|problem|problems|condition|conditions|diagnoses|imaging|radiology|encounter|encounters|visits|appointment|appointments|claim|claims|coverage|billing)$/.test(w));
}

/** A filter inside `if (!consent.permits(...))` or a patient's sharing preference: the record's own condition decides. */
function conditionedAround(node: IrNode): boolean {
  for (let p = node.parent, child: IrNode = node; p; child = p, p = p.parent) {
    if (p.kind === 'function' && !p.isLambda) return false;
    if (p.kind === 'if' && p.test !== child && isConditioned(p.test)) return true;
  }
  return false;
}

/** The tests of the `if`s around a node, up to its function. */
function enclosingIfs(node: IrNode): IrNode[] {
  const out: IrNode[] = [];
  for (let p = node.parent, child: IrNode = node; p && p.kind !== 'function'; child = p, p = p.parent) if (p.kind === 'if' && p.test !== child) out.push(p.test);
  return out;
}

function ancestorKeyWords(node: ConfigNode): string[] {
  const words: string[] = [];
  for (let n: ConfigNode | undefined = node.parent; n; n = n.parent) {
    if (n.entry) words.push(...identifierWords(n.entry.key));
    if (n.kind === 'map') {
      // A list item's own label (`id: results-to-review`, `title: ...`) says what it is for, too.
      for (const e of n.entries) if (/^(id|name|title)$/.test(e.key)) words.push(...identifierWords(scalarString(e.value) ?? ''));
    }
  }
  return words;
}

/* ---------- configuration ---------- */

/** The values of a config list: scalars, or objects that carry a code (`{ loinc: "11506-3", display: ... }`). */
function codesOf(node: ConfigNode): string[] | undefined {
  const plain = configStringList(node);
  if (plain) return plain;
  if (node.kind !== 'seq') return undefined;
  const out: string[] = [];
  for (const item of node.items) {
    if (item.kind !== 'map') return undefined;
    const code = item.entries.find((e) => /^(code|loinc|type|resourceType|category|value)$/.test(e.key));
    const s = code && scalarString(code.value);
    if (!s) return undefined;
    out.push(s);
  }
  return out;
}

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

