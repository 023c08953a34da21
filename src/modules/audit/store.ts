import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { pathUnder } from '../organisations/index.ts';

/**
 * Audit entries under the given subtrees, newest first, one page plus one row (to know if more follow).
 * Account events (sign-in, sign-out) carry the path '/' and are shown only to the root's holders.
 */
export async function listAudit(db: Kysely<Database>, tenantId: string, prefixes: string[],
  f: { entityType?: string | undefined; before?: string | undefined; limit: number }) {
  const rootHolder = prefixes.some((p) => p.split('/').length === 3);
  let query = db.selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .select(['a.id', 'a.at', 'a.actor_user_id', 'u.display_name as actor_name', 'a.action', 'a.entity_type', 'a.entity_id', 'a.changes'])
    .where('a.tenant_id', '=', tenantId)
    .where((eb) => rootHolder ? eb.or([pathUnder('a.organisation_path', prefixes), eb('a.organisation_path', '=', '/')]) : pathUnder('a.organisation_path', prefixes));
  if (f.entityType) query = query.where('a.entity_type', '=', f.entityType);
  if (f.before) query = query.where('a.id', '<', f.before);
  return query.orderBy('a.id', 'desc').limit(f.limit + 1).execute();
}
