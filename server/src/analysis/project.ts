/**
 * Value flow across the files of a project: an imported constant, a class's field in another file,
 * a Django setting, a key in `application.yml` or `appsettings.json` read through `@Value`,
 * `IOptions<T>`, `process.env` or `os.getenv`, resolved where the code uses it. No whole-program
 * analysis: before rules run on a file, the modules it imports (and, for Java and C#, the classes
 * whose constants it reads) are parsed once per run, without their function bodies; configuration
 * files are indexed once, when a file first reads configuration. Values are copied into the
 * consumer's IR with the consumer's offsets and an `origin` naming where they were defined.
 */
import * as fs from 'fs';
import * as nodePath from 'path';
import type { CodeModel, ExternalLookup } from '../core/code-model';
import { CodeUnit, constructsByLine, parseFile, ParsedFile } from '../core/files';
import { ConfigNode, descendants, scalar, scalarString } from '../core/formats/tree';
import type { ClassNode, EnumNode, FunctionNode, ImportNode, IrNode, Origin, Parameter, Span, VariableNode } from '../core/ir';
import { forEachChild, walk } from '../core/ir';
import { formatForPath } from '../core/language';
import { isTestPath } from '../core/test-code';
import { ANNOTATION_MARKER, parseAnnotations } from '../core/annotations/parse';
import type { Annotation } from '../core/annotations/types';
import { validateAnnotation } from '../core/annotations/validate';
import type { ForeignAnnotation, ProjectContext } from '../core/project';
import { LineIndex } from '../core/text';
import { argument, calleeLast, dotted, identifierWords, resolve, stringValue } from './values';
import { pathUsages, USAGE_MARKERS } from './usages';

export interface ProjectFiles {
  /** The project's root folder (absolute). */
  root: string;
  /** The files of the project the face knows of (absolute paths): what a scan discovered, or a workspace's files. */
  files: readonly string[];
  /** How reports name a file. */
  display(file: string): string;
  /** The text of a file, or undefined when it cannot be read. */
  read?(file: string): string | undefined;
}

interface Module {
  file: string;
  display: string;
  text: string;
  lines: LineIndex;
  parsed: ParsedFile;
}

interface ConfigValue {
  /** Normalised key segments from the root of the file (`results`, `release`, `delayhours`). */
  segments: string[];
  node: ConfigNode;
  module: { display: string; lines: LineIndex };
  /** Files of a profile or environment (`application-dev.yml`, `appsettings.Development.json`), used only when nothing else defines the key. */
  profile: boolean;
}

/** Larger configuration files are data (FHIR examples, fixtures), not settings. */
const MAX_CONFIG_BYTES = 256 * 1024;
/** Values larger than this are not copied across files. */
const MAX_COPIED_NODES = 400;
const CODE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const DATA_EXTENSIONS = ['.json', '.yaml', '.yml'];
/** Words of a receiver that reads configuration (`config.get`, `configService.get`, `env.getProperty`, `settings.get`). */
const CONFIG_RECEIVER = /(^|\b)(config|configuration|configs|conf|cfg|settings|env|environment|options|props|properties|app_config)$/i;
const CONFIG_HINT = /@Value|process\.env|getenv|environ|\bconfig|Config|settings|IOptions|GetValue|getProperty|GetSection|ConfigurationProperties/;
const NOT_PROJECT_CLASSES = new Set(['String', 'Math', 'Integer', 'Long', 'Double', 'Boolean', 'List', 'Set', 'Map', 'Arrays', 'Collections', 'Duration', 'TimeSpan', 'TimeUnit', 'ChronoUnit', 'Instant', 'DateTime', 'DateTimeOffset', 'System', 'Object', 'Optional', 'Stream', 'Collectors', 'Enum', 'HttpStatus', 'StatusCodes', 'ResourceType', 'MediaType', 'Environment', 'Console', 'Json', 'JSON', 'Promise', 'Array', 'Number', 'Date', 'Object', 'Reflect']);

/** The project context of a scan or a workspace: implements the engine's `ProjectContext`. */
export class ProjectIndex implements ProjectContext {
  private readonly modules = new Map<string, Promise<Module | undefined>>();
  private readonly loaded = new Map<string, Module | undefined>();
  private readonly byBaseName = new Map<string, string[]>();
  private known = new Set<string>();
  private config?: Promise<{ values: ConfigValue[]; env: Map<string, ConfigValue> }>;
  private configLoaded?: { values: ConfigValue[]; env: Map<string, ConfigValue> };
  private readonly used = new Map<string, Set<string>>();
  private readonly byDisplay = new Map<string, Module>();
  /** Files that mention a name, by name (for annotations on definitions used elsewhere). */
  private readonly mentions = new Map<string, Set<string>>();
  /** Files whose text contains a string, by extension and string (named policies). */
  private readonly textHits = new Map<string, string[]>();
  private readonly fullModules = new Map<string, Promise<Module | undefined>>();
  private readonly fullLoaded = new Map<string, Module | undefined>();
  private readonly validAnnotations = new WeakMap<Module, { day: string; list: Annotation[] }>();
  private mirth?: Promise<Module[]>;
  private mirthLoaded: Module[] = [];
  private usages?: Promise<UsageIndex>;
  private usagesLoaded?: UsageIndex;

  constructor(private project: ProjectFiles) {
    this.index(project.files);
  }

  /** The project's files changed (an editor's workspace finished its discovery, files were created or deleted). */
  setFiles(files: readonly string[]): void {
    this.project = { ...this.project, files };
    this.index(files);
    this.mentions.clear();
    this.textHits.clear();
    this.config = undefined;
    this.configLoaded = undefined;
  }

  /** A file's content changed: what was read from it is read again, and the files that used it are returned. */
  invalidate(file: string): string[] {
    this.modules.delete(file);
    this.loaded.delete(file);
    this.fullModules.delete(file);
    this.fullLoaded.delete(file);
    this.mentions.clear();
    this.textHits.clear();
    this.byDisplay.delete(this.project.display(file));
    if (formatForPath(file) !== 'code') {
      this.config = undefined;
      this.configLoaded = undefined;
    } else if (this.usagesLoaded?.files.has(file) || USAGE_MARKERS.some((m) => this.read(file)?.includes(m))) {
      this.usages = undefined;
      this.usagesLoaded = undefined;
    }
    const display = this.project.display(file);
    return [...this.used].filter(([, deps]) => deps.has(display)).map(([consumer]) => consumer);
  }

  private index(files: readonly string[]): void {
    this.known = new Set(files);
    this.byBaseName.clear();
    for (const f of files) {
      const base = nodePath.basename(f).replace(/\.[^.]+$/, '');
      const list = this.byBaseName.get(base);
      if (list) list.push(f);
      else this.byBaseName.set(base, [f]);
    }
  }

  async prepare(model: CodeModel, path: string): Promise<void> {
    const file = nodePath.resolve(this.project.root, path);
    // What the file used is recorded afresh each time it is analysed.
    this.used.delete(file);
    const targets = referencedFiles(this, model, file);
    await Promise.all(targets.map((t) => this.module(t)));
    if (CONFIG_HINT.test(model.text)) await this.configIndex();
    if (model.language === 'mirth') await this.mirthExports();
    const policies = namedPolicyWords(model);
    if (policies.length > 0) await Promise.all([...new Set(policies.flatMap((w) => this.filesMentioning(w, file)))].map((f) => this.fullModule(f)));
    if (declaresApplicable(model)) await this.usageIndex();
    model.external = new Lookup(this, model, file);
  }

