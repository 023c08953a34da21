import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/auth/policy.ts';
import { todayInVietnam } from '../../platform/vn/dates.ts';
import { findMovement, planOf } from '../movements/index.ts';
import { findOrganisation } from '../organisations/index.ts';
import type { CandidateEligibility } from './eligibility.ts';
import { flagsOf, nonLeaderShare, quotaScope, requiredDocuments } from './model.ts';
import { procedureFor } from './procedure.ts';
import { awardItemOf, can, guardHolds, visibleBatch } from './service.ts';
import { candidateKind, candidatesOf, documentsShownOf, eventsOf, exclusionFactsOf, quotaCount } from './store.ts';
import { submissionProblems } from './transitions.ts';
import { activeContentOf } from '../../platform/storage/pdf-active.ts';
import { DESK_STATUSES } from './desk.ts';
import { BATCH_TRANSITIONS, CANDIDATE_TRANSITIONS, batchEditable } from './workflow.ts';

type Db = Kysely<Database>;

/**
 * The reason of the batch's own step that moved it into its present status (its latest such step), or null;
 * a step that leaves the status as it is (an assignment on the standing agency's desk) is not one.
 */
function statusReasonOf(status: string, events: readonly { candidate_id: string | null; from_status: string; to_status: string; reason: string }[]): string | null {
  const step = events.findLast((e) => e.candidate_id === null && e.to_status === status && e.from_status !== status);
  return step?.reason ? step.reason : null;
}

/**
 * Everything the batch page shows: the candidates with their eligibility and flags, the dossier and what
 * it lacks, the quotas as used, the window, the history, and which actions this actor may take now.
 */
export async function batchDetail(db: Db, actor: Actor, id: string, now: Date) {
  const batch = await visibleBatch(db, actor, id);
  const today = todayInVietnam(now);
  const [candidates, documents, events, procedure] = await Promise.all([
    candidatesOf(db, batch.tenant_id, batch.id), documentsShownOf(db, batch.tenant_id, batch.id), eventsOf(db, batch.tenant_id, batch.id),
    procedureFor(db, batch.tenant_id, batch.award_form),
  ]);
  const exclusions = await exclusionFactsOf(db, batch.tenant_id, batch, candidates);
  const problems = await submissionProblems(db, batch, candidates, today);
  const movement = batch.movement_id ? await findMovement(db, batch.tenant_id, batch.movement_id) : undefined;
  const award = movement && batch.award_item_id ? awardItemOf(planOf(movement), batch.award_item_id) : null;
  const quotas = [];
  for (const quota of award?.quotas ?? []) {
    const paths = new Map<string, string>();
    for (const oid of quota.appliesTo.organisationIds) {
      const org = await findOrganisation(db, batch.tenant_id, oid);
      if (org) paths.set(oid, org.path);
    }
    const scope = quotaScope(quota, { id: batch.organisation_id, path: batch.organisation_path }, (x) => paths.get(x));
    if (!scope) continue;
    const used = await quotaCount(db, batch.tenant_id, movement!.id, award!.id, scope, batch.id);
    quotas.push({ id: quota.id, label: quota.appliesTo.label, individuals: quota.individuals, collectives: quota.collectives, total: quota.total, used });
  }
  const people = [batch.assigned_to, batch.list_reviewed_by].filter((x): x is string => x !== null);
  const names = new Map(people.length ? (await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', people).execute())
    .map((u) => [u.id, u.display_name]) : []);
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);
  const batchActions = BATCH_TRANSITIONS.filter((t) => t.from.includes(batch.status) && t.action !== 'edit' && t.action !== 'close'
    && can(actor, t.permission, batch, t.where)).map((t) => t.action);
  return {
    batch: {
      id: batch.id, title: batch.title, kind: batch.kind, year: batch.year, status: batch.status,
      awardForm: batch.award_form, awardFormName: batch.award_form_name, awardFormLevel: batch.award_form_level,
      organisation: { id: batch.organisation_id, name: batch.organisation_name },
      receiving: { id: batch.receiving_organisation_id, name: batch.receiving_name },
      movement: movement ? { id: movement.id, name: movement.name } : null, awardItemId: batch.award_item_id,
      forwardedFromBatchId: batch.forwarded_from_batch_id, receiptNumber: batch.receipt_number,
      submittedAt: batch.submitted_at?.toISOString() ?? null, version: batch.version,
      // why the batch is where it is (a return's reason, a failed vote's count): shown at the top of its page (issue 17.5)
      statusReason: statusReasonOf(batch.status, events),
      // the standing agency's desk (desk.ts): who handles it, the head's review of the list, and what this actor may do there
      desk: {
        assignee: person(batch.assigned_to), listReviewedAt: batch.list_reviewed_at?.toISOString() ?? null, listReviewedBy: person(batch.list_reviewed_by),
        canAssign: DESK_STATUSES.includes(batch.status) && can(actor, 'nomination.appraise', batch, 'receiving'),
        canReviewList: batch.status === 'accepted' && batch.list_reviewed_at === null && can(actor, 'nomination.review_list', batch, 'receiving'),
      },
      editable: BATCH_TRANSITIONS.some((t) => t.action === 'edit' && t.from.includes(batch.status)) && can(actor, 'nomination.write', batch, 'unit'),
    },
    candidates: candidates.map((c) => {
      const facts = exclusions.find((e) => e.candidateId === c.id)!;
      const eligibility = c.eligibility as CandidateEligibility | null;
      return {
        id: c.id, kind: candidateKind(c), subjectId: (c.person_id ?? c.organisation_id ?? c.household_id)!, name: c.name,
        position: c.position, unitName: c.unit_name, isLeader: c.is_leader, achievement: c.achievement, status: c.status, note: c.note,
        eligibility, awardId: c.award_id, version: c.version,
        requestedDocument: c.requested_document, requestedAt: c.requested_at?.toISOString() ?? null,
        flags: flagsOf({ eligibility: eligibility?.status ?? null, awardsThisYear: facts.awardsThisYear, otherNominations: facts.otherNominations },
          { kind: batch.kind, awardForm: batch.award_form }),
        // recall goes with the batch; a withdrawal only while the unit holds the batch
        actions: CANDIDATE_TRANSITIONS.filter((t) => t.from.includes(c.status) && t.action !== 'recall'
          && (t.action !== 'withdraw' || batchEditable(batch.status)) && guardHolds(t.guard, batch) && can(actor, t.permission, batch, t.where))
          .map((t) => t.action),
      };
    }),
    nonLeaders: nonLeaderShare(candidates.map((c) => ({ kind: candidateKind(c), isLeader: c.is_leader, status: c.status }))),
    documents: documents.map((d) => ({
      id: d.id, kind: d.kind, candidateId: d.candidate_id, name: d.name, size: d.size, sha256: d.sha256, uploadedAt: d.uploaded_at.toISOString(),
      activeContent: activeContentOf(d.active_content),
    })),
    requiredDocuments: requiredDocuments(batch.award_form_level, batch.kind),
    missingDocuments: problems.missing,
    window: { ...problems.window, state: problems.windowState },
    quotas,
    overQuota: problems.over,
    procedure,
    history: events.map((e) => ({ id: e.id, candidateId: e.candidate_id, action: e.action, from: e.from_status, to: e.to_status, reason: e.reason, at: e.at.toISOString(), actorName: e.actor_name ?? '' })),
    actions: batchActions,
  };
}
