import { z } from 'zod';
import { actorOf, commandContext, type AppDeps, type ZodApp } from '../../platform/http/context.ts';
import { canReach } from '../../platform/auth/policy.ts';
import { notFound } from '../../platform/errors.ts';
import { renderDocx } from '../../platform/documents/docx.ts';
import { findOrganisation } from '../organisations/index.ts';
import { currentDocumentsOf, procedureFor } from '../nominations/index.ts';
import type { DocumentKind } from '../../platform/db/schema.ts';
import { minutesDocument } from './document.ts';
import { CHOICES, votesNeeded } from './model.ts';
import { compiledList, type AgendaRow } from './store.ts';
import {
  ballotsOf, castBallot, closeMeeting, createMeeting, deferItem, meetingsFor, openMeeting, readMeeting, setAttendance,
} from './service.ts';
import { fileResponse } from '../../platform/http/responses.ts';
import { calendarDate } from '../../platform/http/dates.ts';
import type { Config } from '../../platform/config.ts';

/** The server's BALLOT_SECRET (main.ts reads it or keeps one in the data folder): no ballot can be cast or counted without it. */
export function ballotSecretOf(config: Pick<Config, 'ballotSecret'>): string {
  if (!config.ballotSecret) throw new Error('BALLOT_SECRET is not set: the council\'s secret ballot needs it');
  return config.ballotSecret;
}
import { councilRegistryRoutes } from './councils-routes.ts';
import { attachPaperMinutes, checkPaperBallot, paperBallotOf, paperMinutesFile, recordPaperBallot } from './paper-ballot.ts';
import { uploadFrom, uploadLimitBytes, withRawUploads } from '../../platform/storage/upload-routes.ts';

const tags = ['council'];
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const isoDate = calendarDate;
const params = z.object({ id: z.uuid() });
const status = z.enum(['planned', 'voting', 'closed']);
const thresholdOf = z.enum(['members', 'present']);

const createBody = z.object({
  organisationId: z.uuid(), date: isoDate,
  startsAt: z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/).optional(),
  location: z.string().trim().max(300).optional(), place: z.string().trim().max(100).optional(),
}).strict();
const attendanceBody = z.object({
  present: z.array(z.uuid()).max(200),
  /** the version of the meeting the list was ticked from: a stale one answers 409 edit.stale */
  version: z.number().int().min(1).optional(),
}).strict();
const ballotBody = z.object({ votes: z.array(z.object({ itemId: z.uuid(), choice: z.enum(CHOICES) }).strict()).min(1).max(500) }).strict();
const deferBody = z.object({ reason: z.string().trim().max(2000).optional() }).strict();
// counts as numbers: a negative or fractional one reaches declarePaperBallot, which names the candidate in its 400
const paperCheckBody = z.object({
  present: z.array(z.uuid()).max(200),
  counts: z.array(z.object({ itemId: z.uuid(), yes: z.number(), no: z.number(), abstain: z.number() }).strict()).max(500),
}).strict();
const paperBody = paperCheckBody.extend({
  /** the version of the meeting the counts were entered from: a stale one answers 409 edit.stale */
  version: z.number().int().min(1),
}).strict();
const tallySchema = z.object({ yes: z.number().int(), no: z.number().int(), abstain: z.number().int() });
const paperResults = z.object({ results: z.array(z.object({
  itemId: z.uuid(), tally: tallySchema, base: z.object({ members: z.number().int(), present: z.number().int() }),
  outcome: z.enum(['passed', 'failed']), percent: z.number(),
})) });

