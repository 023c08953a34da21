/** The organisation tree as pure rules: kinds, levels, materialized paths, validity. No I/O here. */

export const ORGANISATION_KINDS = [
  'peoples_committee', 'party_body', 'department', 'mass_organisation', 'armed_forces',
  'public_service_unit', 'sub_unit', 'enterprise', 'cooperative', 'residential_group', 'ministry',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

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
