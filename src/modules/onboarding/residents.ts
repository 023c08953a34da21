import { translate, type Locale, type MessageKey } from '../../platform/i18n/messages.ts';
import { cellDate, cellText, cellYear, type ColumnSpec, type RowError } from '../../platform/spreadsheets/columns.ts';
import type { SheetRow } from '../../platform/spreadsheets/sheet.ts';
import { formatDate, type IsoDate } from '../../platform/vn/dates.ts';
import { foldVietnamese } from '../../platform/vn/fold.ts';
import { findOverlap } from '../people/index.ts';
import { GENDER_LABELS, parseGender } from './columns.ts';

/**
 * The residents file — people without employment (farmers, students, citizens) with the commune and
 * village they live in — one row per residence, a person named by their code (mã cư dân, in the same
 * register as HR codes) on each of their rows. Checked and planned as a whole (pure: the communes, the
 * people already there and the scope come in). A residence is known by its person, commune and start
 * date: importing it again updates it; none may overlap another of the same person.
 */
export type ResidentColumn = 'personCode' | 'fullName' | 'gender' | 'birth' | 'ethnicity' | 'unitCode' | 'village' | 'address'
  | 'validFrom' | 'validTo';

export const RESIDENT_COLUMNS: ColumnSpec<ResidentColumn>[] = [
  { key: 'personCode', header: 'Mã cư dân', width: 14, required: true, note: 'Mã do xã đặt (chữ không dấu, số, dấu . _ -), không trùng với mã cán bộ hay mã cư dân khác; một người chuyển nơi ở thì ghi nhiều dòng cùng mã.' },
  { key: 'fullName', header: 'Họ và tên', width: 28, required: true },
  { key: 'gender', header: 'Giới tính', width: 10, required: true, note: 'Nam; Nữ' },
  { key: 'birth', header: 'Ngày sinh (hoặc năm sinh)', width: 16, note: 'Ngày/tháng/năm hoặc chỉ năm sinh.' },
  { key: 'ethnicity', header: 'Dân tộc', width: 12, note: 'Để trống: Kinh.' },
  { key: 'unitCode', header: 'Mã xã', width: 12, required: true, note: 'Mã đơn vị của xã, phường, đặc khu nơi cư trú (Ủy ban nhân dân cấp xã).' },
  { key: 'village', header: 'Thôn, ấp, tổ dân phố', width: 22, required: true },
  { key: 'address', header: 'Địa chỉ', width: 28, note: 'Số nhà, đường, xóm (không bắt buộc).' },
  { key: 'validFrom', header: 'Cư trú từ ngày', width: 14, required: true, date: true },
  { key: 'validTo', header: 'Cư trú đến ngày', width: 14, date: true, note: 'Để trống nếu đang cư trú. Các thời gian cư trú của một người không được chồng lấn.' },
];

export const RESIDENT_EXAMPLE: (string | Date | null)[] = [
  'CD0001', 'Lường Văn Thắng', 'Nam', '1968', 'Thái', 'XTT', 'Thôn Nà Lừa', 'Nhà số 12', new Date(Date.UTC(2025, 6, 1)), null,
];

export interface ExistingResidence { id: string; organisationId: string; organisationName: string; village: string; address: string; validFrom: IsoDate; validTo: IsoDate | null }
export interface ExistingResident {
  id: string; code: string; fullName: string; gender: 'male' | 'female'; birthYear: number | null; ethnicity: string;
  /** has an employment: the file is for people without one */
  employed: boolean;
  /** reached by the actor through a residence, or living nowhere yet */
  writable: boolean;
  residences: ExistingResidence[];
}
export interface ResidentLookups {
  /** unit code → commune, only communes where the actor may write people */
  communes: ReadonlyMap<string, { id: string; name: string; isCommune: boolean }>;
  people: ReadonlyMap<string, ExistingResident>;
  currentYear: number;
  newId(): string;
  locale: Locale;
}
export interface PlannedResident { id: string; isNew: boolean; code: string; fullName: string; gender: 'male' | 'female'; birthYear: number | null; ethnicity: string }
export interface PlannedResidence {
  row: number; id: string; isNew: boolean; personId: string; organisationId: string; village: string; address: string; validFrom: IsoDate; validTo: IsoDate | null;
}

const MAX_TEXT = 300;

