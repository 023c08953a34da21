import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildPerson, buildTenant, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import { buildAcceptedBatch } from '../../testing/consultation-fixtures.ts';
import { buildMeeting } from '../council/fixtures.testing.ts';
import { recordAwards } from '../awards/index.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/ids.ts';

/**
 * Sơn Hà, Friday 20 November 2026. The province issued two plans this year: a spring campaign (response
 * plans due 31/3) and the year-end movement (registrations due 10/11, response plans due 30/11, a
 * mid-term report due 15/12, Giấy khen nominations open 1/11–5/12). The Department of Education answered
 * the spring campaign late and the year-end one on time; the district cascaded the year-end plan to its
 * communes with its own earlier deadline. Who sees what on their home page?
 */
let handle: DatabaseHandle;
let app: FastifyInstance;
let db: DatabaseHandle['db'];
let tenantId: string;
let P: BuiltOrganisation, D: BuiltOrganisation, K: BuiltOrganisation, H: BuiltOrganisation, X: BuiltOrganisation, S1: BuiltOrganisation;
let standing: Session, officerD: Session, headD: Session, officerX: Session, councillor: Session, individual: Session;
let officerDUserId: string;
let M1: string, M0: string, M1h: string;
let windowAwardId: string;

interface Dashboard {
  today: string; units: { id: string; name: string }[];
  due: { unit: { id: string }; movement: { id: string }; kind: string; dueOn: string; workingDaysLeft: number; timing: string; status: string; known: boolean }[];
  waiting: {
    approvals: { total: number; items: { id: string }[] }; appraisals: { total: number; items: { id: string }[] };
    ballots: { meetingId: string; openItems: number }[]; moderation: { consultationId: string; pending: number }[]; unreadNotifications: number;
  };
  punctuality: { unit: { id: string; name: string }; responsePlans: Record<string, number>; registrations: Record<string, number> }[];
  awards: { total: number; titles: number; awards: number; amount: number; byForm: { code: string; count: number; amount: number }[] };
}

