import { z } from 'zod';
import { actorOf, commandContext, type AppDeps, type ZodApp } from '../../platform/http/context.ts';
import { calendarDate } from '../../platform/http/dates.ts';
import { todayInVietnam } from '../../platform/vn/dates.ts';
import { closeCluster, createCluster, managedCluster, setupClusters, updateCluster, type ClusterInput } from './setup.ts';
import type { RegistryCluster } from './store.ts';

/** The clusters and blocks themselves (issue 14.2): list, read, create, edit a year (with the version read), close. */
const tags = ['clusters'];
const params = z.object({ id: z.uuid() });
const kind = z.enum(['cluster', 'block']);
const role = z.enum(['head', 'deputy', 'member']);
const year = z.coerce.number().int().min(1975).max(2100);
const code = z.string().trim().regex(/^[0-9A-Za-z._-]{1,30}$/, 'Mã chỉ gồm chữ không dấu, số và dấu . _ - (tối đa 30 ký tự).');
const clusterBody = z.object({
  code, name: z.string().trim().min(1, 'Tên cụm, khối không được để trống.').max(300), kind, organiserId: z.uuid(),
  year: z.number().int().min(1975).max(2100), followerId: z.uuid().nullable().default(null),
  members: z.array(z.object({ organisationId: z.uuid(), role }).strict()).max(500),
}).strict();
const versioned = { version: z.number().int().min(1) };
const clusterSchema = z.object({
  id: z.uuid(), code: z.string().nullable(), name: z.string(), kind, organiser: z.object({ id: z.uuid(), name: z.string() }),
  closedOn: calendarDate.nullable(), version: z.number().int(), year: z.number().int(),
  members: z.array(z.object({ organisationId: z.uuid(), name: z.string(), code: z.string().nullable(), role })),
  follower: z.object({ personId: z.uuid(), fullName: z.string() }).nullable(),
});

const present = (c: RegistryCluster): z.infer<typeof clusterSchema> => ({
  id: c.id, code: c.code, name: c.name, kind: c.kind, organiser: { id: c.organiser_id, name: c.organiser_name }, closedOn: c.closed_on,
  version: c.version, year: c.year,
  members: c.members.map((m) => ({ organisationId: m.organisation_id, name: m.name, code: m.code, role: m.role })),
  follower: c.follower ? { personId: c.follower.id, fullName: c.follower.full_name } : null,
});

export function clusterSetupRoutes(app: ZodApp, deps: AppDeps) {
  const { db, clock } = deps;
  const thisYear = () => Number(todayInVietnam(clock.now()).slice(0, 4));

  app.get('/clusters/setup', {
    schema: { tags, summary: 'The clusters and blocks I organise (cluster.manage), with a year\'s members, head, deputy and follower',
      querystring: z.object({ year: year.optional() }), response: { 200: z.object({ items: z.array(clusterSchema) }) } },
  }, async (request) => ({ items: (await setupClusters(db, actorOf(request), request.query.year ?? thisYear())).map(present) }));

  app.get('/clusters/setup/:id', {
    schema: { tags, summary: 'A cluster or block I organise, with a year\'s members', params, querystring: z.object({ year: year.optional() }),
      response: { 200: clusterSchema } },
  }, async (request) => present(await managedCluster(db, actorOf(request), request.params.id, request.query.year ?? thisYear())));

  app.post('/clusters/setup', {
    schema: { tags, summary: 'Create a cluster or block with a year\'s members, head, deputy and the council member who follows it', body: clusterBody,
      response: { 201: clusterSchema } },
  }, async (request, reply) => {
    const id = await createCluster(commandContext(request, deps), request.body as ClusterInput, request.locale);
    return reply.status(201).send(present(await managedCluster(db, actorOf(request), id, request.body.year)));
  });

  app.put('/clusters/setup/:id', {
    schema: { tags, summary: 'Change a cluster and a year\'s members; 409 registry.stale when the version read is not the current one',
      params, body: clusterBody.extend(versioned), response: { 200: clusterSchema } },
  }, async (request) => {
    const { version, ...input } = request.body;
    await updateCluster(commandContext(request, deps), request.params.id, version, input as ClusterInput, request.locale);
    return present(await managedCluster(db, actorOf(request), request.params.id, input.year));
  });

  app.post('/clusters/setup/:id/close', {
    schema: { tags, summary: 'Dissolve a cluster or block on a date (it keeps its past years); 409 registry.stale when the version read is stale',
      params, body: z.object({ ...versioned, closedOn: calendarDate }).strict(), response: { 200: clusterSchema } },
  }, async (request) => {
    const ctx = commandContext(request, deps);
    const y = Number(request.body.closedOn.slice(0, 4));
    await closeCluster(ctx, request.params.id, request.body.version, request.body.closedOn, y);
    return present(await managedCluster(db, actorOf(request), request.params.id, y));
  });
}
