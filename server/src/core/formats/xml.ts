/**
 * XML with positions: saxes (a conforming, streaming XML parser) drives the parse; offsets of tags,
 * attributes, comments and element content are recovered from its positions so that findings, and
 * JavaScript embedded in Mirth channels, map back to the right line and column.
 */
import { SaxesParser } from 'saxes';
import type { Comment, SyntaxProblem } from '../ir';
import { MAX_CONFIG_NESTING, NestingError } from '../nesting';
import { ConfigDocument, ConfigEntry, ConfigMap, ConfigNode, ConfigScalar, linkConfig } from './tree';

export interface XmlAttribute {
  name: string;
  value: string;
  start: number;
  end: number;
  valueStart: number;
  valueEnd: number;
}

export interface XmlElement {
  name: string;
  attributes: XmlAttribute[];
  children: XmlElement[];
  /** The element's own text (text and CDATA children, decoded, concatenated). */
  text: string;
  start: number;
  end: number;
  /** Offsets of the raw content between the start tag and the end tag. */
  contentStart: number;
  contentEnd: number;
  parent?: XmlElement;
}

export interface XmlDocument {
  root?: XmlElement;
  comments: Comment[];
  syntaxErrors: SyntaxProblem[];
}

const FHIR_NAMESPACE = 'http://hl7.org/fhir';

/** Throws a `NestingError` for elements nested deeper than configuration is read (the parse itself streams; what reads the tree recurses). */
export function parseXml(text: string): XmlDocument {
  let tooDeep = false;
  const parser = new SaxesParser({ position: true });
  const comments: Comment[] = [];
  const syntaxErrors: SyntaxProblem[] = [];
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let pendingAttributes: XmlAttribute[] = [];

  // saxes does not read DTDs; the internal subset's general entities (`<!ENTITY name "value">`) are declared to it.
  parser.on('doctype', (doctype) => {
    for (const m of doctype.matchAll(/<!ENTITY\s+([\w.:-]+)\s+(?:"([^"]*)"|'([^']*)')\s*>/g)) parser.ENTITIES[m[1]] = m[2] ?? m[3] ?? '';
  });
  parser.on('opentagstart', () => {
    pendingAttributes = [];
  });
  parser.on('attribute', (attr) => {
    const valueEnd = parser.position - 1;
    const quote = text[valueEnd];
    const valueStart = quote === '"' || quote === "'" ? text.lastIndexOf(quote, valueEnd - 1) + 1 : valueEnd;
    const nameStart = text.lastIndexOf(attr.name, valueStart);
    pendingAttributes.push({
      name: attr.name,
      value: attr.value,
      start: nameStart >= 0 ? nameStart : valueStart,
      end: valueEnd + 1,
      valueStart,
      valueEnd,
    });
  });
  parser.on('opentag', (tag) => {
    const tagEnd = parser.position;
    const start = text.lastIndexOf('<' + tag.name, tagEnd - 1);
    const element: XmlElement = {
      name: tag.name,
      attributes: pendingAttributes,
      children: [],
      text: '',
      start: start >= 0 ? start : tagEnd,
      end: tagEnd,
      contentStart: tagEnd,
      contentEnd: tagEnd,
    };
    const parent = stack[stack.length - 1];
    if (parent) {
      element.parent = parent;
      parent.children.push(element);
    } else root ??= element;
    stack.push(element);
    if (stack.length > MAX_CONFIG_NESTING) tooDeep = true;
  });
  parser.on('text', (t) => {
    const current = stack[stack.length - 1];
    if (current) current.text += t;
  });
  parser.on('cdata', (t) => {
    const current = stack[stack.length - 1];
    if (current) current.text += t;
  });
  parser.on('closetag', (tag) => {
    const element = stack.pop();
    if (!element) return;
    element.end = parser.position;
    if (!tag.isSelfClosing) {
      const closeStart = text.lastIndexOf('</', parser.position - 1);
      element.contentEnd = closeStart >= element.contentStart ? closeStart : element.contentStart;
    }
  });
  parser.on('comment', () => {
    const closeAt = text.indexOf('-->', Math.max(0, parser.position - 3));
    const end = closeAt >= 0 ? closeAt + 3 : parser.position;
    const start = text.lastIndexOf('<!--', end - 3);
    if (start >= 0) comments.push({ start, end, text: text.slice(start, end) });
  });
  parser.on('error', (err) => {
    if (syntaxErrors.length === 0) {
      const offset = Math.min(parser.position, text.length);
      syntaxErrors.push({ start: Math.max(0, offset - 1), end: offset, message: err.message.replace(/^[^:]*:\d+:\d+: /, '') });
    }
  });
  try {
    parser.write(text).close();
  } catch (err) {
    if (syntaxErrors.length === 0) syntaxErrors.push({ start: parser.position, end: parser.position, message: (err as Error).message });
  }
  if (tooDeep) throw new NestingError(MAX_CONFIG_NESTING);
  // Elements left open by a syntax error end where the text ends.
  for (const open of stack) {
    open.end = text.length;
    open.contentEnd = text.length;
  }
  if (!root && syntaxErrors.length === 0 && text.trim().length > 0) syntaxErrors.push({ start: 0, end: 0, message: 'no root element' });
  return { root, comments, syntaxErrors };
}

/** Elements below `root` (itself included) with the given local name, in document order. */
export function elementsNamed(root: XmlElement | undefined, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement): void => {
    if (localName(e.name) === name) out.push(e);
    e.children.forEach(visit);
  };
  if (root) visit(root);
  return out;
}

