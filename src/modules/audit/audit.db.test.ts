import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildPerson, buildTenant, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';

let handle: DatabaseHandle;
let app: FastifyInstance;
let province: BuiltOrganisation, finance: BuiltOrganisation, health: BuiltOrganisation;
let admin: Session, financeStanding: Session;
let personId: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  const tenantId = (await buildTenant(handle.db)).id;
  province = await buildOrganisation(handle.db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn Hà' });
  finance = await buildOrganisation(handle.db, tenantId, province, { name: 'Sở Tài chính' });
  health = await buildOrganisation(handle.db, tenantId, province, { name: 'Sở Y tế' });
  personId = (await buildPerson(handle.db, tenantId, 'Bùi Thị Hằng', [{ organisation: finance }], { gender: 'female' })).id;
  await buildUser(handle.db, tenantId, 'system_admin', province, { username: 'qt' });
  await buildUser(handle.db, tenantId, 'standing_officer', finance, { username: 'tt.stc' });
  admin = await signIn(app, 'qt');
  financeStanding = await signIn(app, 'tt.stc');
});
afterAll(async () => { await app.close(); await handle.close(); });

const entries = async (session: Session, query = '') =>
  (await session.request({ method: 'GET', url: `/api/audit?${query}` })).json() as {
    items: { id: string; action: string; entityType: string; entityId: string; actor: { displayName: string } | null; changes: Record<string, unknown> }[];
    nextBefore: string | null;
  };

describe('the audit log', () => {
  it('records who changed what, with the values before and after', async () => {
    await admin.request({ method: 'PATCH', url: `/api/people/${personId}`, payload: { birthYear: 1984 } });
    const [latest] = (await entries(admin, 'entityType=person')).items;
    expect(latest).toMatchObject({ action: 'person.update', entityId: personId, actor: { displayName: 'Người dùng qt' } });
    expect(latest!.changes).toEqual({ birthYear: [1980, 1984] });
  });

  it('a standing officer of a department sees the log of their department only', async () => {
    await admin.request({ method: 'PATCH', url: `/api/organisations/${health.id}`, payload: { shortName: 'SYT' } });
    await admin.request({ method: 'PATCH', url: `/api/organisations/${finance.id}`, payload: { shortName: 'STC' } });
    const seen = (await entries(financeStanding)).items;
    expect(seen.map((e) => e.entityId)).toContain(finance.id);
    expect(seen.map((e) => e.entityId)).not.toContain(health.id);
    expect(seen.some((e) => e.action.startsWith('auth.'))).toBe(false);
  });

  it('pages newest first with a cursor, without repeating or skipping entries', async () => {
    for (let i = 0; i < 5; i++) await admin.request({ method: 'PATCH', url: `/api/organisations/${health.id}`, payload: { shortName: `SYT${i}` } });
    const all = (await entries(admin, 'limit=200')).items.map((e) => e.id);
    const first = await entries(admin, 'limit=3');
    const second = await entries(admin, `limit=3&before=${first.nextBefore}`);
    expect([...first.items, ...second.items].map((e) => e.id)).toEqual(all.slice(0, 6));
  });

  it('a refused write leaves no audit entry', async () => {
    const before = (await entries(admin, 'limit=200')).items.length;
    const refused = await financeStanding.request({ method: 'PATCH', url: `/api/organisations/${health.id}`, payload: { shortName: 'X' } });
    expect(refused.statusCode).toBe(404);
    expect((await entries(admin, 'limit=200')).items.length).toBe(before);
  });
});
