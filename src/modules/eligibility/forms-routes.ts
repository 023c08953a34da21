import { z } from 'zod';
import { actorOf, commandContext, type AppDeps, type ZodApp } from '../../platform/http/context.ts';
import { noContent } from '../../platform/http/responses.ts';
import { todayInVietnam } from '../../platform/vn/dates.ts';
import { isoDate } from '../organisations/index.ts';
import { ruleSchema } from '../rules/index.ts';
import { CODE_PATTERN, FORM_GROUPS, FORM_LEVELS, RECIPIENT_KINDS } from './forms-model.ts';
import { createForm, editForm, formRules, listForms, reinstateForm, removeForm, retireForm, saveRuleVersion } from './forms-service.ts';
import { previewRule } from './preview.ts';

/** The tenant's award catalogue (issue 14.3): forms, retirements, rule versions and the editor's preview. */
const tags = ['catalogue'];
const recipient = z.enum(['individual', 'collective']);
const text = (max: number) => z.string().trim().min(1).max(max);
const citation = z.string().trim().min(3).max(500);

const procedureInput = z.object({
  councilVote: z.boolean(), secretBallot: z.boolean(), thresholdPercent: z.number().gt(0).max(100),
  thresholdOf: z.enum(['members', 'present']), consultationDays: z.number().int().min(1).max(60).nullable(), citation: citation,
}).strict();
const procedureSchema = z.object({
  awardForm: z.string(), councilVote: z.boolean(), secretBallot: z.boolean(), thresholdPercent: z.number(),
  thresholdOf: z.enum(['members', 'present']), consultationDays: z.number().nullable(), citation: z.string(), custom: z.boolean(),
  /** the version of the tenant's own setting (sent back to PUT /nominations/procedures); null for the default */
  version: z.number().int().nullable(),
});
const coefficientInput = z.object({
  recipient, legalBasis: text(100), coefficient: z.number().min(0).max(1000), citation,
}).strict();
const formInput = z.object({
  code: z.string().regex(CODE_PATTERN, { message: 'catalogue.code_format' }),
  name: text(300), group: z.enum(FORM_GROUPS), recipientKinds: z.array(z.enum(RECIPIENT_KINDS)).min(1).max(4),
  level: z.enum(FORM_LEVELS), conferredBy: text(300), citation,
  sortOrder: z.number().int().min(0).max(100_000).optional(),
  procedure: procedureInput.optional(),
  coefficients: z.array(coefficientInput).max(20).default([]),
}).strict();
const formSchema = z.object({
  code: z.string(), displayCode: z.string(), name: z.string(), category: z.enum(['title', 'award']), group: z.enum(FORM_GROUPS),
  recipientKinds: z.array(z.enum(RECIPIENT_KINDS)), level: z.enum(FORM_LEVELS), conferredBy: z.string(), citation: z.string(),
  shared: z.boolean(), version: z.number().int(), sortOrder: z.number().int(), retiredOn: z.string().nullable(), retirementCitation: z.string().nullable(),
  procedure: procedureSchema,
  coefficients: z.array(z.object({ recipient, legalBasis: z.string(), coefficient: z.number(), citation: z.string(), needsConfirmation: z.boolean() })),
  ruleVersions: z.number().int(),
});
const codeParam = z.object({ code: z.string().min(1).max(100) });
const versionSchema = z.object({
  version: z.number().int(), recipient, legalBasis: z.string(), validFrom: z.string().nullable(), rule: ruleSchema, citation: z.string(),
  article: z.string(), note: z.string(), author: z.string().nullable(), createdAt: z.string().nullable(), shared: z.boolean(),
});
const statusEnum = z.enum(['met', 'attest', 'unmet']);
const changedSchema = z.array(z.object({ id: z.uuid(), name: z.string(), current: statusEnum, draft: statusEnum }));

