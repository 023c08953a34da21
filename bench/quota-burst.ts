// Benchmark: a burst of quota submissions and everyone else's requests, on PostgreSQL.
//   npm run bench -- quota-burst [burst=50] [rounds=5]
// A tenant shaped like the Sơn La office review (nominations/fixture.testing.ts) with `burst` Giấy khen batches awaiting
// their head, and a province of 1,000 people in the same schema. Each round, the heads submit `burst` batches at the same
// instant (they are serialised per tenant: quotas and receipt numbers) while another officer pages the people list, one
// request after another, until the burst is answered. "app" is that officer's wait during the bursts; "bare" the same
// request when nothing else runs. Unrelated requests should not wait for the burst (the pool is ten connections).
import { signIn, startTestApp } from '../src/testing/app.ts';
import { buildPerson } from '../src/testing/factories.ts';
import { makeName } from '../src/modules/demo/names.ts';
import { Rng } from '../src/modules/demo/random.ts';
import { batchAwaitingHead, buildOfficeReview } from '../src/modules/nominations/fixture.testing.ts';
import { openBenchSchema } from './seed.ts';
import { benchLine, spread, timeRuns } from './report.ts';

const BURST = Number(process.argv[2] ?? 50);
const ROUNDS = Number(process.argv[3] ?? 5);

const bench = await openBenchSchema('bench_quota_burst');
const { handle } = bench;
const { app } = await startTestApp(handle);
try {
  const world = await buildOfficeReview(handle.db);
  const rng = new Rng(16);
  for (let i = 0; i < 1000; i++) {
    const gender = rng.chance(0.5) ? 'female' : 'male';
    await buildPerson(handle.db, world.tenantId, makeName(rng, gender, 'Kinh').fullName,
      [{ organisation: rng.chance(0.5) ? world.sub1 : world.sub2, start: '2015-01-01' }]);
  }
  const head = await signIn(app, 'head.sub1');
  const officer = await signIn(app, 'standing.province');
  const people = async () => {
    const r = await officer.request({ method: 'GET', url: '/api/people?page=3' });
    if (r.statusCode !== 200) throw new Error(`people: ${r.statusCode} ${r.body}`);
  };

  const quiet = await timeRuns(100, people, 10);
  const during: number[] = [];
  const submits: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const batches: string[] = [];
    for (let i = 0; i < BURST; i++) batches.push(await batchAwaitingHead(handle.db, world, round * BURST + i));
    let answered = false;
    const burst = Promise.all(batches.map(async (b) => {
      const t = performance.now();
      const r = await head.request({ method: 'POST', url: `/api/nominations/batches/${b}/submit` });
      if (r.statusCode !== 200) throw new Error(`submit: ${r.statusCode} ${r.body}`);
      submits.push(performance.now() - t);
    })).finally(() => { answered = true; });
    while (!answered) {
      const t = performance.now();
      await people();
      during.push(performance.now() - t);
    }
    await burst;
  }
  console.log(`${ROUNDS} bursts of ${BURST} submissions`);
  console.log(`a submission, in line         ${spread(submits)}`);
  console.log(`people list during the bursts ${spread(during)} (${during.length} requests)`);
  console.log(`people list, quiet            ${spread(quiet)}`);
  benchLine('quota-burst', during, quiet);
} finally {
  await app.close();
  await bench.close();
}
