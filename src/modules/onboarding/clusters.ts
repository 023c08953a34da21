import { translate, type Locale, type MessageKey } from '../../platform/i18n/messages.ts';
import { cellText, cellYear, labelParser, type ColumnSpec, type RowError } from '../../platform/spreadsheets/columns.ts';
import type { SheetRow } from '../../platform/spreadsheets/sheet.ts';
import { foldVietnamese } from '../../platform/vn/fold.ts';
import type { MemberLookup } from './councils.ts';

/**
 * The clusters and blocks file (cụm, khối thi đua) of a year: one row per member unit, the cluster's
 * columns repeated on each of its rows, checked and planned as a whole (pure). A cluster is known by its
 * code across years; its members, head, deputy and the council member who follows it are the year's.
 * Importing again updates it, and the year's members become those of the file.
 */
export type ClusterColumn = 'clusterCode' | 'clusterName' | 'kind' | 'year' | 'organiserCode' | 'unitCode' | 'role' | 'follower';
export type ClusterKind = 'cluster' | 'block';
export type ClusterRole = 'head' | 'deputy' | 'member';

export const CLUSTER_KIND_LABELS: Record<ClusterKind, string> = { cluster: 'Cụm', block: 'Khối' };
export const CLUSTER_ROLE_LABELS: Record<ClusterRole, string> = { head: 'Trưởng cụm', deputy: 'Phó cụm', member: 'Thành viên' };
export const parseClusterKind = labelParser(CLUSTER_KIND_LABELS, { 'Cụm thi đua': 'cluster', 'Khối thi đua': 'block' });
export const parseClusterRole = labelParser(CLUSTER_ROLE_LABELS, {
  'Trưởng khối': 'head', 'Cụm trưởng': 'head', 'Khối trưởng': 'head', Trưởng: 'head', 'Phó khối': 'deputy', 'Cụm phó': 'deputy',
  'Khối phó': 'deputy', Phó: 'deputy', 'Phó trưởng cụm': 'deputy', 'Phó trưởng khối': 'deputy',
});

export const CLUSTER_COLUMNS: ColumnSpec<ClusterColumn>[] = [
  { key: 'clusterCode', header: 'Mã cụm/khối', width: 14, required: true, note: 'Mã do cơ quan tự đặt (chữ, số, dấu . _ -), giữ nguyên qua các năm; mỗi đơn vị thành viên một dòng cùng mã.' },
  { key: 'clusterName', header: 'Tên cụm/khối', width: 36, required: true },
  { key: 'kind', header: 'Loại', width: 10, required: true, note: 'Cụm (theo địa bàn); Khối (theo ngành, lĩnh vực).' },
  { key: 'year', header: 'Năm', width: 8, required: true, note: 'Năm thi đua của danh sách thành viên.' },
  { key: 'organiserCode', header: 'Mã đơn vị tổ chức', width: 16, note: 'Đơn vị tổ chức cụm, khối (thường là UBND tỉnh). Để trống: đơn vị nơi bạn được giao quyền (hoặc đơn vị đã ghi lần trước).' },
  { key: 'unitCode', header: 'Mã đơn vị thành viên', width: 16, required: true },
  { key: 'role', header: 'Vai trò', width: 14, note: 'Trưởng cụm; Phó cụm; Thành viên. Để trống: Thành viên. Mỗi cụm, khối một trưởng cụm trong năm.' },
  { key: 'follower', header: 'Thành viên Hội đồng theo dõi (mã cán bộ hoặc tên đăng nhập)', width: 24, note: 'Thành viên Hội đồng Thi đua – Khen thưởng đương nhiệm trong năm được phân công theo dõi cụm, khối; ghi ở một dòng hoặc mọi dòng (giống nhau).' },
];

export const CLUSTER_EXAMPLE: (string | Date | null)[] = ['CUM1', 'Cụm thi đua số 1 – các sở kinh tế', 'Cụm', '2025', '', 'SNV', 'Trưởng cụm', 'CB0001'];

export interface ClusterMemberInput { organisationId: string; role: ClusterRole }

/** The rules a cluster's members keep in a year, for the file and the edit screen: each unit once, one head. */
export function clusterMemberProblems(members: readonly ClusterMemberInput[]) {
  const problems: { index: number; code: 'unit_twice' | 'second_head'; other: number }[] = [];
  const seen = new Map<string, number>();
  let head = -1;
  members.forEach((m, index) => {
    const earlier = seen.get(m.organisationId);
    if (earlier !== undefined) problems.push({ index, code: 'unit_twice', other: earlier });
    else seen.set(m.organisationId, index);
    if (m.role === 'head') {
      if (head >= 0) problems.push({ index, code: 'second_head', other: head });
      else head = index;
    }
  });
  return problems;
}

