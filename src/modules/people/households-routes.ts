import { z } from 'zod';
import { actorOf, commandContext, type AppDeps, type ZodApp } from '../../platform/http/context.ts';
import { reachablePaths } from '../../platform/auth/policy.ts';
import { foldQuery } from '../../platform/vn/fold.ts';
import { isoDate, visibleOrganisation } from '../organisations/index.ts';
import { searchHouseholds } from './households-store.ts';
import { pageInfo } from '../../platform/paging.ts';
import { closeHousehold, createHousehold, updateHousehold, visibleHousehold } from './households.ts';

const tags = ['households'];
const idParams = z.object({ id: z.uuid() });
/** The household code (mã hộ) the import names a household by; unique in the tenant, kept as typed. */
export const householdCode = z.string().trim().min(1).max(30).regex(/^[0-9A-Za-z._-]+$/);
const member = z.object({ personId: z.uuid(), relation: z.string().trim().max(50).default('') }).strict();

const householdSchema = z.object({
  id: z.uuid(), code: z.string().nullable(), headName: z.string(), headPersonId: z.uuid().nullable(), village: z.string(), address: z.string(),
  organisation: z.object({ id: z.uuid(), name: z.string() }), closedOn: isoDate.nullable(), version: z.number().int(),
  members: z.array(z.object({ personId: z.uuid(), fullName: z.string(), gender: z.enum(['male', 'female']), birthYear: z.number().int().nullable(), relation: z.string() })),
});
const listItem = householdSchema.omit({ members: true }).extend({ memberCount: z.number().int() });

const createBody = z.object({
  organisationId: z.uuid().describe('the commune (xã, phường, đặc khu)'),
  code: householdCode.nullable().optional(),
  village: z.string().trim().min(1).max(150),
  address: z.string().trim().max(300).optional(),
  headPersonId: z.uuid(),
  members: z.array(member).min(1).max(50).optional().describe('the members, the head among them; without it the head alone'),
}).strict();
const updateBody = createBody.omit({ organisationId: true }).partial().extend({ version: z.number().int().min(0) }).strict();
const closeBody = z.object({ version: z.number().int().min(0), closedOn: isoDate }).strict();
const listQuery = z.object({
  organisationId: z.uuid().optional(), q: z.string().max(100).optional(), includeClosed: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export async function householdRoutes(app: ZodApp, deps: AppDeps) {
  const { db } = deps;

  async function present(actor: ReturnType<typeof actorOf>, id: string): Promise<z.infer<typeof householdSchema>> {
    const { household: h, members } = await visibleHousehold(db, actor, id);
    return {
      id: h.id, code: h.code, headName: h.head_name, headPersonId: h.head_person_id, village: h.village, address: h.address,
      organisation: { id: h.organisation_id, name: h.organisation_name }, closedOn: h.closed_on, version: h.version, members,
    };
  }

  app.get('/households', {
    schema: { tags, summary: 'Households of the communes in my scope, by head\'s name (diacritics ignored) or code', querystring: listQuery,
      response: { 200: z.object({ items: z.array(listItem), ...pageInfo }) } },
  }, async (request) => {
    const actor = actorOf(request);
    const q = request.query;
    let prefixes = reachablePaths(actor, 'person.read');
    if (q.organisationId) {
      const org = await visibleOrganisation(db, actor, q.organisationId);
      prefixes = prefixes.some((p) => org.path.startsWith(p)) ? [org.path] : [];
    }
    const { rows, ...info } = await searchHouseholds(db, actor.tenantId, {
      prefixes, tokens: foldQuery(q.q ?? '').split(' ').filter(Boolean).slice(0, 6), includeClosed: q.includeClosed === 'true', page: q.page, pageSize: q.pageSize,
    });
    return {
      items: rows.map((h) => ({
        id: h.id, code: h.code, headName: h.head_name, headPersonId: h.head_person_id, village: h.village, address: h.address,
        organisation: { id: h.organisation_id, name: h.organisation_name }, closedOn: h.closed_on, version: h.version, memberCount: Number(h.member_count),
      })),
      ...info,
    };
  });

  app.get('/households/:id', {
    schema: { tags, summary: 'A household with its members', params: idParams, response: { 200: householdSchema } },
  }, async (request) => present(actorOf(request), request.params.id));

  app.post('/households', {
    schema: { tags, summary: 'Add a household of a commune with its head and members (people of the tenant)', body: createBody,
      response: { 201: householdSchema } },
  }, async (request, reply) => {
    const id = await createHousehold(commandContext(request, deps), request.body);
    return reply.status(201).send(await present(actorOf(request), id));
  });

  app.patch('/households/:id', {
    schema: { tags, summary: 'Change a household (village, address, code, head, members); names the version read (409 household.stale)',
      params: idParams, body: updateBody, response: { 200: householdSchema } },
  }, async (request) => {
    await updateHousehold(commandContext(request, deps), request.params.id, request.body);
    return present(actorOf(request), request.params.id);
  });

  app.post('/households/:id/close', {
    schema: { tags, summary: 'Close a household (moved away, merged into another) on a date; it stays for the records', params: idParams,
      body: closeBody, response: { 200: householdSchema } },
  }, async (request) => {
    await closeHousehold(commandContext(request, deps), request.params.id, request.body);
    return present(actorOf(request), request.params.id);
  });
}
