/**
 * The configuration kinds `unjustified-throttle` reads: gateway plugins and filters (Kong, Spring
 * Cloud Gateway, Envoy), Azure API Management policies, AWS API Gateway throttling and usage plans
 * (serverless.yml, SAM, CloudFormation), servlet filter mappings, bucket4j-spring-boot-starter,
 * AspNetCoreRateLimit rules and Resilience4j rate-limiter instances. Each kind is recognised by its
 * content, not by its file name.
 */
import { ConfigNode, descendants, entriesBelow, items, scalarNumber, scalarString } from '../../server/src/core/formats/tree';
import type { ConfigContext } from '../../server/src/core/rule';
import { classifyName, classifyPaths, ehiPathsIn } from '../../server/src/domain/access-path';
import { scopeOf } from '../../server/src/frameworks/config-scope';

const CONFIG_LIMITER_NAMES = /^(rate-limiting|rate-limiting-advanced|response-ratelimiting|RequestRateLimiter|ratelimit|rate-limit|local_ratelimit|envoy\.filters\.http\.local_ratelimit|envoy\.filters\.http\.ratelimit)$/i;
const ENVOY_FILTER = /^envoy\.filters\.http\.(local_)?ratelimit$/;
const CONFIG_LIMITER_KEYS = /^(rate-limits|rateLimits|rate_limits|rate-limit|rateLimit|rate_limit|ratelimit|throttle|throttling|GeneralRules|EndpointRules|RateLimiting|IpRateLimiting|ClientRateLimiting|local_rate_limit)$/;
const LIMITER_NAME = /(rate_?limit|ratelimit|limiter|throttl|slow_?down|speed_?limit)/i;
const LIMIT_KEYS =
  /^(limit|capacity|max|permitLimit|Limit|requests|replenishRate|replenish-rate|burstCapacity|burst-capacity|minute|second|hour|bandwidths|tokens_per_fill|max_tokens|maxRequestsPerSecond|maxConcurrentRequests|rateLimit|burstLimit|calls|bandwidth)$/i;
/** Azure API Management policy elements that limit calls. */
const APIM_LIMITS = /^(rate-limit|rate-limit-by-key|quota|quota-by-key)$/;

interface ConfigLimiter {
  at: { start: number; end: number };
  what: string;
  /** Applies to everything when no path is attached (a top-level plugin or default filter). */
  global: boolean;
}

export function checkConfig(ctx: ConfigContext): void {
  if (ctx.config.format === 'nginx') {
    for (const root of ctx.config.roots) checkNginx(ctx, root);
    return;
  }
  for (const root of ctx.config.roots) {
    if (isApimPolicy(root)) {
      checkApimPolicy(ctx, root);
      continue;
    }
    const cloudFormation = isCloudFormation(root);
    const ehiPaths = ehiPathsIn(root);
    for (const node of descendants(root)) {
      const resilience = resilienceInstance(node);
      if (resilience) {
        ctx.report({ at: resilience.at, messageId: 'configLimit', data: { what: resilience.what, scope: resilience.scope } });
        continue;
      }
      if (cloudFormation) {
        const aws = awsLimiter(root, node);
        if (aws) {
          if (aws.scope) ctx.report({ at: aws.at, messageId: 'configLimit', data: { what: aws.what, scope: aws.scope } });
          continue;
        }
      }
      const limiter = limiterIn(node);
      if (!limiter) continue;
      const scope = scopeOf(node);
      if (scope) {
        if (classifyPaths(scope.paths) !== 'ehi') continue;
        const ehi = [...new Set(scope.paths.filter((p) => classifyPaths([p]) === 'ehi'))];
        ctx.report({ at: limiter.at, messageId: 'configLimit', data: { what: limiter.what, scope: ehi.join(', ') } });
      } else if (limiter.global && ehiPaths.length > 0) {
        ctx.report({ at: limiter.at, messageId: 'configGlobalLimit', data: { what: limiter.what, scope: ehiPaths.slice(0, 3).join(', ') } });
      }
    }
  }
}

