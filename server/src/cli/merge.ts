/**
 * `ehi-lint merge a.sarif b.sarif ...`: joins the SARIF logs of sharded runs into one log whose
 * results are those of the unsharded run, in the same order (files sorted by path, each file's
 * results as its shard wrote them).
 */
import * as fs from 'fs';
import { TOOL_NAME } from '../core/meta';
import { UsageError } from './args';

interface SarifRule {
  id: string;
}

interface SarifResult {
  ruleId?: string;
  ruleIndex?: number;
  locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[];
}

interface SarifNotification {
  locations?: SarifResult['locations'];
}

interface SarifRun {
  tool: { driver: { name: string; version?: string; rules?: SarifRule[] } };
  invocations?: { executionSuccessful: boolean; toolExecutionNotifications?: SarifNotification[] }[];
  results?: SarifResult[];
  [key: string]: unknown;
}

interface SarifLog {
  $schema?: string;
  version: string;
  runs: SarifRun[];
}

export function readSarif(file: string): SarifLog {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: ${code === 'ENOENT' ? 'no such file' : `cannot read: ${code ?? (err as Error).message}`}`);
  }
  let log: SarifLog;
  try {
    log = JSON.parse(text) as SarifLog;
  } catch (err) {
    throw new UsageError(`${file}: not a SARIF file: invalid JSON (${(err as Error).message})`);
  }
  if (!log || log.version !== '2.1.0' || !Array.isArray(log.runs)) throw new UsageError(`${file}: not a SARIF 2.1.0 log`);
  for (const run of log.runs) {
    if (run?.tool?.driver?.name !== TOOL_NAME) throw new UsageError(`${file}: a run from "${run?.tool?.driver?.name ?? 'an unknown tool'}", not ${TOOL_NAME}; only ${TOOL_NAME} shards can be merged`);
  }
  return log;
}

const uriOf = (item: { locations?: SarifResult['locations'] }): string | undefined => item.locations?.[0]?.physicalLocation?.artifactLocation?.uri;

/** Files in the order the CLI reports them: by path (the URI decoded), as plain string order. */
function byPath(a: string, b: string): number {
  const x = decodeURIComponent(a);
  const y = decodeURIComponent(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function mergeSarif(logs: { file: string; log: SarifLog }[]): SarifLog {
  const runs = logs.flatMap(({ file, log }) => log.runs.map((run) => ({ file, run })));
  if (runs.length === 0) throw new UsageError('merge: the SARIF files hold no runs');
  const first = runs[0].run;
  for (const { file, run } of runs) {
    if (run.tool.driver.version !== first.tool.driver.version) {
      throw new UsageError(`${file}: written by ${TOOL_NAME} ${run.tool.driver.version}, but ${runs[0].file} by ${first.tool.driver.version}; merge shards of one version`);
    }
  }

  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  for (const { run } of runs) {
    for (const rule of run.tool.driver.rules ?? []) {
      if (ruleIndex.has(rule.id)) continue;
      ruleIndex.set(rule.id, rules.length);
      rules.push(rule);
    }
  }

  // A file's results come from the first run that has any for it (a file belongs to one shard).
  const resultsByFile = new Map<string, SarifResult[]>();
  const notificationsByFile = new Map<string, SarifNotification[]>();
  const general: SarifNotification[] = [];
  const seenGeneral = new Set<string>();
  for (const { run } of runs) {
    const ownResults = new Map<string, SarifResult[]>();
    for (const result of run.results ?? []) {
      const uri = uriOf(result) ?? '';
      const index = result.ruleId !== undefined ? ruleIndex.get(result.ruleId) : undefined;
      const remapped = index === undefined ? result : { ...result, ruleIndex: index };
      const list = ownResults.get(uri) ?? [];
      list.push(remapped);
      ownResults.set(uri, list);
    }
    for (const [uri, list] of ownResults) if (!resultsByFile.has(uri)) resultsByFile.set(uri, list);

    const ownNotifications = new Map<string, SarifNotification[]>();
    for (const invocation of run.invocations ?? []) {
      for (const n of invocation.toolExecutionNotifications ?? []) {
        const uri = uriOf(n);
        if (uri === undefined) {
          // Not about one file (paths skipped on the command line): every shard reports it once.
          const key = JSON.stringify(n);
          if (!seenGeneral.has(key)) general.push(n);
          seenGeneral.add(key);
          continue;
        }
        const list = ownNotifications.get(uri) ?? [];
        list.push(n);
        ownNotifications.set(uri, list);
      }
    }
    for (const [uri, list] of ownNotifications) if (!notificationsByFile.has(uri)) notificationsByFile.set(uri, list);
  }

  const results = [...resultsByFile.keys()].sort(byPath).flatMap((uri) => resultsByFile.get(uri)!);
  const notifications = [...[...notificationsByFile.keys()].sort(byPath).flatMap((uri) => notificationsByFile.get(uri)!), ...general];
  const executionSuccessful = runs.every(({ run }) => (run.invocations ?? []).every((i) => i.executionSuccessful));
  return {
    ...(logs[0].log.$schema ? { $schema: logs[0].log.$schema } : {}),
    version: '2.1.0',
    runs: [
      {
        ...first,
        tool: { ...first.tool, driver: { ...first.tool.driver, rules } },
        invocations: [{ executionSuccessful, toolExecutionNotifications: notifications }],
        results,
      },
    ],
  };
}
