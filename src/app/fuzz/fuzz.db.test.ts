import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildPerson, buildTenant, buildUser } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import type { Role } from '../../platform/db/schema.ts';
import { valueFor, type JsonSchema, type KnownIds } from './arbitraries.ts';

/**
 * Every operation of /api/openapi.json called with requests fast-check makes from its own schemas — mostly
 * well-formed (they reach the services and the database), sometimes hostile — as an administrator and as a unit
 * officer. No answer may be a 5xx. Bounded by a fixed number of requests per operation and a fixed seed, so the
 * run is the same every time; a failure prints the request that caused it.
 */
const REQUESTS_PER_OPERATION = 8;
const SEED = 20261207;
// signing out would end the session the rest of the run uses; the password form would change its password
const SKIPPED = new Set(['POST /api/auth/logout', 'POST /api/auth/me/password']);

interface Parameter { name: string; in: 'path' | 'query' | 'header' | 'cookie'; required?: boolean; schema?: JsonSchema }
interface Operation { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }

let handle: DatabaseHandle;
let app: FastifyInstance;
const sessions = new Map<Role, Session>();
const usernames = new Map<Role, string>();
let ids: KnownIds;

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  const db = handle.db;
  const tenantId = (await buildTenant(db)).id;
  const province = await buildOrganisation(db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn Hà' });
  const department = await buildOrganisation(db, tenantId, province, { name: 'Sở Nội vụ' });
  const commune = await buildOrganisation(db, tenantId, province, { name: 'Ủy ban nhân dân xã Tân Hòa', level: 'commune' });
  const person = await buildPerson(db, tenantId, 'Nguyễn Thị Hồng Nhung', [{ organisation: department }]);
  const admin = await buildUser(db, tenantId, 'system_admin', province, { username: 'fuzz.quantri' });
  const officer = await buildUser(db, tenantId, 'unit_officer', department, { username: 'fuzz.canbo' });
  usernames.set('system_admin', 'fuzz.quantri').set('unit_officer', 'fuzz.canbo');
  for (const [role, username] of usernames) sessions.set(role, await signIn(app, username));
  ids = { uuids: [province.id, department.id, commune.id, person.id, admin.id, officer.id] };
}, 120_000);
afterAll(async () => { await app.close(); await handle.close(); });

function urlFor(path: string, op: Operation, values: Record<string, unknown>): string {
  let url = path;
  const query = new URLSearchParams();
  for (const p of op.parameters ?? []) {
    const value = values[`${p.in}:${p.name}`];
    if (value === undefined) continue;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(text || 'x'));
    else if (p.in === 'query') query.set(p.name, text);
  }
  const search = query.toString();
  return search ? `${url}?${search}` : url;
}

function requestArbitrary(op: Operation) {
  const parameters = Object.fromEntries((op.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query')
    .map((p) => [`${p.in}:${p.name}`, p.required || p.in === 'path' ? valueFor(p.schema, ids) : fc.option(valueFor(p.schema, ids), { nil: undefined })]));
  const bodySchema = op.requestBody?.content?.['application/json']?.schema;
  return fc.record({ parameters: fc.record(parameters), body: bodySchema ? valueFor(bodySchema, ids) : fc.constant(undefined) });
}

describe('the API under generated requests', () => {
  it('answers every operation without a 5xx', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, Operation>> };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops)
      .map(([method, op]) => ({ method: method.toUpperCase(), path, op })))
      .filter((o) => !SKIPPED.has(`${o.method} ${o.path}`));
    expect(operations.length).toBeGreaterThan(100);

    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;
    for (const [index, { method, path, op }] of operations.entries()) {
      const samples = fc.sample(requestArbitrary(op), { numRuns: REQUESTS_PER_OPERATION, seed: SEED + index });
      for (const [n, sample] of samples.entries()) {
        const role: Role = n % 2 === 0 ? 'system_admin' : 'unit_officer';
        const url = urlFor(path, op, sample.parameters);
        const call = { method: method as 'GET', url, ...(sample.body !== undefined && { payload: sample.body as object }) };
        let response = await sessions.get(role)!.request(call);
        if (response.statusCode === 401) {
          // a generated call may have ended or disabled the session: sign in again and repeat it once
          sessions.set(role, await signIn(app, usernames.get(role)!));
          response = await sessions.get(role)!.request(call);
        }
        sent += 1;
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        if (response.statusCode >= 500) {
          failures.push(`${response.statusCode} ${method} ${url} as ${role}\n  body: ${JSON.stringify(sample.body)?.slice(0, 600)}\n  answer: ${response.body.slice(0, 300)}`);
        }
      }
    }
    const summary = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, c]) => `${s}×${c}`).join(' ');
    console.log(`fuzz: ${sent} requests over ${operations.length} operations; ${failures.length} × 5xx; statuses ${summary}`);
    expect(failures, failures.join('\n')).toEqual([]);
    expect(sent).toBe(operations.length * REQUESTS_PER_OPERATION);
  }, 600_000);
});
