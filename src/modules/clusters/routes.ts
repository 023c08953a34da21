import { z } from 'zod';
import { actorOf, commandContext, type AppDeps, type ZodApp } from '../../platform/http/context.ts';
import { reachablePaths } from '../../platform/auth/policy.ts';
import { todayInVietnam } from '../../platform/vn/dates.ts';
import { XLSX_TYPE } from '../../platform/spreadsheets/sheet.ts';
import { CRITERION_KINDS, SHEET_ACTIONS, SHEET_STATUSES, TIE_LEVELS, toHundredths } from './model.ts';
import { configureSheet, createSheet, moveSheet, replaceCriteria, visibleSheet, type MoveAction } from './service.ts';
import { adjustScore, resolveTie, saveSelfScores, submitSelfAssessment } from './scoring.ts';
import { proposeFromSheet } from './propose.ts';
import { myClusters, sheetDetail } from './present.ts';
import { exportRanking } from './export.ts';
import { clusterSetupRoutes } from './setup-routes.ts';
import { addEvidenceFile, evidenceFile, removeEvidenceFile } from './evidence.ts';
import { uploadFrom, uploadLimitBytes, withRawUploads } from '../../platform/storage/upload-routes.ts';
import { fileResponse, noContent } from '../../platform/http/responses.ts';

const tags = ['clusters'];
const idParam = z.object({ id: z.uuid() });
const memberParams = z.object({ id: z.uuid(), organisationId: z.uuid() });
const evidenceParams = z.object({ id: z.uuid(), fileId: z.uuid() });
const year = z.coerce.number().int().min(1945).max(2100);
const points = z.number().min(0).max(10_000).refine((p) => toHundredths(p) !== null, { message: 'cluster.points_precision' });
const counts = { flagCount: z.number().int().min(0).max(50).optional(), bangKhenCount: z.number().int().min(0).max(50).optional() };
/** the version of the sheet the form was filled from: a stale one answers 409 edit.stale */
const sheetVersion = { version: z.number().int().min(1).optional() };

const kinds = CRITERION_KINDS;
const statuses = SHEET_STATUSES;
const actions = SHEET_ACTIONS;
const capacity = z.enum(['organiser', 'head', 'follower', 'member']);

const clusterItem = z.object({
  id: z.uuid(), name: z.string(), kind: z.enum(['cluster', 'block']), year: z.number(), organiser: z.object({ id: z.uuid(), name: z.string() }),
  parts: z.array(z.enum(['organiser', 'head', 'member', 'follower'])),
  members: z.array(z.object({ organisationId: z.uuid(), name: z.string(), role: z.enum(['head', 'deputy', 'member']) })),
  follower: z.object({ personId: z.uuid(), name: z.string() }).nullable(),
  sheet: z.object({ id: z.uuid(), status: z.enum(statuses), title: z.string() }).nullable(),
});

const sheetSchema = z.object({
  id: z.uuid(), title: z.string(), year: z.number(), status: z.enum(statuses), flagCount: z.number(), bangKhenCount: z.number(),
  /** send back with a change of the settings or the rows (optimistic concurrency) */
  version: z.number().int(),
  flagBatchId: z.uuid().nullable(), bangKhenBatchId: z.uuid().nullable(),
  cluster: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(['cluster', 'block']) }),
  organiser: z.object({ id: z.uuid(), name: z.string() }),
  follower: z.object({ personId: z.uuid(), name: z.string() }).nullable(),
  members: z.array(z.object({
    organisationId: z.uuid(), name: z.string(), role: z.enum(['head', 'deputy', 'member']), ended: z.boolean(),
    submittedAt: z.string().nullable(), votePlace: z.number().nullable(), voteNote: z.string(),
    /** send back with the member's self-scores; null until its entry exists */
    version: z.number().int().nullable(),
  })),
  criteria: z.array(z.object({ id: z.uuid(), kind: z.enum(kinds), heading: z.string(), title: z.string(), maxPoints: z.number(), position: z.number() })),
  scores: z.array(z.object({
    organisationId: z.uuid(), criterionId: z.uuid(), self: z.number().nullable(), adjusted: z.number().nullable(), evidence: z.string(), evidenceLink: z.string(),
  })),
  evidenceFiles: z.array(z.object({
    id: z.uuid(), organisationId: z.uuid(), criterionId: z.uuid(), name: z.string(), size: z.number().int(), uploadedAt: z.string(),
    /** what in the PDF can act when opened: the officer is warned */
    activeContent: z.array(z.string()),
  })),
  ranking: z.array(z.object({
    organisationId: z.uuid(), name: z.string(), rank: z.number(), tied: z.boolean(), separatedBy: z.enum(TIE_LEVELS).nullable(),
    criteria: z.number(), bonus: z.number(), penalty: z.number(), total: z.number(), fullMarks: z.number(),
    proposedFor: z.enum(['flag', 'bang_khen']).nullable(),
  })),
  cutoffTie: z.array(z.string()),
  tieRule: z.array(z.enum(TIE_LEVELS)),
  adjustments: z.array(z.object({
    id: z.uuid(), organisationId: z.uuid(), criterionId: z.uuid(), from: z.number().nullable(), to: z.number(), reason: z.string(),
    by: z.string(), capacity: z.enum(['head', 'follower']), at: z.string(),
  })),
  me: z.object({ capacities: z.array(capacity), actions: z.array(z.enum(actions)), scorable: z.array(z.uuid()) }),
});