export function planResidents(rows: readonly SheetRow[], positions: ReadonlyMap<ResidentColumn, number>, headers: ReadonlyMap<ResidentColumn, string>,
  lookups: ResidentLookups): { people: PlannedResident[]; residences: PlannedResidence[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const people = new Map<string, PlannedResident & { row: number }>();
  const residences: PlannedResidence[] = [];

  for (const { row, cells } of rows) {
    const before = errors.length;
    const fail = (key: ResidentColumn, code: MessageKey, params: Record<string, string | number> = {}) =>
      errors.push({ row, column: headers.get(key) ?? key, message: translate(code, lookups.locale, params) });
    const raw = (key: ResidentColumn) => cells[positions.get(key)!] ?? null;
    const text = (key: ResidentColumn) => {
      const value = cellText(raw(key));
      if (value.length > MAX_TEXT) fail(key, 'import.row.too_long', { max: MAX_TEXT });
      return value;
    };
    const date = (key: ResidentColumn) => {
      const value = cellDate(raw(key));
      if (value === undefined) fail(key, 'import.row.bad_date', { value: cellText(raw(key)) });
      return value ?? null;
    };
    for (const column of RESIDENT_COLUMNS) if (column.required && text(column.key) === '') fail(column.key, 'import.row.required');

    const code = text('personCode');
    if (code && !/^[0-9A-Za-z._-]{1,30}$/.test(code)) fail('personCode', 'onboarding.row.bad_code', { value: code });
    const fullName = text('fullName').replace(/\s+/g, ' ');
    const genderText = text('gender');
    const gender = genderText ? parseGender(genderText) : null;
    if (genderText && !gender) fail('gender', 'import.row.unknown_value', { value: genderText, allowed: Object.values(GENDER_LABELS).join('; ') });
    let birthYear: number | null = null;
    const birthText = text('birth');
    if (birthText !== '') {
      const year = cellYear(raw('birth'));
      const asDate = year === null ? cellDate(raw('birth')) : null;
      birthYear = year ?? (asDate ? Number(asDate.slice(0, 4)) : null);
      if (birthYear === null || birthYear < 1900 || birthYear > lookups.currentYear) {
        fail('birth', 'onboarding.row.bad_birth', { value: birthText, max: lookups.currentYear });
      }
    }
    const ethnicity = text('ethnicity') || 'Kinh';
    const unitCode = text('unitCode');
    const commune = unitCode ? lookups.communes.get(unitCode) : undefined;
    if (unitCode && !commune) fail('unitCode', 'import.row.unknown_unit', { code: unitCode });
    if (commune && !commune.isCommune) fail('unitCode', 'onboarding.row.not_commune', { code: unitCode });
    const village = text('village').replace(/\s+/g, ' ');
    const address = text('address');
    const validFrom = date('validFrom');
    const validTo = date('validTo');
    if (validFrom && validTo && validTo < validFrom) fail('validTo', 'import.row.end_before_start');

    const existing = code ? lookups.people.get(code) : undefined;
    if (existing?.employed) fail('personCode', 'onboarding.row.employed', { code });
    else if (existing && !existing.writable) fail('personCode', 'onboarding.row.person_out_of_scope', { code });
    let person = code ? people.get(code) : undefined;
    if (person && gender && fullName) {
      if (foldVietnamese(person.fullName) !== foldVietnamese(fullName) || person.gender !== gender
        || (birthText !== '' && person.birthYear !== birthYear) || (text('ethnicity') !== '' && person.ethnicity !== ethnicity)) {
        fail('fullName', 'onboarding.row.person_differs', { code, row: person.row });
      }
    }
    if (errors.length > before) continue;
    if (!person) {
      person = {
        row, id: existing?.id ?? lookups.newId(), isNew: !existing, code, fullName, gender: gender!,
        birthYear: birthText === '' ? existing?.birthYear ?? null : birthYear,
        ethnicity: text('ethnicity') === '' ? existing?.ethnicity ?? 'Kinh' : ethnicity,
      };
      people.set(code, person);
    }
    const same = existing?.residences.find((r) => r.organisationId === commune!.id && r.validFrom === validFrom);
    residences.push({
      row, id: same?.id ?? lookups.newId(), isNew: !same, personId: person.id, organisationId: commune!.id, village, address,
      validFrom: validFrom!, validTo,
    });
  }

  // one commune of residence on any date: the file's residences of a person against each other and those already there
  const communeName = new Map([...lookups.communes.values()].map((c) => [c.id, c.name]));
  const existingById = new Map([...lookups.people.values()].map((p) => [p.id, p]));
  const byPerson = new Map<string, PlannedResidence[]>();
  for (const r of residences) byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), r]);
  for (const [personId, mine] of byPerson) {
    const kept = (existingById.get(personId)?.residences ?? []).filter((e) => !mine.some((m) => m.id === e.id))
      .map((e) => ({ id: e.id, row: 0, startDate: e.validFrom, endDate: e.validTo, name: e.organisationName }));
    const all = [...kept, ...mine.map((m) => ({ id: m.id, row: m.row, startDate: m.validFrom, endDate: m.validTo, name: communeName.get(m.organisationId) ?? '' }))];
    for (const r of mine) {
      const clash = findOverlap(all, { id: r.id, startDate: r.validFrom, endDate: r.validTo });
      if (!clash) continue;
      errors.push({ row: r.row, column: headers.get('validFrom') ?? 'validFrom',
        message: translate('residence.overlap', lookups.locale, { start: formatDate(clash.startDate), organisation: clash.name })
          + (clash.row > 0 ? ` (${translate('onboarding.row.see_row', lookups.locale, { row: clash.row })})` : '') });
    }
  }
  if (errors.length > 0) return { people: [], residences: [], errors: errors.sort((a, b) => a.row - b.row) };
  return { people: [...people.values()].map(({ row: _, ...p }) => p), residences, errors };
}
