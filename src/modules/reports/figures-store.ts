import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { deadlineInstant } from '../movements/index.ts';
import { emptyAward, emptyFigures, type Figures } from './figures.ts';
import { loadTree } from '../statistics/index.ts';
import { pathRange, type KeyedScope, type OrgNode } from './scope.ts';
import { formsSeenBy } from '../awards/index.ts';

type Db = Kysely<Database>;

/**
 * The figures of any number of subtrees at once: each query below is ONE set-based statement over a
 * list of path ranges labelled by scope (a report's unit; a compilation's total, own part and units),
 * grouped by that label. A range is a path prefix (a whole subtree) or one organisation's path, compared
 * in "C" order so the btrees on awards.recipient_path and organisations.path answer it.
 */
export interface FigureQuery {
  tenantId: string;
  /** the movement and the plans cascaded from it: registrations and awards "for this movement" */
  movementIds: readonly string[];
  period: Figures['period'];
}

function scopeTable(scopes: readonly KeyedScope[]): RawBuilder<unknown> | null {
  const rows = scopes.flatMap((s) => s.entries.map((e) => {
    const { lo, hi } = pathRange(e);
    return sql`(${s.key}::text, ${lo}::text, ${hi}::text)`;
  }));
  return rows.length ? sql`(VALUES ${sql.join(rows)}) AS s (key, lo, hi)` : null;
}

const inRange = (column: string) => sql`${sql.ref(column)} >= s.lo COLLATE "C" AND ${sql.ref(column)} < s.hi COLLATE "C"`;
const inList = (ids: readonly string[]) => (ids.length ? sql`IN (${sql.join(ids.map((id) => sql`${id}::uuid`))})` : sql`IN (NULL::uuid)`);

