// Benchmark: the people list unfiltered (GET /api/people) on the benchmark province (bench/province.ts), PostgreSQL.
//   npm run bench -- people-list [people=1000000] [runs=40]
// The first page of the whole province, one unit's first page, and a later page, each through the route
// signed in as the province officer beside the bare SQL; the list never counts past 1,000 (platform/paging.ts).
import { openProvince, timePeopleList, type PeopleCase } from './province.ts';

const people = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 40);

const province = await openProvince(people);
try {
  const unit = province.units[7]!;
  const cases: PeopleCase[] = [
    { name: 'whole province, first page', url: 'page=1&pageSize=20', filter: { tokens: [], page: 1, pageSize: 20 } },
    { name: 'one unit, first page', url: `organisationId=${unit.id}`, filter: { tokens: [], prefixes: [unit.path], page: 1, pageSize: 20 } },
    { name: 'whole province, page 25', url: 'page=25&pageSize=20', filter: { tokens: [], page: 25, pageSize: 20 } },
    { name: 'leaders of the province, page 5', url: 'leader=true&page=5', filter: { tokens: [], leader: true, page: 5, pageSize: 20 } },
  ];
  await timePeopleList('people-list', province, cases, runs);
} finally {
  await province.close();
}