/** The key a node sits under, counting a repeated XML element (a sequence item) as its element name. */
function keyOf(node: ConfigNode): string | undefined {
  return node.entry?.key ?? (node.parent?.kind === 'seq' ? node.parent.entry?.key : undefined);
}

function limiterIn(node: ConfigNode): ConfigLimiter | undefined {
  // A plugin/filter item named like a limiter: { name: rate-limiting, config: {...} } or "RequestRateLimiter=..."
  const name = node.kind === 'map' ? scalarString(node.entries.find((e) => e.key === 'name' || e.key === 'type')?.value) : scalarString(node);
  if (name && CONFIG_LIMITER_NAMES.test(name.split('=')[0].trim())) {
    const inSeq = node.parent?.kind === 'seq';
    const listKey = inSeq ? node.parent?.entry?.key ?? '' : '';
    if (node.kind === 'scalar' && !inSeq) return undefined;
    const filterName = name.split('=')[0].trim();
    // Envoy: the HTTP filter in the listener's chain limits every route when it carries a bucket of its own.
    if (ENVOY_FILTER.test(filterName)) {
      if (listKey !== 'http_filters' || !hasLimitValues(node)) return undefined;
      return { at: node, what: `\`${filterName}\``, global: true };
    }
    const global = /^(plugins|default-filters|defaultFilters)$/.test(listKey) && isTopLevelList(node);
    return { at: node, what: `\`${filterName}\``, global };
  }
  // Envoy per-route config: `typed_per_filter_config: { envoy.filters.http.local_ratelimit: { token_bucket: ... } }`.
  if (node.kind === 'map' && node.entry && ENVOY_FILTER.test(node.entry.key) && node.parent?.entry?.key === 'typed_per_filter_config' && hasLimitValues(node)) {
    return { at: { start: node.entry.start, end: node.entry.end }, what: `\`${node.entry.key}\``, global: false };
  }
  // Envoy route action: `rate_limits: [{ actions: [...] }]` sends the route's requests to a rate-limit service.
  if (node.kind === 'seq' && node.entry?.key === 'rate_limits' && node.items.some((i) => i.kind === 'map' && i.entries.some((e) => e.key === 'actions'))) {
    return { at: { start: node.entry.start, end: node.entry.end }, what: '`rate_limits`', global: false };
  }
  // A filter or policy named like a limiter: web.xml <filter-mapping><filter-name>RateLimitFilter</filter-name>.
  if (node.kind === 'map') {
    const named = node.entries.find((e) => /^(filter-name|filterName|policy|policyName|limiter)$/.test(e.key));
    const value = scalarString(named?.value);
    if (value && LIMITER_NAME.test(value)) return { at: node, what: `\`${value}\``, global: false };
  }
  // serverless.yml: `provider.apiGateway.usagePlan` (one plan or a list of named plans) limits every endpoint of the API.
  if (node.kind === 'map' && node.entry && /^(quota|throttle)$/.test(node.entry.key) && hasLimitValues(node) && underUsagePlan(node)) {
    return { at: { start: node.entry.start, end: node.entry.end }, what: `usage plan \`${node.entry.key}\``, global: true };
  }
  // A limits block: bucket4j `rate-limits`, AspNetCoreRateLimit `GeneralRules` entries with a Period and Limit.
  if (node.kind === 'map' && node.entry && CONFIG_LIMITER_KEYS.test(node.entry.key) && hasLimitValues(node)) {
    return { at: { start: node.entry.start, end: node.entry.end }, what: `\`${node.entry.key}\``, global: false };
  }
  // AspNetCoreRateLimit rules: `GeneralRules`, and the `Rules` of `ClientRules`/`IpRules` policies.
  if (node.kind === 'map' && node.parent?.kind === 'seq' && node.parent.entry && isRuleList(node.parent) && hasLimitValues(node)) {
    return { at: node, what: `\`${node.parent.entry.key}\` rule`, global: false };
  }
  // serverless-api-gateway-throttling: `custom.apiGatewayThrottling` is the default for every endpoint.
  if (node.kind === 'map' && node.entry?.key === 'apiGatewayThrottling' && hasLimitValues(node)) {
    return { at: { start: node.entry.start, end: node.entry.end }, what: '`apiGatewayThrottling`', global: true };
  }
  return undefined;
}

