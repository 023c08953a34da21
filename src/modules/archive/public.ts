import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { pageOf, type PageInfo } from '../../platform/paging.ts';
import { formsSeenBy } from '../awards/index.ts';
import { PLATFORM_TENANT_CODE } from '../tenants/index.ts';
import { nameFragment, type ArchiveFilter } from './model.ts';
import { countArchive, publicTenant, searchArchive, type ArchiveRow } from './store.ts';

type Db = Kysely<Database>;

/**
 * The archive the public searches (issue 17 item 10): who received which title or award, by which decision —
 * what the published decision itself shows, nothing of the record behind it. Only awards a decision conferred
 * and that stand (a revoked award is not shown); no scope, the whole tenant; numbered pages with the capped count.
 */
export interface PublicArchiveQuery {
  /** the tenant's code; may be left out when the server hosts one tenant */
  tenant?: string | undefined;
  q?: string | undefined;
  form?: string | undefined;
  year?: number | undefined;
  decision?: string | undefined;
  page: number;
  pageSize: number;
}

/** Exactly what a published decision shows of one award (the route's schema holds it to these keys). */
export interface PublicArchiveItem {
  recipientName: string;
  /** the unit as the decision names it: as written for a past decision, else the unit at decision time */
  unitName: string;
  awardFormName: string;
  year: number;
  decisionNumber: string;
  decidedOn: string | null;
  decidedBy: string;
  /** the printed certificate's code, which the public check (/xac-minh/<code>) answers for; null when none */
  verificationCode: string | null;
}

export function presentPublic(r: ArchiveRow): PublicArchiveItem {
  return {
    recipientName: r.person_name ?? r.collective_name ?? r.written_name ?? '',
    unitName: r.written_unit ?? r.unit_name ?? '',
    awardFormName: r.award_form_name, year: r.year, decisionNumber: r.decision_number, decidedOn: r.decided_on,
    decidedBy: r.decided_by, verificationCode: r.verification_code,
  };
}

export async function searchPublicArchive(db: Db, query: PublicArchiveQuery) {
  const tenant = await publicTenant(db, query.tenant?.trim() || undefined, PLATFORM_TENANT_CODE);
  if (!tenant) throw new AppError('archive.public_tenant', 404);
  const filter: ArchiveFilter = {
    // every path starts with '/': the whole tenant, through the same indexes as a staff search
    prefixes: ['/'], name: nameFragment(query.q), awardForm: query.form?.trim() || undefined,
    yearFrom: query.year, yearTo: query.year, decisionNumber: query.decision?.trim() || undefined,
    revoked: 'exclude', published: true, limit: query.pageSize + 1, offset: (query.page - 1) * query.pageSize,
  };
  const [fetched, forms] = await Promise.all([
    searchArchive(db, tenant.id, filter),
    formsSeenBy(db, tenant.id).select(['code', 'name']).orderBy('sort_order').orderBy('code').execute(),
  ]);
  const page: { rows: ArchiveRow[] } & PageInfo = await pageOf(fetched, query, (atMost) => countArchive(db, tenant.id, filter, atMost));
  return { tenant: { code: tenant.code, name: tenant.name }, forms, items: page.rows.map(presentPublic),
    total: page.total, totalCapped: page.totalCapped, hasNext: page.hasNext };
}