  /**
   * Code files of the same language as `file`, other than it, whose text contains `word` (at most
   * `MAX_MENTIONING` of them): the other places that name the same policy.
   */
  filesMentioning(word: string, file: string): string[] {
    const key = `${nodePath.extname(file)}:${word}`;
    let found = this.textHits.get(key);
    if (!found) {
      found = [];
      for (const f of this.project.files) {
        if (nodePath.extname(f) !== nodePath.extname(file)) continue;
        const text = this.read(f);
        if (text !== undefined && text.length <= MAX_CONFIG_BYTES * 4 && text.includes(word)) found.push(f);
        if (found.length > MAX_MENTIONING) break;
      }
      this.textHits.set(key, found);
    }
    return found.filter((f) => f !== file).slice(0, MAX_MENTIONING);
  }

  annotationsAt(origin: Origin, now: Date): ForeignAnnotation[] {
    const module = this.byDisplay.get(origin.file);
    if (!module) return [];
    const day = now.toISOString().slice(0, 10);
    let valid = this.validAnnotations.get(module);
    if (!valid || valid.day !== day) {
      const annotations = module.text.includes(ANNOTATION_MARKER) ? parseAnnotations(module.parsed.comments, module.lines) : [];
      const constructs = annotations.length > 0 ? constructsByLine(module.parsed, module.lines) : new Map<number, Span>();
      for (const a of annotations) {
        a.target = constructs.get(a.targetLine);
        validateAnnotation(a, now);
      }
      valid = { day, list: annotations.filter((a) => a.target && a.problems.length === 0) };
      this.validAnnotations.set(module, valid);
    }
    const at = module.lines.offsetAt({ line: origin.line, character: origin.character });
    return valid.list
      .filter((a) => at >= a.target!.start && at < Math.max(a.target!.end, a.target!.start + 1))
      .map((annotation) => ({ annotation, file: module.display, range: module.lines.rangeOf(annotation.span.start, annotation.span.end) }));
  }

  mentionedElsewhere(path: string, name: string): boolean {
    const file = nodePath.resolve(this.project.root, path);
    let mentions = this.mentions.get(name);
    if (!mentions) {
      mentions = new Set<string>();
      const word = new RegExp(`(^|[^\\w$])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w$])`, 'i');
      for (const f of this.project.files) {
        const text = this.read(f);
        if (text !== undefined && text.length <= MAX_CONFIG_BYTES * 4 && word.test(text)) mentions.add(f);
      }
      this.mentions.set(name, mentions);
    }
    return [...mentions].some((f) => f !== file);
  }

  dependencies(path: string): readonly string[] {
    return [...(this.used.get(nodePath.resolve(this.project.root, path)) ?? [])].sort();
  }

  /** Records that the analysis of `consumer` used `dependency` (for cache keys). */
  noteUse(consumer: string, dependency: string): void {
    const set = this.used.get(consumer) ?? new Set<string>();
    set.add(dependency);
    this.used.set(consumer, set);
  }

  /** A file parsed with its function bodies (a policy is often defined inside a configuration lambda). */
  private fullModule(file: string): Promise<Module | undefined> {
    let pending = this.fullModules.get(file);
    if (!pending) {
      pending = (async () => {
        const text = this.read(file);
        if (text === undefined || text.length > MAX_CONFIG_BYTES * 4) return undefined;
        try {
          const parsed = await parseFile(file, text);
          return { file, display: this.project.display(file), text, lines: new LineIndex(text), parsed };
        } catch {
          return undefined;
        }
      })();
      pending.then((m) => {
        this.fullLoaded.set(file, m);
        // Annotations there document findings that name a place in it (a policy applied to a documented endpoint).
        if (m) this.byDisplay.set(m.display, m);
      });
      this.fullModules.set(file, pending);
    }
    return pending;
  }

  /** A module parsed with its function bodies in `prepare`, or undefined. */
  loadedFullModule(file: string): Module | undefined {
    return this.fullLoaded.get(file);
  }

  /** A loaded module (parsed in `prepare`), or undefined. */
  loadedModule(file: string): Module | undefined {
    return this.loaded.get(file);
  }

  /** The project's Mirth exports (parsed in `prepare` of a Mirth script), function bodies included. */
  loadedMirthExports(): readonly Module[] {
    return this.mirthLoaded;
  }

  loadedConfig(): { values: ConfigValue[]; env: Map<string, ConfigValue> } | undefined {
    return this.configLoaded;
  }

  exists(file: string): boolean {
    if (this.known.has(file)) return true;
    const inside = !nodePath.relative(this.project.root, file).startsWith('..');
    return inside && fs.existsSync(file) && fs.statSync(file).isFile();
  }

  filesNamed(base: string): string[] {
    return this.byBaseName.get(base) ?? [];
  }

  display(file: string): string {
    return this.project.display(file);
  }

  private read(file: string): string | undefined {
    if (this.project.read) return this.project.read(file);
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  }

  private module(file: string): Promise<Module | undefined> {
    let pending = this.modules.get(file);
    if (!pending) {
      pending = (async () => {
        const text = this.read(file);
        if (text === undefined || text.length > MAX_CONFIG_BYTES * 4) return undefined;
        try {
          // Only declarations matter here: function bodies are not lowered.
          const parsed = await parseFile(file, text, () => () => false);
          return { file, display: this.project.display(file), text, lines: new LineIndex(text), parsed };
        } catch {
          return undefined;
        }
      })();
      pending.then((m) => {
        this.loaded.set(file, m);
        if (m) this.byDisplay.set(m.display, m);
      });
      this.modules.set(file, pending);
    }
    return pending;
  }

  /**
   * Mirth channels and code-template libraries: a channel's scripts call the functions and read the
   * variables of the code templates enabled for it, and the global channel map its deploy script fills.
   * Parsed once per run, with function bodies (templates are mostly functions).
   */
  private mirthExports(): Promise<Module[]> {
    this.mirth ??= (async () => {
      const out: Module[] = [];
      for (const file of this.project.files) {
        if (formatForPath(file) !== 'xml') continue;
        const text = this.read(file);
        if (text === undefined || text.length > MAX_CONFIG_BYTES * 4 || !/<(channel|codeTemplateLibrary|codeTemplate)\b/.test(text)) continue;
        try {
          const parsed = await parseFile(file, text);
          if (parsed.language === 'mirth') out.push({ file, display: this.project.display(file), text, lines: new LineIndex(text), parsed });
        } catch {
          continue;
        }
      }
      this.mirthLoaded = out;
      return out;
    })();
    return this.mirth;
  }

  /** The paths each name is applied to across the project (`analysis/usages.ts`), read once per run from the files that may apply one. */
  loadedUsages(): UsageIndex | undefined {
    return this.usagesLoaded;
  }

