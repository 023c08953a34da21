import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../testing/database.ts';
import { startTestApp } from '../../testing/app.ts';

describe('health for a supervisor and a load balancer', () => {
  it('is alive and ready on a migrated database; when the database is gone it is still alive but not ready (503)', async () => {
    const handle = await openTestDatabase();
    const { app } = await startTestApp(handle);
    try {
      expect((await app.inject({ method: 'GET', url: '/api/health/live' })).json()).toEqual({ status: 'ok' });
      expect((await app.inject({ method: 'GET', url: '/api/health/ready' })).json()).toEqual({ status: 'ok' });
      expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({ status: 'ok', migration: { version: expect.any(Number) } });

      await handle.close();
      const live = await app.inject({ method: 'GET', url: '/api/health/live' });
      expect(live.statusCode).toBe(200);
      const ready = await app.inject({ method: 'GET', url: '/api/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ status: 'not_ready', reason: expect.any(String) });
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(503);
    } finally {
      await app.close();
    }
  });
});
