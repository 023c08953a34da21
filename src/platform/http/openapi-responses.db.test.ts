import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { startTestApp } from '../../testing/app.ts';
import type { DatabaseHandle } from '../db/database.ts';

let handle: DatabaseHandle;
let app: FastifyInstance;

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
});
afterAll(async () => { await app.close(); await handle.close(); });

interface Response { description?: string; content?: Record<string, { schema?: object }> }

describe('every operation says what it answers', () => {
  it('each operation in /api/openapi.json declares a success response: a schema per content type, 204, or a 302 redirect', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const undeclared: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths as Record<string, Record<string, { responses?: Record<string, Response> }>>)) {
      for (const [method, operation] of Object.entries(operations)) {
        const successes = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
        const redirects = Object.keys(operation.responses ?? {}).includes('302');
        const declared = redirects || successes.some(([status, response]) => status === '204'
          || Object.values(response.content ?? {}).some((media) => media.schema !== undefined));
        if (!declared) undeclared.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(undeclared, 'routes without a response schema (add `response` to the route\'s schema; files: fileResponse, 204: noContent)').toEqual([]);
  });
});
