import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { Locale } from '../../platform/i18n/messages.ts';
import { loadCatalogue, resolverFor, rulesInForce, type Catalogue, type Recipient } from '../eligibility/index.ts';
import { evaluate, reasons, STATUS_RANK, type Status } from '../eligibility/index.ts';
import { describeNote } from '../eligibility/index.ts';
import { factsOf, membersFor, wordsFor } from '../eligibility/index.ts';
import { recordsOfMany } from '../records/index.ts';
import type { Plan } from '../movements/index.ts';
import type { Rule } from '../rules/index.ts';

type Db = Kysely<Database>;

export interface CandidateEligibility { status: Status; source: 'movement' | 'catalogue' | 'none'; reasons: string[] }

/**
 * The rules a candidate of a form is judged by: the movement's own criteria for that form and recipient
 * when it wrote them as rules (Sơn La 2022; several criteria are alternatives, the best one counts), else
 * the catalogue's rule in force for the year; none (the unit attests) when there is neither.
 */
export function rulesFor(catalogue: Catalogue, plan: Plan | null, awardForm: string, recipient: Recipient, year: number): { rules: Rule[]; source: CandidateEligibility['source'] } {
  const movementRules = (plan?.criteria ?? []).filter((c) => c.awardForm === awardForm && c.participantKind === recipient && c.rule).map((c) => c.rule!);
  if (movementRules.length) return { rules: movementRules, source: 'movement' };
  const catalogueRule = rulesInForce(catalogue, recipient, year).find((r) => r.awardForm === awardForm)?.rule;
  return catalogueRule ? { rules: [catalogueRule], source: 'catalogue' } : { rules: [], source: 'none' };
}

/**
 * How a candidate stands against the award (rulesFor). Households have no rule: the unit attests.
 */
export async function candidateEligibility(db: Db, tenantId: string, subject: { kind: 'person' | 'collective'; id: string },
  awardForm: string, year: number, plan: Plan | null, locale: Locale, today: string): Promise<CandidateEligibility> {
  const found = await eligibilityOfMany(db, tenantId, subject.kind, [subject.id], { awardForm, year, plan, locale, today });
  return found.get(subject.id)!;
}

/**
 * The same for many subjects of one kind: the catalogue and the records read once for all of them (an
 * imported list); a collective's members are counted per collective.
 */
export async function eligibilityOfMany(db: Db, tenantId: string, kind: 'person' | 'collective', ids: readonly string[],
  q: { awardForm: string; year: number; plan: Plan | null; locale: Locale; today: string }): Promise<Map<string, CandidateEligibility>> {
  const recipient: Recipient = kind === 'person' ? 'individual' : 'collective';
  const out = new Map<string, CandidateEligibility>();
  if (ids.length === 0) return out;
  const catalogue = await loadCatalogue(db, tenantId);
  const { rules, source } = rulesFor(catalogue, q.plan, q.awardForm, recipient, q.year);
  if (rules.length === 0) {
    for (const id of ids) out.set(id, { status: 'attest', source: 'none', reasons: [] });
    return out;
  }
  const records = await recordsOfMany(db, tenantId, kind, [...ids]);
  const judgement = { year: q.year, resolve: resolverFor(catalogue, recipient, q.year) };
  const words = wordsFor(catalogue, q.locale);
  for (const id of ids) {
    const facts = { ...factsOf(records.get(id)!), recipient,
      members: recipient === 'collective' ? await membersFor(db, tenantId, id, q.year, q.today) : undefined };
    const findings = rules.map((rule) => evaluate(rule, facts, judgement)).sort((a, b) => STATUS_RANK[b.status] - STATUS_RANK[a.status]);
    const best = findings[0]!;
    out.set(id, { status: best.status, source, reasons: reasons(best).map((n) => describeNote(n, words)) });
  }
  return out;
}
