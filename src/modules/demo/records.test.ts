import { describe, expect, it } from 'vitest';
import { buildDemoProvince } from './demo-data.ts';
import { CSTDCS_SHARE, YEARS, buildDemoRecords, type DemoRecordCase } from './records.ts';
import { RecordContext } from './records-context.ts';

const province = buildDemoProvince();
const records = buildDemoRecords(province);
const ctx = new RecordContext(province, 0);

const personRatings = records.ratings.filter((r) => r.personKey);
const awardsOf = (personKey: string, form: string) => records.awards.filter((a) => a.personKey === personKey && a.awardForm === form).map((a) => a.year).sort();
const ratingsOf = (personKey: string) => new Map(personRatings.filter((r) => r.personKey === personKey).map((r) => [r.year, r.rating]));
const caseSubject = (name: string): DemoRecordCase => {
  const found = records.cases.find((c) => c.case === name);
  if (!found) throw new Error(`no case ${name}`);
  return found;
};
const employedIn = (personKey: string, year: number) => province.employments.some((e) =>
  e.personKey === personKey && e.startDate <= `${year}-12-31` && (e.endDate === null || e.endDate >= `${year}-01-01`));

describe('the demo records', () => {
  it('are the same every time they are built', () => {
    expect(buildDemoRecords(buildDemoProvince())).toEqual(records);
  });

  it('give every person and every unit a unique code', () => {
    expect(records.personCodes.size).toBe(province.people.length);
    expect(new Set(records.personCodes.values()).size).toBe(province.people.length);
    for (const code of records.personCodes.values()) expect(code).toMatch(/^SH\d{5}$/);
    expect(records.organisationCodes.size).toBe(province.organisations.length);
    expect(new Set(records.organisationCodes.values()).size).toBe(province.organisations.length);
    expect(records.organisationCodes.get('sgddt')).toBe('SGDDT');
    expect(records.organisationCodes.get('sgd-vp')).toBe('SGDDT-VP');
  });

  it('rate people only in years they were employed, once a year', () => {
    const seen = new Set<string>();
    for (const r of personRatings) {
      expect(employedIn(r.personKey!, r.year), `${r.personKey} ${r.year}`).toBe(true);
      expect(YEARS).toContain(r.year);
      const key = `${r.personKey}|${r.year}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
    const units = new Set<string>();
    for (const r of records.ratings.filter((x) => x.organisationKey)) {
      const key = `${r.organisationKey}|${r.year}`;
      expect(units.has(key), key).toBe(false);
      units.add(key);
      expect(ctx.validAtYearEnd(ctx.org(r.organisationKey!), r.year), key).toBe(true);
    }
  });

  it('have a realistic spread of ratings', () => {
    const share = (rating: string) => personRatings.filter((r) => r.rating === rating).length / personRatings.length;
    expect(share('excellent')).toBeGreaterThan(0.2);
    expect(share('excellent')).toBeLessThan(0.33);
    expect(share('good')).toBeGreaterThan(0.45);
    expect(share('completed')).toBeGreaterThan(0.1);
    expect(share('not_completed')).toBeGreaterThan(0.01);
    expect(share('not_completed')).toBeLessThan(0.06);
    for (const r of records.ratings) expect(r.source.date >= `${r.year}-12-01` && r.source.date <= `${r.year + 1}-01-31`, r.source.date).toBe(true);
  });

  it('confer Lao động tiên tiến only on people rated good or better and not disciplined', () => {
    const rating = new Map(personRatings.map((r) => [`${r.personKey}|${r.year}`, r.rating]));
    const ldtt = records.awards.filter((a) => a.awardForm === 'lao_dong_tien_tien');
    expect(ldtt.length).toBeGreaterThan(1000);
    for (const a of ldtt) expect(['excellent', 'good']).toContain(rating.get(`${a.personKey}|${a.year}`));
    const ended2024 = caseSubject('discipline-ended-2024').personKey!;
    expect(records.disciplines.find((d) => d.personKey === ended2024)?.endsOn).toBe('2024-12-31');
    expect(awardsOf(ended2024, 'lao_dong_tien_tien')).toContain(2025);
    expect(awardsOf(ended2024, 'lao_dong_tien_tien')).not.toContain(2024);
    expect(awardsOf(caseSubject('discipline-in-2025').personKey!, 'lao_dong_tien_tien')).not.toContain(2025);
  });

  it('keep Chiến sĩ thi đua cơ sở within 15% of each unit’s Lao động tiên tiến', () => {
    const count = (form: string) => {
      const by = new Map<string, number>();
      for (const a of records.awards.filter((x) => x.awardForm === form && x.personKey)) {
        const unit = `${ctx.agencyOf(ctx.employerAt(a.personKey!, a.year)!)}|${a.year}`;
        by.set(unit, (by.get(unit) ?? 0) + 1);
      }
      return by;
    };
    const ldtt = count('lao_dong_tien_tien');
    const cstdcs = count('chien_si_thi_dua_co_so');
    expect(cstdcs.size).toBeGreaterThan(20);
    for (const [unit, n] of cstdcs) expect(n, unit).toBeLessThanOrEqual(Math.floor((ldtt.get(unit) ?? 0) * CSTDCS_SHARE));
    // and every CSTĐ cơ sở holds LĐTT and an initiative of the year
    for (const a of records.awards.filter((x) => x.awardForm === 'chien_si_thi_dua_co_so')) {
      expect(awardsOf(a.personKey!, 'lao_dong_tien_tien')).toContain(a.year);
      expect(records.initiatives.some((i) => i.personKey === a.personKey && i.year === a.year)).toBe(true);
    }
  });

  it('hold the boundary people the eligibility rules are tested on', () => {
    // exactly three CSTĐ cơ sở in a row (2023–2025), the demo "canhan" account
    const three = caseSubject('cstdt-exactly-three');
    expect(three.personKey).toBe('p-cv-sgd');
    expect(awardsOf('p-cv-sgd', 'chien_si_thi_dua_co_so')).toEqual([2023, 2024, 2025]);
    // a gap year: 2022, 2023, 2025
    expect(awardsOf(caseSubject('cstdt-gap-year').personKey!, 'chien_si_thi_dua_co_so')).toEqual([2022, 2023, 2025]);
    // exactly five excellent years 2021–2025 after a Bằng khen tỉnh of 2018, and exactly five initiatives in them
    const five = caseSubject('bkttg-exactly-five').personKey!;
    const ratings = ratingsOf(five);
    expect([2021, 2022, 2023, 2024, 2025].every((y) => ratings.get(y) === 'excellent')).toBe(true);
    expect(ratings.get(2020)).not.toBe('excellent');
    expect(records.initiatives.filter((i) => i.personKey === five && i.year >= 2021).length).toBe(5);
    expect(awardsOf(five, 'bang_khen_tinh')).toEqual([2018]);
    // one initiative short, and a Bằng khen one year too recent
    expect(records.initiatives.filter((i) => i.personKey === caseSubject('bkttg-four-initiatives').personKey && i.year >= 2021).length).toBe(4);
    expect(awardsOf(caseSubject('bkttg-award-too-recent').personKey!, 'bang_khen_tinh')).toEqual([2021]);
    // a Bằng khen Thủ tướng at least five years before 2025, for Huân chương Lao động hạng Ba
    expect(awardsOf(caseSubject('hcld3-eligible').personKey!, 'bang_khen_thu_tuong')[0]).toBeLessThanOrEqual(2020);
    // an initiative recognised in January for the year before
    const january = records.initiatives.find((i) => i.personKey === caseSubject('office-review-initiative-in-january').personKey);
    expect(january).toMatchObject({ year: 2021, recognisedOn: '2022-01-14' });
  });

  it('put people on both sides of the Office’s 2019–2021 criterion, all in the Office', () => {
    const office = records.cases.filter((c) => c.note.includes('vhcs-vp'));
    expect(new Set(office.map((c) => c.expected))).toEqual(new Set(['eligible', 'not_eligible']));
    for (const c of office) for (const y of [2019, 2020, 2021]) expect(ctx.isUnder(ctx.employerAt(c.personKey!, y)!, 'vp-ubnd')).toBe(true);
  });

  it('have every award form of the catalogue on record, for people and collectives', () => {
    const forms = new Set(records.awards.map((a) => `${a.personKey ? 'individual' : 'collective'} ${a.awardForm}`));
    for (const f of ['lao_dong_tien_tien', 'chien_si_thi_dua_co_so', 'chien_si_thi_dua_tinh', 'chien_si_thi_dua_toan_quoc', 'giay_khen',
      'bang_khen_tinh', 'bang_khen_thu_tuong', 'huan_chuong_lao_dong_hang_ba', 'huan_chuong_lao_dong_hang_nhi']) expect(forms).toContain(`individual ${f}`);
    for (const f of ['tap_the_lao_dong_tien_tien', 'tap_the_lao_dong_xuat_sac', 'co_thi_dua_tinh', 'giay_khen', 'bang_khen_tinh', 'bang_khen_thu_tuong']) {
      expect(forms).toContain(`collective ${f}`);
    }
    expect(new Set(records.initiatives.map((i) => i.level))).toEqual(new Set(['base', 'province', 'national']));
    expect(new Set(records.awards.map((a) => a.basis))).toEqual(new Set(['merit', 'thematic', 'one_off']));
  });
});
