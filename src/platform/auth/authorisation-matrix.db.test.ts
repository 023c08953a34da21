import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildPerson, buildTenant, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../db/database.ts';
import type { Role } from '../db/schema.ts';
import { uuidv7 } from '../ids.ts';

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

interface World {
  inside: BuiltOrganisation; outside: BuiltOrganisation; foreign: BuiltOrganisation;
  /** an issued movement issued by each side's organisation, a unit directly under each, and an issued provincial one */
  movements: Record<Side, string>; children: Record<Side, string>; rootMovement: string;
  insidePerson: string; outsidePerson: string; foreignPerson: string;
  insideUser: string; outsideUser: string; foreignUser: string;
}
type Side = 'inside' | 'outside' | 'foreign';
interface Call { url: string; payload?: unknown }
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

const orgId = (side: Side) => w[side].id;
const personId = (side: Side) => ({ inside: w.insidePerson, outside: w.outsidePerson, foreign: w.foreignPerson })[side];
const userId = (side: Side) => ({ inside: w.insideUser, outside: w.outsideUser, foreign: w.foreignUser })[side];
const tenantOf = (side: Side) => (side === 'foreign' ? foreignTenantId : tenantId);

async function freshEmployment(side: Side) {
  const id = uuidv7();
  const year = 1900 + next();
  await handle.db.insertInto('employments').values({
    tenant_id: tenantOf(side), id, person_id: personId(side), organisation_id: orgId(side), position: 'Tạm',
    is_leader: false, start_date: `${year}-01-01`, end_date: `${year}-06-30`, created_at: new Date(),
  }).execute();
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

async function freshGrant(side: Side) {
  const id = uuidv7();
  await handle.db.insertInto('role_grants').values({
    tenant_id: tenantOf(side), id, user_id: userId(side), role: 'unit_head', organisation_id: orgId(side), granted_by: null, created_at: new Date(),
  }).execute();
  return id;
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
    const year = 1800 + next();
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
  { method: 'POST', route: '/api/movements/{id}/amendments', allowed: MOVEMENT_WRITERS, call: async (s) =>
    ({ url: `/api/movements/${await freshMovement(s, 'issued')}/amendments`, payload: { reason: 'Bổ sung nội dung', slogan: 'Mới' } }) },
  { method: 'POST', route: '/api/movements/{id}/close', allowed: MOVEMENT_ISSUERS, call: async (s) =>
    ({ url: `/api/movements/${await freshMovement(s, 'issued')}/close` }) },
  { method: 'GET', route: '/api/movements/{id}/document.docx', allowed: READERS, call: async (s) => ({ url: `/api/movements/${w.movements[s]}/document.docx` }) },
  { method: 'GET', route: '/api/movements/{id}/document.pdf', allowed: READERS, call: async (s) => ({ url: `/api/movements/${w.movements[s]}/document.pdf` }) },
  { method: 'GET', route: '/api/movements/{id}/responses', allowed: READERS, call: async (s) => ({ url: `/api/movements/${w.movements[s]}/responses` }) },
  { method: 'POST', route: '/api/movements/{id}/reminders', allowed: MOVEMENT_WRITERS, call: async (s) => ({
    url: `/api/movements/${w.movements[s]}/reminders`, payload: { organisationId: w.children[s], message: 'Đề nghị khẩn trương hưởng ứng.' } }) },
  { method: 'GET', route: '/api/movements/{id}/registrations', allowed: READERS, call: async (s) => ({ url: `/api/movements/${w.movements[s]}/registrations` }) },
  { method: 'POST', route: '/api/movements/{id}/registrations', allowed: MOVEMENT_WRITERS, call: async (s) => ({
    url: `/api/movements/${w.movements[s]}/registrations`, payload: { organisationId: orgId(s), titles: [{ awardForm: 'giay_khen', individuals: 1 }], commitments: '' } }) },
  // the template names no data; an import checks scope row by row (an outside code is an unknown code, 422: import.db.test.ts)
  { method: 'GET', route: '/api/records/import/template', allowed: PERSON_WRITERS, list: true, call: async () => ({ url: '/api/records/import/template?kind=ratings&format=csv' }) },
  { method: 'POST', route: '/api/records/import', allowed: PERSON_WRITERS, list: true, call: async (s) => {
    await handle.db.updateTable('people').set({ code: `HR-${s}` }).where('id', '=', personId(s)).execute();
    return { url: '/api/records/import?kind=ratings&dryRun=true', payload: Buffer.from(`Mã cán bộ,Mã đơn vị,Năm,Xếp loại,Số quyết định,Ngày quyết định,Cơ quan ban hành\nHR-${s},,2024,HTNV,,,\n`) };
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
  // the award archive: a list limited to the scope (no outside award appears), a unit outside it is 404
  { method: 'GET', route: '/api/archive/awards', allowed: READERS, list: true, call: async () => ({ url: '/api/archive/awards?pageSize=200' }) },
  { method: 'GET', route: '/api/archive/awards.xlsx', allowed: READERS, call: async (s) => ({ url: `/api/archive/awards.xlsx?unitId=${orgId(s)}` }) },
  // the base salary is the same for every tenant: only a system administrator sets it
  { method: 'POST', route: '/api/catalogue/base-salaries', allowed: ADMINS, list: true, call: async () => ({ url: '/api/catalogue/base-salaries',
    payload: { effectiveFrom: `${2030 + next()}-07-01`, amount: 3_000_000, citation: 'Nghị định thử' } }) },
];

/** Routes every signed-in account may call about itself, or that are public. */
const SELF_OR_PUBLIC = ['GET /api/health', 'POST /api/auth/login', 'POST /api/auth/logout', 'GET /api/auth/me', 'GET /api/award-forms',
  // the law the system applies: every signed-in account may read it
  'GET /api/catalogue', 'GET /api/catalogue/money'];

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
  };
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
      const response = await app.inject({ method: r.method, url: call.url, payload: call.payload as object });
      expect(response.statusCode, `${r.method} ${r.route}`).toBe(401);
    }
  });

  for (const r of ROUTES) {
    for (const role of ROLES) {
      const allowed = r.allowed.includes(role);
      it(`${r.method} ${r.route} as ${role}: ${allowed ? 'allowed' : 'refused'} inside, refused outside`, async () => {
        const session = sessions.get(role)!;
        const inside = await r.call('inside');
        const insideResponse = await session.request({ method: r.method, url: inside.url, payload: inside.payload as object });
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
          const response = await session.request({ method: r.method, url: call.url, payload: call.payload as object });
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