function isRuleList(seq: ConfigNode): boolean {
  const key = seq.entry?.key ?? '';
  if (/^(GeneralRules|EndpointRules|rate-limits|rateLimits)$/.test(key)) return true;
  // `ClientRateLimitPolicies.ClientRules[].Rules`, `IpRateLimitPolicies.IpRules[].Rules`.
  return key === 'Rules' && /^(ClientRules|IpRules)$/.test(seq.parent?.parent?.entry?.key ?? '');
}

function underUsagePlan(node: ConfigNode): boolean {
  for (let p = node.parent, depth = 0; p && depth < 3; p = p.parent, depth++) if (p.entry?.key === 'usagePlan') return true;
  return false;
}

function isTopLevelList(node: ConfigNode): boolean {
  const listOwner = node.parent?.parent;
  return !listOwner?.parent || listOwner.parent.kind === 'seq' && !listOwner.parent.parent?.parent;
}

function hasLimitValues(map: ConfigNode): boolean {
  if (map.kind !== 'map') return false;
  for (const e of entriesBelow(map)) {
    if (LIMIT_KEYS.test(e.key)) {
      if (scalarNumber(e.value) !== undefined || items(e.value).length > 0) return true;
    }
  }
  return false;
}

/* ---------- Resilience4j ---------- */

/** `resilience4j.ratelimiter.instances.<name>` with a limit, whose name says it is about EHI (`fhirPatientApi`). */
function resilienceInstance(node: ConfigNode): { at: { start: number; end: number }; what: string; scope: string } | undefined {
  if (node.kind !== 'map' || !node.entry) return undefined;
  const instances = node.parent;
  const limiter = instances?.parent;
  if (instances?.entry?.key !== 'instances' || !/^(ratelimiter|rate-limiter)$/i.test(limiter?.entry?.key ?? '')) return undefined;
  if (!node.entries.some((e) => /^(limitForPeriod|limit-for-period)$/.test(e.key))) return undefined;
  const name = node.entry.key;
  if (classifyName(name) !== 'ehi') return undefined;
  return { at: { start: node.entry.start, end: node.entry.end }, what: `Resilience4j rate limiter \`${name}\``, scope: name };
}

/* ---------- Azure API Management ---------- */

function isApimPolicy(root: ConfigNode): boolean {
  return root.kind === 'map' && root.entries.length === 1 && root.entries[0].key === 'policies' && root.entries[0].value.kind === 'map';
}

/**
 * An APIM policy document: `rate-limit`, `rate-limit-by-key`, `quota` and `quota-by-key` elements.
 * Which API they limit: the `<api>`/`<operation>` elements inside them, the path a `<when>` condition
 * tests, the backend the policy forwards to, or the API folder it sits in (APIOps:
 * `apis/<api>/policy.xml`, `apis/<api>/operations/<op>/policy.xml`). A policy that names none of
 * these (the all-APIs policy) limits every API alike and is not reported.
 */
