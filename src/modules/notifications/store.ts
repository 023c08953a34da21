import { sql, type Kysely } from 'kysely';
import type { Database, Role } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/ids.ts';

type Db = Kysely<Database>;

export interface Notice {
  tenantId: string;
  topic: string;
  entityType: string;
  entityId: string | null;
  params: Record<string, string | number>;
  at: Date;
}

/**
 * The users who must act for an organisation in a role: those granted it at the organisation itself,
 * else at the nearest organisation above it that has one (a sub-unit without its own head answers to
 * the head above). Revoked grants and disabled accounts are skipped.
 */
export async function actorsFor(db: Db, tenantId: string, role: Role, organisationPath: string): Promise<string[]> {
  const rows = await db.selectFrom('role_grants as g')
    .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'g.tenant_id').onRef('o.id', '=', 'g.organisation_id'))
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['g.user_id', 'o.path'])
    .where('g.tenant_id', '=', tenantId).where('g.role', '=', role).where('g.revoked_at', 'is', null).where('u.disabled', '=', false)
    .where(sql<boolean>`${organisationPath} LIKE o.path || '%'`)
    .execute();
  const deepest = rows.reduce((best, r) => Math.max(best, r.path.length), 0);
  return [...new Set(rows.filter((r) => r.path.length === deepest).map((r) => r.user_id))];
}

/**
 * Who receives something at an organisation: the users granted the first of `roles` (in order) that
 * anyone holds at the organisation itself; failing all, the standing officers nearest above it.
 */
export async function receiversAt(db: Db, tenantId: string, roles: readonly Role[], organisation: { id: string; path: string }): Promise<string[]> {
  const rows = await db.selectFrom('role_grants as g').innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['g.user_id', 'g.role'])
    .where('g.tenant_id', '=', tenantId).where('g.organisation_id', '=', organisation.id).where('g.role', 'in', [...roles])
    .where('g.revoked_at', 'is', null).where('u.disabled', '=', false)
    .execute();
  for (const role of roles) {
    const users = rows.filter((r) => r.role === role).map((r) => r.user_id);
    if (users.length) return [...new Set(users)];
  }
  return actorsFor(db, tenantId, 'standing_officer', organisation.path);
}

/** The users holding one of `roles` at the organisation itself (not above it): a unit's own officers and head. */
export async function holdersAt(db: Db, tenantId: string, roles: readonly Role[], organisationId: string): Promise<string[]> {
  const rows = await db.selectFrom('role_grants as g').innerJoin('users as u', 'u.id', 'g.user_id').select('g.user_id')
    .where('g.tenant_id', '=', tenantId).where('g.organisation_id', '=', organisationId).where('g.role', 'in', [...roles])
    .where('g.revoked_at', 'is', null).where('u.disabled', '=', false).execute();
  return [...new Set(rows.map((r) => r.user_id))];
}

/** One notification per user, written in the caller's transaction; e-mail follows from the outbox (mail.ts). */
export async function notify(db: Db, userIds: readonly string[], notice: Notice): Promise<void> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  await db.insertInto('notifications').values(unique.map((userId) => ({
    tenant_id: notice.tenantId, id: uuidv7(notice.at.getTime()), user_id: userId, topic: notice.topic,
    entity_type: notice.entityType, entity_id: notice.entityId, params: JSON.stringify(notice.params), created_at: notice.at, read_at: null,
  }))).execute();
  await db.insertInto('outbox').values({
    tenant_id: notice.tenantId, id: uuidv7(notice.at.getTime()), topic: `notification.${notice.topic}`,
    payload: JSON.stringify({ userIds: unique, entityType: notice.entityType, entityId: notice.entityId, params: notice.params }),
    created_at: notice.at,
  }).execute();
}

export async function notificationsOf(db: Db, tenantId: string, userId: string, limit = 50) {
  return db.selectFrom('notifications').selectAll().where('tenant_id', '=', tenantId).where('user_id', '=', userId)
    .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export async function unreadCount(db: Db, tenantId: string, userId: string): Promise<number> {
  const row = await db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markRead(db: Db, tenantId: string, userId: string, ids: readonly string[] | 'all', at: Date): Promise<number> {
  let q = db.updateTable('notifications').set({ read_at: at })
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids !== 'all') {
    if (ids.length === 0) return 0;
    q = q.where('id', 'in', ids);
  }
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