const candidateSchema = {
  candidateId: z.uuid(), batchId: z.uuid(), name: z.string(), position: z.string(), unit: z.string(), nominatingUnit: z.string(),
  awardForm: z.string(), awardFormName: z.string(), recipient: z.enum(['person', 'collective', 'household']), isLeader: z.boolean(),
  eligibility: z.string().nullable(),
};
const procedureSchema = z.object({ secretBallot: z.boolean(), thresholdPercent: z.number(), thresholdOf });
const meetingSummary = z.object({
  id: z.uuid(), status, date: isoDate, startsAt: z.string(), location: z.string(), organisation: z.object({ id: z.uuid(), name: z.string() }),
  councilName: z.string(),
});
const meetingSchema = meetingSummary.extend({
  place: z.string(), openedAt: z.string().nullable(), closedAt: z.string().nullable(),
  viewer: z.object({ canManage: z.boolean(), isMember: z.boolean() }),
  /** send back with the attendance list (optimistic concurrency) */
  version: z.number().int(),
  members: z.array(z.object({ personId: z.uuid(), name: z.string(), role: z.string(), present: z.boolean() })),
  /** the paper ballot (issue 17.4): its counting minutes once attached; recordedAt once the results came from it */
  paperBallot: z.object({ minutesName: z.string(), recordedAt: z.string().nullable() }).nullable(),
  items: z.array(z.object({
    id: z.uuid(), ...candidateSchema, outcome: z.enum(['pending', 'passed', 'failed', 'deferred']),
    /** the procedure copied when voting opened; before that, the one that would apply now */
    procedure: procedureSchema, procedureFixed: z.boolean(),
    base: z.object({ members: z.number().int(), present: z.number().int() }), votesNeeded: z.number().int(), ballotsReceived: z.number().int(),
    /** only once the ballot is closed: a running tally would let an onlooker watch each member's vote land */
    tally: tallySchema.nullable(),
    recusals: z.array(z.object({ personId: z.uuid(), name: z.string(), reason: z.enum(['is_candidate', 'heads_unit']), detail: z.string() })),
  })),
});
const DOCUMENT_KINDS = ['proposal_letter', 'minutes', 'achievement_report', 'summary', 'other'] as const satisfies readonly DocumentKind[];
const ballotSchema = z.object({
  meeting: meetingSummary.extend({ present: z.boolean() }),
  items: z.array(z.object({
    id: z.uuid(), ...candidateSchema, state: z.enum(['open', 'voted', 'recused', 'absent', 'deferred']),
    /** what the member reads before voting: the candidate's own documents and the batch's (letter, minutes) */
    dossier: z.array(z.object({ id: z.uuid(), kind: z.enum(DOCUMENT_KINDS), name: z.string() })),
  })),
});

const recipientOf = (c: Pick<AgendaRow, 'person_id' | 'organisation_id'>) => (c.person_id ? 'person' as const : c.organisation_id ? 'collective' as const : 'household' as const);
const eligibilityOf = (e: unknown) => (e && typeof e === 'object' && 'status' in e ? String((e as { status: unknown }).status) : null);
function presentCandidate(c: Omit<AgendaRow, 'id' | 'secret_ballot' | 'threshold_percent' | 'threshold_of' | 'yes_count' | 'no_count' | 'abstain_count' | 'outcome'>) {
  return {
    candidateId: c.candidate_id, batchId: c.batch_id, name: c.name, position: c.position, unit: c.unit_name, nominatingUnit: c.nominating_unit,
    awardForm: c.award_form, awardFormName: c.award_form_name, recipient: recipientOf(c), isLeader: c.is_leader, eligibility: eligibilityOf(c.eligibility),
  };
}
const summary = (m: { id: string; status: z.infer<typeof status>; meeting_date: string; starts_at: string; location: string;
  organisation_id: string; organisation_name: string; council_name: string }) => ({
  id: m.id, status: m.status, date: m.meeting_date, startsAt: m.starts_at, location: m.location,
  organisation: { id: m.organisation_id, name: m.organisation_name }, councilName: m.council_name,
});