export function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon >= 0 ? qualified.slice(colon + 1) : qualified;
}

export function attribute(element: XmlElement, name: string): XmlAttribute | undefined {
  return element.attributes.find((a) => a.name === name);
}

/**
 * The XML as a config tree. Attributes and child elements become map entries; repeated child
 * elements become a sequence; an element with no children and at most a `value` attribute (the
 * FHIR XML convention) or only text becomes a scalar. A root element in the FHIR namespace gets a
 * `resourceType` entry, so FHIR resources in XML and JSON share one shape.
 */
export function xmlToConfig(doc: XmlDocument, omitText: (element: XmlElement) => boolean = () => false): ConfigDocument {
  const roots: ConfigNode[] = [];
  if (doc.root) {
    const converted = convertElement(doc.root, omitText);
    let root: ConfigNode;
    if (attribute(doc.root, 'xmlns')?.value === FHIR_NAMESPACE && converted.kind === 'map') {
      converted.entries.unshift({
        key: 'resourceType',
        keyStart: doc.root.start,
        keyEnd: doc.root.start,
        value: { kind: 'scalar', value: localName(doc.root.name), start: doc.root.start + 1, end: doc.root.start + 1 + doc.root.name.length },
        start: doc.root.start,
        end: doc.root.end,
      });
      root = converted;
    } else {
      root = {
        kind: 'map',
        entries: [{ key: localName(doc.root.name), keyStart: doc.root.start + 1, keyEnd: doc.root.start + 1 + doc.root.name.length, value: converted, start: doc.root.start, end: doc.root.end }],
        start: doc.root.start,
        end: doc.root.end,
      };
    }
    linkConfig(root);
    roots.push(root);
  }
  return { format: 'xml', roots, comments: doc.comments, syntaxErrors: doc.syntaxErrors };
}

