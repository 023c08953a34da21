import { z } from 'zod';
import { actorOf, commandContext, type AppDeps, type ZodApp } from '../../platform/http/context.ts';
import { calendarDate } from '../../platform/http/dates.ts';
import { COUNCIL_POSTS } from '../onboarding/index.ts';
import { closeCouncil, councilsFor, createCouncil, readCouncil, updateCouncil, type CouncilInput } from './councils.ts';

/** The councils themselves (issue 14.2): list, read, create, edit (with the version read), close. */
const tags = ['council'];
const params = z.object({ id: z.uuid() });
const level = z.enum(['central', 'province', 'district', 'commune']);
const code = z.string().trim().regex(/^[0-9A-Za-z._-]{1,30}$/, 'Mã chỉ gồm chữ không dấu, số và dấu . _ - (tối đa 30 ký tự).');
const member = z.object({
  personId: z.uuid(), role: z.enum(COUNCIL_POSTS), title: z.string().trim().max(300).default(''),
  termFrom: calendarDate.nullable().default(null), termTo: calendarDate.nullable().default(null),
}).strict();
const councilBody = z.object({
  code, name: z.string().trim().min(1, 'Tên Hội đồng không được để trống.').max(300), organisationId: z.uuid(), level: level.nullable().default(null),
  validFrom: calendarDate, validTo: calendarDate.nullable().default(null), establishedBy: z.string().trim().max(300).default(''),
  members: z.array(member).max(200),
}).strict();
const versioned = { version: z.number().int().min(1) };
const councilSummary = z.object({
  id: z.uuid(), code: z.string().nullable(), name: z.string(), organisation: z.object({ id: z.uuid(), name: z.string() }), level: level.nullable(),
  validFrom: calendarDate, validTo: calendarDate.nullable(), establishedBy: z.string(), version: z.number().int(),
});
const councilDetail = councilSummary.extend({
  members: z.array(z.object({
    personId: z.uuid(), fullName: z.string(), personCode: z.string().nullable(), role: z.enum(COUNCIL_POSTS), title: z.string(),
    termFrom: calendarDate.nullable(), termTo: calendarDate.nullable(),
  })),
});

type CouncilRowLike = {
  id: string; code: string | null; name: string; organisation_id: string; organisation_name: string; level: z.infer<typeof level> | null;
  valid_from: string; valid_to: string | null; established_by: string; version: number;
};
const summary = (c: CouncilRowLike) => ({
  id: c.id, code: c.code, name: c.name, organisation: { id: c.organisation_id, name: c.organisation_name }, level: c.level,
  validFrom: c.valid_from, validTo: c.valid_to, establishedBy: c.established_by, version: c.version,
});

export function councilRegistryRoutes(app: ZodApp, deps: AppDeps) {
  const { db } = deps;
  const detail = async (actor: ReturnType<typeof actorOf>, id: string) => {
    const { council, members } = await readCouncil(db, actor, id);
    return {
      ...summary(council),
      members: members.map((m) => ({
        personId: m.person_id, fullName: m.full_name, personCode: m.code, role: m.role, title: m.title, termFrom: m.term_from, termTo: m.term_to,
      })),
    };
  };

  app.get('/council/councils', {
    schema: { tags, summary: 'The TĐKT councils of the units where I run the council (in office, or all with includeClosed)',
      querystring: z.object({ organisationId: z.uuid().optional(), includeClosed: z.enum(['true', 'false']).default('false') }),
      response: { 200: z.object({ items: z.array(councilSummary.extend({ memberCount: z.number().int() })) }) } },
  }, async (request) => {
    const rows = await councilsFor(db, actorOf(request), { organisationId: request.query.organisationId, includeClosed: request.query.includeClosed === 'true' },
      deps.clock.now());
    return { items: rows.map((c) => ({ ...summary(c), memberCount: Number(c.member_count) })) };
  });

  app.get('/council/councils/:id', {
    schema: { tags, summary: 'A council with its members, posts and terms', params, response: { 200: councilDetail } },
  }, async (request) => detail(actorOf(request), request.params.id));

  app.post('/council/councils', {
    schema: { tags, summary: 'Create a council of a unit with its members (the unit\'s standing agency)', body: councilBody,
      response: { 201: councilDetail } },
  }, async (request, reply) => {
    const id = await createCouncil(commandContext(request, deps), request.body as CouncilInput);
    return reply.status(201).send(await detail(actorOf(request), id));
  });

  app.put('/council/councils/:id', {
    schema: { tags, summary: 'Change a council and its members, posts and terms; 409 registry.stale when the version read is not the current one',
      params, body: councilBody.extend(versioned), response: { 200: councilDetail } },
  }, async (request) => {
    const { version, ...input } = request.body;
    await updateCouncil(commandContext(request, deps), request.params.id, version, input as CouncilInput);
    return detail(actorOf(request), request.params.id);
  });

  app.post('/council/councils/:id/close', {
    schema: { tags, summary: 'Close a council: its term ends on the date given; 409 registry.stale when the version read is not the current one',
      params, body: z.object({ ...versioned, validTo: calendarDate }).strict(), response: { 200: councilDetail } },
  }, async (request) => {
    await closeCouncil(commandContext(request, deps), request.params.id, request.body.version, request.body.validTo);
    return detail(actorOf(request), request.params.id);
  });
}
