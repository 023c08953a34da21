import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Validator } from '@seriousme/openapi-schema-validator';
import { openTestDatabase } from '../../testing/database.ts';
import { startTestApp } from '../../testing/app.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { readMigrations } from '../db/migrate.ts';

let handle: DatabaseHandle;
let app: FastifyInstance;

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
});
afterAll(async () => { await app.close(); await handle.close(); });

describe('the API contract', () => {
  it('GET /api/health reports the database kind and the migration version', async () => {
    const latest = readMigrations().at(-1)!;
    const health = (await app.inject({ method: 'GET', url: '/api/health' })).json();
    expect(health).toMatchObject({ status: 'ok', database: process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite',
      migration: { version: latest.version, name: latest.name } });
  });

  it('GET /api/openapi.json is a valid OpenAPI 3 document with every route and its schemas', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toMatch(/^3\./);
    const routes = app.printRoutes({ commonPrefix: false });
    for (const path of ['/api/people/{id}/employments/{employmentId}', '/api/organisations/tree', '/api/users/{id}/grants', '/api/audit']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    const operations = Object.values(doc.paths as Record<string, Record<string, { responses: object; summary?: string }>>)
      .flatMap((ops) => Object.values(ops));
    expect(operations.length).toBeGreaterThanOrEqual(20);
    for (const op of operations) expect(op.summary, JSON.stringify(op).slice(0, 80)).toBeTruthy();
    expect(routes).toContain('openapi.json');
  });

  it('an unknown API path is a 404 in the user\'s language, not the web app', async () => {
    const vi = await app.inject({ method: 'GET', url: '/api/khong-co' });
    expect(vi.statusCode).toBe(404);
    expect(vi.json().error.message).toBe('Không tìm thấy đường dẫn.');
    const en = await app.inject({ method: 'GET', url: '/api/nothing', headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(en.json().error.message).toBe('The path was not found.');
  });

  it('a malformed JSON body is a 400 with a message, not a crash', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: '{"username": ',
      headers: { 'content-type': 'application/json' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation');
  });

  it('validation messages follow the user\'s language', async () => {
    const vi = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 42 } });
    const en = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 42 }, headers: { 'accept-language': 'en' } });
    expect(vi.statusCode).toBe(400);
    expect(vi.json().error.message).toBe('Dữ liệu gửi lên không hợp lệ.');
    expect(en.json().error.message).toBe('The data sent is not valid.');
    const viIssue = vi.json().error.details.issues.find((i: { path: string }) => i.path === 'username');
    const enIssue = en.json().error.details.issues.find((i: { path: string }) => i.path === 'username');
    expect(viIssue.message).not.toEqual(enIssue.message);
  });
});
