import { z } from 'zod';
import { actorOf, type AppDeps, type ZodApp } from '../../platform/http/context.ts';
import { isoDate } from '../organisations/index.ts';
import { AWARD_BASES } from '../records/index.ts';
import { XLSX_TYPE } from '../../platform/spreadsheets/sheet.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, REVOKED_FILTERS, decodeCursor } from './model.ts';
import { searchAwards, type ArchiveQuery } from './service.ts';
import { exportAwards } from './export.ts';
import type { ArchiveRow } from './store.ts';
import { fileResponse } from '../../platform/http/responses.ts';
import { historyRoutes } from './history/routes.ts';
import { searchPublicArchive } from './public.ts';
import { COUNT_CAP, pageInfo } from '../../platform/paging.ts';

const tags = ['archive'];
const year = z.coerce.number().int().min(1945).max(2100);

const filterQuery = {
  q: z.string().max(100).optional(),
  unitId: z.uuid().optional(),
  personId: z.uuid().optional(),
  collectiveId: z.uuid().optional(),
  awardForm: z.string().max(100).optional(),
  year: year.optional(),
  yearFrom: year.optional(),
  yearTo: year.optional(),
  decisionNumber: z.string().max(100).optional(),
  revoked: z.enum(REVOKED_FILTERS).default('include'),
};
const searchQuery = z.object({
  ...filterQuery,
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(1000).optional(),
});

const archiveItem = z.object({
  id: z.uuid(),
  recipient: z.object({
    // id null: an imported award kept as written, not matched to a person or unit yet (archive/history)
    kind: z.enum(['person', 'collective']), id: z.uuid().nullable(), name: z.string(),
    unit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  }),
  awardForm: z.object({ code: z.string(), name: z.string() }),
  year: z.number().int(),
  basis: z.enum(AWARD_BASES),
  decision: z.object({ number: z.string(), date: isoDate.nullable(), by: z.string() }),
  revoked: z.object({ on: isoDate, number: z.string().nullable() }).nullable(),
});
type ArchiveItem = z.infer<typeof archiveItem>;

/** What leaves the server of an archive row. */
function present(r: ArchiveRow): ArchiveItem {
  return {
    id: r.id,
    recipient: {
      kind: r.person_id || (!r.organisation_id && r.written_kind === 'individual') ? 'person' : 'collective',
      id: r.person_id ?? r.organisation_id, name: r.person_name ?? r.collective_name ?? r.written_name ?? '',
      unit: r.unit_id && r.unit_name ? { id: r.unit_id, name: r.unit_name } : null,
    },
    awardForm: { code: r.award_form, name: r.award_form_name }, year: r.year, basis: r.basis,
    decision: { number: r.decision_number, date: r.decided_on, by: r.decided_by },
    revoked: r.revoked_on ? { on: r.revoked_on, number: r.revocation_number } : null,
  };
}

const filterOf = (q: z.infer<typeof searchQuery> | z.infer<z.ZodObject<typeof filterQuery>>): ArchiveQuery => ({
  q: q.q, unitId: q.unitId, personId: q.personId, collectiveId: q.collectiveId, awardForm: q.awardForm, year: q.year,
  yearFrom: q.yearFrom, yearTo: q.yearTo, decisionNumber: q.decisionNumber, revoked: q.revoked,
});

/** What the public sees of an award: what the published decision shows, no ids, birth dates or codes of the record. */
const publicItem = z.object({
  recipientName: z.string(), unitName: z.string(), awardFormName: z.string(), year: z.number().int(),
  decisionNumber: z.string(), decidedOn: isoDate.nullable(), decidedBy: z.string(),
  verificationCode: z.string().nullable().describe('the printed certificate\'s code: /xac-minh/<code> checks it'),
}).strict();
const PUBLIC_PAGE_SIZE = 20;
const publicQuery = z.object({
  tenant: z.string().max(100).optional().describe('the tenant\'s code; may be left out when the server hosts one tenant'),
  q: z.string().max(100).optional(), form: z.string().max(100).optional(), year: year.optional(), decision: z.string().max(100).optional(),
  // numbered pages no deeper than the count reaches: an anonymous visitor does not walk the whole archive by OFFSET
  page: z.coerce.number().int().min(1).max(COUNT_CAP / PUBLIC_PAGE_SIZE).default(1),
});

/** The award archive: search (paged by a cursor) and its XLSX export; the public search. */
export async function archiveRoutes(app: ZodApp, deps: AppDeps) {
  const { db } = deps;
  // the archive of past decisions imported from spreadsheets, and matching its recipients later
  await historyRoutes(app, deps);

  app.get('/archive/awards', {
    schema: {
      tags, querystring: searchQuery,
      summary: 'Search the titles and awards conferred in my scope: name (diacritics ignored), unit subtree, person, form, years, decision number',
      description: 'Newest decision first, then Vietnamese name order. Pass nextCursor back as cursor for the next page; null means no more.',
      response: { 200: z.object({
        items: z.array(archiveItem), nextCursor: z.string().nullable(), pageSize: z.number().int(),
        total: pageInfo.total, totalCapped: pageInfo.totalCapped,
      }) },
    },
  }, async (request) => {
    const q = request.query;
    const after = q.cursor ? decodeCursor(q.cursor) : undefined;
    const { rows, nextCursor, total, totalCapped } = await searchAwards(db, actorOf(request), filterOf(q), q.pageSize, after);
    return { items: rows.map(present), nextCursor, pageSize: q.pageSize, total, totalCapped };
  });

  // Public, no sign-in: the archive as the published decisions show it, rate-limited per address like /xac-minh
  app.get('/public/archive', {
    config: { public: true, rateLimit: { max: deps.config.publicSearchRatePerMinute, timeWindow: 60_000 } },
    schema: {
      tags: ['public'], security: [], querystring: publicQuery,
      summary: 'Search the awards conferred by published decisions (no sign-in): recipient name (diacritics ignored), form, year, decision number',
      description: 'Awards a decision conferred and that stand (revoked ones are left out), newest decision first, 20 a page; '
        + 'the total is counted up to 1,000.',
      response: { 200: z.object({
        tenant: z.object({ code: z.string(), name: z.string() }),
        forms: z.array(z.object({ code: z.string(), name: z.string() })),
        items: z.array(publicItem), ...pageInfo,
      }) },
    },
  }, async (request) => searchPublicArchive(db, { ...request.query, pageSize: PUBLIC_PAGE_SIZE }));

  app.get('/archive/awards.xlsx', {
    schema: {
      tags, querystring: z.object(filterQuery), produces: [XLSX_TYPE], response: fileResponse(XLSX_TYPE),
      summary: 'The same search as an XLSX file (Vietnamese headers), at most 50,000 rows; a cut file says so and sets x-archive-capped',
    },
  }, async (request, reply) => {
    const { file, capped } = await exportAwards(db, actorOf(request), filterOf(request.query));
    return reply.type(XLSX_TYPE).header('content-disposition', 'attachment; filename="tra-cuu-khen-thuong.xlsx"')
      .header('x-archive-capped', capped ? 'true' : 'false').send(file);
  });
}
