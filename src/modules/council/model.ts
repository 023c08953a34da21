import type { AgendaOutcome, MeetingStatus, RecusalReason } from '../../platform/db/schema.ts';
import { findTransition, type Transition } from '../../platform/workflow.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { passes, type Procedure } from '../nominations/index.ts';

/**
 * Council meetings as pure rules: the meeting's lifecycle table, who is recused from which item, whether
 * a member may vote on an item, and what an item's tally decides. No I/O.
 */
export type MeetingAction = 'set_attendance' | 'open' | 'vote' | 'defer' | 'close' | 'record_paper';

/**
 * The meeting's lifecycle: planned (attendance) → voting (ballots) → closed (results, minutes). `to: null`
 * leaves the meeting where it is. Every step is the receiving level's standing agency's (council.manage
 * over the meeting's organisation) except a member's vote, which the ballot's own rules admit.
 */
export const MEETING_TRANSITIONS: readonly Transition<MeetingStatus, MeetingAction, MeetingStatus | null>[] = [
  // attendance fixes the denominator of "those present": it is settled before the ballot opens
  { action: 'set_attendance', from: ['planned'], to: null, permission: 'council.manage', where: 'receiving' },
  { action: 'open', from: ['planned'], to: 'voting', permission: 'council.manage', where: 'receiving' },
  { action: 'vote', from: ['voting'], to: null },
  // an item can be put off to a later meeting until the results are declared
  { action: 'defer', from: ['planned', 'voting'], to: null, permission: 'council.manage', where: 'receiving' },
  { action: 'close', from: ['voting'], to: 'closed', permission: 'council.manage', where: 'receiving' },
  // the paper ballot's counts (issue 17.4) declare the results instead of the close; the service refuses them once
  // an online ballot has been cast (recordPaperBallot)
  { action: 'record_paper', from: ['planned', 'voting'], to: 'closed', permission: 'council.manage', where: 'receiving' },
];

export function meetingAllows(status: MeetingStatus, action: MeetingAction): boolean {
  return findTransition(MEETING_TRANSITIONS, status, action) !== null;
}

export const CHOICES = ['yes', 'no', 'abstain'] as const;
export type Choice = typeof CHOICES[number];

// ---- recusal ------------------------------------------------------------------------------

export interface MemberFacts {
  personId: string;
  /** organisations the member heads on the meeting date: a leader's employment, or a unit_head grant */
  heads: readonly { organisationId: string; name: string }[];
}

export interface CandidateFacts {
  personId: string | null;
  /** the candidate's unit: a person's employer on the meeting date, a collective itself */
  unitId: string | null;
}

/**
 * Why a member may not vote on a candidate, or null. A member does not judge their own nomination, nor
 * one of the unit they lead (for a person: their employer on the meeting date; for a collective: the
 * collective itself) — the same conflict of interest the Law's principle of objectivity (Law 2022 art. 5)
 * rules out. The recusal is recorded and printed in the minutes.
 */
export function recusalOf(member: MemberFacts, candidate: CandidateFacts): { reason: RecusalReason; detail: string } | null {
  if (candidate.personId !== null && candidate.personId === member.personId) return { reason: 'is_candidate', detail: '' };
  const headed = candidate.unitId === null ? undefined : member.heads.find((h) => h.organisationId === candidate.unitId);
  return headed ? { reason: 'heads_unit', detail: headed.name } : null;
}

// ---- who may vote -------------------------------------------------------------------------

export type ItemBallotState = 'open' | 'voted' | 'recused' | 'absent' | 'deferred';

/**
 * Where a member stands on one item. Members present vote. An absent member still votes (in writing,
 * here on the ballot page) where the threshold counts all members — Decree 91/2017 (docs/legal/procedure.md#council-votes: "absent
 * members vote in writing") — but not where it counts those present, whose denominator they are not in.
 */
export function ballotState(item: { outcome: AgendaOutcome; thresholdOf: 'members' | 'present' | null },
  member: { present: boolean; recused: boolean; voted: boolean }): ItemBallotState {
  if (item.outcome === 'deferred') return 'deferred';
  if (member.recused) return 'recused';
  if (member.voted) return 'voted';
  if (!member.present && item.thresholdOf === 'present') return 'absent';
  return 'open';
}

/**
 * Who gets a ballot paper on which item when voting opens: every member whose state on the item is 'open'
 * (not recused, not absent from an item counted on those present, item not deferred). A member without a
 * paper cannot vote on the item; one whose paper is sealed has voted.
 */
export function ballotPapers(items: readonly { id: string; outcome: AgendaOutcome; thresholdOf: 'members' | 'present' | null }[],
  members: readonly { personId: string; present: boolean }[], recusals: readonly { itemId: string; personId: string }[]) {
  const recused = new Set(recusals.map((r) => `${r.itemId}/${r.personId}`));
  return items.flatMap((item) => members
    .filter((m) => ballotState(item, { present: m.present, recused: recused.has(`${item.id}/${m.personId}`), voted: false }) === 'open')
    .map((m) => ({ itemId: item.id, personId: m.personId })));
}

// ---- the result ---------------------------------------------------------------------------

export interface Tally { yes: number; no: number; abstain: number }

/** The counters of an item from its opened ballot papers, in no particular order. */
export function tallyOf(choices: readonly Choice[]): Tally {
  const tally: Tally = { yes: 0, no: 0, abstain: 0 };
  for (const c of choices) tally[c]++;
  return tally;
}

