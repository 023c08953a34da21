import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../testing/database.ts';
import { buildOrganisation, buildPerson, buildTenant, buildUser, type BuiltOrganisation } from '../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../testing/app.ts';
import type { DatabaseHandle } from '../platform/db/database.ts';
import type { BatchStatus, CandidateStatus, Role } from '../platform/db/schema.ts';
import { uuidv7 } from '../platform/ids.ts';
import { addDays } from '../platform/vn/dates.ts';
import { isWorkingDay } from '../platform/vn/working-days.ts';
import { organisationRow } from '../modules/organisations/index.ts';
import { importHistoricAwards, newVerificationCode, recordAwards } from '../modules/awards/index.ts';
import { buildAcceptedBatch } from '../testing/consultation-fixtures.ts';
import { buildAcceptedCandidate, buildCouncil, buildMeeting } from '../modules/council/fixtures.testing.ts';
import { buildAppraisedBatch } from '../modules/decisions/fixtures.testing.ts';
import { buildCluster, buildSheet } from '../modules/clusters/fixtures.testing.ts';

/**
 * Every route, called as every role, on data inside the role's subtree and outside it (a sibling
 * department, and another province). Inside, exactly the roles in the table succeed; outside, nobody
 * does and no outside record appears in any answer. A route missing from the table fails the test.
 */
const ROLES: Role[] = ['system_admin', 'standing_officer', 'unit_officer', 'unit_head', 'council_member', 'individual'];
const READERS: Role[] = ['system_admin', 'standing_officer', 'unit_officer', 'unit_head', 'council_member'];
const ORG_WRITERS: Role[] = ['system_admin', 'standing_officer'];
const PERSON_WRITERS: Role[] = ['system_admin', 'standing_officer', 'unit_officer'];
const ADMINS: Role[] = ['system_admin'];
const AUDITORS: Role[] = ['system_admin', 'standing_officer'];
const MOVEMENT_WRITERS: Role[] = ['system_admin', 'standing_officer', 'unit_officer'];
const MOVEMENT_ISSUERS: Role[] = ['system_admin', 'standing_officer', 'unit_officer', 'unit_head'];
const NOMINATORS: Role[] = ['system_admin', 'standing_officer', 'unit_officer'];
const APPROVERS: Role[] = ['system_admin', 'unit_head'];
const APPRAISERS: Role[] = ['system_admin', 'standing_officer'];
const LIST_REVIEWERS: Role[] = ['system_admin', 'unit_head'];
const AWARD_REVOKERS: Role[] = ['system_admin', 'standing_officer', 'unit_head'];
const DECIDERS: Role[] = ['system_admin', 'standing_officer', 'unit_head'];
const EXAMPLE_WRITERS: Role[] = ['system_admin', 'standing_officer', 'unit_officer', 'unit_head'];
const EXAMPLE_PUBLISHERS: Role[] = ['system_admin', 'standing_officer', 'unit_head'];
const REPORT_WRITERS: Role[] = ['system_admin', 'standing_officer', 'unit_officer'];
const REPORT_SUBMITTERS: Role[] = ['system_admin', 'unit_officer', 'unit_head'];
const REPORT_REVIEWERS: Role[] = ['system_admin', 'standing_officer', 'unit_officer', 'unit_head'];
const AWARD_IMPORTERS: Role[] = ['system_admin', 'standing_officer'];

interface World {
  inside: BuiltOrganisation; outside: BuiltOrganisation; foreign: BuiltOrganisation;
  /** an issued movement issued by each side's organisation, a unit directly under each, and an issued provincial one */
  movements: Record<Side, string>; children: Record<Side, string>; rootMovement: string;
  insidePerson: string; outsidePerson: string; foreignPerson: string;
  insideUser: string; outsideUser: string; foreignUser: string;
  /** a person employed by each side's sub-unit (a nomination candidate) */
  childPeople: Record<Side, string>;
}
type Side = 'inside' | 'outside' | 'foreign';
interface Call { url: string; payload?: unknown; headers?: Record<string, string> }
interface RouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  route: string;
  allowed: Role[];
  /** builds a fresh call on data of the given side (fresh rows where the call consumes them) */
  call(side: Side): Promise<Call>;
  /** for lists: the answer must not mention anything of the other sides */
  list?: boolean;
}

let handle: DatabaseHandle;
let app: FastifyInstance;
let w: World;
let tenantId: string;
let foreignTenantId: string;
const sessions = new Map<Role, Session>();
let counter = 0;
const next = () => ++counter;
/** employment years of the test's person: each call its own year, all before the person's real job (2015) */
let employmentYear = 1800;
const nextEmploymentYear = () => ++employmentYear;

const orgId = (side: Side) => w[side].id;
const personId = (side: Side) => ({ inside: w.insidePerson, outside: w.outsidePerson, foreign: w.foreignPerson })[side];
const userId = (side: Side) => ({ inside: w.insideUser, outside: w.outsideUser, foreign: w.foreignUser })[side];
const tenantOf = (side: Side) => (side === 'foreign' ? foreignTenantId : tenantId);

async function freshEmployment(side: Side) {
  const id = uuidv7();
  const year = nextEmploymentYear();
  await handle.db.insertInto('employments').values({
    tenant_id: tenantOf(side), id, person_id: personId(side), organisation_id: orgId(side), position: 'Tạm',
    is_leader: false, start_date: `${year}-01-01`, end_date: `${year}-06-30`, created_at: new Date(),
  }).execute();
  return id;
}

/** A commune (people's committee at commune level) under the side's organisation: residents and households belong to one. */
async function freshCommune(side: Side, code?: string) {
  const parent = await handle.db.selectFrom('organisations').select(['id', 'path']).where('id', '=', orgId(side)).executeTakeFirstOrThrow();
  const id = uuidv7();
  await handle.db.insertInto('organisations').values(organisationRow(tenantOf(side), id, parent.path, {
    parentId: parent.id, name: `Ủy ban nhân dân xã Số ${next()}`, kind: 'peoples_committee', level: 'commune', validFrom: '2008-01-01', code: code ?? null,
  }, new Date())).execute();
  return id;
}

async function freshResidence(side: Side) {
  const id = uuidv7();
  const year = nextEmploymentYear();
  await handle.db.insertInto('residences').values({ tenant_id: tenantOf(side), id, person_id: personId(side), organisation_id: await freshCommune(side),
    village: 'Thôn Tạm', valid_from: `${year}-01-01`, valid_to: `${year}-06-30` }).execute();
  return id;
}

async function freshHousehold(side: Side) {
  const id = uuidv7();
  await handle.db.insertInto('households').values({ tenant_id: tenantOf(side), id, organisation_id: await freshCommune(side), head_person_id: personId(side),
    head_name: 'Chủ hộ', name_fold: 'chu ho', village: 'Thôn Tạm' }).execute();
  await handle.db.insertInto('household_members').values({ tenant_id: tenantOf(side), household_id: id, person_id: personId(side), relation: 'Chủ hộ' }).execute();
  return id;
}

/** A movement of the side's organisation in the given status, made directly in the database. */
async function freshMovement(side: Side, status: 'draft' | 'issued', organisationId = orgId(side)) {
  const id = uuidv7();
  const n = next();
  await handle.db.insertInto('movements').values({
    tenant_id: tenantOf(side), id, organisation_id: organisationId, parent_movement_id: null, kind: 'campaign', status,
    name: `Đợt thi đua số ${n}`, name_fold: `dot thi dua so ${n}`, slogan: '', document_number: status === 'issued' ? n : null,
    document_symbol: 'KH-UBND', place: '', issued_on: status === 'issued' ? '2026-01-05' : null,
    period_start: '2026-01-01', period_end: '2026-12-31', plan: '{}', created_by: null, created_at: new Date(), updated_at: new Date(),
  }).execute();
  return id;
}

/** A Giấy khen of the side's organisation (a collective), with its verification code, made directly in the database. */
async function freshAward(side: Side) {
  const [id] = await recordAwards(handle.db, tenantOf(side), [{
    person_id: null, organisation_id: orgId(side), award_form: 'giay_khen', year: 2024, basis: 'merit',
    movement_id: null, reason: '', decision_number: `${next()}/QĐ-UBND`, decided_on: '2025-01-15', decided_by: 'Chủ tịch UBND tỉnh',
    revoked_on: null, revocation_number: null, verification_code: newVerificationCode(), created_by: null, created_at: new Date(), updated_at: new Date(),
  }]);
  return id!;
}

/** A tenant's own award form (migration 0031) of the side's tenant, retired when asked, made directly in the database. */
async function freshForm(side: Side, retired = false) {
  const code = uuidv7();
  await handle.db.insertInto('award_forms').values({
    code, tenant_id: tenantOf(side), display_code: `rieng_${next()}`, name: 'Bằng khen của Bộ trưởng', category: 'award', recipient: 'individual',
    recipient_kinds: JSON.stringify(['individual']), level: 'ministry', conferred_by: 'Bộ trưởng', sort_order: 1000, citation: 'Luật Thi đua, khen thưởng 2022',
  }).execute();
  if (retired) {
    await handle.db.insertInto('award_form_retirements').values({ tenant_id: tenantOf(side), award_form: code, retired_on: '2026-01-01', citation: 'Quyết định', retired_at: new Date() }).execute();
  }
  return code;
}
const formPayload = (code: string) => ({
  code, name: 'Kỷ niệm chương của Bộ', group: 'commemorative_medal', recipientKinds: ['individual'], level: 'ministry', conferredBy: 'Bộ trưởng',
  citation: 'Luật Thi đua, khen thưởng 2022, Điều 7', coefficients: [],
});

/** A past award imported and kept as written (archive/history), counted under the side's organisation. */
async function freshUnmatched(side: Side) {
  const name = { inside: 'Người Trong Lịch Sử', outside: 'Người Ngoài', foreign: 'Người Tỉnh Khác' }[side];
  const { created } = await importHistoricAwards(handle.db, tenantOf(side), [{
    person_id: null, organisation_id: null, award_form: 'giay_khen', year: 2020, reason: '', decision_number: `${next()}/QĐ-LS`, decided_on: '2020-12-20',
    decided_by: 'Giám đốc Sở', amount: null, written_kind: 'individual', written_name: name, written_unit: w[side].name, written_birth_year: null,
    written_name_fold: name.toLowerCase(), written_sort_key: name, written_path: w[side].path, history_key: `matrix-${next()}`, created_by: null,
  }], new Date());
  return created[0]!;
}

async function freshGrant(side: Side) {
  const id = uuidv7();
  await handle.db.insertInto('role_grants').values({
    tenant_id: tenantOf(side), id, user_id: userId(side), role: 'unit_head', organisation_id: orgId(side), granted_by: null, created_at: new Date(),
  }).execute();
  return id;
}

/**
 * A nomination batch of the side's sub-unit to the side's department, in a given state, with one
 * candidate (the sub-unit's employee) in a given state; its letter and minutes are on file.
 */
