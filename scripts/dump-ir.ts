/** Prints the IR of a file: `node out/scripts/dump-ir.js FILE`. A tool for rule authors. */
import * as fs from 'fs';
import { forEachChild, IrNode } from '../server/src/core/ir';
import { lowerCode } from '../server/src/core/lang';
import { languageForPath } from '../server/src/core/language';

function describe(node: IrNode, text: string): string {
  switch (node.kind) {
    case 'string': return `string ${JSON.stringify(node.value)}${node.interpolated ? ' (interpolated)' : ''}`;
    case 'number': return `number ${node.value}`;
    case 'boolean': return `boolean ${node.value}`;
    case 'name': return `name ${node.name}`;
    case 'member': return `member .${node.property}`;
    case 'call': return `call${node.isNew ? ' new' : ''}${node.isDecorator ? ' decorator' : ''} args=[${node.args.map((a) => a.name ?? '_').join(',')}]`;
    case 'object': return `object {${node.properties.map((p) => p.key).join(', ')}}`;
    case 'function': return `function ${node.name ?? '(anonymous)'}(${node.params.map((p) => p.name + (p.type ? ': ' + p.type : '')).join(', ')})${node.isAsync ? ' async' : ''}${node.isMethod ? ' method' : ''}${node.isLambda ? ' lambda' : ''}`;
    case 'binary': return `binary ${node.operator}`;
    case 'unary': return `unary ${node.operator}`;
    case 'assign': return `assign ${node.operator}`;
    case 'other': return `other <${node.type}> ${JSON.stringify(text.slice(node.start, Math.min(node.end, node.start + 30)))}`;
    case 'loop': return `loop${node.variable ? ' ' + node.variable : ''}`;
    case 'variable': return `variable ${node.name}${node.type ? ': ' + node.type : ''}${node.isConstant ? ' const' : ''}${node.isField ? ' field' : ''}`;
    case 'class': return `class ${node.name} bases=[${node.bases.join(', ')}]${node.isInterface ? ' interface' : ''}`;
    case 'enum': return `enum ${node.name} {${node.members.map((m) => m.name).join(', ')}}`;
    case 'import': return `import ${JSON.stringify(node.source)} {${node.names.map((n) => n.imported + (n.local !== n.imported ? ' as ' + n.local : '')).join(', ')}}`;
    default: return node.kind;
  }
}

async function main(): Promise<void> {
  const file = process.argv[2];
  const text = fs.readFileSync(file, 'utf8');
  const language = languageForPath(file);
  if (!language) throw new Error(`not a code file: ${file}`);
  const lowered = await lowerCode(language, text);
  const print = (node: IrNode, depth: number): void => {
    const line = text.slice(0, node.start).split('\n').length;
    console.log(`${'  '.repeat(depth)}${describe(node, text)}  @${line}`);
    forEachChild(node, (c) => print(c, depth + 1));
  };
  print(lowered.root, 0);
  for (const c of lowered.comments) console.log(`comment ${JSON.stringify(c.text)}`);
  for (const e of lowered.syntaxErrors) console.log(`syntax error at ${e.start}: ${e.message}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
