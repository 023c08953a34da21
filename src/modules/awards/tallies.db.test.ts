import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql, type SqlBool } from 'kysely';
import { openTestDatabase } from '../../testing/database.ts';
import { buildPerson, buildSonHaProvince, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { backfillAwardRecipients } from './recipient.ts';
import { awardTallyDrift, rebuildAwardTallies, retallyAwards } from './tallies.ts';

/**
 * The statistics read the award tallies (migrations/0018), not the awards: every way an award is
 * written, through the routes officers use, must leave the tallies equal to a count over the awards.
 */
let handle: DatabaseHandle;
let app: FastifyInstance;
let tenantId: string;
let province: BuiltOrganisation, school: BuiltOrganisation, health: BuiltOrganisation;
let standing: Session;
let an: string, binh: string;

async function award(body: Record<string, unknown>) {
  const response = await standing.request({ method: 'POST', url: '/api/records/awards', payload: { basis: 'merit', ...body } });
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as { id: string }).id;
}

/** The tally rows of a scope and year, as { path|form: awards }, zero rows left out. */
async function tallied(scope: string, year: number) {
  const rows = await handle.db.selectFrom('award_tallies').select(['recipient_path', 'award_form', 'awards', 'money'])
    .where('tenant_id', '=', tenantId).where('scope', '=', scope as 'all').where('year', '=', year).where('awards', '<>', 0).execute();
  return Object.fromEntries(rows.map((r) => [`${r.recipient_path}|${r.award_form}`, r.awards]));
}

const noDrift = async () => expect(await awardTallyDrift(handle.db, tenantId)).toEqual([]);

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  const db = handle.db;
  ({ tenantId, province, school, health } = await buildSonHaProvince(db));
  an = (await buildPerson(db, tenantId, 'Nguyễn Văn An', [{ organisation: school, position: 'Giáo viên' }])).id;
  binh = (await buildPerson(db, tenantId, 'Lò Thị Bình', [{ organisation: health, position: 'Trưởng khoa', isLeader: true }],
    { gender: 'female', ethnicity: 'Thái' })).id;
  await buildUser(db, tenantId, 'standing_officer', province, { username: 'thuongtruc' });
  await buildUser(db, tenantId, 'system_admin', province, { username: 'quantri' });
  standing = await signIn(app, 'thuongtruc');
});
afterAll(async () => { await app.close(); await handle.close(); });