async function dashboard(session: Session): Promise<Dashboard> {
  const r = await session.request({ method: 'GET', url: '/api/dashboard' });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

async function call(session: Session, method: 'POST' | 'PATCH' | 'GET', url: string, payload?: object) {
  const r = await session.request({ method, url, ...(payload && { payload }) });
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json();
}

let docNo = 0;
async function plan(organisationId: string, name: string, period: [string, string], phases: object[], awards: object[] = []) {
  const m = await call(standing, 'POST', '/api/movements', {
    organisationId, kind: 'campaign', name, documentSymbol: 'KH-UBND', periodStart: period[0], periodEnd: period[1], plan: { awards }, phases,
  });
  return m.id as string;
}
const issue = (id: string, issuedOn: string) => call(standing, 'POST', `/api/movements/${id}/issue`, { documentNumber: ++docNo, documentSymbol: 'KH-UBND', issuedOn });
async function cascade(parent: string, org: BuiltOrganisation, issuedOn: string | null) {
  const child = (await call(standing, 'POST', `/api/movements/${parent}/cascade`, { organisationId: org.id })).id as string;
  if (issuedOn) await issue(child, issuedOn);
  return child;
}

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
  const started = await startTestApp(handle);
  app = started.app;
  started.clock.set('2026-11-20T02:00:00Z');
  tenantId = (await buildTenant(db)).id;
  P = await buildOrganisation(db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn Hà' });
  D = await buildOrganisation(db, tenantId, P, { name: 'Sở Giáo dục và Đào tạo' });
  K = await buildOrganisation(db, tenantId, P, { name: 'Sở Khoa học và Công nghệ' });
  H = await buildOrganisation(db, tenantId, P, { name: 'UBND huyện Mường Khoa', kind: 'peoples_committee', level: 'district' });
  X = await buildOrganisation(db, tenantId, H, { name: 'UBND xã Nà Sài', kind: 'peoples_committee', level: 'commune' });
  S1 = await buildOrganisation(db, tenantId, D, { name: 'Trường THPT Chu Văn An', kind: 'public_service_unit' });
  // neither owes the province anything: the province's own office, and a department merged away in January
  await buildOrganisation(db, tenantId, P, { name: 'Văn phòng Ban Thi đua', kind: 'sub_unit' });
  await buildOrganisation(db, tenantId, P, { name: 'Sở đã sáp nhập', validTo: '2026-01-31' });

  await buildUser(db, tenantId, 'standing_officer', P, { username: 'thuongtruc' });
  officerDUserId = (await buildUser(db, tenantId, 'unit_officer', D, { username: 'canbo.sgd' })).id;
  await buildUser(db, tenantId, 'unit_head', D, { username: 'thutruong.sgd' });
  await buildUser(db, tenantId, 'unit_officer', X, { username: 'canbo.xa' });
  const member = await buildPerson(db, tenantId, 'Hoàng Văn Hội', [{ organisation: D }]);
  await buildUser(db, tenantId, 'council_member', D, { username: 'hoidong', personId: member.id });
  await buildUser(db, tenantId, 'individual', D, { username: 'canhan', personId: member.id });
  [standing, officerD, headD, officerX, councillor, individual] = await Promise.all(
    ['thuongtruc', 'canbo.sgd', 'thutruong.sgd', 'canbo.xa', 'hoidong', 'canhan'].map((u) => signIn(app, u))) as [Session, Session, Session, Session, Session, Session];

  // the spring campaign: response plans due 31/3; D answered on 10/4 (late), H on 15/3, K never
  M0 = await plan(P.id, 'Đợt thi đua mùa xuân 2026', ['2026-03-01', '2026-06-30'], [
    { kind: 'response_plan', title: 'Các đơn vị xây dựng kế hoạch hưởng ứng', dueOn: '2026-03-31' }]);
  await issue(M0, '2026-03-01');
  await cascade(M0, D, '2026-04-10');
  await cascade(M0, H, '2026-03-15');
  // last year's plan nobody answered: not this year's punctuality
  const old = await plan(P.id, 'Phong trào năm 2025', ['2025-05-01', '2025-12-31'], [
    { kind: 'response_plan', title: 'Kế hoạch hưởng ứng', dueOn: '2025-06-01' }]);
  await issue(old, '2025-05-01');

  windowAwardId = uuidv7();
  M1 = await plan(P.id, 'Phong trào thi đua cuối năm 2026', ['2026-10-01', '2026-12-31'], [
    { kind: 'launch', title: 'Phát động', dueOn: '2026-10-01' },
    { kind: 'registration', title: 'Các đơn vị đăng ký thi đua', dueOn: '2026-11-10' },
    { kind: 'response_plan', title: 'Các đơn vị xây dựng kế hoạch hưởng ứng', dueOn: '2026-11-30' },
    { kind: 'periodic_report', title: 'Báo cáo kết quả theo đề cương', dueOn: '2026-12-10', outline: [{ title: 'I. Kết quả', points: ['1. Chỉ đạo'] }] },
    { kind: 'mid_term_review', title: 'Báo cáo sơ kết', dueOn: '2026-12-15' },
    { kind: 'final_review', title: 'UBND tỉnh tổng kết', dueOn: '2026-12-20', dueFrom: 'issuer' },
  ], [{ id: windowAwardId, awardForm: 'giay_khen', recipients: ['collective', 'individual'], window: { opens: '2026-11-01', closes: '2026-12-05' } }]);
  await issue(M1, '2026-10-01');
  await cascade(M1, D, '2026-11-05');
  // the district's own copy asks its communes for their plans by 25/11
  M1h = await cascade(M1, H, null);
  const draft = await call(standing, 'GET', `/api/movements/${M1h}`);
  await call(standing, 'PATCH', `/api/movements/${M1h}`, {
    phases: draft.phases.map(({ id: _id, ...p }: { id: string; kind: string; dueOn: string }) => (p.kind === 'response_plan' ? { ...p, dueOn: '2026-11-25' } : p)),
  });
  await issue(M1h, '2026-10-20');
  // D sent its report on the outlined phase on 18/11 (reports module's table)
  const reportPhase = await db.selectFrom('movement_phases').select('id').where('movement_id', '=', M1).where('kind', '=', 'periodic_report').executeTakeFirstOrThrow();
  const sentAt = new Date('2026-11-18T03:00:00Z');
  await db.insertInto('unit_reports').values({ tenant_id: tenantId, id: uuidv7(), movement_id: M1, phase_id: reportPhase.id, organisation_id: D.id,
    status: 'submitted', sections: JSON.stringify({ 0: 'Đã triển khai' }), figures: null, first_submitted_at: sentAt, submitted_at: sentAt,
    submitted_by: null, returned_reason: null, created_by: null, created_at: sentAt, updated_at: sentAt }).execute();
  // registrations: K on 20/11 (late), H on 9/11 (written back to that day)
  await call(standing, 'POST', `/api/movements/${M1}/registrations`, { organisationId: K.id, titles: [], commitments: '' });
  await call(standing, 'POST', `/api/movements/${M1}/registrations`, { organisationId: H.id, titles: [], commitments: '' });
  await db.updateTable('movement_registrations').set({ registered_at: new Date('2026-11-09T03:00:00Z') })
    .where('movement_id', '=', M1).where('organisation_id', '=', H.id).execute();

  // nominations: D's Giấy khen batch for the plan submitted 15/11; the school's waits for D's head; H's is under appraisal
  const batch = (org: BuiltOrganisation, receiving: BuiltOrganisation, status: 'submitted' | 'awaiting_head' | 'under_appraisal', movement: string | null) => ({
    tenant_id: tenantId, id: uuidv7(), organisation_id: org.id, receiving_organisation_id: receiving.id, movement_id: movement,
    award_item_id: movement ? windowAwardId : null, award_form: 'giay_khen', kind: 'merit' as const, year: 2026, title: `Đề nghị của ${org.name}`,
    status, forwarded_from_batch_id: null, letter_number: '', submitted_at: status === 'awaiting_head' ? null : new Date('2026-11-15T03:00:00Z'),
    submitted_by: null, receipt_number: null, created_by: null, created_at: new Date('2026-11-14T03:00:00Z'), updated_at: new Date('2026-11-15T03:00:00Z'),
  });
  await db.insertInto('nomination_batches').values([batch(D, P, 'submitted', M1), batch(S1, D, 'awaiting_head', null), batch(H, P, 'under_appraisal', null)]).execute();

  // a council ballot open for the member; a consultation with a comment to moderate; notifications
  await buildMeeting(db, D, 'voting', [member.id]);
  const accepted = await buildAcceptedBatch(db, { tenantId, unitId: D.id, receivingId: P.id, awardForm: 'chien_si_thi_dua_toan_quoc',
    candidates: [{ personId: member.id, name: 'Hoàng Văn Hội' }] });
  const consultationId = uuidv7();
  await db.insertInto('consultations').values({ tenant_id: tenantId, id: consultationId, organisation_id: P.id, award_form: 'chien_si_thi_dua_toan_quoc',
    title: 'Lấy ý kiến nhân dân', channel: 'Cổng thông tin', starts_on: '2026-11-16', working_days: 10, ends_on: '2026-11-27', status: 'published',
    ip_salt: 'muoi', closed_at: null, closed_by: null, created_by: null, created_at: new Date(), updated_at: new Date() }).execute();
  await db.insertInto('consultation_candidates').values({ tenant_id: tenantId, consultation_id: consultationId, candidate_id: accepted.candidateIds[0]!, no: 1,
    name: 'Hoàng Văn Hội', position: '', unit_name: '', award_name: 'Chiến sĩ thi đua toàn quốc' }).execute();
  await db.insertInto('consultation_comments').values(['pending', 'pending', 'published'].map((status) => ({ tenant_id: tenantId, id: uuidv7(),
    consultation_id: consultationId, candidate_id: null, author_name: '', contact: '', body: 'Ý kiến', status: status as 'pending', handling_note: '',
    handled_by: null, handled_at: null, ip_hash: 'abc', created_at: new Date() }))).execute();
  await db.insertInto('notifications').values([null, null, new Date()].map((readAt) => ({ tenant_id: tenantId, id: uuidv7(), user_id: officerDUserId,
    topic: 'batch_returned', entity_type: 'nomination_batch', entity_id: null, params: '{}', created_at: new Date(), read_at: readAt }))).execute();

  // awards: this year's in D's subtree (a person of D, the school), one revoked, one of last year, one of K
  const teacher = await buildPerson(db, tenantId, 'Nguyễn Thị Hoà', [{ organisation: D }]);
  const award = (subject: { person?: string; org?: string }, form: string, decidedOn: string, amount: number | null, revokedOn: string | null = null) => ({
    person_id: subject.person ?? null, organisation_id: subject.org ?? null, award_form: form,
    year: Number(decidedOn.slice(0, 4)) - 1, basis: 'merit' as const, movement_id: null, reason: '', decision_number: `${++docNo}/QĐ-UBND`,
    decided_on: decidedOn, decided_by: 'Chủ tịch UBND tỉnh', revoked_on: revokedOn, revocation_number: null, verification_code: null, amount,
    created_by: null, created_at: new Date(), updated_at: new Date(),
  });
  await recordAwards(db, tenantId, [
    award({ person: teacher.id }, 'bang_khen_tinh', '2026-03-10', 3_510_000),
    award({ org: S1.id }, 'giay_khen', '2026-06-01', 700_000),
    award({ person: teacher.id }, 'lao_dong_tien_tien', '2026-01-15', 710_000),
    award({ person: teacher.id }, 'giay_khen', '2026-05-05', 700_000, '2026-08-01'),
    award({ person: teacher.id }, 'giay_khen', '2025-12-01', 700_000),
    award({ org: K.id }, 'giay_khen', '2026-02-02', 700_000),
  ]);
});
afterAll(async () => { await app.close(); await handle.close(); });

