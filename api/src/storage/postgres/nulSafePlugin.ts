import {
  OperationNodeTransformer,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type PrimitiveValueListNode,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  type ValueNode,
} from 'kysely';

// The one character PostgreSQL text refuses; matching it is the point.
// eslint-disable-next-line no-control-regex
const NUL = /\u0000/g;

/** `value` with U+0000 replaced in every string (arrays element by element), as the plugin does to parameters. */
export function clean(value: unknown): unknown {
  if (typeof value === 'string') return value.includes('\u0000') ? value.replace(NUL, '\uFFFD') : value;
  if (Array.isArray(value)) return value.map(clean);
  return value;
}

class NulTransformer extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    return { ...super.transformValue(node), value: clean(node.value) };
  }

  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    return { ...super.transformPrimitiveValueList(node), values: node.values.map(clean) };
  }
}

/**
 * PostgreSQL text cannot hold U+0000, and a customer can type one: the statement would fail and
 * the turn be lost. Every string parameter has it replaced with U+FFFD (the replacement
 * character) on the way in, so such words are stored nearly as typed and a lookup by such an id
 * finds nothing instead of failing.
 */
export class NulSafePlugin implements KyselyPlugin {
  private readonly transformer = new NulTransformer();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.transformer.transformNode(args.node, args.queryId);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
