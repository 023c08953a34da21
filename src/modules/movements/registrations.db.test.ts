import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { buildOfficeReview, type OfficeReview } from '../nominations/fixture.testing.ts';

/**
 * Issue 17.7: a sub-unit of the provincial Office registers (đăng ký thi đua) for the Office's movement by name — the
 * people who aim for Lao động tiên tiến, the collective for Tập thể lao động tiên tiến — and its head approves it.
 */
let handle: DatabaseHandle;
let app: FastifyInstance;
let world: OfficeReview;
let officer: Session;
let head: Session;
let otherOfficer: Session;

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  world = await buildOfficeReview(handle.db);
  officer = await signIn(app, 'officer.sub1');
  head = await signIn(app, 'head.sub1');
  otherOfficer = await signIn(app, 'officer.other');
});
afterAll(async () => { await app.close(); await handle.close(); });

const register = (session: Session, titles: unknown[]) => session.request({ method: 'POST', url: `/api/movements/${world.movementId}/registrations`,
  payload: { organisationId: world.sub1.id, titles, commitments: 'Không có cán bộ vi phạm văn hóa công sở.' } });
const registrations = async (session: Session) =>
  (await session.request({ method: 'GET', url: `/api/movements/${world.movementId}/registrations` })).json().items as {
    status: string; canApprove: boolean;
    titles: { awardForm: string; individuals?: number; collectives?: number; people: { name: string }[]; collectivesNamed: { name: string }[] }[];
  }[];
const approve = (session: Session) => session.request({ method: 'POST', url: `/api/movements/${world.movementId}/registrations/${world.sub1.id}/approve` });

describe('a registration by name', () => {
  it('names the people and the collective per title; the counts are theirs; it waits for the head', async () => {
    const r = await register(officer, [
      { awardForm: 'lao_dong_tien_tien', personIds: [world.people.an, world.people.binh] },
      { awardForm: 'tap_the_lao_dong_tien_tien', organisationIds: [world.sub1.id] },
      { awardForm: 'chien_si_thi_dua_co_so', individuals: 1 },
    ]);
    expect(r.statusCode, r.body).toBe(201);
    const [mine] = await registrations(officer);
    expect(mine).toMatchObject({ status: 'awaiting_head', canApprove: false });
    expect(mine!.titles[0]).toMatchObject({ awardForm: 'lao_dong_tien_tien', individuals: 2, collectives: 0 });
    expect(mine!.titles[0]!.people.map((p) => p.name)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình']);
    expect(mine!.titles[1]!.collectivesNamed.map((p) => p.name)).toEqual(['Phòng Kinh tế']);
    expect(mine!.titles[2]).toMatchObject({ individuals: 1, people: [] });
  });

  it('someone of another unit cannot be named (422, nothing changed), nor anyone twice for one title', async () => {
    const r = await register(officer, [{ awardForm: 'lao_dong_tien_tien', personIds: [world.people.an, world.people.dung] }]);
    expect(r.statusCode, r.body).toBe(422);
    expect(r.json().error.code).toBe('movement.registration_out_of_reach');
    const twice = await register(officer, [{ awardForm: 'lao_dong_tien_tien', personIds: [world.people.an] }, { awardForm: 'lao_dong_tien_tien', personIds: [world.people.an] }]);
    expect(twice.statusCode, twice.body).toBe(422);
    const [mine] = await registrations(officer);
    expect(mine!.titles[0]!.people).toHaveLength(2);
    const outsider = await otherOfficer.request({ method: 'POST', url: `/api/movements/${world.movementId}/registrations`,
      payload: { organisationId: world.sub1.id, titles: [], commitments: '' } });
    expect([403, 404]).toContain(outsider.statusCode);
  });

  it('the officer cannot approve it; the head does, once; a later change waits for the head again', async () => {
    expect((await approve(officer)).statusCode).toBe(403);
    const bell = (await head.request({ method: 'GET', url: '/api/notifications' })).json();
    expect(bell.items.find((n: { topic: string }) => n.topic === 'registration_awaiting_head'))
      .toMatchObject({ entityType: 'movement', entityId: world.movementId, params: { unit: 'Phòng Kinh tế' } });
    const [seen] = await registrations(head);
    expect(seen!.canApprove).toBe(true);
    const r = await approve(head);
    expect(r.statusCode, r.body).toBe(204);
    expect((await registrations(officer))[0]).toMatchObject({ status: 'approved' });
    expect((await approve(head)).statusCode).toBe(409);
    const audit = await handle.db.selectFrom('audit_log').select('action').where('tenant_id', '=', world.tenantId)
      .where('action', 'in', ['movement.register', 'movement.registration_approve']).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['movement.register', 'movement.registration_approve']);
    const again = await register(officer, [{ awardForm: 'lao_dong_tien_tien', personIds: [world.people.cuong] }]);
    expect(again.statusCode, again.body).toBe(201);
    const [changed] = await registrations(officer);
    expect(changed).toMatchObject({ status: 'awaiting_head' });
    expect(changed!.titles).toHaveLength(1);
    expect(changed!.titles[0]!.people.map((p) => p.name)).toEqual(['Lê Văn Cường']);
  });
});