describe('what is due from my unit', () => {
  it('a department sees the province\'s deadlines with what it has done, and nothing the province owes itself', async () => {
    const d = await dashboard(officerD);
    expect(d.today).toBe('2026-11-20');
    expect(d.units).toEqual([{ id: D.id, name: 'Sở Giáo dục và Đào tạo' }]);
    expect(d.due.map((i) => [i.kind, i.dueOn, i.status, i.known, i.workingDaysLeft])).toEqual([
      ['registration', '2026-11-10', 'overdue', true, -8],
      ['response_plan', '2026-11-30', 'done', true, 6],
      ['nomination_window', '2026-12-05', 'done', true, 10],
      // a report on an outline is written in the system: sent on 18/11
      ['periodic_report', '2026-12-10', 'done', true, 14],
      // a review with no outline is reported on paper: the date only
      ['mid_term_review', '2026-12-15', 'due', false, 17],
    ]);
    expect(new Set(d.due.map((i) => i.movement.id))).toEqual(new Set([M1]));
    // each is labelled by how far it is: passed, due within ten working days, or later with its date
    expect(d.due.map((i) => i.timing)).toEqual(['past', 'soon', 'soon', 'later', 'later']);
  });

  it('a commune answers the district\'s copy of the plan, not the province\'s, with the district\'s earlier date', async () => {
    const x = await dashboard(officerX);
    expect(new Set(x.due.map((i) => i.movement.id))).toEqual(new Set([M1h]));
    expect(x.due.find((i) => i.kind === 'response_plan')).toMatchObject({ dueOn: '2026-11-25', status: 'due', workingDaysLeft: 3 });
    expect(x.due.find((i) => i.kind === 'nomination_window')).toMatchObject({ dueOn: '2026-12-05', status: 'due' });
  });

  it('the province\'s standing officer has nothing above: nothing is due from them', async () => {
    expect((await dashboard(standing)).due).toEqual([]);
  });
});

