import { translate, type Locale, type MessageKey } from '../../platform/i18n/messages.ts';
import { cellDate, cellText, cellYear, parseYesNo, type RowError } from '../../platform/spreadsheets/columns.ts';
import type { SheetRow } from '../../platform/spreadsheets/sheet.ts';
import { formatDate, type IsoDate } from '../../platform/vn/dates.ts';
import { foldVietnamese } from '../../platform/vn/fold.ts';
import { findOverlap, isDirectWorker } from '../people/index.ts';
import { GENDER_LABELS, PERSON_COLUMNS, parseGender, type PersonColumn } from './columns.ts';

/**
 * The people file — one row per employment, a person named by their HR code (mã cán bộ) on each of
 * their rows — checked and planned as a whole (pure: the units, the people already there and the
 * scope come in). An employment is known by its person, unit and start date: importing it again
 * updates it; employments already there and not in the file stay, and none may overlap another.
 */
export interface ExistingEmployment {
  id: string; organisationId: string; organisationName: string; position: string; isLeader: boolean; isDirectWorker: boolean;
  startDate: IsoDate; endDate: IsoDate | null;
}
export interface ExistingPerson {
  id: string; code: string; fullName: string; gender: 'male' | 'female'; birthYear: number | null; ethnicity: string;
  /** reached by the actor through an employment, or employed nowhere yet */
  writable: boolean;
  employments: ExistingEmployment[];
}
export interface PeopleLookups {
  /** unit code → unit, only units where the actor may write people */
  units: ReadonlyMap<string, { id: string; name: string }>;
  people: ReadonlyMap<string, ExistingPerson>;
  currentYear: number;
  newId(): string;
  locale: Locale;
}

export interface PlannedPerson {
  id: string; isNew: boolean; code: string; fullName: string; gender: 'male' | 'female'; birthYear: number | null; ethnicity: string;
  /** new, or something the file says differs from what is stored: only these are written */
  differs: boolean;
}
export interface PlannedEmployment {
  row: number; id: string; isNew: boolean; personId: string; organisationId: string; position: string; isLeader: boolean;
  isDirectWorker: boolean; startDate: IsoDate; endDate: IsoDate | null;
  /** new, or its post, leadership, direct work or end date differs from what is stored */
  differs: boolean;
}

const MAX_TEXT = 300;
const FIRST_BIRTH_YEAR = 1900;

