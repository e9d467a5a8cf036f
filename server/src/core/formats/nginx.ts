/**
 * NGINX configuration (`nginx.conf`, `conf.d/*.conf`, `sites-enabled/*`) into the config tree: a
 * tokenizer for nginx's syntax (words, single- and double-quoted strings with escapes, `{`, `}`,
 * `;`, `#` comments; `${var}` stays inside a word) and a parser of its directives and blocks, with
 * offsets. A block becomes a map of its directives by name (repeated directives become a sequence,
 * as repeated XML elements do); a directive's arguments become a scalar of their text, and a block
 * directive with arguments (`location /fhir/ { ... }`, `upstream fhir { ... }`) keeps them under
 * `args`. Whether a `.conf` file is NGINX at all is decided by its content: a file with none of
 * nginx's block directives at the top level is not read as NGINX (no tree, no syntax problems).
 */
import type { Comment, SyntaxProblem } from '../ir';
import { ConfigDocument, ConfigEntry, ConfigMap, ConfigNode, ConfigScalar, linkConfig } from './tree';

interface Token {
  kind: 'word' | 'open' | 'close' | 'semicolon';
  /** The word with quotes removed and escapes decoded. */
  value: string;
  start: number;
  end: number;
}

/** Top-level (or `http`-level) block directives that only NGINX configuration has. */
const NGINX_BLOCKS = new Set(['http', 'server', 'events', 'stream', 'upstream', 'location', 'mail']);

function tokenize(text: string, comments: Comment[], problems: SyntaxProblem[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      i++;
      continue;
    }
    if (c === '#') {
      let end = text.indexOf('\n', i);
      if (end < 0) end = n;
      comments.push({ start: i, end, text: text.slice(i, end).replace(/\r$/, '') });
      i = end;
      continue;
    }
    if (c === '{' || c === '}' || c === ';') {
      tokens.push({ kind: c === '{' ? 'open' : c === '}' ? 'close' : 'semicolon', value: c, start: i, end: i + 1 });
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const start = i;
      let value = '';
      i++;
      while (i < n && text[i] !== c) {
        if (text[i] === '\\' && i + 1 < n) {
          value += text[i + 1];
          i += 2;
        } else value += text[i++];
      }
      if (i >= n) problems.push({ start, end: n, message: 'unterminated string' });
      i = Math.min(n, i + 1);
      tokens.push({ kind: 'word', value, start, end: i });
      continue;
    }
    // A bare word runs to whitespace, `;`, `{`, `}` or a comment; `${name}` and escapes stay inside it.
    const start = i;
    let value = '';
    while (i < n) {
      const d = text[i];
      if (d === ' ' || d === '\t' || d === '\r' || d === '\n' || d === ';' || d === '}' || d === '#') break;
      if (d === '{') {
        if (text[i - 1] !== '$') break;
        const close = text.indexOf('}', i);
        if (close < 0) break;
        value += text.slice(i, close + 1);
        i = close + 1;
        continue;
      }
      if (d === '\\' && i + 1 < n) {
        value += text[i + 1];
        i += 2;
        continue;
      }
      value += d;
      i++;
    }
    tokens.push({ kind: 'word', value, start, end: i });
  }
  return tokens;
}

interface Directive {
  name: string;
  nameStart: number;
  nameEnd: number;
  args: Token[];
  block?: Directive[];
  blockStart?: number;
  start: number;
  end: number;
}

function parseDirectives(tokens: Token[], problems: SyntaxProblem[]): Directive[] {
  let pos = 0;
  const block = (nested: boolean): Directive[] => {
    const out: Directive[] = [];
    while (pos < tokens.length) {
      const t = tokens[pos];
      if (t.kind === 'close') {
        if (nested) return out;
        problems.push({ start: t.start, end: t.end, message: 'unexpected "}"' });
        pos++;
        continue;
      }
      if (t.kind !== 'word') {
        problems.push({ start: t.start, end: t.end, message: `unexpected "${t.value}"` });
        pos++;
        continue;
      }
      const args: Token[] = [];
      pos++;
      while (pos < tokens.length && tokens[pos].kind === 'word') args.push(tokens[pos++]);
      const end = tokens[pos];
      const directive: Directive = { name: t.value, nameStart: t.start, nameEnd: t.end, args, start: t.start, end: args.length > 0 ? args[args.length - 1].end : t.end };
      if (!end) {
        problems.push({ start: t.start, end: directive.end, message: `directive "${t.value}" is not terminated by ";"` });
      } else if (end.kind === 'semicolon') {
        directive.end = end.end;
        pos++;
      } else if (end.kind === 'open') {
        pos++;
        directive.blockStart = end.start;
        directive.block = block(true);
        const close = tokens[pos];
        if (close?.kind === 'close') {
          directive.end = close.end;
          pos++;
        } else {
          problems.push({ start: t.start, end: end.end, message: `block "${t.value}" is not closed by "}"` });
          directive.end = tokens[tokens.length - 1]?.end ?? end.end;
        }
      } else {
        problems.push({ start: t.start, end: end.end, message: `directive "${t.value}" is not terminated by ";"` });
      }
      out.push(directive);
    }
    if (nested) return out;
    return out;
  };
  return block(false);
}

function argsScalar(args: Token[], at: number): ConfigScalar {
  if (args.length === 0) return { kind: 'scalar', value: '', start: at, end: at };
  return { kind: 'scalar', value: args.map((a) => a.value).join(' '), start: args[0].start, end: args[args.length - 1].end };
}

function toNode(d: Directive): ConfigNode {
  if (!d.block) return argsScalar(d.args, d.nameEnd);
  const entries: ConfigEntry[] = [];
  if (d.args.length > 0) {
    const value = argsScalar(d.args, d.nameEnd);
    entries.push({ key: 'args', keyStart: value.start, keyEnd: value.start, value, start: value.start, end: value.end });
  }
  entries.push(...blockEntries(d.block));
  return { kind: 'map', entries, start: d.start, end: d.end };
}

function blockEntries(directives: Directive[]): ConfigEntry[] {
  const groups = new Map<string, Directive[]>();
  for (const d of directives) {
    const list = groups.get(d.name);
    if (list) list.push(d);
    else groups.set(d.name, [d]);
  }
  const entries: ConfigEntry[] = [];
  for (const [key, list] of groups) {
    const first = list[0];
    const last = list[list.length - 1];
    const value: ConfigNode = list.length === 1 ? toNode(first) : { kind: 'seq', items: list.map(toNode), start: first.start, end: last.end };
    entries.push({ key, keyStart: first.nameStart, keyEnd: first.nameEnd, value, start: first.start, end: list.length === 1 ? first.end : last.end });
  }
  return entries;
}

/**
 * Whether text is NGINX configuration: one of its block directives (`http`, `server`, `events`,
 * `upstream`, `location`, ...) opens a block at the top level.
 */
function looksLikeNginx(directives: Directive[]): boolean {
  return directives.some((d) => d.block !== undefined && NGINX_BLOCKS.has(d.name));
}

export function parseNginx(text: string): ConfigDocument {
  const comments: Comment[] = [];
  const problems: SyntaxProblem[] = [];
  const tokens = tokenize(text, comments, problems);
  const directives = parseDirectives(tokens, problems);
  if (!looksLikeNginx(directives)) return { format: 'nginx', roots: [], comments, syntaxErrors: [] };
  const root: ConfigMap = { kind: 'map', entries: blockEntries(directives), start: 0, end: text.length };
  linkConfig(root);
  return { format: 'nginx', roots: [root], comments, syntaxErrors: problems };
}
