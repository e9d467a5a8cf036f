/**
 * The `nonstandard-fhir-api` rule: CapabilityStatements, SMART configurations and FHIR routes that
 * depart from FHIR R4, US Core or SMART App Launch. Documented in `meta.docs`
 * (docs/rules/nonstandard-fhir-api.md).
 */
import type { CodeModel } from '../server/src/core/code-model';
import { at, ConfigNode, descendants, items, scalarString, stringList as configStringList } from '../server/src/core/formats/tree';
import type { CallNode, FunctionNode, IrNode, Span } from '../server/src/core/ir';
import { defineRule, Report } from '../server/src/core/rule';
import { enclosingHandler, handlerFor } from '../server/src/domain/access-path';
import { scopeOf } from '../server/src/frameworks/config-scope';
import { isTestOnly } from '../server/src/frameworks/deployment';
import { CLINICAL_RESOURCE_TYPES, isFhirPath, isStandardFhirMediaType, isVendorMediaType, resourceTypesInPath, US_CORE_CANONICAL, US_CORE_RESOURCE_TYPES } from '../server/src/domain/fhir';
import { isUncertain, literalTree, LiteralTree } from '../server/src/analysis/literal-tree';
import { BuiltObject, builtObjects } from '../server/src/analysis/built-object';
import { hasSmartField, SMART_TRIGGERS, smartDocumentsInCode, smartDocumentsInConfig, SmartDocument, smartField, smartList, supportsAppLaunch } from '../server/src/domain/smart';
import { argument, calleeLast, dotted, stringList, stringValue } from '../server/src/analysis/values';

type Reporter = (r: Report) => void;

