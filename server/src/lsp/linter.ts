/**
 * The language server's state: settings per workspace folder, the latest analysis of each open
 * document, results of workspace scans, and the exception register of each folder. Edits are
 * analysed after a quiet time; a newer edit makes an older run's result stale, and stale results
 * are dropped, never published. Nothing here throws to the connection: a file that cannot be
 * analysed gets a diagnostic saying why.
 */
import * as fs from 'fs';
import * as path from 'path';
import picomatch from 'picomatch';
import { fileURLToPath, pathToFileURL } from 'url';
import type { Connection, Diagnostic, FileEvent, TextDocuments } from 'vscode-languageserver/node';
import { FileChangeType, MessageType, ShowMessageNotification } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { discover } from '../core/discover';
import { AnalysisSettings, analyzeFile, analyzeTextDetailed, DetailedAnalysis, FileAnalysis, RegisterFileAccess } from '../core/engine';
import { TOOL_NAME } from '../core/meta';
import { parseRegister, RegisterEntry } from '../core/annotations/register';
import { resolveSettings } from '../settings/settings';
import { LineIndex } from '../core/text';
import type { DocumentState, RegisterView } from './documents';
import { toDiagnostics } from './diagnostics';
import type { ExceptionItem, ScanSummary } from '../protocol/index';
import { DEFAULT_SETTINGS, normalizeSettings, SECTION, ServerSettings, toUserConfig, withConfigFile } from './settings';
import { CONFIG_FILE_NAME, ConfigFile, findConfigFile, loadConfigFile } from '../settings/config-file';
import { languageIdForPath } from '../core/language';
import { RULES } from '../../../rules';
import { ProjectIndex } from '../analysis/project';


export interface Folder {
  uri: string;
  path: string;
  name: string;
}

export interface ClientFeatures {
  /** `workspace/configuration` */
  configuration: boolean;
  /** Server-initiated progress (`window/workDoneProgress/create`). */
  progress: boolean;
  relatedInformation: boolean;
}

interface FolderConfig {
  settings: ServerSettings;
  analysis: AnalysisSettings;
  registerPath: string;
  included(file: string): boolean;
  /** The folder's files for value flow between them; its file list fills in once the folder is discovered. */
  project: ProjectIndex;
}

/** Language ids of editors → an extension, for documents that have no file name (untitled). */
const EXTENSION_FOR_LANGUAGE: Record<string, string> = {
  typescript: '.ts',
  typescriptreact: '.tsx',
  javascript: '.js',
  javascriptreact: '.jsx',
  java: '.java',
  csharp: '.cs',
  python: '.py',
  json: '.json',
  jsonc: '.json',
  yaml: '.yaml',
  xml: '.xml',
  properties: '.properties',
  'java-properties': '.properties',
};

