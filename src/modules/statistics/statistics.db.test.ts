import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { openTestDatabase } from '../../testing/database.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { loadDemoDataOnce } from '../demo/index.ts';
import { awardTallyDrift, reviseAwards } from '../awards/index.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';
import type { Figures } from './model.ts';
import type { StatisticsReport } from './service.ts';

/**
 * The demo province (2017–2025 records, the 2025 reorganisation) read through GET /api/statistics,
 * every number held against a straightforward count written here from awards, people, employments and
 * organisations — not from the columns statistics read (awards.recipient_*), and not by its query.
 */
let handle: DatabaseHandle;
let app: FastifyInstance;
let tenantId: string;
let standing: Session, educationOfficer: Session, individual: Session;
const org: Record<string, string> = {};
const NOW = new Date('2026-11-21T03:00:00Z');

async function get(session: Session, query: string, lang = 'vi') {
  return session.request({ method: 'GET', url: `/api/statistics?${query}`, headers: { 'accept-language': lang } });
}
async function report(session: Session, query: string): Promise<StatisticsReport> {
  const response = await get(session, query);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as StatisticsReport;
}

/**
 * Each award that counts, with its recipient as the records say: the unit a person worked in on the
 * decision day (or 31/12 of the year), else the last one they had joined, else the first they joined
 * after; leader on that day; a direct worker by that post, or as a citizen with no post at all.
 */
const facts = (tenant: string) => sql`
  SELECT a.id, a.year, a.award_form, f.level, f.category, a.amount,
    a.person_id IS NOT NULL AS individual,
    p.gender = 'female' AS female,
    p.ethnicity <> 'Kinh' AS minority,
    coalesce(on_day.is_leader, false) AS leader,
    coalesce(on_day.is_direct_worker, before.is_direct_worker, after.is_direct_worker, true) AS direct_worker,
    CASE WHEN a.person_id IS NULL THEN c.path ELSE coalesce(on_day.path, before.path, after.path) END AS unit_path
  FROM awards a
  JOIN award_forms f ON f.code = a.award_form
  LEFT JOIN people p ON p.tenant_id = a.tenant_id AND p.id = a.person_id
  LEFT JOIN organisations c ON c.tenant_id = a.tenant_id AND c.id = a.organisation_id
  LEFT JOIN LATERAL (SELECT e.is_leader, e.is_direct_worker, o.path FROM employments e JOIN organisations o ON o.id = e.organisation_id
    WHERE e.person_id = a.person_id AND e.start_date <= coalesce(a.decided_on, make_date(a.year, 12, 31))
      AND (e.end_date IS NULL OR e.end_date >= coalesce(a.decided_on, make_date(a.year, 12, 31)))
    ORDER BY e.start_date DESC LIMIT 1) on_day ON true
  LEFT JOIN LATERAL (SELECT e.is_direct_worker, o.path FROM employments e JOIN organisations o ON o.id = e.organisation_id
    WHERE e.person_id = a.person_id AND e.start_date <= coalesce(a.decided_on, make_date(a.year, 12, 31))
    ORDER BY e.start_date DESC LIMIT 1) before ON true
  LEFT JOIN LATERAL (SELECT e.is_direct_worker, o.path FROM employments e JOIN organisations o ON o.id = e.organisation_id
    WHERE e.person_id = a.person_id ORDER BY e.start_date LIMIT 1) after ON true
  WHERE a.tenant_id = ${tenant} AND a.revoked_on IS NULL`;

const AGGREGATES = sql`count(*)::int AS total, (count(*) FILTER (WHERE individual))::int AS individuals,
  (count(*) FILTER (WHERE individual AND NOT leader))::int AS non_leaders,
  (count(*) FILTER (WHERE individual AND direct_worker))::int AS direct_workers,
  (count(*) FILTER (WHERE female))::int AS women, (count(*) FILTER (WHERE minority))::int AS minorities,
  coalesce(sum(amount), 0)::bigint AS money, (count(*) FILTER (WHERE amount IS NULL))::int AS unpriced`;

interface DirectRow { dim: string; key: string; total: number; individuals: number; non_leaders: number; direct_workers: number; women: number; minorities: number; money: number; unpriced: number }

