import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { formsSeenBy } from '../awards/index.ts';
import type { FormGroup, FormLevel, RecipientKind } from './forms-model.ts';

type Db = Kysely<Database>;

/** The SQL of the tenant's catalogue (migration 0031): forms it sees, its own forms, retirements, rule versions. */

export async function formsOf(db: Db, tenantId: string) {
  return formsSeenBy(db, tenantId)
    .leftJoin('award_form_retirements as r', (j) => j.onRef('r.award_form', '=', 'award_forms.code').on('r.tenant_id', '=', tenantId))
    .select(['award_forms.code', 'award_forms.display_code', 'award_forms.name', 'award_forms.category', 'award_forms.form_group',
      'award_forms.recipient_kinds', 'award_forms.level', 'award_forms.conferred_by', 'award_forms.citation', 'award_forms.tenant_id',
      'award_forms.version', 'award_forms.sort_order', 'r.retired_on', 'r.citation as retirement_citation'])
    .orderBy('award_forms.sort_order').orderBy('award_forms.name').execute();
}
export type FormRow = Awaited<ReturnType<typeof formsOf>>[number];

export async function formSeen(db: Db, tenantId: string, code: string): Promise<FormRow | undefined> {
  return (await formsOf(db, tenantId)).find((f) => f.code === code);
}

/** Whether a code is taken among the forms the tenant sees (its own display codes and the shared codes). */
export async function codeTaken(db: Db, tenantId: string, displayCode: string, except: string | null): Promise<boolean> {
  const row = await formsSeenBy(db, tenantId).where('display_code', '=', displayCode)
    .where((eb) => (except === null ? eb.val(true) : eb('code', '<>', except))).select('code').executeTakeFirst();
  return row !== undefined;
}

export interface FormColumns {
  display_code: string; name: string; category: 'title' | 'award'; form_group: FormGroup; recipient: 'individual' | 'collective' | 'both' | 'household' | 'community';
  recipient_kinds: readonly RecipientKind[]; level: FormLevel; conferred_by: string; citation: string; sort_order: number;
}

export async function insertForm(db: Db, tenantId: string, code: string, columns: FormColumns, by: string, at: Date) {
  await db.insertInto('award_forms').values({
    ...columns, recipient_kinds: JSON.stringify(columns.recipient_kinds), code, tenant_id: tenantId, version: 1, updated_by: by, updated_at: at,
  }).execute();
}

