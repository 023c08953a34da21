// Shapes of the demo province. Keys are client-side strings; the seeder maps them to UUIDv7.

export type OrganisationKind =
  | 'peoples_committee'
  | 'party_body'
  | 'department'
  | 'mass_organisation'
  | 'armed_forces'
  | 'public_service_unit'
  | 'sub_unit'
  | 'enterprise'
  | 'cooperative'
  | 'residential_group';

export type OrganisationLevel = 'central' | 'province' | 'district' | 'commune';

export interface DemoOrganisation {
  key: string;
  parentKey: string | null;
  name: string;
  shortName: string | null;
  kind: OrganisationKind;
  level: OrganisationLevel;
  adminCode: string | null;
  agencyCode: string | null;
  validFrom: string; // YYYY-MM-DD
  validTo: string | null;
  successorKey: string | null;
  standingAgencyKey: string | null;
}

export interface DemoPerson {
  key: string;
  fullName: string;
  gender: 'male' | 'female';
  birthYear: number;
  ethnicity: string;
  // The parts of fullName, for people.family_name / middle_name / given_name. Not every name is
  // "family middle given": Ê Đê names put the clan name last (Y Bhin Niê), so do not re-split fullName.
  familyName: string;
  middleName: string;
  givenName: string;
}

export interface DemoEmployment {
  personKey: string;
  organisationKey: string;
  position: string;
  isLeader: boolean;
  startDate: string;
  endDate: string | null;
}

export interface DemoHousehold {
  key: string;
  organisationKey: string;
  headName: string;
  address: string;
}

export interface DemoClusterYear {
  year: number;
  members: { organisationKey: string; role: 'head' | 'deputy' | 'member' }[];
  followerPersonKey: string | null;
}

export interface DemoCluster {
  key: string;
  organiserKey: string;
  kind: 'cluster' | 'block';
  name: string;
  years: DemoClusterYear[];
}

export type CouncilRole = 'chair' | 'vice_chair' | 'standing_member' | 'member' | 'secretary';

export interface DemoCouncil {
  key: string;
  organisationKey: string;
  name: string;
  establishedBy: string;
  validFrom: string;
  // councils.valid_to: the district councils end with their districts on 2025-06-30.
  validTo: string | null;
  members: { personKey: string; role: CouncilRole; title: string }[];
}

export type DemoRole =
  | 'system_admin'
  | 'standing_officer'
  | 'unit_officer'
  | 'unit_head'
  | 'council_member'
  | 'individual';

export interface DemoAccount {
  username: string;
  displayName: string;
  personKey: string | null;
  role: DemoRole;
  organisationKey: string;
  description: string;
}

export interface DemoProvince {
  tenant: { code: string; name: string; kind: 'province' };
  organisations: DemoOrganisation[];
  people: DemoPerson[];
  employments: DemoEmployment[];
  households: DemoHousehold[];
  clusters: DemoCluster[];
  councils: DemoCouncil[];
  accounts: DemoAccount[];
}