export function planPeople(rows: readonly SheetRow[], positions: ReadonlyMap<PersonColumn, number>, headers: ReadonlyMap<PersonColumn, string>,
  lookups: PeopleLookups): { people: PlannedPerson[]; employments: PlannedEmployment[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const people = new Map<string, PlannedPerson & { row: number }>();
  const employments: PlannedEmployment[] = [];

  // the cell helpers are made once, not per row: a file of 100,000 rows would make half a million closures
  let row = 0;
  let cells: SheetRow['cells'] = [];
  const fail = (key: PersonColumn, code: MessageKey, params: Record<string, string | number> = {}) =>
    errors.push({ row, column: headers.get(key) ?? key, message: translate(code, lookups.locale, params) });
  const raw = (key: PersonColumn) => cells[positions.get(key)!] ?? null;
  const text = (key: PersonColumn) => {
    const value = cellText(raw(key));
    if (value.length > MAX_TEXT) fail(key, 'import.row.too_long', { max: MAX_TEXT });
    return value;
  };
  const date = (key: PersonColumn) => {
    const value = cellDate(raw(key));
    if (value === undefined) fail(key, 'import.row.bad_date', { value: cellText(raw(key)) });
    return value ?? null;
  };
  const yesNo = (key: PersonColumn) => {
    const value = text(key);
    if (value === '') return null;
    const parsed = parseYesNo(value);
    if (parsed === null) fail(key, 'import.row.unknown_value', { value, allowed: 'Có; Không' });
    return parsed;
  };
  const required = PERSON_COLUMNS.filter((c) => c.required).map((c) => c.key);

  for (const sheetRow of rows) {
    ({ row, cells } = sheetRow);
    const before = errors.length;
    for (const key of required) if (text(key) === '') fail(key, 'import.row.required');

    const code = text('personCode');
    const fullName = text('fullName').replace(/\s+/g, ' ');
    const genderText = text('gender');
    const gender = genderText ? parseGender(genderText) : null;
    if (genderText && !gender) fail('gender', 'import.row.unknown_value', { value: genderText, allowed: Object.values(GENDER_LABELS).join('; ') });
    // a birth date or a year: only the year is kept
    let birthYear: number | null = null;
    const birthText = text('birth');
    if (birthText !== '') {
      const year = cellYear(raw('birth'));
      const asDate = year === null ? cellDate(raw('birth')) : null;
      birthYear = year ?? (asDate ? Number(asDate.slice(0, 4)) : null);
      if (birthYear === null || birthYear < FIRST_BIRTH_YEAR || birthYear > lookups.currentYear) {
        fail('birth', 'onboarding.row.bad_birth', { value: birthText, max: lookups.currentYear });
      }
    }
    const ethnicity = text('ethnicity') || 'Kinh';
    const unitCode = text('unitCode');
    const unit = unitCode ? lookups.units.get(unitCode) : undefined;
    if (unitCode && !unit) fail('unitCode', 'import.row.unknown_unit', { code: unitCode });
    const position = text('position');
    const isLeader = yesNo('leader') ?? false;
    const directWorker = yesNo('directWorker');
    const startDate = date('startDate');
    const endDate = date('endDate');
    if (startDate && endDate && endDate < startDate) fail('endDate', 'import.row.end_before_start');

    // the person: as the code's first row says; its other rows must say the same
    const existing = code ? lookups.people.get(code) : undefined;
    if (existing && !existing.writable) fail('personCode', 'onboarding.row.person_out_of_scope', { code });
    let person = code ? people.get(code) : undefined;
    if (person && gender && fullName) {
      if (foldVietnamese(person.fullName) !== foldVietnamese(fullName) || person.gender !== gender
        || (birthText !== '' && person.birthYear !== birthYear) || (text('ethnicity') !== '' && person.ethnicity !== ethnicity)) {
        fail('fullName', 'onboarding.row.person_differs', { code, row: person.row });
      }
    }
    if (errors.length > before) continue;
    if (!person) {
      const planned = {
        row, id: existing?.id ?? lookups.newId(), isNew: !existing, code, fullName, gender: gender!,
        birthYear: birthText === '' ? existing?.birthYear ?? null : birthYear,
        ethnicity: text('ethnicity') === '' ? existing?.ethnicity ?? 'Kinh' : ethnicity,
      };
      person = { ...planned, differs: !existing || existing.fullName !== planned.fullName || existing.gender !== planned.gender
        || existing.birthYear !== planned.birthYear || existing.ethnicity !== planned.ethnicity };
      people.set(code, person);
    }
    const same = existing?.employments.find((e) => e.organisationId === unit!.id && e.startDate === startDate);
    const job = { position, isLeader, isDirectWorker: directWorker ?? isDirectWorker(position, isLeader), endDate };
    employments.push({
      row, id: same?.id ?? lookups.newId(), isNew: !same, personId: person.id, organisationId: unit!.id, startDate: startDate!, ...job,
      differs: !same || same.position !== job.position || same.isLeader !== job.isLeader || same.isDirectWorker !== job.isDirectWorker
        || same.endDate !== job.endDate,
    });
  }

  // one unit on any date: the file's employments of a person against each other and against those already there
  const byPerson = new Map<string, PlannedEmployment[]>();
  for (const e of employments) {
    const mine = byPerson.get(e.personId);
    if (mine) mine.push(e); else byPerson.set(e.personId, [e]);
  }
  const unitName = new Map([...lookups.units.values()].map((u) => [u.id, u.name]));
  const existingByPerson = new Map([...lookups.people.values()].map((p) => [p.id, p]));
  for (const [personId, mine] of byPerson) {
    const kept = (existingByPerson.get(personId)?.employments ?? []).filter((e) => !mine.some((m) => m.id === e.id))
      .map((e) => ({ ...e, row: 0 }));
    if (kept.length === 0 && mine.length === 1) continue; // one employment overlaps nothing
    const all = [...kept, ...mine.map((m) => ({ ...m, organisationName: unitName.get(m.organisationId) ?? '' }))];
    for (const e of mine) {
      const clash = findOverlap(all, { id: e.id, startDate: e.startDate, endDate: e.endDate });
      if (!clash) continue;
      const params = { start: formatDate(clash.startDate), end: clash.endDate ? formatDate(clash.endDate) : '…', organisation: clash.organisationName };
      errors.push({
        row: e.row, column: headers.get('startDate') ?? 'startDate',
        message: clash.row > 0
          ? translate('onboarding.row.overlap_row', lookups.locale, { ...params, row: clash.row })
          : translate('onboarding.row.overlap_existing', lookups.locale, params),
      });
    }
  }
  if (errors.length > 0) return { people: [], employments: [], errors: errors.sort((a, b) => a.row - b.row) };
  return { people: [...people.values()].map(({ row: _, ...p }) => p), employments, errors };
}
