import { translate, type Locale, type MessageKey } from '../../platform/i18n/messages.ts';
import { cellDate, cellText, labelParser, type ColumnSpec, type RowError } from '../../platform/spreadsheets/columns.ts';
import type { SheetRow } from '../../platform/spreadsheets/sheet.ts';
import { formatDate, type IsoDate } from '../../platform/vn/dates.ts';
import { foldVietnamese } from '../../platform/vn/fold.ts';
import type { AdministrativeLevel } from '../organisations/index.ts';
import { LEVEL_LABELS, parseLevel } from './columns.ts';

/**
 * The councils file (Hội đồng Thi đua – Khen thưởng of each level): one row per member, the council's
 * columns repeated on each of its rows, checked and planned as a whole (pure: units, people, accounts
 * and the councils already there come in). A council is known by its code: importing it again updates
 * it, and its members become those of the file (a member not in the file leaves the council).
 */
export type CouncilColumn = 'councilCode' | 'councilName' | 'unitCode' | 'level' | 'validFrom' | 'validTo' | 'establishedBy'
  | 'member' | 'post' | 'title' | 'termFrom' | 'termTo';
export type CouncilPost = 'chair' | 'vice_chair' | 'standing_member' | 'member' | 'secretary';

/** Posts in a council (Decree 98/2023 art. 63–64: chairman, vice chairmen, standing member, members; a secretary). */
export const POST_LABELS: Record<CouncilPost, string> = {
  chair: 'Chủ tịch', vice_chair: 'Phó Chủ tịch', standing_member: 'Ủy viên thường trực', member: 'Ủy viên', secretary: 'Thư ký',
};
export const COUNCIL_POSTS = Object.keys(POST_LABELS) as CouncilPost[];
export const parsePost = labelParser(POST_LABELS, {
  'Chủ tịch Hội đồng': 'chair', 'Phó Chủ tịch Hội đồng': 'vice_chair', 'Phó Chủ tịch thường trực': 'vice_chair',
  'Thường trực': 'standing_member', 'Thành viên': 'member', 'Ủy viên Hội đồng': 'member', 'Thư ký Hội đồng': 'secretary',
});

export const COUNCIL_COLUMNS: ColumnSpec<CouncilColumn>[] = [
  { key: 'councilCode', header: 'Mã hội đồng', width: 14, required: true, note: 'Mã do cơ quan tự đặt (chữ, số, dấu . _ -); một Hội đồng ghi nhiều dòng cùng mã, mỗi dòng một thành viên. Nhập lại cùng mã thì cập nhật Hội đồng đã có.' },
  { key: 'councilName', header: 'Tên hội đồng', width: 36, required: true },
  { key: 'unitCode', header: 'Mã đơn vị', width: 14, required: true, note: 'Đơn vị có Hội đồng (đã có hoặc vừa nhập ở tệp đơn vị).' },
  { key: 'level', header: 'Cấp', width: 12, required: true, note: Object.values(LEVEL_LABELS).join('; ') },
  { key: 'validFrom', header: 'Nhiệm kỳ từ ngày', width: 16, required: true, date: true },
  { key: 'validTo', header: 'Nhiệm kỳ đến ngày', width: 16, date: true, note: 'Để trống nếu Hội đồng đang hoạt động.' },
  { key: 'establishedBy', header: 'Quyết định thành lập', width: 28, note: 'Số, ngày của quyết định thành lập, kiện toàn (không bắt buộc).' },
  { key: 'member', header: 'Thành viên (mã cán bộ hoặc tên đăng nhập)', width: 20, required: true, note: 'Mã cán bộ, hoặc tên đăng nhập của tài khoản đã gắn với cán bộ của cơ quan.' },
  { key: 'post', header: 'Chức danh trong Hội đồng', width: 20, required: true, note: Object.values(POST_LABELS).join('; ') },
  { key: 'title', header: 'Chức vụ', width: 30, note: 'Chức vụ chính quyền, đoàn thể của thành viên, ví dụ Giám đốc Sở Nội vụ (không bắt buộc).' },
  { key: 'termFrom', header: 'Từ ngày', width: 14, date: true, note: 'Ngày bắt đầu làm thành viên, nếu khác nhiệm kỳ của Hội đồng.' },
  { key: 'termTo', header: 'Đến ngày', width: 14, date: true, note: 'Ngày thôi làm thành viên, nếu có.' },
];

