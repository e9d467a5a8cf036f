/**
 * Pieces every lowering (tree-sitter tree → IR) shares.
 */
import type { Argument, CallNode, IrNode, OtherNode, Property, StringNode } from '../ir';
import type { BodyElision, RawNode } from './treesitter';

export interface LowerOptions {
  /** Whether a function body spanning these offsets may matter; bodies for which it says no are left out. */
  keepBody?: (start: number, end: number) => boolean;
}

/** The body elision for a grammar, when the caller asked for one. */
export function elision(owners: ReadonlySet<string>, bodies: ReadonlySet<string>, options: LowerOptions): BodyElision | undefined {
  return options.keepBody ? { owners, bodies, keep: options.keepBody } : undefined;
}

/** Base for a language's lowering: holds the source text and the generic fallbacks. */
export abstract class Lowering {
  constructor(protected readonly source: string) {}

  /** Lowers one node; `undefined` for nodes with no meaning to rules (punctuation, type-only declarations). */
  abstract lower(node: RawNode): IrNode | undefined;

  protected text(node: { start: number; end: number }): string {
    return this.source.slice(node.start, node.end);
  }

  /** Lowers the named children of `node`, dropping the ones that lower to nothing. */
  protected lowerNamed(node: RawNode): IrNode[] {
    const out: IrNode[] = [];
    for (const child of node.children) {
      if (!child.named) continue;
      const lowered = this.lower(child);
      if (lowered) out.push(lowered);
    }
    return out;
  }

  /** The fallback for constructs the lowering does not model: keep the children. */
  protected other(node: RawNode, children: IrNode[] = this.lowerNamed(node)): OtherNode {
    return { kind: 'other', type: node.type, start: node.start, end: node.end, children };
  }

  /** Lowers a node that must produce something, falling back to an `other` leaf. */
  protected lowerRequired(node: RawNode): IrNode {
    return this.lower(node) ?? this.other(node, []);
  }

  protected str(node: RawNode, value: string, interpolated = false): StringNode {
    return { kind: 'string', value, interpolated, start: node.start, end: node.end };
  }

  protected positionalArgs(nodes: RawNode[]): Argument[] {
    const args: Argument[] = [];
    for (const n of nodes) {
      const value = this.lower(n);
      if (value) args.push({ value, start: n.start, end: n.end });
    }
    return args;
  }

  protected property(key: string, keyNode: RawNode, value: IrNode, whole: RawNode): Property {
    return { key, keyStart: keyNode.start, keyEnd: keyNode.end, value, start: whole.start, end: whole.end };
  }

  /** A decorator/annotation/attribute as a call with `isDecorator`. */
  protected decorator(whole: RawNode, callee: IrNode, args: Argument[]): CallNode {
    return { kind: 'call', callee, args, isNew: false, isDecorator: true, start: whole.start, end: whole.end };
  }
}

/** Parses a numeric literal as written in JS, Java, C# or Python (separators, suffixes, radix prefixes). */
export function parseNumber(raw: string): number {
  const digits = raw.replace(/_/g, '');
  if (/^0[xX]/.test(digits)) return parseInt(digits.slice(2).replace(/[lLuUn]+$/, ''), 16);
  const cleaned = digits.replace(/[lLfFdDmMuUnjJ]+$/, '');
  if (/^0[bB]/.test(cleaned)) return parseInt(cleaned.slice(2), 2);
  if (/^0[oO]/.test(cleaned)) return parseInt(cleaned.slice(2), 8);
  const value = Number(cleaned);
  return Number.isNaN(value) ? parseFloat(cleaned) : value;
}
