/** Test helpers for reading lowered IR. */
import type { CallNode, CodeLanguage, IrKind, IrNode, LoweredCode, NodeOfKind } from '../../server/src/core/ir';
import { walk } from '../../server/src/core/ir';
import { lowerCode } from '../../server/src/core/lang';

export function lower(language: CodeLanguage, text: string): Promise<LoweredCode> {
  return lowerCode(language, text);
}

export function findAll<K extends IrKind>(root: IrNode, kind: K, where: (n: NodeOfKind<K>) => boolean = () => true): NodeOfKind<K>[] {
  const out: NodeOfKind<K>[] = [];
  walk(root, (n) => {
    if (n.kind === kind && where(n as NodeOfKind<K>)) out.push(n as NodeOfKind<K>);
  });
  return out;
}

/** The callee of a call as dotted text (`app.get`, `res.status().json`), for assertions. */
export function calleeText(call: CallNode): string {
  const text = (n: IrNode): string => {
    switch (n.kind) {
      case 'name':
        return n.name;
      case 'member':
        return `${text(n.object)}.${n.property}`;
      case 'call':
        return `${text(n.callee)}()`;
      default:
        return `<${n.kind}>`;
    }
  };
  return text(call.callee);
}

export function findCall(root: IrNode, callee: string): CallNode | undefined {
  return findAll(root, 'call', (c) => calleeText(c) === callee)[0];
}