function checkApimPolicy(ctx: ConfigContext, root: ConfigNode): void {
  const backend = apimBackendPaths(root);
  const folder = apimFolderNames(ctx.file.path);
  for (const node of descendants(root)) {
    if (node.kind !== 'map') continue;
    const element = keyOf(node);
    if (!element || !APIM_LIMITS.test(element)) continue;
    if (!node.entries.some((e) => /^(calls|bandwidth)$/.test(e.key))) continue;
    const what = `APIM \`${element}\``;
    // Nested <api name> / <operation name>: the limit applies to those.
    const named = [...descendants(node)].filter((n) => n !== node && n.kind === 'map' && /^(api|operation)$/.test(keyOf(n) ?? '')).map((n) => scalarString(n.kind === 'map' ? n.entries.find((e) => e.key === 'name' || e.key === 'id')?.value : undefined) ?? '');
    if (named.length > 0) {
      const ehi = named.filter((n) => classifyName(n) === 'ehi');
      if (ehi.length > 0 && !named.some((n) => classifyName(n) === 'auth')) ctx.report({ at: node, messageId: 'configLimit', data: { what, scope: `API ${ehi.join(', ')}` } });
      continue;
    }
    const condition = conditionPaths(node);
    if (condition.length > 0) {
      if (classifyPaths(condition) === 'ehi') ctx.report({ at: node, messageId: 'configLimit', data: { what, scope: condition.filter((p) => classifyPaths([p]) === 'ehi').join(', ') } });
      continue;
    }
    if (backend.length > 0) {
      if (classifyPaths(backend) === 'ehi') ctx.report({ at: node, messageId: 'configLimit', data: { what, scope: backend.join(', ') } });
      continue;
    }
    const api = folder.find((f) => classifyName(f) === 'ehi');
    if (api && !folder.some((f) => classifyName(f) === 'auth')) ctx.report({ at: node, messageId: 'configLimit', data: { what, scope: `API ${api}` } });
  }
}

/** Paths (or host names) of `set-backend-service base-url` and `rewrite-uri template` in the policy. */
function apimBackendPaths(root: ConfigNode): string[] {
  const out: string[] = [];
  for (const node of descendants(root)) {
    if (node.kind !== 'map') continue;
    const element = keyOf(node);
    const attr = element === 'set-backend-service' ? 'base-url' : element === 'rewrite-uri' ? 'template' : undefined;
    const value = attr ? scalarString(node.entries.find((e) => e.key === attr)?.value) : undefined;
    if (!value || value.startsWith('@') || value.startsWith('{{')) continue;
    const path = value.replace(/^https?:\/\/[^/]+/, '');
    // No path: the host's words (`fhir-contoso.azurehealthcareapis.com`) name the backend.
    out.push(path.length > 1 ? path : `/${value.replace(/^https?:\/\//, '').split(/[/:]/)[0].split(/[.-]/).join('/')}`);
  }
  return out;
}

/** String literals that look like paths in the `condition` of the `<when>` elements around a node. */
function conditionPaths(node: ConfigNode): string[] {
  const out: string[] = [];
  for (let p = node.parent; p; p = p.parent) {
    if (p.kind !== 'map' || keyOf(p) !== 'when') continue;
    const condition = scalarString(p.entries.find((e) => e.key === 'condition')?.value) ?? '';
    for (const m of condition.matchAll(/"([^"]*\/[^"]*)"/g)) out.push(m[1]);
  }
  return out;
}

function apimFolderNames(file: string): string[] {
  const parts = file.split(/[\\/]/);
  const out: string[] = [];
  for (let i = 0; i < parts.length - 1; i++) if (/^(apis|operations|products)$/i.test(parts[i]) && parts[i + 1]) out.push(parts[i + 1]);
  return out;
}

/* ---------- AWS API Gateway (CloudFormation and SAM) ---------- */

function isCloudFormation(root: ConfigNode): boolean {
  if (root.kind !== 'map') return false;
  const resources = root.entries.find((e) => e.key === 'Resources')?.value;
  if (resources?.kind !== 'map') return false;
  return resources.entries.some((e) => /^AWS::(ApiGateway|ApiGatewayV2|Serverless)::/.test(scalarString(e.value.kind === 'map' ? e.value.entries.find((x) => x.key === 'Type')?.value : undefined) ?? ''));
}

const THROTTLE_SETTING = /^(ThrottlingRateLimit|ThrottlingBurstLimit)$/;

/**
 * CloudFormation/SAM: `MethodSettings` items with throttling (scoped by their `ResourcePath`, `~1`
 * for `/`), and `Throttle`/`Quota` of usage plans (an `AWS::ApiGateway::UsagePlan`, or SAM's
 * `Auth.UsagePlan`), which limit the whole API they name. An API is about EHI when its logical id,
 * `Name`, resource paths or the paths of the functions attached to it are.
 */
