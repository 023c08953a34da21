import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { NewAward } from './ledger.ts';

/**
 * An award written as a writer that forgot its recipient columns would (or as rows from before
 * migration 0007 are): only for the tests of the start-up backfill. Everything else writes through recordAwards.
 */
export async function writeUnfilledAward(db: Kysely<Database>, tenantId: string, award: NewAward): Promise<string> {
  const id = award.id ?? uuidv7();
  await db.insertInto('awards').values({ ...award, tenant_id: tenantId, id, verification_code: award.verification_code ?? null }).execute();
  return id;
}

/** Forgets the archive's folded names of some recipients (a test putting its shared tenant back). */
export async function forgetRecipientNames(db: Kysely<Database>, tenantId: string, nameFolds: readonly string[]) {
  await sql`DELETE FROM award_recipient_names WHERE tenant_id = ${tenantId} AND name_fold = ANY(${nameFolds as string[]}::text[])`.execute(db);
}
