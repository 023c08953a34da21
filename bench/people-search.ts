// Benchmark: the people search (GET /api/people?q=…) on the benchmark province (bench/province.ts), PostgreSQL.
//   npm run bench -- people-search [people=1000000] [runs=40]
// Common names ("thi anh", "nguyen van"), a rare given name, a full name and an HR code, each through the
// route signed in as the province officer beside the bare SQL; the name is found through the trigram index
// on the folded name first (people/store.ts).
import { foldQuery } from '../src/platform/vn/fold.ts';
import { openProvince, timePeopleList, type PeopleCase } from './province.ts';

const people = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 40);

const province = await openProvince(people);
try {
  // a given name few people have, and a whole name someone has, read from the data (not timed)
  const rare = (await province.client.query<{ given: string }>(`SELECT given_name AS given FROM people
    GROUP BY given_name ORDER BY count(*), given_name LIMIT 1`)).rows[0]!.given;
  const someone = (await province.client.query<{ name: string }>(`SELECT full_name AS name FROM people WHERE code = 'SH0004242'`)).rows[0]!.name;
  const search = (name: string, typed: string, code?: string): PeopleCase => ({
    name, url: `q=${encodeURIComponent(typed)}`,
    filter: { tokens: foldQuery(typed).split(' ').filter(Boolean), code, page: 1, pageSize: 20 },
  });
  const cases: PeopleCase[] = [
    search('"thi anh"', 'thi anh'),
    search('"nguyen van"', 'nguyen van'),
    search('"van hung"', 'van hung'),
    // a given name late in the name order: the walk does not reach it, the trigram index answers
    search('"tuyet"', 'tuyet'),
    search(`rare given name "${rare}"`, rare),
    search(`a whole name "${someone}"`, someone),
    search('an HR code', 'SH0004242', 'SH0004242'),
    { ...search('"thi anh", page 3', 'thi anh'), url: `q=thi%20anh&page=3`, filter: { ...search('', 'thi anh').filter, page: 3 } },
  ];
  await timePeopleList('people-search', province, cases, runs);
} finally {
  await province.close();
}
