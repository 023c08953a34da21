/**
 * Test support: nomination batches already through appraisal (and the council, where it votes), made
 * directly in the database the way the workflow leaves them, for the decision tests. Never imported by
 * application code.
 */
import type { Kysely } from 'kysely';
import type { BatchStatus, Database, NominationKind } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { foldVietnamese } from '../../platform/vn/fold.ts';
import { textSortKey } from '../../platform/vn/sort.ts';
import type { BuiltOrganisation } from '../../testing/factories.ts';

type Db = Kysely<Database>;
const NOW = new Date('2026-11-21T03:00:00Z');

type Status = 'accepted' | 'voted' | 'submitted' | 'forwarded';
export type CandidateSpec = (
  | { person: { id: string; fullName: string }; position?: string; status?: Status }
  | { collective: BuiltOrganisation; status?: Status }
  | { household: { id: string; headName: string }; status?: Status }
) & { sourceCandidateId?: string };

export interface BatchSpec {
  unit: BuiltOrganisation;
  receiving: BuiltOrganisation;
  awardForm?: string;
  kind?: NominationKind;
  year?: number;
  status?: BatchStatus;
  forwardedFrom?: string;
  movementId?: string | null;
  title?: string;
}

export async function buildHousehold(db: Db, tenantId: string, organisation: BuiltOrganisation, headName: string) {
  const id = uuidv7();
  await db.insertInto('households').values({
    tenant_id: tenantId, id, organisation_id: organisation.id, head_name: headName, name_fold: foldVietnamese(headName), address: '', created_at: NOW,
  }).execute();
  return { id, headName };
}

/** A batch in the state appraisal left it (accepted by default), with its candidates. */
export async function buildAppraisedBatch(db: Db, tenantId: string, spec: BatchSpec, candidates: CandidateSpec[]) {
  const batchId = uuidv7();
  const year = spec.year ?? 2025;
  await db.insertInto('nomination_batches').values({
    tenant_id: tenantId, id: batchId, organisation_id: spec.unit.id, receiving_organisation_id: spec.receiving.id, movement_id: spec.movementId ?? null,
    award_item_id: null, award_form: spec.awardForm ?? 'giay_khen', kind: spec.kind ?? 'merit', year, title: spec.title ?? `Đề nghị khen thưởng năm ${year}`,
    status: spec.status ?? 'accepted', forwarded_from_batch_id: spec.forwardedFrom ?? null, letter_number: '', submitted_at: NOW, submitted_by: null,
    receipt_number: null, created_by: null, created_at: NOW, updated_at: NOW,
  }).execute();
  const candidateIds: string[] = [];
  for (const c of candidates) {
    const id = uuidv7();
    const who = 'person' in c ? { name: c.person.fullName, person_id: c.person.id, position: c.position ?? 'Chuyên viên', unit: spec.unit.name }
      : 'collective' in c ? { name: c.collective.name, organisation_id: c.collective.id, position: '', unit: c.collective.name }
        : { name: `Hộ gia đình ông/bà ${c.household.headName}`, household_id: c.household.id, position: '', unit: spec.unit.name };
    await db.insertInto('nomination_candidates').values({
      tenant_id: tenantId, id, batch_id: batchId, person_id: 'person_id' in who ? who.person_id : null,
      organisation_id: 'organisation_id' in who ? who.organisation_id : null, household_id: 'household_id' in who ? who.household_id : null,
      status: c.status ?? 'accepted', name: who.name, name_fold: foldVietnamese(who.name), sort_key: textSortKey(who.name), position: who.position,
      unit_name: who.unit, is_leader: false, achievement: '', eligibility: null, note: '', source_candidate_id: c.sourceCandidateId ?? null, award_id: null,
      created_at: NOW, updated_at: NOW,
    }).execute();
    candidateIds.push(id);
  }
  return { batchId, candidateIds };
}
