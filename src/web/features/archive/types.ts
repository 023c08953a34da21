import type { ApiResponse } from '../../api/types.ts';

/** What the archive page keeps in its address (so a search can be bookmarked or linked to). */
export interface ArchiveSearch {
  q?: string | undefined;
  unit?: string | undefined;
  person?: string | undefined;
  collective?: string | undefined;
  form?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
  decision?: string | undefined;
  revoked?: 'exclude' | 'only' | undefined;
}

/** GET /api/archive/awards, as the server's schema says (src/web/api/openapi.ts) */
export type ArchivePage = ApiResponse<'/api/archive/awards', 'get'>;
export type ArchiveItem = ArchivePage['items'][number];

export const ARCHIVE_PAGE_SIZE = 50;

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const year = (v: unknown) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1945 && n <= 2100 ? n : undefined;
};

export function validateArchiveSearch(search: Record<string, unknown>): ArchiveSearch {
  return {
    q: text(search.q), unit: text(search.unit), person: text(search.person), collective: text(search.collective),
    form: text(search.form), from: year(search.from), to: year(search.to), decision: text(search.decision),
    revoked: search.revoked === 'exclude' || search.revoked === 'only' ? search.revoked : undefined,
  };
}

/** The API's query for a search (and, without the page part, for its export). */
export function archiveQuery(s: ArchiveSearch) {
  return {
    q: s.q, unitId: s.unit, personId: s.person, collectiveId: s.collective, awardForm: s.form,
    yearFrom: s.from, yearTo: s.to, decisionNumber: s.decision, revoked: s.revoked,
  };
}

/** The public archive's address (/tra-cuu-cong-khai): what was searched, the page, and whose archive (t: the tenant's code). */
export interface PublicArchiveSearch {
  q?: string | undefined;
  form?: string | undefined;
  year?: number | undefined;
  decision?: string | undefined;
  page?: number | undefined;
  t?: string | undefined;
}

export function validatePublicArchiveSearch(search: Record<string, unknown>): PublicArchiveSearch {
  const page = Number(search.page);
  return {
    q: text(search.q), form: text(search.form), year: year(search.year), decision: text(search.decision),
    page: Number.isInteger(page) && page > 1 && page <= 50 ? page : undefined, t: text(search.t),
  };
}

/** GET /api/public/archive */
export type PublicArchivePage = ApiResponse<'/api/public/archive', 'get'>;
export const PUBLIC_PAGE_SIZE = 20;