  private usageIndex(): Promise<UsageIndex> {
    this.usages ??= (async () => {
      const index: UsageIndex = { byName: new Map(), links: new Map(), files: new Set() };
      for (const file of this.project.files) {
        // Test code registers guards only for its tests.
        if (formatForPath(file) !== 'code' || index.files.size >= MAX_USAGE_FILES || isTestPath(this.project.display(file))) continue;
        const text = this.read(file);
        if (text === undefined || text.length > MAX_CONFIG_BYTES * 4 || !USAGE_MARKERS.some((m) => text.includes(m))) continue;
        let parsed: ParsedFile;
        try {
          parsed = await parseFile(file, text);
        } catch {
          continue;
        }
        index.files.add(file);
        const module = { display: this.project.display(file), lines: new LineIndex(text) };
        for (const unit of parsed.codeUnits) {
          const { usages, links } = pathUsages(unit.model);
          for (const u of usages) {
            const list = index.byName.get(u.name) ?? [];
            list.push({ path: u.path, origin: originOf(module, { start: unit.toFile(u.at.start), end: unit.toFile(Math.max(u.at.start, u.at.end - 1)) + 1 }), file });
            index.byName.set(u.name, list);
          }
          for (const l of links) {
            const list = index.links.get(l.to) ?? [];
            if (!list.includes(l.from)) list.push(l.from);
            index.links.set(l.to, list);
          }
        }
      }
      this.usagesLoaded = index;
      return index;
    })();
    return this.usages;
  }

  private configIndex(): Promise<{ values: ConfigValue[]; env: Map<string, ConfigValue> }> {
    this.config ??= (async () => {
      const values: ConfigValue[] = [];
      const env = new Map<string, ConfigValue>();
      for (const file of this.project.files) {
        const format = formatForPath(file);
        if (format !== 'json' && format !== 'yaml' && format !== 'properties') continue;
        if (/^(package(-lock)?|tsconfig.*|composer|\.eslintrc.*|ehi-lint\.config)\.json$/i.test(nodePath.basename(file))) continue;
        let size = 0;
        try {
          size = fs.statSync(file).size;
        } catch {
          continue;
        }
        if (size > MAX_CONFIG_BYTES) continue;
        // FHIR resources, bundles and profiles are data, not settings: not parsed or kept for the index.
        if (format === 'json' && isFhirResourceText(this.read(file))) continue;
        const m = await this.module(file);
        if (!m?.parsed.config) continue;
        const profile = /^(application|bootstrap|appsettings|settings|config)[-.][\w-]+\.(ya?ml|properties|json)$/i.test(nodePath.basename(file));
        for (const root of m.parsed.config.roots) indexConfig(root, { display: m.display, lines: m.lines }, profile, values, env);
      }
      this.configLoaded = { values, env };
      return this.configLoaded;
    })();
    return this.config;
  }
}

