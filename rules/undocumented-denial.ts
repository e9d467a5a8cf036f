/**
 * The `undocumented-denial` rule: refusals of access on EHI paths (403s, forbidden
 * OperationOutcomes, consent rejections, Mirth filters, refused records requests, gateway routes)
 * for which nothing records a reason naming an exception. Documented in `meta.docs`
 * (docs/rules/undocumented-denial.md).
 */
import { child, ConfigNode, descendants, scalarBoolean, scalarNumber, scalarString } from '../server/src/core/formats/tree';
import type { CodeModel } from '../server/src/core/code-model';
import type { IrNode } from '../server/src/core/ir';
import { CodeContext, defineRule } from '../server/src/core/rule';
import { calleeLast, dotted, stringValue } from '../server/src/analysis/values';
import { CLINICAL_RESOURCE_TYPES } from '../server/src/domain/fhir';
import { classifyPath, classifyPaths, ehiContext, Handler } from '../server/src/domain/access-path';
import { referencedScope, scopeOf } from '../server/src/frameworks/config-scope';
import { consentGateOf } from '../server/src/domain/consent';
import { requesterBranchOf } from '../server/src/domain/requester';
import {
  blanketMessageOf,
  blanketReason,
  classifyGuard,
  consentRejection,
  Denial,
  forbiddenAssignment,
  forbiddenCall,
  forbiddenOutcome,
  forbiddenThrow,
  guardOf,
  inErrorTranslation,
  mirthDestinationRemoval,
  mirthFilterRejection,
  namedException,
  recordedException,
  rejectedRecordsRequest,
  statementOf,
} from '../server/src/domain/denials';