/** Saves the tenant's edit if nobody saved since `version`; false when someone did (the caller answers 409). */
export async function updateForm(db: Db, tenantId: string, code: string, version: number, columns: FormColumns, by: string, at: Date): Promise<boolean> {
  const result = await db.updateTable('award_forms')
    .set({ ...columns, recipient_kinds: JSON.stringify(columns.recipient_kinds), version: version + 1, updated_by: by, updated_at: at })
    .where('code', '=', code).where('tenant_id', '=', tenantId).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface CoefficientRow { recipient: 'individual' | 'collective'; legal_basis: string; coefficient: number; citation: string }

export async function coefficientsOf(db: Db, tenantId: string) {
  return db.selectFrom('award_money_coefficients').selectAll()
    .where((eb) => eb.or([eb('tenant_id', 'is', null), eb('tenant_id', '=', tenantId)])).execute();
}

/** The money of a tenant's own form, replaced as a whole on each save. */
export async function replaceCoefficients(db: Db, tenantId: string, code: string, rows: readonly CoefficientRow[]) {
  await db.deleteFrom('award_money_coefficients').where('award_form', '=', code).where('tenant_id', '=', tenantId).execute();
  if (rows.length === 0) return;
  await db.insertInto('award_money_coefficients').values(rows.map((r) => ({
    award_form: code, tenant_id: tenantId, recipient: r.recipient, legal_basis: r.legal_basis, coefficient: r.coefficient, citation: r.citation,
    needs_confirmation: false,
  }))).execute();
}

export async function retire(db: Db, tenantId: string, code: string, retiredOn: string, citation: string, by: string, at: Date) {
  await db.insertInto('award_form_retirements').values({ tenant_id: tenantId, award_form: code, retired_on: retiredOn, citation, retired_by: by, retired_at: at })
    .onConflict((oc) => oc.columns(['tenant_id', 'award_form']).doUpdateSet({ retired_on: retiredOn, citation, retired_by: by, retired_at: at })).execute();
}

export async function reinstate(db: Db, tenantId: string, code: string) {
  await db.deleteFrom('award_form_retirements').where('tenant_id', '=', tenantId).where('award_form', '=', code).execute();
}

/**
 * How often the tenant used a form: awards (kept for ever), nominations, council agendas, consultations,
 * decisions, and movement plans and rule versions that name it. Any use forbids deleting it.
 */
export async function usesOf(db: Db, tenantId: string, code: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`SELECT
      (SELECT count(*) FROM awards WHERE tenant_id = ${tenantId} AND award_form = ${code})
    + (SELECT count(*) FROM nomination_batches WHERE tenant_id = ${tenantId} AND award_form = ${code})
    + (SELECT count(*) FROM council_agenda_items WHERE tenant_id = ${tenantId} AND award_form = ${code})
    + (SELECT count(*) FROM consultations WHERE tenant_id = ${tenantId} AND award_form = ${code})
    + (SELECT count(*) FROM award_decisions WHERE tenant_id = ${tenantId} AND award_form = ${code})
    + (SELECT count(*) FROM movements WHERE tenant_id = ${tenantId} AND strpos(plan::text, ${`"${code}"`}) > 0)
    + (SELECT count(*) FROM eligibility_rule_versions WHERE tenant_id = ${tenantId} AND award_form <> ${code} AND strpos(rule::text, ${`"${code}"`}) > 0)
    AS n`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Deletes a tenant's own form nobody used, with what hangs on it. */
export async function deleteForm(db: Db, tenantId: string, code: string) {
  await db.deleteFrom('award_money_coefficients').where('award_form', '=', code).where('tenant_id', '=', tenantId).execute();
  await db.deleteFrom('award_procedures').where('award_form', '=', code).where('tenant_id', '=', tenantId).execute();
  await db.deleteFrom('award_form_retirements').where('award_form', '=', code).where('tenant_id', '=', tenantId).execute();
  await db.deleteFrom('eligibility_caps').where('award_form', '=', code).where('tenant_id', '=', tenantId).execute();
  await db.deleteFrom('eligibility_rule_versions').where('award_form', '=', code).where('tenant_id', '=', tenantId).execute();
  await db.deleteFrom('award_forms').where('code', '=', code).where('tenant_id', '=', tenantId).execute();
}

export async function ruleVersionsOf(db: Db, tenantId: string, code: string) {
  return db.selectFrom('eligibility_rule_versions as v').leftJoin('users as u', 'u.id', 'v.created_by')
    .select(['v.id', 'v.recipient', 'v.legal_basis', 'v.version', 'v.valid_from', 'v.rule', 'v.cap', 'v.citation', 'v.article', 'v.note',
      'v.created_at', 'u.display_name as author'])
    .where('v.tenant_id', '=', tenantId).where('v.award_form', '=', code).orderBy('v.version', 'desc').execute();
}

export async function sharedRulesOf(db: Db, code: string) {
  return db.selectFrom('eligibility_rules').selectAll().where('award_form', '=', code).execute();
}

export async function latestVersion(db: Db, tenantId: string, code: string, recipient: 'individual' | 'collective', legalBasis: string): Promise<number> {
  const row = await db.selectFrom('eligibility_rule_versions').select((eb) => eb.fn.max('version').as('v'))
    .where('tenant_id', '=', tenantId).where('award_form', '=', code).where('recipient', '=', recipient).where('legal_basis', '=', legalBasis)
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

export interface RuleVersionRow {
  id: string; award_form: string; recipient: 'individual' | 'collective'; legal_basis: string; version: number; valid_from: string;
  rule: unknown; cap: unknown; citation: string; article: string; note: string;
}

export async function insertRuleVersion(db: Db, tenantId: string, row: RuleVersionRow, by: string, at: Date) {
  await db.insertInto('eligibility_rule_versions').values({
    ...row, tenant_id: tenantId, rule: JSON.stringify(row.rule), cap: row.cap === null ? null : JSON.stringify(row.cap), created_by: by, created_at: at,
  }).execute();
}