/**
 * The same figures, counted plainly: an organisation counts under a unit when it is in the unit's
 * subtree, or (existing during the period) when it merged into something that counts under it, or is a
 * sub-unit without a successor of its own of something that does.
 */
async function direct(rootId: string, from: number, to: number, keep: RawBuilder<SqlBool> = sql<SqlBool>`true`): Promise<Map<string, Figures>> {
  const start = `${from}-01-01`;
  const end = `${to}-12-31`;
  const { rows } = await sql<DirectRow>`
    WITH RECURSIVE facts AS (${facts(tenantId)}),
    under (path, unit) AS (
      SELECT o.path, u.id FROM organisations o JOIN organisations u ON u.tenant_id = o.tenant_id AND starts_with(o.path, u.path)
      WHERE o.tenant_id = ${tenantId}
      UNION
      SELECT o.path, under.unit FROM organisations o
      JOIN organisations s ON s.tenant_id = o.tenant_id AND (s.id = o.successor_id OR (s.id = o.parent_id AND o.successor_id IS NULL))
      JOIN under ON under.path = s.path
      WHERE o.tenant_id = ${tenantId} AND o.valid_from <= ${end} AND (o.valid_to IS NULL OR o.valid_to >= ${start})
    ),
    counted AS (
      SELECT f.* FROM facts f WHERE f.year BETWEEN ${from} AND ${to} AND (${keep})
        AND EXISTS (SELECT 1 FROM under WHERE under.path = f.unit_path AND under.unit = ${rootId})
    ),
    listed AS (
      SELECT id FROM organisations WHERE tenant_id = ${tenantId} AND parent_id = ${rootId}
        AND valid_from <= ${end} AND (valid_to IS NULL OR valid_to >= ${start})
    )
    SELECT 'form' AS dim, award_form AS key, ${AGGREGATES} FROM counted GROUP BY award_form
    UNION ALL SELECT 'year', year::text, ${AGGREGATES} FROM counted GROUP BY year
    UNION ALL SELECT 'level', level, ${AGGREGATES} FROM counted GROUP BY level
    UNION ALL SELECT 'category', category, ${AGGREGATES} FROM counted GROUP BY category
    UNION ALL SELECT 'total', '', ${AGGREGATES} FROM counted
    UNION ALL SELECT 'unit', l.id::text, ${AGGREGATES} FROM listed l JOIN under ON under.unit = l.id JOIN counted c ON c.unit_path = under.path GROUP BY l.id
    UNION ALL SELECT 'rest', '', ${AGGREGATES} FROM counted c
      WHERE NOT EXISTS (SELECT 1 FROM listed l JOIN under ON under.unit = l.id WHERE under.path = c.unit_path)`.execute(handle.db);
  return new Map(rows.filter((r) => r.total > 0).map((r) => [`${r.dim}:${r.key}`, {
    total: r.total, individuals: r.individuals, collectives: r.total - r.individuals, nonLeaders: r.non_leaders, directWorkers: r.direct_workers,
    women: r.women, ethnicMinorities: r.minorities, money: Number(r.money), unpriced: r.unpriced,
  }]));
}

const FIGURE_KEYS = ['total', 'individuals', 'collectives', 'nonLeaders', 'directWorkers', 'women', 'ethnicMinorities', 'money', 'unpriced'] as const;
const figures = (f: Figures): Figures => Object.fromEntries(FIGURE_KEYS.map((k) => [k, f[k]])) as unknown as Figures;

/** The report's figures under the same keys (rows with no award left out, as a GROUP BY leaves them out). */
function served(r: StatisticsReport): Map<string, Figures> {
  const out = new Map<string, Figures>();
  const put = (key: string, f: Figures) => { if (f.total > 0) out.set(key, figures(f)); };
  for (const f of r.byForm) put(`form:${f.code}`, f);
  for (const y of r.byYear) put(`year:${y.year}`, y);
  for (const l of r.byLevel) put(`level:${l.level}`, l);
  for (const c of r.byCategory) put(`category:${c.category}`, c);
  put('total:', r.totals);
  for (const u of r.byUnit) put(u.rest ? 'rest:' : `unit:${u.organisation.id}`, u);
  return out;
}