export default defineRule({
  meta: {
    id: 'nonstandard-fhir-api',
    title: 'FHIR API configuration that departs from FHIR R4, US Core or SMART App Launch',
    severity: 'warning',
    languages: ['typescript', 'javascript', 'java', 'csharp', 'python', 'mirth', 'json', 'yaml', 'xml'],
    exceptions: ['manner', 'licensing'],
    triggers: [...SMART_TRIGGERS, 'capabilitystatement', 'vnd.', '/x-', '/prs.'],
    messages: {
      noSmartSecurity: 'CapabilityStatement serving {types} declares no SMART-on-FHIR security service, with no documented exception.',
      noUsCoreProfiles: 'CapabilityStatement serves Patient but names no US Core profile, with no documented exception.',
      noUsCoreTypes: 'CapabilityStatement serves {types} but no US Core resource type, with no documented exception.',
      noJson: 'CapabilityStatement `format` lists only {formats}, no JSON, with no documented exception.',
      fhirVersion: 'CapabilityStatement claims R4 but declares `fhirVersion` {version}, not 4.0.1, with no documented exception.',
      smartMissing: 'SMART configuration lacks {fields} (SMART App Launch), with no documented exception.',
      pkcePlain: '`code_challenge_methods_supported` offers `plain`, which SMART forbids, with no documented exception.',
      pkceNoS256: '`code_challenge_methods_supported` lacks `S256`, which SMART requires, with no documented exception.',
      contentType: '{where} answers FHIR route {route} as `{type}`, with no documented exception.',
      securityReplaced: '{where} replaces the SMART-on-FHIR security service with {service}, with no documented exception.',
      securityRemoved: '{where} removes the SMART-on-FHIR security service, with no documented exception.',
    },
    docs: {
      summary:
        'Flags FHIR API configuration that departs from the published standards apps depend on: CapabilityStatements without the SMART-on-FHIR security service, without US Core profiles, without JSON, or claiming R4 with a `fhirVersion` other than 4.0.1; SMART configurations (`.well-known/smart-configuration`) that lack required fields or get PKCE wrong; post-processors that replace or remove the SMART security service; and FHIR routes served under a vendor media type (`application/vnd.acme+json`, `application/x-acme`). Forms covered: JSON, YAML and XML documents; object literals, dicts, anonymous objects and `Map.of` a handler sends; documents built up in one function (C# object initializers and property assignments, Java model setters, HAPI `addRest()`/`addResource()`/`getSecurity()` chains and fluent builders, JS/TS objects filled in by assignments), whose property names are read as their JSON fields (`AuthorizationEndpoint` → `authorization_endpoint`); and CapabilityStatement post-processors (HAPI FHIR `@Hook(SERVER_CAPABILITY_STATEMENT_GENERATED)`, `ServerCapabilityStatementProvider`/`IServerConformanceProvider` subclasses, Microsoft FHIR server `IProvideCapability`, Firely `ICapabilityStatementContributor`) that set `rest.security` without SMART-on-FHIR or to null.',
      why:
        'The API certification criterion 45 CFR 170.315(g)(10) measures a FHIR API against FHIR R4 (4.0.1), US Core and SMART App Launch: apps find the authorization server through the SMART configuration and the CapabilityStatement’s `rest.security`, read US Core profiles, and speak `application/fhir+json`. An API that departs from those where they exist makes a patient’s or provider’s app fail or need custom work, which interferes with access, exchange and use of EHI (171.102, 171.103). The Manner exception (171.301) covers fulfilling a request in an agreed or alternative manner (the requestor agreed to it, or a published standard or machine-readable alternative was offered); the Licensing exception (171.303) covers licensing a proprietary interoperability element on reasonable, non-discriminatory terms. Either must be documented.',
      fix:
        'Declare the SMART-on-FHIR service in `rest.security.service`, list US Core profiles in `supportedProfile`, include `json` in `format` and use `fhirVersion: 4.0.1`. In the SMART configuration publish `authorization_endpoint`, `token_endpoint`, `grant_types_supported`, `capabilities` and `code_challenge_methods_supported: ["S256"]` (and `issuer` with `sso-openid-connect`). Serve FHIR routes as `application/fhir+json`; offer a vendor media type only as an extra the client asks for. If the departure is deliberate, document the Manner or Licensing exception.',
      notFlagged: [
        'CapabilityStatements of kind `requirements` (implementation guides), `rest.mode: client`, and servers that serve no clinical resource type (terminology, knowledge, scheduling-only servers).',
        'A CapabilityStatement that serves Patient but lacks some US Core resource types: `data-class-filter` reports the missing types (this rule reports only missing US Core profiles there).',
        'Special-purpose servers whose statement lists no US Core type and no patient-record type: terminology, knowledge, scheduling (`Appointment`, `Slot`, `Schedule`) or messaging servers.',
        'US Core profiles and types on statements of another FHIR release (`fhirVersion` 3.0.2, 1.0.2): US Core as certified is an R4 guide.',
        'OpenID Connect and OAuth discovery documents (`openid-configuration`, `oauth-authorization-server`) that share field names with a SMART configuration.',
        'Missing fields of a SMART configuration or CapabilityStatement assembled from parts the file does not show: spreads, a fragment of a larger settings file, a document handed to other code (`tenantSettings.applyTo(config)`, `modules.forEach(m -> m.contribute(cs))`) or filled in under a condition.',
        'Statements that serve only a legacy FHIR version (DSTU2, STU3 handlers and classes, `fhirVersion` 1.0.2 or 3.0.x) beside the R4 default.',
        'Post-processors that add to the security component and keep the SMART-on-FHIR service (CORS, extensions with the OAuth URIs).',
        'Backend-services-only SMART configurations (no app launch, no `authorization_code`): `authorization_endpoint` and PKCE are not required there.',
        'Vendor media types on non-FHIR routes, on `Binary` and attachment routes (which serve the stored content type), and when chosen by content negotiation (`Accept`, `_format`).',
        'Test code and test resources, where incomplete or deliberately wrong documents are exercised.',
        'Java `.properties`: neither CapabilityStatements, SMART configurations nor response media types are written there.',
      ],
      examples: [
        {
          language: 'json',
          flagged: '{\n  "authorization_endpoint": "https://ehr.example.org/oauth2/authorize",\n  "token_endpoint": "https://ehr.example.org/oauth2/token",\n  "capabilities": ["launch-standalone", "client-public", "permission-patient"],\n  "code_challenge_methods_supported": ["plain", "S256"]\n}',
          fixed: '{\n  "authorization_endpoint": "https://ehr.example.org/oauth2/authorize",\n  "token_endpoint": "https://ehr.example.org/oauth2/token",\n  "grant_types_supported": ["authorization_code"],\n  "capabilities": ["launch-standalone", "client-public", "permission-patient"],\n  "code_challenge_methods_supported": ["S256"]\n}',
        },
        {
          language: 'java',
          flagged: '@GetMapping(value = "/fhir/Patient/{id}", produces = "application/vnd.acme.patient+json")\npublic String readPatient(@PathVariable String id) {\n  return patients.readJson(id);\n}',
          fixed:
            '@GetMapping(value = "/fhir/Patient/{id}", produces = {"application/fhir+json", "application/vnd.acme.patient+json"})\npublic String readPatient(@PathVariable String id) {\n  return patients.readJson(id);\n}',
        },
      ],
    },
    skipsTestCode: true,
    version: 2,
  },

  code(ctx) {
    const { code } = ctx;
    const reported = new Set<string>();
    const report: Reporter = (r) => {
      const key = `${r.at.start}:${r.messageId}`;
      if (reported.has(key)) return;
      reported.add(key);
      ctx.report(r);
    };
    return {
      object(node) {
        // { resourceType: 'CapabilityStatement', ... }
        const rt = node.properties.find((p) => p.key === 'resourceType');
        if (rt && stringValue(code, rt.value) === 'CapabilityStatement') {
          const tree = literalTree(code, node);
          checkCapabilityStatement(tree.root, tree, report);
        }
      },
      call(node) {
        if (!node.isDecorator && node.isNew && calleeLast(node) === 'CapabilityStatement' && node.args.length === 1 && node.args[0].value.kind === 'object') {
          const tree = literalTree(code, node.args[0].value);
          checkCapabilityStatement(tree.root, tree, report);
        }
        checkContentTypeCall(code, node, report);
      },
      assign(node) {
        checkContentTypeAssign(code, node, report);
      },
      end() {
        for (const doc of smartDocumentsInCode(code)) checkSmart(doc, report);
        for (const built of builtObjects(code)) {
          if (isLegacyVersion(code, built.fn)) continue;
          const post = postProcessor(code, built.fn);
          if (post) checkSecurityWrites(built, post, report);
          else if (built.complete && isCapabilityStatement(built)) checkCapabilityStatement(built.tree.root, built.tree, report);
        }
      },
    };
  },

  config(ctx) {
    const report: Reporter = (r) => ctx.report(r);
    for (const root of ctx.config.roots) {
      if (isTestOnly(ctx.file.path, root)) continue;
      if (scalarString(at(root, 'resourceType')) === 'CapabilityStatement') checkCapabilityStatement(root, undefined, report);
      checkConfigContentTypes(root, report);
    }
    for (const doc of smartDocumentsInConfig(ctx.config, ctx.file.path)) checkSmart(doc, report);
  },
});

