import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { ruleSchema, type Rule } from '../rules/index.ts';
import { formsSeenBy } from '../awards/index.ts';

type Db = Kysely<Database>;
export type Recipient = 'individual' | 'collective';

export interface LegalBasis {
  code: string; name: string; shortName: string; effectiveFrom: string; effectiveTo: string | null;
  /** sent back when the operator corrects it (optimistic concurrency) */
  version: number;
}

export interface CatalogueRule {
  awardForm: string; awardFormName: string; recipient: Recipient; legalBasis: string; citation: string; rule: Rule;
  cap: Cap | null; needsConfirmation: boolean; note: string; sortOrder: number;
  /** 0: the shared default (eligibility_rules); 1, 2, …: the tenant's own versions (eligibility_rule_versions) */
  version: number;
  /** a tenant version applies to years judged on or after this day (null: the shared default, always) */
  validFrom: string | null;
}

/** A title's share cap: the catalogue's default, or the tenant's own percentage with the decision that set it. */
export interface Cap {
  of: string; percent: number; defaultPercent: number; setBy: string | null;
  /** the version of the tenant's own setting, sent back when it is changed; null while the default holds */
  version: number | null;
}

export interface CatalogueForm {
  code: string; name: string; category: 'title' | 'award'; recipient: string; level: string;
  /** null: a shared default form; otherwise the tenant's own */
  tenantId: string | null;
  /** the day the tenant retired it, or null */
  retiredOn: string | null;
}

/** The whole catalogue a tenant sees: small tables, read once per request that needs them. */
export interface Catalogue {
  legalBases: LegalBasis[];
  rules: CatalogueRule[];
  awardForms: CatalogueForm[];
}

/**
 * The catalogue as a tenant sees it (migration 0031): the shared forms and rules, the tenant's own forms,
 * its own rule versions and retirements. Without a tenant: the shared defaults only.
 */
export async function loadCatalogue(db: Db, tenantId: string | null = null): Promise<Catalogue> {
  const forms = tenantId === null ? db.selectFrom('award_forms').where('tenant_id', 'is', null) : formsSeenBy(db, tenantId);
  const [bases, rules, versions, formRows, caps, retired] = await Promise.all([
    db.selectFrom('legal_bases').selectAll().orderBy('effective_from').execute(),
    db.selectFrom('eligibility_rules').innerJoin('award_forms', 'award_forms.code', 'eligibility_rules.award_form')
      .selectAll('eligibility_rules').select(['award_forms.name', 'award_forms.sort_order']).execute(),
    tenantId === null ? Promise.resolve([]) : db.selectFrom('eligibility_rule_versions as v').innerJoin('award_forms', 'award_forms.code', 'v.award_form')
      .selectAll('v').select(['award_forms.name', 'award_forms.sort_order']).where('v.tenant_id', '=', tenantId).orderBy('v.version').execute(),
    forms.select(['code', 'name', 'category', 'recipient', 'level', 'tenant_id']).orderBy('sort_order').orderBy('name').execute(),
    tenantId === null ? Promise.resolve([]) : db.selectFrom('eligibility_caps').selectAll().where('tenant_id', '=', tenantId).execute(),
    tenantId === null ? Promise.resolve([]) : db.selectFrom('award_form_retirements').select(['award_form', 'retired_on']).where('tenant_id', '=', tenantId).execute(),
  ]);
  const capOf = (awardForm: string, cap: { of: string; percent: number } | null): Cap | null => {
    if (!cap) return null;
    const own = caps.find((c) => c.award_form === awardForm);
    return { of: cap.of, percent: own ? Number(own.percent) : cap.percent, defaultPercent: cap.percent, setBy: own?.citation ?? null, version: own?.version ?? null };
  };
  const retiredOn = new Map(retired.map((r) => [r.award_form, r.retired_on]));
  return {
    legalBases: bases.map((b) => ({
      code: b.code, name: b.name, shortName: b.short_name, effectiveFrom: b.effective_from, effectiveTo: b.effective_to, version: b.version,
    })),
    rules: [
      ...rules.map((r) => ({
        awardForm: r.award_form, awardFormName: r.name, recipient: r.recipient, legalBasis: r.legal_basis, citation: r.citation,
        // the catalogue is data an administrator may edit: read it through the one schema
        rule: ruleSchema.parse(r.rule), cap: capOf(r.award_form, r.cap as { of: string; percent: number } | null), needsConfirmation: r.needs_confirmation,
        note: r.note, sortOrder: r.sort_order, version: 0, validFrom: null,
      })),
      ...versions.map((r) => ({
        awardForm: r.award_form, awardFormName: r.name, recipient: r.recipient, legalBasis: r.legal_basis, citation: `${r.citation}, ${r.article}`,
        rule: ruleSchema.parse(r.rule), cap: capOf(r.award_form, r.cap as { of: string; percent: number } | null), needsConfirmation: false,
        note: r.note, sortOrder: r.sort_order, version: r.version, validFrom: r.valid_from,
      })),
    ].sort((a, b) => a.sortOrder - b.sortOrder || a.recipient.localeCompare(b.recipient) || a.version - b.version),
    awardForms: formRows.map((f) => ({
      code: f.code, name: f.name, category: f.category, recipient: f.recipient, level: f.level, tenantId: f.tenant_id, retiredOn: retiredOn.get(f.code) ?? null,
    })),
  };
}

