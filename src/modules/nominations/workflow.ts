import type { Permission } from '../../platform/auth/policy.ts';
import type { BatchStatus, CandidateStatus } from '../../platform/db/schema.ts';
import { actionsFrom, findTransition, type Transition as WorkflowTransition } from '../../platform/workflow.ts';

/**
 * The one state machine of a nomination, as tables: every allowed transition of a batch and of a
 * candidate, and who may make it — a permission held over the nominating unit ('unit'), the receiving
 * level ('receiving', whose standing agency appraises and whose council votes) or the authority that
 * decides ('authority'). Services, routes, the UI's buttons and the tests all read these tables.
 */
export type Where = 'unit' | 'receiving' | 'authority';

export type BatchAction = 'edit' | 'request_approval' | 'send_back' | 'submit' | 'recall' | 'open_appraisal' | 'return' | 'accept' | 'close';
export type CandidateAction =
  | 'submit' | 'recall' | 'withdraw' | 'accept' | 'return' | 'reject' | 'vote_pass' | 'vote_fail' | 'defer' | 'forward' | 'decide';

/** The shared row (platform/workflow.ts); a nomination's rows always say who may act, and where. */
export interface Transition<S extends string, A extends string> extends WorkflowTransition<S, A> { permission: Permission; where: Where }

export const BATCH_TRANSITIONS: readonly Transition<BatchStatus, BatchAction>[] = [
  // the unit's officer prepares the candidates and the dossier
  { action: 'edit', from: ['draft', 'returned'], to: 'draft', permission: 'nomination.write', where: 'unit' },
  { action: 'request_approval', from: ['draft', 'returned'], to: 'awaiting_head', permission: 'nomination.write', where: 'unit' },
  // the unit's head approves and submits, or sends it back to the officer
  { action: 'send_back', from: ['awaiting_head'], to: 'draft', permission: 'nomination.approve', where: 'unit' },
  { action: 'submit', from: ['awaiting_head'], to: 'submitted', permission: 'nomination.approve', where: 'unit' },
  // the head who submitted may take it back (thu hồi) until the receiving level opens appraisal
  { action: 'recall', from: ['submitted'], to: 'draft', permission: 'nomination.approve', where: 'unit', guard: 'reason; not a forwarded batch' },
  // the receiving level's standing agency appraises: returns for supplement, or accepts
  { action: 'open_appraisal', from: ['submitted'], to: 'under_appraisal', permission: 'nomination.appraise', where: 'receiving' },
  { action: 'return', from: ['under_appraisal'], to: 'returned', permission: 'nomination.appraise', where: 'receiving' },
  { action: 'accept', from: ['under_appraisal'], to: 'accepted', permission: 'nomination.appraise', where: 'receiving' },
  // every candidate has reached an end (decided, rejected, forwarded): the batch is done
  { action: 'close', from: ['accepted'], to: 'decided', permission: 'nomination.appraise', where: 'receiving' },
];

export const CANDIDATE_TRANSITIONS: readonly Transition<CandidateStatus, CandidateAction>[] = [
  // with the batch: a new or fixed candidate goes up when the head submits
  { action: 'submit', from: ['draft', 'returned'], to: 'submitted', permission: 'nomination.approve', where: 'unit' },
  // with the batch recalled: back to the unit as drafts
  { action: 'recall', from: ['submitted'], to: 'draft', permission: 'nomination.approve', where: 'unit' },
  // the unit gives up a candidate while the batch is with it (rút): the history keeps why
  { action: 'withdraw', from: ['draft', 'returned'], to: 'withdrawn', permission: 'nomination.write', where: 'unit', guard: 'reason; the batch is editable' },
  // appraisal verdicts, one per candidate
  { action: 'accept', from: ['submitted'], to: 'accepted', permission: 'nomination.appraise', where: 'receiving' },
  { action: 'return', from: ['submitted'], to: 'returned', permission: 'nomination.appraise', where: 'receiving' },
  { action: 'reject', from: ['submitted'], to: 'rejected', permission: 'nomination.appraise', where: 'receiving' },
  // the council's ballot decides, or defers the candidate to a later meeting
  { action: 'vote_pass', from: ['accepted'], to: 'voted', permission: 'council.manage', where: 'receiving' },
  { action: 'vote_fail', from: ['accepted'], to: 'rejected', permission: 'council.manage', where: 'receiving' },
  { action: 'defer', from: ['accepted'], to: 'accepted', permission: 'council.manage', where: 'receiving' },
  // beyond this level's authority: up the tree as a candidate of a new batch; within it: the decision
  { action: 'forward', from: ['accepted', 'voted'], to: 'forwarded', permission: 'nomination.appraise', where: 'receiving', guard: 'beyond_authority' },
  { action: 'decide', from: ['accepted', 'voted'], to: 'decided', permission: 'decision.issue', where: 'authority' },
];

export const BATCH_STATUSES: readonly BatchStatus[] =
  ['draft', 'awaiting_head', 'submitted', 'under_appraisal', 'returned', 'accepted', 'decided'];
export const CANDIDATE_STATUSES: readonly CandidateStatus[] =
  ['draft', 'submitted', 'returned', 'accepted', 'rejected', 'voted', 'forwarded', 'decided', 'withdrawn'];

/** Candidates that are still in the running (count toward quotas, flag a second nomination). */
export const ACTIVE_CANDIDATE: readonly CandidateStatus[] = ['draft', 'submitted', 'returned', 'accepted', 'voted', 'forwarded', 'decided'];
/** Where a candidate's path ends at this level. */
export const FINAL_CANDIDATE: readonly CandidateStatus[] = ['rejected', 'forwarded', 'decided', 'withdrawn'];

export function batchTransition(status: BatchStatus, action: BatchAction): Transition<BatchStatus, BatchAction> | null {
  return findTransition(BATCH_TRANSITIONS, status, action);
}

export function candidateTransition(status: CandidateStatus, action: CandidateAction): Transition<CandidateStatus, CandidateAction> | null {
  return findTransition(CANDIDATE_TRANSITIONS, status, action);
}

export function batchActions(status: BatchStatus): BatchAction[] {
  return actionsFrom(BATCH_TRANSITIONS, status);
}

/** Candidates may be added, changed or removed only while their batch is with the unit. */
export function batchEditable(status: BatchStatus): boolean {
  return batchTransition(status, 'edit') !== null;
}