export const COUNCIL_EXAMPLE: (string | Date | null)[] = [
  'HD-TINH', 'Hội đồng Thi đua – Khen thưởng tỉnh', 'UBND', 'Tỉnh', new Date(Date.UTC(2021, 6, 1)), new Date(Date.UTC(2026, 5, 30)),
  '1234/QĐ-UBND ngày 01/7/2021', 'CB0001', 'Chủ tịch', 'Chủ tịch UBND tỉnh', null, null,
];

export interface CouncilMemberInput {
  personId: string; role: CouncilPost; title: string; termFrom: IsoDate | null; termTo: IsoDate | null;
}

/**
 * The rules a council's members keep, for the file and for the edit screen alike: one post per person
 * in a council, one chairman, a term that does not end before it starts. Answers the index of the
 * first member that breaks each rule and the index of the member it clashes with.
 */
export function councilMemberProblems(members: readonly Pick<CouncilMemberInput, 'personId' | 'role' | 'termFrom' | 'termTo'>[]) {
  const problems: { index: number; code: 'member_twice' | 'second_chair' | 'term_before_start'; other: number }[] = [];
  const seen = new Map<string, number>();
  let chair = -1;
  members.forEach((m, index) => {
    const earlier = seen.get(m.personId);
    if (earlier !== undefined) problems.push({ index, code: 'member_twice', other: earlier });
    else seen.set(m.personId, index);
    if (m.role === 'chair') {
      if (chair >= 0) problems.push({ index, code: 'second_chair', other: chair });
      else chair = index;
    }
    if (m.termFrom && m.termTo && m.termTo < m.termFrom) problems.push({ index, code: 'term_before_start', other: index });
  });
  return problems;
}

export interface CouncilTerm { id: string; name: string; validFrom: IsoDate; validTo: IsoDate | null }

/** The first council of the same unit whose term overlaps this one (a unit has one council at a time: the one a meeting convenes). */
export function overlappingCouncil(term: Omit<CouncilTerm, 'name'>, others: readonly CouncilTerm[]): CouncilTerm | undefined {
  const end = (t: { validTo: IsoDate | null }) => t.validTo ?? '9999-12-31';
  return others.find((o) => o.id !== term.id && o.validFrom <= end(term) && term.validFrom <= end(o));
}

/** A member written as an HR code or an account's username, resolved by the service. */
export type MemberLookup = { personId: string } | { problem: 'registry.row.member_other_tenant' | 'registry.row.account_without_person' };

export interface ExistingCouncil { id: string; code: string; writable: boolean }
export interface CouncilLookups {
  /** unit code → unit where the actor may manage the council (council.manage) */
  units: ReadonlyMap<string, { id: string; path: string }>;
  /** council code → council already there */
  councils: ReadonlyMap<string, ExistingCouncil>;
  /** unit id → the councils already there of that unit */
  unitCouncils: ReadonlyMap<string, readonly CouncilTerm[]>;
  /** HR code or username (lower case) → person of the tenant in scope, or why not */
  members: ReadonlyMap<string, MemberLookup>;
  newId(): string;
  locale: Locale;
}

export interface PlannedCouncil {
  row: number; id: string; isNew: boolean; code: string; name: string; organisationId: string; path: string; level: AdministrativeLevel;
  validFrom: IsoDate; validTo: IsoDate | null; establishedBy: string;
  members: (CouncilMemberInput & { row: number })[];
}

const CODE = /^[0-9A-Za-z._-]{1,30}$/;
const MAX_TEXT = 300;