export async function figuresFor(db: Db, q: FigureQuery, scopes: readonly KeyedScope[]): Promise<Map<string, Figures>> {
  const out = new Map(scopes.map((s) => [s.key, emptyFigures(q.period)]));
  const scope = scopeTable(scopes);
  if (!scope) return out;
  const { from, to } = q.period;
  const [awards, registrations, nominations] = await Promise.all([
    // titles and awards decided in the period; one revoked later still counted for the period it stood in
    sql<{ key: string; award_form: string; total: number; for_movement: number; collectives: number; individuals: number; women: number;
      ethnic_minorities: number; non_leaders: number; direct_workers: number; amount: number }>`
      SELECT s.key, a.award_form,
        count(*)::int AS total,
        count(*) FILTER (WHERE a.movement_id ${inList(q.movementIds)})::int AS for_movement,
        count(*) FILTER (WHERE a.person_id IS NULL)::int AS collectives,
        count(*) FILTER (WHERE a.person_id IS NOT NULL)::int AS individuals,
        count(*) FILTER (WHERE a.recipient_female)::int AS women,
        count(*) FILTER (WHERE a.recipient_ethnic_minority)::int AS ethnic_minorities,
        count(*) FILTER (WHERE a.person_id IS NOT NULL AND NOT coalesce(a.recipient_leader, false))::int AS non_leaders,
        count(*) FILTER (WHERE a.recipient_direct_worker)::int AS direct_workers,
        coalesce(sum(a.amount), 0)::bigint AS amount
      FROM ${scope}
      JOIN awards a ON a.tenant_id = ${q.tenantId} AND ${inRange('a.recipient_path')}
      WHERE a.decided_on >= ${from} AND a.decided_on <= ${to} AND (a.revoked_on IS NULL OR a.revoked_on > ${to})
      GROUP BY s.key, a.award_form`.execute(db),
    // units that registered for the movement (or a plan cascaded from it), and the titles they aim for
    sql<{ key: string; units: number; collectives: number; individuals: number }>`
      SELECT s.key, count(DISTINCT o.id)::int AS units,
        coalesce(sum(t.collectives), 0)::int AS collectives, coalesce(sum(t.individuals), 0)::int AS individuals
      FROM ${scope}
      JOIN organisations o ON o.tenant_id = ${q.tenantId} AND ${inRange('o.path')}
      JOIN movement_registrations r ON r.tenant_id = o.tenant_id AND r.organisation_id = o.id AND r.movement_id ${inList(q.movementIds)}
      CROSS JOIN LATERAL (
        SELECT sum((x ->> 'collectives')::int) AS collectives, sum((x ->> 'individuals')::int) AS individuals
        FROM jsonb_array_elements(r.titles) AS x
      ) t
      GROUP BY s.key`.execute(db),
    // candidates moved in the period by units of the scope; a candidate forwarded up continues as a copy
    // in the upper batch and is still one nominee (counted by its original)
    sql<{ key: string; submitted: number; accepted: number; returned: number }>`
      SELECT s.key,
        count(DISTINCT coalesce(c.source_candidate_id, c.id)) FILTER (WHERE e.action = 'submit')::int AS submitted,
        count(DISTINCT coalesce(c.source_candidate_id, c.id)) FILTER (WHERE e.action = 'accept')::int AS accepted,
        count(DISTINCT coalesce(c.source_candidate_id, c.id)) FILTER (WHERE e.action = 'return')::int AS returned
      FROM ${scope}
      JOIN organisations o ON o.tenant_id = ${q.tenantId} AND ${inRange('o.path')}
      JOIN nomination_batches b ON b.tenant_id = o.tenant_id AND b.organisation_id = o.id
      JOIN nomination_candidates c ON c.tenant_id = b.tenant_id AND c.batch_id = b.id
      JOIN nomination_events e ON e.tenant_id = c.tenant_id AND e.candidate_id = c.id
      WHERE e.action IN ('submit', 'accept', 'return')
        AND e.at >= ${new Date(`${from}T00:00:00+07:00`)} AND e.at <= ${deadlineInstant(to)}
      GROUP BY s.key`.execute(db),
  ]);
  for (const r of awards.rows) {
    const f = out.get(r.key)!;
    f.awards.push({ ...emptyAward(r.award_form), total: r.total, forMovement: r.for_movement, collectives: r.collectives,
      individuals: r.individuals, women: r.women, ethnicMinorities: r.ethnic_minorities, nonLeaders: r.non_leaders,
      directWorkers: r.direct_workers, amount: Number(r.amount) });
  }
  for (const r of registrations.rows) out.get(r.key)!.registrations = { units: r.units, collectives: r.collectives, individuals: r.individuals };
  for (const r of nominations.rows) out.get(r.key)!.nominations = { submitted: r.submitted, accepted: r.accepted, returned: r.returned };
  return out;
}

/**
 * Every organisation of the tenant across time, for the anchors of scope.ts (a province has a few
 * thousand), read by the one tree loader the statistics use too (statistics/scope.ts loadTree).
 */
export async function organisationNodes(db: Db, tenantId: string): Promise<readonly OrgNode[]> {
  return (await loadTree(db, tenantId)).nodes;
}

/** The movement and every plan cascaded from it, at any depth. */
export async function movementFamily(db: Db, tenantId: string, movementId: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    WITH RECURSIVE family (id) AS (
      SELECT ${movementId}::uuid
      UNION
      SELECT m.id FROM movements m JOIN family f ON m.parent_movement_id = f.id WHERE m.tenant_id = ${tenantId}
    )
    SELECT id FROM family`.execute(db);
  return rows.rows.map((r) => r.id);
}

/** The catalogue's order of award forms and their names, for tables. */
export async function awardForms(db: Db, tenantId: string) {
  const rows = await formsSeenBy(db, tenantId).select(['code', 'name', 'sort_order']).orderBy('sort_order').execute();
  return { order: new Map(rows.map((r) => [r.code, r.sort_order])), names: new Map(rows.map((r) => [r.code, r.name])) };
}
