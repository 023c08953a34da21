import { sql, type Insertable, type Kysely, type SqlBool, type Updateable } from 'kysely';
import type { AwardsTable, Database } from '../../platform/db/schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { upsertSubjectRecords, type SubjectUpsert } from '../../platform/db/upsert.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { newVerificationCode, restsOnDecision } from './model.ts';
import { fillAwardRecipients, fillSelected, type AwardRecipientSelection } from './recipient.ts';
import { retallyAwards, type AwardCondition } from './tallies.ts';
import { assertDeletable } from './holds.ts';

type Db = Kysely<Database>;

/**
 * The award ledger: the only code that inserts, updates or deletes `awards` (and its `award_tallies`).
 * Every write here keeps the three things each award carries besides what its writer says:
 *  - the recipient columns (recipient.ts fillAwardRecipients: name, sort key, unit at decision time, groups);
 *  - the statistics' tallies, in the same transaction (tallies.ts retallyAwards);
 *  - a verification code for the certificate when the award rests on a decision (model.ts).
 * The audit row stays with the use case that writes (records, decisions, certificates, import): it
 * knows who asked and why; this module does not write one, so nothing is audited twice.
 */

type RecipientColumn = 'recipient_name_fold' | 'recipient_sort_key' | 'recipient_path' | 'recipient_female'
  | 'recipient_ethnic_minority' | 'recipient_leader' | 'recipient_direct_worker';

/** An award to write: what its writer knows. `id` defaults to a new UUIDv7, `verification_code` to a fresh code when there is a decision number. */
export type NewAward = Omit<Insertable<AwardsTable>, 'tenant_id' | 'id' | 'verification_code' | RecipientColumn> & {
  id?: string; verification_code?: string | null;
};

