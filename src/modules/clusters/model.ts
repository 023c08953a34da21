import type { CriterionKind, SheetStatus } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { findTransition, type Transition } from '../../platform/workflow.ts';

/**
 * A cluster's (or block's) score sheet as pure rules: its lifecycle table, points, the ranking and its
 * stated tie-break, and where the flag and Bằng khen proposals are cut. No I/O.
 *
 * Points are kept in hundredths (integers) while computing, so sums and ties are exact.
 */

export const SHEET_STATUSES = ['draft', 'open', 'closed', 'ranked', 'proposed'] as const satisfies readonly SheetStatus[];
export const CRITERION_KINDS = ['criterion', 'bonus', 'penalty'] as const satisfies readonly CriterionKind[];

/** In what capacity someone acts on a sheet: the organiser's standing agency, the head member, the
 * council member who follows the cluster, or a member scoring itself. */
export type Capacity = 'organiser' | 'head' | 'follower' | 'member';

export const SHEET_ACTIONS = [
  'edit_criteria', 'configure', 'open', 'self_score', 'submit', 'adjust', 'close', 'rank', 'reopen', 'resolve_tie', 'propose',
] as const;
export type SheetAction = typeof SHEET_ACTIONS[number];

/**
 * The sheet's one lifecycle table: draft (criteria written) → open (members score themselves, the head
 * and the follower adjust) → closed (self-scoring over, adjusting goes on) → ranked (frozen; a tie is
 * settled by the cluster's vote) → proposed (the nomination batches exist). `to: null` stays put;
 * `where` is the capacities that may act.
 */
export interface SheetTransition extends Transition<SheetStatus, SheetAction, SheetStatus | null> {
  /** in which capacities the actor may take the step (see service.ts's sheetAccess), not a permission */
  where: readonly Capacity[];
}

export const SHEET_TRANSITIONS: readonly SheetTransition[] = [
  { action: 'edit_criteria', from: ['draft'], to: null, where: ['organiser'] },
  { action: 'configure', from: ['draft', 'open', 'closed', 'ranked'], to: null, where: ['organiser'] },
  { action: 'open', from: ['draft'], to: 'open', where: ['organiser'] },
  { action: 'self_score', from: ['open'], to: null, where: ['member'] },
  { action: 'submit', from: ['open'], to: null, where: ['member'] },
  { action: 'adjust', from: ['open', 'closed'], to: null, where: ['head', 'follower'] },
  { action: 'close', from: ['open'], to: 'closed', where: ['organiser', 'head'] },
  { action: 'rank', from: ['closed'], to: 'ranked', where: ['organiser', 'head'] },
  // a mistake found in the ranking: back to adjusting; any vote on a tie must then be taken again
  { action: 'reopen', from: ['ranked'], to: 'closed', where: ['organiser', 'head'] },
  { action: 'resolve_tie', from: ['ranked'], to: null, where: ['organiser', 'head'] },
  // only the organiser proposes: the batch must come from a unit above every candidate (see service.ts)
  { action: 'propose', from: ['ranked'], to: 'proposed', where: ['organiser'] },
];

export function sheetTransition(status: SheetStatus, action: SheetAction) {
  return findTransition(SHEET_TRANSITIONS, status, action);
}

/** What the actor may do on a sheet in its status, given their capacities: what the UI's buttons show. */
export function allowedActions(status: SheetStatus, capacities: ReadonlySet<Capacity>): SheetAction[] {
  return SHEET_TRANSITIONS.filter((t) => t.from.includes(status) && t.where.some((c) => capacities.has(c))).map((t) => t.action);
}

// ---- points ---------------------------------------------------------------------------------

/** Points → hundredths; null when the number has more than two decimals. */
export function toHundredths(points: number): number | null {
  const h = Math.round(points * 100);
  return Math.abs(h - points * 100) < 1e-6 ? h : null;
}

