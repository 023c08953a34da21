import type { ApiResponse } from '../../api/types.ts';

export type Gender = 'male' | 'female';

/** GET /api/people, as the server's schema says (src/web/api/openapi.ts) */
export type PeoplePage = ApiResponse<'/api/people', 'get'>;
export type PersonListItem = PeoplePage['items'][number];

/** GET /api/people/{id} */
export type Person = ApiResponse<'/api/people/{id}', 'get'>;
export type Employment = Person['employments'][number];

export interface PersonInput {
  fullName: string;
  gender: Gender;
  /** null clears it (on edit) */
  birthYear?: number | null;
  ethnicity?: string;
  /** null clears it (on edit) */
  code?: string | null;
}

/**
 * A new person is placed at once — employed by a unit, or a resident of a commune (no employment) —
 * and that unit or commune decides who may see them.
 */
export type NewPerson = PersonInput & ({ employment: NewEmployment; residence?: undefined } | { residence: NewResidence; employment?: undefined });

export interface NewResidence { organisationId: string; village: string; address?: string | undefined; validFrom: string }

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