async function freshBatch(side: Side, status: BatchStatus, candidate: CandidateStatus | null = null, awardForm = 'giay_khen') {
  const id = uuidv7();
  const now = new Date();
  await handle.db.insertInto('nomination_batches').values({
    tenant_id: tenantOf(side), id, organisation_id: w.children[side], receiving_organisation_id: orgId(side), movement_id: null, award_item_id: null,
    award_form: awardForm, kind: 'merit', year: 2026, title: `Đề nghị khen thưởng số ${next()}`, status, forwarded_from_batch_id: null,
    letter_number: '', submitted_at: null, submitted_by: null, receipt_number: null, created_by: null, created_at: now, updated_at: now,
  }).execute();
  let candidateId = '';
  if (candidate) {
    candidateId = uuidv7();
    await handle.db.insertInto('nomination_candidates').values({
      tenant_id: tenantOf(side), id: candidateId, batch_id: id, person_id: w.childPeople[side], organisation_id: null, household_id: null,
      status: candidate, name: 'Vũ Văn Con', name_fold: 'vu van con', sort_key: 'con', position: '', unit_name: '', is_leader: false,
      achievement: '', eligibility: null, note: '', source_candidate_id: null, award_id: null, created_at: now, updated_at: now,
    }).execute();
  }
  for (const kind of ['proposal_letter', 'minutes'] as const) {
    await handle.db.insertInto('nomination_documents').values({ tenant_id: tenantOf(side), id: uuidv7(), batch_id: id, candidate_id: null, kind,
      sha256: 'a'.repeat(64), name: `${kind}.pdf`, size: 10, uploaded_by: null, uploaded_at: now, replaced_at: null }).execute();
  }
  return { id, candidateId };
}

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);
// a counter of its own: `next()` also numbers the employment years, which must stay before 2015
let consultationNo = 0;

/** An accepted batch the side's organisation received from the unit under it, with one accepted candidate. */
async function freshAcceptedBatch(side: Side) {
  return buildAcceptedBatch(handle.db, { tenantId: tenantOf(side), unitId: w.children[side], receivingId: orgId(side), awardForm: 'chien_si_thi_dua_toan_quoc',
    candidates: [{ personId: personId(side), name: `Ứng viên ${++consultationNo}` }] });
}

/** A consultation of the side's organisation, published in 2026 (its period over), with one pending comment. */
async function freshConsultation(side: Side) {
  const batch = await freshAcceptedBatch(side);
  const id = uuidv7();
  const commentId = uuidv7();
  const t = tenantOf(side);
  await handle.db.insertInto('consultations').values({
    tenant_id: t, id, organisation_id: orgId(side), award_form: 'chien_si_thi_dua_toan_quoc', title: `Lấy ý kiến số ${++consultationNo}`, channel: 'Cổng thông tin',
    starts_on: '2026-01-05', working_days: 10, ends_on: '2026-01-16', status: 'published', ip_salt: 'muoi', closed_at: null, closed_by: null,
    created_by: null, created_at: new Date(), updated_at: new Date(),
  }).execute();
  await handle.db.insertInto('consultation_candidates').values({ tenant_id: t, consultation_id: id, candidate_id: batch.candidateIds[0]!, no: 1,
    name: 'Ứng viên', position: '', unit_name: '', award_name: 'Chiến sĩ thi đua toàn quốc' }).execute();
  await handle.db.insertInto('consultation_comments').values({ tenant_id: t, id: commentId, consultation_id: id, candidate_id: null, author_name: '',
    contact: '', body: 'Ý kiến', status: 'pending', handling_note: '', handled_by: null, handled_at: null, ip_hash: 'abc', created_at: new Date() }).execute();
  return { id, commentId };
}

/**
 * Council meetings: each side's council has one member with an account — inside, the individual (a
 * council seat is what lets one vote, whatever the role); outside and abroad, that side's person.
 */
const COUNCIL_MANAGERS: Role[] = ['system_admin', 'standing_officer'];
async function councilMember(side: Side) {
  if (side !== 'inside') return personId(side);
  return (await handle.db.selectFrom('users').select('person_id').where('username', '=', 'vai.individual').executeTakeFirstOrThrow()).person_id!;
}
async function freshMeeting(side: Side, status: 'planned' | 'voting' | 'closed') {
  return buildMeeting(handle.db, w[side], status, [await councilMember(side)]);
}
/** A planned meeting with its counting minutes attached (inside; elsewhere the meeting is out of reach anyway). */
async function freshPaperMeeting(side: Side) {
  const meeting = await freshMeeting(side, 'planned');
  if (side === 'inside') {
    const response = await sessions.get('system_admin')!.request({ method: 'PUT', url: `/api/council/meetings/${meeting.meetingId}/paper-ballot/minutes`,
      headers: { 'content-type': 'application/pdf' }, payload: pdf(`kiểm phiếu ${next()}`) });
    if (response.statusCode !== 200) throw new Error(response.body);
  }
  return meeting;
}
async function freshCompiledList(side: Side) {
  await buildCouncil(handle.db, w[side], [{ personId: await councilMember(side) }]);
  await buildAcceptedCandidate(handle.db, { unit: w[side], receiving: w[side] });
}

/** A Giấy khen batch of the side's organisation, received and accepted by itself, with one accepted candidate. */
async function freshCandidate(side: Side) {
  const { candidateIds } = await buildAppraisedBatch(handle.db, tenantOf(side), { unit: w[side], receiving: w[side] },
    [{ person: { id: personId(side), fullName: 'Ứng Viên' } }]);
  return candidateIds[0]!;
}

const decisionBody = (candidateId: string) => ({
  candidateIds: [candidateId], number: next(), symbol: 'QĐ-SNV', signedOn: '2026-08-05', reason: 'Đã có thành tích xuất sắc',
  signer: { authority: null, title: 'Giám đốc Sở', name: 'Nguyễn Văn A' }, budgetSource: 'ngân sách',
});

/** A draft decision of the side's organisation, made by an administrator of that side (signed in once: sign-in is rate limited). */
const sideAdmins = new Map<Side, Promise<Session>>();
function sessionOf(side: Side): Promise<Session> {
  if (!sideAdmins.has(side)) sideAdmins.set(side, signIn(app, { inside: 'vai.system_admin', outside: 'quantri.ngoai', foreign: 'nguoi.khac' }[side]));
  return sideAdmins.get(side)!;
}
async function freshDecision(side: Side) {
  const admin = await sessionOf(side);
  const candidateId = await freshCandidate(side);
  const created = await admin.request({ method: 'POST', url: '/api/decisions', payload: decisionBody(candidateId) });
  if (created.statusCode !== 201) throw new Error(created.body);
  return { id: created.json().id as string, candidateId };
}

/** A typical example found by the side's organisation (a citizen's good deed), published or not, made directly in the database. */
async function freshExample(side: Side, published = false) {
  const id = uuidv7();
  const now = new Date();
  await handle.db.insertInto('examples').values({
    tenant_id: tenantOf(side), id, kind: 'good_deed', organisation_id: orgId(side), subject_kind: 'citizen', person_id: null,
    subject_organisation_id: null, subject_name: 'Người dân', subject_detail: '', title: `Việc tốt số ${next()}`, story: 'Trả lại của rơi.',
    movement_id: null, stage: 'discover', search_fold: 'viec tot', published_at: published ? now : null, published_by: null,
    created_by: null, created_at: now, updated_at: now,
  }).execute();
  return id;
}
const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`ảnh ${next()}`)]);
/** An example with one photo: inside, uploaded for real by an administrator; elsewhere the example itself is out of reach. */
async function freshPhoto(side: Side) {
  const id = await freshExample(side);
  const upload = side === 'inside' ? await sessions.get('system_admin')!.request({ method: 'PUT', url: `/api/examples/${id}/photos`,
    headers: { 'content-type': 'image/png' }, payload: png() }) : null;
  return { id, photoId: upload ? upload.json().id as string : uuidv7() };
}
/** A report phase (with an outline) of the side's movement; with a report of the unit under the side's organisation in a given state. */
async function freshReportPhase(side: Side) {
  const id = uuidv7();
  await handle.db.insertInto('movement_phases').values({
    tenant_id: tenantOf(side), id, movement_id: w.movements[side], kind: 'final_review', title: `Báo cáo số ${next()}`, starts_on: null,
    due_on: '2026-12-31', due_from: 'subordinates', outline: JSON.stringify([{ title: 'I. Kết quả', points: ['1. Chỉ đạo'] }]), inherited_from: null,
    position: next(),
  }).execute();
  return id;
}
async function freshReport(side: Side, status: 'draft' | 'submitted') {
  const phaseId = await freshReportPhase(side);
  await handle.db.insertInto('unit_reports').values({
    tenant_id: tenantOf(side), id: uuidv7(), movement_id: w.movements[side], phase_id: phaseId, organisation_id: w.children[side], status,
    sections: JSON.stringify({ '0': 'Kết quả' }), figures: null, first_submitted_at: status === 'submitted' ? new Date() : null,
    submitted_at: status === 'submitted' ? new Date() : null, submitted_by: null, returned_reason: null, created_by: null, created_at: new Date(), updated_at: new Date(),
  }).execute();
  return `/api/reports/phases/${phaseId}/organisations/${w.children[side]}`;
}
const reportPhases = new Map<Side, Promise<string>>();
const sharedReportPhase = (side: Side) => {
  if (!reportPhases.has(side)) reportPhases.set(side, freshReportPhase(side));
  return reportPhases.get(side)!;
};
/**
 * Cluster scoring: each side's organisation organises a cluster of itself (the head) and its sub-unit,
 * followed inside by the individual's person (a follower is a person, whatever the role).
 */
const CLUSTER_MANAGERS: Role[] = ['system_admin', 'standing_officer'];
const CLUSTER_HEADS: Role[] = ['system_admin', 'standing_officer', 'unit_officer', 'unit_head'];
const CLUSTER_READERS: Role[] = ['system_admin', 'standing_officer', 'unit_officer', 'unit_head', 'individual'];
/** each council written through the routes its own year: a unit has one council at a time, and the fixtures' run from 2020 on */
let councilYear = 1500;
const nextCouncilYear = () => ++councilYear;
const councilTerm = () => { const y = nextCouncilYear(); return { validFrom: `${y}-01-01`, validTo: `${y}-12-31` }; };
/** each new cluster its own year, so a unit is never in two clusters of a year across calls */
let clusterYear = 1975;
const nextClusterYear = () => ++clusterYear;
async function freshCluster(side: Side) {
  return buildCluster(handle.db, w[side], [w[side], { ...w[side], id: w.children[side] }], { followerPersonId: await councilMember(side) });
}
async function freshSheet(side: Side, status: 'draft' | 'open' | 'closed' | 'ranked', points: [number, number] | null = null, submitted = true) {
  const cluster = await freshCluster(side);
  const scores = points ? new Map([[orgId(side), [points[0], 10, 0, 0]], [w.children[side], [points[1], 10, 0, 0]]]) : undefined;
  return buildSheet(handle.db, cluster, tenantOf(side), status, scores, { submitted });
}

/** A member's evidence file on an open sheet: inside, uploaded for real by the member's officer; elsewhere out of reach. */
async function freshEvidence(side: Side) {
  const sheet = await freshSheet(side, 'open');
  const upload = side === 'inside' ? await sessions.get('unit_officer')!.request({ method: 'PUT',
    url: `/api/clusters/sheets/${sheet.id}/members/${orgId(side)}/evidence/${sheet.criterionIds[0]}`,
    headers: { 'content-type': 'application/pdf', 'x-file-name': 'minh-chung.pdf' }, payload: pdf(`minh chứng ${next()}`) }) : null;
  if (upload && upload.statusCode !== 201) throw new Error(upload.body);
  return { sheetId: sheet.id, fileId: upload ? upload.json().id as string : uuidv7() };
}

