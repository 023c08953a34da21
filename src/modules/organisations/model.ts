/** The organisation tree as pure rules: kinds, levels, materialized paths, validity. No I/O here. */

export const ORGANISATION_KINDS = [
  'peoples_committee', 'party_body', 'department', 'mass_organisation', 'armed_forces',
  'public_service_unit', 'sub_unit', 'enterprise', 'cooperative', 'residential_group', 'ministry',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** The unit code (mã đơn vị) import files name a unit by: unaccented letters, digits and . _ -, up to 30 characters. */
export const UNIT_CODE = /^[0-9A-Za-z._-]{1,30}$/;

export const ADMINISTRATIVE_LEVELS = ['central', 'province', 'district', 'commune'] as const;
export type AdministrativeLevel = (typeof ADMINISTRATIVE_LEVELS)[number];

/**
 * A path is '/<root id>/<child id>/…/<own id>/'. Subtree = every path that starts with it, which a
 * btree in COLLATE "C" answers with a range scan (`path LIKE '<prefix>%'`).
 */
export function pathFor(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

export function depthOf(path: string): number {
  return path.split('/').length - 3;
}

/** Placing an organisation under itself or one of its descendants would make the tree a cycle. */
export function wouldCreateCycle(organisationPath: string, newParentPath: string): boolean {
  return newParentPath.startsWith(organisationPath);
}

export interface ValidityPeriod { validFrom: string; validTo: string | null }

export function isPeriodValid(period: ValidityPeriod): boolean {
  return period.validTo === null || period.validTo >= period.validFrom;
}

/** What defines an organisation, as entered by an officer or loaded from demo data. */
export interface OrganisationInput {
  parentId: string | null;
  name: string;
  shortName?: string | null | undefined;
  kind: OrganisationKind;
  level: AdministrativeLevel;
  adminCode?: string | null | undefined;
  agencyCode?: string | null | undefined;
  /** the unit code (mã đơn vị) record import files name the unit by; unique in the tenant */
  code?: string | null | undefined;
  validFrom: string;
  validTo?: string | null | undefined;
  successorId?: string | null | undefined;
  standingAgencyId?: string | null | undefined;
}

// ── merging and splitting units (issue 14.2) ─────────────────────────────────────────────────────

/** A unit as a merge or split reads it. */
export interface ReorganisedUnit { id: string; name: string; path: string; validFrom: string; validTo: string | null }

/** What is wrong with a merge or split, as an error code and its parameters (the service throws it). */
export type ReorganisationProblem = { code: 'reorganisation.date_before_start'; params: { name: string; validFrom: string; date: string } }
  | { code: 'reorganisation.already_closed'; params: { name: string; validTo: string } }
  | { code: 'reorganisation.into_descendant'; params: { name: string; successor: string } }
  | { code: 'reorganisation.successor_not_valid'; params: { name: string; date: string } }
  | { code: 'reorganisation.duplicate_unit'; params: { name: string } };

/**
 * The rules of a merge (several units into one) or a split (one unit among several), on the day the
 * successors take over (`onDate`; the predecessors end the day before):
 * - a predecessor must have started before that day and not have ended already;
 * - no successor may be a predecessor or lie under one (it would be closed with it);
 * - an existing successor must be in force on that day; a new one starts on it;
 * - no unit is named twice.
 * Dates are ISO strings and compare as such.
 */
export function reorganisationProblem(onDate: string, predecessors: readonly ReorganisedUnit[],
  successors: readonly (ReorganisedUnit | { name: string; parentPath: string })[]): ReorganisationProblem | null {
  const seen = new Set<string>();
  for (const u of [...predecessors, ...successors.filter((s): s is ReorganisedUnit => 'id' in s)]) {
    if (seen.has(u.id)) return { code: 'reorganisation.duplicate_unit', params: { name: u.name } };
    seen.add(u.id);
  }
  for (const p of predecessors) {
    if (onDate <= p.validFrom) return { code: 'reorganisation.date_before_start', params: { name: p.name, validFrom: p.validFrom, date: onDate } };
    if (p.validTo !== null && p.validTo < onDate) return { code: 'reorganisation.already_closed', params: { name: p.name, validTo: p.validTo } };
  }
  for (const s of successors) {
    const path = 'id' in s ? s.path : s.parentPath;
    const ancestor = predecessors.find((p) => path.startsWith(p.path));
    if (ancestor) return { code: 'reorganisation.into_descendant', params: { name: ancestor.name, successor: s.name } };
    if ('id' in s && (s.validFrom > onDate || (s.validTo !== null && s.validTo < onDate))) {
      return { code: 'reorganisation.successor_not_valid', params: { name: s.name, date: onDate } };
    }
  }
  return null;
}
