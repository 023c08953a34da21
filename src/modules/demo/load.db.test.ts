import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { signIn, startTestApp } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { loadDemoDataOnce } from './load.ts';
import { buildDemoProvince, DEMO_PASSWORD } from './demo-data.ts';

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