const byKey = (m: Map<string, Figures>) => Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)));

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  await loadDemoDataOnce(handle.db, NOW);
  const db = handle.db;
  const orgs = await db.selectFrom('organisations').select(['id', 'name', 'tenant_id', 'parent_id', 'code']).execute();
  tenantId = orgs[0]!.tenant_id;
  const named = (name: string) => orgs.find((o) => o.name === name)!.id;
  org.province = orgs.find((o) => o.parent_id === null)!.id;
  org.education = named('Sở Giáo dục và Đào tạo');
  org.health = named('Sở Y tế');
  org.districtEducation = named('Phòng Giáo dục và Đào tạo huyện Mường Khoa');
  org.district = named('Ủy ban nhân dân huyện Mường Khoa');
  org.commune = named('Ủy ban nhân dân xã Mường Khoa');
  // the demo loader kept the tallies the statistics read
  expect(await awardTallyDrift(db, tenantId)).toEqual([]);
  // an award annulled by a later decision leaves every figure (written as every writer does: retallied)
  const revoked = await db.selectFrom('awards').select('id').where('award_form', '=', 'chien_si_thi_dua_co_so').where('year', '=', 2022)
    .orderBy('id').limit(1).executeTakeFirstOrThrow();
  await reviseAwards(db, tenantId, { awardIds: [revoked.id] }, { set: { revoked_on: '2023-06-01', revocation_number: '9/QĐ-UBND' } });
  // the 2017 titles were entered from paper without the money paid
  await reviseAwards(db, tenantId, { year: 2017 }, { set: { amount: null } });
  expect(await awardTallyDrift(db, tenantId)).toEqual([]);
  standing = await signIn(app, 'thuongtruc', DEMO_PASSWORD);
  educationOfficer = await signIn(app, 'canbo.sgd', DEMO_PASSWORD);
  individual = await signIn(app, 'canhan', DEMO_PASSWORD);
});
afterAll(async () => { await app.close(); await handle.close(); });

describe('the figures agree with a straightforward count over awards, people and employments', () => {
  it('province-wide over 2017–2026: by form, year, level, category and unit, groups and money', async () => {
    const r = await report(standing, `organisationId=${org.province}&fromYear=2017&toYear=2026`);
    expect(byKey(served(r))).toEqual(byKey(await direct(org.province!, 2017, 2026)));
    // the demo is rich enough for every number to mean something
    for (const k of FIGURE_KEYS) expect(r.totals[k], k).toBeGreaterThan(0);
    expect(r.byYear.map((y) => y.year)).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(r.shares.find((s) => s.key === 'women')).toEqual({ key: 'women', count: r.totals.women, of: r.totals.individuals,
      fraction: Math.round((r.totals.women / r.totals.individuals) * 10_000) / 10_000 });
  });

  it('a department over 2019–2025, with the district education office that merged into it', async () => {
    const r = await report(educationOfficer, `organisationId=${org.education}&fromYear=2019&toYear=2025`);
    expect(byKey(served(r))).toEqual(byKey(await direct(org.education!, 2019, 2025)));
    expect(r.mergedIn.map((m) => m.id)).toEqual([org.districtEducation]);
    expect(r.byUnit.find((u) => u.rest)?.total).toBeGreaterThan(0);
  });

  it('a commune created in 2025, for 2022: the district and communes it took over', async () => {
    const r = await report(standing, `organisationId=${org.commune}&fromYear=2022&toYear=2022`);
    expect(byKey(served(r))).toEqual(byKey(await direct(org.commune!, 2022, 2022)));
    expect(r.totals.total).toBeGreaterThan(0);
    expect(r.mergedIn.map((m) => m.name)).toContain('Ủy ban nhân dân huyện Mường Khoa');
  });

  it('each filter: non-leaders in 2022, women, a level, a category, collectives, two forms', async () => {
    const base = `organisationId=${org.province}&fromYear=2022&toYear=2022`;
    const cases: [string, RawBuilder<SqlBool>][] = [
      ['group=non_leader', sql<SqlBool>`individual AND NOT leader`],
      ['group=direct_worker', sql<SqlBool>`individual AND direct_worker`],
      ['group=female', sql<SqlBool>`female`],
      ['group=ethnic_minority', sql<SqlBool>`minority`],
      ['level=province', sql<SqlBool>`level = 'province'`],
      ['category=title', sql<SqlBool>`category = 'title'`],
      ['recipient=collective', sql<SqlBool>`NOT individual`],
      ['recipient=individual&level=base', sql<SqlBool>`individual AND level = 'base'`],
      ['awardForms=giay_khen,bang_khen_tinh', sql<SqlBool>`award_form IN ('giay_khen', 'bang_khen_tinh')`],
    ];
    for (const [filter, keep] of cases) {
      const r = await report(standing, `${base}&${filter}`);
      expect(byKey(served(r)), filter).toEqual(byKey(await direct(org.province!, 2022, 2022, keep)));
      expect(r.totals.total, filter).toBeGreaterThan(0);
    }
    const nonLeaders = await report(standing, `${base}&group=non_leader`);
    expect(nonLeaders.filter.group).toBe('non_leader');
    expect(nonLeaders.totals.nonLeaders).toBe(nonLeaders.totals.total);
    expect(nonLeaders.totals.collectives).toBe(0);
  });

  it('revoked awards are not counted', async () => {
    const r = await report(standing, `organisationId=${org.province}&fromYear=2022&awardForms=chien_si_thi_dua_co_so`);
    const all = await handle.db.selectFrom('awards').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('award_form', '=', 'chien_si_thi_dua_co_so').where('year', '=', 2022).executeTakeFirstOrThrow();
    expect(r.totals.total).toBe(Number(all.n) - 1);
  });
});

