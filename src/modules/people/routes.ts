import { z } from 'zod';
import { actorOf, commandContext, type AppDeps, type ZodApp } from '../../platform/http/context.ts';
import { reachablePaths } from '../../platform/auth/policy.ts';
import { foldQuery } from '../../platform/vn/fold.ts';
import { todayInVietnam } from '../../platform/vn/dates.ts';
import { isoDate } from '../organisations/index.ts';
import { visibleOrganisation } from '../organisations/index.ts';
import { searchPeople } from './store.ts';
import { addEmployment, addResidence, createPerson, removeEmployment, updateEmployment, updatePerson, updateResidence, visiblePerson } from './service.ts';
import { noContent } from '../../platform/http/responses.ts';
import { pageInfo } from '../../platform/paging.ts';
import { householdRoutes } from './households-routes.ts';

const tags = ['people'];
const gender = z.enum(['male', 'female']);
const personParams = z.object({ id: z.uuid() });
const employmentParams = z.object({ id: z.uuid(), employmentId: z.uuid() });
const residenceParams = z.object({ id: z.uuid(), residenceId: z.uuid() });

const listQuery = z.object({
  q: z.string().max(100).optional(),
  organisationId: z.uuid().optional(),
  gender: gender.optional(),
  leader: z.enum(['true', 'false']).optional(),
  asOf: isoDate.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** The HR code (mã cán bộ) record import files name a person by; unique in the tenant, kept as typed. */
export const personCode = z.string().trim().min(1).max(30).regex(/^[0-9A-Za-z._-]+$/);

const personListItem = z.object({
  id: z.uuid(), code: z.string().nullable(), fullName: z.string(), gender, birthYear: z.number().int().nullable(), ethnicity: z.string(),
  organisation: z.object({ id: z.uuid(), name: z.string() }).nullable(), position: z.string().nullable(), isLeader: z.boolean(),
  /** a resident (no employment that day): the village (thôn, ấp, tổ dân phố) of their commune of residence; null for the employed */
  village: z.string().nullable(),
});

const employmentSchema = z.object({
  id: z.uuid(), organisationId: z.uuid(), organisationName: z.string(), position: z.string(), isLeader: z.boolean(),
  startDate: isoDate, endDate: isoDate.nullable(),
  /** send back with a change of this period (optimistic concurrency) */
  version: z.number().int(),
});

const residenceSchema = z.object({
  id: z.uuid(), organisationId: z.uuid(), organisationName: z.string(), village: z.string(), address: z.string(),
  validFrom: isoDate, validTo: isoDate.nullable(),
  /** send back with a change of this period (optimistic concurrency) */
  version: z.number().int(),
});

const personSchema = z.object({
  id: z.uuid(), code: z.string().nullable(), familyName: z.string(), middleName: z.string(), givenName: z.string(), fullName: z.string(), gender,
  birthYear: z.number().int().nullable(), ethnicity: z.string(), employments: z.array(employmentSchema), residences: z.array(residenceSchema),
  /** send back with a correction (optimistic concurrency) */
  version: z.number().int(),
});

const employmentBody = z.object({
  organisationId: z.uuid(),
  position: z.string().trim().min(2).max(200),
  isLeader: z.boolean().default(false),
  startDate: isoDate,
  endDate: isoDate.nullable().optional(),
}).strict();

const personFields = {
  fullName: z.string().trim().min(2).max(150).regex(/^[\p{L}\s'.-]+$/u),
  gender,
  birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
  ethnicity: z.string().trim().min(1).max(50).optional(),
};
/** Where a resident lives: a commune (xã, phường, đặc khu) and its village (thôn, ấp, bản, tổ dân phố), as written. */
const residenceBody = z.object({
  organisationId: z.uuid(),
  village: z.string().trim().min(1).max(150),
  address: z.string().trim().max(300).optional(),
  validFrom: isoDate,
  validTo: isoDate.nullable().optional(),
}).strict();
const createBody = z.object({ ...personFields, code: personCode.optional(), employment: employmentBody.optional(), residence: residenceBody.optional() })
  .strict().describe('a person with their current employment, or a resident with their commune of residence (exactly one of the two)');
/** the version of the period the form was filled from: a stale one answers 409 edit.stale */
const periodVersion = { version: z.number().int().min(1).optional() };
const updateResidenceBody = residenceBody.omit({ organisationId: true }).partial().extend(periodVersion).strict();
const updateBody = z.object({
  ...personFields, code: personCode.nullable(),
  /** the version the form was filled from: a stale one answers 409 edit.stale */
  version: z.number().int().min(1),
}).partial().strict();
const updateEmploymentBody = employmentBody.omit({ organisationId: true }).partial().extend(periodVersion).strict();

export async function peopleRoutes(app: ZodApp, deps: AppDeps) {
  const { db, clock } = deps;
  await householdRoutes(app, deps);

  async function presentPerson(actor: ReturnType<typeof actorOf>, id: string): Promise<z.infer<typeof personSchema>> {
    const { person, employments, residences } = await visiblePerson(db, actor, id);
    return {
      id: person.id, code: person.code, familyName: person.family_name, middleName: person.middle_name, givenName: person.given_name,
      fullName: person.full_name, gender: person.gender, birthYear: person.birth_year, ethnicity: person.ethnicity, version: person.version,
      employments: employments.map((e) => ({
        id: e.id, organisationId: e.organisation_id, organisationName: e.organisation_name, position: e.position,
        isLeader: e.is_leader, startDate: e.start_date, endDate: e.end_date, version: e.version,
      })),
      residences: residences.map((r) => ({
        id: r.id, organisationId: r.organisation_id, organisationName: r.organisation_name, village: r.village, address: r.address,
        validFrom: r.valid_from, validTo: r.valid_to, version: r.version,
      })),
    };
  }

  app.get('/people', {
    schema: { tags, summary: 'Search people in my scope by name (diacritics ignored) or exact HR code, in Vietnamese name order', querystring: listQuery,
      response: { 200: z.object({ items: z.array(personListItem), ...pageInfo, page: z.number().int(), pageSize: z.number().int() }) } },
  }, async (request) => {
    const actor = actorOf(request);
    const q = request.query;
    let prefixes = reachablePaths(actor, 'person.read');
    if (q.organisationId) {
      const org = await visibleOrganisation(db, actor, q.organisationId);
      prefixes = prefixes.some((p) => org.path.startsWith(p)) ? [org.path] : [];
    }
    const tokens = foldQuery(q.q ?? '').split(' ').filter(Boolean).slice(0, 6);
    const code = personCode.safeParse(q.q ?? '');
    const { rows, ...info } = await searchPeople(db, actor.tenantId, {
      tokens, code: code.success ? code.data : undefined, prefixes, gender: q.gender, leader: q.leader === undefined ? undefined : q.leader === 'true',
      asOf: q.asOf ?? todayInVietnam(clock.now()), page: q.page, pageSize: q.pageSize,
    });
    return {
      items: rows.map((r) => ({
        id: r.id, code: r.code, fullName: r.full_name, gender: r.gender, birthYear: r.birth_year, ethnicity: r.ethnicity,
        organisation: { id: r.organisation_id, name: r.organisation_name }, position: r.village === null ? r.position : null,
        isLeader: r.is_leader, village: r.village,
      })),
      ...info, page: q.page, pageSize: q.pageSize,
    };
  });

  app.get('/people/:id', {
    schema: { tags, summary: 'A person with their employment history', params: personParams, response: { 200: personSchema } },
  }, async (request) => presentPerson(actorOf(request), request.params.id));

  app.post('/people', {
    schema: { tags, summary: 'Add a person with their current employment, or a resident with their commune and village', body: createBody,
      response: { 201: personSchema } },
  }, async (request, reply) => {
    const id = await createPerson(commandContext(request, deps), request.body);
    return reply.status(201).send(await presentPerson(actorOf(request), id));
  });

  app.patch('/people/:id', {
    schema: { tags, summary: 'Correct a person\'s name, gender, birth year, ethnicity or HR code (null clears it)', params: personParams, body: updateBody,
      response: { 200: personSchema } },
  }, async (request) => {
    await updatePerson(commandContext(request, deps), request.params.id, request.body);
    return presentPerson(actorOf(request), request.params.id);
  });

  app.post('/people/:id/employments', {
    schema: { tags, summary: 'Add an employment period (periods may not overlap)', params: personParams, body: employmentBody,
      response: { 201: personSchema } },
  }, async (request, reply) => {
    await addEmployment(commandContext(request, deps), request.params.id, request.body);
    return reply.status(201).send(await presentPerson(actorOf(request), request.params.id));
  });

  app.patch('/people/:id/employments/:employmentId', {
    schema: { tags, summary: 'Change an employment period (e.g. set its end date)', params: employmentParams,
      body: updateEmploymentBody, response: { 200: personSchema } },
  }, async (request) => {
    await updateEmployment(commandContext(request, deps), request.params.id, request.params.employmentId, request.body);
    return presentPerson(actorOf(request), request.params.id);
  });

  app.delete('/people/:id/employments/:employmentId', {
    schema: { tags, summary: 'Remove an employment period entered by mistake', params: employmentParams, response: noContent },
  }, async (request, reply) => {
    await removeEmployment(commandContext(request, deps), request.params.id, request.params.employmentId);
    return reply.status(204).send();
  });

  app.post('/people/:id/residences', {
    schema: { tags, summary: 'Add a residence period: the commune and village a resident lives in (periods may not overlap)', params: personParams,
      body: residenceBody, response: { 201: personSchema } },
  }, async (request, reply) => {
    await addResidence(commandContext(request, deps), request.params.id, request.body);
    return reply.status(201).send(await presentPerson(actorOf(request), request.params.id));
  });

  app.patch('/people/:id/residences/:residenceId', {
    schema: { tags, summary: 'Change a residence period (village, address, dates; e.g. set its end when the resident moves away)', params: residenceParams,
      body: updateResidenceBody, response: { 200: personSchema } },
  }, async (request) => {
    await updateResidence(commandContext(request, deps), request.params.id, request.params.residenceId, request.body);
    return presentPerson(actorOf(request), request.params.id);
  });
}
