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

/** Rows per statement: arrays keep the statement's text and its parameters to one per column, whatever the row count. */
const WRITE_CHUNK = 20_000;

/** The SQL type of each column of a table (`integer`, `date`, `character varying(…)`), read once per table. */
const columnTypes = new Map<string, Promise<Map<string, string>>>();

function typesOf(trx: Kysely<Database>, table: string): Promise<Map<string, string>> {
  let types = columnTypes.get(table);
  if (!types) {
    types = sql<{ name: string; type: string }>`
      SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type FROM pg_attribute a
      WHERE a.attrelid = ${table}::regclass AND a.attnum > 0 AND NOT a.attisdropped`.execute(trx)
      .then((r) => new Map(r.rows.map((c) => [c.name, c.type])));
    types.catch(() => columnTypes.delete(table));
    columnTypes.set(table, types);
  }
  return types;
}

/**
 * Writes subject records set-based: one INSERT … SELECT FROM unnest(one array per column) per 20,000 rows
 * (PGlite and PostgreSQL alike), so a million rows are some fifty statements. A new natural key inserts,
 * a known one updates only when something differs (so importing the same file again changes nothing, not
 * even updated_at). `xmax = 0` on a written row tells an insert from an update; only the two counts come back.
 */
export async function upsertSubjectRecords(trx: Kysely<Database>, upsert: SubjectUpsert): Promise<{ created: number; updated: number }> {
  const { table, tenantId, keys, columns, records, actorUserId, now } = upsert;
  const changing = columns.filter((c) => !keys.includes(c));
  const types = await typesOf(trx, table);
  const typeOf = (c: string) => {
    const type = types.get(c);
    if (!type) throw new Error(`${table}.${c}: no such column`);
    return sql.raw(`${type}[]`);
  };
  let created = 0;
  let updated = 0;
  for (const subject of ['person_id', 'organisation_id'] as const) {
    const mine = records.filter((r) => (subject === 'person_id' ? r.personId : r.organisationId) !== null);
    for (let i = 0; i < mine.length; i += WRITE_CHUNK) {
      const rows = mine.slice(i, i + WRITE_CHUNK);
      const ids = rows.map(() => uuidv7(now.getTime()));
      const subjects = rows.map((r) => (subject === 'person_id' ? r.personId : r.organisationId));
      const arrays = columns.map((c) => sql`${rows.map((r) => r.values[c] ?? null)}::${typeOf(c)}`);
      const result = await sql<{ created: string | number; updated: string | number }>`
        WITH written AS (
          INSERT INTO ${sql.table(table)} (tenant_id, id, ${sql.ref(subject)}, ${sql.join(columns.map((c) => sql.ref(c)))}, created_by, created_at, updated_at)
          SELECT ${tenantId}::uuid, u.*, ${actorUserId}::uuid, ${now}::timestamptz, ${now}::timestamptz
          FROM unnest(${ids}::uuid[], ${subjects}::uuid[], ${sql.join(arrays)}) AS u
          ON CONFLICT (tenant_id, ${sql.ref(subject)}, ${sql.join(keys.map((c) => sql.ref(c)))}) WHERE ${sql.ref(subject)} IS NOT NULL
          DO UPDATE SET ${sql.join(changing.map((c) => sql`${sql.ref(c)} = EXCLUDED.${sql.ref(c)}`))}, updated_at = EXCLUDED.updated_at
          WHERE (${sql.join(changing.map((c) => sql`${sql.table(table)}.${sql.ref(c)}`))})
            IS DISTINCT FROM (${sql.join(changing.map((c) => sql`EXCLUDED.${sql.ref(c)}`))})
          RETURNING (xmax = 0) AS inserted)
        SELECT count(*) FILTER (WHERE inserted) AS created, count(*) FILTER (WHERE NOT inserted) AS updated FROM written`.execute(trx);
      created += Number(result.rows[0]!.created);
      updated += Number(result.rows[0]!.updated);
    }
  }
  return { created, updated };
}