export async function catalogueRoutes(app: ZodApp, deps: AppDeps) {
  const { db, clock } = deps;

  app.get('/catalogue/forms', {
    schema: { tags, summary: 'The award catalogue this tenant sees: the shared statutory forms and its own, with retirements, procedure and money',
      response: { 200: z.object({ canManage: z.boolean(), items: z.array(formSchema) }) } },
  }, async (request) => listForms(db, actorOf(request)));

  app.post('/catalogue/forms', {
    schema: { tags, summary: 'Add a form of this tenant (a minister\'s Bằng khen, a Kỷ niệm chương, a household title): its system administrator or standing agency at the root',
      body: formInput, response: { 201: formSchema } },
  }, async (request, reply) => reply.status(201).send(await createForm(commandContext(request, deps), request.body)));

  app.put('/catalogue/forms/:code', {
    schema: { tags, summary: 'Edit a form of this tenant; `version` is the one loaded (a stale edit is refused with 409)',
      params: codeParam, body: formInput.extend({ version: z.number().int().min(1) }).strict(), response: { 200: formSchema } },
  }, async (request) => editForm(commandContext(request, deps), request.params.code, request.body));

  app.delete('/catalogue/forms/:code', {
    schema: { tags, summary: 'Delete a form of this tenant nobody used (a used one can only be retired)', params: codeParam, response: noContent },
  }, async (request, reply) => {
    await removeForm(commandContext(request, deps), request.params.code);
    return reply.status(204).send();
  });

  app.post('/catalogue/forms/:code/retirement', {
    schema: { tags, summary: 'Retire a form here (shared or own): no longer offered for new nominations; its history stays',
      params: codeParam, body: z.object({ retiredOn: isoDate, citation }).strict(), response: { 200: formSchema } },
  }, async (request) => retireForm(commandContext(request, deps), request.params.code, request.body));

  app.delete('/catalogue/forms/:code/retirement', {
    schema: { tags, summary: 'Offer a retired form again', params: codeParam, response: { 200: formSchema } },
  }, async (request) => reinstateForm(commandContext(request, deps), request.params.code));

  app.get('/catalogue/forms/:code/rules', {
    schema: { tags, summary: 'Every version of a form\'s eligibility rules: the shared default (version 0) and this tenant\'s, newest first',
      params: codeParam, response: { 200: z.object({
        form: z.object({ code: z.string(), name: z.string(), shared: z.boolean() }), recipients: z.array(recipient), canManage: z.boolean(),
        versions: z.array(versionSchema),
      }) } },
  }, async (request) => formRules(db, actorOf(request), request.params.code));

  app.post('/catalogue/forms/:code/rules', {
    schema: { tags, summary: 'Save a new version of a form\'s rule (valid from a day, citing the document and article); `baseVersion` is the version edited',
      params: codeParam,
      body: z.object({
        recipient, legalBasis: text(100), validFrom: isoDate, rule: ruleSchema, citation, article: text(200), note: z.string().trim().max(2000).optional(),
        baseVersion: z.number().int().min(0),
      }).strict(),
      response: { 201: z.object({ version: z.number().int(), validFrom: z.string() }) } },
  }, async (request, reply) => reply.status(201).send(await saveRuleVersion(commandContext(request, deps), request.params.code, request.body)));

  app.post('/catalogue/forms/:code/rules/preview', {
    schema: { tags, summary: 'Before saving: who of the agency\'s people (units) qualifies for a year under the rule in force and under the draft, who gains and who loses (paged)',
      params: codeParam,
      body: z.object({
        recipient, year: z.number().int().min(1990).max(2100), rule: ruleSchema, organisationId: z.uuid().optional(),
        page: z.number().int().min(1).max(10_000).default(1), pageSize: z.number().int().min(1).max(200).default(50),
      }).strict(),
      response: { 200: z.object({
        organisation: z.object({ id: z.uuid(), name: z.string() }), year: z.number().int(),
        current: z.object({ version: z.number().int(), legalBasis: z.string(), citation: z.string() }).nullable(),
        total: z.number().int(),
        counts: z.object({
          current: z.object({ met: z.number().int(), attest: z.number().int() }), draft: z.object({ met: z.number().int(), attest: z.number().int() }),
          gains: z.number().int(), losses: z.number().int(),
        }),
        gains: changedSchema, losses: changedSchema, page: z.number().int(), pageSize: z.number().int(),
      }) } },
  }, async (request) => previewRule(db, actorOf(request), request.params.code, request.body, todayInVietnam(clock.now())));
}