function awsLimiter(root: ConfigNode, node: ConfigNode): { at: { start: number; end: number }; what: string; scope?: string } | undefined {
  if (node.kind !== 'map') return undefined;
  if (node.parent?.kind === 'seq' && node.parent.entry?.key === 'MethodSettings' && node.entries.some((e) => THROTTLE_SETTING.test(e.key) && scalarNumber(e.value) !== undefined)) {
    const path = (scalarString(node.entries.find((e) => e.key === 'ResourcePath')?.value) ?? '/*').replace(/~1/g, '/');
    const all = path === '/*' || path === '/' || path === '*';
    const api = all ? apiOf(root, node) : undefined;
    const scope = all ? (api && apiIsEhi(root, api) ? `every method of API ${api}` : undefined) : classifyPaths([path]) === 'ehi' ? path : undefined;
    return { at: node, what: '`MethodSettings` throttling', scope };
  }
  // HTTP APIs (ApiGatewayV2, SAM HttpApi): `DefaultRouteSettings` for the stage, `RouteSettings` by route key (`GET /fhir/Patient`).
  if (node.entry && node.entries.some((e) => THROTTLE_SETTING.test(e.key) && scalarNumber(e.value) !== undefined)) {
    if (node.entry.key === 'DefaultRouteSettings') {
      const api = apiOf(root, node);
      return { at: { start: node.entry.start, end: node.entry.end }, what: '`DefaultRouteSettings` throttling', scope: api && apiIsEhi(root, api) ? `every route of API ${api}` : undefined };
    }
    if (node.parent?.entry?.key === 'RouteSettings') {
      const path = node.entry.key.replace(/^[A-Z]+\s+/, '');
      return { at: { start: node.entry.start, end: node.entry.end }, what: '`RouteSettings` throttling', scope: classifyPaths([path]) === 'ehi' ? node.entry.key : undefined };
    }
  }
  if (node.entry && /^(Throttle|Quota)$/.test(node.entry.key) && node.entries.some((e) => /^(RateLimit|BurstLimit|Limit)$/.test(e.key))) {
    const plan = node.parent;
    const isPlan = plan?.entry?.key === 'UsagePlan' || resourceType(root, node) === 'AWS::ApiGateway::UsagePlan';
    if (!isPlan) return undefined;
    const apis = usagePlanApis(root, node);
    const ehi = apis.find((a) => apiIsEhi(root, a));
    return { at: { start: node.entry.start, end: node.entry.end }, what: `usage plan \`${node.entry.key}\``, scope: ehi ? `every method of API ${ehi}` : undefined };
  }
  return undefined;
}

function resources(root: ConfigNode): ConfigNode | undefined {
  return root.kind === 'map' ? root.entries.find((e) => e.key === 'Resources')?.value : undefined;
}

/** The logical id of the top-level resource a node belongs to. */
function resourceOf(root: ConfigNode, node: ConfigNode): string | undefined {
  const res = resources(root);
  for (let p: ConfigNode | undefined = node; p; p = p.parent) if (p.parent === res) return p.entry?.key;
  return undefined;
}

function resourceType(root: ConfigNode, node: ConfigNode): string | undefined {
  const id = resourceOf(root, node);
  const res = resources(root);
  const r = id && res?.kind === 'map' ? res.entries.find((e) => e.key === id)?.value : undefined;
  return r?.kind === 'map' ? scalarString(r.entries.find((e) => e.key === 'Type')?.value) : undefined;
}

/** The API a stage setting belongs to: the resource itself (a SAM API), or its `RestApiId`. */
function apiOf(root: ConfigNode, node: ConfigNode): string | undefined {
  const id = resourceOf(root, node);
  if (!id) return undefined;
  if (/^AWS::(Serverless::(Api|HttpApi)|ApiGateway::RestApi|ApiGatewayV2::Api)$/.test(resourceType(root, node) ?? '')) return id;
  const res = resources(root);
  const r = res?.kind === 'map' ? res.entries.find((e) => e.key === id)?.value : undefined;
  const props = r?.kind === 'map' ? r.entries.find((e) => e.key === 'Properties')?.value : undefined;
  return props?.kind === 'map' ? refName(props.entries.find((e) => e.key === 'RestApiId' || e.key === 'ApiId')?.value) : undefined;
}

