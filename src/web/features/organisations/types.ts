import { allOf, type ApiBody, type ApiResponse } from '../../api/types.ts';

/** GET /api/organisations/tree's items, as the server's schema says (src/web/api/openapi.ts) */
export type Org = ApiResponse<'/api/organisations/tree', 'get'>['items'][number];

export const ORG_KINDS = allOf<Org['kind']>()([
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
]);
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_LEVELS = allOf<Org['level']>()(['central', 'province', 'district', 'commune']);
export type OrgLevel = (typeof ORG_LEVELS)[number];

/** GET /api/organisations/{id} */
export type OrgDetail = ApiResponse<'/api/organisations/{id}', 'get'>;
export type OrgRef = NonNullable<OrgDetail['parent']>;

/** GET /api/organisations/{id}/members */
export type OrgMember = ApiResponse<'/api/organisations/{id}/members', 'get'>['items'][number];

/** GET /api/organisations/{id}/council (null: the unit has none) */
export type Council = NonNullable<ApiResponse<'/api/organisations/{id}/council', 'get'>['council']>;
export const COUNCIL_ROLES = allOf<Council['members'][number]['role']>()(['chair', 'vice_chair', 'standing_member', 'member', 'secretary']);
export type CouncilRole = (typeof COUNCIL_ROLES)[number];

/** GET /api/organisations/{id}/clusters */
export type Cluster = ApiResponse<'/api/organisations/{id}/clusters', 'get'>['items'][number];
export type ClusterRole = Cluster['role'];

/** POST /api/organisations */
export type NewOrganisation = ApiBody<'/api/organisations', 'post'>;
/** PATCH /api/organisations/{id} */
export type OrganisationChanges = ApiBody<'/api/organisations/{id}', 'patch'>;

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

/** A unit's page's tabs (?tab=), read by the route before the page's code is loaded. */
export const ORG_TABS = ['info', 'members', 'council', 'clusters', 'record', 'eligibility'] as const;
export type OrgTab = (typeof ORG_TABS)[number];
