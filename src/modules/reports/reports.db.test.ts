import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildPerson, buildTenant, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session, type TestClock } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { expectVersionedEdit } from '../../testing/versions.ts';
import { docxParagraphs, flat, readDocx } from '../../platform/documents/readback.testing.ts';
import { addFigures, awardTotals, type Figures } from './figures.ts';
import { buildAwards, buildIssuedMovement, buildNominee, OUTLINE } from './fixtures.testing.ts';

/**
 * The Cao Bằng campaign's report (báo cáo theo đề cương, due 10/7/2023) walked through the system: Sơn Hà province
 * issues the campaign; district Mường Khoa's communes report to the district, which compiles them and
 * reports to the province. A second, longer movement reaches past the 2025 reorganisation: district
 * Ngọc Lâm, abolished on 30/6/2025, lives on in commune Ngọc Lâm, and its 2022 awards count there.
 */
let handle: DatabaseHandle;
let app: FastifyInstance;
let clock: TestClock;
let tenantId: string;
let province: BuiltOrganisation, health: BuiltOrganisation, district: BuiltOrganisation, districtOffice: BuiltOrganisation;
let c1: BuiltOrganisation, c2: BuiltOrganisation, c3: BuiltOrganisation;
let oldDistrict: BuiltOrganisation, oldCommune: BuiltOrganisation, oldEducation: BuiltOrganisation, newCommune: BuiltOrganisation;
let provincial: Session, districtOfficer: Session, commune1: Session, commune2: Session, healthOfficer: Session, outsider: Session;
let campaign: { id: string; phaseIds: string[] };
let longMovement: { id: string; phaseIds: string[] };

