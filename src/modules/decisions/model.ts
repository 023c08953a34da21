import { AppError } from '../../platform/errors.ts';
import type { CandidateStatus, NominationKind } from '../../platform/db/schema.ts';

/**
 * Award decisions (quyết định khen thưởng), pure rules: which candidates one decision may confer an
 * award on, how its number and signer are written, how money is printed. No I/O.
 */

export type SignerAuthority = 'TM.' | 'KT.' | 'Q.' | 'TL.';
export interface Signer { authority: SignerAuthority | null; authorityBody: string; title: string; name: string }

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
