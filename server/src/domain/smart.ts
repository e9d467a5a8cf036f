/**
 * SMART App Launch configuration (`/.well-known/smart-configuration`): recognising one, whether it
 * is a JSON/YAML file or an object literal a handler sends, and reading its fields. Shared by the
 * rules on app access (capabilities patient apps need, refresh tokens) and on standards conformance
 * (required fields, PKCE).
 *
 * A generic OAuth or OpenID Connect discovery document (`openid-configuration`,
 * `oauth-authorization-server`) has some of the same fields but is not a SMART configuration; it is
 * recognised only by SMART capability values or by a `smart-configuration` route or file name.
 */
import type { CodeModel } from '../core/code-model';
import { ConfigDocument, ConfigEntry, ConfigNode, scalarString, stringList } from '../core/formats/tree';
import type { FunctionNode, IrNode, Span } from '../core/ir';
import { walk } from '../core/ir';
import { handlerFor } from './access-path';
import { isMapFactory, isUncertain, literalTree, LiteralTree } from '../analysis/literal-tree';
import { builtObjects, snakeKey } from '../analysis/built-object';
import { calleeLast, dotted, stringValue } from '../analysis/values';

/** Capabilities defined by SMART App Launch 2.0 (and 1.0). */
export const SMART_CAPABILITIES: ReadonlySet<string> = new Set([
  'launch-ehr',
  'launch-standalone',
  'authorize-post',
  'client-public',
  'client-confidential-symmetric',
  'client-confidential-asymmetric',
  'sso-openid-connect',
  'context-passthrough-banner',
  'context-passthrough-style',
  'context-banner',
  'context-style',
  'context-ehr-patient',
  'context-ehr-encounter',
  'context-standalone-patient',
  'context-standalone-encounter',
  'permission-offline',
  'permission-online',
  'permission-patient',
  'permission-user',
  'permission-v1',
  'permission-v2',
  'smart-app-state',
]);

/** Fields of a SMART configuration (App Launch 2.0, section "Metadata"). */
export const SMART_FIELDS: ReadonlySet<string> = new Set([
  'issuer',
  'jwks_uri',
  'authorization_endpoint',
  'grant_types_supported',
  'token_endpoint',
  'token_endpoint_auth_methods_supported',
  'registration_endpoint',
  'smart_app_state_endpoint',
  'associated_endpoints',
  'user_access_brand_bundle',
  'user_access_brand_identifier',
  'scopes_supported',
  'response_types_supported',
  'management_endpoint',
  'introspection_endpoint',
  'revocation_endpoint',
  'capabilities',
  'code_challenge_methods_supported',
]);

/**
 * Lower-case words every file holding a recognisable SMART configuration contains (for rule
 * triggers): a SMART capability value, the discovery path, or an endpoint field.
 */
export const SMART_TRIGGERS = [
  'smart-configuration',
  'smart_configuration',
  'smartconfiguration',
  'authorization_endpoint',
  'token_endpoint',
  'launch-ehr',
  'launch-standalone',
  'client-public',
  'client-confidential',
  'sso-openid-connect',
  'context-ehr',
  'context-standalone',
  'permission-',
];

const SMART_PATH = /smart[-_]?configuration/i;
const NOT_SMART_PATH = /openid[-_]?configuration|oauth[-_]?authorization[-_]?server|oauth[-_]?protected[-_]?resource/i;

export interface SmartDocument {
  /** The map holding the fields. */
  map: ConfigNode & { kind: 'map' };
  /** Where a finding about the whole document points: the object or the file's first key. */
  at: Span;
  /** False when fields may be added where the file does not show it (spreads, later assignments, a fragment of a larger config). */
  complete: boolean;
  /** For code: which parts of the literal are not known. */
  tree?: LiteralTree;
}

/** The entry of a field whose value is present (not null/undefined). */
export function smartField(doc: SmartDocument, name: string): ConfigEntry | undefined {
  return doc.map.entries.find((e) => e.key === name);
}

/** Whether the field is written (with any value). A field of an incomplete document may also be set elsewhere. */
export function hasSmartField(doc: SmartDocument, name: string): boolean {
  return smartField(doc, name) !== undefined;
}

/** The strings of a list field, or undefined when absent or not fully known. */
export function smartList(doc: SmartDocument, name: string): string[] | undefined {
  const entry = smartField(doc, name);
  if (!entry || isUncertain(doc.tree, entry.value)) return undefined;
  const node = entry.value;
  if (node.kind === 'seq') return stringList(node);
  const single = scalarString(node);
  return single === undefined ? undefined : single.split(/[\s,]+/).filter((s) => s.length > 0);
}

