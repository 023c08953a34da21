import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { assertCurrentVersion } from '../../platform/versions.ts';

type Db = Kysely<Database>;

/**
 * How an award form is decided: whether the deciding level's council votes (by secret ballot), the
 * threshold and its denominator, and the public consultation. A tenant sets its own in award_procedures;
 * absent that, docs/legal/procedure.md#council-votes: 90% of all members for Chiến sĩ thi đua cấp tỉnh / toàn quốc and
 * hero titles under Decree 91/2017, a simple majority of members for the rest (to be confirmed); public
 * consultation before Orders, State titles and Chiến sĩ thi đua toàn quốc (10 working days at the centre;
 * docs/legal/procedure.md#public-consultation).
 */
export interface Procedure {
  awardForm: string;
  councilVote: boolean;
  secretBallot: boolean;
  /** percent of the denominator that must vote yes: 90 means at least 90% */
  thresholdPercent: number;
  thresholdOf: 'members' | 'present';
  /** working days the list stays published for comment; null when no consultation is held */
  consultationDays: number | null;
  citation: string;
  /** set by the tenant rather than the default */
  custom: boolean;
  /** the version of the tenant's own setting (sent back when it is changed); null for the default */
  version: number | null;
}

const STRICT = new Set(['chien_si_thi_dua_tinh', 'chien_si_thi_dua_toan_quoc']);
const CONSULTED = new Set(['chien_si_thi_dua_toan_quoc', 'huan_chuong_lao_dong_hang_ba', 'huan_chuong_lao_dong_hang_nhi', 'huan_chuong_lao_dong_hang_nhat']);

export function defaultProcedure(awardForm: string): Procedure {
  const strict = STRICT.has(awardForm);
  return {
    awardForm,
    councilVote: strict,
    secretBallot: strict,
    thresholdPercent: strict ? 90 : 50.01,
    thresholdOf: 'members',
    consultationDays: CONSULTED.has(awardForm) ? 10 : null,
    citation: strict ? 'Nghị định 91/2017/NĐ-CP (bỏ phiếu kín, từ 90% tổng số thành viên Hội đồng) — cần xác minh theo Nghị định 152/2025/NĐ-CP'
      : 'Quá bán tổng số thành viên Hội đồng (mặc định, cần xác minh)',
    custom: false, version: null,
  };
}

export async function procedureFor(db: Db, tenantId: string, awardForm: string): Promise<Procedure> {
  const row = await db.selectFrom('award_procedures').selectAll().where('tenant_id', '=', tenantId).where('award_form', '=', awardForm).executeTakeFirst();
  if (!row) return defaultProcedure(awardForm);
  return {
    awardForm, councilVote: row.council_vote, secretBallot: row.secret_ballot, thresholdPercent: Number(row.threshold_percent),
    thresholdOf: row.threshold_of, consultationDays: row.consultation_days, citation: row.citation, custom: true, version: row.version,
  };
}

/** Whether a tally passes: yes votes reach the threshold of all members, or of those present. */
export function passes(p: Pick<Procedure, 'thresholdPercent' | 'thresholdOf'>, tally: { yes: number; members: number; present: number }): boolean {
  const denominator = p.thresholdOf === 'members' ? tally.members : tally.present;
  if (denominator <= 0) return false;
  // integer arithmetic: 90% of 12 members is 10.8, so 11 votes are needed
  return tally.yes * 10_000 >= Math.round(p.thresholdPercent * 100) * denominator;
}

export interface ProcedureInput {
  councilVote: boolean;
  secretBallot: boolean;
  thresholdPercent: number;
  thresholdOf: 'members' | 'present';
  consultationDays: number | null;
  citation: string;
}

/**
 * The tenant's own setting for an award form (its decision cited), replacing the default. Set by key: `input.version`
 * is the one of the setting the form showed (none while the default held); a stale one is refused (409 edit.stale).
 */
export async function setProcedure(db: Db, tenantId: string, awardForm: string, input: ProcedureInput & { version?: number | undefined }, by: string,
  at: Date): Promise<void> {
  const current = await db.selectFrom('award_procedures').select('version').where('tenant_id', '=', tenantId).where('award_form', '=', awardForm)
    .forUpdate().executeTakeFirst();
  assertCurrentVersion(input.version, current?.version);
  const row = {
    council_vote: input.councilVote, secret_ballot: input.secretBallot, threshold_percent: input.thresholdPercent,
    threshold_of: input.thresholdOf, consultation_days: input.consultationDays, citation: input.citation, updated_by: by, updated_at: at,
  };
  await db.insertInto('award_procedures').values({ tenant_id: tenantId, award_form: awardForm, ...row })
    .onConflict((oc) => oc.columns(['tenant_id', 'award_form']).doUpdateSet({ ...row, version: sql<number>`award_procedures.version + 1` })).execute();
}
