import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type DatabaseHandle } from './database.ts';
import { migrate } from './migrate.ts';
import { startTestApp } from '../../testing/app.ts';

let handle: DatabaseHandle;
let app: FastifyInstance;

beforeAll(async () => {
  handle = await openDatabase({ pgliteDir: 'memory://', acquireTimeoutMs: 300 });
  await migrate(handle.db);
  ({ app } = await startTestApp(handle));
});
afterAll(async () => { await app.close(); await handle.close(); });

describe('single-office mode (PGlite, one connection)', () => {
  it('a request that cannot get the connection in time is told the office is busy, in Vietnamese', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    // a long transaction holds the only connection
    const transaction = handle.db.transaction().execute(async () => { await held; });
    try {
      // any call that needs the database (the health check answers its own 'not ready' instead)
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'canbo', password: 'mat-khau-bat-ky' } });
      expect(response.statusCode).toBe(503);
      expect(response.json().error).toMatchObject({ code: 'busy' });
      expect(response.json().error.message).toContain('đang bận');
    } finally {
      release();
      await transaction;
    }
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});
