import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { ruleSchema, type Rule } from '../rules/index.ts';

type Db = Kysely<Database>;
export type Recipient = 'individual' | 'collective';

export interface LegalBasis { code: string; name: string; shortName: string; effectiveFrom: string; effectiveTo: string | null }

export interface CatalogueRule {
  awardForm: string; awardFormName: string; recipient: Recipient; legalBasis: string; citation: string; rule: Rule;
  cap: Cap | null; needsConfirmation: boolean; note: string; sortOrder: number;
}

/** A title's share cap: the catalogue's default, or the tenant's own percentage with the decision that set it. */
export interface Cap { of: string; percent: number; defaultPercent: number; setBy: string | null }

/** The whole catalogue: small reference tables, read once per request that needs them. */
export interface Catalogue {
  legalBases: LegalBasis[];
  rules: CatalogueRule[];
  awardForms: { code: string; name: string; category: 'title' | 'award'; recipient: string; level: string }[];
}

export async function loadCatalogue(db: Db, tenantId: string | null = null): Promise<Catalogue> {
  const [bases, rules, forms, caps] = await Promise.all([
    db.selectFrom('legal_bases').selectAll().orderBy('effective_from').execute(),
    db.selectFrom('eligibility_rules').innerJoin('award_forms', 'award_forms.code', 'eligibility_rules.award_form')
      .selectAll('eligibility_rules').select(['award_forms.name', 'award_forms.sort_order']).execute(),
    db.selectFrom('award_forms').select(['code', 'name', 'category', 'recipient', 'level']).orderBy('sort_order').execute(),
    tenantId === null ? Promise.resolve([]) : db.selectFrom('eligibility_caps').selectAll().where('tenant_id', '=', tenantId).execute(),
  ]);
  const capOf = (awardForm: string, cap: { of: string; percent: number } | null): Cap | null => {
    if (!cap) return null;
    const own = caps.find((c) => c.award_form === awardForm);
    return { of: cap.of, percent: own ? Number(own.percent) : cap.percent, defaultPercent: cap.percent, setBy: own?.citation ?? null };
  };
  return {
    legalBases: bases.map((b) => ({ code: b.code, name: b.name, shortName: b.short_name, effectiveFrom: b.effective_from, effectiveTo: b.effective_to })),
    rules: rules.map((r) => ({
      awardForm: r.award_form, awardFormName: r.name, recipient: r.recipient, legalBasis: r.legal_basis, citation: r.citation,
      // the catalogue is data an administrator may edit: read it through the one schema
      rule: ruleSchema.parse(r.rule), cap: capOf(r.award_form, r.cap as { of: string; percent: number } | null), needsConfirmation: r.needs_confirmation,
      note: r.note, sortOrder: r.sort_order,
    })).sort((a, b) => a.sortOrder - b.sortOrder || a.recipient.localeCompare(b.recipient)),
    awardForms: forms,
  };
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

export function rulesInForce(catalogue: Catalogue, recipient: Recipient, year: number): CatalogueRule[] {
  const basis = basisOn(catalogue, judgedOn(year));
  return catalogue.rules.filter((r) => r.recipient === recipient && r.legalBasis === basis.code);
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