export default defineRule({
  meta: {
    id: 'undocumented-denial',
    title: 'Denial of EHI with no recorded exception',
    practice: 'Denials with no recorded reason, or HIPAA and policy as a blanket reason',
    severity: 'warning',
    languages: ['typescript', 'javascript', 'java', 'csharp', 'python', 'mirth', 'yaml', 'json'],
    exceptions: ['privacy', 'preventing-harm', 'security', 'infeasibility', 'protecting-care-access', 'required-by-law'],
    triggers: ['403', 'forbid', 'denied', 'not permitted', 'not allowed to', 'permissionerror', 'reject', 'declin', 'refuse', 'issuetype.security', 'code.security', "'security'", '"security"', 'return false', 'destinationset'],
    messages: {
      denial: '{what} refuses {evidence} {condition}, with no recorded exception.',
      filter: 'This filter drops messages on {evidence} when `{test}`, with no recorded exception.',
      consent: '{what} in {evidence} rejects {condition}, with no recorded exception.',
      rejected: '`{target}` marks a records request {value} with no recorded exception.',
      termination: '`{what}` answers {status} to every request for {scope} and names no exception.',
    },
    docs: {
      summary:
        'Flags refusals of access on EHI paths for which the code records no reason naming an exception: 403 responses and exceptions (`res.status(403)`, `Forbid()`, `ForbiddenException`, `AccessDeniedException`, `PermissionDenied`, `abort(403)`, `HTTPException(status_code=403)`, `ResponseEntity.status(HttpStatus.FORBIDDEN)`), FHIR OperationOutcomes with the `forbidden` or `security` issue code, HAPI FHIR consent rejections, GraphQL query resolvers that refuse (Apollo/graphql-tools resolver maps, NestJS `@Resolver` `@Query` methods, graphene `resolve_<field>`, strawberry `@strawberry.field`; `ForbiddenError`, `GraphQLError` with code `FORBIDDEN` or an access-denied message, `PermissionError`), Mirth filters that drop messages, records requests set to a refused status, and gateway routes (Kong `request-termination`, Spring Cloud Gateway `SetStatus=403`) that refuse a FHIR path. A refusal is reported when it is unconditional, or when its condition is about the data or who asks for it (sensitivity, confidentiality labels, consent, minors, requester type, resource type, the patient record itself), and nothing in the same branch names an exception: an audit or log call, the response message or OperationOutcome diagnostics, or a `reason`/`exception` field.',
      why:
        'Refusing to share EHI is the plainest form of interference with access, exchange and use (45 CFR 171.103). It is lawful only when an exception applies: Privacy (171.202) for an unmet consent or authorization, an unreviewable HIPAA denial or the individual’s own request; Preventing Harm (171.201) for an individual determination or suspect data; Security (171.203); Infeasibility (171.204), which also needs a written reason to the requestor within 10 business days; Protecting Care Access (171.206); or a law that requires it (171.103). Every exception must be met and documented at the time of the decision, and investigators read system behaviour, configuration and logs: a denial with no record of why is treated as unjustified.',
      fix:
        'Where the refusal is deliberate, record the exception it relies on where it happens: an audit entry naming the exception (`auditLog.record({ event: "ehi-exception", rule: "undocumented-denial", exception: "privacy", reason: ... })`), an OperationOutcome whose diagnostics name it, or an `ehi-exception` annotation above the construct with the exception’s required fields. Where it is not deliberate (a whole class of data or requesters refused for convenience), remove it.',
      notFlagged: [
        'Authentication failures (401, invalid or expired tokens, missing credentials) and access control about the caller: roles, scopes, permissions, ownership and patient-compartment checks (`patientId !== token.patient`), tenancy, CSRF, IP and origin checks. These decide who may act, not which EHI is withheld.',
        'Client-id allow-lists and app registration checks: left to `app-access-restriction`. Refusals on `$export`/`$everything` routes: left to `export-restriction`.',
        'Refusals on administrative, sign-in and other non-EHI routes, and code whose route is not visible and whose names say nothing about EHI.',
        'Exception handlers, mappers, error middleware and `switch` tables that translate an error raised elsewhere into a 403: the decision is where the error is raised. Likewise a 403 inside a `catch`.',
        'Validation errors (400/422), unknown ids (404), and conditions the file cannot read (`if (!allowed)` with `allowed` computed elsewhere). A 403 for a missing record or parameter (`if (!patient)`, `typeof id !== "string"`) is a not-found or a malformed request.',
        'Refusals in handlers that change or delete EHI (PUT, PATCH, DELETE routes; HAPI `@Update`, `@Patch`, `@Delete`, `@Create`; `update…`/`delete…` methods): refusing a modification is not refusing access.',
        'HAPI FHIR `RuleBuilder` rule lists (`.deny()`, `.denyAll()`): they are access-control configuration evaluated per caller.',
        'Consent services that reject a whole resource type (`"DocumentReference".equals(resource.fhirType())`, `instanceof ImagingStudy`): `data-class-filter` reports them, once. A rejection conditioned on labels, consent or the requester stays here.',
        'GraphQL mutations (an Apollo `Mutation` map, NestJS `@Mutation`, graphene `Mutation.mutate`, `@strawberry.mutation`) and query fields that are not about EHI; `AuthenticationError` and other sign-in failures.',
        'Mirth filters that drop messages by message type or other routing conditions: only filters whose condition is about confidentiality, consent, VIP status, opt-out and the like are denials.',
        'Refusals whose own message gives HIPAA, privacy or policy as a blanket reason: `hipaa-blanket-reason` reports them.',
        'Refusals reached only when a consent, authorization or signed form is missing that no law requires: `consent-precondition` reports them. Refusals that depend on who the requestor is (a competitor, a third-party app, partner status): `discriminatory-terms` reports them.',
        'Withholding psychotherapy notes: they are not EHI (45 CFR 171.102).',
        'Test code (files under `test/`, `*.test.ts`, `*Test.java`, `test_*.py`, ...).',
        'XML (other than Mirth channels) and `.properties`: web.xml security constraints and similar settings are access control, not decisions about EHI.',
      ],
      examples: [
        {
          language: 'typescript',
          flagged:
            "app.get('/fhir/r4/Observation', async (req, res) => {\n  const obs = await store.search(req.query);\n  if (obs.some((o) => o.meta?.security?.some((s) => s.code === 'R'))) {\n    return res.status(403).json({ error: 'Access denied' });\n  }\n  res.json(bundle(obs));\n});",
          fixed:
            "app.get('/fhir/r4/Observation', async (req, res) => {\n  const obs = await store.search(req.query);\n  if (obs.some((o) => o.meta?.security?.some((s) => s.code === 'R'))) {\n    auditLog.record({ event: 'ehi-exception', rule: 'undocumented-denial', exception: 'privacy', reason: 'Patient requested restriction (171.202(e))' });\n    return res.status(403).json(outcome('Withheld at the patient’s request (45 CFR 171.202(e))'));\n  }\n  res.json(bundle(obs));\n});",
        },
        {
          language: 'java',
          flagged: '@Read\npublic Patient read(@IdParam IdType id) {\n  Patient patient = dao.read(id);\n  if (patient.isVip()) {\n    throw new ForbiddenOperationException("Access denied");\n  }\n  return patient;\n}',
          fixed:
            '@Read\npublic Patient read(@IdParam IdType id) {\n  Patient patient = dao.read(id);\n  if (patient.isVip()) {\n    auditService.record("undocumented-denial", "privacy", "VIP record: break-the-glass consent missing");\n    throw new ForbiddenOperationException("Withheld: consent required by state law not on file (privacy exception, 45 CFR 171.202(b))");\n  }\n  return patient;\n}',
        },
      ],
    },
    skipsTestCode: true,
    version: 2,
  },

  code(ctx) {
    const { code } = ctx;
    const auditPattern = new RegExp(ctx.options.auditPattern, 'i');
    const seen = new Set<IrNode>();
    const consider = (denial: Denial | undefined): void => {
      if (!denial) return;
      const statement = statementOf(denial.node);
      if (seen.has(statement)) return;
      const handler = ehiContext(code, denial.node);
      if (!handler || isExportRoute(handler) || isModification(code, denial.node, handler)) return;
      if (inErrorTranslation(denial.node)) return;
      const guard = guardOf(code, denial.node);
      if (guard.inCatch || guard.inMapping) return;
      const judged = classifyGuard(code, guard);
      if (judged.kind !== 'data-policy' && judged.kind !== 'data' && judged.kind !== 'unconditional') return;
      if (denial.kind === 'filter' && judged.kind !== 'data-policy') return;
      // A consent service rejecting a whole resource type is a data-class filter: `data-class-filter` reports it.
      if (denial.kind === 'consent' && judged.kind === 'data' && guard.tests.every((t) => isResourceTypeTest(code, t))) return;
      if (recordedException(code, denial.node, auditPattern)) return;
      if (blanketMessageOf(code, denial.node)) return;
      // A refusal without a consent no law requires is `consent-precondition`'s: one construct, one finding.
      if (consentGateOf(code, denial.node, auditPattern)) return;
      // A feature refused to all but some requestors (`if (!app.isFirstParty)`) is `discriminatory-terms`'s.
      if (requesterBranchOf(denial.node)) return;
      seen.add(statement);
      const test = guard.tests.length > 0 ? summarise(ctx, guard.tests[0]) : '';
      const evidence = clip(handler.evidence, 50);
      const what = clip(denial.what, 30);
      const condition = judged.kind === 'unconditional' ? 'on every request that reaches it' : `when \`${test}\``;
      if (denial.kind === 'filter') ctx.report({ at: denial.node, messageId: 'filter', data: { evidence, test } });
      else if (denial.kind === 'consent') ctx.report({ at: statement, messageId: 'consent', data: { what, evidence: clip(handler.evidence, 40), condition } });
      else ctx.report({ at: denial.node.kind === 'member' || denial.node.kind === 'object' ? statement : denial.node, messageId: 'denial', data: { what, evidence, condition } });
    };
    const considerRequest = (node: IrNode): void => {
      const rejected = rejectedRecordsRequest(code, node);
      if (!rejected) return;
      const statement = statementOf(node);
      if (seen.has(statement) || recordedException(code, node, auditPattern)) return;
      seen.add(statement);
      ctx.report({ at: rejected.at, messageId: 'rejected', data: { target: rejected.target, value: rejected.value } });
    };
    return {
      call(node) {
        consider(forbiddenCall(code, node) ?? mirthDestinationRemoval(code, node));
        considerRequest(node);
      },
      throw(node) {
        consider(forbiddenThrow(node));
      },
      assign(node) {
        consider(forbiddenAssignment(code, node));
        considerRequest(node);
      },
      member(node) {
        consider(forbiddenOutcome(code, node) ?? consentRejection(node));
      },
      object(node) {
        consider(forbiddenOutcome(code, node));
      },
      return(node) {
        consider(mirthFilterRejection(code, node));
      },
    };
  },

  config(ctx) {
    for (const root of ctx.config.roots) {
      for (const node of descendants(root)) {
        const termination = terminationOf(node);
        if (!termination) continue;
        const scope = scopeOf(node) ?? referencedScope(root, node);
        if (!scope || classifyPaths(scope.paths) !== 'ehi') continue;
        if (termination.message && (namedException(termination.message) || blanketReason(termination.message))) continue;
        const at = node.entry ?? node;
        ctx.report({ at, messageId: 'termination', data: { what: termination.what, status: termination.status, scope: scope.paths.filter((p) => classifyPath(p) === 'ehi').slice(0, 3).join(', ') } });
      }
    }
  },
});