/** Of several versions of the same form, recipient and basis, the one that counts: the highest version among those given. */
function latestOf(rules: CatalogueRule[]): CatalogueRule[] {
  const best = new Map<string, CatalogueRule>();
  for (const r of rules) {
    const key = `${r.awardForm}|${r.recipient}|${r.legalBasis}`;
    const seen = best.get(key);
    if (!seen || r.version > seen.version) best.set(key, r);
  }
  return rules.filter((r) => best.get(`${r.awardForm}|${r.recipient}|${r.legalBasis}`) === r);
}

/** The current version of every rule (what the catalogue page shows and the editor starts from). */
export function currentRules(catalogue: Catalogue): CatalogueRule[] {
  return latestOf(catalogue.rules);
}

/** Whether the tenant retired the form by `today`: not offered for new nominations, nor listed among what a subject may receive. */
export function isRetired(catalogue: Catalogue, awardForm: string, today: string): boolean {
  return catalogue.awardForms.some((f) => f.code === awardForm && f.retiredOn !== null && f.retiredOn <= today);
}

/** The legal basis in force on a date. */
export function basisOn(catalogue: Catalogue, date: string): LegalBasis {
  const basis = catalogue.legalBases.find((b) => b.effectiveFrom <= date && (b.effectiveTo === null || b.effectiveTo >= date));
  if (!basis) throw new AppError('eligibility.no_legal_basis', 422, { date });
  return basis;
}

/**
 * A year's achievements are judged by the rules in force at the end of that year ("judge a fact by the
 * rules in force when it happened", docs/legal/README.md#which-rules-apply): 2021 by Decree 91/2017, 2024
 * by Decree 98/2023.
 */
export const judgedOn = (year: number) => `${year}-12-31`;

/**
 * The rules a year is judged by: those of the legal basis in force at its end and, of the tenant's
 * versions, the latest valid from on or before that day (the shared default before any).
 */
export function rulesInForce(catalogue: Catalogue, recipient: Recipient, year: number): CatalogueRule[] {
  const on = judgedOn(year);
  const basis = basisOn(catalogue, on);
  return latestOf(catalogue.rules.filter((r) => r.recipient === recipient && r.legalBasis === basis.code && (r.validFrom === null || r.validFrom <= on)));
}

export function ruleInForce(catalogue: Catalogue, awardForm: string, recipient: Recipient, year: number): CatalogueRule {
  const found = rulesInForce(catalogue, recipient, year).find((r) => r.awardForm === awardForm);
  if (!found) {
    const name = catalogue.awardForms.find((f) => f.code === awardForm)?.name ?? awardForm;
    throw new AppError('eligibility.no_rule', 422, { form: name, recipient: recipient === 'individual' ? 'cá nhân' : 'tập thể', year });
  }
  return found;
}

/** Resolves `qualifies` references within the same recipient kind and legal basis. */
export function resolverFor(catalogue: Catalogue, recipient: Recipient, year: number) {
  const inForce = rulesInForce(catalogue, recipient, year);
  return (awardForm: string): Rule | null => inForce.find((r) => r.awardForm === awardForm)?.rule ?? null;
}
