import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { uuidv7 } from '../ids.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { openTestDatabase } from '../../testing/database.ts';
import { installErrorHandling } from './errors.ts';

// Two writers that pass a route's own checks at once are stopped by the database (a unique key, crossed
// locks, a serialisation failure). The refusal is real here: the database raises it inside a transaction.
let handle: DatabaseHandle;
let app: FastifyInstance;

beforeAll(async () => {
  handle = await openTestDatabase();
  await handle.db.insertInto('tenants').values({ id: uuidv7(), code: 'son-ha', name: 'Tỉnh Sơn Hà', kind: 'province' }).execute();
  app = Fastify();
  installErrorHandling(app);
  app.post('/ghi/:state', async (request) => {
    const { state } = request.params as { state: string };
    await handle.db.transaction().execute(async (trx) => {
      await trx.insertInto('tenants').values({ id: uuidv7(), code: `moi-${state}`, name: 'Tỉnh mới', kind: 'province' }).execute();
      if (state === 'trung') {
        await trx.insertInto('tenants').values({ id: uuidv7(), code: 'son-ha', name: 'Tỉnh Sơn Hà', kind: 'province' }).execute();
      } else {
        await sql`DO $$ BEGIN RAISE EXCEPTION 'crossed locks' USING ERRCODE = ${sql.raw(`'${state}'`)}; END $$`.execute(trx);
      }
    });
    return { ok: true };
  });
  await app.ready();
});
afterAll(async () => { await app.close(); await handle.close(); });

describe('a write the database refuses for a concurrent writer', () => {
  it('is a 409 in the user\'s language that says nothing was saved, not a 500, and writes nothing', async () => {
    const cases = [
      { state: 'trung', code: 'concurrent.duplicate', vi: 'Một người khác vừa ghi cùng dữ liệu này' },
      { state: '40P01', code: 'concurrent.retry', vi: 'Dữ liệu của bạn chưa được ghi; vui lòng thử lại.' },
      { state: '40001', code: 'concurrent.retry', vi: 'Dữ liệu của bạn chưa được ghi; vui lòng thử lại.' },
      { state: '55P03', code: 'concurrent.retry', vi: 'Dữ liệu của bạn chưa được ghi; vui lòng thử lại.' },
    ];
    for (const { state, code, vi } of cases) {
      const response = await app.inject({ method: 'POST', url: `/ghi/${state}`, headers: { 'accept-language': 'vi' } });
      expect(response.statusCode, state).toBe(409);
      expect(response.json().error.code).toBe(code);
      expect(response.json().error.message).toContain(vi);
      const written = await handle.db.selectFrom('tenants').select('id').where('code', '=', `moi-${state}`).execute();
      expect(written, state).toHaveLength(0);
    }
  });

  it('any other database fault is still a 500 that names nothing internal', async () => {
    const response = await app.inject({ method: 'POST', url: '/ghi/XX000' });
    expect(response.statusCode).toBe(500);
    expect(response.json().error.code).toBe('internal');
    expect(response.body).not.toContain('crossed locks');
  });
});
