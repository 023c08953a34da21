import { foldQuery } from '../../platform/vn/fold.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * The award archive (lưu trữ, tra cứu khen thưởng; the Quảng Ngãi council plan, §c): who received which
 * title or award, for which year, by which decision. Pure rules: the filter, the order, the cursor.
 *
 * Scope and the unit filter use the recipient's organisation *at decision time* (awards.recipient_path,
 * see recipient.ts): a unit's officer finds the awards their unit's people received while they worked
 * there, not those of someone who joined later (those stay on the person's own record page, which
 * shows a person's whole history wherever they worked).
 */
export const REVOKED_FILTERS = ['include', 'exclude', 'only'] as const;
export type RevokedFilter = (typeof REVOKED_FILTERS)[number];

/** Rows per page: the default, and the most one request may ask for. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
/** An export holds at most this many rows; beyond it the file says so and asks to narrow the search. */
export const EXPORT_CAP = 50_000;

/** Where the next page starts: the last row's decision date, sort key and id (the order's keys). */
export interface ArchiveCursor { decidedOn: string | null; sortKey: string; id: string }

export interface ArchiveFilter {
  /** subtree roots the search is limited to: the actor's scope, or the chosen unit inside it */
  prefixes: string[];
  /** folded name fragment: "nguyen van an", "van an" */
  name?: string | undefined;
  personId?: string | undefined;
  organisationId?: string | undefined;
  awardForm?: string | undefined;
  yearFrom?: number | undefined;
  yearTo?: number | undefined;
  decisionNumber?: string | undefined;
  revoked: RevokedFilter;
  /** only awards a decision conferred, with its number (the public archive) */
  published?: boolean | undefined;
  after?: ArchiveCursor | undefined;
  /** rows skipped (the public archive's numbered pages; the staff archive walks by cursor) */
  offset?: number | undefined;
  limit: number;
}

/** The folded search text, or nothing when it holds no letter or digit. */
export function nameFragment(q: string | undefined): string | undefined {
  const folded = foldQuery(q ?? '');
  return folded === '' ? undefined : folded;
}

/** A LIKE pattern matching the fragment anywhere (the trigram index answers it); % and _ are literal. */
export function containsPattern(fragment: string): string {
  return `%${fragment.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A year alone is the range [year, year]; a range upside down is refused. */
export function yearRange(q: { year?: number | undefined; yearFrom?: number | undefined; yearTo?: number | undefined }) {
  const from = q.year ?? q.yearFrom;
  const to = q.year ?? q.yearTo;
  if (from !== undefined && to !== undefined && from > to) throw new AppError('archive.year_range', 400, { from, to });
  return { yearFrom: from, yearTo: to };
}

export function encodeCursor(c: ArchiveCursor): string {
  return Buffer.from(JSON.stringify([c.decidedOn, c.sortKey, c.id]), 'utf8').toString('base64url');
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function decodeCursor(text: string): ArchiveCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 3) {
      const [decidedOn, sortKey, id] = value as unknown[];
      if ((decidedOn === null || (typeof decidedOn === 'string' && DATE.test(decidedOn)))
        && typeof sortKey === 'string' && typeof id === 'string' && UUID.test(id)) {
        return { decidedOn, sortKey, id };
      }
    }
  } catch {
    // fall through: any garbage is the same bad cursor
  }
  throw new AppError('archive.bad_cursor', 400);
}