export async function councilRoutes(app: ZodApp, deps: AppDeps) {
  const { db } = deps;
  const ballotSecret = ballotSecretOf(deps.config);
  councilRegistryRoutes(app, deps);

  async function present(request: Parameters<typeof actorOf>[0], id: string): Promise<z.infer<typeof meetingSchema>> {
    const actor = actorOf(request);
    const { meeting, agenda, members, recusals, ballots, baseOf } = await readMeeting(db, actor, id);
    const paper = await paperBallotOf(db, actor.tenantId, meeting.id);
    const procedures = new Map<string, z.infer<typeof procedureSchema>>();
    for (const form of new Set(agenda.filter((i) => i.threshold_of === null).map((i) => i.award_form))) {
      const p = await procedureFor(db, actor.tenantId, form);
      procedures.set(form, { secretBallot: p.secretBallot, thresholdPercent: p.thresholdPercent, thresholdOf: p.thresholdOf });
    }
    const names = new Map(members.map((m) => [m.person_id, m.full_name]));
    return {
      ...summary(meeting), place: meeting.place, openedAt: meeting.opened_at?.toISOString() ?? null, closedAt: meeting.closed_at?.toISOString() ?? null,
      viewer: { canManage: meeting.canManage, isMember: meeting.isMember }, version: meeting.version,
      members: members.map((m) => ({ personId: m.person_id, name: m.full_name, role: m.role, present: m.present })),
      paperBallot: paper ? { minutesName: paper.minutes_name, recordedAt: paper.recorded_at?.toISOString() ?? null } : null,
      items: agenda.map((i) => {
        const fixed = i.threshold_of !== null;
        const procedure = fixed ? { secretBallot: i.secret_ballot ?? true, thresholdPercent: Number(i.threshold_percent), thresholdOf: i.threshold_of! }
          : procedures.get(i.award_form)!;
        const base = baseOf(i.id);
        return {
          id: i.id, ...presentCandidate(i), outcome: i.outcome, procedure, procedureFixed: fixed, base, votesNeeded: votesNeeded(procedure, base),
          ballotsReceived: ballots.get(i.id) ?? 0,
          tally: meeting.status === 'closed' ? { yes: i.yes_count, no: i.no_count, abstain: i.abstain_count } : null,
          recusals: recusals.filter((r) => r.item_id === i.id)
            .map((r) => ({ personId: r.person_id, name: names.get(r.person_id) ?? r.full_name, reason: r.reason, detail: r.detail })),
        };
      }),
    };
  }

  app.get('/council/meetings', {
    schema: { tags, summary: 'Council meetings of the organisations whose council the actor runs',
      querystring: z.object({ organisationId: z.uuid().optional(), status: status.optional() }),
      response: { 200: z.object({ items: z.array(meetingSummary.extend({ itemCount: z.number().int() })) }) } },
  }, async (request) => ({
    items: (await meetingsFor(db, actorOf(request), request.query)).map((m) => ({ ...summary(m), itemCount: Number(m.item_count) })),
  }));

  app.get('/council/compiled-list', {
    schema: { tags, summary: 'The compiled list: accepted candidates of every unit, waiting for the organisation\'s council',
      querystring: z.object({ organisationId: z.uuid() }),
      response: { 200: z.object({ items: z.array(z.object(candidateSchema)) }) } },
  }, async (request) => {
    const actor = actorOf(request);
    const org = await findOrganisation(db, actor.tenantId, request.query.organisationId);
    if (!org || !canReach(actor, 'council.manage', org.path)) throw notFound('organisation');
    return { items: (await compiledList(db, actor.tenantId, org.id)).map(presentCandidate) };
  });

  app.post('/council/meetings', {
    schema: { tags, summary: 'Convene the organisation\'s council, with the compiled list as the agenda', body: createBody,
      response: { 201: z.object({ id: z.uuid() }) } },
  }, async (request, reply) => reply.status(201).send({ id: await createMeeting(commandContext(request, deps), request.body) }));

  app.get('/council/meetings/:id', {
    schema: { tags, summary: 'A meeting: members and attendance, agenda, recusals, results once closed', params, response: { 200: meetingSchema } },
  }, async (request) => present(request, request.params.id));

  app.put('/council/meetings/:id/attendance', {
    schema: { tags, summary: 'Record which members are present (the others are absent)', params, body: attendanceBody, response: { 200: meetingSchema } },
  }, async (request) => {
    await setAttendance(commandContext(request, deps), request.params.id, request.body.present, request.body.version);
    return present(request, request.params.id);
  });

  app.post('/council/meetings/:id/open', {
    schema: { tags, summary: 'Open the ballot', params, response: { 200: meetingSchema } },
  }, async (request) => {
    await openMeeting(commandContext(request, deps), request.params.id, ballotSecret);
    return present(request, request.params.id);
  });

  app.post('/council/meetings/:id/ballot', {
    // no request line in the log: it would stamp each member's moment of voting (and, behind a proxy, their address)
    logLevel: 'warn',
    schema: { tags, summary: 'A member casts their ballot (secret): yes / no / abstain per candidate, once', params, body: ballotBody,
      response: { 200: z.object({ voted: z.number().int() }) } },
  }, async (request) => {
    await castBallot(commandContext(request, deps), request.params.id, request.body.votes, ballotSecret);
    return { voted: request.body.votes.length };
  });

  app.post('/council/meetings/:id/items/:itemId/defer', {
    schema: { tags, summary: 'Defer a candidate to a later meeting (stays accepted)', params: z.object({ id: z.uuid(), itemId: z.uuid() }),
      body: deferBody, response: { 200: meetingSchema } },
  }, async (request) => {
    await deferItem(commandContext(request, deps), request.params.id, request.params.itemId, request.body.reason ?? '');
    return present(request, request.params.id);
  });

  app.post('/council/meetings/:id/close', {
    schema: { tags, summary: 'Close the ballot and declare each candidate by the procedure\'s threshold', params, response: { 200: meetingSchema } },
  }, async (request) => {
    await closeMeeting(commandContext(request, deps), request.params.id, ballotSecret);
    return present(request, request.params.id);
  });

  app.post('/council/meetings/:id/paper-ballot/check', {
    schema: { tags, summary: 'What a paper ballot\'s counts would declare per candidate (passed / failed, share of yes votes); nothing is saved',
      params, body: paperCheckBody, response: { 200: paperResults } },
  }, async (request) => ({ results: await checkPaperBallot(commandContext(request, deps), request.params.id, request.body) }));

  app.post('/council/meetings/:id/paper-ballot', {
    schema: { tags, summary: 'Record a paper ballot (members present, for / against / abstain per candidate) and declare the results',
      params, body: paperBody, response: { 200: meetingSchema } },
  }, async (request) => {
    await recordPaperBallot(commandContext(request, deps), request.params.id, request.body);
    return present(request, request.params.id);
  });

  await withRawUploads(app, deps, (scope) => {
    scope.put('/council/meetings/:id/paper-ballot/minutes', {
      schema: { tags, summary: 'Attach the scanned counting minutes (biên bản kiểm phiếu, PDF) of a paper ballot; the body is the file, x-file-name its name',
        params, response: { 200: meetingSchema } },
    }, async (request) => {
      await attachPaperMinutes(commandContext(request, deps), deps.files, request.params.id, { ...uploadFrom(request), maxBytes: uploadLimitBytes(deps.config) });
      return present(request, request.params.id);
    });
  });

  app.get('/council/meetings/:id/paper-ballot/minutes', {
    schema: { tags, summary: 'The scanned counting minutes of a paper ballot', params, produces: ['application/pdf'], response: fileResponse('application/pdf') },
  }, async (request, reply) => {
    const file = await paperMinutesFile(db, actorOf(request), deps.files, request.params.id);
    return reply.type(file.contentType).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`).send(file.bytes);
  });

  app.get('/council/meetings/:id/minutes.docx', {
    schema: { tags, summary: 'The minutes (biên bản) of the meeting, DOCX', params, produces: [DOCX_TYPE], response: fileResponse(DOCX_TYPE) },
  }, async (request, reply) => {
    const m = await present(request, request.params.id);
    const doc = minutesDocument({
      organisation: { name: m.organisation.name }, councilName: m.councilName, date: m.date, startsAt: m.startsAt, location: m.location,
      place: m.place, closed: m.status === 'closed', paperBallot: m.paperBallot?.recordedAt != null,
      members: m.members,
      items: m.items.map((i) => ({
        name: i.name, position: i.position, unit: i.unit, awardFormName: i.awardFormName, secretBallot: i.procedureFixed ? i.procedure.secretBallot : null,
        thresholdPercent: i.procedureFixed ? i.procedure.thresholdPercent : null, thresholdOf: i.procedureFixed ? i.procedure.thresholdOf : null,
        yes: i.tally?.yes ?? 0, no: i.tally?.no ?? 0, abstain: i.tally?.abstain ?? 0, outcome: i.outcome, base: i.base,
      })),
      recusals: m.items.flatMap((i) => i.recusals.map((r) => ({ member: r.name, candidate: i.name, reason: r.reason, detail: r.detail }))),
    });
    return reply.type(DOCX_TYPE).header('content-disposition', `attachment; filename="bien-ban-hop-hoi-dong-${m.date}.docx"`)
      .send(await renderDocx(doc));
  });

  app.get('/council/ballots', {
    schema: { tags, summary: 'The meetings now voting where the signed-in user sits on the council, with their ballot',
      response: { 200: z.object({ items: z.array(ballotSchema) }) } },
  }, async (request) => {
    const actor = actorOf(request);
    const ballots = await ballotsOf(db, actor, ballotSecret);
    const documents = await currentDocumentsOf(db, actor.tenantId, [...new Set(ballots.flatMap((b) => b.items.map((i) => i.item.batch_id)))]);
    const dossierOf = (batchId: string, candidateId: string) => documents
      .filter((d) => d.batch_id === batchId && (d.candidate_id === candidateId || d.candidate_id === null))
      .map((d) => ({ id: d.id, kind: d.kind, name: d.name }));
    return {
      items: ballots.map(({ meeting, items }) => ({
        meeting: { ...summary(meeting), present: meeting.present },
        items: items.map(({ item, state }) => ({ id: item.id, ...presentCandidate(item), state, dossier: dossierOf(item.batch_id, item.candidate_id) })),
      })),
    };
  });
}
