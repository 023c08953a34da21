// Benchmark: what every request pays for its session, on PostgreSQL.
//   npm run bench -- session [requests=3000] [concurrency=20]
// Builds a throw-away schema with the province of bench/seed.ts and an officer with two role grants, signs in
// through the real route, then times GET /api/auth/me (the session, its grants, and the account's e-mail
// settings) and GET /api/calendar/holidays?year=2026 through the whole Fastify stack, one at a time and as a
// concurrent stream (requests per second), beside the bare SQL of resolving a session.
import { createHash } from 'node:crypto';
import { startTestApp, signIn } from '../src/testing/app.ts';
import { buildUser } from '../src/testing/factories.ts';
import { uuidv7 } from '../src/platform/ids.ts';
import { openBenchSchema, seedProvince, TENANT_ID as tenantId } from './seed.ts';
import { benchLine, spread, timeRuns } from './report.ts';

const REQUESTS = Number(process.argv[2] ?? 3000);
const CONCURRENCY = Number(process.argv[3] ?? 20);

const bench = await openBenchSchema('bench_session');
const { client, handle } = bench;
const { app } = await startTestApp(handle);
try {
  const { root, orgs } = await seedProvince(bench);
  const district = orgs[1]!;
  const built = { id: district.id!, path: district.path!, tenantId, name: district.name! };
  const user = await buildUser(handle.db, tenantId, 'standing_officer', built, { username: 'chuyenvien.snv' });
  await client.query(`INSERT INTO role_grants (tenant_id, id, user_id, role, organisation_id, granted_by, created_at)
    VALUES ($1, $2, $3, 'unit_officer', $4, NULL, now())`, [tenantId, uuidv7(), user.id, root.id]);
  const session = await signIn(app, 'chuyenvien.snv');
  const tokenHash = createHash('sha256').update(decodeURIComponent(session.cookie.split('=')[1]!)).digest('hex');

  const get = (url: string) => async () => {
    const r = await session.request({ method: 'GET', url });
    if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
  };
  const me = await timeRuns(500, get('/api/auth/me'), 50);
  const calendar = await timeRuns(500, get('/api/calendar/holidays?year=2026'), 50);
  // the bare SQL: the one statement that resolves a session with its account and grants
  const bare = await timeRuns(500, () => client.query(`SELECT s.csrf_token, s.expires_at, u.id, u.tenant_id, u.username, g.role, o.path
    FROM sessions s JOIN users u ON u.id = s.user_id
    LEFT JOIN role_grants g ON g.user_id = u.id AND g.tenant_id = u.tenant_id AND g.revoked_at IS NULL
    LEFT JOIN organisations o ON o.tenant_id = g.tenant_id AND o.id = g.organisation_id
    WHERE s.token_hash = $1 ORDER BY o.path`, [tokenHash]), 50);

  // requests per second with CONCURRENCY in flight
  for (const url of ['/api/auth/me', '/api/calendar/holidays?year=2026']) {
    let next = 0;
    const t = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < REQUESTS) await get(url)();
    }));
    console.log(`${url}: ${Math.round(REQUESTS / ((performance.now() - t) / 1000))} requests/s with ${CONCURRENCY} in flight`);
  }
  console.log(`GET /api/auth/me            ${spread(me)}`);
  console.log(`GET /api/calendar/holidays  ${spread(calendar)}`);
  console.log(`bare session SQL            ${spread(bare)}`);
  benchLine('session', me, bare);
} finally {
  await app.close();
  await bench.close();
}
