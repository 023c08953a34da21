import { translate, type Locale, type MessageKey } from '../../platform/i18n/messages.ts';
import { cellText, parseYesNo, type ColumnSpec, type RowError } from '../../platform/spreadsheets/columns.ts';
import type { SheetRow } from '../../platform/spreadsheets/sheet.ts';

/**
 * The households file — one row per member, a household named by its code (mã hộ) on each of its
 * rows, the members by their code (a resident's or an official's) — checked and planned as a whole
 * (pure: the communes, the people and households already there and the scope come in). Importing the
 * file again changes nothing; a household in the file gets exactly the members the file lists.
 */
export type HouseholdColumn = 'householdCode' | 'unitCode' | 'village' | 'address' | 'personCode' | 'relation' | 'head';

export const HOUSEHOLD_COLUMNS: ColumnSpec<HouseholdColumn>[] = [
  { key: 'householdCode', header: 'Mã hộ', width: 14, required: true, note: 'Mã do xã đặt (chữ không dấu, số, dấu . _ -), không trùng; mỗi thành viên của hộ một dòng, cùng mã hộ.' },
  { key: 'unitCode', header: 'Mã xã', width: 12, required: true, note: 'Mã đơn vị của xã, phường, đặc khu (Ủy ban nhân dân cấp xã). Các dòng của một hộ phải giống nhau.' },
  { key: 'village', header: 'Thôn, ấp, tổ dân phố', width: 22, required: true },
  { key: 'address', header: 'Địa chỉ', width: 28 },
  { key: 'personCode', header: 'Mã thành viên', width: 14, required: true, note: 'Mã cư dân hoặc mã cán bộ của người đã có (nhập tệp cư dân trước).' },
  { key: 'relation', header: 'Quan hệ với chủ hộ', width: 16, note: 'Ví dụ: Chủ hộ, Vợ, Chồng, Con, Mẹ.' },
  { key: 'head', header: 'Chủ hộ (Có/Không)', width: 12, note: 'Có ở đúng một dòng của mỗi hộ.' },
];

export const HOUSEHOLD_EXAMPLE: (string | Date | null)[] = ['HO-0001', 'XTT', 'Thôn Nà Lừa', 'Nhà số 12', 'CD0001', 'Chủ hộ', 'Có'];

export interface ExistingHousehold {
  id: string; code: string; organisationId: string; village: string; address: string; headPersonId: string | null; writable: boolean;
  members: { personId: string; relation: string }[];
}
export interface HouseholdLookups {
  communes: ReadonlyMap<string, { id: string; name: string; isCommune: boolean }>;
  /** person code → person the actor may read */
  people: ReadonlyMap<string, { id: string; fullName: string }>;
  households: ReadonlyMap<string, ExistingHousehold>;
  newId(): string;
  locale: Locale;
}
export interface PlannedHousehold {
  id: string; isNew: boolean; code: string; organisationId: string; village: string; address: string;
  headPersonId: string; headName: string; members: { personId: string; relation: string }[];
  /** the same as what is stored: nothing to write */
  unchanged: boolean;
}

export function planHouseholds(rows: readonly SheetRow[], positions: ReadonlyMap<HouseholdColumn, number>, headers: ReadonlyMap<HouseholdColumn, string>,
  lookups: HouseholdLookups): { households: PlannedHousehold[]; errors: RowError[] } {
  const errors: RowError[] = [];
  type Draft = { row: number; code: string; organisationId: string; village: string; address: string; head: { row: number; personId: string; name: string } | null;
    members: Map<string, { row: number; relation: string }> };
  const drafts = new Map<string, Draft>();

  for (const { row, cells } of rows) {
    const before = errors.length;
    const fail = (key: HouseholdColumn, code: MessageKey, params: Record<string, string | number> = {}) =>
      errors.push({ row, column: headers.get(key) ?? key, message: translate(code, lookups.locale, params) });
    const text = (key: HouseholdColumn) => {
      const value = cellText(cells[positions.get(key)!] ?? null).replace(/\s+/g, ' ');
      if (value.length > 300) fail(key, 'import.row.too_long', { max: 300 });
      return value;
    };
    for (const column of HOUSEHOLD_COLUMNS) if (column.required && text(column.key) === '') fail(column.key, 'import.row.required');
    const code = text('householdCode');
    if (code && !/^[0-9A-Za-z._-]{1,30}$/.test(code)) fail('householdCode', 'onboarding.row.bad_code', { value: code });
    const unitCode = text('unitCode');
    const commune = unitCode ? lookups.communes.get(unitCode) : undefined;
    if (unitCode && !commune) fail('unitCode', 'import.row.unknown_unit', { code: unitCode });
    if (commune && !commune.isCommune) fail('unitCode', 'onboarding.row.not_commune', { code: unitCode });
    const village = text('village');
    const address = text('address');
    const personCode = text('personCode');
    const person = personCode ? lookups.people.get(personCode) : undefined;
    if (personCode && !person) fail('personCode', 'onboarding.row.unknown_member', { code: personCode });
    const relation = text('relation');
    const headText = text('head');
    const isHead = headText === '' ? false : parseYesNo(headText);
    if (isHead === null) fail('head', 'import.row.unknown_value', { value: headText, allowed: 'Có; Không' });
    const existing = code ? lookups.households.get(code) : undefined;
    if (existing && !existing.writable) fail('householdCode', 'onboarding.row.household_out_of_scope', { code });

    const draft = code ? drafts.get(code) : undefined;
    if (draft && commune && (draft.organisationId !== commune.id || draft.village !== village || draft.address !== address)) {
      fail('village', 'onboarding.row.household_differs', { code, row: draft.row });
    }
    if (draft && person && draft.members.has(person.id)) {
      fail('personCode', 'onboarding.row.member_twice', { code: personCode, row: draft.members.get(person.id)!.row });
    }
    if (draft?.head && isHead) fail('head', 'onboarding.row.two_heads', { code, row: draft.head.row });
    if (errors.length > before) continue;
    const target = draft ?? { row, code, organisationId: commune!.id, village, address, head: null, members: new Map() };
    drafts.set(code, target);
    target.members.set(person!.id, { row, relation });
    if (isHead) target.head = { row, personId: person!.id, name: person!.fullName };
  }
  for (const d of drafts.values()) {
    if (!d.head) errors.push({ row: d.row, column: headers.get('head') ?? 'head', message: translate('onboarding.row.no_head', lookups.locale, { code: d.code }) });
  }
  if (errors.length > 0) return { households: [], errors: errors.sort((a, b) => a.row - b.row) };

  const households = [...drafts.values()].map((d): PlannedHousehold => {
    const existing = lookups.households.get(d.code);
    const members = [...d.members].map(([personId, m]) => ({ personId, relation: m.relation }));
    const sameMembers = existing !== undefined && existing.members.length === members.length
      && members.every((m) => existing.members.some((e) => e.personId === m.personId && e.relation === m.relation));
    return {
      id: existing?.id ?? lookups.newId(), isNew: !existing, code: d.code, organisationId: d.organisationId, village: d.village, address: d.address,
      headPersonId: d.head!.personId, headName: d.head!.name, members,
      unchanged: existing !== undefined && sameMembers && existing.organisationId === d.organisationId && existing.village === d.village
        && existing.address === d.address && existing.headPersonId === d.head!.personId,
    };
  });
  return { households, errors };
}
