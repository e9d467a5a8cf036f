/**
 * GraphQL resolvers: which functions answer which query or mutation field, in the resolver forms EHR
 * code uses: Apollo/graphql-tools resolver maps (`{ Query: { observations: (parent, args, ctx) => ... } }`),
 * NestJS `@Resolver` classes with `@Query`/`@Mutation`/`@ResolveField` methods, graphene `resolve_<field>`
 * methods of an `ObjectType` and `mutate` of a `Mutation`, and strawberry `@strawberry.field` /
 * `@strawberry.mutation` methods. Whether a field gives access to EHI is the domain's question.
 */
import type { CodeModel } from '../core/code-model';
import type { FunctionNode, IrNode } from '../core/ir';
import { dotted } from '../analysis/values';

export interface Resolver {
  /** The field the function resolves (`observations`, `labResults`). */
  field: string;
  /** `query` for reads (queries, object fields), `mutation` for changes. */
  operation: 'query' | 'mutation';
  /** The type it belongs to, when the code names it (`Query`, `Patient`, a NestJS resolver's class). */
  owner?: string;
  framework: 'apollo' | 'nestjs' | 'graphene' | 'strawberry';
}

function decoratorName(d: IrNode & { kind: 'call' }): string {
  return dotted(d.callee).split('.').pop() ?? '';
}

/** The resolver `fn` is, if it is one. */
export function resolverOf(model: CodeModel, fn: FunctionNode): Resolver | undefined {
  return model.memo(`resolver:${fn.start}:${fn.end}`, () => {
    const cls = model.enclosingClass(fn);
    // NestJS: @Resolver() class, @Query()/@Mutation()/@ResolveField() methods.
    if (cls && (model.language === 'typescript' || model.language === 'javascript') && cls.decorators.some((d) => decoratorName(d) === 'Resolver')) {
      const d = fn.decorators.map(decoratorName).find((n) => /^(Query|Mutation|ResolveField|Subscription)$/.test(n));
      if (d && fn.name) return { field: fn.name, operation: d === 'Mutation' ? 'mutation' : 'query', owner: cls.name, framework: 'nestjs' };
    }
    if (model.language === 'python' && cls && fn.name) {
      // graphene: `def resolve_observations(self, info, ...)` on an ObjectType; `def mutate(...)` on a Mutation.
      if (cls.bases.some((b) => /(^|\.)(ObjectType|Interface)$/.test(b)) && fn.name.startsWith('resolve_')) return { field: fn.name.slice('resolve_'.length), operation: 'query', owner: cls.name, framework: 'graphene' };
      if (cls.bases.some((b) => /(^|\.)(Mutation|ClientIDMutation)$/.test(b)) && /^(mutate|mutate_and_get_payload)$/.test(fn.name)) return { field: cls.name, operation: 'mutation', owner: cls.name, framework: 'graphene' };
      // strawberry: `@strawberry.field` / `@strawberry.mutation` methods of a `@strawberry.type`.
      const d = fn.decorators.map((x) => dotted(x.callee)).find((n) => /^(strawberry\.)?(field|mutation)$/.test(n));
      if (d && cls.decorators.some((x) => /^(strawberry\.)?type$/.test(dotted(x.callee)))) return { field: fn.name, operation: d.endsWith('mutation') ? 'mutation' : 'query', owner: cls.name, framework: 'strawberry' };
    }
    // Apollo / graphql-tools resolver maps: `{ Query: { observations: (parent, args, context) => ... } }`.
    if (model.language === 'typescript' || model.language === 'javascript') {
      const field = propertyKeyOf(fn);
      const typeObject = field ? fn.parent : undefined;
      const owner = typeObject?.kind === 'object' ? propertyKeyOf(typeObject) : undefined;
      if (field && owner && /^(Query|Mutation|Subscription|[A-Z]\w*)$/.test(owner) && resolverMap(typeObject!.parent)) {
        return { field, operation: owner === 'Mutation' ? 'mutation' : 'query', owner, framework: 'apollo' };
      }
    }
    return undefined;
  });
}

/** The key a value sits under in an object literal (`{ observations: fn }` → `observations`). */
function propertyKeyOf(node: IrNode): string | undefined {
  const parent = node.parent;
  if (parent?.kind !== 'object') return undefined;
  return parent.properties.find((p) => p.value === node)?.key;
}

/** Whether an object literal is a resolver map: it has a `Query` or `Mutation` key, or is named or passed as resolvers. */
function resolverMap(node: IrNode | undefined): boolean {
  if (node?.kind !== 'object') return false;
  if (node.properties.some((p) => p.key === 'Query' || p.key === 'Mutation')) return true;
  const p = node.parent;
  return (p?.kind === 'variable' && /resolvers?$/i.test(p.name)) || (p?.kind === 'assign' && /resolvers?$/i.test(dotted(p.target)));
}
