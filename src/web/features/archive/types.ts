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

export interface ArchiveItem {
  id: string;
  /** id null: an imported past award kept as written, not matched to a person or unit yet */
  recipient: { kind: 'person' | 'collective'; id: string | null; name: string; unit: { id: string; name: string } | null };
  awardForm: { code: string; name: string };
  year: number;
  basis: 'merit' | 'thematic' | 'one_off' | 'long_service';
  decision: { number: string; date: string | null; by: string };
  revoked: { on: string; number: string | null } | null;
}

export interface ArchivePage { items: ArchiveItem[]; nextCursor: string | null; pageSize: number }

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