export class Linter {
  private folders: Folder[] = [];
  private readonly configs = new Map<string, Promise<FolderConfig>>();
  private readonly warned = new Set<string>();
  /** Settings from `initializationOptions` / `didChangeConfiguration`, for clients without `workspace/configuration`. */
  private pushedSettings: unknown;
  private readonly open = new Map<string, DocumentState>();
  private readonly runs = new Map<string, { timer?: NodeJS.Timeout; generation: number }>();
  /** Closed files analysed by a workspace scan or after a change on disk. */
  private readonly scanned = new Map<string, { path: string; folder?: Folder; analysis: FileAnalysis }>();
  private readonly published = new Set<string>();
  private readonly registers = new Map<string, RegisterEntry[]>();
  private scanDone = false;
  private scan?: { cancelled: boolean; promise: Promise<ScanSummary> };
  /** What each file's documented exceptions looked like when the client was last told. */
  private readonly exceptionSignatures = new Map<string, string>();
  private exceptionsDirty = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly features: ClientFeatures,
    initialSettings: unknown,
  ) {
    this.pushedSettings = initialSettings;
  }

  /* ---------- workspace folders and settings ---------- */

  setFolders(folders: { uri: string; name: string }[]): void {
    this.folders = folders
      .filter((f) => f.uri.startsWith('file:'))
      .map((f) => ({ uri: f.uri, name: f.name, path: fileURLToPath(f.uri) }))
      .sort((a, b) => b.path.length - a.path.length);
    this.configs.clear();
  }

  settingsChanged(pushed?: unknown): void {
    if (pushed !== undefined) this.pushedSettings = pushed;
    this.configs.clear();
    this.registers.clear();
    this.warned.clear();
    for (const doc of this.documents.all()) this.schedule(doc, 0);
    if (this.scanDone) void this.scanWorkspace();
  }

  /** Whether any folder asks for a scan when the server starts. */
  async scanOnStartup(): Promise<boolean> {
    const configs = await Promise.all((this.folders.length > 0 ? this.folders : [undefined]).map((f) => this.configFor(f)));
    return configs.some((c) => c.settings.scanOnStartup);
  }

  private folderFor(file: string): Folder | undefined {
    return this.folders.find((f) => file === f.path || file.startsWith(f.path + path.sep));
  }

  private configFor(folder: Folder | undefined): Promise<FolderConfig> {
    const key = folder?.uri ?? '';
    let config = this.configs.get(key);
    if (!config) {
      config = this.loadConfig(folder);
      this.configs.set(key, config);
    }
    return config;
  }

  private async loadConfig(folder: Folder | undefined): Promise<FolderConfig> {
    let raw: unknown;
    try {
      // Every way a client can give settings counts: pushed ones (initializationOptions,
      // didChangeConfiguration) under what the client answers to workspace/configuration.
      const pulled = this.features.configuration ? await this.connection.workspace.getConfiguration({ scopeUri: folder?.uri, section: SECTION }) : undefined;
      raw = mergeSections(pushedSection(this.pushedSettings), pulled);
    } catch (err) {
      this.connection.console.error(`${TOOL_NAME}: cannot read settings: ${(err as Error).message}`);
    }
    const normalized = normalizeSettings(raw);
    for (const problem of normalized.problems) this.warnOnce(problem);
    const root = folder?.path ?? process.cwd();
    let configFile: ConfigFile | undefined;
    const configPath = findConfigFile(root);
    if (configPath) {
      try {
        configFile = loadConfigFile(configPath, path.relative(root, configPath) || CONFIG_FILE_NAME, RULES);
      } catch (err) {
        this.warnOnce(`${(err as Error).message} (using the editor settings only)`);
      }
    }
    const { settings, user, fileFilter } = withConfigFile(normalized.settings, configFile);
    let analysis: AnalysisSettings;
    try {
      analysis = resolveSettings(RULES, user);
    } catch (err) {
      this.warnOnce(`${(err as Error).message} (using the default rules)`);
      analysis = resolveSettings(RULES, toUserConfig(normalized.settings));
    }
    const registerPath = path.resolve(root, settings.registerFile);
    const include = settings.include.map((g) => picomatch(g, { dot: true }));
    const exclude = settings.exclude.map((g) => picomatch(g, { dot: true }));
    const included = (file: string): boolean => {
      if (!languageIdForPath(file)) return false;
      const relative = folder ? path.relative(folder.path, file).split(path.sep).join('/') : path.basename(file);
      if (include.length > 0 && !include.some((m) => m(relative))) return false;
      if (exclude.some((m) => m(relative))) return false;
      return !fileFilter || fileFilter(file);
    };
    const project = new ProjectIndex({ root, files: [], display: (f) => f, read: (f) => this.readText(f) });
    if (folder) {
      // In the background: until it is done, imports by relative path still resolve, names of classes do not.
      void discover([folder.path], folder.path).then(
        (found) => project.setFiles(found.files.filter(included)),
        () => undefined,
      );
    }
    return { settings, analysis, registerPath, included, project };
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    // A notification (window/showMessage), not a question: a client may leave questions unanswered, or block its UI on them.
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `${TOOL_NAME}: ${message}` });
  }

  /* ---------- open documents ---------- */

  /** A document was opened or edited: analyse it after the quiet time. */
  changed(doc: TextDocument): void {
    const file = this.documentPath(doc);
    void this.configFor(file ? this.folderFor(file) : undefined).then(
      (config) => this.schedule(doc, config.settings.debounceMs, 'edit'),
      () => this.schedule(doc, DEFAULT_SETTINGS.debounceMs, 'edit'),
    );
  }

  closed(doc: TextDocument): void {
    const run = this.runs.get(doc.uri);
    if (run?.timer) clearTimeout(run.timer);
    this.runs.delete(doc.uri);
    this.open.delete(doc.uri);
    this.noteExceptions(doc.uri, undefined);
    const file = this.documentPath(doc);
    // After a workspace scan the Problems list keeps covering closed files: show the saved version.
    if (this.scanDone && file && doc.uri.startsWith('file:')) void this.analyseClosed(file).then(() => this.notifyExceptions());
    else this.publish(doc.uri, []);
    this.notifyExceptions();
  }

  private schedule(doc: TextDocument, delay: number, cause: 'edit' | 'dependency' = 'dependency'): void {
    const run = this.runs.get(doc.uri) ?? { generation: 0 };
    if (run.timer) clearTimeout(run.timer);
    run.generation++;
    const generation = run.generation;
    run.timer = setTimeout(() => {
      run.timer = undefined;
      void this.validate(doc.uri, generation, cause);
    }, delay);
    this.runs.set(doc.uri, run);
  }

  /** The last analysis of an open document, whatever its version (completion must not wait for a run). */
  lastAnalysis(uri: string): DocumentState | undefined {
    return this.open.get(uri);
  }

  /** The analysis of a document as it is now: the cached one, or a fresh run (which also publishes). */
  async current(uri: string): Promise<DocumentState | undefined> {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const state = this.open.get(uri);
    if (state && state.version === doc.version) return state;
    const run = this.runs.get(uri) ?? { generation: 0 };
    if (run.timer) clearTimeout(run.timer);
    run.timer = undefined;
    run.generation++;
    this.runs.set(uri, run);
    await this.validate(uri, run.generation, 'edit');
    const fresh = this.open.get(uri);
    return fresh && fresh.version === doc.version ? fresh : undefined;
  }

  private async validate(uri: string, generation: number, cause: 'edit' | 'dependency'): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const file = this.documentPath(doc);
    if (!file) return;
    const folder = this.folderFor(file);
    const config = await this.configFor(folder);
    if (this.isStale(uri, generation, version)) return;
    if (!config.settings.enable || !config.included(file)) {
      this.open.delete(uri);
      this.noteExceptions(uri, undefined);
      this.publish(uri, [], version, true);
      this.notifyExceptions();
      return;
    }
    const text = doc.getText();
    const now = new Date();
    const detail = await this.analyseText(file, text, config, now);
    // A newer edit arrived while this one ran: its result is stale.
    if (this.isStale(uri, generation, version)) return;
    const lines = new LineIndex(text);
    this.open.set(uri, { uri, path: file, version, lines, detail, settings: config.settings, registerPath: config.registerPath, now });
    this.noteExceptions(uri, detail.result);
    this.publish(uri, toDiagnostics(uri, detail.result, this.features.relatedInformation), version, true);
    this.notifyExceptions();
    if (cause === 'edit') this.valuesChanged(config, file);
    if (file === config.registerPath) {
      this.registers.set(file, parseRegister(path.basename(file), text).entries);
      if (cause === 'edit') this.dependentsChanged(file);
    } else if (cause === 'edit') {
      const register = this.documents.get(pathToFileURL(config.registerPath).href);
      if (register) this.schedule(register, config.settings.debounceMs * 2);
    }
  }

  private isStale(uri: string, generation: number, version: number): boolean {
    return this.runs.get(uri)?.generation !== generation || this.documents.get(uri)?.version !== version;
  }

  /** A file's content changed: open documents that read a constant or a setting from it are analysed again. */
  private valuesChanged(config: FolderConfig, file: string): void {
    for (const dependent of config.project.invalidate(file)) {
      const doc = this.documents.get(pathToFileURL(dependent).href);
      if (doc && dependent !== file) this.schedule(doc, config.settings.debounceMs);
    }
  }

  /** The register changed: the files it documents must be analysed again. */
  private dependentsChanged(registerPath: string): void {
    for (const other of this.documents.all()) {
      const otherPath = this.documentPath(other);
      if (other.uri !== pathToFileURL(registerPath).href && otherPath && path.resolve(otherPath).startsWith(path.dirname(registerPath))) this.schedule(other, 0);
    }
    if (this.scanDone) {
      for (const [uri, entry] of this.scanned) {
        if (!this.documents.get(uri) && entry.analysis.exceptions.some((e) => e.form === 'register')) void this.analyseClosed(entry.path).then(() => this.notifyExceptions());
      }
      for (const e of this.registers.get(registerPath) ?? []) {
        const target = path.resolve(path.dirname(registerPath), e.file);
        if (!this.documents.get(pathToFileURL(target).href)) void this.analyseClosed(target).then(() => this.notifyExceptions());
      }
    }
  }

  private async analyseText(file: string, text: string, config: FolderConfig, now: Date): Promise<DetailedAnalysis> {
    const settings = this.settingsFor(file, config, now);
    if (text.length > settings.maxBytes) {
      return {
        result: { path: file, findings: [], suppressed: [], exceptions: [], notices: [{ code: 'too-large', message: `not analysed: the file is over the ${Math.round(settings.maxBytes / 1024 / 1024)} MiB limit` }], lines: 0, parsed: false },
        annotations: [],
        registerAnnotations: [],
      };
    }
    try {
      return await analyzeTextDetailed(file, text, settings);
    } catch (err) {
      this.connection.console.error(`${TOOL_NAME}: analysis of ${file} failed: ${(err as Error).stack ?? err}`);
      return {
        result: { path: file, findings: [], suppressed: [], exceptions: [], notices: [{ code: 'internal', message: `analysis failed: ${(err as Error).message}` }], lines: 0, parsed: false },
        annotations: [],
        registerAnnotations: [],
      };
    }
  }

  private settingsFor(file: string, config: FolderConfig, now: Date): AnalysisSettings {
    return { ...config.analysis, now, register: this.registerEntriesFor(config.registerPath, file), registerFile: this.registerAccess(config.registerPath), project: config.project };
  }

  /* ---------- the exception register ---------- */

  private registerEntriesFor(registerPath: string, file: string): RegisterEntry[] {
    let entries = this.registers.get(registerPath);
    if (!entries) {
      const text = this.readText(registerPath);
      entries = text === undefined ? [] : parseRegister(path.basename(registerPath), text).entries;
      this.registers.set(registerPath, entries);
    }
    const dir = path.dirname(registerPath);
    return entries.filter((e) => path.resolve(dir, e.file) === file);
  }

  private registerAccess(registerPath: string): RegisterFileAccess {
    const dir = path.dirname(registerPath);
    return {
      isRegister: (file) => file === registerPath,
      readTarget: async (file) => this.readText(path.resolve(dir, file)),
    };
  }

  /** A file's text: the editor's version when it is open, else the saved one. */
  readText(file: string): string | undefined {
    const doc = this.documents.get(pathToFileURL(file).href);
    if (doc) return doc.getText();
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  }

  /** The register that applies to a document: where it is and its text (undefined when it does not exist yet). */
  registerFor(state: DocumentState): RegisterView {
    const uri = pathToFileURL(state.registerPath).href;
    return { path: state.registerPath, uri, text: this.readText(state.registerPath), version: this.documents.get(uri)?.version ?? null };
  }

  async registerPathForFolder(folderUri?: string): Promise<string> {
    const folder = this.folders.find((f) => f.uri === folderUri) ?? this.folders[this.folders.length - 1];
    return (await this.configFor(folder)).registerPath;
  }

  /* ---------- files on disk ---------- */

  async filesChanged(changes: FileEvent[]): Promise<void> {
    let registerChanged: FolderConfig | undefined;
    let created = false;
    if (changes.some((c) => c.uri.startsWith('file:') && path.basename(fileURLToPath(c.uri)) === CONFIG_FILE_NAME)) {
      // The shared project configuration changed: as if the settings had.
      this.settingsChanged();
      return;
    }
    for (const change of changes) {
      if (!change.uri.startsWith('file:')) continue;
      const file = fileURLToPath(change.uri);
      const config = await this.configFor(this.folderFor(file));
      if (file === config.registerPath) {
        this.registers.delete(file);
        registerChanged = config;
        if (!this.documents.get(change.uri) && (this.scanDone || change.type === FileChangeType.Deleted)) {
          if (change.type === FileChangeType.Deleted) this.forget(change.uri);
          else await this.analyseClosed(file);
        }
        continue;
      }
      if (change.type !== FileChangeType.Changed) created = true;
      if (!this.documents.get(change.uri)) this.valuesChanged(config, file);
      if (this.documents.get(change.uri)) continue;
      if (change.type === FileChangeType.Deleted) this.forget(change.uri);
      else if (this.scanDone || this.published.has(change.uri)) await this.analyseClosed(file);
    }
    if (registerChanged) {
      for (const doc of this.documents.all()) this.schedule(doc, 0);
      this.dependentsChanged(registerChanged.registerPath);
    } else if (created) {
      // Stale register entries may have come back to life, or gone stale.
      for (const folder of this.folders.length > 0 ? this.folders : [undefined]) {
        const config = await this.configFor(folder);
        if (folder) void discover([folder.path], folder.path).then((found) => config.project.setFiles(found.files.filter(config.included)), () => undefined);
        const register = this.documents.get(pathToFileURL(config.registerPath).href);
        if (register) this.schedule(register, 0);
        else if (this.scanDone && fs.existsSync(config.registerPath)) await this.analyseClosed(config.registerPath);
      }
    }
    this.notifyExceptions();
  }

  private forget(uri: string): void {
    this.scanned.delete(uri);
    this.noteExceptions(uri, undefined);
    this.publish(uri, []);
  }

  private async analyseClosed(file: string): Promise<FileAnalysis | undefined> {
    const uri = pathToFileURL(file).href;
    const folder = this.folderFor(file);
    const config = await this.configFor(folder);
    if (!config.settings.enable || !config.included(file)) {
      this.forget(uri);
      return undefined;
    }
    let analysis: FileAnalysis;
    try {
      analysis = await analyzeFile(file, this.settingsFor(file, config, new Date()), file);
    } catch (err) {
      analysis = { path: file, findings: [], suppressed: [], exceptions: [], notices: [{ code: 'internal', message: `analysis failed: ${(err as Error).message}` }], lines: 0, parsed: false };
    }
    if (this.documents.get(uri)) return analysis;
    if (analysis.findings.length + analysis.notices.length + analysis.exceptions.length > 0) this.scanned.set(uri, { path: file, folder, analysis });
    else this.scanned.delete(uri);
    this.noteExceptions(uri, analysis);
    this.publish(uri, toDiagnostics(uri, analysis, this.features.relatedInformation));
    return analysis;
  }

  /* ---------- workspace scan ---------- */

  /** Scans every workspace folder; a second call cancels the first. */
  scanWorkspace(): Promise<ScanSummary> {
    if (this.scan) this.scan.cancelled = true;
    const scan = { cancelled: false, promise: Promise.resolve<ScanSummary>({ files: 0, findings: 0, documented: 0, cancelled: true }) };
    scan.promise = this.runScan(scan).finally(() => {
      if (this.scan === scan) this.scan = undefined;
    });
    this.scan = scan;
    return scan.promise;
  }

  private async runScan(scan: { cancelled: boolean }): Promise<ScanSummary> {
    const progress = this.features.progress ? await this.connection.window.createWorkDoneProgress() : undefined;
    progress?.begin(`${TOOL_NAME}: scanning the workspace`, 0, 'finding files', true);
    const summary: ScanSummary = { files: 0, findings: 0, documented: 0, cancelled: false };
    try {
      const files: string[] = [];
      for (const folder of this.folders) {
        const config = await this.configFor(folder);
        if (!config.settings.enable) continue;
        try {
          const found = await discover([folder.path], folder.path);
          files.push(...found.files.filter((f) => config.included(f)));
        } catch (err) {
          this.connection.console.error(`${TOOL_NAME}: cannot list ${folder.path}: ${(err as Error).message}`);
        }
      }
      const seen = new Set<string>();
      let lastReport = 0;
      for (const file of files) {
        if (scan.cancelled || progress?.token.isCancellationRequested) {
          summary.cancelled = true;
          break;
        }
        const uri = pathToFileURL(file).href;
        seen.add(uri);
        const open = this.open.get(uri);
        const analysis = open ? open.detail.result : this.documents.get(uri) ? undefined : await this.analyseClosed(file);
        summary.files++;
        summary.findings += analysis?.findings.length ?? 0;
        summary.documented += analysis?.suppressed.length ?? 0;
        const percentage = Math.floor((summary.files / files.length) * 100);
        if (percentage > lastReport) {
          lastReport = percentage;
          progress?.report(percentage, `${summary.files} of ${files.length} files`);
        }
        // Let hover, completion and edits in between.
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (!summary.cancelled) {
        for (const uri of [...this.scanned.keys()]) if (!seen.has(uri) && !this.documents.get(uri)) this.forget(uri);
        this.scanDone = true;
      }
    } finally {
      progress?.done();
    }
    this.notifyExceptions();
    return summary;
  }

  /* ---------- the Exceptions view ---------- */

  async listExceptions(): Promise<ExceptionItem[]> {
    // The first listing needs the whole workspace; a scan already running is awaited, not restarted.
    if (!this.scanDone) await (this.scan?.promise ?? this.scanWorkspace());
    const items: ExceptionItem[] = [];
    const add = (uri: string, file: string, analysis: FileAnalysis): void => {
      const folder = this.folderFor(file);
      const relative = folder ? path.relative(folder.path, file).split(path.sep).join('/') : file;
      for (const e of analysis.exceptions) {
        items.push({
          uri,
          path: relative,
          exception: e.exception,
          title: e.exceptionTitle,
          ruleIds: e.ruleIds,
          owner: e.owner,
          reviewBy: e.reviewBy,
          reason: e.reason,
          status: e.status,
          problems: e.problems.map((p) => p.message),
          form: e.form,
          range: e.range,
        });
      }
    };
    for (const state of this.open.values()) add(state.uri, state.path, state.detail.result);
    for (const [uri, entry] of this.scanned) if (!this.open.has(uri)) add(uri, entry.path, entry.analysis);
    return items.sort((a, b) => a.path.localeCompare(b.path) || a.range.start.line - b.range.start.line);
  }

  /** Records a file's documented exceptions; the client hears about it when they changed. */
  private noteExceptions(uri: string, analysis: FileAnalysis | undefined): void {
    const signature = analysis && analysis.exceptions.length > 0 ? JSON.stringify(analysis.exceptions) : '';
    if ((this.exceptionSignatures.get(uri) ?? '') === signature) return;
    if (signature) this.exceptionSignatures.set(uri, signature);
    else this.exceptionSignatures.delete(uri);
    this.exceptionsDirty = true;
  }

  private notifyExceptions(): void {
    if (!this.exceptionsDirty) return;
    this.exceptionsDirty = false;
    void this.connection.sendNotification('ehiLint/exceptionsChanged');
  }

  /* ---------- helpers ---------- */

  /** Open documents always get a publication (the client learns the run is done); closed files only when something changes. */
  private publish(uri: string, diagnostics: Diagnostic[], version?: number, always = false): void {
    if (diagnostics.length === 0 && !this.published.has(uri) && !always) return;
    if (diagnostics.length > 0) this.published.add(uri);
    else this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics, version });
  }

  /** The path the core analyses a document as (its extension picks the parser). */
  documentPath(doc: TextDocument): string | undefined {
    if (doc.uri.startsWith('file:')) return fileURLToPath(doc.uri);
    const extension = EXTENSION_FOR_LANGUAGE[doc.languageId];
    if (!extension) return undefined;
    const name = decodeURIComponent(doc.uri.replace(/^[a-z][\w+.-]*:/i, '').split(/[\\/]/).pop() ?? 'untitled').replace(/[^\w.-]/g, '_');
    return path.join(path.sep, 'untitled', path.extname(name) ? name : `${name}${extension}`);
  }
}

/**
 * Pushed settings under pulled ones: a key the pull answers wins, rule levels are merged. A pull
 * answered with nothing (null, an empty list from a Lua table) leaves the pushed settings as they are.
 */
export function mergeSections(pushed: unknown, pulled: unknown): unknown {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(pulled)) return pushed;
  if (!isObject(pushed)) return pulled;
  const rules = { ...(isObject(pushed.rules) ? pushed.rules : {}), ...(isObject(pulled.rules) ? pulled.rules : {}) };
  return { ...pushed, ...pulled, rules };
}

/** `{ ehiLint: {...} }`, `{ settings: { ehiLint: {...} } }` or the section itself. */
function pushedSection(value: unknown): unknown {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (v[SECTION] && typeof v[SECTION] === 'object') return v[SECTION];
  if (v.settings && typeof v.settings === 'object') return pushedSection(v.settings);
  return value;
}
