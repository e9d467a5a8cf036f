/**
 * Reading tests over data classes: whether an expression asks for a resource's type, an
 * Observation's category or a note's type, and which values it is true for. Tests are followed into
 * the constants and helper functions they use, so the finding can point at where the list is kept.
 */
import type { CodeModel } from '../../server/src/core/code-model';
import type { FunctionNode, IrNode, Origin, Span } from '../../server/src/core/ir';
import { walk } from '../../server/src/core/ir';
import { RelatedPlace, relatedPlace } from '../../server/src/core/rule';
import { CLINICAL_RESOURCE_TYPES, FHIR_RESOURCE_TYPES, OBSERVATION_CATEGORIES } from '../../server/src/domain/fhir';
import { calledFunction, calleeLast, definitionOf, dotted, expressionWords, identifierWords, listElements, memberName, stringList, stringValue } from '../../server/src/analysis/values';

export type DataClass = 'resource type' | 'Observation category' | 'note type' | 'HL7 segment';

/** US Core clinical-note types (LOINC) and their usual names. Psychotherapy notes are not EHI and may be withheld. */
export const NOTE_TYPES: ReadonlySet<string> = new Set([
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

/** HL7 v2 document types (table 0270, TXA-2): consultation, discharge summary, history and physical, operative, procedure and progress notes, reports. */
const HL7_DOCUMENT_TYPES: ReadonlySet<string> = new Set(['AR', 'CD', 'CN', 'DI', 'DS', 'ED', 'HP', 'OP', 'PC', 'PH', 'PN', 'PR', 'SP', 'TS']);

/** HL7 v2 segments that carry clinical content: results, notes, documents, orders, diagnoses, allergies, procedures, medications, problems. */
export const HL7_CLINICAL_SEGMENTS: ReadonlySet<string> = new Set(['OBX', 'NTE', 'TXA', 'OBR', 'ORC', 'DG1', 'AL1', 'IAM', 'PR1', 'RXA', 'RXE', 'RXO', 'RXR', 'RXD', 'RXG', 'PRB', 'GOL', 'PTH', 'SPM', 'TQ1']);

/**
 * Resource types recognised in type tests (`r is DocumentReference`, `instanceof DiagnosticReport`):
 * the classes most often withheld, whose names are distinctive enough to serve as trigger words.
 * (Common words such as Patient or Condition would make every EHR file a candidate.) A test of
 * several types counts when one of them is here.
 */
export const TYPE_TEST_TYPES: ReadonlySet<string> = new Set([
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

export interface Predicate {
  /** `is`: true for the listed values; `isNot`: true for every other value. */
  polarity: 'is' | 'isNot';
  values: string[];
  dataClass: DataClass;
  /** Where the list or the test is written when not at the filter: a constant, a helper function. */
  related: RelatedPlace[];
  /** A type test (`is`, `instanceof`): it needs a distinctive type among its values (see TYPE_TEST_TYPES). */
  typeTest?: boolean;
}

/** What a reading needs: the code the expression belongs to, how deep into helpers it went, and (for a helper in another file) how to name its places. */
interface Reader {
  model: CodeModel;
  depth: number;
  locate?: (span: Span) => Origin;
  /** Names bound to elements of a data-class collection: `c` in `obs.category.some(c => ...)`, `code` in `for code in category_codes(o)`. */
  bound?: ReadonlyMap<string, DataClass>;
}

function place(r: Reader, span: Span, message: string): RelatedPlace {
  return r.locate ? { origin: r.locate(span), message } : { at: span, message };
}

export function readPredicate(model: CodeModel, node: IrNode): Predicate | undefined {
  const p = read({ model, depth: 0 }, node);
  if (p?.typeTest && !p.values.some((v) => TYPE_TEST_TYPES.has(v))) return undefined;
  return p;
}

/** The predicate of a function used as a filter: its expression body, its single return, or `if (P) return true; ... return false`. */
export function readFunctionPredicate(model: CodeModel, fn: FunctionNode): Predicate | undefined {
  const p = functionPredicate({ model, depth: 0 }, fn);
  if (p?.typeTest && !p.values.some((v) => TYPE_TEST_TYPES.has(v))) return undefined;
  return p;
}

/**
 * Words that make a filter depend on a recorded consent, the patient's own choice or a law (not a
 * blanket filter), or confine it to psychotherapy notes (not EHI).
 */
const CONDITION_WORDS = /^(consent|consents|consented|authorization|authorisation|authorized|optout|opted|preference|preferences|chosen|choice|choices|selected|requested|part2|segmentation|segment|restriction|restrictions|directive|directives|psychotherapy)$/;

export function isConditioned(node: IrNode): boolean {
  const words = expressionWords(node);
  return words.some((w) => CONDITION_WORDS.test(w)) || (words.includes('opt') && words.includes('out')) || (words.includes('part') && words.includes('2'));
}

function read(r: Reader, raw: IrNode): Predicate | undefined {
  const node = unwrap(raw);
  if (node.kind === 'unary' && (node.operator === '!' || node.operator === 'not')) return flip(read(r, node.operand));
  if (node.kind === 'conditional') {
    // `type === 'Observation' ? hasVisibleCategory(r) : true`: the branch that is not a constant decides.
    if (isBoolean(node.alternate)) return read(r, node.consequent);
    if (isBoolean(node.consequent)) return read(r, node.alternate);
    return undefined;
  }
  if (node.kind === 'binary') return readBinary(r, node);
  if (node.kind === 'call') return readCall(r, node);
  return undefined;
}

function readBinary(r: Reader, node: Extract<IrNode, { kind: 'binary' }>): Predicate | undefined {
  const op = node.operator;
  if (op === '&&' || op === 'and' || op === '||' || op === 'or') {
    if (isConditioned(node.left) || isConditioned(node.right)) return undefined;
    const left = read(r, node.left);
    const right = read(r, node.right);
    if (!left || !right) return left ?? right;
    const conjunction = op === '&&' || op === 'and';
    // `r is DocumentReference && isClinicianOnlyNote(r)`: the narrower test (note type, category) says what goes.
    if (left.dataClass !== right.dataClass) return conjunction ? (left.dataClass === 'resource type' ? right : left) : undefined;
    // a != X && a != Y → isNot [X, Y];  a == X || a == Y → is [X, Y]
    if ((conjunction && left.polarity === 'isNot' && right.polarity === 'isNot') || (!conjunction && left.polarity === 'is' && right.polarity === 'is')) {
      return { ...left, values: [...left.values, ...right.values], related: [...left.related, ...right.related], typeTest: left.typeTest && right.typeTest };
    }
    return undefined;
  }
  if (op === 'instanceof') {
    const type = node.right.kind === 'name' ? node.right.name : undefined;
    return type && FHIR_RESOURCE_TYPES.has(type) ? { polarity: 'is', values: [type], dataClass: 'resource type', related: [], typeTest: true } : undefined;
  }
  if ((op === 'is' || op === 'is not') && r.model.language === 'csharp') {
    // `resource is DocumentReference`, `resource is DocumentReference or Media`
    const types = patternTypes(node.right);
    if (types && types.every((t) => FHIR_RESOURCE_TYPES.has(t))) return { polarity: op === 'is' ? 'is' : 'isNot', values: types, dataClass: 'resource type', related: [], typeTest: true };
  }
  if (/^(===|==|!==|!=|is|is not)$/.test(op) && !(op.startsWith('is') && r.model.language !== 'python')) {
    const negative = op === '!==' || op === '!=' || op === 'is not';
    for (const [subject, value] of [
      [node.left, node.right],
      [node.right, node.left],
    ] as const) {
      const dataClass = subjectOf(r, subject);
      const v = dataClass && valueOf(r.model, value, dataClass);
      if (dataClass && v) return { polarity: negative ? 'isNot' : 'is', values: [v], dataClass, related: [] };
    }
    return indexOfTest(r, node);
  }
  if (op === 'in' || op === 'not in') {
    const p = membership(r, node.right, node.left);
    return op === 'in' ? p : flip(p);
  }
  // Python sets: `categories_of(obs) & SHAREABLE` is true when they share a value.
  if (op === '&') return membership(r, node.right, node.left) ?? membership(r, node.left, node.right);
  return indexOfTest(r, node);
}

/** `LIST.indexOf(x) >= 0`, `LIST.indexOf(x) !== -1` (true when listed), `... < 0`, `... === -1` (true when not). */
function indexOfTest(r: Reader, node: Extract<IrNode, { kind: 'binary' }>): Predicate | undefined {
  const call = unwrap(node.left);
  if (call.kind !== 'call' || calleeLast(call) !== 'indexOf' || call.callee.kind !== 'member') return undefined;
  const bound = unwrap(node.right);
  const n = bound.kind === 'number' ? bound.value : bound.kind === 'unary' && bound.operator === '-' && bound.operand.kind === 'number' ? -bound.operand.value : undefined;
  if (n === undefined || !call.args[0]) return undefined;
  const op = node.operator;
  const listed = (op === '>=' && n === 0) || (op === '>' && n === -1) || ((op === '!==' || op === '!=') && n === -1);
  const unlisted = (op === '<' && n === 0) || ((op === '===' || op === '==') && n === -1);
  if (!listed && !unlisted) return undefined;
  const p = membership(r, call.callee.object, call.args[0].value);
  return listed ? p : flip(p);
}

function readCall(r: Reader, call: Extract<IrNode, { kind: 'call' }>): Predicate | undefined {
  const last = calleeLast(call);
  // ALLOWED.includes(type), ALLOWED.contains(type), ALLOWED.Contains(type), set.has(type)
  if (/^(includes|contains|Contains|has|containsKey|ContainsKey)$/.test(last) && call.callee.kind === 'member' && call.args[0]) {
    return membership(r, call.callee.object, call.args[0].value);
  }
  // "DocumentReference".equals(type) / type.equals("DocumentReference")
  if (/^(equals|Equals|equalsIgnoreCase)$/.test(last) && call.callee.kind === 'member' && call.args[0]) {
    const receiver = call.callee.object;
    const arg = call.args[0].value;
    for (const [subject, value] of [
      [receiver, arg],
      [arg, receiver],
    ] as const) {
      const dataClass = subjectOf(r, subject);
      const v = dataClass && valueOf(r.model, value, dataClass);
      if (dataClass && v) return { polarity: 'is', values: [v], dataClass, related: [] };
    }
    return undefined;
  }
  // categories.some(c => ALLOWED.includes(c.code)), Any(...), anyMatch(...), Python any(... for c in cats)
  if (/^(some|any|Any|anyMatch|Exists|every|all|All|allMatch|TrueForAll)$/.test(last)) {
    const arg = call.args.find((a) => a.value.kind === 'function' || (a.value.kind === 'loop' && a.value.comprehension))?.value;
    if (arg?.kind === 'function' && arg.body) {
      const receiver = call.callee.kind === 'member' ? call.callee.object : undefined;
      const inner = bind(r, arg.params[0]?.name, receiver);
      return arg.body.kind === 'block' ? blockPredicate(inner, arg.body) : read(inner, arg.body);
    }
    if (arg?.kind === 'loop') {
      const inner = bind(r, arg.variable, arg.iterable);
      return arg.test ? read(inner, arg.test) : read(inner, arg.body);
    }
    return undefined;
  }
  // A helper that decides: `isHieExcludedType(e.resource.resourceType)`, `self._is_shareable(r)`.
  if (r.depth < 3) {
    const helper = calledFunction(r.model, call);
    if (helper) {
      const inner: Reader = { model: helper.model, depth: r.depth + 1, locate: helper.locate ?? r.locate };
      const p = functionPredicate(inner, helper.fn);
      if (!p) return undefined;
      const where = 'at' in helper.definition ? place(r, helper.definition.at, 'the test is made here') : relatedPlace(helper.definition, 'the test is made here');
      return { ...p, related: [where, ...p.related] };
    }
  }
  return undefined;
}

/** `LIST.includes(subject)`: the values of the list, when the subject (or the list's own name) says what class they are. */
/** A reader that knows `name` stands for an element of `collection`, when the collection says its class. */
function bind(r: Reader, name: string | undefined, collection: IrNode | undefined): Reader {
  const dataClass = name && collection ? subjectClass(r.model, collection) : undefined;
  if (!name || !dataClass) return r;
  return { ...r, bound: new Map([...(r.bound ?? []), [name, dataClass]]) };
}

/** The class an expression reads: by its own text, or as an element bound from a data-class collection. */
function subjectOf(r: Reader, node: IrNode): DataClass | undefined {
  const bare = unwrap(node);
  return subjectClass(r.model, node) ?? (bare.kind === 'name' ? r.bound?.get(bare.name) : undefined);
}

function membership(r: Reader, listNode: IrNode, subjectNode: IrNode): Predicate | undefined {
  const subject = subjectOf(r, subjectNode);
  // A bare element (`types.filter(t => !KNOWN_TYPES.has(t))`) is a list of names being checked, not data: only a named subject counts then.
  if (!subject && unwrap(subjectNode).kind === 'name') return undefined;
  return listMembership(r, listNode, subject);
}

/** A membership test of `listNode` over a subject of class `subject` (undefined: the list's own name must say it). */
function listMembership(r: Reader, listNode: IrNode, subject: DataClass | undefined): Predicate | undefined {
  const values = stringList(r.model, listNode);
  if (!values || values.length === 0) return undefined;
  const listed = subject === 'note type' && values.every((v) => HL7_DOCUMENT_TYPES.has(v)) ? 'note type' : classOf(values);
  if (!listed) return undefined;
  if (subject ? subject !== listed : !namesDataClass(listNode)) return undefined;
  const definition = definitionOf(r.model, listNode);
  const related: RelatedPlace[] = definition ? ['at' in definition ? place(r, definition.at, 'the list is defined here') : relatedPlace(definition, 'the list is defined here')] : [];
  return { polarity: 'is', values, dataClass: listed, related };
}

/** `field__in=LIST` and similar: true for the listed values of a field named `field`. */
export function fieldInList(model: CodeModel, listNode: IrNode, field: string): Predicate | undefined {
  const words = identifierWords(field);
  const subject = /resource_?type/i.test(field) ? 'resource type' : words.some((w) => /^categor(y|ies)$/.test(w)) ? 'Observation category' : undefined;
  if (!subject && !words.some((w) => /^(type|code|kind|loinc|class)$/.test(w))) return undefined;
  return listMembership({ model, depth: 0 }, listNode, subject);
}

/** A list whose own name says it holds data classes: `CLINICIAN_ONLY_NOTE_CODES`, `APP_VISIBLE_OBSERVATION_CATEGORIES`, `PUBLISHED_TYPES`. */
function namesDataClass(listNode: IrNode): boolean {
  const name = dotted(listNode).split('.').pop() ?? '';
  return identifierWords(name).some((w) => /^(types?|resources?|categor(y|ies)|notes?|documents?|loinc|classes|segments?)$/.test(w));
}

/** A function's predicate: its expression, its single return, or `if (P) return true; ... return false`. */
function functionPredicate(r: Reader, fn: FunctionNode): Predicate | undefined {
  if (!fn.body) return undefined;
  return fn.body.kind === 'block' ? blockPredicate(r, fn.body) : read(r, fn.body);
}

/**
 * The predicate of a block that returns booleans: a single `return P`; `if (P) return true` (in loops
 * too) then `return false`; or a `switch` over a data class whose cases return true or false.
 */
function blockPredicate(r: Reader, block: Extract<IrNode, { kind: 'block' }>): Predicate | undefined {
  const statements = block.body;
  if (statements.length === 1 && statements[0].kind === 'return' && statements[0].value) return read(r, statements[0].value);
  const last = statements[statements.length - 1];
  if (last?.kind === 'switch') return switchPredicate(r, last);
  const fallback = last?.kind === 'return' ? booleanOf(last.value) : undefined;
  if (fallback === undefined) return undefined;
  let found: Predicate | undefined;
  let tests = 0;
  walk(block, (n) => {
    if (n.kind === 'function') return false;
    if (n.kind !== 'if') return;
    const returned = returnedBoolean(n.consequent);
    if (returned === undefined || returned === fallback) return;
    tests++;
    found = read(r, n.test);
  });
  if (tests !== 1 || !found) return undefined;
  return fallback ? flip(found) : found;
}

/** `switch (r.resourceType) { case 'A': case 'B': return false; default: return true; }` */
function switchPredicate(r: Reader, node: Extract<IrNode, { kind: 'switch' }>): Predicate | undefined {
  const dataClass = subjectClass(r.model, node.discriminant);
  if (!dataClass) return undefined;
  const defaultCase = node.cases.find((c) => c.tests.length === 0);
  const otherwise = defaultCase ? returnedBoolean({ kind: 'block', body: defaultCase.body, start: defaultCase.start, end: defaultCase.end }) : undefined;
  if (otherwise === undefined) return undefined;
  const values: string[] = [];
  let pending: string[] = [];
  for (const c of node.cases) {
    if (c.tests.length === 0) continue;
    for (const t of c.tests) {
      const v = valueOf(r.model, t, dataClass);
      if (!v) return undefined;
      pending.push(v);
    }
    if (c.body.length === 0) continue;
    const returned = returnedBoolean({ kind: 'block', body: c.body, start: c.start, end: c.end });
    if (returned === undefined) return undefined;
    if (returned !== otherwise) values.push(...pending);
    pending = [];
  }
  if (values.length === 0) return undefined;
  return { polarity: otherwise ? 'isNot' : 'is', values, dataClass, related: [] };
}

function returnedBoolean(node: IrNode): boolean | undefined {
  if (node.kind === 'return') return booleanOf(node.value);
  if (node.kind === 'block' && node.body.length === 1) return returnedBoolean(node.body[0]);
  return undefined;
}

function booleanOf(node: IrNode | undefined): boolean | undefined {
  return node?.kind === 'boolean' ? node.value : undefined;
}

function isBoolean(node: IrNode): boolean {
  return unwrap(node).kind === 'boolean';
}

function flip(p: Predicate | undefined): Predicate | undefined {
  return p && { ...p, polarity: p.polarity === 'is' ? 'isNot' : 'is' };
}

/** Casts, `String(x)`, `str(x)`, `.toString()`, `.name()`: the value they wrap. */
export function unwrap(node: IrNode): IrNode {
  let n = node;
  for (let i = 0; i < 4; i++) {
    if (n.kind === 'call' && n.args.length === 1 && n.callee.kind === 'name' && /^(String|str)$/.test(n.callee.name)) n = n.args[0].value;
    else if (n.kind === 'call' && n.args.length === 0 && n.callee.kind === 'member' && /^(toString|ToString|name|toCode|lower|toLowerCase|ToLower|ToLowerInvariant)$/.test(n.callee.property)) n = n.callee.object;
    else if (n.kind === 'unary' && n.operator === 'await') n = n.operand;
    else break;
  }
  return n;
}

/** C# patterns: `DocumentReference`, `DocumentReference or Media`, `not DocumentReference` is not read. */
function patternTypes(node: IrNode): string[] | undefined {
  if (node.kind === 'name') return [node.name];
  if (node.kind === 'binary' && node.operator === 'or') {
    const left = patternTypes(node.left);
    const right = patternTypes(node.right);
    return left && right ? [...left, ...right] : undefined;
  }
  return undefined;
}

/** What kind of data class an expression reads: a resource's type, an Observation's category, a note's type. */
export function subjectClass(model: CodeModel, raw: IrNode): DataClass | undefined {
  const written = model.textOf(raw).replace(/\s+/g, '');
  // HL7 v2 in Mirth: `seg.name()`, `segment.name().toString()`; the document type field TXA-2.
  if (/TXA[.-]2\b/.test(written)) return 'note type';
  if (/\b(seg|segment|child)\.name\(\)/.test(written)) return 'HL7 segment';
  const node = unwrap(raw);
  const text = (dotted(node) || model.textOf(node)).replace(/\s+/g, '');
  // `r.get("resourceType")`, `r["resourceType"]`, `getattr(r, "resourceType")`
  const key = node.kind === 'index' ? stringValue(model, node.index) : node.kind === 'call' && /^(get|Get|getattr|GetValue|getString|optString)$/.test(calleeLast(node)) ? stringValue(model, node.args[node.args.length === 1 ? 0 : 1]?.value) : undefined;
  const read = key ?? text;
  if (/(resourceType|resource_type|TypeName|fhirType|getResourceType\(\)|\bresourcetype)/i.test(read)) return 'resource type';
  if (/category|categories/i.test(read)) return 'Observation category';
  if (/(noteType|note_type|documentType|document_type|docType|NoteType|DocumentType)/.test(read)) return 'note type';
  return undefined;
}

export function valueOf(model: CodeModel, node: IrNode, dataClass: DataClass): string | undefined {
  if (dataClass === 'resource type') {
    const typeName = node.kind === 'name' ? node.name : typeOfCall(node);
    if (typeName !== undefined && FHIR_RESOURCE_TYPES.has(typeName)) return typeName;
    const s = stringValue(model, node) ?? memberName(node);
    return s && FHIR_RESOURCE_TYPES.has(s) ? s : undefined;
  }
  const s = stringValue(model, node) ?? memberName(node);
  if (!s) return undefined;
  if (dataClass === 'Observation category') return OBSERVATION_CATEGORIES.has(s.toLowerCase()) ? s : undefined;
  if (dataClass === 'HL7 segment') return isSegmentId(s) ? s : undefined;
  return NOTE_TYPES.has(s.toLowerCase()) || HL7_DOCUMENT_TYPES.has(s) || /psychotherapy/i.test(s) ? s : undefined;
}

function isSegmentId(value: string): boolean {
  return /^[A-Z][A-Z0-9]{2}$/.test(value);
}

/** Whether dropping these values drops EHI: a clinical resource type, a category, a note type, a clinical HL7 segment. */
export function dropsData(values: string[], dataClass: DataClass): boolean {
  if (dataClass === 'resource type') return values.some((t) => CLINICAL_RESOURCE_TYPES.has(t));
  if (dataClass === 'note type') return values.some((v) => NOTE_TYPES.has(v.toLowerCase()) || HL7_DOCUMENT_TYPES.has(v));
  if (dataClass === 'HL7 segment') return values.some((v) => HL7_CLINICAL_SEGMENTS.has(v));
  return values.some((v) => OBSERVATION_CATEGORIES.has(v.toLowerCase()));
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

/** The data class every value of a list belongs to, if one. */
export function classOf(values: string[]): DataClass | undefined {
  if (values.every((v) => FHIR_RESOURCE_TYPES.has(v))) return 'resource type';
  if (values.every(isSegmentId) && values.some((v) => HL7_CLINICAL_SEGMENTS.has(v))) return 'HL7 segment';
  if (values.every((v) => OBSERVATION_CATEGORIES.has(v.toLowerCase()))) return 'Observation category';
  // Note types: the US Core ones, psychotherapy notes, and other LOINC document codes beside a known one.
  if (values.every((v) => NOTE_TYPES.has(v.toLowerCase()) || /psychotherapy/i.test(v) || /^\d{4,6}-\d$/.test(v))) return values.some((v) => NOTE_TYPES.has(v.toLowerCase())) ? 'note type' : undefined;
  return undefined;
}

/** The resource types a list of data-class values resolves to, for iteration over a fixed include set. */
export function resourceTypeList(model: CodeModel, node: IrNode): string[] | undefined {
  if (!listElements(model, node)) return undefined;
  const values = stringList(model, node);
  return values && values.length > 0 && classOf(values) === 'resource type' ? values : undefined;
}
