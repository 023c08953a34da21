import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { Locale } from '../../platform/i18n/messages.ts';
import { loadCatalogue, resolverFor, rulesInForce, type Recipient } from '../eligibility/index.ts';
import { evaluate, reasons, STATUS_RANK, type Status } from '../eligibility/index.ts';
import { describeNote } from '../eligibility/index.ts';
import { factsOf, membersFor, wordsFor } from '../eligibility/index.ts';
import { recordsOfMany } from '../records/index.ts';
import type { Plan } from '../movements/index.ts';

type Db = Kysely<Database>;

export interface CandidateEligibility { status: Status; source: 'movement' | 'catalogue' | 'none'; reasons: string[] }

/**
 * How a candidate stands against the award: the movement's own criteria for that form and recipient
 * when it wrote them as rules (Sơn La 2022; several criteria are alternatives, the best one counts), else
 * the catalogue's rule in force for the year. Households have no rule: the unit attests.
 */
export async function candidateEligibility(db: Db, tenantId: string, subject: { kind: 'person' | 'collective'; id: string },
  awardForm: string, year: number, plan: Plan | null, locale: Locale, today: string): Promise<CandidateEligibility> {
  const recipient: Recipient = subject.kind === 'person' ? 'individual' : 'collective';
  const catalogue = await loadCatalogue(db, tenantId);
  const movementRules = (plan?.criteria ?? []).filter((c) => c.awardForm === awardForm && c.participantKind === recipient && c.rule).map((c) => c.rule!);
  const catalogueRule = rulesInForce(catalogue, recipient, year).find((r) => r.awardForm === awardForm)?.rule;
  const rules = movementRules.length ? movementRules : catalogueRule ? [catalogueRule] : [];
  if (rules.length === 0) return { status: 'attest', source: 'none', reasons: [] };
  const records = await recordsOfMany(db, tenantId, subject.kind, [subject.id]);
  const facts = { ...factsOf(records.get(subject.id)!), recipient,
    members: recipient === 'collective' ? await membersFor(db, tenantId, subject.id, year, today) : undefined };
  const judgement = { year, resolve: resolverFor(catalogue, recipient, year) };
  const findings = rules.map((rule) => evaluate(rule, facts, judgement)).sort((a, b) => STATUS_RANK[b.status] - STATUS_RANK[a.status]);
  const best = findings[0]!;
  const words = wordsFor(catalogue, locale);
  return { status: best.status, source: movementRules.length ? 'movement' : 'catalogue', reasons: reasons(best).map((n) => describeNote(n, words)) };
}
