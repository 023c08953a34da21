import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildPerson, buildTenant, type BuiltOrganisation } from '../../testing/factories.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { recordsOfMany } from '../records/index.ts';
import { recordAwards } from '../awards/index.ts';
import { loadCatalogue, resolverFor, ruleInForce, type Catalogue } from './catalogue.ts';
import { evaluate, reasons, type Status } from './evaluate.ts';
import { describeNote } from './explain.ts';
import { countedOn, factsOf, judgedQuery, wordsFor } from './service.ts';
import { awardFormsIn, ruleSchema, type DisciplineForm, type InitiativeLevel, type Rating } from '../rules/index.ts';

/**
 * One or more cases per rule of the catalogue, each citing its article, on both sides of the rule and at
 * its boundaries. Every case is judged twice — by the TypeScript evaluator (with reasons) and by the
 * set-based SQL the "who qualifies" list runs — and both must give the expected answer.
 */
const NOW = new Date('2026-11-21T03:00:00Z');
const TODAY = '2026-11-21';

interface MemberSpec { rating?: Rating; titles?: string[]; discipline?: DisciplineForm }
interface Case {
  name: string;
  article: string;
  award: string;
  recipient?: 'individual' | 'collective';
  year: number;
  ratings?: Record<number, Rating>;
  titles?: Record<number, string[]>;
  awards?: { form: string; year: number; basis?: 'merit' | 'thematic' | 'one_off'; revoked?: boolean }[];
  initiatives?: { year: number; level: InitiativeLevel }[];
  disciplines?: { form: DisciplineForm; from: string; to: string | null }[];
  members?: MemberSpec[];
  expect: Status;
  /** a reason the "no" must give, in Vietnamese */
  because?: RegExp;
}

const years = (from: number, to: number, rating: Rating): Record<number, Rating> =>
  Object.fromEntries(Array.from({ length: to - from + 1 }, (_, i) => [from + i, rating]));
const LAW = 'Luật Thi đua, khen thưởng 2022';
const OLD = 'Luật Thi đua, Khen thưởng 2003 (sửa đổi 2013)';

