/**
 * For configuration: which URL paths a setting applies to. Gateways and frameworks attach plugins,
 * filters and limits to services and routes (Kong `services[].routes[].paths`, Spring Cloud Gateway
 * `predicates: Path=/fhir/**`, bucket4j `filters[].url`, AspNetCoreRateLimit `Endpoint`, Envoy
 * `match: { prefix }`), so the
 * scope of a node is read from the path-like keys of the maps around it.
 */
import { ConfigNode, descendants, items, scalarString } from '../core/formats/tree';

const PATH_KEYS = /^(path|paths|prefix|url|uri|uris|match|endpoint|pattern|patterns|location|url-pattern|urlPattern|url_pattern|context-path|contextPath|route|base-path|basePath|base_path)$/i;

export interface PathScope {
  paths: string[];
  /** The map that carries the paths (service, route, filter). */
  owner?: ConfigNode;
}

/** Path-like values set directly on a map, or on its `routes`/`predicates` children. */
export function pathsOf(map: ConfigNode): string[] {
  if (map.kind !== 'map') return [];
  const out: string[] = [];
  for (const e of map.entries) {
    if (PATH_KEYS.test(e.key)) for (const item of items(e.value)) addPath(out, scalarString(item));
    // Envoy routes: `match: { prefix: /fhir }` (or `path`, `path_separated_prefix`).
    if (/^match$/i.test(e.key) && e.value.kind === 'map') {
      for (const m of e.value.entries) if (/^(prefix|path|path_separated_prefix)$/.test(m.key)) addPath(out, scalarString(m.value));
    }
    if (/^predicates$/i.test(e.key)) {
      for (const item of items(e.value)) {
        const text = scalarString(item);
        if (text) addPath(out, text.replace(/^Path\s*=\s*/i, '').split(',')[0]);
        else if (item.kind === 'map') for (const n of descendants(item)) if (n.kind === 'scalar') addPath(out, scalarString(n));
      }
    }
    if (/^routes$/i.test(e.key)) for (const route of items(e.value)) out.push(...pathsOf(route));
  }
  return out;
}

function addPath(out: string[], value: string | undefined): void {
  if (!value) return;
  const trimmed = value.trim();
  if (trimmed.includes('/') || trimmed === '*') out.push(trimmed.replace(/^\*:/, '').replace(/^https?:\/\/[^/]+/, '') || '/');
}

/**
 * The paths a node applies to: the nearest enclosing map (up to `maxDepth` levels) that has
 * path-like keys. Undefined when nothing around it names a path (a global setting).
 */
export function scopeOf(node: ConfigNode, maxDepth = 5): PathScope | undefined {
  let current: ConfigNode | undefined = node;
  for (let depth = 0; current && depth <= maxDepth; depth++) {
    const paths = pathsOf(current);
    if (paths.length > 0) return { paths, owner: current };
    current = current.parent;
  }
  return undefined;
}

/**
 * Kong declarative config also attaches plugins at the top level by reference
 * (`plugins: [{ name: request-termination, service: fhir-api }]`): the paths of the service or
 * route the node names, found by `name` anywhere in the document.
 */
export function referencedScope(root: ConfigNode, node: ConfigNode): PathScope | undefined {
  if (node.kind !== 'map') return undefined;
  for (const key of ['route', 'service']) {
    const entry = node.entries.find((e) => e.key === key);
    const target = entry ? scalarString(entry.value) ?? scalarString(entry.value.kind === 'map' ? entry.value.entries.find((e) => e.key === 'name' || e.key === 'id')?.value : undefined) : undefined;
    if (!target) continue;
    for (const candidate of descendants(root)) {
      if (candidate === node || candidate.kind !== 'map') continue;
      const name = candidate.entries.find((e) => e.key === 'name' || e.key === 'id');
      if (!name || scalarString(name.value) !== target) continue;
      const paths = pathsOf(candidate);
      if (paths.length > 0) return { paths, owner: candidate };
    }
  }
  return undefined;
}