function convertElement(element: XmlElement, omitText: (element: XmlElement) => boolean): ConfigNode {
  const valueAttribute = attribute(element, 'value');
  const otherAttributes = element.attributes.filter((a) => a.name !== 'value' && !a.name.startsWith('xmlns'));
  if (element.children.length === 0 && otherAttributes.length === 0) {
    if (valueAttribute) return { kind: 'scalar', value: valueAttribute.value, start: valueAttribute.valueStart, end: valueAttribute.valueEnd };
    const trimmed = omitText(element) ? '' : element.text.trim();
    return textScalar(element, trimmed);
  }
  const entries: ConfigEntry[] = [];
  for (const a of element.attributes) {
    if (a.name.startsWith('xmlns')) continue;
    entries.push({
      key: a.name,
      keyStart: a.start,
      keyEnd: a.start + a.name.length,
      value: { kind: 'scalar', value: a.value, start: a.valueStart, end: a.valueEnd },
      start: a.start,
      end: a.end,
    });
  }
  const groups = new Map<string, XmlElement[]>();
  for (const c of element.children) {
    const key = localName(c.name);
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  for (const [key, list] of groups) {
    const first = list[0];
    const value: ConfigNode =
      list.length === 1
        ? convertElement(first, omitText)
        : { kind: 'seq', items: list.map((e) => convertElement(e, omitText)), start: first.start, end: list[list.length - 1].end };
    entries.push({ key, keyStart: first.start + 1, keyEnd: first.start + 1 + first.name.length, value, start: first.start, end: list[list.length - 1].end });
  }
  const text = omitText(element) ? '' : element.text.trim();
  if (text.length > 0) entries.push({ key: '#text', keyStart: element.contentStart, keyEnd: element.contentStart, value: textScalar(element, text), start: element.contentStart, end: element.contentEnd });
  const map: ConfigMap = { kind: 'map', entries, start: element.start, end: element.end };
  return map;
}

function textScalar(element: XmlElement, trimmed: string): ConfigScalar {
  return { kind: 'scalar', value: trimmed, start: element.contentStart, end: element.contentEnd };
}

/**
 * Decodes an element's raw content (character references, predefined entities, CDATA sections)
 * and returns, for each decoded UTF-16 unit, the offset in `source` it came from, so offsets in
 * the decoded text map back to the file.
 */
export function decodeContent(source: string, start: number, end: number): { text: string; offsets: Int32Array } {
  const parts: string[] = [];
  const offsets: number[] = [];
  let i = start;
  const push = (s: string, from: number): void => {
    parts.push(s);
    for (let k = 0; k < s.length; k++) offsets.push(from);
  };
  while (i < end) {
    if (source.startsWith('<![CDATA[', i)) {
      const close = source.indexOf(']]>', i + 9);
      const stop = close >= 0 && close < end ? close : end;
      for (let k = i + 9; k < stop; k++) {
        parts.push(source[k]);
        offsets.push(k);
      }
      i = stop + 3;
      continue;
    }
    const ch = source[i];
    if (ch === '&') {
      const semi = source.indexOf(';', i);
      if (semi > i && semi < end && semi - i <= 10) {
        const name = source.slice(i + 1, semi);
        const decoded = decodeEntity(name);
        if (decoded !== undefined) {
          push(decoded, i);
          i = semi + 1;
          continue;
        }
      }
    }
    if (ch === '<' && source.startsWith('<!--', i)) {
      const close = source.indexOf('-->', i + 4);
      i = close >= 0 ? close + 3 : end;
      continue;
    }
    if (ch === '\r' && source[i + 1] === '\n') {
      // XML normalises CRLF to LF; keep the LF's own offset.
      i++;
      continue;
    }
    parts.push(ch);
    offsets.push(i);
    i++;
  }
  offsets.push(end);
  return { text: parts.join(''), offsets: Int32Array.from(offsets) };
}

function decodeEntity(name: string): string | undefined {
  switch (name) {
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'amp':
      return '&';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
  }
  if (/^#x[0-9a-fA-F]+$/.test(name)) return codePoint(parseInt(name.slice(2), 16));
  if (/^#\d+$/.test(name)) return codePoint(parseInt(name.slice(1), 10));
  return undefined;
}

/** A character reference's character; past U+10FFFF (not well-formed XML) it reads as U+FFFD rather than throwing. */
function codePoint(code: number): string {
  return code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
}
