import type { Kysely, Transaction } from 'kysely';
import type { Database } from './db/schema.ts';
import { uuidv7 } from './ids.ts';

export interface AuditEntry {
  tenantId: string;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** path of the organisation the entity belongs to: who may read this entry */
  organisationPath: string;
  changes: Record<string, unknown>;
  requestId?: string | undefined;
  at: Date;
}

/** Written in the same transaction as the change it describes; the log is never updated. */
export async function recordAudit(trx: Transaction<Database> | Kysely<Database>, entry: AuditEntry): Promise<void> {
  await trx.insertInto('audit_log').values({
    tenant_id: entry.tenantId, id: uuidv7(entry.at.getTime()), at: entry.at, actor_user_id: entry.actorUserId,
    action: entry.action, entity_type: entry.entityType, entity_id: entry.entityId,
    organisation_path: entry.organisationPath, changes: JSON.stringify(entry.changes), request_id: entry.requestId ?? null,
  }).execute();
}

/** { field: [before, after] } for the fields that changed; secrets never enter the log. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after)) {
    if (after[key] === undefined) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = [before[key] ?? null, after[key]];
  }
  return changes;
}