/** A JSON document that opens as a FHIR resource (`{ "resourceType": ...`): examples, profiles, bundles. */
function isFhirResourceText(text: string | undefined): boolean {
  return text !== undefined && /^\uFEFF?\s*\{\s*"resourceType"\s*:/.test(text.slice(0, 512));
}

/* ---------------- names applied to paths in other files ---------------- */

interface UsageIndex {
  byName: Map<string, { path: string; origin: Origin; file: string }[]>;
  /** Names a registration links to others: a requirement to the policies made of it. */
  links: Map<string, string[]>;
  files: Set<string>;
}

/** At most this many files are read for the names they apply to paths. */
const MAX_USAGE_FILES = 400;

/** Whether a model declares something other files may apply to paths: a class with a base, or a function that takes a request. */
function declaresApplicable(model: CodeModel): boolean {
  let found = false;
  walk(model.root, (n) => {
    if (found) return false;
    if (n.kind === 'class' && n.bases.length > 0) found = true;
    else if (n.kind === 'function' && n.params.length >= 2 && /^(req|request|ctx|context)$/i.test(n.params[0].name)) found = true;
    return n.kind !== 'function';
  });
  return found;
}

/* ---------------- which files a piece of code refers to ---------------- */

/** Project files `model` reads values from: imported modules, and (Java, C#) classes whose constants it reads. */
function referencedFiles(index: ProjectIndex, model: CodeModel, file: string): string[] {
  const out = new Set<string>();
  for (const imp of [...model.imports(), ...requires(model)]) {
    const target = importTarget(index, model, file, imp);
    if (target) out.add(target);
  }
  if (model.language === 'java' || model.language === 'csharp') {
    for (const owner of constantOwners(model)) {
      const target = classFile(index, model, file, owner);
      if (target) out.add(target);
    }
  }
  if (model.language === 'python' && model.imports().some((i) => i.source === 'django.conf')) for (const s of djangoSettingsFiles(index)) out.add(s);
  out.delete(file);
  return [...out];
}

/** `const { X } = require('./x')` and `const x = require('./x')`, as imports. */
function requires(model: CodeModel): ImportNode[] {
  if (model.language !== 'javascript' && model.language !== 'typescript') return [];
  return model.memo('requires', () => {
    const out: ImportNode[] = [];
    walk(model.root, (n) => {
      if (n.kind !== 'variable' || n.value?.kind !== 'call' || calleeLast(n.value) !== 'require') return n.kind !== 'function';
      const source = n.value.args[0]?.value.kind === 'string' ? n.value.args[0].value.value : undefined;
      if (!source) return;
      const names = /^\{(.*)\}$/.exec(n.name.trim())?.[1].split(',').map((s) => s.trim().split(/\s*:\s*/)).filter((p) => p[0].length > 0).map(([imported, local]) => ({ imported, local: local ?? imported })) ?? [{ imported: '*', local: n.name }];
      out.push({ kind: 'import', source, names, start: n.start, end: n.end });
    });
    return out;
  });
}

/** The file an import names, when it is a file of this project. */
function importTarget(index: ProjectIndex, model: CodeModel, file: string, imp: ImportNode): string | undefined {
  const source = imp.source;
  switch (model.language) {
    case 'typescript':
    case 'javascript':
    case 'mirth': {
      if (!source.startsWith('.')) return undefined;
      const base = nodePath.resolve(nodePath.dirname(file), source);
      const candidates = nodePath.extname(base) ? [base] : [...CODE_EXTENSIONS, ...DATA_EXTENSIONS].map((e) => base + e).concat(CODE_EXTENSIONS.map((e) => nodePath.join(base, `index${e}`)));
      return candidates.find((c) => index.exists(c));
    }
    case 'python':
      return pythonModule(index, file, source);
    case 'java': {
      // `com.acme.Constants` or, for a static import, `com.acme.Constants.ALLOWED`.
      const parts = source.split('.');
      for (const cut of [parts.length, parts.length - 1]) {
        const cls = parts[cut - 1];
        if (!cls || !/^[A-Z]/.test(cls)) continue;
        const suffix = `${parts.slice(0, cut).join('/')}.java`;
        const hit = index.filesNamed(cls).find((f) => f.split(nodePath.sep).join('/').endsWith(suffix));
        if (hit) return hit;
      }
      return undefined;
    }
    case 'csharp': {
      // `using static Acme.Constants;` names a class; a plain `using` names a namespace.
      const last = source.split('.').pop() ?? '';
      return /^[A-Z]/.test(last) ? uniqueClassFile(index, file, last) : undefined;
    }
    default:
      return undefined;
  }
}

/** `.constants`, `..core.constants`, `app.core.constants` → the module's file (`constants.py` or `constants/__init__.py`). */
function pythonModule(index: ProjectIndex, file: string, source: string): string | undefined {
  const dots = /^\.*/.exec(source)![0].length;
  const parts = source.slice(dots).split('.').filter((p) => p.length > 0);
  const candidatesUnder = (dir: string): string[] => {
    const base = nodePath.join(dir, ...parts);
    return parts.length === 0 ? [nodePath.join(dir, '__init__.py')] : [`${base}.py`, nodePath.join(base, '__init__.py')];
  };
  if (dots > 0) {
    let dir = nodePath.dirname(file);
    for (let i = 1; i < dots; i++) dir = nodePath.dirname(dir);
    return candidatesUnder(dir).find((c) => index.exists(c));
  }
  // An absolute module path: from the file's folder upwards (source roots such as `src/` or a service folder).
  for (let dir = nodePath.dirname(file), i = 0; i < 8; dir = nodePath.dirname(dir), i++) {
    const hit = candidatesUnder(dir).find((c) => index.exists(c));
    if (hit) return hit;
    if (nodePath.dirname(dir) === dir) break;
  }
  return undefined;
}

/** Django's settings modules: `settings.py`, or the modules of a `settings/` package. */
function djangoSettingsFiles(index: ProjectIndex): string[] {
  return [...index.filesNamed('settings'), ...['base', 'common', 'production', 'prod'].flatMap((n) => index.filesNamed(n).filter((f) => nodePath.basename(nodePath.dirname(f)) === 'settings'))].filter((f) => f.endsWith('.py'));
}

/** Capitalised names whose constant members the code reads (`Constants.ALLOWED_TYPES`, `ResourceGroups.Clinical`) and that the file does not declare. */
function constantOwners(model: CodeModel): string[] {
  const declared = new Set<string>();
  const owners = new Set<string>();
  walk(model.root, (n) => {
    if (n.kind === 'class' || n.kind === 'enum') declared.add(n.name);
    if (n.kind !== 'member' || n.object.kind !== 'name') return;
    const owner = n.object.name;
    const callee = n.parent?.kind === 'call' && n.parent.callee === n;
    if (!/^[A-Z][A-Za-z0-9_]*$/.test(owner) || NOT_PROJECT_CLASSES.has(owner) || callee) return;
    if (/^[A-Z][A-Z0-9_]*$/.test(n.property) || (model.language === 'csharp' && /^[A-Z]/.test(n.property))) owners.add(owner);
  });
  return [...owners].filter((o) => !declared.has(o));
}

function classFile(index: ProjectIndex, model: CodeModel, file: string, cls: string): string | undefined {
  if (model.language === 'java') {
    const explicit = model.imports().find((i) => i.names.some((b) => b.local === cls));
    if (explicit) return importTarget(index, model, file, explicit);
    const samePackage = nodePath.join(nodePath.dirname(file), `${cls}.java`);
    if (index.exists(samePackage)) return samePackage;
    const wildcards = model.imports().filter((i) => i.names.some((b) => b.imported === '*'));
    for (const w of wildcards) {
      const suffix = `${w.source.split('.').join('/')}/${cls}.java`;
      const hit = index.filesNamed(cls).find((f) => f.split(nodePath.sep).join('/').endsWith(suffix));
      if (hit) return hit;
    }
    return undefined;
  }
  return uniqueClassFile(index, file, cls);
}

/** A C# class's file: `Name.cs`, the nearest one when several projects have one. */
function uniqueClassFile(index: ProjectIndex, file: string, cls: string): string | undefined {
  const ext = nodePath.extname(file);
  const candidates = index.filesNamed(cls).filter((f) => nodePath.extname(f) === ext);
  if (candidates.length <= 1) return candidates[0];
  const shared = (f: string): number => {
    const a = nodePath.dirname(file).split(nodePath.sep);
    const b = nodePath.dirname(f).split(nodePath.sep);
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return i;
  };
  return [...candidates].sort((x, y) => shared(y) - shared(x))[0];
}

/* ---------------- named policies ---------------- */

/** Most files loaded for one policy name: a name in more files than this is too common to follow. */
const MAX_MENTIONING = 40;

/**
 * Calls and attributes that define or apply a policy by name (ASP.NET Core rate limiting:
 * `AddFixedWindowLimiter("fhir")` ... `[EnableRateLimiting("fhir")]`, `.RequireRateLimiting("fhir")`).
 */
const NAMED_POLICY_CALL = /^(Add(FixedWindow|SlidingWindow|TokenBucket|Concurrency)Limiter|AddPolicy|RequireRateLimiting|EnableRateLimiting)$/;

/**
 * What to search the project for to find the other places naming the same policies as `model`:
 * a literal name with its quotes (`"fhir"`), or the constant a name is read from (`FhirRead` of
 * `LimiterPolicies.FhirRead`).
 */
function namedPolicyWords(model: CodeModel): string[] {
  if (model.language !== 'csharp') return [];
  return model.memo('namedPolicyWords', () => {
    const out = new Set<string>();
    walk(model.root, (n) => {
      if (n.kind !== 'call' || !NAMED_POLICY_CALL.test(calleeLast(n))) return;
      // `AddPolicy` of the rate limiter only (authorization and CORS policies have names too).
      if (calleeLast(n) === 'AddPolicy' && !insideCallTo(n, 'AddRateLimiter')) return;
      const arg = n.args[0]?.value;
      if (arg?.kind === 'string' && arg.value.length > 0) out.add(`"${arg.value}"`);
      else if (arg && (arg.kind === 'member' || arg.kind === 'name')) out.add(dotted(arg).split('.').pop() ?? '');
    });
    out.delete('');
    return [...out];
  });
}

function insideCallTo(node: IrNode, name: string): boolean {
  for (let p = node.parent; p; p = p.parent) if (p.kind === 'call' && calleeLast(p) === name) return true;
  return false;
}

/* ---------------- the lookup a code model is given ---------------- */

class Lookup implements ExternalLookup {
  private readonly memo = new Map<IrNode, IrNode | null>();

  constructor(
    private readonly index: ProjectIndex,
    private readonly model: CodeModel,
    private readonly file: string,
  ) {}

  lookup(model: CodeModel, node: IrNode): IrNode | undefined {
    if (model !== this.model) return undefined;
    const known = this.memo.get(node);
    if (known !== undefined) return known ?? undefined;
    this.memo.set(node, null);
    let value: IrNode | undefined;
    try {
      value = this.find(node);
    } catch {
      value = undefined;
    }
    this.memo.set(node, value ?? null);
    return value;
  }

  private find(node: IrNode): IrNode | undefined {
    switch (node.kind) {
      case 'name':
        return this.importedName(node.name, node) ?? this.injectedValue(node.name, node) ?? this.mirthTemplateValue(node.name, node);
      case 'member':
        return this.memberValue(node.object, node.property, node);
      case 'index': {
        const key = stringValue(this.model, node.index);
        return key === undefined ? undefined : this.keyedValue(node.object, key, node);
      }
      case 'call':
        return this.configCall(node) ?? this.mirthMapValue(node);
      default:
        return undefined;
    }
  }

  private imports(): ImportNode[] {
    return [...this.model.imports(), ...requires(this.model)];
  }

  codeMentioning(model: CodeModel, word: string): { model: CodeModel; locate(span: Span): Origin }[] {
    if (model !== this.model) return [];
    const out: { model: CodeModel; locate(span: Span): Origin }[] = [];
    for (const f of this.index.filesMentioning(word, this.file)) {
      const module = this.index.loadedFullModule(f);
      if (!module || module.parsed.codeUnits.length !== 1) continue;
      this.index.noteUse(this.file, module.display);
      const unit = module.parsed.codeUnits[0];
      out.push({ model: unit.model, locate: (span: Span) => originOf(module, { start: unit.toFile(span.start), end: unit.toFile(Math.max(span.start, span.end - 1)) + 1 }) });
    }
    return out;
  }

  pathsApplying(name: string): { path: string; origin: Origin }[] {
    const index = this.index.loadedUsages();
    if (!index) return [];
    const out: { path: string; origin: Origin }[] = [];
    const seen = new Set<string>();
    const visit = (n: string, depth: number): void => {
      if (seen.has(n) || depth > 2) return;
      seen.add(n);
      for (const u of index.byName.get(n) ?? []) {
        if (u.file === this.file) continue;
        this.index.noteUse(this.file, u.origin.file);
        out.push({ path: u.path, origin: u.origin });
      }
      for (const from of index.links.get(n) ?? []) visit(from, depth + 1);
    };
    visit(name, 0);
    return out;
  }

  functionNamed(model: CodeModel, name: string): { fn: FunctionNode; model: CodeModel; origin: Origin; locate(span: Span): Origin } | undefined {
    if (model !== this.model || model.language !== 'mirth') return undefined;
    for (const { module, unit, node } of this.mirthTemplateDeclarations(name)) {
      if (node.kind !== 'function') continue;
      this.index.noteUse(this.file, module.display);
      const locate = (span: Span): Origin => originOf(module, { start: unit.toFile(span.start), end: unit.toFile(Math.max(span.start, span.end - 1)) + 1 });
      return { fn: node, model: unit.model, origin: locate(node), locate };
    }
    return undefined;
  }

  /** Top-level declarations named `name` in the code templates of the project's Mirth exports. */
  private mirthTemplateDeclarations(name: string): { module: Module; unit: CodeUnit; node: FunctionNode | VariableNode }[] {
    const out: { module: Module; unit: CodeUnit; node: FunctionNode | VariableNode }[] = [];
    for (const module of this.index.loadedMirthExports()) {
      for (const unit of module.parsed.codeUnits) {
        if (unit.model.embedding?.element !== 'code') continue;
        for (const n of unit.model.root.body) if ((n.kind === 'function' || n.kind === 'variable') && n.name === name) out.push({ module, unit, node: n });
      }
    }
    return out;
  }

  /** A variable of a Mirth code template (`HIE_EXCLUDED_RESOURCE_TYPES` used by a channel's filter). */
  private mirthTemplateValue(name: string, at: IrNode): IrNode | undefined {
    if (this.model.language !== 'mirth') return undefined;
    const found = this.mirthTemplateDeclarations(name).filter((d) => d.node.kind === 'variable' && d.node.value);
    if (found.length !== 1) return undefined;
    const { module, unit, node } = found[0];
    return this.copyFromUnit(module, unit, node as VariableNode, at);
  }

  /**
   * `$gc('key')` / `globalChannelMap.get('key')`: what the channel's deploy script puts there;
   * `$g('key')` / `globalMap.get('key')`: what any Mirth script of the project puts there.
   */
  private mirthMapValue(call: IrNode): IrNode | undefined {
    if (this.model.language !== 'mirth' || call.kind !== 'call' || call.args.length !== 1) return undefined;
    const map = mirthMap(call);
    const key = map && stringValue(this.model, call.args[0].value);
    if (!map || key === undefined) return undefined;
    const puts: { module: Module; unit: CodeUnit; value: IrNode; site: IrNode }[] = [];
    for (const module of this.index.loadedMirthExports()) {
      if (map === 'channel' && module.file !== this.file) continue;
      for (const unit of module.parsed.codeUnits) {
        walk(unit.model.root, (n) => {
          if (n.kind === 'call' && n.args.length === 2 && mirthMap(n) === map && stringValue(unit.model, n.args[0].value) === key) puts.push({ module, unit, value: n.args[1].value, site: n });
          return n.kind !== 'function';
        });
      }
    }
    if (puts.length !== 1) return undefined;
    const { module, unit, value, site } = puts[0];
    this.index.noteUse(this.file, module.display);
    const copied = copyValue(unit.model, value, call, { count: 0 }, 0);
    if (copied) copied.origin = originOf(module, { start: unit.toFile(site.start), end: unit.toFile(Math.max(site.start, site.end - 1)) + 1 });
    return copied;
  }

  private copyFromUnit(module: Module, unit: CodeUnit, declaration: VariableNode, at: IrNode): IrNode | undefined {
    if (!declaration.value) return undefined;
    this.index.noteUse(this.file, module.display);
    const copied = copyValue(unit.model, declaration.value, at, { count: 0 }, 0);
    if (copied) copied.origin = originOf(module, { start: unit.toFile(declaration.start), end: unit.toFile(Math.max(declaration.start, declaration.end - 1)) + 1 });
    return copied;
  }

  /** A name bound by an import: the imported module's binding of that name. */
  private importedName(name: string, at: IrNode): IrNode | undefined {
    for (const imp of this.imports()) {
      const binding = imp.names.find((b) => b.local === name);
      if (!binding || binding.imported === '*') continue;
      const target = importTarget(this.index, this.model, this.file, imp);
      const module = target && this.index.loadedModule(target);
      if (!module) continue;
      if (module.parsed.config) return this.fromConfigModule(module, binding.imported === 'default' ? [] : [binding.imported], at);
      // Java static import `com.acme.Constants.ALLOWED`, C# `using static`: a member of the class.
      const owner = this.model.language === 'java' || this.model.language === 'csharp' ? classIn(module, imp.source.split('.').pop() ?? '') ?? classIn(module, nodePath.basename(target!).replace(/\.\w+$/, '')) : undefined;
      const declaration = owner ? memberOf(owner, binding.imported) : topLevel(module, binding.imported);
      if (declaration) return this.copy(module, declaration, at);
    }
    return undefined;
  }

  /** `Owner.NAME`: a namespace import's member, an imported object's property, a class's constant, a Django setting, `process.env.X`. */
  private memberValue(object: IrNode, property: string, at: IrNode): IrNode | undefined {
    const ownerText = dotted(object);
    if (ownerText === 'process.env' || ownerText === 'import.meta.env') return this.envValue(property, at);
    // `settings.portal.release.holdHours` where `settings` is an imported JSON/YAML module: the whole key path.
    if (object.kind === 'member') {
      const path = [property];
      let root: IrNode = object;
      while (root.kind === 'member') {
        path.unshift(root.property);
        root = root.object;
      }
      if (root.kind === 'name') {
        const rootName = root.name;
        for (const imp of this.imports()) {
          const binding = imp.names.find((b) => b.local === rootName);
          if (!binding) continue;
          const target = importTarget(this.index, this.model, this.file, imp);
          const module = target ? this.index.loadedModule(target) : undefined;
          if (module?.parsed.config) return this.fromConfigModule(module, binding.imported === '*' || binding.imported === 'default' ? path : [binding.imported, ...path], at);
        }
      }
    }
    if (object.kind === 'name') {
      for (const imp of this.imports()) {
        const binding = imp.names.find((b) => b.local === object.name);
        if (!binding) continue;
        if (imp.source === 'django.conf' && binding.imported === 'settings') return this.djangoSetting(property, at);
        const target = importTarget(this.index, this.model, this.file, imp);
        const module = target && this.index.loadedModule(target);
        if (!module) continue;
        if (module.parsed.config) return this.fromConfigModule(module, binding.imported === '*' || binding.imported === 'default' ? [property] : [binding.imported, property], at);
        if (binding.imported === '*' || this.model.language === 'python') {
          const declaration = topLevel(module, property);
          if (declaration) return this.copy(module, declaration, at);
          continue;
        }
        const owner = classIn(module, binding.imported);
        const declaration = owner ? memberOf(owner, property) : propertyOf(module, binding.imported, property);
        if (declaration) return this.copy(module, declaration, at);
      }
      if ((this.model.language === 'java' || this.model.language === 'csharp') && /^[A-Z]/.test(object.name) && this.model.variables(object.name).length === 0) {
        const target = classFile(this.index, this.model, this.file, object.name);
        const module = target && this.index.loadedModule(target);
        const owner = module && classIn(module, object.name);
        const declaration = owner && memberOf(owner, property);
        if (module && declaration) return this.copy(module, declaration, at);
      }
    }
    // `this.delayHours` with `@Value("${...}")` on the field; `props.delayHours` of a `@ConfigurationProperties` class; `_options.Value.DelayHours`.
    if (object.kind === 'name' && (object.name === 'this' || object.name === 'self')) return this.injectedValue(property, at);
    return this.boundProperty(object, property, at);
  }

  /** `config["a"]["b"]`, `os.environ["X"]`, `app.config["X"]`, `Configuration["A:B"]`. */
  private keyedValue(object: IrNode, key: string, at: IrNode): IrNode | undefined {
    const owner = dotted(object);
    if (/(^|\.)environ$/.test(owner) || owner === 'process.env') return this.envValue(key, at);
    const chain: string[] = [key];
    let base: IrNode = object;
    while (base.kind === 'index') {
      const k = stringValue(this.model, base.index);
      if (k === undefined) return undefined;
      chain.unshift(k);
      base = base.object;
    }
    const baseName = dotted(base).split('.').pop() ?? '';
    if (!CONFIG_RECEIVER.test(identifierWords(baseName).join('_')) && !CONFIG_RECEIVER.test(baseName)) return undefined;
    return this.configValue(chain.flatMap(splitKey), at);
  }

  /** `config.get('a.b')`, `configService.get<number>('A')`, `env.getProperty("a.b", d)`, `configuration.GetValue<int>("A:B", d)`, `os.getenv("X", d)`, `getattr(settings, "X", d)`. */
  private configCall(call: IrNode): IrNode | undefined {
    if (call.kind !== 'call' || call.isDecorator) return undefined;
    const name = calleeLast(call);
    const receiver = call.callee.kind === 'member' ? call.callee.object : undefined;
    const receiverName = receiver ? dotted(receiver).split('.').pop() ?? '' : '';
    const key = stringValue(this.model, call.args[0]?.value);
    const fallback = call.args[1]?.value;
    if (key === undefined) {
      if (name === 'getattr' && call.args.length >= 2 && dotted(call.args[0].value) === 'settings') {
        const attr = stringValue(this.model, call.args[1].value);
        return attr ? this.djangoSetting(attr, call) ?? call.args[2]?.value : undefined;
      }
      return undefined;
    }
    if ((name === 'getenv' && (!receiver || dotted(receiver) === 'os')) || (name === 'get' && receiver && /(^|\.)environ$/.test(dotted(receiver)))) return this.envValue(key, call) ?? fallback;
    if (/^(get|getProperty|getValue|GetValue|getOrDefault|getString|getInt|getNumber|getBoolean)$/.test(name) && receiver && (CONFIG_RECEIVER.test(identifierWords(receiverName).join('_')) || CONFIG_RECEIVER.test(receiverName.replace(/^_+/, '')))) {
      const defaultArg = name === 'getProperty' ? call.args[call.args.length - 1]?.value : fallback;
      return this.configValue(splitKey(key), call) ?? (call.args.length >= 2 && defaultArg?.kind !== 'member' ? defaultArg : undefined);
    }
    return undefined;
  }

  /** A field or parameter whose value is injected from configuration: Spring `@Value("${a.b:default}")`. */
  private injectedValue(name: string, at: IrNode): IrNode | undefined {
    const decorated: { decorators: VariableNode['decorators'] }[] = [...this.model.variables(name).filter((v) => v.value === undefined), ...parametersNamed(this.model, at, name)];
    for (const d of decorated) {
      for (const dec of d.decorators) {
        if (dotted(dec.callee).split('.').pop() !== 'Value') continue;
        const expression = stringValue(this.model, argument(dec, 0, 'value')?.value);
        const m = expression && /^\$\{([^}:]+)(?::([^}]*))?\}$/.exec(expression.trim());
        if (!m) continue;
        return this.configValue(splitKey(m[1]), at) ?? (m[2] !== undefined ? synthetic(m[2], at) : undefined);
      }
    }
    return undefined;
  }

  /**
   * A property of an object whose class is bound to configuration: a Spring `@ConfigurationProperties(prefix)`
   * class (`props.delayHours`, `props.getDelayHours()`), an ASP.NET Core options class (`_options.Value.DelayHours`).
   */
  private boundProperty(object: IrNode, property: string, at: IrNode): IrNode | undefined {
    let receiver = object;
    // IOptions<T>.Value, IOptionsMonitor<T>.CurrentValue
    if (receiver.kind === 'member' && (receiver.property === 'Value' || receiver.property === 'CurrentValue')) receiver = receiver.object;
    const receiverName = receiver.kind === 'name' ? receiver.name : receiver.kind === 'member' && receiver.object.kind === 'name' && (receiver.object.name === 'this' || receiver.object.name === 'self') ? receiver.property : undefined;
    if (!receiverName) return undefined;
    const type = declaredType(this.model, receiverName, at);
    if (!type) return undefined;
    const optionsType = /^(?:I?Options(?:Monitor|Snapshot)?)<\s*([\w.]+)\s*>$/.exec(type)?.[1] ?? type;
    const typeName = optionsType.split('.').pop() ?? optionsType;
    if (this.model.language === 'csharp') {
      if (!/(Options|Settings|Config|Configuration)$/.test(typeName) && optionsType === type) return undefined;
      const section = typeName.replace(/(Options|Settings|Config|Configuration)$/, '');
      return this.configValue([...splitKey(section), ...splitKey(property)], at) ?? this.configValue([typeName, property].flatMap(splitKey), at);
    }
    if (this.model.language === 'java') {
      const cls = this.classNamed(typeName);
      const prefixDecorator = cls?.decorators.find((d) => dotted(d.callee).split('.').pop() === 'ConfigurationProperties');
      const prefix = prefixDecorator && stringValue(this.model, argument(prefixDecorator, 0, 'prefix', 'value')?.value);
      if (!prefix) return undefined;
      return this.configValue([...splitKey(prefix), ...splitKey(property.replace(/^(get|is)(?=[A-Z])/, ''))], at);
    }
    return undefined;
  }

  private classNamed(name: string): ClassNode | EnumNode | undefined {
    let found: ClassNode | undefined;
    walk(this.model.root, (n) => {
      if (found) return false;
      if (n.kind === 'class' && n.name === name) found = n;
    });
    if (found) return found;
    const target = classFile(this.index, this.model, this.file, name);
    const module = target && this.index.loadedModule(target);
    return module ? classIn(module, name) : undefined;
  }

  private djangoSetting(name: string, at: IrNode): IrNode | undefined {
    for (const f of djangoSettingsFiles(this.index)) {
      const module = this.index.loadedModule(f);
      const declaration = module && topLevel(module, name);
      if (module && declaration) return this.copy(module, declaration, at);
    }
    return this.configValue(splitKey(name), at);
  }

  private envValue(name: string, at: IrNode): IrNode | undefined {
    const config = this.index.loadedConfig();
    const hit = config?.env.get(name);
    if (hit) return this.fromConfig(hit, at);
    // Spring and .NET map environment variables onto keys: RESULTS_RELEASE_DELAY_HOURS, Results__DelayHours.
    return this.configValue(name.includes('__') ? name.split('__') : [name], at, true);
  }

  /** A configuration key: the value where exactly one non-profile value (or else one value) is written under a key path ending in these segments. */
  private configValue(segments: string[], at: IrNode, joined = false): IrNode | undefined {
    const config = this.index.loadedConfig();
    if (!config || segments.length === 0) return undefined;
    const wanted = segments.map(normaliseKey).filter((s) => s.length > 0);
    const matches = config.values.filter((v) => (joined ? v.segments.join('').endsWith(wanted.join('')) : endsWith(v.segments, wanted)));
    if (matches.length === 0) return undefined;
    const pick = (list: ConfigValue[]): ConfigValue | undefined => {
      const distinct = new Set(list.map((v) => JSON.stringify(scalar(v.node) ?? v.node.kind)));
      return distinct.size === 1 ? list[0] : undefined;
    };
    const chosen = pick(matches.filter((m) => !m.profile)) ?? pick(matches);
    return chosen ? this.fromConfig(chosen, at) : undefined;
  }

  /** A value in a JSON/YAML module the code imports (`import settings from './release.json'`). */
  private fromConfigModule(module: Module, path: string[], at: IrNode): IrNode | undefined {
    let node: ConfigNode | undefined = module.parsed.config?.roots[0];
    for (const key of path) {
      if (node?.kind !== 'map') return undefined;
      node = node.entries.find((e) => e.key === key)?.value;
    }
    if (!node) return undefined;
    this.index.noteUse(this.file, module.display);
    return configToIr(node, at, originOf({ display: module.display, lines: module.lines }, node.entry ?? node));
  }

  private fromConfig(value: ConfigValue, at: IrNode): IrNode {
    this.index.noteUse(this.file, value.module.display);
    return configToIr(value.node, at, originOf(value.module, value.node.entry ?? value.node));
  }

  /** Copies a declaration's value into this model: names inside it resolved in their own module, offsets those of the reference. */
  private copy(module: Module, declaration: Declaration, at: IrNode): IrNode | undefined {
    this.index.noteUse(this.file, module.display);
    const origin = originOf(module, declaration.site);
    if (declaration.kind === 'enum') return { kind: 'array', elements: declaration.node.members.map((m) => ({ kind: 'member', object: { kind: 'name', name: declaration.node.name, start: at.start, end: at.end }, property: m.name, propertyStart: at.start, start: at.start, end: at.end })), start: at.start, end: at.end, origin };
    const unit = module.parsed.codeUnits[0];
    if (!unit || !declaration.value) return undefined;
    const copied = copyValue(unit.model, declaration.value, at, { count: 0 }, 0);
    if (!copied) return undefined;
    copied.origin = origin;
    return copied;
  }
}