/** Hundredths → "95,5" (Vietnamese decimal comma, no trailing zeros). */
export function formatPoints(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  const whole = Math.floor(abs / 100);
  const cents = abs % 100;
  if (cents === 0) return `${sign}${whole}`;
  return `${sign}${whole},${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

export interface CriterionFacts { id: string; kind: CriterionKind; title: string; maxPoints: number }

/**
 * Points for a row must lie in 0..max; a penalty is entered as the positive number of points deducted,
 * up to its maximum. The first row out of range names itself (422) and nothing is saved.
 */
export function assertWithinMax(criterion: CriterionFacts, points: number): void {
  const max = Math.round(criterion.maxPoints * 100);
  if (points < 0 || Math.round(points * 100) > max) {
    throw new AppError('cluster.points_above_max', 422, { criterion: criterion.title, max: formatPoints(max) });
  }
}

/** The points that count: the adjusted ones once the head or the follower has changed them. */
export const finalPoints = (score: { self: number | null; adjusted: number | null }): number => score.adjusted ?? score.self ?? 0;

// ---- ranking --------------------------------------------------------------------------------

export interface MemberScores {
  organisationId: string;
  name: string;
  /** for listing tied members in a stable, readable order only: never a tie-break */
  sortKey: string;
  /** final points per criterion id */
  points: ReadonlyMap<string, number>;
  /** the place the cluster's vote gave the member inside a tie, if it voted */
  votePlace: number | null;
}

/** The level of the tie-break that put a member below the one ranked just above it. */
export const TIE_LEVELS = ['total', 'criteria', 'penalty', 'full_marks', 'vote'] as const;
export type TieLevel = typeof TIE_LEVELS[number];

export interface Standing {
  organisationId: string;
  name: string;
  /** hundredths */
  criteria: number;
  bonus: number;
  penalty: number;
  total: number;
  /** criteria rows (not bonus) scored at their maximum */
  fullMarks: number;
  /** 1-based; tied members share it ("1, 2, 2, 4") */
  rank: number;
  /** still level with another member after every rule: "đồng hạng", for the cluster to settle by vote */
  tied: boolean;
  /** which rule separated this member from the one just above (null for the first, and for a tie) */
  separatedBy: TieLevel | null;
}

function tally(criteria: readonly CriterionFacts[], m: MemberScores) {
  let criteriaSum = 0;
  let bonus = 0;
  let penalty = 0;
  let fullMarks = 0;
  for (const c of criteria) {
    const p = Math.round((m.points.get(c.id) ?? 0) * 100);
    if (c.kind === 'criterion') {
      criteriaSum += p;
      if (p === Math.round(c.maxPoints * 100)) fullMarks += 1;
    } else if (c.kind === 'bonus') bonus += p;
    else penalty += p;
  }
  return { criteria: criteriaSum, bonus, penalty, total: criteriaSum + bonus - penalty, fullMarks };
}

type Tally = ReturnType<typeof tally>;

/**
 * The first stated rule on which a and b differ, and which is ahead (negative: a). The rule, in order:
 *  (1) the higher total (Σ criteria + Σ bonus − Σ penalty);
 *  (2) the higher criteria subtotal, bonus excluded: the year's own tasks weigh more than extra points;
 *  (3) the lower penalty: fewer shortcomings or violations;
 *  (4) more criteria scored at full marks: strength across every task rather than in a few;
 *  (5) still equal: the same rank, flagged "đồng hạng", for the cluster to settle by vote (recorded with
 *      its minutes, then applied as a sixth level). Never by name, order of entry or id.
 */
function compare(a: Tally, b: Tally): { level: Exclude<TieLevel, 'vote'>; order: number } | null {
  if (a.total !== b.total) return { level: 'total', order: b.total - a.total };
  if (a.criteria !== b.criteria) return { level: 'criteria', order: b.criteria - a.criteria };
  if (a.penalty !== b.penalty) return { level: 'penalty', order: a.penalty - b.penalty };
  if (a.fullMarks !== b.fullMarks) return { level: 'full_marks', order: b.fullMarks - a.fullMarks };
  return null;
}

/** A vote settles a tie only when every member of it has a distinct place. */
function voteSettles(group: readonly { votePlace: number | null }[]): boolean {
  const places = group.map((m) => m.votePlace);
  return places.every((p) => p !== null) && new Set(places).size === places.length;
}

/** The ranking of a sheet's members by the rule above (see `compare`). */
export function rankMembers(criteria: readonly CriterionFacts[], members: readonly MemberScores[]): Standing[] {
  const rows = members.map((m) => ({ m, t: tally(criteria, m) }));
  rows.sort((a, b) => compare(a.t, b.t)?.order ?? (a.m.sortKey < b.m.sortKey ? -1 : a.m.sortKey > b.m.sortKey ? 1 : 0));
  // groups of members level on every rule, in order
  const groups: (typeof rows)[] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && compare(last[0]!.t, row.t) === null) last.push(row);
    else groups.push([row]);
  }
  const standings: Standing[] = [];
  for (const group of groups) {
    const first = standings.length;
    const above = standings.length ? rows[first - 1]! : null;
    const levelAbove = above ? compare(above.t, group[0]!.t)!.level : null;
    const settled = group.length > 1 && voteSettles(group.map((r) => r.m));
    const ordered = settled ? [...group].sort((a, b) => a.m.votePlace! - b.m.votePlace!) : group;
    ordered.forEach((r, i) => {
      const tied = group.length > 1 && !settled;
      standings.push({
        organisationId: r.m.organisationId, name: r.m.name, ...r.t,
        rank: tied ? first + 1 : first + i + 1,
        tied,
        separatedBy: i === 0 ? levelAbove : settled ? 'vote' : null,
      });
    });
  }
  return standings;
}

/** The members of the tie that straddles a cut after `n` places, or [] when the cut is clean. */
export function tieAcross(standings: readonly Standing[], n: number): Standing[] {
  if (n <= 0 || n >= standings.length) return [];
  const rank = standings[n - 1]!.rank;
  if (standings[n]!.rank !== rank) return [];
  return standings.filter((s) => s.rank === rank);
}

export interface Proposal { flag: Standing[]; bangKhen: Standing[] }

/**
 * The first `flagCount` members for the flag, the next `bangKhenCount` for Bằng khen. A tie across
 * either cut cannot be settled by the software: the cluster votes first (409 naming the tied members).
 */
export function proposalOf(standings: readonly Standing[], flagCount: number, bangKhenCount: number): Proposal {
  for (const cut of [flagCount, flagCount + bangKhenCount]) {
    const tie = tieAcross(standings, cut);
    if (tie.length) throw new AppError('cluster.tie_at_cutoff', 409, { names: tie.map((s) => s.name).join(', '), rank: tie[0]!.rank });
  }
  return { flag: standings.slice(0, flagCount), bangKhen: standings.slice(flagCount, flagCount + bangKhenCount) };
}

/** The candidate's achievement line in the nomination: rank, total and its parts, quoted from the sheet. */
export function achievementLine(s: Standing, of: number, clusterName: string, year: number): string {
  return `Xếp thứ ${s.rank}/${of} trong ${clusterName} năm ${year} với tổng số ${formatPoints(s.total)} điểm `
    + `(điểm tiêu chí ${formatPoints(s.criteria)}, điểm thưởng ${formatPoints(s.bonus)}, điểm trừ ${formatPoints(s.penalty)}) `
    + 'theo kết quả chấm điểm, bình xét thi đua của cụm, khối.';
}
