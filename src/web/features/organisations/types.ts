export const ORG_KINDS = [
  'peoples_committee',
  'party_body',
  'department',
  'mass_organisation',
  'armed_forces',
  'public_service_unit',
  'sub_unit',
  'enterprise',
  'cooperative',
  'residential_group',
  'ministry',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_LEVELS = ['central', 'province', 'district', 'commune'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export interface Org {
  id: string;
  parentId: string | null;
  path: string;
  depth: number;
  name: string;
  shortName: string | null;
  kind: OrgKind;
  level: OrgLevel;
  adminCode: string | null;
  agencyCode: string | null;
  /** unit code (mã đơn vị): how record import files name the unit */
  code: string | null;
  validFrom: string;
  validTo: string | null;
  successorId: string | null;
  standingAgencyId: string | null;
}

export interface OrgRef {
  id: string;
  name: string;
}

export interface OrgDetail extends Org {
  parent: OrgRef | null;
  successor: OrgRef | null;
  /** the end of the successor chain: who carries on today */
  currentSuccessor: OrgRef | null;
  predecessors: Array<OrgRef & { validTo: string | null }>;
  standingAgency: OrgRef | null;
}

export interface OrgMember {
  personId: string;
  fullName: string;
  position: string | null;
  isLeader: boolean;
  startDate: string;
  endDate: string | null;
}

export const COUNCIL_ROLES = ['chair', 'vice_chair', 'standing_member', 'member', 'secretary'] as const;
export type CouncilRole = (typeof COUNCIL_ROLES)[number];

export interface Council {
  id: string;
  name: string;
  establishedBy: string | null;
  validFrom: string | null;
  members: Array<{ personId: string; fullName: string; role: CouncilRole; title: string | null }>;
}

export type ClusterRole = 'organiser' | 'head' | 'deputy' | 'member';

export interface Cluster {
  id: string;
  kind: 'cluster' | 'block';
  name: string;
  year: number;
  role: ClusterRole;
  members: Array<{ organisationId: string; name: string; role: ClusterRole }>;
  follower: { personId: string; fullName: string } | null;
}

export interface NewOrganisation {
  parentId: string;
  name: string;
  shortName?: string;
  kind: OrgKind;
  level: OrgLevel;
  adminCode?: string;
  agencyCode?: string;
  code?: string;
  validFrom: string;
  validTo?: string;
}

export interface OrganisationChanges {
  name?: string;
  shortName?: string | null;
  code?: string | null;
  kind?: OrgKind;
  parentId?: string;
  validTo?: string | null;
  successorId?: string | null;
}

/** What the server accepts as an HR code or a unit code (after trimming). */
export const CODE_PATTERN = /^[0-9A-Za-z._-]{1,30}$/;

/** No longer active on the given day: validTo is the LAST day it was active (inclusive). */
export function isEnded(org: Pick<Org, 'validTo'>, asOf: string): boolean {
  return org.validTo !== null && org.validTo < asOf;
}

/** Not yet active on the given day (validFrom is its first day). */
export function isNotYetActive(org: Pick<Org, 'validFrom'>, asOf: string): boolean {
  return org.validFrom > asOf;
}
