import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { nameColumns } from '../../people/index.ts';
import { RATING_LABELS } from '../model.ts';
import { COLUMNS } from './columns.ts';

/**
 * Large ratings files for the tests and the benchmark (bench/records-import.ts): officers of a province
 * with Kinh names, and a CSV of their annual ratings with decisions, as a department's staff office keeps it.
 */
type Gender = 'male' | 'female';
// a few of demo/names.ts's Kinh names (records sits below demo in the module graph)
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh'];
const MIDDLE: Record<Gender, string[]> = {
  male: ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Công', 'Xuân', 'Thanh', 'Mạnh', 'Ngọc', 'Tiến', 'Trọng'],
  female: ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Kim', 'Mai', 'Hồng', 'Thùy', 'Phương', 'Bích', 'Diệu'],
};
const GIVEN: Record<Gender, string[]> = {
  male: ['Anh', 'Bình', 'Cường', 'Dũng', 'Đức', 'Hải', 'Hùng', 'Hưng', 'Huy', 'Khánh', 'Long', 'Nam', 'Phong', 'Quân', 'Sơn', 'Thắng', 'Tuấn', 'Việt'],
  female: ['Ánh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hằng', 'Hạnh', 'Hiền', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'Nga', 'Thảo', 'Trang', 'Vân', 'Yến'],
};

export function officerName(i: number): { name: string; gender: Gender } {
  const gender: Gender = i % 2 ? 'female' : 'male';
  const family = FAMILY[(i * 7) % FAMILY.length]!;
  const middle = MIDDLE[gender][(i * 3) % MIDDLE[gender].length]!;
  const given = GIVEN[gender][(i * 11 + (i >> 4)) % GIVEN[gender].length]!;
  return { name: `${family} ${middle} ${given}`, gender };
}

export const officerCode = (i: number) => `CB${String(i + 1).padStart(7, '0')}`;

/** `count` people with codes CB0000001… employed since 2010 at the units given, in turn; written 2,000 at a time. */
export async function insertOfficers(db: Kysely<Database>, tenantId: string, organisationIds: readonly string[], count: number): Promise<void> {
  const now = new Date();
  for (let from = 0; from < count; from += 2_000) {
    const people = Array.from({ length: Math.min(2_000, count - from) }, (_, k) => {
      const { name, gender } = officerName(from + k);
      return { tenant_id: tenantId, id: uuidv7(), code: officerCode(from + k), ...nameColumns(name), gender, birth_year: 1965 + ((from + k) % 35),
        ethnicity: 'Kinh', created_at: now, updated_at: now };
    });
    await db.insertInto('people').values(people).execute();
    await db.insertInto('employments').values(people.map((p, k) => ({
      tenant_id: tenantId, id: uuidv7(), person_id: p.id, organisation_id: organisationIds[(from + k) % organisationIds.length]!, position: 'Chuyên viên',
      is_leader: false, is_direct_worker: false, start_date: '2010-01-01', end_date: null, created_at: now,
    }))).execute();
  }
}

const LABELS = Object.values(RATING_LABELS);

/** The lines of ratingsCsv, header first, without line breaks: the benchmark writes a million of them without holding the file. */
export function* ratingsCsvLines(rows: number, people: number, firstYear: number): Generator<string> {
  yield COLUMNS.ratings.map((c) => c.header).join(',');
  for (let i = 0; i < rows; i++) {
    const year = firstYear + Math.floor(i / people);
    const rating = LABELS[(i * 5 + (i >> 3)) % 3]!; // mostly the three passing ratings
    yield `${officerCode(i % people)},,${year},${rating},${1 + (i % 480)}/QĐ-UBND,15/12/${year},Ủy ban nhân dân tỉnh Sơn Hà`;
  }
}

/**
 * A CSV (UTF-8 with a byte-order mark, as Excel saves it) of `rows` ratings: officer i % people in year
 * firstYear + ⌊i / people⌋, so every (officer, year) appears once.
 */
export function ratingsCsv(rows: number, people: number, firstYear: number): string {
  return `\ufeff${[...ratingsCsvLines(rows, people, firstYear)].join('\r\n')}\r\n`;
}
