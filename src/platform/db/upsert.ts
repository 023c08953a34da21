import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { uuidv7 } from '../ids.ts';

/** One record of a person or of a collective (`RecordSubject` tables), by column name. */
export interface SubjectRecord { personId: string | null; organisationId: string | null; values: Record<string, string | number | null> }

export interface SubjectUpsert {
  table: 'annual_ratings' | 'awards' | 'initiatives' | 'disciplines';
  tenantId: string;
  /** the natural key besides the subject: a known key updates, a new one inserts */
  keys: readonly string[];
  /** every column written besides tenant, id, subject and stamps (keys included) */
  columns: readonly string[];
  records: readonly SubjectRecord[];
  actorUserId: string;
  now: Date;
}

const WRITE_CHUNK = 1_000;

/**
 * Writes subject records set-based, ~1000 rows per statement: a new natural key inserts, a known one
 * updates only when something differs (so importing the same file again changes nothing, not even
 * updated_at). `xmax = 0` on a returned row tells an insert from an update.
 */
export async function upsertSubjectRecords(trx: Kysely<Database>, upsert: SubjectUpsert): Promise<{ created: number; updated: number }> {
  const { table, tenantId, keys, columns, records, actorUserId, now } = upsert;
  const changing = columns.filter((c) => !keys.includes(c));
  let created = 0;
  let updated = 0;
  for (const subject of ['person_id', 'organisation_id'] as const) {
    const mine = records.filter((r) => (subject === 'person_id' ? r.personId : r.organisationId) !== null);
    for (let i = 0; i < mine.length; i += WRITE_CHUNK) {
      const rows = mine.slice(i, i + WRITE_CHUNK).map((r) => {
        const values = columns.map((c) => r.values[c] ?? null);
        return sql`(${sql.join([tenantId, uuidv7(now.getTime()), r.personId, r.organisationId, ...values, actorUserId, now, now])})`;
      });
      const result = await sql<{ inserted: boolean }>`
        INSERT INTO ${sql.table(table)} (tenant_id, id, person_id, organisation_id, ${sql.join(columns.map((c) => sql.ref(c)))}, created_by, created_at, updated_at)
        VALUES ${sql.join(rows)}
        ON CONFLICT (tenant_id, ${sql.ref(subject)}, ${sql.join(keys.map((c) => sql.ref(c)))}) WHERE ${sql.ref(subject)} IS NOT NULL
        DO UPDATE SET ${sql.join(changing.map((c) => sql`${sql.ref(c)} = EXCLUDED.${sql.ref(c)}`))}, updated_at = EXCLUDED.updated_at
        WHERE (${sql.join(changing.map((c) => sql`${sql.table(table)}.${sql.ref(c)}`))})
          IS DISTINCT FROM (${sql.join(changing.map((c) => sql`EXCLUDED.${sql.ref(c)}`))})
        RETURNING (xmax = 0) AS inserted`.execute(trx);
      for (const row of result.rows) {
        if (row.inserted) created++;
        else updated++;
      }
    }
  }
  return { created, updated };
}