/* ---------- CapabilityStatement ---------- */

function known(tree: LiteralTree | undefined, node: ConfigNode | undefined): node is ConfigNode {
  return node !== undefined && !isUncertain(tree, node);
}

function mentions(node: ConfigNode, fragment: string): boolean {
  for (const n of descendants(node)) {
    const s = scalarString(n);
    if (s?.includes(fragment)) return true;
  }
  return false;
}

function span(node: ConfigNode): Span {
  return node.entry ?? node;
}

function checkCapabilityStatement(root: ConfigNode, tree: LiteralTree | undefined, report: Reporter): void {
  if (root.kind !== 'map') return;
  const kind = scalarString(at(root, 'kind'));
  if (kind?.toLowerCase() === 'requirements') return;
  const restNodes = items(at(root, 'rest'));
  const serverRests = restNodes.filter((r) => {
    const mode = scalarString(at(r, 'mode'))?.toLowerCase();
    return r.kind === 'map' && (!mode || mode === 'server');
  });
  const clientOnly = restNodes.length > 0 && restNodes.every((r) => scalarString(at(r, 'mode'))?.toLowerCase() === 'client');
  if (clientOnly) return;

  // format: must include JSON.
  const formatNode = at(root, 'format');
  if (known(tree, formatNode)) {
    const formats = configStringList(formatNode);
    if (formats && formats.length > 0 && !formats.some((f) => /json/i.test(f))) report({ at: span(formatNode), messageId: 'noJson', data: { formats: formats.slice(0, 3).map((f) => `\`${f}\``).join(', ') } });
  }

  // fhirVersion: 4.0.1 where R4 is claimed.
  const versionNode = at(root, 'fhirVersion');
  const version = known(tree, versionNode) ? scalarString(versionNode) : undefined;
  if (versionNode && version !== undefined && version !== '4.0.1') {
    const looksR4 = /^(r4|4|4\.0|4\.0\.\d+(-\w+)?)$/i.test(version.trim());
    const claimsR4 = ['name', 'title', 'description', 'url', 'software', 'implementation'].some((k) => {
      const n = at(root, k);
      return n !== undefined && [...descendants(n)].some((d) => /\bR4\b(?!B)/.test(scalarString(d) ?? ''));
    }) || mentions(root, US_CORE_CANONICAL);
    if (looksR4 || claimsR4) report({ at: span(versionNode), messageId: 'fhirVersion', data: { version: `"${version}"` } });
  }

  // US Core profiles are R4 profiles: a statement of another FHIR release is not measured against them.
  const r4OrUnknown = version === undefined || /^(r4|4|4\.0(\.\d+)?(-\w+)?)$/i.test(version.trim());
  for (const rest of serverRests) {
    const resourceNode = at(rest, 'resource');
    if (!known(tree, resourceNode) || isUncertain(tree, resourceNode)) continue;
    const resources = items(resourceNode);
    if (resources.some((r) => tree?.opaque.has(r) || tree?.open.has(r))) continue;
    const types = resources.map((r) => scalarString(at(r, 'type'))).filter((t): t is string => !!t);
    const clinical = types.filter((t) => CLINICAL_RESOURCE_TYPES.has(t));
    if (clinical.length === 0) continue;
    // rest.security.service coded SMART-on-FHIR.
    const security = at(rest, 'security');
    if (!(security && (tree?.opaque.has(security) || tree?.open.has(security)))) {
      const codes = security ? [...descendants(security)].filter((n) => n.entry?.key === 'code').map((n) => scalarString(n) ?? '') : [];
      const uncertain = security ? [...descendants(security)].some((n) => tree?.opaque.has(n) || tree?.open.has(n)) : false;
      if (!uncertain && !codes.some((c) => /^smart-on-fhir$/i.test(c))) {
        report({ at: security ? span(security) : rest.entry ?? { start: rest.start, end: rest.start + 1 }, messageId: 'noSmartSecurity', data: { types: summarise(clinical) } });
      }
    }
    // US Core profiles when Patient is served (missing US Core types are data-class-filter's finding).
    const patient = resources.find((r) => scalarString(at(r, 'type')) === 'Patient');
    if (patient && r4OrUnknown && !mentions(root, US_CORE_CANONICAL) && ![...descendants(root)].some((n) => tree?.opaque.has(n))) {
      report({ at: { start: patient.start, end: patient.end }, messageId: 'noUsCoreProfiles' });
    }
    // Patient-record data served with none of the US Core types (data-class-filter looks only at statements that serve Patient).
    const records = clinical.filter((t) => !NOT_RECORD_TYPES.has(t));
    if (!patient && r4OrUnknown && records.length > 0 && !types.some((t) => US_CORE_RESOURCE_TYPES.includes(t)) && resourceNode) {
      report({ at: span(resourceNode), messageId: 'noUsCoreTypes', data: { types: summarise(records) } });
    }
  }
}

