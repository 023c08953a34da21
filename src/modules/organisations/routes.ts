import { z } from 'zod';
import { actorOf, commandContext, type AppDeps, type ZodApp } from '../../platform/http/context.ts';
import type { OrganisationRow } from '../../platform/db/schema.ts';
import { canReach, reachablePaths } from '../../platform/auth/policy.ts';
import { todayInVietnam } from '../../platform/vn/dates.ts';
import type { AdministrativeLevel, OrganisationKind } from './model.ts';
import { clustersOf, councilOf, currentSuccessor, findOrganisationsByIds, findPredecessors, listOrganisations, membersOn } from './store.ts';
import { createOrganisation, updateOrganisation, visibleOrganisation } from './service.ts';
import {
  clusterSchema, councilSchema, createOrganisationBody, dateQuery, idParam, memberSchema, organisationDetailSchema,
  organisationSchema, treeQuery, updateOrganisationBody, yearQuery,
} from './schemas.ts';

const tags = ['organisations'];

export function presentOrganisation(o: OrganisationRow): z.infer<typeof organisationSchema> {
  return {
    id: o.id, parentId: o.parent_id, path: o.path, depth: o.depth, name: o.name, shortName: o.short_name,
    kind: o.kind as OrganisationKind, level: o.level as AdministrativeLevel, adminCode: o.admin_code, agencyCode: o.agency_code,
    code: o.code, validFrom: o.valid_from, validTo: o.valid_to, successorId: o.successor_id, standingAgencyId: o.standing_agency_id,
    version: o.version,
  };
}

export async function organisationRoutes(app: ZodApp, deps: AppDeps) {
  const { db, clock } = deps;

  app.get('/organisations/tree', {
    schema: { tags, summary: 'Organisations in my scope, valid on a date', querystring: treeQuery,
      response: { 200: z.object({ items: z.array(organisationSchema) }) } },
  }, async (request) => {
    const actor = actorOf(request);
    const asOf = request.query.includeEnded === 'true' ? null : (request.query.asOf ?? todayInVietnam(clock.now()));
    const rows = await listOrganisations(db, actor.tenantId, reachablePaths(actor, 'organisation.read'), { asOf });
    return { items: rows.map(presentOrganisation) };
  });

  app.get('/organisations/:id', {
    schema: { tags, summary: 'One organisation with its parent, successor and predecessors', params: idParam,
      response: { 200: organisationDetailSchema } },
  }, async (request) => {
    const actor = actorOf(request);
    const org = await visibleOrganisation(db, actor, request.params.id);
    const related = await findOrganisationsByIds(db, actor.tenantId,
      [org.parent_id, org.successor_id, org.standing_agency_id].filter((x): x is string => !!x));
    const refOf = (id: string | null) => {
      const r = id ? related.find((x) => x.id === id) : undefined;
      return r ? { id: r.id, name: r.name } : null;
    };
    const [predecessors, finalSuccessor] = await Promise.all([
      findPredecessors(db, actor.tenantId, org.id), currentSuccessor(db, actor.tenantId, org.id),
    ]);
    return {
      ...presentOrganisation(org),
      parent: refOf(org.parent_id), successor: refOf(org.successor_id), standingAgency: refOf(org.standing_agency_id),
      currentSuccessor: finalSuccessor ? { id: finalSuccessor.id, name: finalSuccessor.name } : null,
      predecessors: predecessors.map((p) => ({ id: p.id, name: p.name, validTo: p.valid_to })),
    };
  });

  app.get('/organisations/:id/members', {
    schema: { tags, summary: 'People employed by the organisation on a date', params: idParam, querystring: dateQuery,
      response: { 200: z.object({ items: z.array(memberSchema) }) } },
  }, async (request) => {
    const actor = actorOf(request);
    const org = await visibleOrganisation(db, actor, request.params.id);
    if (!canReach(actor, 'person.read', org.path)) return { items: [] };
    return { items: await membersOn(db, actor.tenantId, org.id, request.query.asOf ?? todayInVietnam(clock.now())) };
  });

  app.get('/organisations/:id/council', {
    schema: { tags, summary: 'The TĐKT council of the organisation', params: idParam, querystring: dateQuery,
      response: { 200: councilSchema } },
  }, async (request) => {
    const actor = actorOf(request);
    const org = await visibleOrganisation(db, actor, request.params.id);
    return { council: await councilOf(db, actor.tenantId, org.id, request.query.asOf ?? todayInVietnam(clock.now())) };
  });

  app.get('/organisations/:id/clusters', {
    schema: { tags, summary: 'Emulation clusters and blocks the organisation organises or belongs to', params: idParam,
      querystring: yearQuery, response: { 200: z.object({ items: z.array(clusterSchema) }) } },
  }, async (request) => {
    const actor = actorOf(request);
    const org = await visibleOrganisation(db, actor, request.params.id);
    const year = request.query.year ?? Number(todayInVietnam(clock.now()).slice(0, 4));
    return { items: await clustersOf(db, actor.tenantId, org.id, year) };
  });

  app.post('/organisations', {
    schema: { tags, summary: 'Create a sub-organisation', body: createOrganisationBody, response: { 201: organisationSchema } },
  }, async (request, reply) => {
    const created = await createOrganisation(commandContext(request, deps), request.body);
    return reply.status(201).send(presentOrganisation(created));
  });

  app.patch('/organisations/:id', {
    schema: { tags, summary: 'Change, move, end or link an organisation to its successor', params: idParam,
      body: updateOrganisationBody, response: { 200: organisationSchema } },
  }, async (request) => presentOrganisation(await updateOrganisation(commandContext(request, deps), request.params.id, request.body)));
}
