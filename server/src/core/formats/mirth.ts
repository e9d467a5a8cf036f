/**
 * Mirth Connect (NextGen Connect) exports: channels and code-template libraries are XML whose
 * script elements hold JavaScript (XML-escaped or in CDATA). Each script is decoded with a map from
 * every decoded character back to its offset in the XML file.
 */
import { decodeContent, localName, XmlDocument, XmlElement } from './xml';

/** Elements whose text is JavaScript in a Mirth export. */
const SCRIPT_ELEMENTS = new Set(['script', 'preprocessingScript', 'postprocessingScript', 'deployScript', 'undeployScript', 'batchScript']);

export interface MirthScript {
  /** Which script: `script`, `preprocessingScript`, ..., or `code` for a code template. */
  element: string;
  /** A human label: channel, connector and step names, for messages. */
  label: string;
  /** The connector's transport (`HTTP Listener`, `JavaScript Writer`, ...), when inside a connector. */
  transportName?: string;
  text: string;
  /** `offsets[i]` is the XML-file offset of `text[i]`; `offsets[text.length]` is the content end. */
  offsets: Int32Array;
}

/** Whether an XML document is a Mirth channel or code-template export. */
/** Substrings that every Mirth export contains (its root or first-level element names). */
export const MIRTH_TRIGGERS = ['channel', 'codetemplate'];

export function isMirthExport(doc: XmlDocument): boolean {
  const root = doc.root;
  if (!root) return false;
  const name = localName(root.name);
  if (name === 'channel') return root.children.some((c) => c.name === 'sourceConnector' || c.name === 'destinationConnectors');
  if (name === 'codeTemplateLibrary' || name === 'codeTemplate') return true;
  if (name === 'list') return root.children.some((c) => c.name === 'codeTemplateLibrary' || c.name === 'channel' || c.name === 'codeTemplate');
  return false;
}

/** Whether an element of a Mirth export holds JavaScript. */
export function isScriptElement(element: XmlElement): boolean {
  const name = localName(element.name);
  return SCRIPT_ELEMENTS.has(name) || (name === 'code' && templateOf(element) !== undefined);
}

/** The code template a `<code>` element belongs to: its parent, or (Mirth 3.7 and later) its parent's `<properties>` parent. */
function templateOf(code: XmlElement): XmlElement | undefined {
  const parent = code.parent;
  if (!parent) return undefined;
  if (localName(parent.name) === 'codeTemplate') return parent;
  return localName(parent.name) === 'properties' && parent.parent && localName(parent.parent.name) === 'codeTemplate' ? parent.parent : undefined;
}

export function mirthScripts(source: string, doc: XmlDocument): MirthScript[] {
  const scripts: MirthScript[] = [];
  const visit = (element: XmlElement, channel: string | undefined, connector: XmlElement | undefined): void => {
    const name = localName(element.name);
    if (name === 'channel') channel = childText(element, 'name') ?? channel;
    if (name === 'sourceConnector' || name === 'connector') connector = element;
    if (isScriptElement(element) && element.children.length === 0 && element.contentEnd > element.contentStart) {
      const { text, offsets } = decodeContent(source, element.contentStart, element.contentEnd);
      if (text.trim().length > 0) {
        scripts.push({
          element: name,
          label: labelFor(element, channel, connector),
          transportName: connector ? childText(connector, 'transportName') : undefined,
          text,
          offsets,
        });
      }
      return;
    }
    for (const c of element.children) visit(c, channel, connector);
  };
  if (doc.root) visit(doc.root, undefined, undefined);
  return scripts;
}

function childText(element: XmlElement, name: string): string | undefined {
  const found = element.children.find((c) => localName(c.name) === name);
  const text = found?.text.trim();
  return text ? text : undefined;
}

function labelFor(element: XmlElement, channel: string | undefined, connector: XmlElement | undefined): string {
  const parts: string[] = [];
  if (channel) parts.push(`channel "${channel}"`);
  if (connector) {
    const connectorName = childText(connector, 'name');
    if (connectorName) parts.push(`connector "${connectorName}"`);
  }
  const template = localName(element.name) === 'code' ? templateOf(element) : undefined;
  const step = element.parent ? childText(template ?? element.parent, 'name') : undefined;
  if (template) parts.push(`code template "${step ?? ''}"`);
  else if (step && step !== channel) parts.push(`step "${step}"`);
  else parts.push(localName(element.name));
  return parts.join(', ');
}