/** Clinical resource types that scheduling, messaging and consent servers serve without holding a patient's record. */
const NOT_RECORD_TYPES = new Set(['Appointment', 'Communication', 'Consent', 'Flag', 'DetectedIssue']);

function summarise(values: string[]): string {
  const unique = [...new Set(values)];
  return unique.length > 3 ? `${unique.slice(0, 3).join(', ')} and ${unique.length - 3} more` : unique.join(', ');
}

/* ---------- CapabilityStatements built in code, and their post-processors ---------- */

function isCapabilityStatement(built: BuiltObject): boolean {
  return built.typeName === 'CapabilityStatement' || scalarString(at(built.tree.root, 'resourceType')) === 'CapabilityStatement';
}

const POST_PROCESSOR_BASES = /(ServerCapabilityStatementProvider|IServerConformanceProvider|ServerConformanceProvider|CapabilityStatementProvider|IProvideCapability|ICapabilityStatementContributor|ICapabilityStatementBuilder)$/;

/**
 * Code that changes the CapabilityStatement a FHIR server generates: a HAPI FHIR hook on
 * `SERVER_CAPABILITY_STATEMENT_GENERATED`, a subclass of HAPI's `ServerCapabilityStatementProvider`
 * (`IServerConformanceProvider`), a Microsoft FHIR server `IProvideCapability`, a Firely
 * `ICapabilityStatementContributor`, and the lambdas inside them. Returns how to name it.
 */