const XSS = '<img src=x onerror=alert(1)>';
const ON_TIME = '2023-07-08T02:00:00Z';
const LATE = '2023-07-11T02:00:00Z';
const reportUrl = (phaseId: string, org: BuiltOrganisation) => `/api/reports/phases/${phaseId}/organisations/${org.id}`;
const compilationUrl = (phaseId: string, org: BuiltOrganisation) => `/api/reports/phases/${phaseId}/compilations/${org.id}`;

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app, clock } = await startTestApp(handle));
  const db = handle.db;
  tenantId = (await buildTenant(db)).id;
  province = await buildOrganisation(db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn Hà', shortName: 'UBND tỉnh Sơn Hà' });
  health = await buildOrganisation(db, tenantId, province, { name: 'Sở Y tế' });
  district = await buildOrganisation(db, tenantId, province, { name: 'Ủy ban nhân dân huyện Mường Khoa', kind: 'peoples_committee', level: 'district' });
  districtOffice = await buildOrganisation(db, tenantId, district, { name: 'Phòng Nội vụ huyện Mường Khoa', kind: 'sub_unit', level: 'district' });
  const commune = (name: string) => buildOrganisation(db, tenantId, district, { name, kind: 'peoples_committee', level: 'commune' });
  c1 = await commune('Ủy ban nhân dân xã Chiềng Khoa');
  c2 = await commune('Ủy ban nhân dân xã Nậm Ty');
  c3 = await commune('Ủy ban nhân dân xã Pá Hốc');
  // the 2025 reform: a new commune takes over the old district and its commune; its education office goes to the department
  newCommune = await buildOrganisation(db, tenantId, province, { name: 'Ủy ban nhân dân xã Ngọc Lâm', kind: 'peoples_committee', level: 'commune', validFrom: '2025-07-01' });
  oldDistrict = await buildOrganisation(db, tenantId, province, { name: 'Ủy ban nhân dân huyện Ngọc Lâm', kind: 'peoples_committee', level: 'district',
    validTo: '2025-06-30', successorId: newCommune.id });
  oldCommune = await buildOrganisation(db, tenantId, oldDistrict, { name: 'Ủy ban nhân dân xã Bình Thạnh', kind: 'peoples_committee', level: 'commune',
    validTo: '2025-06-30', successorId: newCommune.id });
  oldEducation = await buildOrganisation(db, tenantId, oldDistrict, { name: 'Phòng Giáo dục và Đào tạo huyện Ngọc Lâm', kind: 'sub_unit', level: 'district',
    validTo: '2025-06-30', successorId: health.id });

  campaign = await buildIssuedMovement(db, tenantId, province, { periodStart: '2023-01-01', periodEnd: '2023-06-30', phases: [
    { kind: 'launch', dueOn: null, outline: null },
    { dueOn: '2023-07-10', outline: OUTLINE },
  ] });
  longMovement = await buildIssuedMovement(db, tenantId, province, { periodStart: '2022-01-01', periodEnd: '2026-12-31', phases: [
    { dueOn: '2026-06-30', outline: OUTLINE },
  ] });

  const woman = await buildPerson(db, tenantId, 'Lò Thị Mai', [{ organisation: c1, position: 'Công chức Văn phòng – Thống kê' }], { gender: 'female', ethnicity: 'Thái' });
  const chairman = await buildPerson(db, tenantId, 'Hà Văn Thắng', [{ organisation: c2, position: 'Chủ tịch UBND xã', isLeader: true }]);
  const clerk = await buildPerson(db, tenantId, 'Vì Văn Sơn', [{ organisation: c3, position: 'Công chức Địa chính' }]);
  const teacher = await buildPerson(db, tenantId, 'Lường Văn Hải', [{ organisation: oldCommune, position: 'Công chức Tư pháp' }]);
  await buildAwards(db, tenantId, [
    { organisation: c1, decidedOn: '2023-03-01', amount: 500_000 },
    { personId: woman.id, decidedOn: '2023-04-01', movementId: campaign.id },
    { personId: chairman.id, awardForm: 'bang_khen_tinh', decidedOn: '2023-05-01', amount: 1_800_000 },
    { personId: clerk.id, decidedOn: '2023-06-01' },
    { organisation: districtOffice, decidedOn: '2023-02-01' },
    { organisation: district, awardForm: 'bang_khen_tinh', decidedOn: '2023-06-15' },
    { organisation: health, decidedOn: '2023-03-03' },
    // outside the campaign's period, and revoked within it: not counted
    { organisation: c1, decidedOn: '2022-12-01' },
    { organisation: c2, decidedOn: '2023-05-02', revokedOn: '2023-05-20' },
    // before the reform, in the district and commune that were merged
    { organisation: oldDistrict, decidedOn: '2022-05-01' },
    { personId: teacher.id, decidedOn: '2022-06-01' },
    { organisation: oldEducation, decidedOn: '2022-07-01' },
    { organisation: newCommune, decidedOn: '2025-09-01' },
  ]);
  await db.insertInto('movement_registrations').values({
    tenant_id: tenantId, id: crypto.randomUUID(), movement_id: campaign.id, organisation_id: c1.id,
    titles: JSON.stringify([{ awardForm: 'giay_khen', collectives: 1, individuals: 2 }]), commitments: '', registered_by: null, registered_at: new Date('2023-05-10T02:00:00Z'),
  }).execute();
  await buildNominee(db, tenantId, c1, district, woman.id, [{ action: 'submit', at: '2023-04-10T02:00:00Z' }, { action: 'accept', at: '2023-04-20T02:00:00Z' }]);

  await buildUser(db, tenantId, 'standing_officer', province, { username: 'tdkt.tinh' });
  await buildUser(db, tenantId, 'unit_officer', district, { username: 'noivu.muongkhoa' });
  await buildUser(db, tenantId, 'unit_officer', c1, { username: 'vanphong.chiengkhoa' });
  await buildUser(db, tenantId, 'unit_officer', c2, { username: 'vanphong.namty' });
  await buildUser(db, tenantId, 'unit_officer', health, { username: 'tdkt.soyte' });
  const foreignTenant = (await buildTenant(db)).id;
  const foreignRoot = await buildOrganisation(db, foreignTenant, null, { name: 'Ủy ban nhân dân tỉnh khác' });
  await buildUser(db, foreignTenant, 'system_admin', foreignRoot, { username: 'quantri.tinhkhac' });
  provincial = await signIn(app, 'tdkt.tinh');
  districtOfficer = await signIn(app, 'noivu.muongkhoa');
  commune1 = await signIn(app, 'vanphong.chiengkhoa');
  commune2 = await signIn(app, 'vanphong.namty');
  healthOfficer = await signIn(app, 'tdkt.soyte');
  outsider = await signIn(app, 'quantri.tinhkhac');
});
afterAll(async () => { await app.close(); await handle.close(); });

const phase = () => campaign.phaseIds[1]!;
const save = (session: Session, org: BuiltOrganisation, sections: Record<string, string>, phaseId = phase()) =>
  session.request({ method: 'PUT', url: reportUrl(phaseId, org), payload: { sections } });
