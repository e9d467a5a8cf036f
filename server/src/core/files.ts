/**
 * Which files the core reads, and how each is parsed into what rules look at: IR for code, the
 * config tree for JSON/YAML/properties/XML, both for Mirth channel exports.
 */
import { CodeModel } from './code-model';
import { parseJson } from './formats/json';
import { isMirthExport, isScriptElement, mirthScripts } from './formats/mirth';
import { parseNginx } from './formats/nginx';
import { parseProperties } from './formats/properties';
import { ConfigDocument, ConfigNode, descendants } from './formats/tree';
import { parseXml, XmlDocument, XmlElement, xmlToConfig } from './formats/xml';
import { parseYaml } from './formats/yaml';
import type { CodeLanguage, Comment, IrNode, Span } from './ir';
import { walk } from './ir';
import { lowerCode } from './lang';
import { maskE4x, repairedSource } from './repair';
import { formatForPath, LanguageId, languageForPath } from './language';
import type { LineIndex } from './text';

/** A piece of code in the file, with the map from its offsets to the file's. */
export interface CodeUnit {
  model: CodeModel;
  toFile(offset: number): number;
  /** The inverse of `toFile`: the unit offset of a file offset (the nearest one before it). */
  fromFile(offset: number): number;
}

export interface ParsedFile {
  language: LanguageId;
  codeUnits: CodeUnit[];
  config?: ConfigDocument;
  xml?: XmlDocument;
  /** Every comment in the file, in file offsets. */
  comments: Comment[];
  syntaxErrors: { span: Span; message: string; where?: string }[];
}

/** For a piece of code's text, which function bodies may matter (see `BodyElision`); undefined keeps all. */
export type BodyFilter = (text: string) => ((start: number, end: number) => boolean) | undefined;

export async function parseFile(file: string, text: string, bodyFilter?: BodyFilter): Promise<ParsedFile> {
  const code = languageForPath(file);
  if (code) return parseCode(code, text, bodyFilter);
  const format = formatForPath(file);
  switch (format) {
    case 'json':
      return fromConfig('json', parseJson(text));
    case 'yaml':
      return fromConfig('yaml', parseYaml(text));
    case 'properties':
      return fromConfig('properties', parseProperties(text));
    case 'nginx':
      return fromConfig('nginx', parseNginx(text));
    case 'xml':
      return parseXmlFile(text, bodyFilter);
    default:
      throw new Error(`not a file the analysis reads: ${file}`);
  }
}

async function parseCode(code: CodeLanguage, text: string, bodyFilter?: BodyFilter): Promise<ParsedFile> {
  let source = text;
  let lowered = await lowerCode(code, text, { keepBody: bodyFilter?.(text) });
  if (lowered.syntaxErrors.length > 0) {
    // Valid code the grammar trips on (C# `#if` inside an expression, ...): try it masked, keep what parses better.
    const repaired = repairedSource(code, text, lowered.syntaxErrors);
    if (repaired !== undefined) {
      const second = await lowerCode(code, repaired, { keepBody: bodyFilter?.(repaired) });
      if (second.syntaxErrors.length < lowered.syntaxErrors.length) {
        lowered = second;
        source = repaired;
      }
    }
  }
  const language: LanguageId = code === 'tsx' ? 'typescript' : code;
  return {
    language,
    codeUnits: [{ model: new CodeModel(language, code, source, lowered), toFile: (o) => o, fromFile: (o) => o }],
    comments: lowered.comments,
    syntaxErrors: lowered.syntaxErrors.map((e) => ({ span: e, message: e.message })),
  };
}

function fromConfig(language: LanguageId, doc: ConfigDocument): ParsedFile {
  return {
    language,
    codeUnits: [],
    config: doc,
    comments: doc.comments,
    syntaxErrors: doc.syntaxErrors.map((e) => ({ span: e, message: e.message })),
  };
}

