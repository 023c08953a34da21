export type Gender = 'male' | 'female';

export interface PersonListItem {
  id: string;
  /** HR code (mã cán bộ): how record import files name the person */
  code: string | null;
  fullName: string;
  gender: Gender;
  birthYear: number | null;
  ethnicity: string | null;
  organisation: { id: string; name: string } | null;
  position: string | null;
  isLeader: boolean;
}

export interface PeoplePage {
  items: PersonListItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Employment {
  id: string;
  organisationId: string;
  organisationName: string;
  position: string | null;
  isLeader: boolean;
  startDate: string;
  endDate: string | null;
}

export interface Person {
  id: string;
  code: string | null;
  familyName: string;
  middleName: string;
  givenName: string;
  fullName: string;
  gender: Gender;
  birthYear: number | null;
  ethnicity: string;
  employments: Employment[];
}

export interface PersonInput {
  fullName: string;
  gender: Gender;
  /** null clears it (on edit) */
  birthYear?: number | null;
  ethnicity?: string;
  /** null clears it (on edit) */
  code?: string | null;
}

/** A new person is placed in a unit at once; that unit decides who may see them. */
export interface NewPerson extends PersonInput {
  employment: NewEmployment;
}

export interface NewEmployment {
  organisationId: string;
  position: string;
  isLeader: boolean;
  startDate: string;
  endDate?: string;
}

/** The people list's filters, kept in the URL so that Back returns to the same page. */
export interface PeopleSearch {
  q?: string;
  org?: string;
  gender?: Gender;
  leader?: boolean;
  page?: number;
}

export const PAGE_SIZE = 20;
