import { z } from 'zod';
import { documentNumber, documentSymbol } from '../../platform/http/document-numbers.ts';
import { actorOf, commandContext, type AppDeps, type ZodApp } from '../../platform/http/context.ts';
import { canReach, reachablePaths, type Actor } from '../../platform/auth/policy.ts';
import { forbidden } from '../../platform/errors.ts';
import { foldQuery } from '../../platform/vn/fold.ts';
import { todayInVietnam } from '../../platform/vn/dates.ts';
import { allowedActions, diffAgainstParent, MOVEMENT_KINDS } from './model.ts';
import { planSchema } from './plan.ts';
import { phaseInput, PHASE_KINDS } from './phases.ts';
import { amendmentsOf, findMovement, listMovements, phasesOf, planOf, registrationEntriesOf, registrationsOf, type MovementRow } from './store.ts';
import { formsSeenBy, notRetired } from '../awards/index.ts';
import { renderDocx } from '../../platform/documents/docx.ts';
import { renderPdf } from '../../platform/documents/pdf.ts';
import {
  approveRegistration,
  amendMovement, movementOfficialDocument, proposeMovementNumber, cascadeMovement, closeMovement, createMovement, issueMovement, registerForMovement, remind, remindOverdue, unitResponses, updateDraft, visibleMovement,
} from './service.ts';
import { fileResponse, noContent } from '../../platform/http/responses.ts';
import { calendarDate } from '../../platform/http/dates.ts';

const tags = ['movements'];
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const params = z.object({ id: z.uuid() });
const isoDate = calendarDate;
const status = z.enum(['draft', 'issued', 'closed']);

const header = {
  kind: z.enum(MOVEMENT_KINDS),
  name: z.string().trim().min(5).max(1000),
  slogan: z.string().trim().max(1000).optional(),
  // a draft may leave the symbol for later (''): it is needed when the plan is issued
  documentSymbol: z.union([z.literal(''), documentSymbol]).optional(),
  place: z.string().trim().max(100).optional(),
  periodStart: isoDate,
  periodEnd: isoDate,
};
const createBody = z.object({ organisationId: z.uuid(), ...header, plan: planSchema, phases: z.array(phaseInput).max(50).default([]) }).strict();
const patchBody = z.object({
  ...header, plan: planSchema, phases: z.array(phaseInput).max(50),
  /** the version the form was filled from: a stale one answers 409 edit.stale */
  version: z.number().int().min(1),
}).partial().strict();
const amendBody = patchBody.extend({ reason: z.string().trim().min(5).max(2000) }).strict();

const ref = z.object({ id: z.uuid(), name: z.string() });
const summarySchema = z.object({
  id: z.uuid(), name: z.string(), kind: z.enum(MOVEMENT_KINDS), status, organisation: ref,
  documentNumber: z.number().int().nullable(), documentSymbol: z.string(), issuedOn: isoDate.nullable(),
  periodStart: isoDate, periodEnd: isoDate, parentMovementId: z.uuid().nullable(),
});
const phaseSchema = z.object({
  id: z.uuid(), kind: z.enum(PHASE_KINDS), title: z.string(), startsOn: isoDate.nullable(), dueOn: isoDate.nullable(),
  dueFrom: z.string(), outline: z.array(z.object({ title: z.string(), points: z.array(z.string()) })).nullable(), inheritedFrom: z.uuid().nullable(),
});
const detailSchema = summarySchema.extend({
  slogan: z.string(), place: z.string(), plan: planSchema, phases: z.array(phaseSchema),
  /** send back with an edit (optimistic concurrency) */
  version: z.number().int(),
  allowedActions: z.array(z.enum(['edit', 'issue', 'amend', 'close'])),
  canWrite: z.boolean(), canIssue: z.boolean(),
  /** who responded and registered is the issuer side's view (GET …/responses answers 403 to the units below) */
  canTrackResponses: z.boolean(),
  parent: z.object({ id: z.uuid(), name: z.string(), organisationName: z.string() }).nullable(),
  changesAgainstParent: z.array(z.object({ list: z.string(), kind: z.enum(['added', 'changed', 'removed']), id: z.uuid(), parentId: z.uuid().nullable() })),
  amendments: z.array(z.object({ sequence: z.number().int(), reason: z.string(), amendedAt: z.string() })),
});
const state = z.enum(['done', 'pending', 'overdue', 'not_due']);
const responsesSchema = z.object({
  responsePlanDue: isoDate.nullable(), registrationDue: isoDate.nullable(),
  items: z.array(z.object({
    organisation: ref,
    responsePlan: z.object({ state, movementId: z.uuid().nullable(), issuedOn: isoDate.nullable() }),
    registration: z.object({ state, registeredAt: z.string().nullable() }),
    lastReminderAt: z.string().nullable(),
  })),
});
const registrationBody = z.object({
  organisationId: z.uuid(),
  titles: z.array(z.object({
    awardForm: z.string().min(1).max(100), collectives: z.number().int().min(0).optional(), individuals: z.number().int().min(0).optional(),
    note: z.string().max(1000).optional(),
    /** who registers by name (issue 17.7): people working in the unit, collectives under it */
    personIds: z.array(z.uuid()).max(2000).optional(), organisationIds: z.array(z.uuid()).max(500).optional(),
  })).max(50),
  commitments: z.string().trim().max(20_000).default(''),
}).strict();

