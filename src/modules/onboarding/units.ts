import { translate, type Locale, type MessageKey } from '../../platform/i18n/messages.ts';
import { cellDate, cellText, type RowError } from '../../platform/spreadsheets/columns.ts';
import type { SheetRow } from '../../platform/spreadsheets/sheet.ts';
import { addDays, type IsoDate } from '../../platform/vn/dates.ts';
import { UNIT_CODE, type AdministrativeLevel, type OrganisationKind } from '../organisations/index.ts';
import { KIND_LABELS, LEVEL_LABELS, UNIT_COLUMNS, parseKind, parseLevel, type UnitColumn } from './columns.ts';

/**
 * The units file checked and planned as a whole (pure: the tree and the scope come in). Rows may
 * name parents and successors further down the file; the tree after the import is worked out for
 * every unit of the tenant, so a cycle — within the file or through units already there — is found
 * before anything is written, and every path is known, parents before children.
 */
export interface ExistingUnit { id: string; code: string | null; parentId: string | null; path: string; standingAgencyId: string | null }

export interface UnitLookups {
  /** every unit of the tenant */
  units: readonly ExistingUnit[];
  /** the tenant's root unit: a row without a parent code goes under it */
  rootId: string;
  canWrite(path: string): boolean;
  canRead(path: string): boolean;
  newId(): string;
  locale: Locale;
}

export interface PlannedUnit {
  row: number; id: string; isNew: boolean; code: string; name: string; shortName: string | null;
  kind: OrganisationKind; level: AdministrativeLevel; adminCode: string | null; agencyCode: string | null;
  validFrom: IsoDate; validTo: IsoDate | null; parentId: string | null; path: string; depth: number;
  standingAgencyId: string | null;
  successors: { id: string; onDate: IsoDate; shareNote: string }[];
}

export interface UnitPlan {
  /** parents before children */
  units: PlannedUnit[];
  /** units already there, not in the file, whose path changes because an ancestor moved */
  rebased: { id: string; path: string; depth: number }[];
  /** subtrees moved by the file, deepest first (their awards' recipient paths follow) */
  moves: { oldPath: string; newPath: string }[];
}

const ADMIN_CODE = /^\d{2}(\d{3})?$/;
const AGENCY_CODE = /^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[0-9A-Z]{3}$/;
const MAX_TEXT = 300;
const allowed = (labels: Record<string, string>) => Object.values(labels).join('; ');
export const splitCodes = (text: string) => text.split(/[;,\n]/).map((c) => c.trim()).filter(Boolean);

interface Parsed {
  row: number; id: string; existing: ExistingUnit | undefined; code: string; name: string; shortName: string | null;
  kind: OrganisationKind | null; level: AdministrativeLevel | null; parentCode: string; adminCode: string | null; agencyCode: string | null;
  validFrom: IsoDate | null; validTo: IsoDate | null; successorCodes: string[]; shareNote: string;
}