export interface ExistingCluster { id: string; code: string; organiserId: string; writable: boolean; closed: boolean }
export interface ClusterLookups {
  /** unit code → unit of the tenant in the actor's scope, with whether the actor may organise clusters there (cluster.manage) */
  units: ReadonlyMap<string, { id: string; name: string; organise: boolean }>;
  clusters: ReadonlyMap<string, ExistingCluster>;
  /** the units' memberships already there in the file's years (those of clusters the file names for the year are passed over) */
  memberships: readonly { organisationId: string; year: number; kind: ClusterKind; clusterName: string; clusterCode: string | null }[];
  /** HR code or username (lower case) → person; followers: whether they sit on a council in office in the year */
  people: ReadonlyMap<string, MemberLookup>;
  councilYears: ReadonlyMap<string, ReadonlySet<number>>;
  /** the organiser of a new cluster whose row names none: the unit of the actor's grant */
  defaultOrganiserId: string | null;
  currentYear: number;
  newId(): string;
  locale: Locale;
}

export interface PlannedClusterYear {
  row: number; id: string; isNew: boolean; code: string; name: string; kind: ClusterKind; organiserId: string; year: number;
  followerId: string | null; members: (ClusterMemberInput & { row: number })[];
}

const CODE = /^[0-9A-Za-z._-]{1,30}$/;
const MAX_TEXT = 300;
const FIRST_YEAR = 1975;

