import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { signIn, startTestApp } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { loadDemoDataOnce } from './load.ts';
import { buildDemoProvince, DEMO_PASSWORD } from './demo-data.ts';
import { buildDemoRecords } from './records.ts';

let handle: DatabaseHandle;
let app: FastifyInstance;

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
});
afterAll(async () => { await app.close(); await handle.close(); });

describe('the demo province', () => {
  it('loads once into an empty database and never again', async () => {
    expect(await loadDemoDataOnce(handle.db, new Date('2026-11-21T03:00:00Z'))).toBe(true);
    expect(await loadDemoDataOnce(handle.db, new Date('2026-11-21T03:00:00Z'))).toBe(false);
    const people = await handle.db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(people.n)).toBe(buildDemoProvince().people.length);
    expect(Number(people.n)).toBeGreaterThanOrEqual(290);
  });

  it('loads the records of 2017–2025 with the HR and unit codes', async () => {
    const count = async (table: 'annual_ratings' | 'awards' | 'initiatives' | 'disciplines') =>
      Number((await handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const records = buildDemoRecords(buildDemoProvince());
    expect(await count('annual_ratings')).toBe(records.ratings.length);
    expect(await count('awards')).toBe(records.awards.length);
    expect(await count('initiatives')).toBe(records.initiatives.length);
    expect(await count('disciplines')).toBe(records.disciplines.length);
    expect(await count('disciplines')).toBeGreaterThan(0);
    const uncoded = await handle.db.selectFrom('people').select('id').where('code', 'is', null).execute();
    expect(uncoded).toHaveLength(0);
    const unit = await handle.db.selectFrom('organisations').select('name').where('code', '=', 'SGDDT').executeTakeFirstOrThrow();
    expect(unit.name).toBe('Sở Giáo dục và Đào tạo');
    const cstdcs = await handle.db.selectFrom('awards as a').innerJoin('people as p', (j) => j.onRef('p.tenant_id', '=', 'a.tenant_id').onRef('p.id', '=', 'a.person_id'))
      .select('a.year').where('p.code', '=', records.personCodes.get('p-cv-sgd')!).where('a.award_form', '=', 'chien_si_thi_dua_co_so').orderBy('a.year').execute();
    expect(cstdcs.map((r) => r.year)).toEqual([2023, 2024, 2025]);
  });

  it('every demo account signs in with the demo password and sees its own organisation', async () => {
    for (const account of buildDemoProvince().accounts) {
      const session = await signIn(app, account.username, DEMO_PASSWORD);
      const me = (await session.request({ method: 'GET', url: '/api/auth/me' })).json();
      expect(me.grants[0].role, account.username).toBe(account.role);
    }
  });

  it('the standing officer sees the whole province; the education officer only their department', async () => {
    const standing = await signIn(app, 'thuongtruc', DEMO_PASSWORD);
    const education = await signIn(app, 'canbo.sgd', DEMO_PASSWORD);
    const all = (await standing.request({ method: 'GET', url: '/api/people?pageSize=1' })).json();
    const some = (await education.request({ method: 'GET', url: '/api/people?pageSize=1' })).json();
    expect(all.total).toBeGreaterThan(250);
    expect(some.total).toBeGreaterThan(5);
    expect(some.total).toBeLessThan(all.total / 2);
  });

  it('the 2025 reorganisation is in the data: abolished districts point to a successor valid the next day', async () => {
    const rows = await handle.db.selectFrom('organisations as o')
      .innerJoin('organisations as s', (j) => j.onRef('s.tenant_id', '=', 'o.tenant_id').onRef('s.id', '=', 'o.successor_id'))
      .select(['o.name', 'o.valid_to', 's.valid_from']).where('o.level', '=', 'district').where('o.kind', '=', 'peoples_committee').execute();
    expect(rows.length).toBe(2);
    for (const r of rows) {
      expect(r.valid_to).toBe('2025-06-30');
      expect(r.valid_from).toBe('2025-07-01');
    }
  });
});

describe('the demo councils and clusters through the API', () => {
  it('the provincial council has a chair, a vice chair, a standing member and a secretary', async () => {
    const session = await signIn(app, 'thuongtruc', DEMO_PASSWORD);
    const tree = (await session.request({ method: 'GET', url: '/api/organisations/tree' })).json().items as { id: string; parentId: string | null }[];
    const root = tree.find((o) => o.parentId === null)!;
    const { council } = (await session.request({ method: 'GET', url: `/api/organisations/${root.id}/council` })).json();
    const roles = council.members.map((m: { role: string }) => m.role);
    expect(roles[0]).toBe('chair');
    for (const role of ['vice_chair', 'standing_member', 'secretary']) expect(roles).toContain(role);
  });

  it('the province organises clusters and blocks with a head, members and a following council member each year', async () => {
    const session = await signIn(app, 'thuongtruc', DEMO_PASSWORD);
    const tree = (await session.request({ method: 'GET', url: '/api/organisations/tree' })).json().items as { id: string; parentId: string | null }[];
    const root = tree.find((o) => o.parentId === null)!;
    const clusters = (await session.request({ method: 'GET', url: `/api/organisations/${root.id}/clusters?year=2024` })).json().items;
    expect(clusters.map((c: { kind: string }) => c.kind).sort()).toEqual(expect.arrayContaining(['block', 'cluster']));
    for (const c of clusters) {
      expect(c.role).toBe('organiser');
      expect(c.members.filter((m: { role: string }) => m.role === 'head')).toHaveLength(1);
      expect(c.follower).not.toBeNull();
    }
  });
});

describe('the demo cluster score sheets through the API', () => {
  it('the districts\' 2024 sheet is open for the head and the follower to adjust; the 2025 block ranks and proposes its leader', async () => {
    const head = await signIn(app, 'canbo.huyen', DEMO_PASSWORD);
    const [districts] = (await head.request({ method: 'GET', url: '/api/clusters?year=2024' })).json().items;
    expect(districts).toMatchObject({ name: 'Cụm thi đua các huyện, thành phố', parts: ['head', 'member'], sheet: { status: 'open' } });
    const follower = await signIn(app, 'hoidong', DEMO_PASSWORD);
    const sheet = (await follower.request({ method: 'GET', url: `/api/clusters/sheets/${districts.sheet.id}` })).json();
    expect(sheet.me.capacities).toEqual(['follower']);
    expect(sheet.criteria.filter((c: { kind: string }) => c.kind === 'criterion').reduce((n: number, c: { maxPoints: number }) => n + c.maxPoints, 0)).toBe(100);
    expect(sheet.ranking.map((r: { total: number }) => r.total)).toEqual([94.5, 93]);
    const education = await signIn(app, 'canbo.sgd', DEMO_PASSWORD);
    const [block] = (await education.request({ method: 'GET', url: '/api/clusters?year=2025' })).json().items;
    expect(block.sheet.status).toBe('closed');
    expect((await education.request({ method: 'POST', url: `/api/clusters/sheets/${block.sheet.id}/rank` })).statusCode).toBe(200);
    const standing = await signIn(app, 'thuongtruc', DEMO_PASSWORD);
    const proposed = await standing.request({ method: 'POST', url: `/api/clusters/sheets/${block.sheet.id}/propose` });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const flag = (await standing.request({ method: 'GET', url: `/api/nominations/batches/${proposed.json().flagBatchId}` })).json();
    expect(flag.candidates.map((c: { name: string }) => c.name)).toEqual(['Sở Giáo dục và Đào tạo']);
  });
});

describe('the demo movements: the five seed plans', () => {
  const movement = async (organisation: string, number: number, year: number) => {
    const row = await handle.db.selectFrom('movements as m')
      .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'm.tenant_id').onRef('o.id', '=', 'm.organisation_id'))
      .select(['m.id', 'm.parent_movement_id']).where('o.name', '=', organisation).where('m.document_number', '=', number)
      .where('m.issued_on', '>=', `${year}-01-01`).where('m.issued_on', '<=', `${year}-12-31`).executeTakeFirstOrThrow();
    return row;
  };

  it('are present with their numbers, issued, the cascades linked to their parents phase by phase', async () => {
    const rows = await handle.db.selectFrom('movements as m')
      .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'm.tenant_id').onRef('o.id', '=', 'm.organisation_id'))
      .select(['o.name', 'm.document_number', 'm.document_symbol', 'm.issued_on', 'm.kind', 'm.status'])
      .orderBy('m.issued_on').execute();
    expect(rows.map((r) => [r.name, `${r.document_number}/${r.document_symbol}`, r.issued_on, r.kind])).toEqual([
      ['Ủy ban nhân dân tỉnh Sơn Hà', '179/KH-UBND', '2019-08-02', 'multi_year'],
      ['Văn phòng Ủy ban nhân dân tỉnh', '29/KH-VPUB', '2019-08-14', 'multi_year'],
      ['Ủy ban nhân dân huyện Mường Khoa', '118/KH-UBND', '2019-09-17', 'multi_year'],
      ['Ủy ban nhân dân tỉnh Sơn Hà', '1/KH-HĐTĐKT', '2021-10-28', 'regular'],
      ['Ủy ban nhân dân tỉnh Sơn Hà', '1086/KH-UBND', '2023-04-20', 'campaign'],
      ['Ủy ban nhân dân huyện Mường Khoa', '86/KH-UBND', '2023-05-08', 'campaign'],
    ]);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['issued']));
    const province = await movement('Ủy ban nhân dân tỉnh Sơn Hà', 179, 2019);
    const district = await movement('Ủy ban nhân dân huyện Mường Khoa', 118, 2019);
    expect(district.parent_movement_id).toBe(province.id);
    const phases = await handle.db.selectFrom('movement_phases as c')
      .innerJoin('movement_phases as p', (j) => j.onRef('p.tenant_id', '=', 'c.tenant_id').onRef('p.id', '=', 'c.inherited_from'))
      .select(['p.movement_id']).where('c.movement_id', '=', district.id).execute();
    expect(phases.length).toBe(4);
    for (const p of phases) expect(p.movement_id).toBe(province.id);
  });

  it('the district’s cascade shows its local contents as added against the provincial plan', async () => {
    const { id } = await movement('Ủy ban nhân dân huyện Mường Khoa', 118, 2019);
    const session = await signIn(app, 'canbo.huyen', DEMO_PASSWORD);
    const response = await session.request({ method: 'GET', url: `/api/movements/${id}` });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as {
      parent: { organisationName: string }; plan: { contents: { id: string; text: string }[]; legalBases: { movementId: string | null }[] };
      changesAgainstParent: { list: string; kind: string; id: string }[];
    };
    expect(body.parent.organisationName).toBe('Ủy ban nhân dân tỉnh Sơn Hà');
    const added = body.changesAgainstParent.filter((c) => c.list === 'contents' && c.kind === 'added')
      .map((c) => body.plan.contents.find((x) => x.id === c.id)!.text);
    expect(added).toHaveLength(3);
    expect(added.join(' ')).toMatch(/khói thuốc lá.*rác thải nhựa.*môi trường biển/);
    expect(body.changesAgainstParent.filter((c) => c.list === 'contents' && c.kind === 'changed')).toHaveLength(12);
  });

  it('the Office’s mid-term review carries its criteria as rules the records can prove', async () => {
    const { id } = await movement('Văn phòng Ủy ban nhân dân tỉnh', 29, 2019);
    const session = await signIn(app, 'thuongtruc', DEMO_PASSWORD);
    const body = (await session.request({ method: 'GET', url: `/api/movements/${id}` })).json() as {
      plan: { criteria: { awardForm: string; participantKind: string; rule: unknown }[] };
      phases: { kind: string; dueOn: string | null; outline: unknown[] | null }[];
    };
    const individual = body.plan.criteria.find((c) => c.awardForm === 'bang_khen_tinh' && c.participantKind === 'individual' && c.rule);
    expect(individual?.rule).toEqual({ type: 'all', rules: [
      { type: 'rating', atLeast: 'good', years: { from: 2019, to: 2021 } },
      { type: 'rating', atLeast: 'excellent', years: { from: 2019, to: 2021 }, min: 1 },
      { type: 'initiative', atLeast: 'base', years: { from: 2019, to: 2021 } },
    ] });
    const review = body.phases.find((p) => p.kind === 'mid_term_review' && p.outline);
    expect(review?.dueOn).toBe('2022-05-25');
  });

  it('the campaign’s response tracking: Mường Khoa responded, Ngọc Lâm is overdue', async () => {
    const { id } = await movement('Ủy ban nhân dân tỉnh Sơn Hà', 1086, 2023);
    // read today (2026), after the districts were abolished: the tracking lists the units that owed a
    // response when it was due, in 2023
    {
      const session = await signIn(app, 'thuongtruc', DEMO_PASSWORD);
      const response = await session.request({ method: 'GET', url: `/api/movements/${id}/responses` });
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json() as { responsePlanDue: string; items: { organisation: { name: string }; responsePlan: { state: string; issuedOn: string | null } }[] };
      expect(body.responsePlanDue).toBe('2023-05-15');
      const state = (name: string) => body.items.find((i) => i.organisation.name === name)?.responsePlan;
      expect(state('Ủy ban nhân dân huyện Mường Khoa')).toMatchObject({ state: 'done', issuedOn: '2023-05-08' });
      expect(state('Ủy ban nhân dân huyện Ngọc Lâm')).toMatchObject({ state: 'overdue', issuedOn: null });
    }
  });
});
