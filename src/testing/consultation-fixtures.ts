import type { Kysely } from 'kysely';
import type { BatchStatus, CandidateStatus, Database } from '../platform/db/schema.ts';
import { uuidv7 } from '../platform/ids.ts';
import { foldVietnamese } from '../platform/vn/fold.ts';
import { textSortKey } from '../platform/vn/sort.ts';

/**
 * Test fixtures: a nomination batch already through appraisal, written straight into the tables (the
 * nomination routes are another module's), with candidates in the given states.
 */
export interface BatchSpec {
  tenantId: string;
  unitId: string;
  receivingId: string;
  awardForm: string;
  status?: BatchStatus;
  candidates: { personId: string; name: string; position?: string; unitName?: string; status?: CandidateStatus }[];
}

export async function buildAcceptedBatch(db: Kysely<Database>, spec: BatchSpec): Promise<{ id: string; candidateIds: string[] }> {
  const id = uuidv7();
  const now = new Date('2026-11-20T03:00:00Z');
  await db.insertInto('nomination_batches').values({
    tenant_id: spec.tenantId, id, organisation_id: spec.unitId, receiving_organisation_id: spec.receivingId, movement_id: null, award_item_id: null,
    award_form: spec.awardForm, kind: 'merit', year: 2026, title: 'Đề nghị khen thưởng năm 2026', status: spec.status ?? 'accepted',
    forwarded_from_batch_id: null, letter_number: '', submitted_at: now, submitted_by: null, receipt_number: null, created_by: null,
    created_at: now, updated_at: now,
  }).execute();
  const candidateIds: string[] = [];
  for (const c of spec.candidates) {
    const cid = uuidv7();
    candidateIds.push(cid);
    await db.insertInto('nomination_candidates').values({
      tenant_id: spec.tenantId, id: cid, batch_id: id, person_id: c.personId, organisation_id: null, household_id: null,
      status: c.status ?? 'accepted', name: c.name, name_fold: foldVietnamese(c.name), sort_key: textSortKey(c.name), position: c.position ?? 'Chuyên viên',
      unit_name: c.unitName ?? '', is_leader: false, achievement: 'Hoàn thành xuất sắc nhiệm vụ', eligibility: JSON.stringify({ status: 'met', reasons: [] }),
      note: '', source_candidate_id: null, award_id: null, created_at: now, updated_at: now,
    }).execute();
  }
  return { id, candidateIds };
}