export function planCouncils(rows: readonly SheetRow[], positions: ReadonlyMap<CouncilColumn, number>, headers: ReadonlyMap<CouncilColumn, string>,
  lookups: CouncilLookups): { councils: PlannedCouncil[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const councils = new Map<string, PlannedCouncil>();
  for (const { row, cells } of rows) {
    const before = errors.length;
    const fail = (key: CouncilColumn, code: MessageKey, params: Record<string, string | number> = {}) =>
      errors.push({ row, column: headers.get(key) ?? key, message: translate(code, lookups.locale, params) });
    const raw = (key: CouncilColumn) => cells[positions.get(key)!] ?? null;
    const text = (key: CouncilColumn) => {
      const value = cellText(raw(key));
      if (value.length > MAX_TEXT) fail(key, 'import.row.too_long', { max: MAX_TEXT });
      return value;
    };
    const date = (key: CouncilColumn) => {
      const value = cellDate(raw(key));
      if (value === undefined) fail(key, 'import.row.bad_date', { value: cellText(raw(key)) });
      return value ?? null;
    };
    for (const column of COUNCIL_COLUMNS) if (column.required && text(column.key) === '') fail(column.key, 'import.row.required');

    const code = text('councilCode');
    if (code && !CODE.test(code)) fail('councilCode', 'onboarding.row.bad_code', { value: code });
    const name = text('councilName').replace(/\s+/g, ' ');
    const unitCode = text('unitCode');
    const unit = unitCode ? lookups.units.get(unitCode) : undefined;
    if (unitCode && !unit) fail('unitCode', 'import.row.unknown_unit', { code: unitCode });
    const levelText = text('level');
    const level = levelText ? parseLevel(levelText) : null;
    if (levelText && !level) fail('level', 'import.row.unknown_value', { value: levelText, allowed: Object.values(LEVEL_LABELS).join('; ') });
    const validFrom = date('validFrom');
    const validTo = date('validTo');
    if (validFrom && validTo && validTo < validFrom) fail('validTo', 'registry.row.term_before_start');
    const establishedBy = text('establishedBy');
    const memberText = text('member');
    const found = memberText ? lookups.members.get(memberText) ?? lookups.members.get(memberText.toLowerCase()) : undefined;
    if (memberText && !found) fail('member', 'registry.row.unknown_member', { value: memberText });
    else if (found && 'problem' in found) fail('member', found.problem, { value: memberText });
    const postText = text('post');
    const post = postText ? parsePost(postText) : null;
    if (postText && !post) fail('post', 'import.row.unknown_value', { value: postText, allowed: Object.values(POST_LABELS).join('; ') });
    const title = text('title');
    const termFrom = date('termFrom');
    const termTo = date('termTo');
    if (termFrom && termTo && termTo < termFrom) fail('termTo', 'import.row.end_before_start');

    const existing = code ? lookups.councils.get(code) : undefined;
    if (existing && !existing.writable) fail('councilCode', 'registry.row.code_out_of_scope', { code, entity: translate('entity_council', lookups.locale) });
    // the council as its code's first row says it; its other rows must say the same
    const earlier = code ? councils.get(code) : undefined;
    if (earlier && unit && level && validFrom && name
      && (foldVietnamese(earlier.name) !== foldVietnamese(name) || earlier.organisationId !== unit.id || earlier.level !== level
        || earlier.validFrom !== validFrom || earlier.validTo !== validTo || (establishedBy !== '' && earlier.establishedBy !== establishedBy))) {
      fail('councilCode', 'registry.row.council_differs', { code, row: earlier.row });
    }
    if (errors.length > before) continue;
    const member = { row, personId: (found as { personId: string }).personId, role: post!, title, termFrom, termTo };
    if (earlier) {
      const clash = councilMemberProblems([...earlier.members, member]).find((p) => p.index === earlier.members.length && p.code !== 'term_before_start');
      if (clash) {
        const other = earlier.members[clash.other]!.row;
        if (clash.code === 'member_twice') fail('member', 'registry.row.member_twice', { code, row: other });
        else fail('post', 'registry.row.second_chair', { code, row: other });
        continue;
      }
      earlier.members.push(member);
      continue;
    }
    councils.set(code, {
      row, id: existing?.id ?? lookups.newId(), isNew: !existing, code, name, organisationId: unit!.id, path: unit!.path, level: level!,
      validFrom: validFrom!, validTo, establishedBy, members: [member],
    });
  }
  // one council of a unit at a time: against the file's other councils of the unit and those already there
  const planned = [...councils.values()];
  for (const c of planned) {
    const others = [
      ...(lookups.unitCouncils.get(c.organisationId) ?? []).filter((o) => !planned.some((p) => p.id === o.id)),
      ...planned.filter((p) => p.organisationId === c.organisationId && p.row < c.row),
    ];
    const clash = overlappingCouncil(c, others);
    if (clash) {
      errors.push({ row: c.row, column: headers.get('validFrom') ?? 'validFrom', message: translate('registry.row.term_overlap', lookups.locale, {
        other: clash.name, from: formatDate(clash.validFrom), to: clash.validTo ? formatDate(clash.validTo) : '…' }) });
    }
  }
  if (errors.length > 0) return { councils: [], errors: errors.sort((a, b) => a.row - b.row) };
  return { councils: planned, errors };
}