function postProcessor(code: CodeModel, fn: FunctionNode): string | undefined {
  for (let f: FunctionNode | undefined = fn; f; f = code.enclosingFunction(f)) {
    const hook = f.decorators.find((d) => calleeLast(d) === 'Hook' && /CAPABILITY_STATEMENT|CONFORMANCE/.test(code.textOf(d)));
    if (hook) return `Hook \`${f.name ?? 'capability statement'}\``;
    const cls = code.enclosingClass(f);
    if (cls && cls.bases.some((b) => POST_PROCESSOR_BASES.test(b.replace(/<.*$/, '')))) return `\`${cls.name}${f.name ? '.' + f.name : ''}\``;
    if (f.params.some((p) => p.type && /^(IBaseConformance|ICapabilityStatementBuilder)$/.test(p.type))) return `\`${f.name ?? 'capability statement hook'}\``;
  }
  return undefined;
}

/** A statement for a legacy FHIR version (DSTU2, STU3), served beside the default: not measured against R4 and SMART. */
function isLegacyVersion(code: CodeModel, fn: FunctionNode): boolean {
  const names: string[] = [];
  for (let f: FunctionNode | undefined = fn; f; f = code.enclosingFunction(f)) {
    names.push(f.name ?? '', ...(handlerFor(code, f)?.routes.map((r) => r.path) ?? []));
    const cls = code.enclosingClass(f);
    if (cls) names.push(cls.name);
  }
  return names.some((n) => /(^|[^a-z])(dstu2|dstu3|stu3|stu2|r2|r3|legacy)([^a-z]|$)/i.test(n) || /Dstu[23]|Stu3|Legacy/.test(n));
}

