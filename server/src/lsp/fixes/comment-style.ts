/**
 * How to write a comment at a place in a file: `//`, `#`, an XML comment outside Mirth scripts, or
 * a block comment in braces between the children of a JSX element (where `//` would be page text).
 */
import type { ParsedFile } from '../../core/files';
import type { IrNode } from '../../core/ir';
import { forEachChild } from '../../core/ir';
import type { LanguageId } from '../../core/language';


export type CommentStyle = { kind: 'line'; prefix: '//' | '#' } | { kind: 'xml' } | { kind: 'jsx' };

const JSX_PARENTS = new Set(['jsx_element', 'jsx_fragment']);

export function commentStyleAt(parsed: ParsedFile, offset: number): CommentStyle | undefined {
  const unit = parsed.codeUnits.find((u) => u.toFile(0) <= offset && offset <= u.toFile(u.model.text.length));
  if (unit && (parsed.language === 'typescript' || parsed.language === 'javascript')) {
    const around = innermostAround(unit.model.root, unit.fromFile(offset));
    if (around?.kind === 'other' && JSX_PARENTS.has(around.type)) return { kind: 'jsx' };
  }
  return styleFor(parsed.language, unit !== undefined);
}

/** The innermost node that begins before `offset` and ends after it (`offset` lies between its children or inside one). */
function innermostAround(root: IrNode, offset: number): IrNode | undefined {
  let found: IrNode | undefined;
  let current: IrNode | undefined = root;
  while (current) {
    found = current;
    let next: IrNode | undefined;
    forEachChild(current, (child) => {
      if (!next && child.start < offset && offset < child.end) next = child;
    });
    current = next;
  }
  return found;
}

function styleFor(language: LanguageId, insideScript: boolean): CommentStyle | undefined {
  switch (language) {
    case 'typescript':
    case 'javascript':
    case 'java':
    case 'csharp':
      return { kind: 'line', prefix: '//' };
    case 'python':
    case 'yaml':
    case 'properties':
    case 'nginx':
      return { kind: 'line', prefix: '#' };
    case 'mirth':
      return insideScript ? { kind: 'line', prefix: '//' } : { kind: 'xml' };
    case 'xml':
      return { kind: 'xml' };
    case 'json':
      // JSON cannot hold comments: its exceptions go in the register.
      return undefined;
  }
}