const ROUTES: RouteCase[] = [
  { method: 'GET', route: '/api/organisations/tree', allowed: READERS, list: true, call: async () => ({ url: '/api/organisations/tree?includeEnded=true' }) },
  { method: 'GET', route: '/api/organisations/{id}', allowed: READERS, call: async (s) => ({ url: `/api/organisations/${orgId(s)}` }) },
  { method: 'GET', route: '/api/organisations/{id}/members', allowed: READERS, call: async (s) => ({ url: `/api/organisations/${orgId(s)}/members` }) },
  { method: 'GET', route: '/api/organisations/{id}/council', allowed: READERS, call: async (s) => ({ url: `/api/organisations/${orgId(s)}/council` }) },
  { method: 'GET', route: '/api/organisations/{id}/clusters', allowed: READERS, call: async (s) => ({ url: `/api/organisations/${orgId(s)}/clusters` }) },
  { method: 'POST', route: '/api/organisations', allowed: ORG_WRITERS, call: async (s) => ({ url: '/api/organisations', payload: {
    parentId: orgId(s), name: `Phòng số ${next()}`, kind: 'sub_unit', level: 'province', validFrom: '2020-01-01' } }) },
  { method: 'PATCH', route: '/api/organisations/{id}', allowed: ORG_WRITERS, call: async (s) => ({ url: `/api/organisations/${orgId(s)}`,
    payload: { shortName: `Tên tắt ${next()}` } }) },
  { method: 'GET', route: '/api/people', allowed: READERS, list: true, call: async () => ({ url: '/api/people?pageSize=200' }) },
  { method: 'GET', route: '/api/people/{id}', allowed: READERS, call: async (s) => ({ url: `/api/people/${personId(s)}` }) },
  { method: 'POST', route: '/api/people', allowed: PERSON_WRITERS, call: async (s) => ({ url: '/api/people', payload: {
    fullName: 'Nguyễn Thị Mới', gender: 'female', employment: { organisationId: orgId(s), position: 'Chuyên viên', startDate: '2024-01-01' } } }) },
  { method: 'PATCH', route: '/api/people/{id}', allowed: PERSON_WRITERS, call: async (s) => ({ url: `/api/people/${personId(s)}`, payload: { birthYear: 1970 + (next() % 20) } }) },
  { method: 'POST', route: '/api/people/{id}/employments', allowed: PERSON_WRITERS, call: async (s) => {
    const year = nextEmploymentYear();
    return { url: `/api/people/${personId(s)}/employments`, payload: { organisationId: orgId(s), position: 'Tạm', startDate: `${year}-01-01`, endDate: `${year}-12-31` } };
  } },
  { method: 'PATCH', route: '/api/people/{id}/employments/{employmentId}', allowed: PERSON_WRITERS, call: async (s) =>
    ({ url: `/api/people/${personId(s)}/employments/${await freshEmployment(s)}`, payload: { position: 'Đổi' } }) },
  { method: 'DELETE', route: '/api/people/{id}/employments/{employmentId}', allowed: PERSON_WRITERS, call: async (s) =>
    ({ url: `/api/people/${personId(s)}/employments/${await freshEmployment(s)}` }) },
  { method: 'GET', route: '/api/users', allowed: ADMINS, list: true, call: async () => ({ url: '/api/users' }) },
  { method: 'POST', route: '/api/users', allowed: ADMINS, call: async (s) => ({ url: '/api/users', payload: {
    username: `moi.${next()}`, displayName: 'Tài khoản mới', password: 'mot-mat-khau-dai', role: 'unit_officer', organisationId: orgId(s) } }) },
  { method: 'PATCH', route: '/api/users/{id}', allowed: ADMINS, call: async (s) => ({ url: `/api/users/${userId(s)}`, payload: { displayName: `Tên ${next()}` } }) },
  { method: 'POST', route: '/api/users/{id}/grants', allowed: ADMINS, call: async (s) => ({ url: `/api/users/${userId(s)}/grants`,
    payload: { role: 'council_member', organisationId: orgId(s) } }) },
  { method: 'DELETE', route: '/api/users/{id}/grants/{grantId}', allowed: ADMINS, call: async (s) =>
    ({ url: `/api/users/${userId(s)}/grants/${await freshGrant(s)}` }) },
  { method: 'GET', route: '/api/audit', allowed: AUDITORS, list: true, call: async () => ({ url: '/api/audit?limit=200' }) },
  { method: 'GET', route: '/api/movements', allowed: READERS, list: true, call: async () => ({ url: '/api/movements' }) },
  { method: 'GET', route: '/api/movements/{id}', allowed: READERS, call: async (s) => ({ url: `/api/movements/${w.movements[s]}` }) },
  { method: 'POST', route: '/api/movements', allowed: MOVEMENT_WRITERS, call: async (s) => ({ url: '/api/movements', payload: {
    organisationId: orgId(s), kind: 'campaign', name: `Đợt thi đua mới ${next()}`, periodStart: '2026-01-01', periodEnd: '2026-06-30', plan: {} } }) },
  { method: 'PATCH', route: '/api/movements/{id}', allowed: MOVEMENT_WRITERS, call: async (s) =>
    ({ url: `/api/movements/${await freshMovement(s, 'draft')}`, payload: { slogan: 'Khẩu hiệu' } }) },
  { method: 'POST', route: '/api/movements/{id}/cascade', allowed: MOVEMENT_WRITERS, call: async (s) => ({
    url: `/api/movements/${s === 'foreign' ? w.movements.foreign : w.rootMovement}/cascade`, payload: { organisationId: orgId(s) } }) },
  { method: 'POST', route: '/api/movements/{id}/issue', allowed: MOVEMENT_ISSUERS, call: async (s) =>
    ({ url: `/api/movements/${await freshMovement(s, 'draft')}/issue`, payload: { documentNumber: next(), issuedOn: '2026-02-01' } }) },
  { method: 'GET', route: '/api/movements/{id}/next-number', allowed: MOVEMENT_ISSUERS, call: async (s) =>
    ({ url: `/api/movements/${await freshMovement(s, 'draft')}/next-number?year=2026` }) },
  { method: 'POST', route: '/api/movements/{id}/amendments', allowed: MOVEMENT_WRITERS, call: async (s) =>
    ({ url: `/api/movements/${await freshMovement(s, 'issued')}/amendments`, payload: { reason: 'Bổ sung nội dung', slogan: 'Mới' } }) },
  { method: 'POST', route: '/api/movements/{id}/close', allowed: MOVEMENT_ISSUERS, call: async (s) =>
    ({ url: `/api/movements/${await freshMovement(s, 'issued')}/close` }) },
  { method: 'GET', route: '/api/movements/{id}/document.docx', allowed: READERS, call: async (s) => ({ url: `/api/movements/${w.movements[s]}/document.docx` }) },
  { method: 'GET', route: '/api/movements/{id}/document.pdf', allowed: READERS, call: async (s) => ({ url: `/api/movements/${w.movements[s]}/document.pdf` }) },
  { method: 'GET', route: '/api/movements/{id}/responses', allowed: READERS, call: async (s) => ({ url: `/api/movements/${w.movements[s]}/responses` }) },
  { method: 'POST', route: '/api/movements/{id}/reminders', allowed: MOVEMENT_WRITERS, call: async (s) => ({
    url: `/api/movements/${w.movements[s]}/reminders`, payload: { organisationId: w.children[s], message: 'Đề nghị khẩn trương hưởng ứng.' } }) },
  { method: 'POST', route: '/api/movements/{id}/reminders/overdue', allowed: MOVEMENT_WRITERS, call: async (s) => ({
    url: `/api/movements/${w.movements[s]}/reminders/overdue`, payload: { message: 'Đề nghị khẩn trương hưởng ứng.' } }) },
  { method: 'GET', route: '/api/movements/{id}/registrations', allowed: READERS, call: async (s) => ({ url: `/api/movements/${w.movements[s]}/registrations` }) },
  { method: 'POST', route: '/api/movements/{id}/registrations', allowed: MOVEMENT_WRITERS, call: async (s) => ({
    url: `/api/movements/${w.movements[s]}/registrations`, payload: { organisationId: orgId(s), titles: [{ awardForm: 'giay_khen', individuals: 1 }], commitments: '' } }) },
  // the unit's head approves its registration (issue 17.7): one saved by the side's administrator first
  { method: 'POST', route: '/api/movements/{id}/registrations/{organisationId}/approve', allowed: APPROVERS, call: async (s) => {
    const admin = await sessionOf(s);
    const saved = await admin.request({ method: 'POST', url: `/api/movements/${w.movements[s]}/registrations`,
      payload: { organisationId: orgId(s), titles: [{ awardForm: 'giay_khen', individuals: 1 }], commitments: '' } });
    if (saved.statusCode !== 201) throw new Error(saved.body);
    return { url: `/api/movements/${w.movements[s]}/registrations/${orgId(s)}/approve` };
  } },
  // the template names no data; an import checks scope row by row (an outside code is an unknown code, 422: import.db.test.ts)
  { method: 'GET', route: '/api/records/import/limits', allowed: PERSON_WRITERS, list: true, call: async () => ({ url: '/api/records/import/limits' }) },
  { method: 'GET', route: '/api/records/import/template', allowed: PERSON_WRITERS, list: true, call: async () => ({ url: '/api/records/import/template?kind=ratings&format=csv' }) },
  { method: 'POST', route: '/api/records/import', allowed: PERSON_WRITERS, list: true, call: async (s) => {
    await handle.db.updateTable('people').set({ code: `HR-${s}` }).where('id', '=', personId(s)).execute();
    return { url: '/api/records/import?kind=ratings&dryRun=true', payload: Buffer.from(`Mã cán bộ,Mã đơn vị,Năm,Xếp loại,Số quyết định,Ngày quyết định,Cơ quan ban hành\nHR-${s},,2024,HTNV,,,\n`) };
  } },
  // the archive of past decisions: the standing agency imports for its subtree (a unit outside it is 404) and matches later
  { method: 'GET', route: '/api/archive/history/template', allowed: AWARD_IMPORTERS, list: true, call: async () => ({ url: '/api/archive/history/template?format=csv' }) },
  { method: 'POST', route: '/api/archive/history/import', allowed: AWARD_IMPORTERS, call: async (s) => ({
    url: `/api/archive/history/import?dryRun=true&organisationId=${orgId(s)}`,
    payload: Buffer.from(`Số quyết định,Ngày quyết định,Hình thức khen thưởng,Họ và tên (cá nhân) hoặc tên tập thể\n1/QĐ-LS,15/01/2020,Lao động tiên tiến,Người Lạ\n`) }) },
  { method: 'GET', route: '/api/archive/history/unmatched', allowed: AWARD_IMPORTERS, list: true, call: async () => {
    for (const side of ['inside', 'outside', 'foreign'] as const) await freshUnmatched(side);
    return { url: '/api/archive/history/unmatched' };
  } },
  { method: 'POST', route: '/api/archive/history/match', allowed: AWARD_IMPORTERS, call: async (s) =>
    ({ url: '/api/archive/history/match', payload: { awardId: await freshUnmatched(s), personId: personId(s) } }) },
  // onboarding imports: the template names no data; an import checks scope row by row (a parent, unit or grant outside
  // the subtree is a named row error, 422: onboarding.db.test.ts); dry runs, so the calls leave nothing behind
  { method: 'GET', route: '/api/onboarding/template', allowed: ORG_WRITERS, list: true, call: async () => ({ url: '/api/onboarding/template?kind=units&format=csv' }) },
  { method: 'POST', route: '/api/onboarding/units/import', allowed: ORG_WRITERS, list: true, call: async (s) => {
    await handle.db.updateTable('organisations').set({ code: `DV-${s}` }).where('id', '=', orgId(s)).execute();
    return { url: '/api/onboarding/units/import?dryRun=true', payload: Buffer.from(`Mã đơn vị,Tên đơn vị,Tên viết tắt,Loại hình,Cấp hành chính,Mã đơn vị cấp trên,Mã hành chính,Mã định danh,Hiệu lực từ ngày,Hiệu lực đến ngày,Mã đơn vị kế thừa,Ghi chú kế thừa\nP-${next()},Phòng mới,,Phòng ban trực thuộc,Tỉnh,DV-${s},,,01/01/2020,,,\n`) };
  } },
  { method: 'POST', route: '/api/onboarding/people/import', allowed: PERSON_WRITERS, list: true, call: async (s) => {
    await handle.db.updateTable('organisations').set({ code: `DV-${s}` }).where('id', '=', orgId(s)).execute();
    return { url: '/api/onboarding/people/import?dryRun=true', payload: Buffer.from(`Mã cán bộ,Họ và tên,Giới tính,Ngày sinh (hoặc năm sinh),Dân tộc,Mã đơn vị,Chức vụ,Lãnh đạo,Trực tiếp lao động,Từ ngày,Đến ngày\nNEW-${next()},Phan Văn Mới,Nam,1990,,DV-${s},Chuyên viên,,,01/01/2020,\n`) };
  } },
  { method: 'POST', route: '/api/onboarding/accounts/import', allowed: ADMINS, list: true, call: async (s) => {
    await handle.db.updateTable('organisations').set({ code: `DV-${s}` }).where('id', '=', orgId(s)).execute();
    return { url: '/api/onboarding/accounts/import?dryRun=true', payload: Buffer.from(`Tên đăng nhập,Họ và tên,Thư điện tử,Vai trò,Mã đơn vị,Mã cán bộ\nmoi.${next()},Người Mới,moi@example.gov.vn,Cán bộ TĐKT đơn vị,DV-${s},\n`) };
  } },
  // councils and clusters (issue 14.2): the standing agency loads them for its subtree (registry.db.test.ts names the bad rows)
  { method: 'POST', route: '/api/onboarding/councils/import', allowed: COUNCIL_MANAGERS, list: true, call: async (s) => {
    const year = nextCouncilYear();
    await handle.db.updateTable('organisations').set({ code: `DV-${s}` }).where('id', '=', orgId(s)).execute();
    return { url: '/api/onboarding/councils/import?dryRun=true', payload: Buffer.from(`Mã hội đồng,Tên hội đồng,Mã đơn vị,Cấp,Nhiệm kỳ từ ngày,Nhiệm kỳ đến ngày,Quyết định thành lập,Thành viên (mã cán bộ hoặc tên đăng nhập),Chức danh trong Hội đồng,Chức vụ,Từ ngày,Đến ngày\nHD-${next()},Hội đồng mới,DV-${s},Tỉnh,01/01/${year},31/12/${year},,vai.individual,Chủ tịch,,,\n`) };
  } },
  { method: 'POST', route: '/api/onboarding/clusters/import', allowed: CLUSTER_MANAGERS, list: true, call: async (s) => {
    await handle.db.updateTable('organisations').set({ code: `DV-${s}` }).where('id', '=', orgId(s)).execute();
    return { url: '/api/onboarding/clusters/import?dryRun=true', payload: Buffer.from(`Mã cụm/khối,Tên cụm/khối,Loại,Năm,Mã đơn vị tổ chức,Mã đơn vị thành viên,Vai trò,Thành viên Hội đồng theo dõi (mã cán bộ hoặc tên đăng nhập)\nCUM-${next()},Cụm mới,Cụm,2023,,DV-${s},Trưởng cụm,\n`) };
  } },
  // residents, households, merging and splitting units (issue 14.2)
  { method: 'POST', route: '/api/people/{id}/residences', allowed: PERSON_WRITERS, call: async (s) => {
    const year = nextEmploymentYear();
    return { url: `/api/people/${personId(s)}/residences`, payload: { organisationId: await freshCommune(s), village: 'Thôn Mới', validFrom: `${year}-07-01`, validTo: `${year}-12-31` } };
  } },
  { method: 'PATCH', route: '/api/people/{id}/residences/{residenceId}', allowed: PERSON_WRITERS, call: async (s) =>
    ({ url: `/api/people/${personId(s)}/residences/${await freshResidence(s)}`, payload: { village: 'Thôn Đổi' } }) },
  { method: 'GET', route: '/api/households', allowed: READERS, list: true, call: async () => ({ url: '/api/households?includeClosed=true&pageSize=200' }) },
  { method: 'GET', route: '/api/households/{id}', allowed: READERS, call: async (s) => ({ url: `/api/households/${await freshHousehold(s)}` }) },
  { method: 'POST', route: '/api/households', allowed: PERSON_WRITERS, call: async (s) => ({ url: '/api/households', payload: {
    organisationId: await freshCommune(s), village: 'Thôn Mới', headPersonId: personId(s) } }) },
  { method: 'PATCH', route: '/api/households/{id}', allowed: PERSON_WRITERS, call: async (s) => ({ url: `/api/households/${await freshHousehold(s)}`,
    payload: { version: 0, address: 'Nhà số 1' } }) },
  { method: 'POST', route: '/api/households/{id}/close', allowed: PERSON_WRITERS, call: async (s) => ({ url: `/api/households/${await freshHousehold(s)}/close`,
    payload: { version: 0, closedOn: '2026-01-01' } }) },
  { method: 'POST', route: '/api/organisations/merge', allowed: ORG_WRITERS, call: async (s) => ({ url: '/api/organisations/merge', payload: {
    onDate: '2025-07-01', units: [{ id: await freshCommune(s), version: 0 }], successor: { id: await freshCommune(s), version: 0 } } }) },
  { method: 'POST', route: '/api/organisations/split', allowed: ORG_WRITERS, call: async (s) => ({ url: '/api/organisations/split', payload: {
    onDate: '2025-07-01', unit: { id: await freshCommune(s), version: 0 }, successors: [{ id: await freshCommune(s), version: 0 }, { id: await freshCommune(s), version: 0 }] } }) },
  { method: 'GET', route: '/api/onboarding/residents/template', allowed: PERSON_WRITERS, list: true, call: async () => ({ url: '/api/onboarding/residents/template?format=csv' }) },
  { method: 'GET', route: '/api/onboarding/households/template', allowed: PERSON_WRITERS, list: true, call: async () => ({ url: '/api/onboarding/households/template?format=csv' }) },
  { method: 'POST', route: '/api/onboarding/residents/import', allowed: PERSON_WRITERS, list: true, call: async (s) => {
    const code = `XA-${next()}`;
    await freshCommune(s, code);
    return { url: '/api/onboarding/residents/import?dryRun=true', payload: Buffer.from(`Mã cư dân,Họ và tên,Giới tính,Ngày sinh (hoặc năm sinh),Dân tộc,Mã xã,"Thôn, ấp, tổ dân phố",Địa chỉ,Cư trú từ ngày,Cư trú đến ngày\nCD-${next()},Phan Văn Mới,Nam,1990,,${code},Thôn Một,,01/01/2020,\n`) };
  } },
  { method: 'POST', route: '/api/onboarding/households/import', allowed: PERSON_WRITERS, list: true, call: async (s) => {
    const code = `XA-${next()}`;
    await freshCommune(s, code);
    await handle.db.updateTable('people').set({ code: `MA-${s}` }).where('id', '=', personId(s)).execute();
    return { url: '/api/onboarding/households/import?dryRun=true', payload: Buffer.from(`Mã hộ,Mã xã,"Thôn, ấp, tổ dân phố",Địa chỉ,Mã thành viên,Quan hệ với chủ hộ,Chủ hộ (Có/Không)\nHO-${next()},${code},Thôn Một,,MA-${s},Chủ hộ,Có\n`) };
  } },
  { method: 'GET', route: '/api/records/export.xlsx', allowed: READERS, call: async (s) => ({ url: `/api/records/export.xlsx?organisationId=${orgId(s)}&kind=ratings` }) },
  { method: 'GET', route: '/api/people/{id}/record', allowed: READERS, call: async (s) => ({ url: `/api/people/${personId(s)}/record` }) },
  { method: 'GET', route: '/api/organisations/{id}/record', allowed: READERS, call: async (s) => ({ url: `/api/organisations/${orgId(s)}/record` }) },
  { method: 'POST', route: '/api/records/ratings', allowed: PERSON_WRITERS, call: async (s) => ({ url: '/api/records/ratings',
    payload: { personId: personId(s), year: 1975 + (next() % 50), rating: 'good' } }) },
  { method: 'POST', route: '/api/records/awards', allowed: PERSON_WRITERS, call: async (s) => ({ url: '/api/records/awards',
    payload: { organisationId: orgId(s), year: 2024, awardForm: 'giay_khen', decisionNumber: `${next()}/QĐ-UBND` } }) },
  { method: 'POST', route: '/api/records/initiatives', allowed: PERSON_WRITERS, call: async (s) => ({ url: '/api/records/initiatives',
    payload: { personId: personId(s), year: 2024, title: `Sáng kiến số ${next()}`, level: 'base' } }) },
  { method: 'POST', route: '/api/records/disciplines', allowed: PERSON_WRITERS, call: async (s) => ({ url: '/api/records/disciplines',
    payload: { personId: personId(s), form: 'reprimand', startsOn: `${1975 + (next() % 50)}-0${1 + (next() % 9)}-01` } }) },
  { method: 'DELETE', route: '/api/records/{kind}/{id}', allowed: PERSON_WRITERS, call: async (s) => {
    const id = uuidv7();
    await handle.db.insertInto('initiatives').values({ tenant_id: tenantOf(s), id, person_id: personId(s), organisation_id: null, kind: 'initiative',
      title: 'Xóa', title_fold: `xoa ${next()}`, level: 'base', year: 2020, recognised_on: null, effect: '', source_number: '', source_date: null,
      source_issuer: '', created_by: null, created_at: new Date(), updated_at: new Date() }).execute();
    return { url: `/api/records/initiatives/${id}` };
  } },
  { method: 'GET', route: '/api/eligibility/people/{id}', allowed: READERS, call: async (s) => ({ url: `/api/eligibility/people/${personId(s)}?year=2025` }) },
  { method: 'GET', route: '/api/eligibility/organisations/{id}', allowed: READERS, call: async (s) => ({ url: `/api/eligibility/organisations/${orgId(s)}?year=2025` }) },
  { method: 'GET', route: '/api/eligibility', allowed: READERS, call: async (s) => ({ url: `/api/eligibility?organisationId=${orgId(s)}&awardForm=lao_dong_tien_tien&year=2025` }) },
  { method: 'GET', route: '/api/eligibility/export.xlsx', allowed: READERS, call: async (s) => ({ url: `/api/eligibility/export.xlsx?organisationId=${orgId(s)}&awardForm=lao_dong_tien_tien&year=2025` }) },
  { method: 'PUT', route: '/api/catalogue/caps/{awardForm}', allowed: ADMINS, list: true, call: async () => ({ url: '/api/catalogue/caps/chien_si_thi_dua_co_so',
    payload: { percent: 10 + (next() % 10), citation: 'Quyết định của tỉnh' } }) },
  { method: 'GET', route: '/api/awards/{id}/certificate.pdf', allowed: READERS, call: async (s) => ({ url: `/api/awards/${await freshAward(s)}/certificate.pdf` }) },
  { method: 'POST', route: '/api/awards/{id}/revocation', allowed: AWARD_REVOKERS, call: async (s) => ({ url: `/api/awards/${await freshAward(s)}/revocation`,
    payload: { decisionNumber: `${next()}/QĐ-UBND`, decidedOn: '2026-01-10', decidedBy: 'Chủ tịch UBND tỉnh', reason: 'Kê khai không trung thực' } }) },
  // the award archive: a list limited to the scope (no outside award appears), a unit outside it is 404
  { method: 'GET', route: '/api/archive/awards', allowed: READERS, list: true, call: async () => ({ url: '/api/archive/awards?pageSize=200' }) },
  { method: 'GET', route: '/api/archive/awards.xlsx', allowed: READERS, call: async (s) => ({ url: `/api/archive/awards.xlsx?unitId=${orgId(s)}` }) },
  // the statutory statistical forms: the list names no organisation; a form of a unit outside the scope is 404
  { method: 'GET', route: '/api/statutory-forms', allowed: READERS, list: true, call: async () => ({ url: '/api/statutory-forms?year=2024' }) },
  { method: 'GET', route: '/api/statutory-forms/{code}.xlsx', allowed: READERS, call: async (s) => ({ url: `/api/statutory-forms/0603.xlsx?organisationId=${orgId(s)}&year=2024` }) },
  // statistics of a unit's subtree: a unit outside the scope (or in another province) is 404
  { method: 'GET', route: '/api/statistics', allowed: READERS, call: async (s) => ({ url: `/api/statistics?organisationId=${orgId(s)}&fromYear=2020&toYear=2026` }) },
  { method: 'GET', route: '/api/statistics.xlsx', allowed: READERS, call: async (s) => ({ url: `/api/statistics.xlsx?organisationId=${orgId(s)}&fromYear=2024` }) },
  // what every tenant reads — the base salary, legal bases, the shared holiday decisions — only the platform
  // operator writes: no role of a tenant may (calendar.db.test.ts: the operator may, the other tenant reads it)
  { method: 'POST', route: '/api/catalogue/base-salaries', allowed: [], list: true, call: async () => ({ url: '/api/catalogue/base-salaries',
    payload: { effectiveFrom: `${2030 + next()}-07-01`, amount: 3_000_000, citation: 'Nghị định thử' } }) },
  { method: 'PUT', route: '/api/platform/legal-bases/{code}', allowed: [], list: true, call: async () => ({ url: `/api/platform/legal-bases/law_test_${next()}`,
    payload: { name: 'Luật thử', shortName: 'Luật thử', effectiveFrom: '2090-01-01', effectiveTo: null } }) },
  { method: 'PUT', route: '/api/platform/holidays/{date}', allowed: [], list: true, call: async () => {
    const date = addDays('2040-01-01', next());
    return { url: `/api/platform/holidays/${date}`, payload: { off: isWorkingDay(date), name: 'Quyết định thử' } };
  } },
  { method: 'DELETE', route: '/api/platform/holidays/{date}', allowed: [], list: true, call: async () => ({ url: '/api/platform/holidays/2025-05-02' }) },
  // a tenant's own days off: its system administrator, for the whole tenant (not a subtree)
  { method: 'PUT', route: '/api/calendar/days/{date}', allowed: ADMINS, list: true, call: async () => {
    const date = addDays('2041-01-01', next());
    return { url: `/api/calendar/days/${date}`, payload: { off: isWorkingDay(date), name: 'Ngày nghỉ của tỉnh' } };
  } },
  { method: 'DELETE', route: '/api/calendar/days/{date}', allowed: ADMINS, list: true, call: async () => {
    const date = addDays('2042-01-01', next());
    await handle.db.insertInto('tenant_holiday_days').values({ tenant_id: tenantId, day: date, off: isWorkingDay(date), name: 'Ngày nghỉ của tỉnh' }).execute();
    return { url: `/api/calendar/days/${date}` };
  } },
  { method: 'GET', route: '/api/nominations/batches', allowed: READERS, list: true, call: async () => ({ url: '/api/nominations/batches' }) },
  { method: 'POST', route: '/api/nominations/batches', allowed: NOMINATORS, call: async (s) => ({ url: '/api/nominations/batches',
    payload: { organisationId: w.children[s], receivingOrganisationId: orgId(s), kind: 'merit', awardForm: 'giay_khen' } }) },
  { method: 'GET', route: '/api/nominations/batches/{id}', allowed: READERS, call: async (s) => ({ url: `/api/nominations/batches/${(await freshBatch(s, 'draft')).id}` }) },
  { method: 'POST', route: '/api/nominations/batches/{id}/candidates', allowed: NOMINATORS, call: async (s) => ({
    url: `/api/nominations/batches/${(await freshBatch(s, 'draft')).id}/candidates`, payload: { personId: w.childPeople[s] } }) },
  { method: 'PATCH', route: '/api/nominations/batches/{id}/candidates/{candidateId}', allowed: NOMINATORS, call: async (s) => {
    const b = await freshBatch(s, 'draft', 'draft');
    return { url: `/api/nominations/batches/${b.id}/candidates/${b.candidateId}`, payload: { achievement: 'Hoàn thành xuất sắc nhiệm vụ.' } };
  } },
  { method: 'DELETE', route: '/api/nominations/batches/{id}/candidates/{candidateId}', allowed: NOMINATORS, call: async (s) => {
    const b = await freshBatch(s, 'draft', 'draft');
    return { url: `/api/nominations/batches/${b.id}/candidates/${b.candidateId}` };
  } },
  // bulk work (issue 17.7): everyone who qualifies, a list from a spreadsheet
  { method: 'GET', route: '/api/nominations/batches/{id}/qualifying', allowed: NOMINATORS, call: async (s) =>
    ({ url: `/api/nominations/batches/${(await freshBatch(s, 'draft')).id}/qualifying` }) },
  { method: 'POST', route: '/api/nominations/batches/{id}/candidates/qualifying', allowed: NOMINATORS, call: async (s) =>
    ({ url: `/api/nominations/batches/${(await freshBatch(s, 'draft')).id}/candidates/qualifying` }) },
  { method: 'GET', route: '/api/nominations/candidates/template', allowed: NOMINATORS, list: true, call: async () => ({ url: '/api/nominations/candidates/template?format=csv' }) },
  { method: 'POST', route: '/api/nominations/batches/{id}/candidates/import', allowed: NOMINATORS, call: async (s) => {
    const code = `TT-${s}`;
    await handle.db.updateTable('organisations').set({ code }).where('tenant_id', '=', tenantOf(s)).where('id', '=', w.children[s]).execute();
    return { url: `/api/nominations/batches/${(await freshBatch(s, 'draft')).id}/candidates/import?dryRun=true`,
      payload: Buffer.from(`Mã cán bộ,Mã đơn vị,Thành tích tóm tắt\n,${code},Hoàn thành tốt nhiệm vụ\n`), headers: { 'content-type': 'text/csv' } };
  } },
  { method: 'POST', route: '/api/nominations/batches/{id}/request-approval', allowed: NOMINATORS, call: async (s) =>
    ({ url: `/api/nominations/batches/${(await freshBatch(s, 'draft', 'draft')).id}/request-approval` }) },
  { method: 'POST', route: '/api/nominations/batches/{id}/send-back', allowed: APPROVERS, call: async (s) =>
    ({ url: `/api/nominations/batches/${(await freshBatch(s, 'awaiting_head', 'draft')).id}/send-back`, payload: { reason: 'Bổ sung báo cáo.' } }) },
  { method: 'POST', route: '/api/nominations/batches/{id}/submit', allowed: APPROVERS, call: async (s) =>
    ({ url: `/api/nominations/batches/${(await freshBatch(s, 'awaiting_head', 'draft')).id}/submit` }) },
  { method: 'POST', route: '/api/nominations/batches/{id}/recall', allowed: APPROVERS, call: async (s) =>
    ({ url: `/api/nominations/batches/${(await freshBatch(s, 'submitted', 'submitted')).id}/recall`, payload: { reason: 'Tờ trình ghi sai năm.' } }) },
  { method: 'POST', route: '/api/nominations/batches/{id}/candidates/{candidateId}/withdraw', allowed: NOMINATORS, call: async (s) => {
    const b = await freshBatch(s, 'returned', 'returned');
    return { url: `/api/nominations/batches/${b.id}/candidates/${b.candidateId}/withdraw`, payload: { reason: 'Chuyển công tác.' } };
  } },
  { method: 'POST', route: '/api/nominations/batches/{id}/open-appraisal', allowed: APPRAISERS, call: async (s) =>
    ({ url: `/api/nominations/batches/${(await freshBatch(s, 'submitted', 'submitted')).id}/open-appraisal` }) },
  { method: 'POST', route: '/api/nominations/batches/{id}/candidates/{candidateId}/verdict', allowed: APPRAISERS, call: async (s) => {
    const b = await freshBatch(s, 'under_appraisal', 'submitted');
    return { url: `/api/nominations/batches/${b.id}/candidates/${b.candidateId}/verdict`, payload: { verdict: 'accept' } };
  } },
  { method: 'POST', route: '/api/nominations/batches/{id}/finish-appraisal', allowed: APPRAISERS, call: async (s) =>
    ({ url: `/api/nominations/batches/${(await freshBatch(s, 'under_appraisal', 'accepted')).id}/finish-appraisal` }) },
  // the standing agency's desk (nominations/desk.ts): its officers assign a received batch; the head reviews the appraised list
  { method: 'GET', route: '/api/nominations/batches/{id}/specialists', allowed: APPRAISERS, call: async (s) =>
    ({ url: `/api/nominations/batches/${(await freshBatch(s, 'submitted', 'submitted')).id}/specialists` }) },
  { method: 'POST', route: '/api/nominations/batches/{id}/assign', allowed: APPRAISERS, call: async (s) => {
    const specialist = await handle.db.selectFrom('users').select('id').where('username', '=', 'vai.standing_officer').executeTakeFirstOrThrow();
    return { url: `/api/nominations/batches/${(await freshBatch(s, 'submitted', 'submitted')).id}/assign`, payload: { userId: specialist.id } };
  } },
  { method: 'POST', route: '/api/nominations/batches/{id}/review-list', allowed: LIST_REVIEWERS, call: async (s) =>
    ({ url: `/api/nominations/batches/${(await freshBatch(s, 'accepted', 'accepted')).id}/review-list`, payload: {} }) },
  { method: 'PUT', route: '/api/nominations/batches/{id}/documents/{kind}', allowed: NOMINATORS, call: async (s) => ({
    url: `/api/nominations/batches/${(await freshBatch(s, 'draft')).id}/documents/minutes`, payload: pdf(`biên bản ${next()}`),
    headers: { 'content-type': 'application/pdf' } }) },
  { method: 'GET', route: '/api/nominations/batches/{id}/documents/{documentId}', allowed: READERS, call: async (s) => {
    const { id } = await freshBatch(s, 'draft');
    // inside, a real scan is on file; elsewhere the batch itself is out of reach
    const upload = s === 'inside' ? await sessions.get('system_admin')!.request({ method: 'PUT', url: `/api/nominations/batches/${id}/documents/other`,
      headers: { 'content-type': 'application/pdf' }, payload: pdf(`phụ lục ${next()}`) }) : null;
    return { url: `/api/nominations/batches/${id}/documents/${upload ? upload.json().id : uuidv7()}` };
  } },
  { method: 'GET', route: '/api/nominations/batches/{id}/drafts/{kind}', allowed: READERS, call: async (s) =>
    ({ url: `/api/nominations/batches/${(await freshBatch(s, 'draft', 'draft')).id}/drafts/proposal_letter.docx` }) },
  { method: 'POST', route: '/api/nominations/batches/{id}/forward', allowed: APPRAISERS, call: async (s) => {
    const b = await freshBatch(s, 'accepted', 'accepted', 'bang_khen_tinh');
    return { url: `/api/nominations/batches/${b.id}/forward`, payload: { candidateIds: [b.candidateId] } };
  } },
  // the tenant's award catalogue: every signed-in account reads it; only the system administrator or standing agency at the
  // tenant's root changes it (catalogue-forms.db.test.ts), and every role here is a department's; another tenant's form is 404
  { method: 'GET', route: '/api/catalogue/forms', allowed: ROLES, list: true, call: async () => ({ url: '/api/catalogue/forms' }) },
  { method: 'GET', route: '/api/catalogue/forms/{code}/rules', allowed: ROLES, list: true, call: async () => ({ url: `/api/catalogue/forms/${await freshForm('inside')}/rules` }) },
  { method: 'POST', route: '/api/catalogue/forms', allowed: [], list: true, call: async () => ({ url: '/api/catalogue/forms', payload: formPayload(`ma_tran_${next()}`) }) },
  { method: 'PUT', route: '/api/catalogue/forms/{code}', allowed: [], call: async (s) => ({ url: `/api/catalogue/forms/${await freshForm(s)}`,
    payload: { ...formPayload(`ma_tran_${next()}`), version: 1 } }) },
  { method: 'DELETE', route: '/api/catalogue/forms/{code}', allowed: [], call: async (s) => ({ url: `/api/catalogue/forms/${await freshForm(s)}` }) },
  { method: 'POST', route: '/api/catalogue/forms/{code}/retirement', allowed: [], call: async (s) => ({ url: `/api/catalogue/forms/${await freshForm(s)}/retirement`,
    payload: { retiredOn: '2026-01-01', citation: 'Quyết định ngừng áp dụng' } }) },
  { method: 'DELETE', route: '/api/catalogue/forms/{code}/retirement', allowed: [], call: async (s) => ({ url: `/api/catalogue/forms/${await freshForm(s, true)}/retirement` }) },
  { method: 'POST', route: '/api/catalogue/forms/{code}/rules', allowed: [], call: async (s) => ({ url: `/api/catalogue/forms/${await freshForm(s)}/rules`,
    payload: { recipient: 'individual', legalBasis: 'law_2022_decree_152_2025', validFrom: '2025-07-01', rule: { type: 'rating', atLeast: 'good', years: { last: 1 } },
      citation: 'Quyết định tiêu chuẩn', article: 'Điều 1', baseVersion: 0 } }) },
  { method: 'POST', route: '/api/catalogue/forms/{code}/rules/preview', allowed: [], call: async (s) => ({ url: `/api/catalogue/forms/${await freshForm(s)}/rules/preview`,
    payload: { recipient: 'individual', year: 2025, rule: { type: 'rating', atLeast: 'good', years: { last: 1 } } } }) },
  // a tenant-wide setting: only the standing agency at the top of the tree (nominations.db.test.ts); every role here is a department's
  { method: 'PUT', route: '/api/nominations/procedures/{awardForm}', allowed: [], list: true, call: async () => ({ url: '/api/nominations/procedures/bang_khen_tinh',
    payload: { councilVote: false, secretBallot: false, thresholdPercent: 50.01, thresholdOf: 'members', consultationDays: 5, citation: 'Quyết định của tỉnh' } }) },
  // public consultation: run by the receiving level's standing agency; the comments carry senders' contacts
  { method: 'GET', route: '/api/consultations', allowed: APPRAISERS, list: true, call: async () => ({ url: '/api/consultations' }) },
  { method: 'GET', route: '/api/consultations/preview', allowed: APPRAISERS, call: async (s) =>
    ({ url: `/api/consultations/preview?batchId=${(await freshAcceptedBatch(s)).id}` }) },
  { method: 'POST', route: '/api/consultations', allowed: APPRAISERS, call: async (s) => ({ url: '/api/consultations', payload: {
    batchIds: [(await freshAcceptedBatch(s)).id], title: `Lấy ý kiến nhân dân ${++consultationNo}`, channel: 'Cổng thông tin điện tử tỉnh', startsOn: '2026-12-01' } }) },
  { method: 'GET', route: '/api/consultations/{id}', allowed: APPRAISERS, call: async (s) => ({ url: `/api/consultations/${(await freshConsultation(s)).id}` }) },
  { method: 'PATCH', route: '/api/consultations/{id}/comments/{commentId}', allowed: APPRAISERS, call: async (s) => {
    const c = await freshConsultation(s);
    return { url: `/api/consultations/${c.id}/comments/${c.commentId}`, payload: { status: 'hidden', handlingNote: 'Không liên quan' } };
  } },
  { method: 'POST', route: '/api/consultations/{id}/extend', allowed: APPRAISERS, call: async (s) =>
    ({ url: `/api/consultations/${(await freshConsultation(s)).id}/extend`, payload: { endsOn: '2026-01-20' } }) },
  { method: 'POST', route: '/api/consultations/{id}/close', allowed: APPRAISERS, call: async (s) => {
    const c = await freshConsultation(s);
    await handle.db.updateTable('consultation_comments').set({ status: 'published' }).where('id', '=', c.commentId).execute();
    return { url: `/api/consultations/${c.id}/close` };
  } },
  // the councils themselves (issue 14.2): the standing agency of the council's unit keeps them (councils.db.test.ts)
  { method: 'GET', route: '/api/council/councils', allowed: COUNCIL_MANAGERS, list: true, call: async () => {
    await buildCouncil(handle.db, w.inside, [{ personId: await councilMember('inside') }]);
    return { url: '/api/council/councils' };
  } },
  { method: 'GET', route: '/api/council/councils/{id}', allowed: COUNCIL_MANAGERS, call: async (s) =>
    ({ url: `/api/council/councils/${await buildCouncil(handle.db, w[s], [{ personId: await councilMember(s) }])}` }) },
  { method: 'POST', route: '/api/council/councils', allowed: COUNCIL_MANAGERS, call: async (s) => ({ url: '/api/council/councils', payload: {
    code: `HD-${next()}`, name: 'Hội đồng mới', organisationId: orgId(s), ...councilTerm(), members: [{ personId: await councilMember(s), role: 'chair' }],
  } }) },
  { method: 'PUT', route: '/api/council/councils/{id}', allowed: COUNCIL_MANAGERS, call: async (s) => ({
    url: `/api/council/councils/${await buildCouncil(handle.db, w[s], [])}`,
    payload: { code: `HD-${next()}`, name: 'Hội đồng đổi tên', organisationId: orgId(s), ...councilTerm(), version: 1,
      members: [{ personId: await councilMember(s), role: 'chair' }] },
  }) },
  { method: 'POST', route: '/api/council/councils/{id}/close', allowed: COUNCIL_MANAGERS, call: async (s) => {
    // a council of its own year (bounded: an open term would overlap the councils later cases make), so that
    // ending it early overlaps none of the unit's others
    const id = await buildCouncil(handle.db, w[s], []);
    const { validFrom, validTo } = councilTerm();
    await handle.db.updateTable('councils').set({ valid_from: validFrom, valid_to: validTo }).where('id', '=', id).execute();
    return { url: `/api/council/councils/${id}/close`, payload: { version: 1, validTo: `${validFrom.slice(0, 4)}-06-30` } };
  } },
  { method: 'GET', route: '/api/council/meetings', allowed: COUNCIL_MANAGERS, list: true, call: async () => {
    for (const side of ['inside', 'outside', 'foreign'] as const) await freshMeeting(side, 'planned');
    return { url: '/api/council/meetings' };
  } },
  { method: 'GET', route: '/api/council/compiled-list', allowed: COUNCIL_MANAGERS, call: async (s) => {
    await freshCompiledList(s);
    return { url: `/api/council/compiled-list?organisationId=${orgId(s)}` };
  } },
  { method: 'POST', route: '/api/council/meetings', allowed: COUNCIL_MANAGERS, call: async (s) => {
    await freshCompiledList(s);
    return { url: '/api/council/meetings', payload: { organisationId: orgId(s), date: '2026-11-25' } };
  } },
  // the members of the council read their meeting and its minutes
  { method: 'GET', route: '/api/council/meetings/{id}', allowed: [...COUNCIL_MANAGERS, 'individual'], call: async (s) =>
    ({ url: `/api/council/meetings/${(await freshMeeting(s, 'voting')).meetingId}` }) },
  { method: 'GET', route: '/api/council/meetings/{id}/minutes.docx', allowed: [...COUNCIL_MANAGERS, 'individual'], call: async (s) =>
    ({ url: `/api/council/meetings/${(await freshMeeting(s, 'closed')).meetingId}/minutes.docx` }) },
  { method: 'PUT', route: '/api/council/meetings/{id}/attendance', allowed: COUNCIL_MANAGERS, call: async (s) =>
    ({ url: `/api/council/meetings/${(await freshMeeting(s, 'planned')).meetingId}/attendance`, payload: { present: [] } }) },
  { method: 'POST', route: '/api/council/meetings/{id}/open', allowed: COUNCIL_MANAGERS, call: async (s) =>
    ({ url: `/api/council/meetings/${(await freshMeeting(s, 'planned')).meetingId}/open` }) },
  // only a member votes: a seat on the council, not a role
  { method: 'POST', route: '/api/council/meetings/{id}/ballot', allowed: ['individual'], call: async (s) => {
    const { meetingId, itemId } = await freshMeeting(s, 'voting');
    return { url: `/api/council/meetings/${meetingId}/ballot`, payload: { votes: [{ itemId, choice: 'yes' }] } };
  } },
  { method: 'POST', route: '/api/council/meetings/{id}/items/{itemId}/defer', allowed: COUNCIL_MANAGERS, call: async (s) => {
    const { meetingId, itemId } = await freshMeeting(s, 'voting');
    return { url: `/api/council/meetings/${meetingId}/items/${itemId}/defer`, payload: {} };
  } },
  { method: 'POST', route: '/api/council/meetings/{id}/close', allowed: COUNCIL_MANAGERS, call: async (s) =>
    ({ url: `/api/council/meetings/${(await freshMeeting(s, 'voting')).meetingId}/close` }) },
  // the paper ballot (issue 17.4): the standing agency copies the counting minutes; the members read the scan
  { method: 'POST', route: '/api/council/meetings/{id}/paper-ballot/check', allowed: COUNCIL_MANAGERS, call: async (s) => {
    const { meetingId, itemId } = await freshMeeting(s, 'planned');
    return { url: `/api/council/meetings/${meetingId}/paper-ballot/check`,
      payload: { present: [await councilMember(s)], counts: [{ itemId, yes: 1, no: 0, abstain: 0 }] } };
  } },
  { method: 'PUT', route: '/api/council/meetings/{id}/paper-ballot/minutes', allowed: COUNCIL_MANAGERS, call: async (s) => ({
    url: `/api/council/meetings/${(await freshMeeting(s, 'planned')).meetingId}/paper-ballot/minutes`, payload: pdf(`kiểm phiếu ${next()}`),
    headers: { 'content-type': 'application/pdf' } }) },
  { method: 'POST', route: '/api/council/meetings/{id}/paper-ballot', allowed: COUNCIL_MANAGERS, call: async (s) => {
    const { meetingId, itemId } = await freshPaperMeeting(s);
    return { url: `/api/council/meetings/${meetingId}/paper-ballot`,
      payload: { present: [await councilMember(s)], counts: [{ itemId, yes: 1, no: 0, abstain: 0 }], version: 1 } };
  } },
  { method: 'GET', route: '/api/council/meetings/{id}/paper-ballot/minutes', allowed: [...COUNCIL_MANAGERS, 'individual'], call: async (s) =>
    ({ url: `/api/council/meetings/${(await freshPaperMeeting(s)).meetingId}/paper-ballot/minutes` }) },
  // award decisions: read at the authority's level, drafted and issued by its head or standing agency
  { method: 'GET', route: '/api/decisions/candidates', allowed: DECIDERS, list: true, call: async (s) => {
    await freshCandidate(s);
    return { url: '/api/decisions/candidates?awardForm=giay_khen' };
  } },
  { method: 'GET', route: '/api/decisions/next-number', allowed: DECIDERS, call: async (s) =>
    ({ url: `/api/decisions/next-number?candidateId=${await freshCandidate(s)}&symbol=${encodeURIComponent('QĐ-SNV')}&year=2026` }) },
  { method: 'GET', route: '/api/decisions', allowed: READERS, list: true, call: async (s) => {
    await freshDecision(s);
    return { url: '/api/decisions' };
  } },
  { method: 'POST', route: '/api/decisions', allowed: DECIDERS, call: async (s) => ({ url: '/api/decisions', payload: decisionBody(await freshCandidate(s)) }) },
  { method: 'GET', route: '/api/decisions/{id}', allowed: READERS, call: async (s) => ({ url: `/api/decisions/${(await freshDecision(s)).id}` }) },
  { method: 'PUT', route: '/api/decisions/{id}', allowed: DECIDERS, call: async (s) => {
    const d = await freshDecision(s);
    return { url: `/api/decisions/${d.id}`, payload: decisionBody(d.candidateId) };
  } },
  { method: 'DELETE', route: '/api/decisions/{id}', allowed: DECIDERS, call: async (s) => ({ url: `/api/decisions/${(await freshDecision(s)).id}` }) },
  { method: 'POST', route: '/api/decisions/{id}/issue', allowed: DECIDERS, call: async (s) => ({ url: `/api/decisions/${(await freshDecision(s)).id}/issue` }) },
  { method: 'GET', route: '/api/decisions/{id}/document.docx', allowed: READERS, call: async (s) => ({ url: `/api/decisions/${(await freshDecision(s)).id}/document.docx` }) },
  { method: 'GET', route: '/api/decisions/{id}/document.pdf', allowed: READERS, call: async (s) => ({ url: `/api/decisions/${(await freshDecision(s)).id}/document.pdf` }) },
  { method: 'GET', route: '/api/decisions/{id}/certificates.pdf', allowed: READERS, call: async (s) => {
    const d = await freshDecision(s);
    const issued = await (await sessionOf(s)).request({ method: 'POST', url: `/api/decisions/${d.id}/issue` });
    if (issued.statusCode !== 200) throw new Error(issued.body);
    return { url: `/api/decisions/${d.id}/certificates.pdf` };
  } },
  // typical examples and good deeds: read in the subtree, kept by officers and heads, published by the standing agency or the head
  { method: 'GET', route: '/api/examples', allowed: READERS, list: true, call: async () => {
    for (const side of ['inside', 'outside', 'foreign'] as const) await freshExample(side);
    return { url: '/api/examples?pageSize=100' };
  } },
  { method: 'POST', route: '/api/examples', allowed: EXAMPLE_WRITERS, call: async (s) => ({ url: '/api/examples', payload: {
    kind: 'good_deed', organisationId: orgId(s), subject: { kind: 'citizen', name: 'Lò Văn Pấng' }, title: `Việc tốt số ${next()}`,
    story: 'Nhặt được ví và trả lại cho người đánh rơi.' } }) },
  { method: 'GET', route: '/api/examples/{id}', allowed: READERS, call: async (s) => ({ url: `/api/examples/${await freshExample(s)}` }) },
  { method: 'PATCH', route: '/api/examples/{id}', allowed: EXAMPLE_WRITERS, call: async (s) =>
    ({ url: `/api/examples/${await freshExample(s)}`, payload: { title: `Việc tốt được sửa ${next()}` } }) },
  { method: 'POST', route: '/api/examples/{id}/stage', allowed: EXAMPLE_WRITERS, call: async (s) =>
    ({ url: `/api/examples/${await freshExample(s)}/stage`, payload: { stage: 'nurture' } }) },
  { method: 'POST', route: '/api/examples/{id}/publish', allowed: EXAMPLE_PUBLISHERS, call: async (s) => ({ url: `/api/examples/${await freshExample(s)}/publish` }) },
  { method: 'POST', route: '/api/examples/{id}/unpublish', allowed: EXAMPLE_PUBLISHERS, call: async (s) =>
    ({ url: `/api/examples/${await freshExample(s, true)}/unpublish` }) },
  { method: 'PUT', route: '/api/examples/{id}/photos', allowed: EXAMPLE_WRITERS, call: async (s) => ({
    url: `/api/examples/${await freshExample(s)}/photos`, payload: png(), headers: { 'content-type': 'image/png' } }) },
  { method: 'GET', route: '/api/examples/{id}/photos/{photoId}', allowed: READERS, call: async (s) => {
    const { id, photoId } = await freshPhoto(s);
    return { url: `/api/examples/${id}/photos/${photoId}` };
  } },
  { method: 'DELETE', route: '/api/examples/{id}/photos/{photoId}', allowed: EXAMPLE_WRITERS, call: async (s) => {
    const { id, photoId } = await freshPhoto(s);
    return { url: `/api/examples/${id}/photos/${photoId}` };
  } },
  // the officer's home page: computed for the caller's own units only (dashboard.db.test.ts); nothing of another unit appears
  { method: 'GET', route: '/api/dashboard', allowed: READERS, list: true, call: async () => ({ url: '/api/dashboard' }) },
  // unit reports: the unit under the department writes and sends; the department (its receiving level) returns and compiles
  { method: 'GET', route: '/api/reports', allowed: READERS, list: true, call: async () => {
    for (const side of ['inside', 'outside', 'foreign'] as const) await sharedReportPhase(side);
    return { url: '/api/reports' };
  } },
  { method: 'GET', route: '/api/reports/phases/{phaseId}/organisations/{organisationId}', allowed: READERS, call: async (s) =>
    ({ url: `/api/reports/phases/${await sharedReportPhase(s)}/organisations/${w.children[s]}` }) },
  { method: 'PUT', route: '/api/reports/phases/{phaseId}/organisations/{organisationId}', allowed: REPORT_WRITERS, call: async (s) =>
    ({ url: `/api/reports/phases/${await freshReportPhase(s)}/organisations/${w.children[s]}`, payload: { sections: { '0': 'Kết quả', '0.0': 'Chỉ đạo' } } }) },
  { method: 'POST', route: '/api/reports/phases/{phaseId}/organisations/{organisationId}/submit', allowed: REPORT_SUBMITTERS, call: async (s) =>
    ({ url: `${await freshReport(s, 'draft')}/submit` }) },
  { method: 'POST', route: '/api/reports/phases/{phaseId}/organisations/{organisationId}/return', allowed: REPORT_REVIEWERS, call: async (s) =>
    ({ url: `${await freshReport(s, 'submitted')}/return`, payload: { reason: 'Bổ sung số liệu.' } }) },
  { method: 'POST', route: '/api/reports/phases/{phaseId}/organisations/{organisationId}/start-from-compilation', allowed: REPORT_WRITERS, call: async (s) =>
    ({ url: `/api/reports/phases/${await freshReportPhase(s)}/organisations/${w.children[s]}/start-from-compilation` }) },
  { method: 'GET', route: '/api/reports/phases/{phaseId}/organisations/{organisationId}/document.docx', allowed: READERS, call: async (s) =>
    ({ url: `${await freshReport(s, 'draft')}/document.docx` }) },
  { method: 'GET', route: '/api/reports/phases/{phaseId}/compilations/{organisationId}', allowed: READERS, call: async (s) =>
    ({ url: `/api/reports/phases/${await sharedReportPhase(s)}/compilations/${orgId(s)}` }) },
  { method: 'GET', route: '/api/reports/phases/{phaseId}/compilations/{organisationId}/document.docx', allowed: READERS, call: async (s) =>
    ({ url: `/api/reports/phases/${await sharedReportPhase(s)}/compilations/${orgId(s)}/document.docx` }) },
  // cluster scoring: the organiser's standing agency runs the sheet; members score themselves; the head and the follower adjust
  { method: 'GET', route: '/api/clusters', allowed: ROLES, list: true, call: async () => {
    await freshCluster('inside');
    return { url: '/api/clusters?year=2024' };
  } },
  // the clusters themselves (issue 14.2): the organiser's standing agency keeps them (setup.db.test.ts)
  { method: 'GET', route: '/api/clusters/setup', allowed: CLUSTER_MANAGERS, list: true, call: async () => {
    await freshCluster('inside');
    return { url: '/api/clusters/setup?year=2024' };
  } },
  { method: 'GET', route: '/api/clusters/setup/{id}', allowed: CLUSTER_MANAGERS, call: async (s) => ({ url: `/api/clusters/setup/${(await freshCluster(s)).id}?year=2024` }) },
  { method: 'POST', route: '/api/clusters/setup', allowed: CLUSTER_MANAGERS, call: async (s) => ({ url: '/api/clusters/setup', payload: {
    code: `CK-${next()}`, name: 'Khối mới', kind: 'block', organiserId: orgId(s), year: nextClusterYear(), followerId: null,
    members: [{ organisationId: w.children[s], role: 'head' }],
  } }) },
  { method: 'PUT', route: '/api/clusters/setup/{id}', allowed: CLUSTER_MANAGERS, call: async (s) => ({ url: `/api/clusters/setup/${(await freshCluster(s)).id}`, payload: {
    code: `CK-${next()}`, name: 'Cụm đổi tên', kind: 'cluster', organiserId: orgId(s), year: nextClusterYear(), followerId: null, version: 1,
    members: [{ organisationId: w.children[s], role: 'head' }],
  } }) },
  { method: 'POST', route: '/api/clusters/setup/{id}/close', allowed: CLUSTER_MANAGERS, call: async (s) =>
    ({ url: `/api/clusters/setup/${(await freshCluster(s)).id}/close`, payload: { version: 1, closedOn: '2026-12-31' } }) },
  { method: 'POST', route: '/api/clusters/{id}/sheets', allowed: CLUSTER_MANAGERS, call: async (s) =>
    ({ url: `/api/clusters/${(await freshCluster(s)).id}/sheets`, payload: { year: 2024 } }) },
  { method: 'GET', route: '/api/clusters/sheets/{id}', allowed: CLUSTER_READERS, call: async (s) => ({ url: `/api/clusters/sheets/${(await freshSheet(s, 'open')).id}` }) },
  { method: 'GET', route: '/api/clusters/sheets/{id}/ranking.xlsx', allowed: CLUSTER_READERS, call: async (s) =>
    ({ url: `/api/clusters/sheets/${(await freshSheet(s, 'ranked', [50, 40])).id}/ranking.xlsx` }) },
  { method: 'PATCH', route: '/api/clusters/sheets/{id}', allowed: CLUSTER_MANAGERS, call: async (s) =>
    ({ url: `/api/clusters/sheets/${(await freshSheet(s, 'open')).id}`, payload: { flagCount: 2 } }) },
  { method: 'PUT', route: '/api/clusters/sheets/{id}/criteria', allowed: CLUSTER_MANAGERS, call: async (s) =>
    ({ url: `/api/clusters/sheets/${(await freshSheet(s, 'draft')).id}/criteria`, payload: { criteria: [{ kind: 'criterion', title: 'Nhiệm vụ', maxPoints: 100 }] } }) },
  { method: 'POST', route: '/api/clusters/sheets/{id}/open', allowed: CLUSTER_MANAGERS, call: async (s) => ({ url: `/api/clusters/sheets/${(await freshSheet(s, 'draft')).id}/open` }) },
  { method: 'POST', route: '/api/clusters/sheets/{id}/close', allowed: CLUSTER_HEADS, call: async (s) => ({ url: `/api/clusters/sheets/${(await freshSheet(s, 'open')).id}/close` }) },
  { method: 'POST', route: '/api/clusters/sheets/{id}/rank', allowed: CLUSTER_HEADS, call: async (s) => ({ url: `/api/clusters/sheets/${(await freshSheet(s, 'closed')).id}/rank` }) },
  { method: 'POST', route: '/api/clusters/sheets/{id}/reopen', allowed: CLUSTER_HEADS, call: async (s) => ({ url: `/api/clusters/sheets/${(await freshSheet(s, 'ranked')).id}/reopen` }) },
  // a member's own officer or head scores it: held at the member itself (the side's organisation)
  { method: 'PUT', route: '/api/clusters/sheets/{id}/members/{organisationId}/scores', allowed: ['unit_officer', 'unit_head'], call: async (s) => {
    const sheet = await freshSheet(s, 'open');
    return { url: `/api/clusters/sheets/${sheet.id}/members/${orgId(s)}/scores`, payload: { scores: [{ criterionId: sheet.criterionIds[0], points: 30 }] } };
  } },
  { method: 'PUT', route: '/api/clusters/sheets/{id}/members/{organisationId}/evidence/{criterionId}', allowed: ['unit_officer', 'unit_head'], call: async (s) => {
    const sheet = await freshSheet(s, 'open');
    return { url: `/api/clusters/sheets/${sheet.id}/members/${orgId(s)}/evidence/${sheet.criterionIds[0]}`, payload: pdf(`minh chứng ${next()}`),
      headers: { 'content-type': 'application/pdf', 'x-file-name': 'minh-chung.pdf' } };
  } },
  { method: 'GET', route: '/api/clusters/sheets/{id}/evidence/{fileId}', allowed: CLUSTER_READERS, call: async (s) => {
    const { sheetId, fileId } = await freshEvidence(s);
    return { url: `/api/clusters/sheets/${sheetId}/evidence/${fileId}` };
  } },
  { method: 'DELETE', route: '/api/clusters/sheets/{id}/evidence/{fileId}', allowed: ['unit_officer', 'unit_head'], call: async (s) => {
    const { sheetId, fileId } = await freshEvidence(s);
    return { url: `/api/clusters/sheets/${sheetId}/evidence/${fileId}` };
  } },
  { method: 'POST', route: '/api/clusters/sheets/{id}/members/{organisationId}/submit', allowed: ['unit_officer', 'unit_head'], call: async (s) =>
    ({ url: `/api/clusters/sheets/${(await freshSheet(s, 'open', [50, 40], false)).id}/members/${orgId(s)}/submit` }) },
  // the head member (the side's organisation) adjusts the other member; so does the follower (inside: the individual)
  { method: 'POST', route: '/api/clusters/sheets/{id}/members/{organisationId}/adjustments', allowed: ['unit_officer', 'unit_head', 'individual'], call: async (s) => {
    const sheet = await freshSheet(s, 'open', [50, 40]);
    return { url: `/api/clusters/sheets/${sheet.id}/members/${w.children[s]}/adjustments`, payload: { criterionId: sheet.criterionIds[0], points: 45, reason: 'Đối chiếu báo cáo' } };
  } },
  { method: 'POST', route: '/api/clusters/sheets/{id}/tie-vote', allowed: CLUSTER_HEADS, call: async (s) =>
    ({ url: `/api/clusters/sheets/${(await freshSheet(s, 'ranked', [50, 50])).id}/tie-vote`, payload: { order: [w.children[s], orgId(s)], reason: 'Biên bản họp cụm' } }) },
  { method: 'POST', route: '/api/clusters/sheets/{id}/propose', allowed: CLUSTER_MANAGERS, call: async (s) =>
    ({ url: `/api/clusters/sheets/${(await freshSheet(s, 'ranked', [50, 40])).id}/propose` }) },
];