async function parseXmlFile(text: string, bodyFilter?: BodyFilter): Promise<ParsedFile> {
  const xml = parseXml(text);
  const mirth = isMirthExport(xml);
  // In a Mirth export, scripts are analysed as JavaScript; their text is not also a config value.
  const config = xmlToConfig(xml, mirth ? isScriptElement : undefined);
  const parsed: ParsedFile = {
    language: 'xml',
    codeUnits: [],
    config,
    xml,
    comments: [...xml.comments],
    syntaxErrors: xml.syntaxErrors.map((e) => ({ span: e, message: e.message })),
  };
  if (!mirth) return parsed;
  parsed.language = 'mirth';
  for (const script of mirthScripts(text, xml)) {
    let source = script.text;
    let lowered = await lowerCode('javascript', source, { keepBody: bodyFilter?.(source) });
    const e4x = lowered.syntaxErrors.length > 0 ? maskE4x(source) : undefined;
    if (e4x !== undefined) {
      const second = await lowerCode('javascript', e4x, { keepBody: bodyFilter?.(e4x) });
      if (second.syntaxErrors.length < lowered.syntaxErrors.length) {
        lowered = second;
        source = e4x;
      }
    }
    const toFile = (offset: number): number => script.offsets[Math.max(0, Math.min(offset, script.offsets.length - 1))];
    const model = new CodeModel('mirth', 'javascript', source, lowered, {
      host: 'mirth',
      element: script.element,
      label: script.label,
      transportName: script.transportName,
    });
    parsed.codeUnits.push({ model, toFile, fromFile: (offset) => unitOffset(script.offsets, offset) });
    for (const c of lowered.comments) {
      const start = toFile(c.start);
      const end = toFile(c.end - 1) + 1;
      parsed.comments.push({ start, end, text: c.text });
    }
    for (const e of lowered.syntaxErrors) {
      parsed.syntaxErrors.push({ span: { start: toFile(e.start), end: toFile(e.end) }, message: e.message, where: script.label });
    }
  }
  parsed.comments.sort((a, b) => a.start - b.start);
  return parsed;
}

/** The largest index whose file offset is at or before `offset` (offsets grow with the index). */
function unitOffset(offsets: Int32Array, offset: number): number {
  let low = 0;
  let high = offsets.length - 1;
  if (high < 0 || offset <= offsets[0]) return 0;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (offsets[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * For annotation targets: the construct beginning on each line, as file offsets. The outermost
 * construct wins (the statement, not the call inside it); the root of a file is never a target.
 */
export function constructsByLine(parsed: ParsedFile, lines: LineIndex): Map<number, Span> {
  const byLine = new Map<number, Span>();
  const offer = (start: number, end: number): void => {
    const line = lines.positionAt(start).line;
    const current = byLine.get(line);
    if (!current || start < current.start || (start === current.start && end > current.end)) byLine.set(line, { start, end });
  };
  for (const unit of parsed.codeUnits) {
    const root = unit.model.root;
    walk(root, (node: IrNode) => {
      if (node !== root) offer(unit.toFile(node.start), unit.toFile(Math.max(node.start, node.end - 1)) + 1);
      // Object properties are constructs too (exceptions.md): `AbsoluteRefreshTokenLifetime = 3600,` in an initializer.
      if (node.kind === 'object') for (const p of node.properties) offer(unit.toFile(p.start), unit.toFile(Math.max(p.start, p.end - 1)) + 1);
    });
  }
  if (parsed.xml?.root) {
    const visit = (e: XmlElement): void => {
      offer(e.start, e.end);
      e.children.forEach(visit);
    };
    visit(parsed.xml.root);
  } else if (parsed.config) {
    for (const root of parsed.config.roots) {
      for (const node of descendants(root)) offerConfig(node, offer);
    }
  }
  return byLine;
}

function offerConfig(node: ConfigNode, offer: (start: number, end: number) => void): void {
  if (node.kind === 'map') for (const e of node.entries) offer(e.start, e.end);
  else if (node.kind === 'seq') for (const item of node.items) offer(item.start, item.end);
}