function usagePlanApis(root: ConfigNode, node: ConfigNode): string[] {
  if (node.parent?.entry?.key === 'UsagePlan') {
    const api = apiOf(root, node);
    return api ? [api] : [];
  }
  const out: string[] = [];
  const plan = node.parent;
  const stages = plan?.kind === 'map' ? plan.entries.find((e) => e.key === 'ApiStages')?.value : undefined;
  for (const stage of items(stages)) {
    const id = stage.kind === 'map' ? refName(stage.entries.find((e) => e.key === 'ApiId')?.value) : undefined;
    if (id) out.push(id);
  }
  return out;
}

/** The logical id a reference names: `!Ref Api` (YAML), `{ "Ref": "Api" }`, `!GetAtt Api.RootResourceId`, `{ "Fn::GetAtt": ["Api", ...] }`. */
function refName(node: ConfigNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.kind === 'scalar') return scalarString(node)?.split('.')[0];
  if (node.kind !== 'map' || node.entries.length !== 1) return undefined;
  const [{ key, value }] = node.entries;
  if (key === 'Ref') return scalarString(value);
  if (key === 'Fn::GetAtt') return value.kind === 'seq' ? scalarString(value.items[0]) : scalarString(value)?.split('.')[0];
  return undefined;
}

function apiIsEhi(root: ConfigNode, api: string): boolean {
  if (classifyName(api) === 'ehi') return true;
  const res = resources(root);
  if (res?.kind !== 'map') return false;
  for (const e of res.entries) {
    const props = e.value.kind === 'map' ? e.value.entries.find((x) => x.key === 'Properties')?.value : undefined;
    if (props?.kind !== 'map') continue;
    if (e.key === api) {
      const name = scalarString(props.entries.find((x) => x.key === 'Name')?.value);
      if (name && classifyName(name) === 'ehi') return true;
      continue;
    }
    // Resources and function events attached to the API: `PathPart`, `Events.*.Properties.Path`.
    const refs = [...descendants(props)].some((n) => n.kind === 'map' && n.entries.some((x) => /^(RestApiId|ApiId)$/.test(x.key) && refName(x.value) === api));
    if (!refs) continue;
    for (const n of descendants(props)) {
      if (n.kind !== 'map') continue;
      for (const x of n.entries) {
        const value = /^(PathPart|Path|RouteKey)$/.test(x.key) ? scalarString(x.value) : undefined;
        if (value && classifyPaths([`/${value.replace(/^[A-Z]+ /, '')}`]) === 'ehi') return true;
      }
    }
  }
  return false;
}

/* ---------- NGINX ---------- */

/** Directives that limit requests, connections or bandwidth. */
const NGINX_LIMITS = /^(limit_req|limit_conn|limit_rate)$/;

/** A `location`'s path, without its modifier (`=`, `~`, `~*`, `^~`) and regex anchors. */
function locationPath(location: ConfigNode): string | undefined {
  const args = location.kind === 'map' ? scalarString(location.entries.find((e) => e.key === 'args')?.value) : undefined;
  if (!args) return undefined;
  const parts = args.split(/\s+/);
  const path = parts.length > 1 && /^(=|~|~\*|\^~)$/.test(parts[0]) ? parts[1] : parts[0];
  return path.replace(/^\^/, '').replace(/\$$/, '');
}

