// The drivers read timestamptz as Date; the API answers ISO 8601 UTC strings. Converting here, once, keeps
// every repository row in the shape the API sends.
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

export class IsoTimestampsPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return { ...args.result, rows: args.result.rows.map(isoRow) };
  }
}

function isoRow(row: UnknownRow): UnknownRow {
  let converted: UnknownRow | undefined;
  for (const [key, value] of Object.entries(row)) {
    if (value instanceof Date) {
      converted ??= { ...row };
      converted[key] = value.toISOString();
    }
  }
  return converted ?? row;
}