describe('bad input is refused with a clear message, in the user\'s language', () => {
  it('years upside down, a span over 50 years, an unknown form, an unknown level: 400', async () => {
    const base = `organisationId=${org.province}`;
    const upside = await get(standing, `${base}&fromYear=2024&toYear=2020`);
    expect(upside.statusCode).toBe(400);
    expect(upside.json().error).toMatchObject({ code: 'statistics.year_range', message: expect.stringContaining('2024') });
    expect((await get(standing, `${base}&fromYear=2024&toYear=2020`, 'en')).json().error.message).toMatch(/Invalid year range/);
    const span = await get(standing, `${base}&fromYear=1970&toYear=2020`);
    expect(span.statusCode).toBe(400);
    expect(span.json().error.code).toBe('statistics.span');
    expect((await get(standing, `${base}&fromYear=1971&toYear=2020`)).statusCode).toBe(200);
    const form = await get(standing, `${base}&fromYear=2022&awardForms=giay_khen,bang_khen_vu_tru`, 'en');
    expect(form.statusCode).toBe(400);
    expect(form.json().error).toMatchObject({ code: 'statistics.unknown_award_form', message: expect.stringContaining('bang_khen_vu_tru') });
    expect((await get(standing, `${base}&fromYear=2022&level=commune`)).json().error.code).toBe('validation');
    expect((await get(standing, 'fromYear=2022')).statusCode).toBe(400);
    expect((await get(standing, `${base}&fromYear=abc`)).statusCode).toBe(400);
  });
});

describe('scope', () => {
  it('a unit outside my subtree, or that does not exist, is not found; a user without statistics.read is refused', async () => {
    expect((await get(educationOfficer, `organisationId=${org.health}&fromYear=2022`)).statusCode).toBe(404);
    expect((await get(educationOfficer, `organisationId=${org.province}&fromYear=2022`)).statusCode).toBe(404);
    expect((await get(standing, `organisationId=${uuidv7()}&fromYear=2022`)).statusCode).toBe(404);
    expect([403, 404]).toContain((await get(individual, `organisationId=${org.education}&fromYear=2022`)).statusCode);
    const xlsx = await educationOfficer.request({ method: 'GET', url: `/api/statistics.xlsx?organisationId=${org.health}&fromYear=2022` });
    expect(xlsx.statusCode).toBe(404);
  });
});