/**
 * Whether a condition only asks for a resource's type: `"DocumentReference".equals(r.fhirType())`,
 * `r instanceof DiagnosticReport`, `r.resourceType === 'ImagingStudy'`, `r.getResourceType() == ResourceType.Media`,
 * and conjunctions or disjunctions of those.
 */
function isResourceTypeTest(code: CodeModel, test: IrNode): boolean {
  if (test.kind === 'other' && test.children.length === 1 && /parenthes/.test(test.type)) return isResourceTypeTest(code, test.children[0]);
  if (test.kind === 'binary' && /^(&&|\|\||and|or)$/.test(test.operator)) return isResourceTypeTest(code, test.left) && isResourceTypeTest(code, test.right);
  if (test.kind === 'binary' && /^(instanceof|is)$/.test(test.operator)) {
    const type = test.right.kind === 'name' ? test.right.name : test.right.kind === 'member' ? test.right.property : '';
    return CLINICAL_RESOURCE_TYPES.has(type);
  }
  const typeValue = (n: IrNode): boolean => {
    const s = stringValue(code, n) ?? (n.kind === 'member' && /ResourceType$/.test(dotted(n.object)) ? n.property : undefined);
    return s !== undefined && CLINICAL_RESOURCE_TYPES.has(s);
  };
  const typeRead = (n: IrNode): boolean => /fhirType|getResourceType|resourceType|ResourceType|TypeName|getClass|GetType/.test(code.textOf(n));
  if (test.kind === 'binary' && /^(===|==)$/.test(test.operator)) return (typeValue(test.left) && typeRead(test.right)) || (typeValue(test.right) && typeRead(test.left));
  if (test.kind === 'call' && /^(equals|Equals|equalsIgnoreCase)$/.test(calleeLast(test)) && test.callee.kind === 'member' && test.args.length === 1) {
    const a = test.callee.object;
    const b = test.args[0].value;
    return (typeValue(a) && typeRead(b)) || (typeValue(b) && typeRead(a));
  }
  return false;
}