const WRITE_CHUNK = 1_000;
/** as the start-up backfill fills: one set-based UPDATE per 10 000 awards */
const FILL_CHUNK = 10_000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Writes awards with their recipient columns, tallies and verification codes, in one transaction (the caller's or a new one). Returns their ids. */
export async function recordAwards(db: Db, tenantId: string, awards: readonly NewAward[]): Promise<string[]> {
  if (awards.length === 0) return [];
  const rows = awards.map((a) => ({
    ...a, tenant_id: tenantId, id: a.id ?? uuidv7(),
    verification_code: a.verification_code !== undefined ? a.verification_code : restsOnDecision(a.decision_number) ? newVerificationCode() : null,
  }));
  return inTransaction(db, async (trx) => {
    for (const chunk of chunks(rows, WRITE_CHUNK)) await trx.insertInto('awards').values(chunk).execute();
    // new awards count nowhere until their recipient is known: filling them puts them into the tallies
    for (const chunk of chunks(rows, FILL_CHUNK)) await fillAwardRecipients(trx, tenantId, { awardIds: chunk.map((r) => r.id) });
    return rows.map((r) => r.id);
  });
}

/**
 * Awards from a spreadsheet (records import): upserted by natural key, then given verification codes
 * and their subjects' recipient columns (a changed decision date can move the unit), with tallies.
 */
export async function importAwards(trx: Db, tenantId: string, upsert: Omit<SubjectUpsert, 'table' | 'tenantId'>) {
  return inTransaction(trx, async (trx) => {
    const counts = await upsertSubjectRecords(trx, { ...upsert, table: 'awards', tenantId });
    await backfillVerificationCodes(trx, tenantId);
    const ids = (pick: (r: SubjectUpsert['records'][number]) => string | null) =>
      [...new Set(upsert.records.map(pick).filter((v): v is string => v !== null))];
    await fillAwardRecipients(trx, tenantId, { personIds: ids((r) => r.personId) });
    await fillAwardRecipients(trx, tenantId, { organisationIds: ids((r) => r.organisationId) });
    return counts;
  });
}

/** Which awards a revision touches. */
export type AwardSelection = AwardRecipientSelection extends infer S ? Exclude<S, { missing: true }> | { year: number } : never;

/** What may change on a written award. Everything else (recipient, form, year, decision) is what the award is. */
export type AwardChange =
  | { set: Pick<Updateable<AwardsTable>, 'amount' | 'revoked_on' | 'revocation_number' | 'updated_at'> }
  /** a revocation decision annuls the awards not annulled yet */
  | { revoke: { on: string; number: string; at: Date } }
  /** an award entered by mistake */
  | { delete: true }
  /**
   * an imported award kept as written (archive/history) given its person or organisation: only awards
   * without either change; their recipient columns are filled again in the same retally
   */
  | { recipient: { personId: string } | { organisationId: string }; at: Date };

function selectionSql(which: AwardSelection): AwardCondition | null {
  const list = (ids: readonly string[]) => sql`ANY(${ids as string[]}::uuid[])`;
  if ('year' in which) return sql<SqlBool>`a.year = ${which.year}`;
  if ('awardIds' in which) return which.awardIds.length ? sql<SqlBool>`a.id = ${list(which.awardIds)}` : null;
  if ('personIds' in which) return which.personIds.length ? sql<SqlBool>`a.person_id = ${list(which.personIds)}` : null;
  return which.organisationIds.length ? sql<SqlBool>`a.organisation_id = ${list(which.organisationIds)}` : null;
}

async function selectedIds(db: Db, tenantId: string, condition: AwardCondition) {
  const { rows } = await sql<{ id: string }>`SELECT a.id FROM awards a WHERE a.tenant_id = ${tenantId} AND ${condition}`.execute(db);
  return rows.map((r) => r.id);
}

/** Changes, revokes or deletes awards with their tallies kept right. Returns how many awards it touched. */
export async function reviseAwards(db: Db, tenantId: string, which: AwardSelection, change: AwardChange): Promise<number> {
  const condition = selectionSql(which);
  if (!condition) return 0;
  if ('delete' in change) await assertDeletable(db, tenantId, await selectedIds(db, tenantId, condition));
  return retallyAwards(db, tenantId, condition, async (trx) => {
    const selected = sql<SqlBool>`(tenant_id, id) IN (SELECT a.tenant_id, a.id FROM awards a WHERE a.tenant_id = ${tenantId} AND ${condition})`;
    if ('delete' in change) {
      const result = await trx.deleteFrom('awards').where('tenant_id', '=', tenantId).where(selected).executeTakeFirst();
      return Number(result.numDeletedRows);
    }
    if ('recipient' in change) {
      const who = 'personId' in change.recipient ? { person_id: change.recipient.personId } : { organisation_id: change.recipient.organisationId };
      const result = await trx.updateTable('awards').set({ ...who, updated_at: change.at })
        .where('tenant_id', '=', tenantId).where(selected).where('person_id', 'is', null).where('organisation_id', 'is', null)
        .executeTakeFirst();
      await fillSelected(trx, tenantId, condition);
      return Number(result.numUpdatedRows);
    }
    const update = 'revoke' in change
      ? trx.updateTable('awards').set({ revoked_on: change.revoke.on, revocation_number: change.revoke.number, updated_at: change.revoke.at })
        .where('revoked_on', 'is', null)
      : trx.updateTable('awards').set(change.set);
    const result = await update.where('tenant_id', '=', tenantId).where(selected).executeTakeFirst();
    return Number(result.numUpdatedRows);
  });
}

/** Records the money paid with each award (id → đồng), tallies kept right. */
export async function setAwardAmounts(db: Db, tenantId: string, amounts: ReadonlyMap<string, number>): Promise<number> {
  if (amounts.size === 0) return 0;
  const ids = [...amounts.keys()];
  const values = [...amounts.values()];
  await retallyAwards(db, tenantId, sql<SqlBool>`a.id = ANY(${ids}::uuid[])`, (trx) => sql`UPDATE awards AS a SET amount = m.amount
    FROM unnest(${ids}::uuid[], ${values}::bigint[]) AS m (id, amount) WHERE a.tenant_id = ${tenantId} AND a.id = m.id`.execute(trx));
  return ids.length;
}

/**
 * Gives a verification code to every award with a decision number that has none (rows from before
 * migration 0008, or written by a path that did not give one). Set-based, in chunks; idempotent.
 * Returns how many awards got a code.
 */
export async function backfillVerificationCodes(db: Db, tenantId: string | null = null, chunk = 5000): Promise<number> {
  let total = 0;
  for (;;) {
    // written as the partial index awards_without_code (0019) says, so that the planner can use it
    let query = db.selectFrom('awards').select(['tenant_id', 'id']).where(sql<boolean>`verification_code IS NULL AND decision_number <> ''`);
    if (tenantId) query = query.where('tenant_id', '=', tenantId);
    const rows = await query.limit(chunk).execute();
    if (rows.length === 0) return total;
    const values = rows.map((r) => sql`(${r.tenant_id}::uuid, ${r.id}::uuid, ${newVerificationCode()})`);
    await sql`UPDATE awards SET verification_code = v.code
      FROM (VALUES ${sql.join(values)}) AS v (tenant_id, id, code)
      WHERE awards.tenant_id = v.tenant_id AND awards.id = v.id`.execute(db);
    total += rows.length;
  }
}