describe('returned nominations and response punctuality', () => {
  it('returns in the period are grouped by reason, latest first, with the totals', async () => {
    const db = handle.db;
    const batch = uuidv7();
    const now = new Date('2023-05-01T03:00:00Z');
    await db.insertInto('nomination_batches').values({
      tenant_id: tenantId, id: batch, organisation_id: org.education!, receiving_organisation_id: org.province!, movement_id: null,
      award_item_id: null, award_form: 'bang_khen_tinh', kind: 'merit', year: 2022, title: 'Đề nghị tặng Bằng khen năm 2022',
      status: 'returned', forwarded_from_batch_id: null, letter_number: '', submitted_at: now, submitted_by: null, receipt_number: null,
      created_by: null, created_at: now, updated_at: now,
    }).execute();
    const event = (reason: string, at: string, action = 'return') => ({
      tenant_id: tenantId, id: uuidv7(), batch_id: batch, candidate_id: null, action, from_status: 'under_appraisal', to_status: 'returned',
      reason, actor_user_id: null, at: new Date(at),
    });
    await db.insertInto('nomination_events').values([
      event('Thiếu biên bản họp Hội đồng', '2023-03-02T02:00:00Z'),
      event('Thiếu báo cáo thành tích', '2023-04-10T02:00:00Z'),
      event(' Thiếu biên bản họp Hội đồng ', '2023-05-20T02:00:00Z'),
      // 31/12/2023 at 20:00 in Hà Nội is still 2023; 1/1/2024 01:00 there is 2024
      event('Sai mẫu tờ trình', '2023-12-31T13:00:00Z'),
      event('Ngoài kỳ', '2023-12-31T18:00:00Z'),
      event('', '2023-06-01T02:00:00Z', 'accept'),
    ]).execute();
    const r = await report(standing, `organisationId=${org.province}&fromYear=2023`);
    expect(r.returns).toEqual({
      total: 4, candidates: 0, batches: 4, moreReasons: 0,
      reasons: [
        { reason: 'Sai mẫu tờ trình', count: 1, candidates: 0, lastAt: '2023-12-31T13:00:00.000Z' },
        { reason: 'Thiếu biên bản họp Hội đồng', count: 2, candidates: 0, lastAt: '2023-05-20T02:00:00.000Z' },
        { reason: 'Thiếu báo cáo thành tích', count: 1, candidates: 0, lastAt: '2023-04-10T02:00:00.000Z' },
      ],
    });
    // the health department's figures do not see the education department's returns
    expect((await report(standing, `organisationId=${org.health}&fromYear=2023`)).returns.total).toBe(0);
    expect((await report(standing, `organisationId=${org.education}&fromYear=2023`)).returns.total).toBe(4);
  });

  it('response plans and registrations: on time, late or missing, as the movement\'s own tracking shows them', async () => {
    const db = handle.db;
    const campaign = await db.selectFrom('movements').select(['id']).where('document_number', '=', 1086).executeTakeFirstOrThrow();
    const culture = await db.selectFrom('movements').select(['id']).where('document_number', '=', 179).executeTakeFirstOrThrow();
    // the office-culture plan asked for registrations by 25/10/2019: the education department registered on 21/10, home affairs on 28/10
    await db.insertInto('movement_phases').values({
      tenant_id: tenantId, id: uuidv7(), movement_id: culture.id, kind: 'registration', title: 'Đăng ký thi đua', starts_on: null,
      due_on: '2019-10-25', due_from: 'subordinates', outline: null, inherited_from: null, position: 99,
    }).execute();
    const r = await report(standing, `organisationId=${org.province}&fromYear=2019&toYear=2023`);
    for (const id of [campaign.id, culture.id]) {
      const tracked = (await standing.request({ method: 'GET', url: `/api/movements/${id}/responses` })).json() as {
        responsePlanDue: string | null; registrationDue: string | null;
        items: { responsePlan: { state: string; issuedOn: string | null }; registration: { state: string; registeredAt: string | null } }[];
      };
      const m = r.punctuality.movements.find((x) => x.id === id)!;
      const plans = tracked.items.map((i) => i.responsePlan);
      expect(m.plans).toEqual({
        expected: tracked.items.length,
        onTime: plans.filter((p) => p.state === 'done' && p.issuedOn! <= tracked.responsePlanDue!).length,
        late: plans.filter((p) => p.state === 'done' && p.issuedOn! > tracked.responsePlanDue!).length,
        missing: plans.filter((p) => p.state === 'overdue').length, pending: 0,
      });
      if (tracked.registrationDue) {
        const deadline = new Date(`${tracked.registrationDue}T23:59:59.999+07:00`);
        const regs = tracked.items.map((i) => i.registration);
        expect(m.registrations).toEqual({
          expected: tracked.items.length,
          onTime: regs.filter((x) => x.registeredAt && new Date(x.registeredAt) <= deadline).length,
          late: regs.filter((x) => x.registeredAt && new Date(x.registeredAt) > deadline).length,
          missing: regs.filter((x) => x.state === 'overdue').length, pending: 0,
        });
      } else {
        expect(m.registrations).toBeNull();
      }
    }
    const culturePunctuality = r.punctuality.movements.find((x) => x.id === culture.id)!;
    expect(culturePunctuality.registrations).toMatchObject({ onTime: 1, late: 1 });
    const campaignPunctuality = r.punctuality.movements.find((x) => x.id === campaign.id)!;
    expect(campaignPunctuality.plans!.onTime).toBeGreaterThanOrEqual(1);
    expect(campaignPunctuality.plans!.missing).toBeGreaterThanOrEqual(1);
    // the department answers the province: its own response is the only one in its figures
    const education = await report(educationOfficer, `organisationId=${org.education}&fromYear=2019&toYear=2019`);
    expect(education.punctuality.movements.find((x) => x.id === culture.id)?.registrations).toEqual({ expected: 1, onTime: 1, late: 0, missing: 0, pending: 0 });
  });
});

