import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

type Db = Kysely<Database>;

/**
 * Which award forms a tenant sees (migration 0031): the shared defaults (tenant_id NULL, the platform
 * operator's) and its own. Every list of forms and every check of a form code a request names goes
 * through these, so one tenant's forms never show up in, or can be used by, another.
 */
export function seenBy(tenantId: string, table = 'award_forms') {
  return sql<boolean>`(${sql.ref(`${table}.tenant_id`)} IS NULL OR ${sql.ref(`${table}.tenant_id`)} = ${tenantId})`;
}

/** The forms a tenant sees, in catalogue order (retired ones included: history still names them). */
export function formsSeenBy(db: Db, tenantId: string) {
  return db.selectFrom('award_forms').where(seenBy(tenantId));
}

/** Whether the form is still offered on `today` (Asia/Ho_Chi_Minh): not retired by the tenant from that day or earlier. */
export function notRetired(tenantId: string, today: string, column = 'award_forms.code') {
  return sql<boolean>`NOT EXISTS (SELECT 1 FROM award_form_retirements r WHERE r.tenant_id = ${tenantId} AND r.award_form = ${sql.ref(column)}
    AND r.retired_on <= ${today})`;
}

export interface OfferedForm { code: string; name: string; recipient: string; level: string; category: 'title' | 'award' }

/**
 * A form the tenant sees and has not retired, or undefined: what a new nomination, movement plan or
 * manual award may name (a retired form keeps its history but is not offered).
 */
export async function offeredForm(db: Db, tenantId: string, code: string, today: string): Promise<OfferedForm | undefined> {
  return formsSeenBy(db, tenantId).where('code', '=', code).where(notRetired(tenantId, today))
    .select(['code', 'name', 'recipient', 'level', 'category']).executeTakeFirst();
}

/** A form the tenant sees (retired or not), or undefined. */
export async function seenForm(db: Db, tenantId: string, code: string) {
  return formsSeenBy(db, tenantId).where('code', '=', code).select(['code', 'name', 'recipient', 'level', 'category', 'conferred_by']).executeTakeFirst();
}