/** Writes of `security` (or its `service`) that leave no SMART-on-FHIR service. */
function checkSecurityWrites(built: BuiltObject, where: string, report: Reporter): void {
  const writes = built.writes.filter((w) => w.key === 'security' || w.key === 'service');
  for (const w of writes) {
    // A `service` set inside the security component being written is part of that write.
    if (writes.some((o) => o !== w && o.at.start <= w.at.start && o.at.end >= w.at.end)) continue;
    const services = w.key === 'service' ? w.value : w.value ? at(w.value, 'service') : undefined;
    if (!w.value || (services?.kind === 'seq' && services.items.length === 0) || (w.key === 'security' && w.value.kind === 'map' && !services && !built.tree.open.has(w.value))) {
      report({ at: w.at, messageId: 'securityRemoved', data: { where } });
      continue;
    }
    if (!services || isUncertain(built.tree, services) || [...descendants(services)].some((n) => built.tree.opaque.has(n) || built.tree.open.has(n))) continue;
    const codes = [...descendants(services)].filter((n) => /^(code|text)$/i.test(n.entry?.key ?? '')).map((n) => scalarString(n) ?? '');
    if (codes.length === 0 || codes.some((c) => /^smart-on-fhir$/i.test(c))) continue;
    report({ at: w.at, messageId: 'securityReplaced', data: { where, service: `\`${codes[0].slice(0, 40)}\`` } });
  }
}

/* ---------- SMART configuration ---------- */

function checkSmart(doc: SmartDocument, report: Reporter): void {
  if (doc.complete) {
    const missing: string[] = [];
    for (const field of ['token_endpoint', 'grant_types_supported', 'capabilities']) if (!hasSmartField(doc, field)) missing.push(field);
    if (supportsAppLaunch(doc)) {
      if (!hasSmartField(doc, 'authorization_endpoint')) missing.unshift('authorization_endpoint');
      if (!hasSmartField(doc, 'code_challenge_methods_supported')) missing.push('code_challenge_methods_supported');
    }
    const capabilities = smartList(doc, 'capabilities');
    if (capabilities?.includes('sso-openid-connect') && !hasSmartField(doc, 'issuer')) missing.unshift('issuer');
    if (missing.length > 0) report({ at: doc.at, messageId: 'smartMissing', data: { fields: missing.map((f) => `\`${f}\``).join(', ') } });
  }
  const pkce = smartField(doc, 'code_challenge_methods_supported');
  const methods = smartList(doc, 'code_challenge_methods_supported');
  if (pkce && methods) {
    if (methods.some((m) => m.toLowerCase() === 'plain')) report({ at: pkce, messageId: 'pkcePlain' });
    else if (!methods.includes('S256')) report({ at: pkce, messageId: 'pkceNoS256' });
  }
}

/* ---------- media types on FHIR routes ---------- */

const BINARY_TYPES = new Set(['Binary', 'DocumentReference', 'Media']);

/** The FHIR route served by the handler around `node` (or the decorated function/class), excluding Binary and attachment routes. */
function fhirRouteAround(code: CodeModel, node: IrNode): string | undefined {
  const owner = node.kind === 'call' && node.isDecorator ? node.parent : undefined;
  let paths: string[] = [];
  if (owner?.kind === 'function') paths = handlerFor(code, owner)?.routes.map((r) => r.path) ?? [];
  else if (owner?.kind === 'class') {
    for (const m of owner.members) if (m.kind === 'function') paths.push(...(handlerFor(code, m)?.routes.map((r) => r.path) ?? []));
  } else paths = enclosingHandler(code, node)?.routes.map((r) => r.path) ?? [];
  const fhir = paths.filter((p) => isFhirPath(p) && !resourceTypesInPath(p).some((t) => BINARY_TYPES.has(t)) && !/\/(attachment|attachments|download|files?)(\/|$)/i.test(p));
  return fhir[0];
}

/** Content negotiation between the node and its function: `if (req.accepts(...))`, `switch (format)`. */
function negotiated(code: CodeModel, node: IrNode): boolean {
  for (let p = node.parent; p && p.kind !== 'function'; p = p.parent) {
    const test = p.kind === 'if' || p.kind === 'conditional' ? p.test : p.kind === 'switch' ? p.discriminant : undefined;
    if (test && /accept|format|mime|media|content.?type|produces/i.test(code.textOf(test))) return true;
  }
  return false;
}

