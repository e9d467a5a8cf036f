/**
 * Where a documented restriction is recorded at run time: for each finding a record documents, the
 * restricted path that `exception-unaudited` judges (the finding's function, the handler of its
 * route registration, or its Mirth script) and the audit-log calls in it, by file and line.
 */
import { calleeName } from '../analysis/values';
import { parseFile, ParsedFile } from '../core/files';
import { languageIdForPath } from '../core/language';
import { LineIndex } from '../core/text';
import { pathAuditCalls, restrictedPathAt } from '../domain/audit';

/** A place in a file, 1-based. */
export interface Place {
  path: string;
  line: number;
  column: number;
}

export interface AuditCall extends Place {
  /** The callee as written (`auditLog.record`). */
  callee: string;
}

/** The restricted path of one documented finding and its audit calls; none when it has no code path. */
export interface RestrictedPathTrace {
  /** `readPatient`, `the handler`, `this script`. */
  label: string;
  start: Place;
  calls: AuditCall[];
}

/** Reads the files the traces are in, each parsed once. */
export class AuditTracer {
  private readonly parsed = new Map<string, Promise<{ parsed: ParsedFile; lines: LineIndex } | undefined>>();

  constructor(
    private readonly pattern: RegExp | undefined,
    private readonly read: (path: string) => Promise<string | undefined>,
  ) {}

  /** The restricted path of a finding at file offset `offset` of `path`, or undefined when the file shows none. */
  async trace(path: string, offset: number): Promise<RestrictedPathTrace | undefined> {
    if (!this.pattern || !languageIdForPath(path)) return undefined;
    const file = await this.file(path);
    if (!file) return undefined;
    const unit = file.parsed.codeUnits.length === 1 ? file.parsed.codeUnits[0] : file.parsed.codeUnits.find((u) => u.toFile(0) <= offset && offset <= u.toFile(u.model.text.length));
    if (!unit) return undefined;
    const restricted = restrictedPathAt(unit.model, unit.fromFile(offset));
    if (!restricted) return undefined;
    const place = (unitOffset: number): Place => {
      const p = file.lines.positionAt(unit.toFile(unitOffset));
      return { path, line: p.line + 1, column: p.character + 1 };
    };
    const calls = pathAuditCalls(restricted, this.pattern).map((call) => ({
      ...place(call.start),
      callee: calleeName(call),
    }));
    return { label: restricted.label.replace(/`/g, ''), start: place(restricted.node.start), calls };
  }

  /** The restricted path at a 1-based line and column of `path` (an annotation's target). */
  async traceAtPosition(path: string, line: number, column: number): Promise<RestrictedPathTrace | undefined> {
    const file = await this.file(path);
    if (!file) return undefined;
    return this.trace(path, file.lines.offsetAt({ line: line - 1, character: column - 1 }));
  }

  private file(path: string): Promise<{ parsed: ParsedFile; lines: LineIndex } | undefined> {
    let entry = this.parsed.get(path);
    if (!entry) {
      entry = (async () => {
        const text = await this.read(path);
        if (text === undefined) return undefined;
        try {
          return { parsed: await parseFile(path, text), lines: new LineIndex(text) };
        } catch {
          return undefined;
        }
      })();
      this.parsed.set(path, entry);
    }
    return entry;
  }
}
