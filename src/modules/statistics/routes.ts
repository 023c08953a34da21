import { z } from 'zod';
import { actorOf, type AppDeps, type ZodApp } from '../../platform/http/context.ts';
import { isoDate } from '../organisations/index.ts';
import { XLSX_TYPE } from '../../platform/spreadsheets/sheet.ts';
import { CATEGORIES, GROUPS, LEVELS, RECIPIENT_KINDS, type Share } from './model.ts';
import { statistics, type StatisticsQuery } from './service.ts';
import { exportStatistics } from './export.ts';
import { fileResponse } from '../../platform/http/responses.ts';

const tags = ['statistics'];
const year = z.coerce.number().int().min(1945).max(2100);

const query = z.object({
  organisationId: z.uuid(),
  fromYear: year,
  /** defaults to fromYear: one year */
  toYear: year.optional(),
  /** award form codes, comma-separated */
  awardForms: z.string().max(2000).optional(),
  level: z.enum(LEVELS).optional(),
  category: z.enum(CATEGORIES).optional(),
  recipient: z.enum(RECIPIENT_KINDS).optional(),
  group: z.enum(GROUPS).optional(),
});

const figures = {
  total: z.number().int(), individuals: z.number().int(), collectives: z.number().int(), nonLeaders: z.number().int(),
  directWorkers: z.number().int(), women: z.number().int(), ethnicMinorities: z.number().int(), money: z.number(), unpriced: z.number().int(),
};
const unit = z.object({ id: z.uuid(), name: z.string(), validTo: isoDate.nullable() });
/** the groups whose share the report gives (model.ts's Share) */
const shareKeys = ['nonLeaders', 'directWorkers', 'women', 'ethnicMinorities', 'individuals', 'collectives'] as const satisfies readonly Share['key'][];
const punctuality = z.object({ expected: z.number().int(), onTime: z.number().int(), late: z.number().int(), missing: z.number().int(), pending: z.number().int() });

const report = z.object({
  organisation: unit,
  period: z.object({ fromYear: z.number().int(), toYear: z.number().int() }),
  filter: z.object({
    awardForms: z.array(z.string()).optional(), level: z.enum(LEVELS).optional(), category: z.enum(CATEGORIES).optional(),
    recipient: z.enum(RECIPIENT_KINDS).optional(), group: z.enum(GROUPS).optional(),
  }),
  mergedIn: z.array(unit),
  totals: z.object(figures),
  shares: z.array(z.object({ key: z.enum(shareKeys), count: z.number().int(), of: z.number().int(), fraction: z.number() })),
  byForm: z.array(z.object({ code: z.string(), name: z.string(), category: z.enum(CATEGORIES), level: z.enum(LEVELS), ...figures })),
  byLevel: z.array(z.object({ level: z.enum(LEVELS), ...figures })),
  byCategory: z.array(z.object({ category: z.enum(CATEGORIES), ...figures })),
  byYear: z.array(z.object({ year: z.number().int(), ...figures })),
  byUnit: z.array(z.object({ organisation: unit, rest: z.boolean(), ...figures })),
  returns: z.object({
    total: z.number().int(), candidates: z.number().int(), batches: z.number().int(), moreReasons: z.number().int(),
    reasons: z.array(z.object({ reason: z.string(), count: z.number().int(), candidates: z.number().int(), lastAt: z.string() })),
  }),
  punctuality: z.object({
    plans: punctuality, registrations: punctuality, moreMovements: z.number().int(),
    movements: z.array(z.object({
      id: z.uuid(), name: z.string(), issuedOn: isoDate, issuer: z.string(), planDue: isoDate.nullable(), registrationDue: isoDate.nullable(),
      plans: punctuality.nullable(), registrations: punctuality.nullable(),
    })),
  }),
});

const queryOf = (q: z.infer<typeof query>): StatisticsQuery => ({
  organisationId: q.organisationId, fromYear: q.fromYear, toYear: q.toYear ?? q.fromYear,
  awardForms: q.awardForms?.split(',').map((s) => s.trim()).filter(Boolean), level: q.level, category: q.category,
  recipient: q.recipient, group: q.group,
});

const description = 'Awards that count under the unit: its subtree, and units merged into it (successor links) that existed during the period. '
  + 'Revoked awards never count. A group filter (non_leader, direct_worker, female, ethnic_minority) keeps individuals only.';

/** Statistics of titles and awards over a subtree and a period, as JSON and as an XLSX file. */
export async function statisticsRoutes(app: ZodApp, deps: AppDeps) {
  const { db, clock } = deps;

  app.get('/statistics', {
    schema: {
      tags, querystring: query, response: { 200: report }, description,
      summary: 'Counts of titles and awards by form, level, year and unit, shares of groups, money; returned nominations; response punctuality',
    },
  }, async (request) => statistics(db, actorOf(request), queryOf(request.query), clock.now()));

  app.get('/statistics.xlsx', {
    schema: {
      tags, querystring: query, produces: [XLSX_TYPE], response: fileResponse(XLSX_TYPE), description,
      summary: 'The same statistics as an XLSX file: one sheet per table, Vietnamese headers, a title row naming the unit, period and filters',
    },
  }, async (request, reply) => {
    const file = await exportStatistics(db, actorOf(request), queryOf(request.query), clock.now());
    return reply.type(XLSX_TYPE).header('content-disposition', 'attachment; filename="thong-ke-khen-thuong.xlsx"').send(file);
  });
}
