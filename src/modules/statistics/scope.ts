import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { countedOrganisations, indexTree, minimalPrefixes, type CountedPrefix, type Period, type TreeIndex } from './counted.ts';

export type { CountedPrefix, Period } from './counted.ts';

type Db = Kysely<Database>;

/**
 * The tenant's whole organisation tree, small (a province has a few hundred to a few thousand units):
 * predecessors can sit anywhere in it, so what counts under a unit is worked out in TypeScript
 * (counted.ts) rather than by one recursive query per unit.
 */
export async function loadTree(db: Db, tenantId: string): Promise<TreeIndex> {
  const rows = await db.selectFrom('organisations')
    .select(['id', 'parent_id', 'path', 'name', 'sort_key', 'valid_from', 'valid_to', 'successor_id'])
    .where('tenant_id', '=', tenantId).execute();
  // several successors of one unit (a district split among communes, 0027) beside the one successor link
  const links = await db.selectFrom('organisation_successions').select(['predecessor_id', 'successor_id'])
    .where('tenant_id', '=', tenantId).execute();
  const successors = new Map<string, string[]>();
  for (const l of links) successors.set(l.predecessor_id, [...(successors.get(l.predecessor_id) ?? []), l.successor_id]);
  return indexTree(rows.map((r) => ({
    id: r.id, parentId: r.parent_id, path: r.path, name: r.name, sortKey: r.sort_key,
    validFrom: r.valid_from, validTo: r.valid_to, successorId: r.successor_id, successorIds: successors.get(r.id) ?? [],
  })));
}

/**
 * The minimal list of path prefixes whose awards count under the root for the period: its subtree,
 * plus the organisations merged into it (following successor links) whose validity overlaps the
 * period (the rule is in counted.ts). Empty when the organisation does not exist.
 */
export async function countedPrefixes(db: Db, tenantId: string, rootOrganisationId: string, period: Period): Promise<CountedPrefix[]> {
  const tree = await loadTree(db, tenantId);
  return minimalPrefixes(tree, countedOrganisations(tree, rootOrganisationId, period));
}

/** `column` is under the prefixes: the filter other modules put on a path column (false when there are none). */
export function countedPathFilter(column: string, prefixes: readonly CountedPrefix[]): Expression<SqlBool> {
  if (prefixes.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(prefixes.map((p) => (p.subtree
    ? sql`${sql.ref(column)} LIKE ${`${p.path}%`}`
    : sql`${sql.ref(column)} = ${p.path}`)), sql` OR `)})`;
}