/** Whether the document describes launches of user-facing apps (authorization code flow), not only backend services. */
export function supportsAppLaunch(doc: SmartDocument): boolean {
  const capabilities = smartList(doc, 'capabilities');
  if (capabilities?.some((c) => c === 'launch-ehr' || c === 'launch-standalone' || c.startsWith('context-') || c === 'permission-patient' || c === 'permission-user')) return true;
  const grants = smartList(doc, 'grant_types_supported');
  if (grants?.includes('authorization_code')) return true;
  if (hasSmartField(doc, 'authorization_endpoint')) return true;
  // Nothing says it is backend-only: an app-launch server is the default reading.
  return capabilities === undefined && grants === undefined;
}

function smartKeyCount(keys: string[]): number {
  return keys.filter((k) => SMART_FIELDS.has(k)).length;
}

function hasSmartCapability(node: ConfigNode | undefined): boolean {
  if (!node) return false;
  const values = node.kind === 'seq' ? node.items.map(scalarString) : [scalarString(node)];
  return values.some((v) => v !== undefined && SMART_CAPABILITIES.has(v));
}

/**
 * Whether a map is a SMART configuration: SMART capability values, or (with a hint that the
 * document is served at or named `smart-configuration`) the OAuth endpoint fields.
 */
function isSmartMap(map: ConfigNode, hint: 'smart' | 'other' | 'none'): boolean {
  if (map.kind !== 'map' || hint === 'other') return false;
  const keys = map.entries.map((e) => e.key);
  const capabilities = map.entries.find((e) => e.key === 'capabilities')?.value;
  if (hasSmartCapability(capabilities) && smartKeyCount(keys) >= 2) return true;
  return hint === 'smart' && (keys.includes('token_endpoint') || keys.includes('authorization_endpoint')) && smartKeyCount(keys) >= 2;
}

/** SMART configurations in a JSON/YAML/XML file: the document itself, or a map under a `smart-configuration`-like key. */
export function smartDocumentsInConfig(doc: ConfigDocument, path: string): SmartDocument[] {
  const fileHint = NOT_SMART_PATH.test(path) ? 'other' : SMART_PATH.test(path) ? 'smart' : 'none';
  const out: SmartDocument[] = [];
  for (const root of doc.roots) {
    if (root.kind === 'map' && isSmartMap(root, fileHint)) {
      out.push({ map: root, at: { start: root.start, end: root.start + 1 }, complete: true });
      continue;
    }
    if (root.kind !== 'map') continue;
    // A fragment in application settings: `smart: { capabilities: [...] }`, `smart_configuration: {...}`.
    const stack: ConfigNode[] = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.kind === 'map') {
        for (const e of node.entries) {
          const hint = SMART_PATH.test(e.key) || /^smart$/i.test(e.key) ? 'smart' : NOT_SMART_PATH.test(e.key) ? 'other' : 'none';
          const value = e.value;
          if (value.kind === 'map' && hint !== 'none' && isSmartMap(value, hint)) out.push({ map: value, at: e, complete: false });
          else if (value.kind === 'map' && hint !== 'other' && isSmartMap(value, 'none')) out.push({ map: value, at: e, complete: false });
          else stack.push(e.value);
        }
      } else if (node.kind === 'seq') stack.push(...node.items);
    }
  }
  return out;
}

/**
 * SMART configurations in code: object literals (dicts, anonymous objects, `Map.of`), and documents
 * built up in one function (a model class filled by an initializer, setters or a builder; a literal
 * filled in by assignments), whose property names are read as the JSON fields they serialise to
 * (`AuthorizationEndpoint`, `setTokenEndpoint` → `authorization_endpoint`, `token_endpoint`).
 */
export function smartDocumentsInCode(model: CodeModel): SmartDocument[] {
  return model.memo('smartDocuments', () => {
    const literals = smartLiterals(model);
    const built = smartBuilt(model);
    // A literal that the same function goes on to fill in is read as the built document.
    return [...literals.filter((l) => !built.some((b) => b.at.start === l.at.start)), ...built];
  });
}

function smartBuilt(model: CodeModel): SmartDocument[] {
  const out: SmartDocument[] = [];
  for (const b of builtObjects(model)) {
    if (!b.node || b.tree.root.kind !== 'map') continue;
    const type = b.typeName ?? '';
    if (/openid|oidc|oauth/i.test(type)) continue;
    const map = snakeMap(b.tree.root);
    const hint = /smart/i.test(type) ? 'smart' : contextHint(model, b.node);
    if (!isSmartMap(map, hint)) continue;
    // A literal that was not filled in afterwards is the literal's document.
    if (b.node.kind === 'object' && map.entries.every((e) => e.start >= b.node!.start && e.end <= b.node!.end)) continue;
    out.push({ map, at: { start: b.at.start, end: b.at.start + 1 }, complete: b.complete, tree: b.tree });
  }
  return out;
}