const submit = (session: Session, org: BuiltOrganisation) => session.request({ method: 'POST', url: `${reportUrl(phase(), org)}/submit` });

interface NoticeView { topic: string; entityType: string; params: Record<string, string> }
/** The report notifications a user has, oldest first, as topic and parameters. */
async function reportNotices(session: Session) {
  const { items } = (await session.request({ method: 'GET', url: '/api/notifications' })).json() as { items: NoticeView[] };
  return items.filter((n) => n.entityType === 'unit_report').reverse().map((n): Record<string, string> => ({ topic: n.topic, ...n.params }));
}

/** Every number of the sum of the parts equals the total's. */
function expectSums(total: Figures, parts: Figures[]) {
  const sum = addFigures(total.period, parts);
  expect(sum.registrations).toEqual(total.registrations);
  expect(sum.nominations).toEqual(total.nominations);
  expect(awardTotals(sum)).toEqual(awardTotals(total));
  expect(Object.fromEntries(sum.awards.map((a) => [a.awardForm, a]))).toEqual(Object.fromEntries(total.awards.map((a) => [a.awardForm, a])));
}

describe('a commune\'s report on the outline', () => {
  it('is written section by section as plain text, kept verbatim (an HTML payload included), with live figures', async () => {
    const response = await save(commune1, c1, { '0': XSS, '0.0': 'Đảng ủy, UBND xã ban hành kế hoạch triển khai đợt thi đua.', '1.1': 'Kinh phí còn hạn chế *chưa* đủ.' });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.status).toBe('draft');
    expect(body.sections['0']).toBe(XSS);
    expect(body.sections['1.1']).toBe('Kinh phí còn hạn chế *chưa* đủ.');
    expect(body.figuresFrozen).toBe(false);
    expect(body.figures.period).toEqual({ from: '2023-01-01', to: '2023-07-10' });
    // Chiềng Khoa's own: a collective Giấy khen with money and a woman of an ethnic minority for this campaign
    expect(body.figures.awards).toEqual([expect.objectContaining({ awardForm: 'giay_khen', total: 2, collectives: 1, individuals: 1, women: 1,
      ethnicMinorities: 1, nonLeaders: 1, forMovement: 1, amount: 500_000 })]);
    expect(body.figures.registrations).toEqual({ units: 1, collectives: 1, individuals: 2 });
    expect(body.figures.nominations).toEqual({ submitted: 1, accepted: 1, returned: 0 });
    expect(body.can).toEqual({ edit: true, submit: true, return: false });
  });

  it('cannot be written on a phase without an outline (422, in Vietnamese or English)', async () => {
    const vi = await save(commune1, c1, { '0': 'x' }, campaign.phaseIds[0]);
    expect(vi.statusCode).toBe(422);
    expect(vi.json().error.code).toBe('report.no_outline');
    expect(vi.json().error.message).toContain('không có đề cương');
    const en = await commune1.request({ method: 'GET', url: reportUrl(campaign.phaseIds[0]!, c1), headers: { 'accept-language': 'en' } });
    expect(en.statusCode).toBe(422);
    expect(en.json().error.message).toContain('has no report outline');
  });

  it('refuses texts for parts the outline does not have, and units that do not report on the phase', async () => {
    expect((await save(commune1, c1, { '7.3': 'x' })).json().error.code).toBe('report.unknown_section');
    const issuer = await provincial.request({ method: 'PUT', url: reportUrl(phase(), province), payload: { sections: { '0': 'x' } } });
    expect([issuer.statusCode, issuer.json().error.code]).toEqual([422, 'report.not_below_issuer']);
    // commune Ngọc Lâm was founded in 2025: it owed nothing on 10/7/2023
    const unborn = await provincial.request({ method: 'PUT', url: reportUrl(phase(), newCommune), payload: { sections: { '0': 'x' } } });
    expect([unborn.statusCode, unborn.json().error.code]).toEqual([422, 'report.not_existing']);
  });

  it('is out of sight outside one\'s subtree (404) and in another province', async () => {
    for (const session of [healthOfficer, commune2]) {
      expect((await session.request({ method: 'GET', url: reportUrl(phase(), c1) })).statusCode).toBe(404);
      expect((await save(session, c1, { '0': 'ghi đè' })).statusCode).toBe(404);
    }
    expect((await outsider.request({ method: 'GET', url: reportUrl(phase(), c1) })).statusCode).toBe(404);
    expect((await healthOfficer.request({ method: 'GET', url: compilationUrl(phase(), district) })).statusCode).toBe(404);
    expect((await commune1.request({ method: 'GET', url: reportUrl(phase(), c1) })).json().sections['0']).toBe(XSS);
  });

  it('saved by two officers at once: the one who saves from an older version is refused with 409 edit.stale and changes nothing', async () => {
    const read = async () => (await commune2.request({ method: 'GET', url: reportUrl(phase(), c2) })).json();
    expect(await read()).toMatchObject({ exists: false, version: null });
    // nothing saved yet: the first save carries no version, and one that names a version finds nothing of it
    expect((await commune2.request({ method: 'PUT', url: reportUrl(phase(), c2), payload: { sections: { '0': 'Bản nháp' }, version: 1 } })).statusCode).toBe(409);
    expect((await save(commune2, c2, { '0': 'Bản nháp' })).json()).toMatchObject({ exists: true, version: 1 });
    await expectVersionedEdit({
      as: commune2, version: async () => (await read()).version,
      edit: (attempt) => ({ method: 'PUT', url: reportUrl(phase(), c2), payload: { sections: { '0': `Bản sửa lần ${attempt}` } } }),
      row: () => handle.db.selectFrom('unit_reports').select(['sections', 'version']).where('phase_id', '=', phase()).where('organisation_id', '=', c2.id)
        .executeTakeFirstOrThrow(),
    });
  });

  it('is submitted on time, then read-only: editing answers 409 and changes nothing', async () => {
    clock.set(ON_TIME);
    const response = await submit(commune1, c1);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'submitted', late: false, figuresFrozen: true, can: { edit: false, submit: false, return: false } });
    expect(response.json().history.map((e: { event: string }) => e.event)).toEqual(['submitted']);
    // the receiving level (the district: its officer, there is no standing officer there) is told; the province is not
    expect(await reportNotices(districtOfficer)).toEqual([
      { topic: 'report_submitted', phaseId: phase(), organisationId: c1.id, unit: c1.name, phase: expect.any(String) }]);
    expect(await reportNotices(provincial)).toEqual([]);
    // and the district's home page lists it among what waits, linked to the compilation
    const home = (await districtOfficer.request({ method: 'GET', url: '/api/dashboard' })).json();
    expect(home.waiting.reports).toEqual([expect.objectContaining({ phaseId: phase(), organisationId: district.id, submitted: 1 })]);
    const before = await handle.db.selectFrom('unit_reports').selectAll().where('organisation_id', '=', c1.id).executeTakeFirstOrThrow();
    const edit = await save(commune1, c1, { '0': 'sửa sau khi gửi' });
    expect([edit.statusCode, edit.json().error.code]).toEqual([409, 'report.read_only']);
    const after = await handle.db.selectFrom('unit_reports').selectAll().where('organisation_id', '=', c1.id).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    expect((await submit(commune1, c1)).statusCode).toBe(409);
  });

  it('goes back only with a reason, from the receiving level; it reopens and a resubmission is recorded', async () => {
    const noReason = await districtOfficer.request({ method: 'POST', url: `${reportUrl(phase(), c1)}/return`, payload: { reason: '   ' } });
    expect([noReason.statusCode, noReason.json().error.code]).toEqual([400, 'report.reason_required']);
    // the commune cannot return its own report to itself
    expect((await commune1.request({ method: 'POST', url: `${reportUrl(phase(), c1)}/return`, payload: { reason: 'Tự trả lại' } })).statusCode).toBe(403);
    expect((await commune1.request({ method: 'GET', url: reportUrl(phase(), c1) })).json().status).toBe('submitted');
    const returned = await districtOfficer.request({ method: 'POST', url: `${reportUrl(phase(), c1)}/return`,
      payload: { reason: 'Bổ sung số liệu tuyên truyền.' } });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', returnedReason: 'Bổ sung số liệu tuyên truyền.', figuresFrozen: false });
    expect(await reportNotices(commune1)).toEqual([
      { topic: 'report_returned', phaseId: phase(), organisationId: c1.id, phase: expect.any(String), reason: 'Bổ sung số liệu tuyên truyền.' }]);
    expect((await save(commune1, c1, { '0': XSS, '0.1': 'Tuyên truyền trên loa truyền thanh 24 buổi.' })).statusCode).toBe(200);
    clock.set(LATE);
    const again = await submit(commune1, c1);
    expect(again.statusCode, again.body).toBe(200);
    // punctuality is the first submission's: the return was the district's act
    expect(again.json()).toMatchObject({ status: 'submitted', late: false });
    expect((await reportNotices(districtOfficer)).map((n) => n.topic)).toEqual(['report_submitted', 'report_submitted']);
    expect(again.json().history.map((e: { event: string; late: boolean; reason: string }) => [e.event, e.late, e.reason])).toEqual([
      ['submitted', false, ''], ['returned', false, 'Bổ sung số liệu tuyên truyền.'], ['resubmitted', true, ''],
    ]);
  });

  it('is late when first sent after the end of the due day in Việt Nam', async () => {
    expect((await save(commune2, c2, { '1.0': 'Hoàn thành các chỉ tiêu 6 tháng đầu năm.' })).statusCode).toBe(200);
    clock.set('2023-07-10T17:00:01Z'); // 00:00:01 on 11/7 in Hà Nội
    const response = await submit(commune2, c2);
    expect(response.json()).toMatchObject({ status: 'submitted', late: true });
    expect((await reportNotices(districtOfficer)).filter((n) => n.organisationId === c2.id).map((n) => n.topic)).toEqual(['report_submitted_late']);
  });

  it('cannot be submitted empty', async () => {
    const response = await commune2.request({ method: 'POST', url: `${reportUrl(longMovement.phaseIds[0]!, c2)}/submit` });
    expect([response.statusCode, response.json().error.code]).toEqual([422, 'report.empty']);
  });
});