const CASES: Case[] = [
  // Lao động tiên tiến
  { name: 'rated good in the year', article: `${LAW}, Điều 24`, award: 'lao_dong_tien_tien', year: 2025, ratings: { 2025: 'good' }, expect: 'met' },
  { name: 'rated only "completed"', article: `${LAW}, Điều 24`, award: 'lao_dong_tien_tien', year: 2025, ratings: { 2025: 'completed' }, expect: 'unmet', because: /Năm 2025: xếp loại hoàn thành nhiệm vụ/ },
  { name: 'no rating recorded', article: `${LAW}, Điều 24`, award: 'lao_dong_tien_tien', year: 2025, ratings: { 2024: 'excellent' }, expect: 'unmet', because: /chưa có kết quả xếp loại/ },
  { name: 'reprimand ending the day before the year', article: `${LAW}, Điều 24`, award: 'lao_dong_tien_tien', year: 2025, ratings: { 2025: 'excellent' },
    disciplines: [{ form: 'reprimand', from: '2024-03-01', to: '2024-12-31' }], expect: 'met' },
  { name: 'reprimand in effect on the first day of the year', article: `${LAW}, Điều 24`, award: 'lao_dong_tien_tien', year: 2025, ratings: { 2025: 'excellent' },
    disciplines: [{ form: 'reprimand', from: '2024-03-01', to: '2025-01-01' }], expect: 'unmet', because: /Bị kỷ luật khiển trách/ },
  // Chiến sĩ thi đua cơ sở
  { name: 'LĐTT and a base initiative', article: `${LAW}, Điều 23`, award: 'chien_si_thi_dua_co_so', year: 2025, ratings: { 2025: 'excellent' },
    initiatives: [{ year: 2025, level: 'base' }], expect: 'met' },
  { name: 'LĐTT without an initiative', article: `${LAW}, Điều 23`, award: 'chien_si_thi_dua_co_so', year: 2025, ratings: { 2025: 'excellent' },
    initiatives: [{ year: 2024, level: 'province' }], expect: 'unmet', because: /Thiếu sáng kiến được công nhận cấp cơ sở trở lên trong 2025/ },
  { name: 'initiative but rated only completed', article: `${LAW}, Điều 23`, award: 'chien_si_thi_dua_co_so', year: 2025, ratings: { 2025: 'completed' },
    initiatives: [{ year: 2025, level: 'base' }], expect: 'unmet' },
  // Chiến sĩ thi đua cấp tỉnh: 3 consecutive CSTĐCS
  { name: 'exactly three consecutive CSTĐCS with a provincial initiative', article: `${LAW}, Điều 22`, award: 'chien_si_thi_dua_tinh', year: 2025,
    titles: { 2023: ['chien_si_thi_dua_co_so'], 2024: ['chien_si_thi_dua_co_so'], 2025: ['chien_si_thi_dua_co_so'] },
    initiatives: [{ year: 2024, level: 'province' }], expect: 'met' },
  { name: 'three CSTĐCS with a gap year', article: `${LAW}, Điều 22`, award: 'chien_si_thi_dua_tinh', year: 2025,
    titles: { 2022: ['chien_si_thi_dua_co_so'], 2024: ['chien_si_thi_dua_co_so'], 2025: ['chien_si_thi_dua_co_so'] },
    initiatives: [{ year: 2024, level: 'province' }], expect: 'unmet', because: /Năm 2023: chưa đạt "Chiến sĩ thi đua cơ sở"/ },
  { name: 'three CSTĐCS but only base initiatives', article: `${LAW}, Điều 22`, award: 'chien_si_thi_dua_tinh', year: 2025,
    titles: { 2023: ['chien_si_thi_dua_co_so'], 2024: ['chien_si_thi_dua_co_so'], 2025: ['chien_si_thi_dua_co_so'] },
    initiatives: [{ year: 2024, level: 'base' }], expect: 'unmet', because: /cấp tỉnh/ },
  { name: 'a revoked CSTĐCS does not count', article: `${LAW}, Điều 22`, award: 'chien_si_thi_dua_tinh', year: 2025,
    titles: { 2023: ['chien_si_thi_dua_co_so'], 2025: ['chien_si_thi_dua_co_so'] },
    awards: [{ form: 'chien_si_thi_dua_co_so', year: 2024, revoked: true }],
    initiatives: [{ year: 2024, level: 'province' }], expect: 'unmet' },
  // Chiến sĩ thi đua toàn quốc
  { name: 'two provincial CSTĐ and a national initiative', article: `${LAW}, Điều 21`, award: 'chien_si_thi_dua_toan_quoc', year: 2025,
    titles: { 2022: ['chien_si_thi_dua_tinh'], 2025: ['chien_si_thi_dua_tinh'] }, initiatives: [{ year: 2025, level: 'national' }], expect: 'met' },
  { name: 'one provincial CSTĐ only', article: `${LAW}, Điều 21`, award: 'chien_si_thi_dua_toan_quoc', year: 2025,
    titles: { 2025: ['chien_si_thi_dua_tinh'] }, initiatives: [{ year: 2025, level: 'national' }], expect: 'unmet', because: /Cần thêm 1 lần/ },
  // Bằng khen của Chủ tịch UBND tỉnh (2022 law): two consecutive excellent years
  { name: 'two consecutive excellent years', article: `${LAW}, Điều 72`, award: 'bang_khen_tinh', year: 2025, ratings: years(2024, 2025, 'excellent'), expect: 'met' },
  { name: 'excellent, then good', article: `${LAW}, Điều 72`, award: 'bang_khen_tinh', year: 2025, ratings: { 2024: 'excellent', 2025: 'good' }, expect: 'unmet',
    because: /Năm 2025: xếp loại hoàn thành tốt nhiệm vụ, chưa đạt hoàn thành xuất sắc nhiệm vụ/ },
  // Bằng khen của Thủ tướng: provincial Bằng khen, then five consecutive excellent years (+ 5 initiatives under the 2022 law)
  { name: 'Bằng khen in 2020, five excellent years, five initiatives', article: `${LAW}, Điều 71`, award: 'bang_khen_thu_tuong', year: 2025,
    awards: [{ form: 'bang_khen_tinh', year: 2020 }], ratings: years(2021, 2025, 'excellent'),
    initiatives: [2021, 2022, 2023, 2024, 2025].map((year) => ({ year, level: 'base' as const })), expect: 'met' },
  { name: 'only four excellent years in the five', article: `${LAW}, Điều 71`, award: 'bang_khen_thu_tuong', year: 2025,
    awards: [{ form: 'bang_khen_tinh', year: 2020 }], ratings: { ...years(2021, 2025, 'excellent'), 2023: 'good' },
    initiatives: [2021, 2022, 2023, 2024, 2025].map((year) => ({ year, level: 'base' as const })), expect: 'unmet' },
  { name: 'the earlier Bằng khen was a one-off award', article: `${LAW}, Điều 71`, award: 'bang_khen_thu_tuong', year: 2025,
    awards: [{ form: 'bang_khen_tinh', year: 2020, basis: 'one_off' }], ratings: years(2021, 2025, 'excellent'),
    initiatives: [2021, 2022, 2023, 2024, 2025].map((year) => ({ year, level: 'base' as const })), expect: 'unmet', because: /khen thưởng công trạng/ },
  { name: 'the Bằng khen came inside the five years', article: `${LAW}, Điều 71`, award: 'bang_khen_thu_tuong', year: 2025,
    awards: [{ form: 'bang_khen_tinh', year: 2021 }], ratings: years(2021, 2025, 'excellent'),
    initiatives: [2021, 2022, 2023, 2024, 2025].map((year) => ({ year, level: 'base' as const })), expect: 'unmet' },
  // Huân chương Lao động hạng Ba: a proven path, and the attestation path
  { name: 'Bằng khen TTg, five excellent years, two provincial CSTĐ', article: `${LAW}, Điều 45`, award: 'huan_chuong_lao_dong_hang_ba', year: 2025,
    awards: [{ form: 'bang_khen_thu_tuong', year: 2019 }], ratings: years(2021, 2025, 'excellent'),
    titles: { 2022: ['chien_si_thi_dua_tinh'], 2025: ['chien_si_thi_dua_tinh'] }, expect: 'met' },
  { name: 'without the two CSTĐ an officer must attest equivalent work', article: `${LAW}, Điều 45`, award: 'huan_chuong_lao_dong_hang_ba', year: 2025,
    awards: [{ form: 'bang_khen_thu_tuong', year: 2019 }], ratings: years(2021, 2025, 'excellent'), expect: 'attest', because: /Cần cán bộ xác nhận/ },
  // Giấy khen: records prove the rating; the achievement is attested
  { name: 'Giấy khen with a good rating needs attestation', article: `${LAW}, Điều 74`, award: 'giay_khen', year: 2025, ratings: { 2025: 'good' }, expect: 'attest' },
  { name: 'Giấy khen with a poor rating is a no', article: `${LAW}, Điều 74`, award: 'giay_khen', year: 2025, ratings: { 2025: 'not_completed' }, expect: 'unmet' },
  // Collectives: shares of members
  { name: 'Tập thể LĐTT: 3 of 5 members LĐTT (more than half)', article: `${LAW}, Điều 28`, award: 'tap_the_lao_dong_tien_tien', recipient: 'collective', year: 2025,
    ratings: { 2025: 'good' }, members: [{ titles: ['lao_dong_tien_tien'] }, { titles: ['lao_dong_tien_tien'] }, { titles: ['lao_dong_tien_tien'] }, {}, {}], expect: 'met' },
  { name: 'Tập thể LĐTT: 2 of 4 members is exactly half, not more', article: `${LAW}, Điều 28`, award: 'tap_the_lao_dong_tien_tien', recipient: 'collective', year: 2025,
    ratings: { 2025: 'good' }, members: [{ titles: ['lao_dong_tien_tien'] }, { titles: ['lao_dong_tien_tien'] }, {}, {}], expect: 'unmet', because: /Cần thêm 1 thành viên/ },
  { name: 'Tập thể LĐTT: a member under a warning', article: `${LAW}, Điều 28`, award: 'tap_the_lao_dong_tien_tien', recipient: 'collective', year: 2025,
    ratings: { 2025: 'good' }, members: [{ titles: ['lao_dong_tien_tien'] }, { titles: ['lao_dong_tien_tien'], discipline: 'warning' }, {}], expect: 'unmet', because: /bị kỷ luật/ },
  { name: 'Tập thể LĐTT: a member reprimanded does not block', article: `${LAW}, Điều 28`, award: 'tap_the_lao_dong_tien_tien', recipient: 'collective', year: 2025,
    ratings: { 2025: 'good' }, members: [{ titles: ['lao_dong_tien_tien'] }, { titles: ['lao_dong_tien_tien'], discipline: 'reprimand' }, {}], expect: 'met' },
  { name: 'Tập thể LĐXS: 7 of 10 LĐTT (70%), one CSTĐCS, all completed', article: `${LAW}, Điều 27`, award: 'tap_the_lao_dong_xuat_sac', recipient: 'collective', year: 2025,
    ratings: { 2025: 'excellent' },
    members: [
      { rating: 'excellent', titles: ['lao_dong_tien_tien', 'chien_si_thi_dua_co_so'] },
      ...Array.from({ length: 6 }, () => ({ rating: 'good' as const, titles: ['lao_dong_tien_tien'] })),
      ...Array.from({ length: 3 }, () => ({ rating: 'completed' as const })),
    ], expect: 'met' },
  { name: 'Tập thể LĐXS: one member did not complete tasks', article: `${LAW}, Điều 27`, award: 'tap_the_lao_dong_xuat_sac', recipient: 'collective', year: 2025,
    ratings: { 2025: 'excellent' },
    members: [
      { rating: 'excellent', titles: ['lao_dong_tien_tien', 'chien_si_thi_dua_co_so'] },
      ...Array.from({ length: 7 }, () => ({ rating: 'good' as const, titles: ['lao_dong_tien_tien'] })),
      { rating: 'not_completed' as const }, { rating: 'completed' as const },
    ], expect: 'unmet' },
  { name: 'Tập thể LĐXS: 6 of 10 LĐTT is below 70%', article: `${LAW}, Điều 27`, award: 'tap_the_lao_dong_xuat_sac', recipient: 'collective', year: 2025,
    ratings: { 2025: 'excellent' },
    members: [
      { rating: 'excellent', titles: ['lao_dong_tien_tien', 'chien_si_thi_dua_co_so'] },
      ...Array.from({ length: 5 }, () => ({ rating: 'good' as const, titles: ['lao_dong_tien_tien'] })),
      ...Array.from({ length: 4 }, () => ({ rating: 'completed' as const })),
    ], expect: 'unmet', because: /Cần thêm 1 thành viên đạt "Lao động tiên tiến"/ },
  { name: 'Tập thể LĐXS: no CSTĐCS among members', article: `${LAW}, Điều 27`, award: 'tap_the_lao_dong_xuat_sac', recipient: 'collective', year: 2025,
    ratings: { 2025: 'excellent' }, members: Array.from({ length: 4 }, () => ({ rating: 'good' as const, titles: ['lao_dong_tien_tien'] })), expect: 'unmet' },
  { name: 'Cờ thi đua tỉnh: a Tập thể LĐXS still needs the cluster\'s verdict', article: `${LAW}, Điều 26`, award: 'co_thi_dua_tinh', recipient: 'collective', year: 2025,
    ratings: { 2025: 'excellent' }, members: [{ rating: 'excellent', titles: ['lao_dong_tien_tien', 'chien_si_thi_dua_co_so'] }], expect: 'attest' },
  { name: 'a collective with no members is never "more than half"', article: `${LAW}, Điều 28`, award: 'tap_the_lao_dong_tien_tien', recipient: 'collective', year: 2025,
    ratings: { 2025: 'excellent' }, members: [], expect: 'unmet' },
  // Judged under the rules in force then: 2021 under Decree 91/2017, which also asked for two initiatives for a provincial Bằng khen
  { name: '2021 facts under Decree 91/2017: two excellent years are not enough', article: 'Nghị định 91/2017/NĐ-CP, Điều 39', award: 'bang_khen_tinh', year: 2021,
    ratings: years(2020, 2021, 'excellent'), expect: 'unmet', because: /Thiếu 2 sáng kiến/ },
  { name: '2021 facts under Decree 91/2017 with two initiatives', article: 'Nghị định 91/2017/NĐ-CP, Điều 39', award: 'bang_khen_tinh', year: 2021,
    ratings: years(2020, 2021, 'excellent'), initiatives: [{ year: 2020, level: 'base' }, { year: 2021, level: 'base' }], expect: 'met' },
  { name: 'the same facts in 2025 under the 2022 law', article: `${LAW}, Điều 72`, award: 'bang_khen_tinh', year: 2025,
    ratings: years(2024, 2025, 'excellent'), expect: 'met' },
  { name: '2021 Bằng khen Thủ tướng under the old law needs no initiatives', article: `${OLD}, Điều 71`, award: 'bang_khen_thu_tuong', year: 2021,
    awards: [{ form: 'bang_khen_tinh', year: 2016 }], ratings: years(2017, 2021, 'excellent'), expect: 'met' },
  { name: 'the same path in 2025 misses the initiatives the 2022 law asks for', article: `${LAW}, Điều 71`, award: 'bang_khen_thu_tuong', year: 2025,
    awards: [{ form: 'bang_khen_tinh', year: 2020 }], ratings: years(2021, 2025, 'excellent'), expect: 'unmet', because: /Thiếu 5 sáng kiến/ },
];