/** The `server_name` of the server around a block, when one of its host names is about EHI (`fhir.example.org`). */
function serverNameOf(block: ConfigNode): string | undefined {
  for (let p: ConfigNode | undefined = block; p; p = p.parent) {
    if (keyOf(p) !== 'server' || p.kind !== 'map') continue;
    const names = scalarString(p.entries.find((e) => e.key === 'server_name')?.value)?.split(/\s+/) ?? [];
    return names.find((n) => {
      const labels = n.split('.').filter((l) => l.length > 0 && l !== '*');
      const classes = labels.map((l) => classifyName(l));
      return classes.includes('ehi') && !classes.includes('auth') && !classes.includes('admin');
    });
  }
  return undefined;
}

function blocksNamed(node: ConfigNode, key: string): ConfigNode[] {
  if (node.kind !== 'map') return [];
  const entry = node.entries.find((e) => e.key === key);
  return entry ? items(entry.value).filter((i) => i.kind === 'map') : [];
}

/** The locations below a block (nested ones too) that do not set `directive` themselves, with their paths. */
function inheritingLocations(block: ConfigNode, directive: string, out: string[] = []): string[] {
  for (const server of blocksNamed(block, 'server')) inheritingLocations(server, directive, out);
  for (const location of blocksNamed(block, 'location')) {
    if (location.kind === 'map' && location.entries.some((e) => e.key === directive)) continue;
    const path = locationPath(location);
    if (path) out.push(path);
    inheritingLocations(location, directive, out);
  }
  return out;
}

/**
 * NGINX: `limit_req`, `limit_conn` and `limit_rate` in a `location` for an EHI path, or in a
 * `server`/`http` block whose EHI locations inherit them. The `limit_req_zone` a directive names is
 * its related place.
 */
function checkNginx(ctx: ConfigContext, root: ConfigNode): void {
  const zones = new Map<string, ConfigNode>();
  for (const node of descendants(root)) {
    if (node.kind !== 'scalar' || !/^limit_(req|conn)_zone$/.test(keyOf(node) ?? '')) continue;
    const zone = /\bzone=([^:\s]+)/.exec(String(node.value))?.[1];
    if (zone) zones.set(zone, node);
  }
  for (const node of descendants(root)) {
    const directive = keyOf(node);
    if (node.kind !== 'scalar' || !directive || !NGINX_LIMITS.test(directive)) continue;
    const args = String(node.value);
    if (directive === 'limit_rate' && /^0\b/.test(args)) continue;
    const zone = /\bzone=([^\s]+)/.exec(args)?.[1] ?? (directive === 'limit_conn' ? args.split(/\s+/)[0] : undefined);
    const what = `NGINX \`${directive}${zone ? ` ${directive === 'limit_req' ? 'zone=' : ''}${zone}` : ''}\``;
    const zoneNode = zone ? zones.get(zone) : undefined;
    const related = zoneNode ? [{ at: { start: zoneNode.start, end: zoneNode.end }, message: `zone ${zone} is defined here` }] : [];
    const at = node.entry ? { start: node.entry.start, end: node.entry.end } : node;
    // The block the directive is in; inside an `if`, the location or server around it.
    let block = node.parent?.kind === 'seq' ? node.parent.parent : node.parent;
    while (block && !/^(location|server|http)$/.test(keyOf(block) ?? '') && block.parent) block = block.parent.kind === 'seq' ? block.parent.parent : block.parent;
    if (!block) continue;
    const host = serverNameOf(block);
    if (keyOf(block) === 'location') {
      const path = locationPath(block);
      if (path && classifyPaths([path]) === 'ehi') ctx.report({ at, messageId: 'configLimit', data: { what, scope: `location ${path}` }, related });
      else if (path === '/' && host) ctx.report({ at, messageId: 'configLimit', data: { what, scope: `every path of ${host}` }, related });
      continue;
    }
    const ehi = inheritingLocations(block, directive).filter((p) => classifyPaths([p]) === 'ehi' || (p === '/' && keyOf(block!) === 'server' && host));
    if (ehi.length === 0 && keyOf(block) === 'server' && host) ehi.push(host);
    if (ehi.length > 0) ctx.report({ at, messageId: 'configGlobalLimit', data: { what, scope: ehi.slice(0, 2).join(', ') }, related });
  }
}
