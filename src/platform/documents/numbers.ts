import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * The register of document numbers (migration 0040): per issuer, symbol (kind and issuer abbreviation) and year, which
 * numbers are taken and by what. Plans and award decisions take their number here inside their own transaction (and
 * audit row); the table's primary key is what stops two of them taking one number at once, not a check made before.
 */
type Db = Kysely<Database>;

export interface NumberSeries { tenantId: string; issuerId: string; symbol: string; year: number }
export interface NumberHolder { entityType: 'movement' | 'award_decision'; entityId: string }

/** The number to propose: one past the highest taken in the series (1 in a new year). The officer may choose another. */
export async function proposeNumber(db: Db, s: NumberSeries): Promise<number> {
  const row = await db.selectFrom('document_numbers').select(sql<number | null>`max(number)`.as('highest'))
    .where('tenant_id', '=', s.tenantId).where('issuer_organisation_id', '=', s.issuerId)
    .where('year', '=', s.year).where('symbol', '=', s.symbol).executeTakeFirst();
  return (row?.highest ?? 0) + 1;
}

/**
 * Takes the number for its holder, or answers false when another holder has it. ON CONFLICT DO NOTHING waits for a
 * concurrent taker of the same number to commit or roll back, then decides, and leaves the transaction usable (the
 * caller still reads what to propose instead).
 */
export async function takeNumber(db: Db, s: NumberSeries & { number: number }, holder: NumberHolder, at: Date): Promise<boolean> {
  const taken = await db.insertInto('document_numbers').values({
    tenant_id: s.tenantId, issuer_organisation_id: s.issuerId, year: s.year, symbol: s.symbol, number: s.number,
    entity_type: holder.entityType, entity_id: holder.entityId, taken_at: at,
  }).onConflict((oc) => oc.constraint('document_numbers_pkey').doNothing()).returning('number').executeTakeFirst();
  return taken !== undefined;
}

/** Frees whatever number the holder has (a draft decision renumbered or deleted). */
export async function releaseNumber(db: Db, tenantId: string, holder: NumberHolder): Promise<void> {
  await db.deleteFrom('document_numbers').where('tenant_id', '=', tenantId).where('entity_id', '=', holder.entityId)
    .where('entity_type', '=', holder.entityType).execute();
}