/** Which Mirth map a call reads or writes: `$gc`/`globalChannelMap.get|put` the channel's, `$g`/`globalMap.get|put` the server's. */
function mirthMap(call: IrNode): 'channel' | 'global' | undefined {
  if (call.kind !== 'call') return undefined;
  const callee = dotted(call.callee);
  if (callee === '$gc' || callee === 'globalChannelMap.get' || callee === 'globalChannelMap.put') return 'channel';
  if (callee === '$g' || callee === 'globalMap.get' || callee === 'globalMap.put') return 'global';
  return undefined;
}

/* ---------------- declarations in another module ---------------- */

type Declaration = { kind: 'value'; value?: IrNode; site: Span } | { kind: 'enum'; node: EnumNode; site: Span };

function topLevel(module: Module, name: string): Declaration | undefined {
  const root = module.parsed.codeUnits[0]?.model.root;
  if (!root) return undefined;
  if (name === 'default') {
    // `export default { ... }`: the statement after `export default`.
    const at = module.text.search(/\bexport\s+default\s+/);
    if (at < 0) return undefined;
    const node = root.body.find((n) => n.start > at && n.start - at < 40);
    return node ? { kind: 'value', value: node, site: node } : undefined;
  }
  for (const n of root.body) {
    if (n.kind === 'variable' && n.name === name) return { kind: 'value', value: n.value, site: n };
    if (n.kind === 'enum' && n.name === name) return { kind: 'enum', node: n, site: n };
    if (n.kind === 'assign' && n.target.kind === 'name' && n.target.name === name) return { kind: 'value', value: n.value, site: n };
    // `module.exports = { NAME: ... }`
    if (n.kind === 'assign' && dotted(n.target) === 'module.exports' && n.value.kind === 'object') {
      const p = n.value.properties.find((x) => x.key === name);
      if (p) return { kind: 'value', value: p.value, site: p };
    }
  }
  // TS namespaces and Python `if`-guarded module constants are rare; classes hold the rest.
  return undefined;
}