export function planUnits(rows: readonly SheetRow[], positions: ReadonlyMap<UnitColumn, number>, headers: ReadonlyMap<UnitColumn, string>,
  lookups: UnitLookups): { plan: UnitPlan; errors: RowError[] } {
  const errors: RowError[] = [];
  const failAt = (row: number, key: UnitColumn, code: MessageKey, params: Record<string, string | number> = {}) =>
    errors.push({ row, column: headers.get(key) ?? key, message: translate(code, lookups.locale, params) });
  const existingByCode = new Map(lookups.units.filter((u) => u.code).map((u) => [u.code!, u]));
  const existingById = new Map(lookups.units.map((u) => [u.id, u]));
  const fileByCode = new Map<string, Parsed>();
  const parsed: Parsed[] = [];

  // 1. each row on its own
  for (const { row, cells } of rows) {
    const fail = (key: UnitColumn, code: MessageKey, params: Record<string, string | number> = {}) => failAt(row, key, code, params);
    const text = (key: UnitColumn) => {
      const value = cellText(cells[positions.get(key)!] ?? null);
      if (value.length > MAX_TEXT) fail(key, 'import.row.too_long', { max: MAX_TEXT });
      return value;
    };
    const date = (key: UnitColumn) => {
      const raw = cells[positions.get(key)!] ?? null;
      const value = cellDate(raw);
      if (value === undefined) fail(key, 'import.row.bad_date', { value: cellText(raw) });
      return value ?? null;
    };
    for (const column of UNIT_COLUMNS) if (column.required && text(column.key) === '') fail(column.key, 'import.row.required');
    const code = text('code');
    if (code && !UNIT_CODE.test(code)) fail('code', 'onboarding.row.bad_code', { value: code });
    const kindText = text('kind');
    const kind = kindText ? parseKind(kindText) : null;
    if (kindText && !kind) fail('kind', 'import.row.unknown_value', { value: kindText, allowed: allowed(KIND_LABELS) });
    const levelText = text('level');
    const level = levelText ? parseLevel(levelText) : null;
    if (levelText && !level) fail('level', 'import.row.unknown_value', { value: levelText, allowed: allowed(LEVEL_LABELS) });
    const adminCode = text('adminCode') || null;
    if (adminCode && !ADMIN_CODE.test(adminCode)) fail('adminCode', 'onboarding.row.bad_admin_code', { value: adminCode });
    const agencyCode = text('agencyCode') || null;
    if (agencyCode && !AGENCY_CODE.test(agencyCode)) fail('agencyCode', 'onboarding.row.bad_agency_code', { value: agencyCode });
    const validFrom = date('validFrom');
    const validTo = date('validTo');
    if (validFrom && validTo && validTo < validFrom) fail('validTo', 'onboarding.row.valid_to_before_from');
    const successorCodes = splitCodes(text('successorCodes'));
    if (successorCodes.length > 0 && !validTo && text('validTo') === '') fail('validTo', 'onboarding.row.successor_needs_end');
    if (successorCodes.includes(code)) fail('successorCodes', 'onboarding.row.successor_self');

    if (code) {
      const earlier = fileByCode.get(code);
      if (earlier) { fail('code', 'import.row.duplicate', { row: earlier.row }); continue; }
    }
    const existing = code ? existingByCode.get(code) : undefined;
    if (existing && !lookups.canWrite(existing.path)) fail('code', 'onboarding.row.unit_out_of_scope', { code });
    const p: Parsed = {
      row, id: existing?.id ?? lookups.newId(), existing, code, name: text('name'), shortName: text('shortName') || null, kind, level,
      parentCode: text('parentCode'), adminCode, agencyCode, validFrom, validTo, successorCodes, shareNote: text('shareNote'),
    };
    parsed.push(p);
    if (code) fileByCode.set(code, p);
  }

  // 2. parents and successors by code: in the file or already there
  const idOf = (code: string) => fileByCode.get(code)?.id ?? existingByCode.get(code)?.id;
  const parentOf = new Map<string, string | null>(lookups.units.map((u) => [u.id, u.parentId]));
  for (const p of parsed) {
    let parentId: string | null | undefined;
    if (p.parentCode === '') parentId = p.existing && p.existing.parentId === null ? null : lookups.rootId;
    else if (p.parentCode === p.code) { failAt(p.row, 'parentCode', 'onboarding.row.cycle', { code: p.code }); parentId = undefined; }
    else {
      parentId = idOf(p.parentCode);
      if (!parentId) failAt(p.row, 'parentCode', 'onboarding.row.unknown_parent', { code: p.parentCode });
    }
    if (parentId !== undefined) parentOf.set(p.id, parentId);
    else parentOf.set(p.id, p.existing?.parentId ?? lookups.rootId);
  }

  // 3. the tree after the import: a path for every unit, a cycle named on the file's rows in it
  const fileById = new Map(parsed.map((p) => [p.id, p]));
  const finalPath = new Map<string, string | null>();
  const pathOf = (id: string, trail: Set<string>): string | null => {
    const known = finalPath.get(id);
    if (known !== undefined) return known;
    if (trail.has(id)) return null;
    trail.add(id);
    const parentId = parentOf.get(id) ?? null;
    const parentPath = parentId === null ? '/' : pathOf(parentId, trail);
    const path = parentPath === null ? null : `${parentPath}${id}/`;
    finalPath.set(id, path);
    return path;
  };
  for (const p of parsed) {
    if (pathOf(p.id, new Set()) === null) {
      const parent = fileById.get(parentOf.get(p.id) ?? '');
      failAt(p.row, 'parentCode', 'onboarding.row.cycle', { code: parent?.code ?? p.parentCode });
    }
  }

  // 4. scope: where a unit goes, and the successors it names
  for (const p of parsed) {
    const parentId = parentOf.get(p.id);
    const parentPath = parentId ? finalPath.get(parentId) : null;
    if (parentPath && !lookups.canWrite(parentPath)) {
      failAt(p.row, 'parentCode', 'onboarding.row.parent_out_of_scope', { code: p.parentCode || '—' });
    }
    if (!parentId && !p.existing) failAt(p.row, 'parentCode', 'onboarding.row.parent_out_of_scope', { code: '—' });
    for (const code of p.successorCodes) {
      const id = idOf(code);
      if (!id) failAt(p.row, 'successorCodes', 'onboarding.row.unknown_successor', { code });
      else if (!fileById.has(id) && !lookups.canRead(existingById.get(id)!.path)) {
        failAt(p.row, 'successorCodes', 'onboarding.row.unknown_successor', { code });
      }
    }
  }
  const empty: UnitPlan = { units: [], rebased: [], moves: [] };
  if (errors.length > 0) return { plan: empty, errors: errors.sort((a, b) => a.row - b.row) };

  // 5. the plan, parents first; a new unit's standing agency is its parent's (as the form does)
  const standing = new Map(lookups.units.map((u) => [u.id, u.standingAgencyId]));
  const units: PlannedUnit[] = parsed.map((p) => {
    const path = finalPath.get(p.id)!;
    return {
      row: p.row, id: p.id, isNew: !p.existing, code: p.code, name: p.name, shortName: p.shortName, kind: p.kind!, level: p.level!,
      adminCode: p.adminCode, agencyCode: p.agencyCode, validFrom: p.validFrom!, validTo: p.validTo, parentId: parentOf.get(p.id) ?? null,
      path, depth: path.split('/').length - 3, standingAgencyId: null,
      successors: p.successorCodes.map((code) => ({ id: idOf(code)!, onDate: addDays(p.validTo!, 1), shareNote: p.shareNote })),
    };
  }).sort((a, b) => a.depth - b.depth || a.row - b.row);
  for (const u of units) {
    u.standingAgencyId = u.isNew ? (u.parentId ? standing.get(u.parentId) ?? null : null) : standing.get(u.id) ?? null;
    standing.set(u.id, u.standingAgencyId);
  }
  const moves = parsed.filter((p) => p.existing && p.existing.path !== finalPath.get(p.id))
    .map((p) => ({ oldPath: p.existing!.path, newPath: finalPath.get(p.id)! }))
    // deepest first: an inner move lands on its final path, which an outer move's old prefix no longer matches
    .sort((a, b) => b.oldPath.length - a.oldPath.length);
  const rebased: UnitPlan['rebased'] = [];
  if (moves.length > 0) {
    for (const u of lookups.units) {
      if (fileById.has(u.id)) continue;
      const path = pathOf(u.id, new Set());
      if (path && path !== u.path) rebased.push({ id: u.id, path, depth: path.split('/').length - 3 });
    }
  }
  return { plan: { units, rebased, moves }, errors: [] };
}