const criteriaBody = z.object({
  criteria: z.array(z.object({
    kind: z.enum(kinds), heading: z.string().trim().max(500).optional(), title: z.string().trim().min(1).max(2000),
    maxPoints: points.refine((p) => p > 0, { message: 'cluster.points_precision' }),
  }).strict()).max(200),
  ...sheetVersion,
}).strict();

const scoresBody = z.object({
  scores: z.array(z.object({
    criterionId: z.uuid(), points, evidence: z.string().max(5000).optional(), evidenceLink: z.url().max(1000).or(z.literal('')).optional(),
  }).strict()).max(200),
  /** the version of the member's entry (members[].version) the form was filled from, none before its first save */
  version: z.number().int().min(1).optional(),
}).strict();

/** Cluster and block scoring: list, sheet, criteria, self-scores, adjustments, ranking, proposals. */
export async function clusterRoutes(app: ZodApp, deps: AppDeps) {
  const { db } = deps;
  clusterSetupRoutes(app, deps);

  app.get('/clusters', {
    schema: { tags, summary: 'The clusters and blocks I organise, belong to (as a member\'s officer or head) or follow, in a year, with their score sheets',
      querystring: z.object({ year }), response: { 200: z.object({ items: z.array(clusterItem) }) } },
  }, async (request) => {
    const actor = actorOf(request);
    return { items: await myClusters(db, actor, request.query.year, reachablePaths(actor, 'cluster.manage')) };
  });

  app.post('/clusters/:id/sheets', {
    schema: { tags, summary: 'Start the year\'s score sheet of a cluster (its organiser), in draft', params: idParam,
      body: z.object({ year: z.number().int().min(1945).max(2100), title: z.string().trim().max(500).optional(), ...counts }).strict(),
      response: { 201: z.object({ id: z.uuid() }) } },
  }, async (request, reply) => reply.status(201).send({ id: await createSheet(commandContext(request, deps), request.params.id, request.body) }));

  app.get('/clusters/sheets/:id', {
    schema: { tags, summary: 'A score sheet: criteria, the members × criteria grid, the ranking with its tie-break, adjustments, and what I may do',
      params: idParam, response: { 200: sheetSchema } },
  }, async (request) => {
    const actor = actorOf(request);
    return sheetDetail(db, actor, await visibleSheet(db, actor, request.params.id), todayInVietnam(deps.clock.now()));
  });

  app.patch('/clusters/sheets/:id', {
    schema: { tags, summary: 'Rename the sheet or set how many members are proposed for the flag and for Bằng khen (the organiser, before proposing)',
      params: idParam, body: z.object({ title: z.string().trim().min(1).max(500).optional(), ...counts, ...sheetVersion }).strict(), response: noContent },
  }, async (request, reply) => {
    await configureSheet(commandContext(request, deps), request.params.id, request.body);
    return reply.status(204).send();
  });

  app.put('/clusters/sheets/:id/criteria', {
    schema: { tags, summary: 'Replace the sheet\'s rows (criteria, bonus and penalty items, with optional headings) while it is a draft',
      params: idParam, body: criteriaBody, response: noContent },
  }, async (request, reply) => {
    await replaceCriteria(commandContext(request, deps), request.params.id, request.body.criteria, request.body.version);
    return reply.status(204).send();
  });

  const moves: [MoveAction, string][] = [
    ['open', 'Open the sheet for members to score themselves (the organiser)'],
    ['close', 'Close self-scoring; the head and the follower go on adjusting (the organiser or the head)'],
    ['rank', 'Freeze the points and rank the members (the organiser or the head)'],
    ['reopen', 'Back from ranked to adjusting; any vote on a tie is void (the organiser or the head)'],
  ];
  for (const [action, summary] of moves) {
    app.post(`/clusters/sheets/:id/${action}`, {
      schema: { tags, summary, params: idParam, response: { 200: z.object({ status: z.enum(statuses) }) } },
    }, async (request) => ({ status: await moveSheet(commandContext(request, deps), request.params.id, action) }));
  }

  app.put('/clusters/sheets/:id/members/:organisationId/scores', {
    schema: { tags, summary: 'A member\'s self-scores with evidence (its officer or head; 0..max per row, nothing saved if one is above)',
      params: memberParams, body: scoresBody, response: noContent },
  }, async (request, reply) => {
    await saveSelfScores(commandContext(request, deps), request.params.id, request.params.organisationId, request.body.scores, request.body.version);
    return reply.status(204).send();
  });

  await withRawUploads(app, deps, (scope) => {
    scope.put('/clusters/sheets/:id/members/:organisationId/evidence/:criterionId', {
      schema: { tags, summary: 'Attach a signed evidence document (PDF) to a criterion of the member\'s self-assessment; the body is the file, x-file-name its name',
        params: memberParams.extend({ criterionId: z.uuid() }), response: { 201: z.object({ id: z.uuid() }) } },
    }, async (request, reply) => {
      const id = await addEvidenceFile(commandContext(request, deps), deps.files, request.params.id, request.params.organisationId,
        request.params.criterionId, { ...uploadFrom(request), maxBytes: uploadLimitBytes(deps.config) });
      return reply.status(201).send({ id });
    });
  });

  app.get('/clusters/sheets/:id/evidence/:fileId', {
    schema: { tags, summary: 'An evidence file, for whoever sees the sheet', params: evidenceParams, produces: ['application/pdf'], response: fileResponse('application/pdf') },
  }, async (request, reply) => {
    const file = await evidenceFile(db, actorOf(request), deps.files, request.params.id, request.params.fileId);
    return reply.type(file.contentType).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`).send(file.bytes);
  });

  app.delete('/clusters/sheets/:id/evidence/:fileId', {
    schema: { tags, summary: 'Remove an evidence file (the member, while it scores itself)', params: evidenceParams, response: noContent },
  }, async (request, reply) => {
    await removeEvidenceFile(commandContext(request, deps), request.params.id, request.params.fileId);
    return reply.status(204).send();
  });

  app.post('/clusters/sheets/:id/members/:organisationId/submit', {
    schema: { tags, summary: 'Submit the member\'s self-assessment (every criterion scored); its own points are then fixed',
      params: memberParams, response: noContent },
  }, async (request, reply) => {
    await submitSelfAssessment(commandContext(request, deps), request.params.id, request.params.organisationId);
    return reply.status(204).send();
  });

  app.post('/clusters/sheets/:id/members/:organisationId/adjustments', {
    schema: { tags, summary: 'Adjust a member\'s points on one row with a reason (the head member or the council member following the cluster)',
      params: memberParams,
      body: z.object({ criterionId: z.uuid(), points, reason: z.string().max(2000).default('') }).strict(),
      response: { 201: z.object({ id: z.uuid() }) } },
  }, async (request, reply) => reply.status(201).send({
    id: await adjustScore(commandContext(request, deps), request.params.id, request.params.organisationId, request.body),
  }));

  app.post('/clusters/sheets/:id/tie-vote', {
    schema: { tags, summary: 'Record the cluster\'s vote settling a tie: the tied members in the order voted, citing the minutes',
      params: idParam, body: z.object({ order: z.array(z.uuid()).min(2).max(100), reason: z.string().max(2000).default('') }).strict(), response: noContent },
  }, async (request, reply) => {
    await resolveTie(commandContext(request, deps), request.params.id, request.body.order, request.body.reason);
    return reply.status(204).send();
  });

  app.post('/clusters/sheets/:id/propose', {
    schema: { tags, summary: 'Propose the leading members: draft nomination batches for the flag and for Bằng khen from the organiser (once)',
      params: idParam, response: { 201: z.object({ flagBatchId: z.uuid().nullable(), bangKhenBatchId: z.uuid().nullable() }) } },
  }, async (request, reply) => reply.status(201).send(await proposeFromSheet(commandContext(request, deps), request.params.id, request.locale)));

  app.get('/clusters/sheets/:id/ranking.xlsx', {
    schema: { tags, summary: 'The ranking and the grid as an XLSX workbook (Vietnamese headers)', params: idParam, produces: [XLSX_TYPE], response: fileResponse(XLSX_TYPE) },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const access = await visibleSheet(db, actor, request.params.id);
    return reply.type(XLSX_TYPE).header('content-disposition', 'attachment; filename="xep-hang-cum-khoi.xlsx"').send(await exportRanking(db, actor, access));
  });
}