/** `Owner.NAME` where `Owner` is an object literal exported by the module. */
function propertyOf(module: Module, owner: string, property: string): Declaration | undefined {
  const base = topLevel(module, owner);
  if (base?.kind === 'enum') {
    const member = base.node.members.find((m) => m.name === property);
    return member ? { kind: 'value', value: member.value, site: member } : undefined;
  }
  const value = base?.value;
  if (value?.kind !== 'object') return undefined;
  const p = value.properties.find((x) => x.key === property);
  return p ? { kind: 'value', value: p.value, site: p } : undefined;
}

function classIn(module: Module, name: string): ClassNode | EnumNode | undefined {
  let found: ClassNode | EnumNode | undefined;
  const root = module.parsed.codeUnits[0]?.model.root;
  if (!root) return undefined;
  walk(root, (n) => {
    if (found) return false;
    if ((n.kind === 'class' || n.kind === 'enum') && n.name === name) found = n;
    return n.kind !== 'function';
  });
  return found;
}

function memberOf(owner: ClassNode | EnumNode, name: string): Declaration | undefined {
  if (owner.kind === 'enum') {
    const member = owner.members.find((m) => m.name === name);
    return member ? { kind: 'value', value: member.value, site: member } : undefined;
  }
  for (const m of owner.members) if (m.kind === 'variable' && m.name === name) return { kind: 'value', value: m.value, site: m };
  // A nested enum used as a list of its members (`Constants.Channel`).
  for (const m of owner.members) if (m.kind === 'enum' && m.name === name) return { kind: 'enum', node: m, site: m };
  return undefined;
}

