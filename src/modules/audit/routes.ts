import { z } from 'zod';
import { actorOf, type AppDeps, type ZodApp } from '../../platform/http/context.ts';
import { forbidden } from '../../platform/errors.ts';
import { hasPermissionSomewhere, reachablePaths } from '../../platform/auth/policy.ts';
import { visibleOrganisation } from '../organisations/index.ts';
import { listAudit } from './store.ts';

const query = z.object({
  organisationId: z.uuid().optional(),
  entityType: z.enum(['organisation', 'person', 'employment', 'user', 'grant', 'movement']).optional(),
  before: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const entrySchema = z.object({
  id: z.uuid(), at: z.string(), actor: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  action: z.string(), entityType: z.string(), entityId: z.uuid().nullable(), changes: z.record(z.string(), z.unknown()),
});

export async function auditRoutes(app: ZodApp, { db }: AppDeps) {
  app.get('/audit', {
    schema: { tags: ['audit'], summary: 'The audit log of my subtree, newest first', querystring: query,
      response: { 200: z.object({ items: z.array(entrySchema), nextBefore: z.uuid().nullable() }) } },
  }, async (request) => {
    const actor = actorOf(request);
    if (!hasPermissionSomewhere(actor, 'audit.read')) throw forbidden();
    let prefixes = reachablePaths(actor, 'audit.read');
    if (request.query.organisationId) {
      const org = await visibleOrganisation(db, actor, request.query.organisationId);
      prefixes = prefixes.some((p) => org.path.startsWith(p)) ? [org.path] : [];
    }
    const rows = await listAudit(db, actor.tenantId, prefixes, request.query);
    const page = rows.slice(0, request.query.limit);
    return {
      items: page.map((r) => ({
        id: r.id, at: r.at.toISOString(), actor: r.actor_user_id ? { id: r.actor_user_id, displayName: r.actor_name ?? '' } : null,
        action: r.action, entityType: r.entity_type, entityId: r.entity_id, changes: r.changes as Record<string, unknown>,
      })),
      nextBefore: rows.length > request.query.limit ? page.at(-1)!.id : null,
    };
  });
}