/** The map with its keys as SMART's snake-case fields (the values are shared). */
function snakeMap(map: ConfigNode & { kind: 'map' }): ConfigNode & { kind: 'map' } {
  return { ...map, entries: map.entries.map((e) => ({ ...e, key: /[A-Z]/.test(e.key) ? snakeKey(e.key) : e.key })) };
}

function smartLiterals(model: CodeModel): SmartDocument[] {
  {
    const out: SmartDocument[] = [];
    const spreadOrMerged = mergedNames(model);
    walk(model.root, (node) => {
      if (node.kind !== 'object' && !(node.kind === 'call' && isMapFactory(node))) return;
      const keys = node.kind === 'object' ? node.properties.map((p) => p.key) : node.args.map((a) => stringValue(model, a.value) ?? '');
      if (smartKeyCount(keys) < 2) return;
      const hint = contextHint(model, node);
      const tree = literalTree(model, node);
      if (tree.root.kind !== 'map' || !isSmartMap(tree.root, hint)) return;
      const binding = bindingName(node);
      const nested = node.parent?.kind === 'object' || (node.parent?.kind === 'other' && node.parent.type === 'pair') || (node.parent?.kind === 'call' && isMapFactory(node.parent));
      const complete = !tree.open.has(tree.root) && !nested && !(binding && spreadOrMerged.has(binding));
      out.push({ map: tree.root, at: { start: node.start, end: node.start + 1 }, complete, tree });
      return false;
    });
    return out;
  }
}

/** `smart` when the object is served at or named for the SMART discovery document, `other` for OIDC/OAuth discovery. */
function contextHint(model: CodeModel, node: IrNode): 'smart' | 'other' | 'none' {
  const names: string[] = [];
  for (let p: IrNode | undefined = node.parent; p; p = p.parent) {
    if (p.kind === 'variable') names.push(p.name);
    if (p.kind === 'assign') names.push(dotted(p.target));
    if (p.kind === 'function') {
      if (p.name) names.push(p.name);
      const handler = handlerFor(model, p);
      for (const r of handler?.routes ?? []) names.push(r.path);
      names.push(...registeredPathsFor(model, p));
      const cls = model.enclosingClass(p);
      if (cls) names.push(cls.name);
    }
  }
  const text = names.join(' ');
  if (NOT_SMART_PATH.test(text) || /openid[-_ ]?config|OpenIdConfig|oidcDiscovery|OidcDiscovery/i.test(text)) return 'other';
  if (SMART_PATH.test(text) || /smart[-_]?config|SmartConfig|smart[-_]?metadata|well[-_]?known[-_]?smart/i.test(text)) return 'smart';
  return 'none';
}

/** Paths of route registrations whose handler (inline or named) is `fn`. */
function registeredPathsFor(model: CodeModel, fn: FunctionNode): string[] {
  const out: string[] = [];
  walk(model.root, (n) => {
    if (n.kind !== 'call' || n.isDecorator || n.args.length < 2) return;
    const first = n.args[0].value;
    if (first.kind !== 'string') return;
    if (n.args.some((a) => a.value === fn || (a.value.kind === 'name' && a.value.name === fn.name))) out.push(first.value);
  });
  return out;
}

function bindingName(node: IrNode): string | undefined {
  const p = node.parent;
  if (p?.kind === 'variable') return p.name;
  if (p?.kind === 'assign') return dotted(p.target).split('.').pop();
  return undefined;
}

/** Names spread into other objects, merged (`Object.assign`, `.update`, `{**x}`) or assigned members later. */
function mergedNames(model: CodeModel): Set<string> {
  const out = new Set<string>();
  walk(model.root, (n) => {
    if (n.kind === 'object') {
      for (const p of n.properties) {
        if (p.key !== '...' && p.key !== '**') continue;
        if (p.value.kind === 'name') out.add(p.value.name);
        walk(p.value, (c) => {
          if (c.kind === 'name') out.add(c.name);
        });
      }
    }
    if (n.kind === 'other' && /spread|splat/.test(n.type)) {
      for (const c of n.children) if (c.kind === 'name') out.add(c.name);
    }
    if (n.kind === 'call' && !n.isDecorator) {
      const last = calleeLast(n);
      if (/^(assign|merge|update|extend|defaults|defaultsDeep|putAll|Add|TryAdd|setdefault)$/.test(last)) {
        for (const a of n.args) if (a.value.kind === 'name') out.add(a.value.name);
        if (n.callee.kind === 'member' && n.callee.object.kind === 'name') out.add(n.callee.object.name);
      }
    }
    if (n.kind === 'assign' && (n.target.kind === 'member' || n.target.kind === 'index')) {
      const object = n.target.object;
      if (object.kind === 'name') out.add(object.name);
    }
  });
  return out;
}
