import { z } from 'zod';
import { actorOf, commandContext, type AppDeps, type ZodApp } from '../../platform/http/context.ts';
import { todayInVietnam } from '../../platform/vn/dates.ts';
import { isoDate } from '../organisations/index.ts';
import { judgeSubject, judgeSubtree } from './service.ts';
import { addBaseSalary, presentCatalogue, saveLegalBasis, setCap } from './catalogue-service.ts';
import { eligibilityWorkbook } from './export.ts';
import { loadCatalogue } from './catalogue.ts';
import { loadMoneyTables, moneyFor } from './money.ts';
import { fileResponse } from '../../platform/http/responses.ts';
import { ruleSchema } from '../rules/index.ts';

const tags = ['eligibility'];
const status = z.enum(['met', 'attest', 'unmet']);
const recipient = z.enum(['individual', 'collective']);
const yearQuery = z.object({ year: z.coerce.number().int().min(1990).max(2100).optional() });

type Explained = { status: z.infer<typeof status>; text: string; facts: string[]; missing: string[]; children: Explained[] };
const findingSchema: z.ZodType<Explained> = z.lazy(() => z.object({
  status, text: z.string(), facts: z.array(z.string()), missing: z.array(z.string()), children: z.array(findingSchema),
}));
z.globalRegistry.add(findingSchema, { id: 'EligibilityFinding' });

/** A rule's criteria as the catalogue words them (catalogue-service.ts's RuleTree). */
type CriteriaTree = { text: string; children: CriteriaTree[] };
const criteriaSchema: z.ZodType<CriteriaTree> = z.lazy(() => z.object({ text: z.string(), children: z.array(criteriaSchema) }));
z.globalRegistry.add(criteriaSchema, { id: 'EligibilityCriteria' });

const capSchema = z.object({
  of: z.string(), ofName: z.string(), percent: z.number(), defaultPercent: z.number(), setBy: z.string().nullable(),
  /** the version of the tenant's own setting, sent back when changing it; null while the default holds */
  version: z.number().int().nullable(),
});
// set by key (create or replace): the version of the row the form saw, none for the first setting; a stale one answers 409 edit.stale
const keyedVersion = { version: z.number().int().min(1).optional() };
const moneySchema = z.object({
  amount: z.number().int(), coefficient: z.number(), baseSalary: z.number().int(), baseSalaryFrom: isoDate, decisionDate: isoDate,
  legalBasis: z.string(), citation: z.string(), needsConfirmation: z.boolean(),
});
const entrySchema = {
  awardForm: z.string(), awardFormName: z.string(), category: z.enum(['title', 'award']), level: z.string(), recipient,
  legalBasis: z.string(), citation: z.string(), needsConfirmation: z.boolean(), note: z.string(),
  cap: capSchema.nullable(),
};
const judgementSchema = z.object({
  subject: z.object({ kind: z.enum(['person', 'collective']), id: z.uuid(), name: z.string() }),
  year: z.number().int(),
  legalBasis: z.object({ code: z.string(), name: z.string() }),
  results: z.array(z.object({ ...entrySchema, status, reasons: z.array(z.string()), finding: findingSchema, money: moneySchema.nullable() })),
});

const listQuery = z.object({
  organisationId: z.uuid(),
  /** a title or award of the catalogue, or a movement's criterion (movementId + criterionId) */
  awardForm: z.string().min(1).max(100).optional(),
  movementId: z.uuid().optional(),
  criterionId: z.uuid().optional(),
  recipient: recipient.default('individual'),
  year: z.coerce.number().int().min(1990).max(2100),
  status: status.optional(),
  leader: z.enum(['true', 'false']).optional(),
  q: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
}).refine((q) => q.awardForm !== undefined || (q.movementId !== undefined && q.criterionId !== undefined),
  { message: 'eligibility.award_or_criterion', path: ['awardForm'] });
const listSchema = z.object({
  rule: z.object({ ...entrySchema, legalBasisName: z.string() }),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  counts: z.object({ met: z.number().int(), attest: z.number().int(), unmet: z.number().int() }),
  total: z.number().int(),
  cap: z.object({ of: z.string(), ofName: z.string(), percent: z.number(), setBy: z.string().nullable(), base: z.number().int(), allowed: z.number().int(), over: z.boolean() }).nullable(),
  items: z.array(z.object({
    id: z.uuid(), name: z.string(), status, organisation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    position: z.string().nullable(), isLeader: z.boolean(), reasons: z.array(z.string()),
  })),
});