function vendorTypes(code: CodeModel, node: IrNode | undefined): string[] | undefined {
  if (!node) return undefined;
  const list = stringList(code, node);
  const values = list ?? (stringValue(code, node) !== undefined ? [stringValue(code, node)!] : undefined);
  if (!values || values.length === 0) return undefined;
  // Offered beside a standard type (content negotiation) is fine; only vendor types is not.
  if (values.some((v) => isStandardFhirMediaType(v))) return undefined;
  const vendor = values.filter(isVendorMediaType);
  return vendor.length > 0 ? vendor : undefined;
}

function reportContentType(code: CodeModel, site: IrNode, where: string, value: IrNode | undefined, report: Reporter): void {
  const types = vendorTypes(code, value);
  if (!types) return;
  if (negotiated(code, site)) return;
  const route = fhirRouteAround(code, site);
  if (!route) return;
  report({ at: site, messageId: 'contentType', data: { where, route: `\`${route}\``, type: types.join('`, `') } });
}

const CONTENT_TYPE_KEYS = /^(content[-_]?type|ContentType|contentType|mimetype|mime_type|media_type|mediaType|produces|Produces)$/;

function isContentTypeName(model: CodeModel, node: IrNode | undefined): boolean {
  if (!node) return false;
  const s = stringValue(model, node) ?? (node.kind === 'member' ? node.property : undefined);
  return !!s && /^(content[-_]?type|CONTENT_TYPE)$/i.test(s);
}

function checkContentTypeCall(code: CodeModel, call: CallNode, report: Reporter): void {
  const last = calleeLast(call);
  const callee = dotted(call.callee);
  if (call.isDecorator) {
    // Spring @GetMapping(produces = ...), ASP.NET / JAX-RS @Produces(...), NestJS @Header('Content-Type', ...)
    if (/^(Get|Post|Put|Patch|Delete|Request)Mapping$/.test(last)) reportContentType(code, call, `\`@${last}(produces = ...)\``, argument(call, -1, 'produces')?.value, report);
    else if (last === 'Produces') reportContentType(code, call, '`Produces`', call.args[0]?.value, report);
    else if (last === 'Header' && isContentTypeName(code, call.args[0]?.value)) reportContentType(code, call, '`@Header(Content-Type)`', call.args[1]?.value, report);
    return;
  }
  const receiverText = call.callee.kind === 'member' ? dotted(call.callee.object) : '';
  const onResponse = /(^|\.)(res|resp|response|reply|ctx|context|Response|HttpContext\.Response|h)$/.test(receiverText) || /response/i.test(receiverText);
  // An outbound request being built (a proxy calling another server) sets the request's type, not the response's.
  if (!/response/i.test(receiverText) && /client|resttemplate|webclient|request|(^|\.)req(\.|$)|outbound|upstream|axios|fetch|got\b|http\.|builder/i.test(receiverText)) return;
  // Express/Fastify: res.type(X), res.contentType(X); Java: response.setContentType(X); Spring: .contentType(MediaType.parseMediaType(X))
  if (/^(type|contentType|setContentType|set_content_type)$/.test(last) && (onResponse || last === 'setContentType' || last === 'contentType')) {
    const arg = call.args[0]?.value;
    const inner = arg?.kind === 'call' && /^(parseMediaType|valueOf|parse)$/.test(calleeLast(arg)) ? arg.args[0]?.value : arg;
    reportContentType(code, call, `\`${callee.replace(/\(\)/g, '()')}\``, inner, report);
    return;
  }
  // res.set('Content-Type', X), res.setHeader(...), res.header(...), response.addHeader(...), Headers.Add(...), .header(HttpHeaders.CONTENT_TYPE, X)
  if (/^(set|setHeader|header|addHeader|append|Append|Add|TryAddWithoutValidation|set_header)$/.test(last) && call.args.length >= 2 && isContentTypeName(code, call.args[0].value)) {
    reportContentType(code, call, `\`${callee}\``, call.args[1].value, report);
    return;
  }
  // res.writeHead(200, { 'Content-Type': X })
  if (last === 'writeHead') {
    const headers = call.args.find((a) => a.value.kind === 'object')?.value;
    const prop = headers?.kind === 'object' ? headers.properties.find((p) => /^content-type$/i.test(p.key)) : undefined;
    if (prop) reportContentType(code, call, '`writeHead`', prop.value, report);
    return;
  }
  // Flask/Django/FastAPI/Starlette responses: Response(body, mimetype=X), HttpResponse(content_type=X), JSONResponse(media_type=X)
  if (/^(Response|HttpResponse|JsonResponse|JSONResponse|StreamingResponse|PlainTextResponse|make_response|ResponseEntity)$/.test(last)) {
    const named = argument(call, -1, 'mimetype', 'content_type', 'media_type');
    if (named) reportContentType(code, call, `\`${last}(${named.name}=...)\``, named.value, report);
  }
  // ASP.NET: Content(body, X), new ContentResult { ContentType = X }
  if (last === 'Content' && call.args.length >= 2 && !call.isNew) reportContentType(code, call, '`Content(...)`', call.args[1].value, report);
  if (call.initializer?.kind === 'object') {
    const prop = call.initializer.properties.find((p) => p.key === 'ContentType');
    if (prop) reportContentType(code, call, `\`${last} { ContentType = ... }\``, prop.value, report);
  }
}

