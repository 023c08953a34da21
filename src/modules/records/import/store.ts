import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { upsertSubjectRecords } from '../../../platform/db/upsert.ts';
import { importAwards } from '../../awards/index.ts';
import { foldVietnamese } from '../../../platform/vn/fold.ts';
import { pathUnder } from '../../organisations/index.ts';
import type { RecordKind } from '../model.ts';
import { NATURAL_KEYS } from './columns.ts';
import type { ColumnValue, ImportRecord } from './validate.ts';
import { formsSeenBy } from '../../awards/index.ts';

type Db = Kysely<Database>;

export const TABLES = {
  ratings: 'annual_ratings', awards: 'awards', initiatives: 'initiatives', disciplines: 'disciplines',
} as const satisfies Record<RecordKind, keyof Database>;

/** The columns an import writes, per kind (besides tenant, id, subject and stamps). */
export const VALUE_COLUMNS: Record<RecordKind, string[]> = {
  ratings: ['year', 'rating', 'source_number', 'source_date', 'source_issuer'],
  awards: ['award_form', 'year', 'basis', 'reason', 'decision_number', 'decided_on', 'decided_by'],
  initiatives: ['kind', 'title', 'title_fold', 'level', 'year', 'recognised_on', 'effect', 'source_number', 'source_date', 'source_issuer'],
  disciplines: ['form', 'starts_on', 'ends_on', 'reason', 'source_number', 'source_date', 'source_issuer'],
};

/** codes per lookup, sent as one array parameter */
const CODE_CHUNK = 20_000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * People and units named by code that the actor reaches (a person through any employment, now or
 * before, in a reachable subtree). Codes outside the scope are simply not found.
 *
 * Each code is probed through its index and each person's employments through theirs, one LIMIT 1 at a
 * time, against the reachable units gathered once (an InitPlan): left to choose, the planner misjudged
 * the subtree as one unit and hashed every employment under it for each batch of codes — half a second a
 * batch for a province's administrator, a sixth of a million-row import (issue 16).
 */
export async function subjectsByCode(db: Db, tenantId: string, prefixes: readonly string[],
  personCodes: readonly string[], unitCodes: readonly string[]) {
  const people = new Map<string, string>();
  const units = new Map<string, string>();
  const reachable = sql`ARRAY(SELECT o.id FROM organisations o WHERE o.tenant_id = ${tenantId} AND ${pathUnder('o.path', prefixes)})`;
  for (const codes of chunks([...new Set(personCodes)], CODE_CHUNK)) {
    const { rows } = await sql<{ id: string; code: string }>`
      SELECT p.id, p.code FROM unnest(${codes}::text[]) AS c (code)
      JOIN people p ON p.tenant_id = ${tenantId} AND p.code = c.code
      CROSS JOIN LATERAL (SELECT 1 FROM employments e
        WHERE e.tenant_id = p.tenant_id AND e.person_id = p.id AND e.organisation_id = ANY (${reachable}) LIMIT 1) AS reached`.execute(db);
    for (const r of rows) people.set(r.code, r.id);
  }
  for (const codes of chunks([...new Set(unitCodes)], CODE_CHUNK)) {
    const rows = await db.selectFrom('organisations').select(['id', 'code'])
      .where('tenant_id', '=', tenantId).where(sql<boolean>`code = any(${codes}::text[])`).where(pathUnder('path', prefixes)).execute();
    for (const r of rows) units.set(r.code!, r.id);
  }
  return { people, units };
}

export async function awardFormCatalogue(db: Db, tenantId: string) {
  return formsSeenBy(db, tenantId).select(['code', 'name']).orderBy('sort_order').execute();
}

/** An award form cell may hold the Vietnamese name or the code; both are matched folded. */
export function awardFormIndex(forms: { code: string; name: string }[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const f of forms) {
    index.set(foldVietnamese(f.name), f.code);
    index.set(foldVietnamese(f.code), f.code);
    index.set(f.code, f.code);
  }
  return index;
}

/**
 * Writes the records set-based (platform/db/upsert.ts): a new natural key inserts, a known one updates
 * only when something differs. Awards are written by their owner (awards importAwards), which keeps their
 * recipient columns, tallies and verification codes.
 */
export async function upsertRecords(trx: Transaction<Database>, tenantId: string, kind: RecordKind,
  records: readonly ImportRecord[], actorUserId: string, now: Date): Promise<{ created: number; updated: number }> {
  if (kind === 'awards') {
    return importAwards(trx, tenantId, { keys: NATURAL_KEYS.awards, columns: VALUE_COLUMNS.awards, records, actorUserId, now });
  }
  return upsertSubjectRecords(trx, { table: TABLES[kind], tenantId, keys: NATURAL_KEYS[kind], columns: VALUE_COLUMNS[kind], records, actorUserId, now });
}

export type ExportRow = Record<string, ColumnValue> & {
  person_code: string | null; person_name: string | null; unit_code: string | null; unit_name: string | null;
};

const ORDER: Record<RecordKind, string[]> = {
  ratings: ['year'], awards: ['year', 'award_form', 'decision_number'], initiatives: ['year', 'title_fold'], disciplines: ['starts_on', 'form'],
};

/**
 * The records of everyone employed (now or before) under `path` and of the collectives under it,
 * with the codes an import names them by and the names a reader needs. Awards carry the form's name.
 */
export async function recordsUnder(db: Db, tenantId: string, kind: RecordKind, path: string): Promise<ExportRow[]> {
  const table = TABLES[kind];
  const columns = VALUE_COLUMNS[kind];
  const prefix = `${path}%`;
  const result = await sql<ExportRow>`
    SELECT ${sql.join(columns.map((c) => (c === 'award_form'
      ? sql`coalesce(f.name, r.award_form) AS award_form`
      : sql`r.${sql.ref(c)}`)))},
      p.code AS person_code, p.full_name AS person_name, o.code AS unit_code,
      coalesce(o.name, (SELECT eo.name FROM employments e
        JOIN organisations eo ON eo.tenant_id = e.tenant_id AND eo.id = e.organisation_id
        WHERE e.tenant_id = r.tenant_id AND e.person_id = r.person_id ORDER BY e.start_date DESC LIMIT 1)) AS unit_name
    FROM ${sql.table(table)} AS r
    LEFT JOIN people p ON p.tenant_id = r.tenant_id AND p.id = r.person_id
    LEFT JOIN organisations o ON o.tenant_id = r.tenant_id AND o.id = r.organisation_id
    ${kind === 'awards' ? sql`LEFT JOIN award_forms f ON f.code = r.award_form` : sql``}
    WHERE r.tenant_id = ${tenantId} AND (
      r.person_id IN (SELECT e.person_id FROM employments e
        JOIN organisations eo ON eo.tenant_id = e.tenant_id AND eo.id = e.organisation_id
        WHERE e.tenant_id = ${tenantId} AND eo.path LIKE ${prefix})
      OR o.path LIKE ${prefix})
    ORDER BY o.sort_key NULLS FIRST, p.sort_key, ${sql.join(ORDER[kind].map((c) => sql`r.${sql.ref(c)}`))}`.execute(db);
  return result.rows;
}
