import { AppError } from '../../platform/errors.ts';
import type { CandidateStatus, DecisionStatus, NominationKind } from '../../platform/db/schema.ts';
import { assertTransition, type Transition } from '../../platform/workflow.ts';

/**
 * Award decisions (quyết định khen thưởng), pure rules: which candidates one decision may confer an
 * award on, how its number and signer are written, how money is printed. No I/O.
 */

export type SignerAuthority = 'TM.' | 'KT.' | 'Q.' | 'TL.';
export interface Signer { authority: SignerAuthority | null; authorityBody: string; title: string; name: string }

export type DecisionAction = 'edit' | 'delete' | 'issue';

/** A decision's rows always say who may act (decision.issue) and where (over the deciding authority). */
export interface DecisionTransition extends Transition<DecisionStatus, DecisionAction, DecisionStatus | null> {
  permission: 'decision.issue';
  where: 'authority';
}

/**
 * A decision's lifecycle as a table: a draft is edited or deleted (`to: null`, the row is gone) until it
 * is issued, once; an issued decision never changes (revoking an award is the certificates module's).
 * Issuing a decision already issued is not a step but a replay: the service answers what the first
 * request did (Idempotency-Key) before it consults this table.
 */
export const DECISION_TRANSITIONS: readonly DecisionTransition[] = [
  { action: 'edit', from: ['draft'], to: 'draft', permission: 'decision.issue', where: 'authority' },
  { action: 'delete', from: ['draft'], to: null, permission: 'decision.issue', where: 'authority' },
  // the guard: a public consultation the award's procedure holds is over, and each candidate is voted where the council votes
  { action: 'issue', from: ['draft'], to: 'issued', permission: 'decision.issue', where: 'authority', guard: 'consultation_over_and_voted' },
];

/** The step, or 409 decision.not_draft: only a draft moves (and a decision deleted meanwhile is no draft). */
export function assertDecisionStep(status: DecisionStatus | undefined, action: DecisionAction): DecisionTransition {
  const refusal = { code: 'decision.not_draft', params: {} } as const;
  if (status === undefined) throw new AppError(refusal.code, 409, refusal.params);
  return assertTransition(DECISION_TRANSITIONS, status, action, refusal);
}

/** Candidates the authority may decide: accepted in appraisal, or voted where the council votes. */
export const DECIDABLE: readonly CandidateStatus[] = ['accepted', 'voted'];

/** '125/QĐ-VP'; numbers below 10 take a leading zero (Decree 30/2020), as on the printed document. */
export function decisionNumber(number: number, symbol: string): string {
  return `${number < 10 ? `0${number}` : number}/${symbol}`;
}

/** 'Chánh Văn phòng UBND tỉnh Nguyễn Văn A': who decided, as the award register records it. */
export function decidedBy(signer: Pick<Signer, 'title' | 'name'>): string {
  return `${signer.title.trim()} ${signer.name.trim()}`.trim();
}

/** 2700000 → '2.700.000' (Vietnamese thousands separator), independent of the runtime's ICU data. */
export function formatMoney(amount: number): string {
  return String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/gu, '.');
}

/** What a decision needs to know of one chosen candidate and its batch. */
export interface CandidateFacts {
  id: string;
  name: string;
  status: CandidateStatus;
  household: boolean;
  awardForm: string;
  awardFormName: string;
  kind: NominationKind;
  year: number;
  authorityPath: string;
  /** the award form's procedure has the council vote (procedureFor(...).councilVote) */
  councilVote: boolean;
  /** already on a decision (draft or issued) other than the one being edited: its number */
  onDecision: string | null;
}

export interface DecisionScope { awardForm: string; awardFormName: string; basis: NominationKind; year: number; authorityPath: string }

/**
 * One decision confers one award form, for achievements of one year and kind, by one authority; each
 * candidate must be accepted (voted, where the council votes), not a household, on no other decision.
 */
export function decisionScope(candidates: readonly CandidateFacts[]): DecisionScope {
  const first = candidates[0];
  if (!first) throw new AppError('validation', 400);
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c.id)) throw new AppError('decision.duplicate_candidate', 400);
    seen.add(c.id);
    if (c.household) throw new AppError('decision.household_unsupported', 422, { name: c.name });
    if (c.onDecision !== null) throw new AppError('decision.already_on_decision', 409, { name: c.name, number: c.onDecision });
    if (!DECIDABLE.includes(c.status)) throw new AppError('decision.not_decidable', 409, { name: c.name, status: c.status });
    if (c.councilVote && c.status !== 'voted') throw new AppError('decision.vote_required', 409, { name: c.name, form: c.awardFormName });
    if (c.awardForm !== first.awardForm || c.year !== first.year || c.kind !== first.kind || c.authorityPath !== first.authorityPath) {
      throw new AppError('decision.mixed_candidates', 422, { name: c.name });
    }
  }
  return { awardForm: first.awardForm, awardFormName: first.awardFormName, basis: first.kind, year: first.year, authorityPath: first.authorityPath };
}

/** The lines in the order the attached list prints them: collectives first, then individuals, by name. */
export function lineOrder<T extends { recipient: 'individual' | 'collective'; sort_key: string }>(lines: readonly T[]): T[] {
  const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...lines].sort((a, b) => (a.recipient === b.recipient ? byKey(a.sort_key, b.sort_key) : a.recipient === 'collective' ? -1 : 1));
}
