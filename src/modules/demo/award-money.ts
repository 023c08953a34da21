import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { loadCatalogue } from '../eligibility/index.ts';
import { loadMoneyTables, moneyFor } from '../eligibility/index.ts';
import { setAwardAmounts } from '../awards/index.ts';

/**
 * The demo's awards carry the money paid with them, as a signed decision records it (decisions
 * module): coefficient × the base salary in force on the decision date (eligibility/money.ts).
 * Awards decided before the catalogue's first legal basis, undated ones and forms without money keep
 * none, as old paper records often do. Statistics show both the money and what has none recorded.
 */
export async function recordDemoAwardMoney(db: Kysely<Database>, tenantId: string): Promise<number> {
  const [catalogue, tables, awards] = await Promise.all([
    loadCatalogue(db, tenantId), loadMoneyTables(db, tenantId),
    db.selectFrom('awards').select(['id', 'award_form', 'person_id', 'decided_on']).where('tenant_id', '=', tenantId).execute(),
  ]);
  const first = catalogue.legalBases[0]?.effectiveFrom;
  const amounts = new Map<string, number>();
  for (const a of awards) {
    if (!first || !a.decided_on || a.decided_on < first) continue;
    const money = moneyFor(tables, catalogue, a.award_form, a.person_id ? 'individual' : 'collective', a.decided_on);
    if (!money) continue;
    amounts.set(a.id, money.amount);
  }
  return setAwardAmounts(db, tenantId, amounts);
}