describe('the district\'s compilation', () => {
  it('lists its communes as sent on time, late, or missing, with its figures equal to theirs plus its own', async () => {
    const response = await districtOfficer.request({ method: 'GET', url: compilationUrl(phase(), district) });
    expect(response.statusCode, response.body).toBe(200);
    const c = response.json();
    expect(c.units.map((u: { organisation: { name: string }; state: string }) => [u.organisation.name, u.state])).toEqual([
      ['Ủy ban nhân dân xã Chiềng Khoa', 'on_time'], ['Ủy ban nhân dân xã Nậm Ty', 'late'], ['Ủy ban nhân dân xã Pá Hốc', 'missing'],
    ]);
    expect(c.missing.map((m: { name: string }) => m.name)).toEqual(['Ủy ban nhân dân xã Pá Hốc']);
    expectSums(c.total, [...c.units.map((u: { figures: Figures }) => u.figures), c.own]);
    // its own: the district itself and its Phòng Nội vụ; the Department of Health is not the district's
    expect(awardTotals(c.own)).toMatchObject({ total: 2, collectives: 2 });
    expect(awardTotals(c.total)).toMatchObject({ total: 6, collectives: 3, individuals: 3, women: 1, ethnicMinorities: 1, nonLeaders: 2,
      forMovement: 1, amount: 2_300_000 });
    expect(c.total.awards.map((a: { awardForm: string }) => a.awardForm)).toEqual(['giay_khen', 'bang_khen_tinh']);
    // the texts of the reports that were sent, per section and point, with the unit's name
    expect(c.gathered['0']).toEqual([{ organisation: { id: c1.id, name: c1.name }, text: XSS }]);
    expect(c.gathered['1.0'][0].organisation.name).toBe('Ủy ban nhân dân xã Nậm Ty');
    expect(c.ownReport).toMatchObject({ phaseId: phase(), status: 'missing', canStart: true });
  });

  it('starts the district\'s own report, keeping what the district already wrote', async () => {
    expect((await save(districtOfficer, district, { '1.0': 'Ý kiến riêng của huyện.' })).statusCode).toBe(200);
    const response = await districtOfficer.request({ method: 'POST', url: `${reportUrl(phase(), district)}/start-from-compilation` });
    expect(response.statusCode, response.body).toBe(200);
    const sections = response.json().sections;
    expect(sections['0']).toBe(`Ủy ban nhân dân xã Chiềng Khoa:\n${XSS}`);
    expect(sections['0.1']).toContain('Tuyên truyền trên loa truyền thanh 24 buổi.');
    expect(sections['1.0']).toBe('Ý kiến riêng của huyện.');
    expect(response.json().compilation).toEqual({ phaseId: phase(), units: 3 });
  });
});