describe('the XLSX file', () => {
  it('holds the page\'s tables, numbers as numbers, under a title naming the unit, the period and the filters', async () => {
    const query = `organisationId=${org.province}&fromYear=2020&toYear=2024&group=non_leader`;
    const r = await report(standing, query);
    const response = await standing.request({ method: 'GET', url: `/api/statistics.xlsx?${query}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Theo hình thức', 'Theo cấp', 'Theo loại', 'Theo năm', 'Theo đơn vị',
      'Hồ sơ bị trả lại', 'Hưởng ứng phong trào']);
    for (const sheet of workbook.worksheets) {
      expect(sheet.getCell('A1').value).toBe('Thống kê khen thưởng — Ủy ban nhân dân tỉnh Sơn Hà — giai đoạn 2020–2024 — chỉ người không giữ chức vụ lãnh đạo');
    }
    const rows = (name: string) => {
      const out: unknown[][] = [];
      workbook.getWorksheet(name)!.eachRow((row, n) => { if (n > 2) out.push((row.values as unknown[]).slice(1)); });
      return out;
    };
    const summary = rows('Tổng hợp');
    expect(summary[0]).toEqual(['Tổng số khen thưởng', r.totals.total]);
    const nonLeaders = summary.find((row) => String(row[0]).startsWith('Người không giữ chức vụ lãnh đạo'))!;
    expect(nonLeaders.slice(1)).toEqual([r.totals.nonLeaders, r.totals.individuals, 1]);
    expect(summary.find((row) => String(row[0]).startsWith('Tiền thưởng'))?.[1]).toBe(r.totals.money);

    const figureCells = (f: Figures) => [f.total, f.individuals, f.collectives, f.nonLeaders, f.directWorkers, f.women, f.ethnicMinorities, f.money, f.unpriced];
    expect(rows('Theo hình thức')).toEqual([
      ...r.byForm.map((f, i) => [i + 1, f.name, f.category === 'title' ? 'Danh hiệu thi đua' : 'Hình thức khen thưởng', expect.any(String), ...figureCells(f)]),
      [undefined, 'Tổng cộng', undefined, undefined, ...figureCells(r.totals)],
    ]);
    expect(rows('Theo năm')).toEqual([...r.byYear.map((y) => [y.year, ...figureCells(y)]), ['Tổng cộng', ...figureCells(r.totals)]]);
    const units = rows('Theo đơn vị');
    expect(units.slice(0, r.byUnit.length).map((u) => u.slice(2))).toEqual(r.byUnit.map(figureCells));
    for (const row of units.slice(0, r.byUnit.length)) for (const cell of row.slice(2)) expect(typeof cell).toBe('number');
  });
});
