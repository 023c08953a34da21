import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { AwardDecisionLinesTable, AwardDecisionsTable, Database } from '../../platform/db/schema.ts';
import { pathUnder } from '../organisations/index.ts';
import { DECIDABLE } from './model.ts';

/** The SQL of award decisions: decisions with their authority, lines, and the candidates they may take. */
type Db = Kysely<Database>;

export type DecisionRow = Selectable<AwardDecisionsTable> & { authority_name: string; authority_path: string; award_form_name: string };
export type LineRow = Selectable<AwardDecisionLinesTable>;

function decisionQuery(db: Db, tenantId: string) {
  return db.selectFrom('award_decisions as d')
    .innerJoin('organisations as a', (j) => j.onRef('a.tenant_id', '=', 'd.tenant_id').onRef('a.id', '=', 'd.authority_organisation_id'))
    .innerJoin('award_forms as f', 'f.code', 'd.award_form')
    .selectAll('d').select(['a.name as authority_name', 'a.path as authority_path', 'f.name as award_form_name'])
    .where('d.tenant_id', '=', tenantId);
}

export async function findDecision(db: Db, tenantId: string, id: string): Promise<DecisionRow | undefined> {
  return decisionQuery(db, tenantId).where('d.id', '=', id).executeTakeFirst();
}

/** Serialises everything done to one decision: two clicks on "issue" wait for each other here. */
export async function lockDecision(db: Db, tenantId: string, id: string) {
  return db.selectFrom('award_decisions').select(['status', 'idempotency_key', 'version']).where('tenant_id', '=', tenantId).where('id', '=', id)
    .forUpdate().executeTakeFirst();
}

export async function decisionByKey(db: Db, tenantId: string, key: string) {
  return db.selectFrom('award_decisions').select('id').where('tenant_id', '=', tenantId).where('idempotency_key', '=', key).executeTakeFirst();
}

/** Decisions signed by authorities under the given paths, newest first. */
export async function listDecisions(db: Db, tenantId: string, prefixes: readonly string[]) {
  if (prefixes.length === 0) return [];
  return decisionQuery(db, tenantId)
    .select((eb) => [
      eb.selectFrom('award_decision_lines as l').select(eb.fn.countAll<number>().as('n'))
        .whereRef('l.tenant_id', '=', 'd.tenant_id').whereRef('l.decision_id', '=', 'd.id').as('line_count'),
    ])
    .where(pathUnder('a.path', prefixes)).orderBy('d.signed_on', 'desc').orderBy('d.id', 'desc').limit(500).execute();
}

export async function linesOf(db: Db, tenantId: string, decisionId: string): Promise<LineRow[]> {
  return db.selectFrom('award_decision_lines').selectAll().where('tenant_id', '=', tenantId).where('decision_id', '=', decisionId)
    .orderBy('recipient').orderBy('sort_key').orderBy('id').execute();
}

/** The number of the decision (other than `exceptId`) each candidate is already on. */
export async function decisionsHolding(db: Db, tenantId: string, candidateIds: readonly string[], exceptId: string | null) {
  if (candidateIds.length === 0) return new Map<string, { number: number; symbol: string }>();
  let q = db.selectFrom('award_decision_lines as l')
    .innerJoin('award_decisions as d', (j) => j.onRef('d.tenant_id', '=', 'l.tenant_id').onRef('d.id', '=', 'l.decision_id'))
    .select(['l.candidate_id', 'd.number', 'd.symbol']).where('l.tenant_id', '=', tenantId).where('l.candidate_id', 'in', candidateIds);
  if (exceptId) q = q.where('d.id', '!=', exceptId);
  return new Map((await q.execute()).map((r) => [r.candidate_id, { number: r.number, symbol: r.symbol }]));
}

export async function candidatesByIds(db: Db, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('nomination_candidates').selectAll().where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
}

export async function insertLines(db: Db, lines: Insertable<AwardDecisionLinesTable>[]) {
  if (lines.length) await db.insertInto('award_decision_lines').values(lines).execute();
}

export async function deleteLines(db: Db, tenantId: string, decisionId: string) {
  await db.deleteFrom('award_decision_lines').where('tenant_id', '=', tenantId).where('decision_id', '=', decisionId).execute();
}

/**
 * Accepted or voted candidates of an award form, in batches received under the given paths, that are on
 * no decision yet: what an authority may choose from. Households are listed too (the page says why
 * they cannot be chosen).
 */
export async function openCandidates(db: Db, tenantId: string, awardForm: string, receivingPrefixes: readonly string[]) {
  if (receivingPrefixes.length === 0) return [];
  return db.selectFrom('nomination_candidates as c')
    .innerJoin('nomination_batches as b', (j) => j.onRef('b.tenant_id', '=', 'c.tenant_id').onRef('b.id', '=', 'c.batch_id'))
    .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'b.tenant_id').onRef('o.id', '=', 'b.organisation_id'))
    .innerJoin('organisations as r', (j) => j.onRef('r.tenant_id', '=', 'b.tenant_id').onRef('r.id', '=', 'b.receiving_organisation_id'))
    .select(['c.id', 'c.batch_id', 'c.person_id', 'c.organisation_id', 'c.household_id', 'c.status', 'c.name', 'c.position', 'c.unit_name',
      'b.title as batch_title', 'b.year', 'b.kind', 'o.name as organisation_name', 'r.path as receiving_path'])
    .where('c.tenant_id', '=', tenantId).where('b.award_form', '=', awardForm).where('c.status', 'in', [...DECIDABLE])
    .where('b.status', '=', 'accepted')
    .where(pathUnder('r.path', receivingPrefixes))
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('award_decision_lines as l').select(sql`1`.as('one'))
      .whereRef('l.tenant_id', '=', 'c.tenant_id').whereRef('l.candidate_id', '=', 'c.id'))))
    .orderBy('b.year', 'desc').orderBy('o.path').orderBy('c.sort_key').limit(1000).execute();
}

/**
 * The organisation paths of the units that first nominated candidates forwarded up the tree (following
 * source_candidate_id to its start): they hear of the decision too, not only the level that forwarded.
 */
export async function originUnitPaths(db: Db, tenantId: string, candidateIds: readonly string[]): Promise<string[]> {
  if (candidateIds.length === 0) return [];
  const rows = await sql<{ path: string }>`
    WITH RECURSIVE up (id, depth) AS (
      SELECT c.source_candidate_id, 1 FROM nomination_candidates c
       WHERE c.tenant_id = ${tenantId} AND c.id IN (${sql.join(candidateIds)}) AND c.source_candidate_id IS NOT NULL
      UNION
      SELECT c.source_candidate_id, up.depth + 1 FROM nomination_candidates c JOIN up ON c.tenant_id = ${tenantId} AND c.id = up.id
       WHERE c.source_candidate_id IS NOT NULL AND up.depth < 10
    )
    SELECT DISTINCT o.path FROM up
      JOIN nomination_candidates c ON c.tenant_id = ${tenantId} AND c.id = up.id
      JOIN nomination_batches b ON b.tenant_id = c.tenant_id AND b.id = c.batch_id
      JOIN organisations o ON o.tenant_id = b.tenant_id AND o.id = b.organisation_id`.execute(db);
  return rows.rows.map((r) => r.path);
}
