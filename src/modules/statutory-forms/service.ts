import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { canReach, hasPermissionSomewhere, type Actor } from '../../platform/auth/policy.ts';
import { findOrganisation } from '../organisations/index.ts';
import { countedPrefixes, type CountedPrefix } from '../statistics/index.ts';
import { FORM_CODES, FORM_TITLES, formNumber, receivingUnit, reportingPeriod, type FormCode, type ReportingPeriod, type StatutoryForm } from './model.ts';
import { form0601 } from './form-0601.ts';
import { form0602, stateLevelForms } from './form-0602.ts';
import { form0603, provinceLevelColumns } from './form-0603.ts';
import { form0604 } from './form-0604.ts';
import { form0605 } from './form-0605.ts';
import { awardGroups, bodyGroups, councilGroups, loadAwardForms, movementGroups, parentOf, staffGroups, tenantKind } from './store.ts';
import { renderForm } from './xlsx.ts';

type Db = Kysely<Database>;

/** The five forms of a year, with the period they cover and the day they are due. */
export function listForms(actor: Actor, year: number) {
  if (!hasPermissionSomewhere(actor, 'statistics.read')) throw forbidden();
  const period = reportingPeriod(year);
  return { year, period: { from: period.from, to: period.to }, dueOn: period.dueOn,
    forms: FORM_CODES.map((code) => ({ code, number: formNumber(code), title: FORM_TITLES[code] })) };
}

/** One form filled for a subtree and a period, as the pure layout describes it. */
export async function fillForm(db: Db, tenantId: string, code: FormCode, prefixes: readonly CountedPrefix[], period: ReportingPeriod): Promise<StatutoryForm> {
  switch (code) {
    case '0601': return form0601(await movementGroups(db, tenantId, prefixes, period));
    case '0602': {
      const catalogue = await loadAwardForms(db, tenantId);
      const codes = stateLevelForms(catalogue).map((f) => f.code);
      return form0602(catalogue, await awardGroups(db, tenantId, prefixes, period, codes), await tenantKind(db, tenantId));
    }
    case '0603': {
      const catalogue = await loadAwardForms(db, tenantId);
      const codes = provinceLevelColumns(catalogue).flatMap((c) => c.codes);
      return form0603(catalogue, await awardGroups(db, tenantId, prefixes, period, codes));
    }
    case '0604': return form0604(await bodyGroups(db, tenantId, prefixes, period), await councilGroups(db, tenantId, prefixes, period));
    case '0605': return form0605(await staffGroups(db, tenantId, prefixes, period), period.year);
  }
}

/**
 * A form as an XLSX file for the subtree of a reporting organisation (a province, a department …)
 * and a year. An organisation outside the actor's statistics scope answers 404, as if it did not exist.
 */
export async function formWorkbook(db: Db, actor: Actor, code: FormCode, organisationId: string, year: number) {
  if (!hasPermissionSomewhere(actor, 'statistics.read')) throw forbidden();
  const org = await findOrganisation(db, actor.tenantId, organisationId);
  if (!org || !canReach(actor, 'statistics.read', org.path)) throw notFound('organisation');
  const period = reportingPeriod(year);
  // the unit's subtree and the organisations merged into it that existed in the reporting year
  const prefixes = await countedPrefixes(db, actor.tenantId, org.id, { fromYear: year - 1, toYear: year });
  const form = await fillForm(db, actor.tenantId, code, prefixes, period);
  const file = await renderForm(form, {
    reportingUnit: org.name, receivingUnit: receivingUnit(await parentOf(db, actor.tenantId, org.parent_id)), period,
  });
  return { file, filename: `bieu-${code}-${year}.xlsx` };
}