function presentSummary(m: MovementRow): z.infer<typeof summarySchema> {
  return {
    id: m.id, name: m.name, kind: m.kind, status: m.status, organisation: { id: m.organisation_id, name: m.organisation_name },
    documentNumber: m.document_number, documentSymbol: m.document_symbol, issuedOn: m.issued_on,
    periodStart: m.period_start, periodEnd: m.period_end, parentMovementId: m.parent_movement_id,
  };
}

/** Tracking who responded is the issuer side's view, not the responding units'. */
const canTrackResponses = (actor: Actor, m: MovementRow) => canReach(actor, 'movement.read', m.organisation_path);

export async function movementRoutes(app: ZodApp, deps: AppDeps) {
  const { db, clock } = deps;

  async function presentDetail(actor: Actor, id: string): Promise<z.infer<typeof detailSchema>> {
    const m = await visibleMovement(db, actor, id);
    const plan = planOf(m);
    const parent = m.parent_movement_id ? await findMovement(db, actor.tenantId, m.parent_movement_id) : undefined;
    const [phases, amendments] = await Promise.all([phasesOf(db, actor.tenantId, m.id), amendmentsOf(db, actor.tenantId, m.id)]);
    return {
      ...presentSummary(m), slogan: m.slogan, place: m.place, plan, version: m.version,
      phases: phases.map((p) => ({
        id: p.id, kind: p.kind, title: p.title, startsOn: p.starts_on, dueOn: p.due_on, dueFrom: p.due_from,
        outline: p.outline as { title: string; points: string[] }[] | null, inheritedFrom: p.inherited_from,
      })),
      allowedActions: allowedActions(m.status),
      canWrite: canReach(actor, 'movement.write', m.organisation_path),
      canIssue: canReach(actor, 'movement.issue', m.organisation_path),
      canTrackResponses: canTrackResponses(actor, m),
      parent: parent ? { id: parent.id, name: parent.name, organisationName: parent.organisation_name } : null,
      changesAgainstParent: parent ? diffAgainstParent(plan, planOf(parent)) : [],
      amendments: amendments.map((a) => ({ sequence: a.sequence, reason: a.reason, amendedAt: a.amended_at.toISOString() })),
    };
  }

  app.get('/movements', {
    schema: { tags, summary: 'Movements of my subtree, and issued ones from above that I implement',
      querystring: z.object({ q: z.string().max(100).optional(), status: status.optional(), year: z.coerce.number().int().min(1945).max(2100).optional() }),
      response: { 200: z.object({ items: z.array(summarySchema) }) } },
  }, async (request) => {
    const actor = actorOf(request);
    const ownPrefixes = reachablePaths(actor, 'movement.read');
    // every organisation above a grant: each proper prefix of its path
    const ancestorPaths = [...new Set(ownPrefixes.flatMap((p) => {
      const parts = p.split('/').filter(Boolean);
      return parts.slice(0, -1).map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
    }))];
    const rows = await listMovements(db, actor.tenantId, {
      ownPrefixes, ancestorPaths, tokens: foldQuery(request.query.q ?? '').split(' ').filter(Boolean).slice(0, 6),
      status: request.query.status, year: request.query.year,
    });
    return { items: rows.map(presentSummary) };
  });

  app.get('/movements/:id', {
    schema: { tags, summary: 'A movement with its plan, phases, changes against its parent and amendments', params, response: { 200: detailSchema } },
  }, async (request) => presentDetail(actorOf(request), request.params.id));

  app.post('/movements', {
    schema: { tags, summary: 'Draft a movement plan', body: createBody, response: { 201: detailSchema } },
  }, async (request, reply) => {
    const id = await createMovement(commandContext(request, deps), request.body);
    return reply.status(201).send(await presentDetail(actorOf(request), id));
  });

  app.patch('/movements/:id', {
    schema: { tags, summary: 'Edit a draft plan (issued plans change only by amendment)', params, body: patchBody, response: { 200: detailSchema } },
  }, async (request) => {
    await updateDraft(commandContext(request, deps), request.params.id, request.body);
    return presentDetail(actorOf(request), request.params.id);
  });

  app.post('/movements/:id/cascade', {
    schema: { tags, summary: 'Create a subordinate organisation\'s plan from this issued plan', params,
      body: z.object({ organisationId: z.uuid() }).strict(), response: { 201: detailSchema } },
  }, async (request, reply) => {
    const id = await cascadeMovement(commandContext(request, deps), request.params.id, request.body.organisationId);
    return reply.status(201).send(await presentDetail(actorOf(request), id));
  });

  app.post('/movements/:id/issue', {
    schema: { tags, summary: 'Issue a draft plan with its document number and date', params,
      body: z.object({
        documentNumber, documentSymbol: documentSymbol.optional().describe('the symbol, when it is not the draft\'s'),
        issuedOn: isoDate, place: z.string().trim().max(100).optional(),
      }).strict(),
      response: { 200: detailSchema } },
  }, async (request) => {
    await issueMovement(commandContext(request, deps), request.params.id, request.body);
    return presentDetail(actorOf(request), request.params.id);
  });

  app.get('/movements/:id/next-number', {
    schema: { tags, summary: 'The number the register proposes for issuing this plan: one past the highest its issuer took with the symbol that year',
      params, querystring: z.object({ symbol: documentSymbol.optional(), year: z.coerce.number().int().min(1945).max(2100) }),
      response: { 200: z.object({ number: z.number().int(), symbol: z.string(), year: z.number().int() }) } },
  }, async (request) => proposeMovementNumber({ db, actor: actorOf(request) }, request.params.id, request.query));

  app.post('/movements/:id/amendments', {
    schema: { tags, summary: 'Amend an issued plan, with the reason recorded', params, body: amendBody, response: { 201: detailSchema } },
  }, async (request, reply) => {
    await amendMovement(commandContext(request, deps), request.params.id, request.body);
    return reply.status(201).send(await presentDetail(actorOf(request), request.params.id));
  });

  app.post('/movements/:id/close', {
    schema: { tags, summary: 'Close an issued movement', params, response: { 200: detailSchema } },
  }, async (request) => {
    await closeMovement(commandContext(request, deps), request.params.id);
    return presentDetail(actorOf(request), request.params.id);
  });

  app.get('/movements/:id/responses', {
    schema: { tags, summary: 'Per organisation directly below the issuer: response plan and registration, on time or overdue', params,
      response: { 200: responsesSchema } },
  }, async (request) => {
    const actor = actorOf(request);
    const m = await visibleMovement(db, actor, request.params.id);
    if (!canTrackResponses(actor, m)) throw forbidden();
    const { responsePlanDue, registrationDue, units } = await unitResponses(db, m, clock.now());
    return {
      responsePlanDue, registrationDue,
      items: units.map((u) => ({
        organisation: u.organisation, responsePlan: u.responsePlan,
        registration: { state: u.registration.state, registeredAt: u.registration.registeredAt?.toISOString() ?? null },
        lastReminderAt: u.lastReminderAt?.toISOString() ?? null,
      })),
    };
  });

  app.post('/movements/:id/reminders', {
    schema: { tags, summary: 'Remind an organisation below the issuer to respond', params,
      body: z.object({ organisationId: z.uuid(), message: z.string().trim().min(5).max(2000) }).strict(),
      response: { 201: z.object({ ok: z.literal(true) }) } },
  }, async (request, reply) => {
    await remind(commandContext(request, deps), request.params.id, request.body);
    return reply.status(201).send({ ok: true });
  });

  app.post('/movements/:id/reminders/overdue', {
    schema: { tags, summary: 'Remind every unit overdue on its response plan or registration (each at most once a day)', params,
      body: z.object({ message: z.string().trim().min(5).max(2000) }).strict(),
      response: { 201: z.object({
        reminded: z.number().int().describe('units reminded now'),
        alreadyToday: z.number().int().describe('overdue units left out: already reminded today'),
      }) } },
  }, async (request, reply) => reply.status(201).send(await remindOverdue(commandContext(request, deps), request.params.id, request.body)));

  app.get('/movements/:id/registrations', {
    schema: { tags, summary: 'Registrations for the movement from units in my scope, compiled', params,
      response: { 200: z.object({ items: z.array(z.object({
        organisation: ref, commitments: z.string(), registeredAt: z.string(),
        titles: z.array(z.object({
          awardForm: z.string(), collectives: z.number().int().optional(), individuals: z.number().int().optional(), note: z.string().optional(),
          /** the people and collectives who register for it, when named */
          people: z.array(ref), collectivesNamed: z.array(ref),
        })),
        status: z.enum(['awaiting_head', 'approved']), approvedAt: z.string().nullable(),
        /** the actor may approve it now (the unit's head) */
        canApprove: z.boolean(),
      })) }) } },
  }, async (request) => {
    const actor = actorOf(request);
    const m = await visibleMovement(db, actor, request.params.id);
    const rows = await registrationsOf(db, actor.tenantId, m.id, reachablePaths(actor, 'movement.read'));
    const entries = await registrationEntriesOf(db, actor.tenantId, rows.map((r) => r.id));
    return { items: rows.map((r) => {
      const mine = entries.filter((e) => e.registration_id === r.id);
      const titles = r.titles as { awardForm: string; collectives?: number; individuals?: number; note?: string }[];
      return {
        organisation: { id: r.organisation_id, name: r.organisation_name }, commitments: r.commitments, registeredAt: r.registered_at.toISOString(),
        titles: titles.map((t) => ({
          awardForm: t.awardForm, collectives: t.collectives, individuals: t.individuals, note: t.note,
          people: mine.filter((e) => e.award_form === t.awardForm && e.person_id).map((e) => ({ id: e.person_id!, name: e.name })),
          collectivesNamed: mine.filter((e) => e.award_form === t.awardForm && e.organisation_id).map((e) => ({ id: e.organisation_id!, name: e.name })),
        })),
        status: r.status, approvedAt: r.approved_at?.toISOString() ?? null,
        canApprove: r.status === 'awaiting_head' && canReach(actor, 'nomination.approve', r.organisation_path),
      };
    }) };
  });

  app.post('/movements/:id/registrations', {
    schema: { tags, summary: 'Register the titles a unit aims for, and its commitments', params, body: registrationBody,
      response: { 201: z.object({ ok: z.literal(true) }) } },
  }, async (request, reply) => {
    await registerForMovement(commandContext(request, deps), request.params.id, request.body);
    return reply.status(201).send({ ok: true });
  });

  app.post('/movements/:id/registrations/:organisationId/approve', {
    schema: { tags, summary: 'The unit\'s head approves its registration (đăng ký thi đua) as saved', params: z.object({ id: z.uuid(), organisationId: z.uuid() }),
      response: noContent },
  }, async (request, reply) => {
    await approveRegistration(commandContext(request, deps), request.params.id, request.params.organisationId);
    return reply.status(204).send();
  });

  for (const format of ['docx', 'pdf'] as const) {
    app.get(`/movements/:id/document.${format}`, {
      schema: { tags, summary: `The plan as an official document (Decree 30/2020), ${format.toUpperCase()}`, params,
        produces: [format === 'docx' ? DOCX_TYPE : 'application/pdf'], response: fileResponse(format === 'docx' ? DOCX_TYPE : 'application/pdf') },
    }, async (request, reply) => {
      const actor = actorOf(request);
      const doc = await movementOfficialDocument(db, actor, request.params.id);
      const file = format === 'docx' ? await renderDocx(doc) : await renderPdf(doc);
      const name = `ke-hoach-${doc.number ?? 'du-thao'}.${format}`;
      return reply.type(format === 'docx' ? DOCX_TYPE : 'application/pdf')
        .header('content-disposition', `attachment; filename="${name}"`).send(file);
    });
  }

  app.get('/award-forms', {
    schema: { tags, summary: 'The catalogue of emulation titles and award forms',
      response: { 200: z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), category: z.string(), recipient: z.string(), level: z.string(), conferredBy: z.string() })) }) } },
  }, async (request) => {
    // the forms this tenant offers: the shared ones and its own, without those it retired (migration 0031)
    const { tenantId } = actorOf(request);
    return {
      items: (await formsSeenBy(db, tenantId).where(notRetired(tenantId, todayInVietnam(clock.now()))).selectAll().orderBy('sort_order').execute())
        .map((f) => ({ code: f.code, name: f.name, category: f.category, recipient: f.recipient, level: f.level, conferredBy: f.conferred_by })),
    };
  });
}