export async function eligibilityRoutes(app: ZodApp, deps: AppDeps) {
  const { db, clock } = deps;
  const today = () => todayInVietnam(clock.now());
  const thisYear = () => Number(today().slice(0, 4));
  const params = z.object({ id: z.uuid() });

  app.get('/eligibility/people/:id', {
    schema: { tags, summary: 'Every title and award for a person in a year: eligible, not eligible or needs attestation, with reasons and articles',
      params, querystring: yearQuery, response: { 200: judgementSchema } },
  }, async (request) => judgeSubject(db, actorOf(request), { kind: 'person', id: request.params.id },
    request.query.year ?? thisYear(), request.locale, today()));

  app.get('/eligibility/organisations/:id', {
    schema: { tags, summary: 'Every collective title and award for an organisation in a year, with reasons and articles',
      params, querystring: yearQuery, response: { 200: judgementSchema } },
  }, async (request) => judgeSubject(db, actorOf(request), { kind: 'collective', id: request.params.id },
    request.query.year ?? thisYear(), request.locale, today()));

  const toList = (q: z.infer<typeof listQuery>) => ({ ...q, leader: q.leader === undefined ? undefined : q.leader === 'true' });

  app.get('/eligibility', {
    schema: { tags, summary: 'Who in a unit\'s subtree qualifies for one award in one year (decided in SQL over the whole set)',
      querystring: listQuery, response: { 200: listSchema } },
  }, async (request) => judgeSubtree(db, actorOf(request), toList(request.query), request.locale, today()));

  app.get('/eligibility/export.xlsx', {
    schema: { tags, summary: 'The same list as a spreadsheet, with every reason', querystring: listQuery,
      response: fileResponse('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') },
  }, async (request, reply) => {
    const list = await judgeSubtree(db, actorOf(request), { ...toList({ ...request.query, page: 1, pageSize: 1 }) }, request.locale, today(), true);
    const buffer = await eligibilityWorkbook(list, request.query.year, request.locale);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="xet-dieu-kien-${request.query.awardForm ?? 'tieu-chuan-phong-trao'}-${request.query.year}.xlsx"`)
      .send(buffer);
  });

  // every field presentCatalogue answers is listed (the serialiser drops the rest): the rule as stored (rules/rule.ts) and its criteria worded for the example year
  const recipient = z.enum(['individual', 'collective']);
  const catalogueSchema = z.object({
    legalBases: z.array(z.object({
      code: z.string(), name: z.string(), shortName: z.string(), effectiveFrom: z.string(), effectiveTo: z.string().nullable(), version: z.number().int(),
    })),
    rules: z.array(z.object({
      awardForm: z.string(), awardFormName: z.string(), recipient, legalBasis: z.string(), legalBasisName: z.string(), citation: z.string(),
      needsConfirmation: z.boolean(), note: z.string(), cap: capSchema.nullable(),
      exampleYear: z.number(), criteria: criteriaSchema, rule: ruleSchema, version: z.number().int(), validFrom: z.string().nullable(),
    })),
    coefficients: z.array(z.object({
      awardForm: z.string(), awardFormName: z.string(), recipient, legalBasis: z.string(), coefficient: z.number(), citation: z.string(),
      needsConfirmation: z.boolean(), amountToday: z.number().nullable(),
    })),
    baseSalaries: z.array(z.object({ effectiveFrom: z.string(), amount: z.number(), citation: z.string() })),
    canManage: z.boolean(), canManageShared: z.boolean(),
  });

  app.get('/catalogue', {
    schema: { tags, summary: 'The rule catalogue: legal bases, each title\'s and award\'s criteria with articles, money coefficients, base salaries',
      response: { 200: catalogueSchema } },
  }, async (request) => presentCatalogue(db, actorOf(request), request.locale, today()));

  app.get('/catalogue/money', {
    schema: { tags, summary: 'Award money for a form decided on a date: coefficient × base salary in force, rounded up to 10,000đ',
      querystring: z.object({ awardForm: z.string().min(1).max(100), recipient: recipient.default('individual'), date: isoDate }),
      response: { 200: moneySchema.nullable() } },
  }, async (request) => {
    const { tenantId } = actorOf(request);
    const [catalogue, tables] = await Promise.all([loadCatalogue(db, tenantId), loadMoneyTables(db, tenantId)]);
    return moneyFor(tables, catalogue, request.query.awardForm, request.query.recipient, request.query.date);
  });

  app.put('/catalogue/caps/:awardForm', {
    schema: { tags, summary: 'Set this province\'s (ministry\'s) own cap on a title\'s share, e.g. Chiến sĩ thi đua cơ sở ≤ 15% of Lao động tiên tiến (system administrators)',
      params: z.object({ awardForm: z.string().min(1).max(100) }),
      body: z.object({ percent: z.number().gt(0).max(100), citation: z.string().trim().min(3).max(300), ...keyedVersion }).strict(),
      response: { 200: z.object({ awardForm: z.string(), percent: z.number() }) } },
  }, async (request) => {
    await setCap(commandContext(request, deps), request.params.awardForm, request.body);
    return { awardForm: request.params.awardForm, percent: request.body.percent };
  });

  app.post('/catalogue/base-salaries', {
    schema: { tags, summary: 'Add the statutory base salary in force from a date: every tenant reads it (platform operator)',
      body: z.object({ effectiveFrom: isoDate, amount: z.number().int().min(100_000).max(1_000_000_000), citation: z.string().trim().min(3).max(300) }).strict(),
      response: { 201: z.object({ effectiveFrom: isoDate }) } },
  }, async (request, reply) => {
    await addBaseSalary(commandContext(request, deps), request.body);
    return reply.status(201).send({ effectiveFrom: request.body.effectiveFrom });
  });

  app.put('/platform/legal-bases/:code', {
    schema: { tags: ['platform'], summary: 'Add or correct a legal basis (law and decree, with its period in force): every tenant\'s rules cite it (platform operator)',
      params: z.object({ code: z.string().regex(/^[a-z0-9_]{3,60}$/) }),
      body: z.object({
        name: z.string().trim().min(3).max(500), shortName: z.string().trim().min(2).max(100),
        effectiveFrom: isoDate, effectiveTo: isoDate.nullable(), ...keyedVersion,
      }).strict(),
      response: { 200: z.object({ code: z.string() }) } },
  }, async (request) => {
    await saveLegalBasis(commandContext(request, deps), request.params.code, request.body);
    return { code: request.params.code };
  });
}
