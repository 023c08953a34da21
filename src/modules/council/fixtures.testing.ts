/**
 * Test support for council meetings: a council, accepted candidates and meetings written directly as
 * rows (the nominations workflow that leads there has its own tests). Never import from application code.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { foldVietnamese } from '../../platform/vn/fold.ts';
import { textSortKey } from '../../platform/vn/sort.ts';
import type { BuiltOrganisation } from '../../testing/factories.ts';
import { TEST_BALLOT_SECRET } from '../../testing/app.ts';
import { meetingKey, newBallotSalt, tokenHash } from './ballot-box.ts';

type Db = Kysely<Database>;
const NOW = new Date('2026-11-21T03:00:00Z');

export type MemberRole = 'chair' | 'vice_chair' | 'standing_member' | 'member' | 'secretary';

export async function buildCouncil(db: Db, organisation: BuiltOrganisation, members: { personId: string; role?: MemberRole }[]) {
  const id = uuidv7();
  await db.insertInto('councils').values({
    tenant_id: organisation.tenantId, id, organisation_id: organisation.id, name: `Hội đồng Thi đua - Khen thưởng ${organisation.name}`,
    established_by: 'Quyết định số 01/QĐ', valid_from: '2020-01-01', valid_to: null,
  }).execute();
  if (members.length) {
    await db.insertInto('council_members').values(members.map((m, i) => ({
      tenant_id: organisation.tenantId, council_id: id, person_id: m.personId, role: m.role ?? (i === 0 ? 'chair' : 'member'), title: '',
    }))).execute();
  }
  return id;
}

export interface AcceptedSpec {
  /** the nominating unit and the level that received the batch */
  unit: BuiltOrganisation;
  receiving: BuiltOrganisation;
  awardForm?: string;
  /** a person (with their name) or, without it, the unit itself as a collective candidate */
  person?: { id: string; fullName: string };
  isLeader?: boolean;
  /** one batch for several candidates */
  batchId?: string;
}

/** An accepted batch (or the given one) with one accepted candidate: what the compiled list is made of. */
export async function buildAcceptedCandidate(db: Db, spec: AcceptedSpec): Promise<{ batchId: string; candidateId: string }> {
  const tenantId = spec.unit.tenantId;
  const batchId = spec.batchId ?? uuidv7();
  if (!spec.batchId) {
    await db.insertInto('nomination_batches').values({
      tenant_id: tenantId, id: batchId, organisation_id: spec.unit.id, receiving_organisation_id: spec.receiving.id, movement_id: null,
      award_item_id: null, award_form: spec.awardForm ?? 'giay_khen', kind: 'merit', year: 2026, title: `Đề nghị khen thưởng ${spec.unit.name}`,
      status: 'accepted', forwarded_from_batch_id: null, letter_number: '', submitted_at: NOW, submitted_by: null,
      receipt_number: null, created_by: null, created_at: NOW, updated_at: NOW,
      // the head has reviewed the appraised list (desk.ts): it may go to the council
      list_reviewed_at: NOW,
    }).execute();
  }
  const candidateId = uuidv7();
  const name = spec.person?.fullName ?? spec.unit.name;
  await db.insertInto('nomination_candidates').values({
    tenant_id: tenantId, id: candidateId, batch_id: batchId, person_id: spec.person?.id ?? null, organisation_id: spec.person ? null : spec.unit.id,
    household_id: null, status: 'accepted', name, name_fold: foldVietnamese(name), sort_key: textSortKey(name),
    position: spec.person ? 'Chuyên viên' : '', unit_name: spec.unit.name, is_leader: spec.isLeader ?? false, achievement: '',
    eligibility: JSON.stringify({ status: 'met', source: 'catalogue', reasons: [] }), note: '', source_candidate_id: null, award_id: null,
    created_at: NOW, updated_at: NOW,
  }).execute();
  return { batchId, candidateId };
}

/**
 * A meeting of the organisation's council in the given state, written as rows: a council of the given
 * people (all present), and one agenda item (the organisation itself as an accepted collective candidate).
 * A voting meeting has its ballot box, as opening would leave it (a paper per member, under the test apps' secret).
 */
export async function buildMeeting(db: Db, organisation: BuiltOrganisation, status: 'planned' | 'voting' | 'closed', memberIds: string[]) {
  const tenantId = organisation.tenantId;
  const councilId = await buildCouncil(db, organisation, memberIds.map((personId) => ({ personId })));
  const { batchId, candidateId } = await buildAcceptedCandidate(db, { unit: organisation, receiving: organisation });
  const meetingId = uuidv7();
  const itemId = uuidv7();
  await db.insertInto('council_meetings').values({
    tenant_id: tenantId, id: meetingId, organisation_id: organisation.id, council_id: councilId, meeting_date: '2026-11-25', starts_at: '08:00',
    location: 'Hội trường', place: '', status, opened_at: status === 'planned' ? null : NOW, closed_at: status === 'closed' ? NOW : null,
    created_by: null, created_at: NOW, updated_at: NOW, ballot_salt: status === 'voting' ? newBallotSalt() : null,
  }).execute();
  if (memberIds.length) {
    await db.insertInto('council_attendance').values(memberIds.map((personId, i) => ({
      tenant_id: tenantId, meeting_id: meetingId, person_id: personId, role: i === 0 ? 'chair' : 'member', present: true,
    }))).execute();
  }
  const opened = status !== 'planned';
  await db.insertInto('council_agenda_items').values({
    tenant_id: tenantId, id: itemId, meeting_id: meetingId, candidate_id: candidateId, batch_id: batchId, award_form: 'giay_khen',
    secret_ballot: opened ? true : null, threshold_percent: opened ? 50.01 : null, threshold_of: opened ? 'members' : null,
  }).execute();
  if (status === 'voting' && memberIds.length) {
    const { ballot_salt: salt } = await db.selectFrom('council_meetings').select('ballot_salt').where('tenant_id', '=', tenantId).where('id', '=', meetingId).executeTakeFirstOrThrow();
    const key = meetingKey(TEST_BALLOT_SECRET, { tenantId, meetingId, salt: salt! });
    await db.insertInto('council_ballot_box').values(memberIds.map((personId) => ({
      tenant_id: tenantId, item_id: itemId, token_hash: tokenHash(key, itemId, personId), sealed: null,
    }))).execute();
  }
  return { meetingId, itemId, councilId };
}