export function planClusters(rows: readonly SheetRow[], positions: ReadonlyMap<ClusterColumn, number>, headers: ReadonlyMap<ClusterColumn, string>,
  lookups: ClusterLookups): { clusters: PlannedClusterYear[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const byCodeYear = new Map<string, PlannedClusterYear & { followerText: string; followerRow: number }>();
  const byCode = new Map<string, { row: number; name: string; kind: ClusterKind; organiserId: string }>();
  const kindWord = (kind: ClusterKind) => translate(kind === 'cluster' ? 'registry.kind_cluster' : 'registry.kind_block', lookups.locale);
  // unit, year and kind → where the file put it first
  const placed = new Map<string, { row: number; code: string }>();
  // a cluster the file names for a year gets the file's members for that year: its present ones do not count against them
  const cell = (cells: SheetRow['cells'], key: ClusterColumn) => cellText(cells[positions.get(key)!] ?? null);
  const named = new Set(rows.map(({ cells }) => `${cell(cells, 'clusterCode')}\u0000${cellYear(cells[positions.get('year')!] ?? null)}`));
  for (const { row, cells } of rows) {
    const before = errors.length;
    const fail = (key: ClusterColumn, code: MessageKey, params: Record<string, string | number> = {}) =>
      errors.push({ row, column: headers.get(key) ?? key, message: translate(code, lookups.locale, params) });
    const raw = (key: ClusterColumn) => cells[positions.get(key)!] ?? null;
    const text = (key: ClusterColumn) => {
      const value = cellText(raw(key));
      if (value.length > MAX_TEXT) fail(key, 'import.row.too_long', { max: MAX_TEXT });
      return value;
    };
    for (const column of CLUSTER_COLUMNS) if (column.required && text(column.key) === '') fail(column.key, 'import.row.required');

    const code = text('clusterCode');
    if (code && !CODE.test(code)) fail('clusterCode', 'onboarding.row.bad_code', { value: code });
    const name = text('clusterName').replace(/\s+/g, ' ');
    const kindText = text('kind');
    const kind = kindText ? parseClusterKind(kindText) : null;
    if (kindText && !kind) fail('kind', 'import.row.unknown_value', { value: kindText, allowed: Object.values(CLUSTER_KIND_LABELS).join('; ') });
    const yearText = text('year');
    const year = yearText ? cellYear(raw('year')) : null;
    const maxYear = lookups.currentYear + 1;
    if (yearText && (year === null || year < FIRST_YEAR || year > maxYear)) fail('year', 'import.row.year', { value: yearText, max: maxYear });
    const existing = code ? lookups.clusters.get(code) : undefined;
    if (existing && !existing.writable) fail('clusterCode', 'registry.row.code_out_of_scope', { code, entity: translate('entity_cluster', lookups.locale) });
    else if (existing?.closed) fail('clusterCode', 'registry.row.closed_cluster', { code });
    const organiserCode = text('organiserCode');
    let organiserId: string | null = existing?.organiserId ?? lookups.defaultOrganiserId;
    if (organiserCode) {
      const organiser = lookups.units.get(organiserCode);
      if (!organiser || !organiser.organise) fail('organiserCode', 'import.row.unknown_unit', { code: organiserCode });
      else organiserId = organiser.id;
    }
    const unitCode = text('unitCode');
    const unit = unitCode ? lookups.units.get(unitCode) : undefined;
    if (unitCode && !unit) fail('unitCode', 'import.row.unknown_unit', { code: unitCode });
    const roleText = text('role');
    const role: ClusterRole | null = roleText ? parseClusterRole(roleText) : 'member';
    if (!role) fail('role', 'import.row.unknown_value', { value: roleText, allowed: Object.values(CLUSTER_ROLE_LABELS).join('; ') });
    const followerText = text('follower');
    let followerId: string | null = null;
    if (followerText && year !== null) {
      const found = lookups.people.get(followerText) ?? lookups.people.get(followerText.toLowerCase());
      if (found && 'problem' in found) fail('follower', found.problem, { value: followerText });
      else if (!found || !lookups.councilYears.get(found.personId)?.has(year)) fail('follower', 'registry.row.unknown_follower', { value: followerText, year });
      else followerId = found.personId;
    }
    if (errors.length > before || !organiserId) {
      if (errors.length === before) fail('organiserCode', 'import.row.required');
      continue;
    }

    // the cluster as its code's first row says; its other rows (any year) must say the same
    const first = byCode.get(code);
    if (first && (foldVietnamese(first.name) !== foldVietnamese(name) || first.kind !== kind || first.organiserId !== organiserId)) {
      fail('clusterCode', 'registry.row.cluster_differs', { code, row: first.row });
      continue;
    }
    if (!first) byCode.set(code, { row, name, kind: kind!, organiserId });
    const key = `${code}\u0000${year}`;
    let planned = byCodeYear.get(key);
    if (planned && followerText && planned.followerText && foldVietnamese(planned.followerText) !== foldVietnamese(followerText)) {
      fail('follower', 'registry.row.cluster_differs', { code, row: planned.followerRow });
      continue;
    }
    const member = { row, organisationId: unit!.id, role: role! };
    if (planned) {
      const clash = clusterMemberProblems([...planned.members, member]).find((p) => p.index === planned!.members.length);
      if (clash) {
        const other = planned.members[clash.other]!.row;
        if (clash.code === 'unit_twice') fail('unitCode', 'registry.row.unit_twice', { unit: unitCode, code, year: year!, row: other });
        else fail('role', 'registry.row.second_head', { code, year: year!, row: other });
        continue;
      }
    }
    // one cluster (one block) a year for a unit: against the file's other clusters, then those already there
    const seat = `${unit!.id}\u0000${year}\u0000${kind}`;
    const taken = placed.get(seat);
    if (taken && taken.code !== code) {
      fail('unitCode', 'registry.row.two_clusters_row', { unit: unitCode, kind: kindWord(kind!), other: taken.code, year: year!, row: taken.row });
      continue;
    }
    const elsewhere = lookups.memberships.find((m) => m.organisationId === unit!.id && m.year === year && m.kind === kind
      && !named.has(`${m.clusterCode}\u0000${m.year}`));
    if (elsewhere) {
      fail('unitCode', 'registry.row.two_clusters_existing', { unit: unitCode, kind: kindWord(kind!), other: elsewhere.clusterName, year: year! });
      continue;
    }
    placed.set(seat, { row, code });
    if (!planned) {
      const id = existing?.id ?? [...byCodeYear.values()].find((p) => p.code === code)?.id ?? lookups.newId();
      planned = {
        row, id, isNew: !existing, code, name, kind: kind!, organiserId, year: year!, followerId, members: [],
        followerText, followerRow: row,
      };
      byCodeYear.set(key, planned);
    }
    if (followerText && !planned.followerText) Object.assign(planned, { followerText, followerRow: row, followerId });
    planned.members.push(member);
  }
  if (errors.length > 0) return { clusters: [], errors: errors.sort((a, b) => a.row - b.row) };
  return { clusters: [...byCodeYear.values()].map(({ followerText: _, followerRow: __, ...p }) => p), errors };
}