let handle: DatabaseHandle;
let catalogue: Catalogue;
let tenantId: string;
let root: BuiltOrganisation;
const built = new Map<Case, { subjectId: string; unit: BuiltOrganisation }>();

async function buildCase(c: Case, index: number) {
  const db = handle.db;
  const unit = await buildOrganisation(db, tenantId, root, { name: `Phòng thử nghiệm ${index}` });
  const subjectId = c.recipient === 'collective' ? unit.id : (await buildPerson(db, tenantId, `Nguyễn Văn Thử ${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[index % 26]}`, [{ organisation: unit }])).id;
  const subject = c.recipient === 'collective' ? { person_id: null, organisation_id: subjectId } : { person_id: subjectId, organisation_id: null };
  const stamps = { created_by: null, created_at: NOW, updated_at: NOW };
  const source = { source_number: '', source_date: null, source_issuer: '' };
  for (const [year, rating] of Object.entries(c.ratings ?? {})) {
    await db.insertInto('annual_ratings').values({ tenant_id: tenantId, id: uuidv7(), ...subject, year: Number(year), rating, ...source, ...stamps }).execute();
  }
  const awards = [...Object.entries(c.titles ?? {}).flatMap(([year, forms]) => forms.map((form) => ({ form, year: Number(year), basis: 'merit' as const, revoked: false }))),
    ...(c.awards ?? [])];
  for (const [i, a] of awards.entries()) {
    await recordAwards(db, tenantId, [{ ...subject, award_form: a.form, year: a.year, basis: a.basis ?? 'merit',
      movement_id: null, reason: '', decision_number: `${i + 1}/QĐ-TEST`, decided_on: `${a.year}-12-20`, decided_by: '',
      revoked_on: a.revoked ? '2025-06-01' : null, revocation_number: a.revoked ? '9/QĐ-TEST' : null, verification_code: null, ...stamps }]);
  }
  for (const [i, init] of (c.initiatives ?? []).entries()) {
    await db.insertInto('initiatives').values({ tenant_id: tenantId, id: uuidv7(), ...subject, kind: 'initiative', title: `Sáng kiến ${i + 1}`,
      title_fold: `sang kien ${i + 1}`, level: init.level, year: init.year, recognised_on: null, effect: '', ...source, ...stamps }).execute();
  }
  for (const d of c.disciplines ?? []) {
    await db.insertInto('disciplines').values({ tenant_id: tenantId, id: uuidv7(), ...subject, form: d.form, starts_on: d.from, ends_on: d.to, reason: '', ...source, ...stamps }).execute();
  }
  for (const [i, m] of (c.members ?? []).entries()) {
    const person = await buildPerson(db, tenantId, `Trần Thị Thành Viên ${i}`, [{ organisation: unit }]);
    const member = { person_id: person.id, organisation_id: null };
    if (m.rating) await db.insertInto('annual_ratings').values({ tenant_id: tenantId, id: uuidv7(), ...member, year: c.year, rating: m.rating, ...source, ...stamps }).execute();
    for (const form of m.titles ?? []) {
      await recordAwards(db, tenantId, [{ ...member, award_form: form, year: c.year, basis: 'merit', movement_id: null,
        reason: '', decision_number: '', decided_on: null, decided_by: '', revoked_on: null, revocation_number: null, ...stamps }]);
    }
    if (m.discipline) {
      await db.insertInto('disciplines').values({ tenant_id: tenantId, id: uuidv7(), ...member, form: m.discipline, starts_on: `${c.year}-05-01`,
        ends_on: `${c.year + 1}-04-30`, reason: '', ...source, ...stamps }).execute();
    }
  }
  built.set(c, { subjectId, unit });
}