describe('the province\'s compilation', () => {
  it('expects the units that existed on the due date, and sums them with its own', async () => {
    const c = (await provincial.request({ method: 'GET', url: compilationUrl(phase(), province) })).json();
    expect(c.units.map((u: { organisation: { name: string } }) => u.organisation.name).sort()).toEqual(
      ['Sở Y tế', 'Ủy ban nhân dân huyện Mường Khoa', 'Ủy ban nhân dân huyện Ngọc Lâm'].sort());
    expect(c.ownReport).toBeNull();
    expectSums(c.total, [...c.units.map((u: { figures: Figures }) => u.figures), c.own]);
    expect(awardTotals(c.total).total).toBe(7);
  });

  it('counts an abolished district\'s 2022 awards under the commune that took it over', async () => {
    const response = await provincial.request({ method: 'GET', url: compilationUrl(longMovement.phaseIds[0]!, province) });
    const c = response.json();
    const byName = new Map(c.units.map((u: { organisation: { name: string }; figures: Figures }) => [u.organisation.name, u.figures]));
    expect(byName.has('Ủy ban nhân dân huyện Ngọc Lâm')).toBe(false);
    // the district, its commune and a person there went to commune Ngọc Lâm; its education office went to the department
    expect(awardTotals(byName.get('Ủy ban nhân dân xã Ngọc Lâm') as Figures)).toMatchObject({ total: 3, collectives: 2, individuals: 1 });
    expect(awardTotals(byName.get('Sở Y tế') as Figures)).toMatchObject({ total: 2 });
    expectSums(c.total, [...c.units.map((u: { figures: Figures }) => u.figures), c.own]);
    const report = (await provincial.request({ method: 'GET', url: reportUrl(longMovement.phaseIds[0]!, newCommune) })).json();
    expect(awardTotals(report.figures).total).toBe(3);
  });
});