/** Handlers that change or delete EHI: refusing a modification is not refusing access. */
function isModification(code: CodeModel, node: IrNode, handler: Handler): boolean {
  if (handler.routes.length > 0 && handler.routes.every((r) => r.methods.length > 0 && r.methods.every((m) => m === 'PUT' || m === 'PATCH' || m === 'DELETE'))) return true;
  const fn = handler.fn ?? code.enclosingNamedFunction(node);
  if (!fn) return false;
  if (fn.decorators.some((d) => /^(Update|Delete|Patch|Create)$/.test(dotted(d.callee).split('.').pop() ?? '') && code.language === 'java')) return true;
  return /^(delete|remove|update|patch|edit|modify|purge|destroy|partial_update)([A-Z_]|$)/.test(fn.name ?? '');
}

function isExportRoute(handler: Handler): boolean {
  return handler.routes.some((r) => /\$(export|everything)|(^|\/)(ehi-)?export(\/|$)/i.test(r.path));
}

/** A value for a message, cut to `max` characters (a backquoted value keeps its closing quote). */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return text.endsWith('`') ? `${text.slice(0, max - 2)}…\`` : `${text.slice(0, max - 1)}…`;
}

function summarise(ctx: CodeContext, node: IrNode): string {
  const text = ctx.code.textOf(node).replace(/\s+/g, ' ').trim();
  return text.length > 32 ? `${text.slice(0, 31)}…` : text;
}

/** Kong `request-termination` with 403, Spring Cloud Gateway `SetStatus=403`. */
function terminationOf(node: ConfigNode): { what: string; status: number; message?: string } | undefined {
  if (node.kind === 'map' && scalarString(child(node, 'name')) === 'request-termination') {
    if (scalarBoolean(child(node, 'enabled')) === false) return undefined;
    const config = child(node, 'config');
    const status = scalarNumber(child(config, 'status_code')) ?? 503;
    if (status !== 403) return undefined;
    return { what: 'request-termination', status, message: scalarString(child(config, 'message')) ?? scalarString(child(config, 'body')) };
  }
  if (node.kind === 'scalar' && node.parent?.kind === 'seq' && node.parent.entry && /^(filters|default-filters)$/.test(node.parent.entry.key)) {
    const text = scalarString(node) ?? '';
    const m = /^SetStatus\s*=\s*(403|FORBIDDEN)\s*$/i.exec(text);
    if (m) return { what: text, status: 403 };
  }
  if (node.kind === 'map' && scalarString(child(node, 'name')) === 'SetStatus' && node.parent?.kind === 'seq') {
    const status = scalarString(child(child(node, 'args'), 'status'));
    if (status && /^(403|FORBIDDEN)$/i.test(status)) return { what: 'SetStatus', status: 403 };
  }
  return undefined;
}

