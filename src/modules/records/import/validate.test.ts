import { describe, expect, it } from 'vitest';
import { SeenRecords, validateRows, type Lookups } from './validate.ts';
import { COLUMNS, type ColumnKey } from './columns.ts';

const P1 = '01900000-0000-7000-8000-000000000001';
const P2 = '01900000-0000-7000-8000-000000000002';

describe('the records of a file seen so far', () => {
  it('names the first row of a record met again, by subject and every natural key value', () => {
    const seen = new SeenRecords();
    expect(seen.earlier(P1, null, '2021', 2)).toBeUndefined();
    expect(seen.earlier(P1, null, '2022', 3)).toBeUndefined();
    expect(seen.earlier(P2, null, '2021', 4)).toBeUndefined();
    expect(seen.earlier(P1, null, '2021', 9)).toBe(2);
    expect(seen.earlier(P2, null, '2021', 10)).toBe(4);
    expect(seen.earlier(P1, null, '2022', 11)).toBe(3);
    // a unit is another subject than a person, whatever its id
    expect(seen.earlier(null, P1, '2021', 12)).toBeUndefined();
    expect(seen.earlier(null, P1, '2021', 13)).toBe(12);
  });

  it('tells keys apart by their whole text, and subjects numbered late from keys numbered early', () => {
    const seen = new SeenRecords();
    const people = Array.from({ length: 3_000 }, (_, i) => `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`);
    people.forEach((p, i) => expect(seen.earlier(p, null, `BK\u00002021\u0000${i % 7}/QĐ`, i + 2)).toBeUndefined());
    people.forEach((p, i) => expect(seen.earlier(p, null, `BK\u00002021\u0000${i % 7}/QĐ`, 5_000)).toBe(i + 2));
    expect(seen.earlier(people[0]!, null, 'BK\u00002021\u00001/QĐ', 5_001)).toBeUndefined();
  });
});

describe('checking rows batch after batch', () => {
  it('finds a rating repeated in a later batch and names the earlier row', () => {
    const lookups: Lookups = { people: new Map([['CB1', P1], ['CB2', P2]]), units: new Map(), awardForms: new Map(), currentYear: 2025, locale: 'en' };
    const keys = COLUMNS.ratings.map((c) => c.key);
    const positions = new Map<ColumnKey, number>(keys.map((k, i) => [k, i]));
    const headers = new Map<ColumnKey, string>(COLUMNS.ratings.map((c) => [c.key, c.header]));
    const row = (n: number, code: string, year: number) => ({ row: n, cells: [code, null, year, 'Hoàn thành tốt nhiệm vụ', '1/QĐ', '15/12/2021', 'UBND'] });
    const seen = new SeenRecords();
    const first = validateRows('ratings', [row(2, 'CB1', 2021), row(3, 'CB2', 2021)], positions, headers, lookups, seen);
    expect(first.errors).toEqual([]);
    expect(first.records.map((r) => r.personId)).toEqual([P1, P2]);
    const second = validateRows('ratings', [row(4, 'CB1', 2022), row(5, 'CB2', 2021)], positions, headers, lookups, seen);
    expect(second.records.map((r) => r.row)).toEqual([4]);
    expect(second.errors).toEqual([{ row: 5, column: 'Mã cán bộ', message: 'Same record as row 3 of the file.' }]);
  });
});
