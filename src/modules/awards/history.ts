import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { newVerificationCode, restsOnDecision } from './model.ts';
import { fillAwardRecipients } from './recipient.ts';

type Db = Kysely<Database>;

/**
 * An award from the archive of past decisions (archive/history): what the paper said, the recipient
 * as written, and the person or organisation when the import matched one (else both null, and
 * `written_path` says where it counts until someone matches it).
 */
export interface HistoricAward {
  person_id: string | null; organisation_id: string | null;
  award_form: string; year: number; reason: string; decision_number: string; decided_on: string; decided_by: string;
  amount: number | null;
  written_kind: 'individual' | 'collective'; written_name: string; written_unit: string; written_birth_year: number | null;
  written_name_fold: string; written_sort_key: string; written_path: string | null;
  /** the row's natural key: a key already imported is left as it is (it may have been matched since) */
  history_key: string;
  created_by: string | null;
}

const CHUNK = 500;

const COLUMNS = [
  ['tenant_id', 'uuid'], ['id', 'uuid'], ['person_id', 'uuid'], ['organisation_id', 'uuid'], ['award_form', 'text'], ['year', 'integer'],
  ['reason', 'text'], ['decision_number', 'text'], ['decided_on', 'date'], ['decided_by', 'text'], ['amount', 'bigint'],
  ['verification_code', 'text'], ['written_kind', 'text'], ['written_name', 'text'], ['written_unit', 'text'], ['written_birth_year', 'integer'],
  ['written_name_fold', 'text'], ['written_sort_key', 'text'], ['written_path', 'text'], ['history_key', 'text'],
  ['created_by', 'uuid'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
] as const;

/**
 * Writes imported past awards, in the caller's transaction: a row whose natural key is already there
 * adds nothing, nor does a matched row whose person or organisation already holds the same form,
 * year and decision (recorded by the decisions module or entered by hand). The new awards get their
 * verification codes, recipient columns and tallies as every other award does. Returns the new ids
 * and how many rows were already there.
 */
export async function importHistoricAwards(db: Db, tenantId: string, awards: readonly HistoricAward[], now: Date): Promise<{ created: string[]; existing: number }> {
  return inTransaction(db, async (trx) => {
    const created: string[] = [];
    for (let i = 0; i < awards.length; i += CHUNK) {
      const rows = awards.slice(i, i + CHUNK).map((a) => {
        const values: Record<(typeof COLUMNS)[number][0], unknown> = {
          ...a, tenant_id: tenantId, id: uuidv7(now.getTime()), created_at: now, updated_at: now,
          verification_code: restsOnDecision(a.decision_number) ? newVerificationCode() : null,
        };
        return sql`(${sql.join(COLUMNS.map(([c, type]) => sql`${values[c] ?? null}::${sql.raw(type)}`))})`;
      });
      const names = sql.join(COLUMNS.map(([c]) => sql.ref(c)));
      const result = await sql<{ id: string }>`
        INSERT INTO awards (${names})
        SELECT ${sql.join(COLUMNS.map(([c]) => sql.ref(`v.${c}`)))} FROM (VALUES ${sql.join(rows)}) AS v (${names})
        WHERE NOT EXISTS (SELECT 1 FROM awards x WHERE x.tenant_id = v.tenant_id
          AND (x.person_id = v.person_id OR x.organisation_id = v.organisation_id)
          AND x.award_form = v.award_form AND x.year = v.year AND x.decision_number = v.decision_number)
        ON CONFLICT (tenant_id, history_key) WHERE history_key IS NOT NULL DO NOTHING
        RETURNING id`.execute(trx);
      created.push(...result.rows.map((r) => r.id));
    }
    for (let i = 0; i < created.length; i += 10_000) {
      await fillAwardRecipients(trx, tenantId, { awardIds: created.slice(i, i + 10_000) });
    }
    return { created, existing: awards.length - created.length };
  });
}