beforeAll(async () => {
  handle = await openTestDatabase();
  catalogue = await loadCatalogue(handle.db);
  tenantId = (await buildTenant(handle.db)).id;
  root = await buildOrganisation(handle.db, tenantId, null, { name: 'UBND tỉnh thử nghiệm' });
  for (const [i, c] of CASES.entries()) await buildCase(c, i);
});
afterAll(async () => { await handle?.close(); });

async function judgeBoth(c: Case) {
  const { subjectId, unit } = built.get(c)!;
  const recipient = c.recipient ?? 'individual';
  const entry = ruleInForce(catalogue, c.award, recipient, c.year);
  // TypeScript, from the subject's record
  const records = await recordsOfMany(handle.db, tenantId, recipient === 'individual' ? 'person' : 'collective', [subjectId]);
  const members = recipient === 'collective'
    ? (await recordsOfMany(handle.db, tenantId, 'person', (c.members ?? []).length ? (await handle.db.selectFrom('employments').select('person_id')
      .where('tenant_id', '=', tenantId).where('organisation_id', '=', unit.id).execute()).map((e) => e.person_id) : []))
    : null;
  const memberList = members ? [...members.entries()].map(([personId, r]) => ({
    personId, name: personId, rating: r.ratings.find((x) => x.year === c.year)?.rating ?? null,
    titles: r.awards.filter((a) => a.year === c.year && !a.revoked_on).map((a) => a.award_form),
    disciplines: r.disciplines.map((d) => ({ form: d.form, startsOn: d.starts_on, endsOn: d.ends_on })),
  })) : undefined;
  const finding = evaluate(entry.rule, { ...factsOf(records.get(subjectId)!), recipient, members: memberList },
    { year: c.year, resolve: resolverFor(catalogue, recipient, c.year) });
  // SQL, over the unit's subtree as the list does
  const judged = judgedQuery(catalogue, entry, tenantId, unit.path, recipient, c.year, countedOn(c.year, TODAY));
  const { rows } = await sql<{ id: string; status: number }>`WITH ${judged.ctes} SELECT id, status FROM judged`.execute(handle.db);
  const sqlStatus = (['unmet', 'attest', 'met'] as const)[rows.find((r) => r.id === subjectId)!.status];
  return { entry, finding, sqlStatus };
}