/* ---------------- copying values ---------------- */

/** A deep copy of `node` from another model with the reference's offsets; names inside are resolved in their own model first. */
function copyValue(model: CodeModel, node: IrNode, at: Span, budget: { count: number }, depth: number): IrNode | undefined {
  if (++budget.count > MAX_COPIED_NODES || depth > 6) return undefined;
  let source = node;
  if (node.kind === 'name' || (node.kind === 'member' && /^[A-Z_][A-Z0-9_]*$/.test(node.property))) {
    const resolved = resolve(model, node);
    if (resolved && resolved !== node) source = resolved;
  }
  if (source.kind === 'function') return { kind: 'other', type: 'function', children: [], start: at.start, end: at.end };
  const copy = { ...source, start: at.start, end: at.end, parent: undefined } as IrNode;
  const child = (n: IrNode): IrNode => copyValue(model, n, at, budget, depth + 1) ?? { kind: 'other', type: 'elided', children: [], start: at.start, end: at.end };
  switch (copy.kind) {
    case 'array':
      copy.elements = copy.elements.map(child);
      break;
    case 'object':
      copy.properties = copy.properties.map((p) => ({ ...p, start: at.start, end: at.end, keyStart: at.start, keyEnd: at.end, value: child(p.value) }));
      break;
    case 'call':
      copy.callee = child(copy.callee);
      copy.args = copy.args.map((a) => ({ ...a, start: at.start, end: at.end, value: child(a.value) }));
      if (copy.initializer) copy.initializer = child(copy.initializer) as typeof copy.initializer;
      break;
    case 'member':
      copy.object = child(copy.object);
      copy.propertyStart = at.start;
      break;
    case 'binary':
      copy.left = child(copy.left);
      copy.right = child(copy.right);
      break;
    case 'unary':
      copy.operand = child(copy.operand);
      break;
    case 'conditional':
      copy.test = child(copy.test);
      copy.consequent = child(copy.consequent);
      copy.alternate = child(copy.alternate);
      break;
    case 'other':
      copy.children = copy.children.map(child);
      break;
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'name':
      break;
    default:
      return { kind: 'other', type: copy.kind, children: [], start: at.start, end: at.end };
  }
  forEachChild(copy, (c) => {
    c.parent = copy;
  });
  return copy;
}