describe('the award tallies follow every writer of awards', () => {
  it('an award recorded counts in all, in its kind and in each group its recipient is in', async () => {
    await award({ personId: binh, awardForm: 'giay_khen', year: 2023, decisionNumber: '7/QĐ-SYT', decidedOn: '2024-01-20', decidedBy: 'Giám đốc Sở Y tế' });
    await award({ organisationId: school.id, awardForm: 'tap_the_lao_dong_tien_tien', year: 2023, decisionNumber: '12/QĐ-SGDĐT', decidedOn: '2024-01-15' });
    const binhAt = `${health.path}|giay_khen`;
    expect(await tallied('all', 2023)).toEqual({ [binhAt]: 1, [`${school.path}|tap_the_lao_dong_tien_tien`]: 1 });
    expect(await tallied('individual', 2023)).toEqual({ [binhAt]: 1 });
    expect(await tallied('collective', 2023)).toEqual({ [`${school.path}|tap_the_lao_dong_tien_tien`]: 1 });
    expect(await tallied('female', 2023)).toEqual({ [binhAt]: 1 });
    expect(await tallied('ethnic_minority', 2023)).toEqual({ [binhAt]: 1 });
    // a head of department: a leader, not a direct worker
    expect(await tallied('non_leader', 2023)).toEqual({});
    expect(await tallied('direct_worker', 2023)).toEqual({});
    const row = await handle.db.selectFrom('award_tallies').selectAll().where('tenant_id', '=', tenantId)
      .where('scope', '=', 'all').where('year', '=', 2023).where('recipient_path', '=', health.path).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ awards: 1, individuals: 1, non_leaders: 0, direct_workers: 0, women: 1, ethnic_minorities: 1 });
    await noDrift();
  });

  it('a correction of the person or of their posts moves their awards between groups', async () => {
    await award({ personId: an, awardForm: 'lao_dong_tien_tien', year: 2022, decisionNumber: '3/QĐ-SGDĐT', decidedOn: '2023-01-10' });
    expect(await tallied('direct_worker', 2022)).toEqual({ [`${school.path}|lao_dong_tien_tien`]: 1 });
    expect(await tallied('female', 2022)).toEqual({});
    const patch = await standing.request({ method: 'PATCH', url: `/api/people/${an}`, payload: { gender: 'female', ethnicity: 'Tày' } });
    expect(patch.statusCode, patch.body).toBe(200);
    expect(await tallied('female', 2022)).toEqual({ [`${school.path}|lao_dong_tien_tien`]: 1 });
    expect(await tallied('ethnic_minority', 2022)).toEqual({ [`${school.path}|lao_dong_tien_tien`]: 1 });
    // the teaching post was in fact the school's deputy headship: a leader on the decision day
    const person = (await standing.request({ method: 'GET', url: `/api/people/${an}` })).json();
    const post = await standing.request({ method: 'PATCH', url: `/api/people/${an}/employments/${person.employments[0].id}`,
      payload: { position: 'Phó Hiệu trưởng', isLeader: true } });
    expect(post.statusCode, post.body).toBe(200);
    expect(await tallied('non_leader', 2022)).toEqual({});
    expect(await tallied('direct_worker', 2022)).toEqual({});
    expect(await tallied('all', 2022)).toEqual({ [`${school.path}|lao_dong_tien_tien`]: 1 });
    await noDrift();
  });

  it('a revoked award and a deleted record leave every tally', async () => {
    const revoked = await award({ personId: binh, awardForm: 'bang_khen_tinh', year: 2024, decisionNumber: '45/QĐ-UBND', decidedOn: '2025-02-10' });
    const mistaken = await award({ personId: binh, awardForm: 'giay_khen', year: 2024, decisionNumber: '46/QĐ-UBND', decidedOn: '2025-02-10' });
    expect(Object.keys(await tallied('all', 2024))).toHaveLength(2);
    const r = await standing.request({ method: 'POST', url: `/api/awards/${revoked}/revocation`, payload: {
      decisionNumber: '88/QĐ-UBND', decidedOn: '2026-10-05', decidedBy: 'Chủ tịch UBND tỉnh Sơn Hà', reason: 'Kê khai thành tích không trung thực' } });
    expect(r.statusCode, r.body).toBe(201);
    expect(await tallied('all', 2024)).toEqual({ [`${health.path}|giay_khen`]: 1 });
    const d = await standing.request({ method: 'DELETE', url: `/api/records/awards/${mistaken}` });
    expect(d.statusCode, d.body).toBeLessThan(300);
    expect(await tallied('all', 2024)).toEqual({});
    expect(await tallied('female', 2024)).toEqual({});
    await noDrift();
  });

  it('a moved subtree takes its awards\' tallies to its new path', async () => {
    const admin = await signIn(app, 'quantri');
    const moved = await admin.request({ method: 'PATCH', url: `/api/organisations/${school.id}`, payload: { parentId: province.id } });
    expect(moved.statusCode, moved.body).toBe(200);
    const newPath = `${province.path}${school.id}/`;
    expect(await tallied('collective', 2023)).toEqual({ [`${newPath}|tap_the_lao_dong_tien_tien`]: 1 });
    expect(await tallied('all', 2022)).toEqual({ [`${newPath}|lao_dong_tien_tien`]: 1 });
    await noDrift();
  });

  it('awards written directly are tallied by the start-up backfill; a rebuild changes nothing', async () => {
    const id = uuidv7();
    await handle.db.insertInto('awards').values({
      tenant_id: tenantId, id, person_id: binh, organisation_id: null, award_form: 'giay_khen', year: 2018, basis: 'merit', movement_id: null,
      reason: '', decision_number: '1/QĐ-SYT', decided_on: '2018-12-20', decided_by: '', revoked_on: null, revocation_number: null,
      created_by: null, created_at: new Date(), updated_at: new Date(), amount: 447_000,
    }).execute();
    // no path yet: in no tally, and nothing to drift from
    expect(await tallied('all', 2018)).toEqual({});
    await noDrift();
    expect(await backfillAwardRecipients(handle.db)).toBe(1);
    const row = await handle.db.selectFrom('award_tallies').select(['awards', 'money', 'priced']).where('tenant_id', '=', tenantId)
      .where('scope', '=', 'female').where('year', '=', 2018).executeTakeFirstOrThrow();
    expect(row).toEqual({ awards: 1, money: 447_000, priced: 1 });
    const before = await handle.db.selectFrom('award_tallies').selectAll().where('tenant_id', '=', tenantId).where('awards', '<>', 0)
      .orderBy('scope').orderBy('year').orderBy('recipient_path').orderBy('award_form').execute();
    await rebuildAwardTallies(handle.db, tenantId);
    const after = await handle.db.selectFrom('award_tallies').selectAll().where('tenant_id', '=', tenantId)
      .orderBy('scope').orderBy('year').orderBy('recipient_path').orderBy('award_form').execute();
    expect(after).toEqual(before);
  });

  it('two writers of the same award at once leave the tallies right (the second waits for the first)', async () => {
    const some = await handle.db.selectFrom('awards').select('id').where('tenant_id', '=', tenantId).where('revoked_on', 'is', null)
      .where('recipient_path', 'is not', null).orderBy('id').limit(1).executeTakeFirstOrThrow();
    const write = (amount: number) => retallyAwards(handle.db, tenantId, sql<SqlBool>`a.id = ${some.id}`, async (trx) => {
      await trx.updateTable('awards').set({ amount }).where('id', '=', some.id).execute();
      await sql`SELECT pg_sleep(0.2)`.execute(trx);
    });
    await Promise.all([write(1_490_000), write(2_340_000)]);
    await noDrift();
  });

  it('the drift check sees a write that bypassed the tallies, and a write rolled back leaves them as they were', async () => {
    const some = await handle.db.selectFrom('awards').select('id').where('tenant_id', '=', tenantId).where('revoked_on', 'is', null)
      .orderBy('id').limit(1).executeTakeFirstOrThrow();
    await expect(retallyAwards(handle.db, tenantId, sql<SqlBool>`a.id = ${some.id}`, async (trx) => {
      await trx.updateTable('awards').set({ amount: 1 }).where('id', '=', some.id).execute();
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    await noDrift();
    await handle.db.updateTable('awards').set({ amount: 1 }).where('id', '=', some.id).execute();
    expect(await awardTallyDrift(handle.db, tenantId)).not.toEqual([]);
    await rebuildAwardTallies(handle.db, tenantId);
    await noDrift();
  });
});