/** Routes every signed-in account may call about itself, or that are public. */
const SELF_OR_PUBLIC = ['GET /api/health', 'GET /api/health/live', 'GET /api/health/ready', 'POST /api/auth/login', 'POST /api/auth/password/forgot', 'POST /api/auth/password/reset', 'POST /api/auth/logout', 'GET /api/auth/me', 'GET /api/auth/session', 'GET /api/award-forms',
  // one's own account: e-mail settings and password (own-account.db.test.ts)
  'PATCH /api/auth/me', 'POST /api/auth/me/password',
  // the law the system applies: every signed-in account may read it
  'GET /api/catalogue', 'GET /api/catalogue/money',
  // the working calendar of one's own tenant (holidays, its own days off): every signed-in account
  'GET /api/calendar/holidays',
  // one's own notifications
  'GET /api/notifications', 'POST /api/notifications/read',
  // anyone holding a printed certificate checks it (rate limited; shows only what the paper shows: certificates.db.test.ts)
  'GET /api/public/verify/{code}',
  // the public archive: what published decisions show, for anyone, without signing in (rate limited: archive/public.db.test.ts)
  'GET /api/public/archive',
  // how each award form is decided here: every signed-in account may read it
  'GET /api/nominations/procedures',
  // the public consultation page: anyone, without signing in (public fields only: consultation.db.test.ts)
  'GET /api/public/consultations', 'GET /api/public/consultations/{id}', 'POST /api/public/consultations/{id}/comments',
  // the public honour board: published examples only, for anyone, without signing in (examples.db.test.ts)
  'GET /api/public/honour-board', 'GET /api/public/honour-board/{id}', 'GET /api/public/honour-board/{id}/photos/{photoId}',
  // the meetings where the signed-in user's person sits on the council and may vote (empty for anyone else)
  'GET /api/council/ballots',
  // single sign-on: the sign-in page asks how one may sign in; the flow to the provider and back (sso.db.test.ts)
  'GET /api/auth/methods', 'GET /api/auth/oidc', 'GET /api/auth/oidc/callback'];

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  const db = handle.db;
  tenantId = (await buildTenant(db)).id;
  foreignTenantId = (await buildTenant(db)).id;
  const province = await buildOrganisation(db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh A' });
  const inside = await buildOrganisation(db, tenantId, province, { name: 'Sở Trong' });
  const outside = await buildOrganisation(db, tenantId, province, { name: 'Sở Ngoài' });
  const foreignRoot = await buildOrganisation(db, foreignTenantId, null, { name: 'Ủy ban nhân dân tỉnh B' });
  const foreign = await buildOrganisation(db, foreignTenantId, foreignRoot, { name: 'Sở Tỉnh Khác' });
  const insidePerson = (await buildPerson(db, tenantId, 'Trần Văn Trong', [{ organisation: inside }])).id;
  const outsidePerson = (await buildPerson(db, tenantId, 'Lê Văn Ngoài', [{ organisation: outside }])).id;
  const foreignPerson = (await buildPerson(db, foreignTenantId, 'Phạm Văn Khác', [{ organisation: foreign }])).id;
  const children = {
    inside: (await buildOrganisation(db, tenantId, inside, { name: 'Trung tâm Trong' })).id,
    outside: (await buildOrganisation(db, tenantId, outside, { name: 'Trung tâm Ngoài' })).id,
    foreign: (await buildOrganisation(db, foreignTenantId, foreign, { name: 'Trung tâm Khác' })).id,
  };
  w = {
    inside, outside, foreign, insidePerson, outsidePerson, foreignPerson, children, rootMovement: '', movements: { inside: '', outside: '', foreign: '' },
    insideUser: (await buildUser(db, tenantId, 'unit_officer', inside, { username: 'nguoi.trong' })).id,
    outsideUser: (await buildUser(db, tenantId, 'unit_officer', outside, { username: 'nguoi.ngoai' })).id,
    foreignUser: (await buildUser(db, foreignTenantId, 'system_admin', foreignRoot, { username: 'nguoi.khac' })).id,
    childPeople: { inside: '', outside: '', foreign: '' },
  };
  const childOf = (side: Side, tenant: string, path: string) => ({ id: children[side], tenantId: tenant, path, name: '' });
  for (const side of ['inside', 'outside', 'foreign'] as const) {
    const org = await db.selectFrom('organisations').select('path').where('id', '=', children[side]).executeTakeFirstOrThrow();
    w.childPeople[side] = (await buildPerson(db, tenantOf(side), 'Vũ Văn Con', [{ organisation: childOf(side, tenantOf(side), org.path), start: '2020-01-01' }])).id;
  }
  w.movements = { inside: await freshMovement('inside', 'issued'), outside: await freshMovement('outside', 'issued'), foreign: await freshMovement('foreign', 'issued') };
  w.rootMovement = await freshMovement('inside', 'issued', province.id);
  await db.updateTable('movements').set({ name: 'Đợt thi đua Ngoài', name_fold: 'dot thi dua ngoai' }).where('id', '=', w.movements.outside).execute();
  // each role is held at the inside department; the individual is a person employed there
  for (const role of ROLES) {
    const self = role === 'individual' ? (await buildPerson(db, tenantId, 'Đỗ Thị Cá Nhân', [{ organisation: inside }])).id : null;
    await buildUser(db, tenantId, role, inside, { username: `vai.${role}`, personId: self });
    sessions.set(role, await signIn(app, `vai.${role}`));
  }
  // audit entries exist on both sides
  await sessions.get('system_admin')!.request({ method: 'PATCH', url: `/api/organisations/${inside.id}`, payload: { shortName: 'Trong' } });
  const outsideAdmin = await buildUser(db, tenantId, 'system_admin', outside, { username: 'quantri.ngoai' });
  void outsideAdmin;
  await (await signIn(app, 'quantri.ngoai')).request({ method: 'PATCH', url: `/api/organisations/${outside.id}`, payload: { shortName: 'Ngoài' } });
});
afterAll(async () => { await app.close(); await handle.close(); });

