import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildTenant, buildUser } from '../../testing/factories.ts';
import { uuidv7 } from '../ids.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { createSession, resumeSession } from './sessions.ts';

/** Counts the statements sent through a Kysely instance (a plugin sees every query it compiles). */
class StatementCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs) { this.count++; return args.node; }
  async transformResult(args: PluginTransformResultArgs) { return args.result; }
}

const POLICY = { idleMinutes: 30, maxHours: 12 };

describe('resuming a session', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => { handle = await openTestDatabase(); });
  afterAll(async () => { await handle.close(); });

  it('reads the session, its account and every live grant in one statement', async () => {
    const db = handle.db;
    const tenant = await buildTenant(db);
    const province = await buildOrganisation(db, tenant.id, null, { name: 'UBND tỉnh Sơn Hà' });
    const school = await buildOrganisation(db, tenant.id, province, { name: 'Trường THPT Chu Văn An' });
    const user = await buildUser(db, tenant.id, 'unit_officer', school);
    // a second live grant, and a revoked one that must not come back
    await db.insertInto('role_grants').values([
      { tenant_id: tenant.id, id: uuidv7(), user_id: user.id, role: 'unit_head', organisation_id: province.id, granted_by: null, created_at: new Date() },
      { tenant_id: tenant.id, id: uuidv7(), user_id: user.id, role: 'system_admin', organisation_id: province.id, granted_by: null, created_at: new Date(), revoked_at: new Date() },
    ]).execute();
    const now = new Date();
    const { token } = await createSession(db, user.id, now, POLICY);

    const counter = new StatementCounter();
    const session = await resumeSession(db.withPlugin(counter), token, now, POLICY);
    expect(counter.count).toBe(1);
    expect(session?.actor.grants.map((g) => [g.role, g.organisationName])).toEqual([
      ['unit_head', 'UBND tỉnh Sơn Hà'], ['unit_officer', 'Trường THPT Chu Văn An'],
    ]);
    expect(session?.actor.username).toBe(user.username);
  });

  it('ends the session of an account whose last grant was revoked, and of an unknown token finds nothing', async () => {
    const db = handle.db;
    const tenant = await buildTenant(db);
    const unit = await buildOrganisation(db, tenant.id, null);
    const user = await buildUser(db, tenant.id, 'unit_officer', unit);
    const now = new Date();
    const { token } = await createSession(db, user.id, now, POLICY);
    await db.updateTable('role_grants').set({ revoked_at: now }).where('user_id', '=', user.id).execute();
    expect(await resumeSession(db, token, now, POLICY)).toBeNull();
    const left = await db.selectFrom('sessions').select('token_hash').where('user_id', '=', user.id).execute();
    expect(left).toEqual([]);
    expect(await resumeSession(db, 'no-such-token', now, POLICY)).toBeNull();
  });
});
