import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { CommandContext } from '../../platform/command.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { recordAudit } from '../../platform/audit.ts';
import { canReach, reachablePaths, type Actor } from '../../platform/auth/policy.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { findOrganisation } from '../organisations/index.ts';
import {
  clusterMemberProblems, clusterMembershipsOf, councilYearsOf, writeClusters, type ClusterKind, type ClusterMemberInput,
} from '../onboarding/index.ts';
import { clusterCodeTaken, employmentPathsOf, lockCluster, registryClusters, unitsById, type RegistryCluster } from './store.ts';

type Db = Kysely<Database>;

/** Writes of councils and clusters in a tenant take its row first (as the imports do): a code, or a unit's one cluster a year, cannot be taken twice at once. */
async function lockTenant(trx: Db, tenantId: string) {
  await trx.selectFrom('tenants').select('id').where('id', '=', tenantId).forUpdate().execute();
}

/**
 * The clusters and blocks themselves, kept by hand (issue 14.2): the organiser's standing agency
 * (cluster.manage over the organiser) creates a cluster, sets a year's members, head, deputy and the
 * council member who follows it, and closes it when it is dissolved. Each write is one transaction with
 * its audit row; an edit names the version it read (409 when stale). The import writes the same way.
 */
export interface ClusterInput {
  code: string; name: string; kind: ClusterKind; organiserId: string; year: number; followerId: string | null; members: ClusterMemberInput[];
}

export async function setupClusters(db: Db, actor: Actor, year: number) {
  return registryClusters(db, actor.tenantId, reachablePaths(actor, 'cluster.manage'), year);
}

/** A cluster the actor organises (cluster.manage over its organiser), with the year's members, or 404. */
export async function managedCluster(db: Db, actor: Actor, id: string, year: number): Promise<RegistryCluster> {
  const [cluster] = await registryClusters(db, actor.tenantId, reachablePaths(actor, 'cluster.manage'), year, [id]);
  if (!cluster) throw notFound('cluster');
  return cluster;
}

async function checkInput(db: Db, actor: Actor, input: ClusterInput, exceptId: string | null, locale: 'vi' | 'en') {
  const organiser = await findOrganisation(db, actor.tenantId, input.organiserId);
  if (!organiser || !canReach(actor, 'cluster.manage', organiser.path)) throw notFound('organisation');
  const units = await unitsById(db, actor.tenantId, input.members.map((m) => m.organisationId));
  if (input.members.some((m) => !units.some((u) => u.id === m.organisationId && canReach(actor, 'organisation.read', u.path)))) {
    throw notFound('organisation');
  }
  const problem = clusterMemberProblems(input.members)[0];
  if (problem) throw new AppError(`registry.${problem.code}`, 422);
  if (input.followerId) {
    const paths = await employmentPathsOf(db, actor.tenantId, [input.followerId]);
    const onCouncil = (await councilYearsOf(db, actor.tenantId, [input.followerId], [input.year])).get(input.followerId)?.has(input.year) ?? false;
    if (!paths.some((p) => canReach(actor, 'person.read', p.path))) throw new AppError('registry.unknown_person', 422);
    if (!onCouncil) throw new AppError('registry.unknown_follower', 422, { year: input.year });
  }
  // one cluster (one block) a year for a unit
  const elsewhere = (await clusterMembershipsOf(db, actor.tenantId, input.members.map((m) => m.organisationId), [input.year]))
    .find((m) => m.kind === input.kind && m.clusterId !== exceptId);
  if (elsewhere) {
    throw new AppError('registry.two_clusters', 409, {
      unit: units.find((u) => u.id === elsewhere.organisationId)!.name, other: elsewhere.clusterName, year: input.year,
      kind: translate(input.kind === 'cluster' ? 'registry.kind_cluster' : 'registry.kind_block', locale),
    });
  }
  if (await clusterCodeTaken(db, actor.tenantId, input.code, exceptId)) throw new AppError('registry.code_taken', 409, { code: input.code });
  return organiser;
}

async function audit(trx: Db, ctx: CommandContext, id: string, path: string, action: string, changes: Record<string, unknown>) {
  await recordAudit(trx, {
    tenantId: ctx.actor.tenantId, actorUserId: ctx.actor.userId, action: `cluster.${action}`, entityType: 'cluster', entityId: id,
    organisationPath: path, changes, requestId: ctx.requestId, at: ctx.now,
  });
}

export async function createCluster(ctx: CommandContext, input: ClusterInput, locale: 'vi' | 'en'): Promise<string> {
  const id = uuidv7(ctx.now.getTime());
  await ctx.db.transaction().execute(async (trx) => {
    await lockTenant(trx, ctx.actor.tenantId);
    const organiser = await checkInput(trx, ctx.actor, input, null, locale);
    await writeClusters(trx, ctx.actor.tenantId, [{ id, ...input }], ctx.now);
    await audit(trx, ctx, id, organiser.path, 'cluster_create', { ...input });
  });
  return id;
}

async function lockFresh(trx: Db, actor: Actor, id: string, version: number) {
  const row = await lockCluster(trx, actor.tenantId, id);
  if (!row) throw notFound('cluster');
  if (row.version !== version) throw new AppError('registry.stale', 409);
  if (row.closed_on) throw new AppError('registry.closed', 409);
  return row;
}

/** The cluster's name and kind, and the year's members, head, deputy and follower. */
export async function updateCluster(ctx: CommandContext, id: string, version: number, input: ClusterInput, locale: 'vi' | 'en'): Promise<void> {
  const before = await managedCluster(ctx.db, ctx.actor, id, input.year);
  await ctx.db.transaction().execute(async (trx) => {
    await lockTenant(trx, ctx.actor.tenantId);
    const organiser = await checkInput(trx, ctx.actor, input, id, locale);
    await lockFresh(trx, ctx.actor, id, version);
    const written = await writeClusters(trx, ctx.actor.tenantId, [{ id, ...input }], ctx.now);
    if (written.changed.size === 0) return;
    await audit(trx, ctx, id, organiser.path, 'cluster_update', {
      before: { name: before.name, kind: before.kind, organiserId: before.organiser_id, year: input.year, followerId: before.follower?.id ?? null,
        members: before.members.map((m) => ({ organisationId: m.organisation_id, role: m.role })) },
      after: input, members: written.members,
    });
  });
}

/** Dissolves the cluster: it keeps its years and score sheets and takes no more changes. */
export async function closeCluster(ctx: CommandContext, id: string, version: number, closedOn: string, year: number): Promise<void> {
  const cluster = await managedCluster(ctx.db, ctx.actor, id, year);
  await ctx.db.transaction().execute(async (trx) => {
    await lockFresh(trx, ctx.actor, id, version);
    await trx.updateTable('clusters').set((eb) => ({ closed_on: closedOn, version: eb('version', '+', 1), updated_at: ctx.now }))
      .where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', id).execute();
    await audit(trx, ctx, id, cluster.organiser_path, 'cluster_close', { closedOn });
  });
}
