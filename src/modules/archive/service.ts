import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { canReach, reachablePaths, type Actor } from '../../platform/auth/policy.ts';
import { findOrganisation } from '../organisations/index.ts';
import { encodeCursor, nameFragment, yearRange, type ArchiveCursor, type ArchiveFilter, type RevokedFilter } from './model.ts';
import { COUNT_CAP } from '../../platform/paging.ts';
import { countArchive, searchArchive, type ArchiveRow } from './store.ts';

type Db = Kysely<Database>;

export interface ArchiveQuery {
  q?: string | undefined;
  /** awards of people who worked, at decision time, in this unit's subtree, and of collectives in it */
  unitId?: string | undefined;
  personId?: string | undefined;
  collectiveId?: string | undefined;
  awardForm?: string | undefined;
  year?: number | undefined;
  yearFrom?: number | undefined;
  yearTo?: number | undefined;
  decisionNumber?: string | undefined;
  revoked: RevokedFilter;
}

/**
 * The filter an actor may run: limited to the subtrees where they hold record.read. A unit outside
 * them answers 404 (as if it did not exist), like every other out-of-scope read.
 */
export async function archiveFilter(db: Db, actor: Actor, query: ArchiveQuery, page: { after?: ArchiveCursor | undefined; limit: number }): Promise<ArchiveFilter> {
  let prefixes = reachablePaths(actor, 'record.read');
  if (prefixes.length === 0) throw forbidden();
  if (query.unitId) {
    const unit = await findOrganisation(db, actor.tenantId, query.unitId);
    if (!unit || !canReach(actor, 'record.read', unit.path)) throw notFound('organisation');
    prefixes = [unit.path];
  }
  return {
    prefixes, name: nameFragment(query.q), personId: query.personId, organisationId: query.collectiveId,
    awardForm: query.awardForm, ...yearRange(query), decisionNumber: query.decisionNumber?.trim() || undefined,
    revoked: query.revoked, after: page.after, limit: page.limit,
  };
}

export interface ArchivePage { rows: ArchiveRow[]; nextCursor: string | null; total: number; totalCapped: boolean }

/**
 * One page, where the next one starts (one row more than asked tells whether there is more), and how many the
 * search finds in all, counted up to the cap (platform/paging.ts): exact from the rows when the first page is all.
 */
export async function searchAwards(db: Db, actor: Actor, query: ArchiveQuery, pageSize: number, after?: ArchiveCursor): Promise<ArchivePage> {
  const filter = await archiveFilter(db, actor, query, { after, limit: pageSize + 1 });
  const rows = await searchArchive(db, actor.tenantId, filter);
  const more = rows.length > pageSize;
  const counted = !after && !more ? rows.length : await countArchive(db, actor.tenantId, filter, COUNT_CAP + 1);
  const total = { total: Math.min(counted, COUNT_CAP), totalCapped: counted > COUNT_CAP };
  if (!more) return { rows, nextCursor: null, ...total };
  const page = rows.slice(0, pageSize);
  const last = page.at(-1)!;
  return { rows: page, nextCursor: encodeCursor({ decidedOn: last.decided_on, sortKey: last.recipient_sort_key ?? '', id: last.id }), ...total };
}