describe('the authorisation matrix', () => {
  it('covers every route in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    const covered = [...ROUTES.map((r) => `${r.method} ${r.route}`), ...SELF_OR_PUBLIC];
    expect(documented.filter((route) => !covered.includes(route))).toEqual([]);
  });

  it('refuses every non-public route without a session', async () => {
    for (const r of ROUTES) {
      const call = await r.call('inside');
      const response = await app.inject({ method: r.method, url: call.url, payload: call.payload as object, ...(call.headers && { headers: call.headers }) });
      expect(response.statusCode, `${r.method} ${r.route}`).toBe(401);
    }
  });

  for (const r of ROUTES) {
    for (const role of ROLES) {
      const allowed = r.allowed.includes(role);
      it(`${r.method} ${r.route} as ${role}: ${allowed ? 'allowed' : 'refused'} inside, refused outside`, async () => {
        const session = sessions.get(role)!;
        const inside = await r.call('inside');
        const insideResponse = await session.request({ method: r.method, url: inside.url, payload: inside.payload as object, ...(inside.headers && { headers: inside.headers }) });
        if (allowed) {
          expect(insideResponse.statusCode, insideResponse.body).toBeGreaterThanOrEqual(200);
          expect(insideResponse.statusCode, insideResponse.body).toBeLessThan(300);
        } else if (r.list && insideResponse.statusCode === 200) {
          expect(insideResponse.json().items, 'a refused list is empty').toEqual([]);
        } else {
          expect([403, 404], insideResponse.body).toContain(insideResponse.statusCode);
        }
        if (r.list) {
          // nothing of the sibling department or the other province shows up in any list
          const body = insideResponse.body;
          for (const secret of [w.outside.id, w.foreign.id, w.outsidePerson, w.foreignPerson, w.outsideUser, w.foreignUser, 'Sở Ngoài', 'Ngoài']) {
            expect(body, `${r.route} leaks ${secret}`).not.toContain(secret);
          }
          return;
        }
        for (const side of ['outside', 'foreign'] as const) {
          const call = await r.call(side);
          const response = await session.request({ method: r.method, url: call.url, payload: call.payload as object, ...(call.headers && { headers: call.headers }) });
          expect([403, 404], `${side}: ${response.body}`).toContain(response.statusCode);
          expect(response.json().error).toBeDefined();
        }
      });
    }
  }

  it('an individual reads their own record and nobody else\'s', async () => {
    const session = sessions.get('individual')!;
    const me = (await session.request({ method: 'GET', url: '/api/auth/me' })).json();
    expect(me.user.personId).toBeTruthy();
    expect((await session.request({ method: 'GET', url: `/api/people/${me.user.personId}` })).statusCode).toBe(200);
    expect((await session.request({ method: 'GET', url: `/api/people/${w.insidePerson}` })).statusCode).toBe(404);
  });
});