describe('the rule catalogue', () => {
  it('holds a valid rule for every title and award form, recipient and legal basis, each citing its article', async () => {
    const rows = await handle.db.selectFrom('eligibility_rules').selectAll().execute();
    const forms = new Set((await handle.db.selectFrom('award_forms').select('code').execute()).map((f) => f.code));
    expect(rows.length).toBe(catalogue.rules.length);
    for (const row of rows) {
      const rule = ruleSchema.parse(row.rule);
      expect(row.citation).toMatch(/Điều \d+|Nghị định/);
      for (const form of awardFormsIn(rule)) expect(forms).toContain(form);
    }
    for (const basis of catalogue.legalBases) {
      const codes = new Set(catalogue.rules.filter((r) => r.legalBasis === basis.code).map((r) => r.awardForm));
      for (const form of ['lao_dong_tien_tien', 'chien_si_thi_dua_co_so', 'chien_si_thi_dua_tinh', 'chien_si_thi_dua_toan_quoc', 'tap_the_lao_dong_tien_tien',
        'tap_the_lao_dong_xuat_sac', 'co_thi_dua_tinh', 'co_thi_dua_chinh_phu', 'giay_khen', 'bang_khen_tinh', 'bang_khen_thu_tuong', 'huan_chuong_lao_dong_hang_ba']) {
        expect(codes, `${form} under ${basis.code}`).toContain(form);
      }
    }
  });

  it('judges a year by the legal basis in force at its end', () => {
    expect(ruleInForce(catalogue, 'bang_khen_tinh', 'individual', 2021).legalBasis).toBe('law_2003_decree_91_2017');
    expect(ruleInForce(catalogue, 'bang_khen_tinh', 'individual', 2023).legalBasis).toBe('law_2003_decree_91_2017');
    expect(ruleInForce(catalogue, 'bang_khen_tinh', 'individual', 2024).legalBasis).toBe('law_2022_decree_98_2023');
    expect(ruleInForce(catalogue, 'bang_khen_tinh', 'individual', 2025).legalBasis).toBe('law_2022_decree_152_2025');
  });
});

describe.each(CASES.map((c) => [`${c.article} — ${c.award}: ${c.name}`, c] as const))('%s', (_, c) => {
  it(`is ${c.expect} in TypeScript and in SQL`, async () => {
    const { entry, finding, sqlStatus } = await judgeBoth(c);
    expect(entry.citation).toContain(c.article.split(', Điều')[0]!.split(',')[0]!);
    expect(finding.status).toBe(c.expect);
    expect(sqlStatus).toBe(c.expect);
    if (c.because) {
      const words = wordsFor(catalogue, 'vi');
      expect(reasons(finding).map((n) => describeNote(n, words)).join('\n')).toMatch(c.because);
    }
  });
});