describe('what waits for my action', () => {
  it('the unit head approves the school\'s batch; the standing agency appraises two and moderates two comments', async () => {
    const head = await dashboard(headD);
    expect(head.waiting.approvals.total).toBe(1);
    expect(head.waiting.appraisals.total).toBe(0);
    const p = await dashboard(standing);
    expect(p.waiting.approvals.total).toBe(0);
    expect(p.waiting.appraisals.total).toBe(2);
    expect(p.waiting.moderation.map((m) => m.pending)).toEqual([2]);
    const o = await dashboard(officerD);
    expect([o.waiting.approvals.total, o.waiting.appraisals.total, o.waiting.moderation.length, o.waiting.ballots.length]).toEqual([0, 0, 0, 0]);
    expect(o.waiting.unreadNotifications).toBe(2);
  });

  it('a council member has one open ballot; an account without a staff role has no dashboard', async () => {
    const c = await dashboard(councillor);
    expect(c.waiting.ballots.map((b) => b.openItems)).toEqual([1]);
    const r = await individual.request({ method: 'GET', url: '/api/dashboard' });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('dashboard.staff_only');
  });
});

describe('my subtree\'s punctuality and this year\'s awards', () => {
  it('counts each unit under the province: on time, late, missing, not yet due', async () => {
    const rows = (await dashboard(standing)).punctuality;
    const of = (org: BuiltOrganisation) => rows.find((r) => r.unit.id === org.id);
    expect(rows.map((r) => r.unit.name).sort()).toEqual(['Sở Giáo dục và Đào tạo', 'Sở Khoa học và Công nghệ', 'UBND huyện Mường Khoa'].sort());
    expect(of(D)).toMatchObject({ responsePlans: { onTime: 1, late: 1, missing: 0, pending: 0 }, registrations: { onTime: 0, late: 0, missing: 1, pending: 0 } });
    expect(of(K)).toMatchObject({ responsePlans: { onTime: 0, late: 0, missing: 1, pending: 1 }, registrations: { onTime: 0, late: 1, missing: 0, pending: 0 } });
    expect(of(H)).toMatchObject({ responsePlans: { onTime: 2, late: 0, missing: 0, pending: 0 }, registrations: { onTime: 1, late: 0, missing: 0, pending: 0 } });
    // the department's own copies of both plans fall on its school, which answered neither
    expect((await dashboard(officerD)).punctuality).toEqual([{ unit: { id: S1.id, name: 'Trường THPT Chu Văn An' }, parentId: D.id,
      responsePlans: { onTime: 0, late: 0, missing: 1, pending: 1 }, registrations: { onTime: 0, late: 0, missing: 1, pending: 0 } }]);
  });

  it('award figures equal a direct count of the year\'s unrevoked awards under the unit', async () => {
    for (const [session, org] of [[officerD, D], [standing, P]] as const) {
      const figures = (await dashboard(session)).awards;
      const direct = await sql<{ award_form: string; n: string; amount: string | null }>`
        SELECT award_form, count(*) AS n, sum(amount) AS amount FROM awards
        WHERE tenant_id = ${tenantId} AND recipient_path LIKE ${`${org.path}%`} AND revoked_on IS NULL
          AND decided_on BETWEEN '2026-01-01' AND '2026-12-31' GROUP BY award_form`.execute(db);
      expect(new Map(figures.byForm.map((f) => [f.code, [f.count, f.amount]])))
        .toEqual(new Map(direct.rows.map((r) => [r.award_form, [Number(r.n), Number(r.amount ?? 0)]])));
      expect(figures.total).toBe(direct.rows.reduce((s, r) => s + Number(r.n), 0));
    }
    expect((await dashboard(officerD)).awards).toMatchObject({ total: 3, titles: 1, awards: 2, amount: 4_920_000 });
  });
});