function configToIr(node: ConfigNode, at: Span, origin?: Origin): IrNode {
  const base = { start: at.start, end: at.end };
  let out: IrNode;
  if (node.kind === 'scalar') {
    const v = node.value;
    out = typeof v === 'number' ? { kind: 'number', value: v, raw: String(v), ...base } : typeof v === 'boolean' ? { kind: 'boolean', value: v, ...base } : v === null ? { kind: 'null', ...base } : { kind: 'string', value: v, interpolated: false, ...base };
  } else if (node.kind === 'seq') out = { kind: 'array', elements: node.items.map((i) => configToIr(i, at)), ...base };
  else out = { kind: 'object', properties: node.entries.map((e) => ({ key: e.key, keyStart: at.start, keyEnd: at.end, value: configToIr(e.value, at), ...base })), ...base };
  forEachChild(out, (c) => {
    c.parent = out;
  });
  if (origin) out.origin = origin;
  return out;
}

function synthetic(text: string, at: Span): IrNode {
  const trimmed = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return { kind: 'number', value: Number(trimmed), raw: trimmed, start: at.start, end: at.end };
  if (trimmed === 'true' || trimmed === 'false') return { kind: 'boolean', value: trimmed === 'true', start: at.start, end: at.end };
  return { kind: 'string', value: text, interpolated: false, start: at.start, end: at.end };
}

function originOf(module: { display: string; lines: LineIndex }, span: Span): Origin {
  const range = module.lines.rangeOf(span.start, span.end);
  return { file: module.display, line: range.start.line, character: range.start.character, endLine: range.end.line, endCharacter: range.end.character };
}

/* ---------------- configuration index ---------------- */

function indexConfig(root: ConfigNode, module: { display: string; lines: LineIndex }, profile: boolean, values: ConfigValue[], env: Map<string, ConfigValue>): void {
  for (const node of descendants(root)) {
    if (node.kind === 'map') continue;
    // docker-compose `environment:` (map or `- KEY=value`), Kubernetes `env: [{ name, value }]`.
    const parentKey = node.parent?.entry?.key ?? '';
    if (node.kind === 'scalar' && /^environment$/i.test(parentKey) && node.entry) env.set(node.entry.key, { segments: [], node, module, profile });
    if (node.kind === 'scalar' && node.parent?.kind === 'seq' && /^environment$/i.test(node.parent.entry?.key ?? '')) {
      const m = /^([A-Za-z_][\w.]*)=(.*)$/.exec(scalarString(node) ?? '');
      if (m) env.set(m[1], { segments: [], node: { ...node, value: m[2] }, module, profile });
    }
    if (node.entry?.key === 'value' && node.parent?.kind === 'map' && node.parent.parent?.kind === 'seq' && /^env$/i.test(node.parent.parent.entry?.key ?? '')) {
      const name = scalarString(node.parent.entries.find((e) => e.key === 'name')?.value);
      if (name) env.set(name, { segments: [], node, module, profile });
    }
    const segments = keyPath(node);
    if (segments !== undefined) values.push({ segments: segments.map(normaliseKey), node, module, profile });
  }
}

/** Keys from the root to a scalar or list; undefined for items inside lists (they are read through their list). */
function keyPath(node: ConfigNode): string[] | undefined {
  const out: string[] = [];
  for (let n: ConfigNode | undefined = node; n?.parent; n = n.parent) {
    if (n.parent.kind === 'seq') return undefined;
    if (!n.entry) return undefined;
    out.unshift(...n.entry.key.split('.'));
  }
  return out.length > 0 ? out : undefined;
}

function splitKey(key: string): string[] {
  return key.split(/[.:]|__/).filter((s) => s.length > 0);
}

/** Spring's relaxed binding, roughly: `delay-hours`, `delay_hours`, `delayHours` and `DelayHours` are one key. */
function normaliseKey(segment: string): string {
  return segment.replace(/[-_\s]/g, '').toLowerCase();
}

function endsWith(segments: string[], wanted: string[]): boolean {
  if (wanted.length > segments.length) return false;
  const offset = segments.length - wanted.length;
  return wanted.every((w, i) => segments[offset + i] === w);
}

/* ---------------- declared types and parameters ---------------- */

/** Parameters named `name` of the functions around `at` (constructor and method injection). */
function parametersNamed(model: CodeModel, at: IrNode, name: string): Parameter[] {
  const out: Parameter[] = [];
  for (let p = at.parent; p; p = p.parent) if (p.kind === 'function') out.push(...p.params.filter((x) => x.name === name));
  // A field assigned from a constructor parameter (`this.delay = delay`): the constructor's parameters.
  const cls = model.enclosingClass(at);
  if (cls) for (const m of cls.members) if (m.kind === 'function' && isConstructor(m, cls)) out.push(...m.params.filter((x) => x.name === name));
  return out;
}

function isConstructor(fn: FunctionNode, cls: ClassNode): boolean {
  return fn.name === cls.name || fn.name === 'constructor' || fn.name === '__init__';
}

/** The declared type of a field, parameter or local named `name` that `at` can see. */
function declaredType(model: CodeModel, name: string, at: IrNode): string | undefined {
  const field = model.variables(name).find((v) => v.type);
  if (field?.type) return field.type.replace(/\s+/g, '');
  const param = parametersNamed(model, at, name).find((p) => p.type);
  if (param?.type) return param.type.replace(/\s+/g, '');
  // `private readonly ReleaseOptions _options;` assigned from a constructor's `IOptions<ReleaseOptions> options`.
  const bare = name.replace(/^_+/, '');
  const viaCtor = parametersNamed(model, at, bare).find((p) => p.type);
  return viaCtor?.type?.replace(/\s+/g, '');
}
