/** How to write a comment at a place in a file: `//`, `#`, or an XML comment outside Mirth scripts. */
import type { ParsedFile } from '../../core/files';
import type { LanguageId } from '../../core/language';


export type CommentStyle = { kind: 'line'; prefix: '//' | '#' } | { kind: 'xml' };

export function commentStyleAt(parsed: ParsedFile, offset: number): CommentStyle | undefined {
  return styleFor(parsed.language, parsed.codeUnits.some((u) => u.toFile(0) <= offset && offset <= u.toFile(u.model.text.length)));
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