/**
 * The denominator of an item's threshold. docs/legal/procedure.md#council-votes: "at least 90% of all members" (Decree 91/2017), or
 * of those present where the tenant sets it so. A recused member is barred from voting on the item, so
 * we take them out of the denominator in both cases: counting them would make the 90% rule unreachable
 * whenever a council member leads a nominated unit (on a 12-member council with two recused, 11 yes votes
 * could never be cast), which would turn a conflict-of-interest safeguard into a veto. The text says
 * nothing on recusal; this reading is ours (confirm with the standing agency).
 */
export function denominators(counts: { members: number; present: number; recusedMembers: number; recusedPresent: number }) {
  return { members: counts.members - counts.recusedMembers, present: counts.present - counts.recusedPresent };
}

export function outcomeOf(procedure: Pick<Procedure, 'thresholdPercent' | 'thresholdOf'>, tally: Tally,
  base: { members: number; present: number }): 'passed' | 'failed' {
  return passes(procedure, { yes: tally.yes, members: base.members, present: base.present }) ? 'passed' : 'failed';
}

/** The smallest number of yes votes that passes: what the meeting page and the minutes print. */
export function votesNeeded(procedure: Pick<Procedure, 'thresholdPercent' | 'thresholdOf'>, base: { members: number; present: number }): number {
  const denominator = procedure.thresholdOf === 'members' ? base.members : base.present;
  if (denominator <= 0) return 1;
  return Math.ceil((Math.round(procedure.thresholdPercent * 100) * denominator) / 10_000);
}

/** The share of yes votes in the threshold's denominator, in percent with two decimals: what the minutes print. */
export function yesPercent(procedure: Pick<Procedure, 'thresholdOf'>, tally: Tally, base: { members: number; present: number }): number {
  const denominator = procedure.thresholdOf === 'members' ? base.members : base.present;
  return denominator > 0 ? Math.round((tally.yes * 10_000) / denominator) / 100 : 0;
}

// ---- the paper ballot (issue 17.4) --------------------------------------------------------

export interface PaperCount { itemId: string; yes: number; no: number; abstain: number }
export interface PaperItem {
  id: string; name: string; outcome: AgendaOutcome;
  procedure: Pick<Procedure, 'thresholdPercent' | 'thresholdOf'>;
  /** the members recused from the item (recusalOf) */
  recused: readonly string[];
}
export interface PaperResult { itemId: string; tally: Tally; base: { members: number; present: number }; outcome: 'passed' | 'failed'; percent: number }

const isCount = (n: number) => Number.isInteger(n) && n >= 0;

/**
 * A paper ballot's counts, as the counting committee's minutes give them, checked and declared: every
 * problem is a 400 naming the candidate, and nothing is declared unless all counts hold. The rule is the
 * online ballot's: the same denominators (members less recused, those present less recused present) and
 * threshold (outcomeOf: docs/legal/procedure.md#council-votes, Decree 91/2017 — 90% of all members for the
 * provincial titles, otherwise the tenant's procedure). No separate quorum, as online: docs/legal names none,
 * the online ballot opens with anyone present (council.nobody_present), and a threshold of all members cannot
 * be reached without enough of them present. Ballots on an item are at most the members present who may vote on it (present, not
 * recused): the papers were handed out in the room, so an absent member's written vote is not on this count.
 */
export function declarePaperBallot(input: {
  members: readonly string[]; present: readonly string[]; items: readonly PaperItem[]; counts: readonly PaperCount[];
}): PaperResult[] {
  const members = new Set(input.members);
  const present = new Set(input.present);
  if (present.size !== input.present.length) throw new AppError('council.paper_present_twice', 400);
  if (input.present.some((p) => !members.has(p))) throw new AppError('council.not_a_member_person', 400);
  if (present.size === 0) throw new AppError('council.paper_nobody_present', 400);
  if (present.size > members.size) throw new AppError('council.paper_too_many_present', 400, { present: present.size, members: members.size });
  const items = new Map(input.items.map((i) => [i.id, i]));
  const counted = new Map<string, PaperCount>();
  for (const c of input.counts) {
    const item = items.get(c.itemId);
    if (!item) throw notFound('agenda_item');
    if (counted.has(c.itemId)) throw new AppError('council.paper_item_twice', 400, { name: item.name });
    if (item.outcome === 'deferred') throw new AppError('council.item_deferred', 400, { name: item.name });
    counted.set(c.itemId, c);
  }
  return input.items.filter((i) => i.outcome !== 'deferred').map((item) => {
    const c = counted.get(item.id);
    if (!c) throw new AppError('council.paper_item_missing', 400, { name: item.name });
    if (![c.yes, c.no, c.abstain].every(isCount)) throw new AppError('council.paper_count_invalid', 400, { name: item.name });
    const base = denominators({
      members: members.size, present: present.size,
      recusedMembers: item.recused.filter((p) => members.has(p)).length, recusedPresent: item.recused.filter((p) => present.has(p)).length,
    });
    const total = c.yes + c.no + c.abstain;
    if (total > base.present) throw new AppError('council.paper_over_present', 400, { name: item.name, total, max: base.present });
    const tally = { yes: c.yes, no: c.no, abstain: c.abstain };
    return { itemId: item.id, tally, base, outcome: outcomeOf(item.procedure, tally, base), percent: yesPercent(item.procedure, tally, base) };
  });
}