function checkContentTypeAssign(code: CodeModel, node: Extract<IrNode, { kind: 'assign' }>, report: Reporter): void {
  const target = node.target;
  // ctx.type = X (Koa), Response.ContentType = X (ASP.NET), response.mimetype = X (Flask), response.content_type = X
  if (target.kind === 'member' && /^(type|ContentType|contentType|mimetype|content_type)$/.test(target.property)) {
    const receiverText = dotted(target.object);
    if (target.property === 'type' && !/^(ctx|context|this\.ctx)$/.test(receiverText)) return;
    if (!/res|response|ctx|context/i.test(receiverText)) return;
    reportContentType(code, node, `\`${dotted(target)}\``, node.value, report);
    return;
  }
  // response.headers['Content-Type'] = X
  if (target.kind === 'index' && isContentTypeName(code, target.index) && /res|response|headers/i.test(dotted(target.object))) {
    reportContentType(code, node, '`Content-Type` header', node.value, report);
  }
}

/** Mirth HTTP Listener (`contextPath` + `responseContentType`) and similar gateway settings. */
function checkConfigContentTypes(root: ConfigNode, report: Reporter): void {
  for (const node of descendants(root)) {
    // Kong response-transformer: `replace.headers: ["Content-Type:application/vnd.acme+json"]`
    if (node.kind === 'scalar' && node.parent?.kind === 'seq' && /^headers$/i.test(node.parent.entry?.key ?? '')) {
      const m = /^content-type\s*:\s*(.+)$/i.exec(scalarString(node) ?? '');
      if (m && isVendorMediaType(m[1])) {
        const fhir = scopeOf(node, 8)?.paths.find((p) => isFhirPath(p) && !resourceTypesInPath(p).some((t) => BINARY_TYPES.has(t)));
        if (fhir) report({ at: node, messageId: 'contentType', data: { where: 'The `Content-Type` header rewrite', route: `\`${fhir}\``, type: m[1].trim() } });
      }
      continue;
    }
    if (node.kind !== 'map') continue;
    for (const e of node.entries) {
      if (!CONTENT_TYPE_KEYS.test(e.key) && !/^response[-_]?content[-_]?type$/i.test(e.key)) continue;
      const value = scalarString(e.value);
      if (!value || !isVendorMediaType(value)) continue;
      const scope = scopeOf(node, 3);
      const fhir = scope?.paths.find((p) => isFhirPath(p) && !resourceTypesInPath(p).some((t) => BINARY_TYPES.has(t)));
      if (!fhir) continue;
      report({ at: e, messageId: 'contentType', data: { where: `\`${e.key}\``, route: `\`${fhir}\``, type: value } });
    }
  }
}