describe('lists', () => {
  it('show the reports a unit owes and the phases a level receives', async () => {
    const owed = (await commune1.request({ method: 'GET', url: '/api/reports' })).json();
    expect(owed.items.map((i: { phaseId: string; state: string }) => [i.phaseId, i.state])).toEqual([
      [longMovement.phaseIds[0], 'missing'], [phase(), 'on_time'],
    ]);
    expect(owed.received).toEqual([]);
    const received = (await provincial.request({ method: 'GET', url: `/api/reports?phaseId=${phase()}` })).json();
    expect(received.items).toEqual([]);
    expect(received.received).toEqual([expect.objectContaining({ phaseId: phase(), submitted: 0 })]);
  });
});

describe('the official documents', () => {
  it('print a unit\'s report with the HTML payload as literal text, and its figures table', async () => {
    const response = await commune1.request({ method: 'GET', url: `${reportUrl(phase(), c1)}/document.docx` });
    expect(response.statusCode).toBe(200);
    const { document } = await readDocx(response.rawPayload);
    const text = flat(docxParagraphs(document).map((p) => p.text).join('\n'));
    expect(text).toContain(XSS);
    expect(document).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(document).not.toContain('<img');
    for (const part of ['ỦY BAN NHÂN DÂN XÃ CHIỀNG KHOA', 'BÁO CÁO', 'Kết quả thực hiện đợt thi đua', 'I. KẾT QUẢ THỰC HIỆN ĐỢT THI ĐUA',
      '1. Công tác lãnh đạo, chỉ đạo', 'SỐ LIỆU THI ĐUA, KHEN THƯỞNG', 'Giấy khen', 'Tổng cộng', '500.000', 'THỦ TRƯỞNG ĐƠN VỊ',
      'Ủy ban nhân dân huyện Mường Khoa']) {
      expect(text, part).toContain(part);
    }
  });

  it('print the district\'s compiled report with who has not reported and the units\' texts', async () => {
    const response = await districtOfficer.request({ method: 'GET', url: `${compilationUrl(phase(), district)}/document.docx` });
    expect(response.statusCode).toBe(200);
    const text = flat(docxParagraphs((await readDocx(response.rawPayload)).document).map((p) => p.text).join('\n'));
    for (const part of ['Tổng hợp kết quả thực hiện đợt thi đua', 'Có 2/3 đơn vị đã gửi báo cáo (1 đúng hạn, 1 quá hạn).',
      'Chưa gửi báo cáo: Ủy ban nhân dân xã Pá Hốc.', `Ủy ban nhân dân xã Chiềng Khoa: ${XSS}`, 'SỐ LIỆU KHEN THƯỞNG THEO ĐƠN VỊ',
      'Ủy ban nhân dân huyện Mường Khoa (trực tiếp)', '2.300.000']) {
      expect(text, part).toContain(part);
    }
  });
});
