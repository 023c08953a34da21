import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { PERSON_COLUMNS } from './columns.ts';

/**
 * A province's people file as an HR office would export it, for tests and bench/import-people.ts:
 * Vietnamese names (family, middle, given; women often "Thị"), a few ethnic minorities, birth years,
 * positions of communes, departments, schools and clinics, one row per employment — seven people in
 * ten with one, the others with an earlier one that ended before the current began — written by
 * exceljs's streaming writer with shared strings and date cells, as Excel writes them.
 */
export type PeopleFileRow = (string | Date | null)[];

const FAMILY = ['Nguyễn', 'Nguyễn', 'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trương'];
const MIDDLE = { Nam: ['Văn', 'Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Công', 'Xuân', 'Thanh', 'Ngọc'], Nữ: ['Thị', 'Thị', 'Thị', 'Thu', 'Ngọc', 'Thanh', 'Kim', 'Hồng', 'Thùy', 'Phương'] };
const GIVEN = {
  Nam: ['Anh', 'Bình', 'Cường', 'Dũng', 'Đức', 'Hải', 'Hùng', 'Huy', 'Khánh', 'Long', 'Nam', 'Phong', 'Quân', 'Sơn', 'Thắng', 'Thành', 'Tuấn', 'Việt', 'Vinh', 'Hiếu'],
  Nữ: ['Anh', 'Ánh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hằng', 'Hạnh', 'Hiền', 'Hoa', 'Hương', 'Huyền', 'Lan', 'Linh', 'Mai', 'Nga', 'Nhung', 'Phương', 'Thảo', 'Trang'],
};
const ETHNICITIES = ['', '', '', '', '', '', '', '', 'Kinh', 'Tày', 'Thái', 'Mường', 'Ba Na', 'Xơ Đăng', 'Gia Rai'];
const POSITIONS: [string, string][] = [
  ['Chuyên viên', 'Không'], ['Chuyên viên chính', 'Không'], ['Trưởng phòng', 'Có'], ['Phó Trưởng phòng', 'Có'], ['Giáo viên', 'Không'],
  ['Bác sĩ', 'Không'], ['Kế toán', 'Không'], ['Văn thư', 'Không'], ['Chủ tịch UBND xã', 'Có'], ['Phó Chủ tịch UBND xã', 'Có'],
  ['Công chức Văn hóa - Xã hội', 'Không'], ['Công chức Tư pháp - Hộ tịch', 'Không'], ['Nhân viên', 'Không'], ['Y sĩ', 'Không'],
];

/** A small deterministic generator (mulberry32), so a run can be repeated. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

const day = (year: number, month: number, d: number) => new Date(Date.UTC(year, month - 1, d));

/** The rows (without the header) of `people` people working in the given units, codes CB000001…. */
export function peopleFileRows(options: { people: number; unitCodes: readonly string[]; seed?: number; codePrefix?: string }): PeopleFileRow[] {
  const rng = random(options.seed ?? 2025);
  const rows: PeopleFileRow[] = [];
  for (let i = 1; i <= options.people; i++) {
    const gender = rng.next() < 0.52 ? 'Nữ' : 'Nam';
    const name = `${rng.pick(FAMILY)} ${rng.pick(MIDDLE[gender])} ${rng.pick(GIVEN[gender])}`;
    const born = 1962 + Math.floor(rng.next() * 40);
    const ethnicity = rng.pick(ETHNICITIES);
    const birth = rng.next() < 0.5 ? String(born) : `${String(1 + Math.floor(rng.next() * 28)).padStart(2, '0')}/${String(1 + Math.floor(rng.next() * 12)).padStart(2, '0')}/${born}`;
    const person = [`${options.codePrefix ?? 'CB'}${String(i).padStart(6, '0')}`, name, gender, birth, ethnicity];
    const start = Math.min(2015, born + 22 + Math.floor(rng.next() * 8));
    const [position, leader] = rng.pick(POSITIONS);
    if (rng.next() < 0.3) {
      // an earlier post, ended the day before the current one began
      const moved = Math.min(2024, start + 3 + Math.floor(rng.next() * 10));
      rows.push([...person, rng.pick(options.unitCodes), 'Chuyên viên', 'Không', '', day(start, 9, 1), day(moved, 6, 30)]);
      rows.push([...person, rng.pick(options.unitCodes), position, leader, '', day(moved, 7, 1), null]);
    } else {
      rows.push([...person, rng.pick(options.unitCodes), position, leader, '', day(start, 9, 1), null]);
    }
  }
  return rows;
}

/** The people file as XLSX (exceljs's streaming writer: shared strings, dates as dates). */
export async function peopleWorkbook(rows: readonly PeopleFileRow[]): Promise<Buffer> {
  const stream = new PassThrough();
  const parts: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => parts.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('Cán bộ');
  sheet.columns = PERSON_COLUMNS.map((c) => ({ header: c.header, width: c.width, ...(c.date && { style: { numFmt: 'dd/mm/yyyy' } }) }));
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(parts);
}
