import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { CommandContext } from '../../platform/command.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit.ts';
import { assertOperator, hasPermissionSomewhere, reachablePaths, type Actor } from '../../platform/auth/policy.ts';
import type { Locale } from '../../platform/i18n/messages.ts';
import { formatDate } from '../../platform/vn/dates.ts';
import { currentRules, loadCatalogue } from './catalogue.ts';
import { describeRule, type Words } from './explain.ts';
import { loadMoneyTables, moneyFor } from './money.ts';
import type { Rule } from '../rules/index.ts';
import { wordsFor } from './service.ts';
import { assertCurrentVersion } from '../../platform/versions.ts';

interface RuleTree { text: string; children: RuleTree[] }

function tree(rule: Rule, year: number, words: Words): RuleTree {
  const children = rule.type === 'all' || rule.type === 'any' ? rule.rules.map((r) => tree(r, year, words)) : [];
  return { text: describeRule(rule, year, words), children };
}

/** The catalogue as the rules page shows it: each rule worded for a year it applies to, with today's money. */
export async function presentCatalogue(db: Kysely<Database>, actor: Actor, locale: Locale, today: string) {
  const [catalogue, money] = await Promise.all([loadCatalogue(db, actor.tenantId), loadMoneyTables(db, actor.tenantId)]);
  const words = wordsFor(catalogue, locale);
  return {
    legalBases: catalogue.legalBases,
    rules: currentRules(catalogue).map((r) => {
      const basis = catalogue.legalBases.find((b) => b.code === r.legalBasis)!;
      const to = basis.effectiveTo ?? today;
      const exampleYear = Number((to < today ? to : today).slice(0, 4));
      return {
        awardForm: r.awardForm, awardFormName: r.awardFormName, recipient: r.recipient, legalBasis: r.legalBasis,
        legalBasisName: basis.shortName, citation: r.citation, needsConfirmation: r.needsConfirmation, note: r.note,
        cap: r.cap ? { ...r.cap, ofName: words.formName(r.cap.of) } : null,
        exampleYear, criteria: tree(r.rule, exampleYear, words), rule: r.rule, version: r.version, validFrom: r.validFrom,
      };
    }),
    coefficients: money.coefficients.map((c) => ({
      ...c, awardFormName: words.formName(c.awardForm),
      amountToday: catalogue.legalBases.find((b) => b.code === c.legalBasis && b.effectiveFrom <= today && (b.effectiveTo === null || b.effectiveTo >= today))
        ? moneyFor(money, catalogue, c.awardForm, c.recipient, today)?.amount ?? null : null,
    })),
    baseSalaries: money.salaries,
    canManage: hasPermissionSomewhere(actor, 'catalogue.manage'),
    // base salaries and legal bases are read by every tenant: only the platform operator changes them
    canManageShared: actor.platformOperator === true,
  };
}

/**
 * The tenant's own cap on a title's share (a province may allow more or fewer than the default 15% of
 * Chiến sĩ thi đua cơ sở); set by its system administrator, citing the decision, audited.
 */
export async function setCap(ctx: CommandContext, awardForm: string, input: { percent: number; citation: string; version?: number | undefined }) {
  if (!hasPermissionSomewhere(ctx.actor, 'catalogue.manage')) throw new AppError('forbidden', 403);
  const catalogue = await loadCatalogue(ctx.db, ctx.actor.tenantId);
  const capped = catalogue.rules.find((r) => r.awardForm === awardForm && r.cap);
  if (!capped) throw new AppError('catalogue.no_cap', 422, { form: catalogue.awardForms.find((f) => f.code === awardForm)?.name ?? awardForm });
  const before = capped.cap!;
  await ctx.db.transaction().execute(async (trx) => {
    const own = await trx.selectFrom('eligibility_caps').select('version').where('tenant_id', '=', ctx.actor.tenantId).where('award_form', '=', awardForm)
      .forUpdate().executeTakeFirst();
    assertCurrentVersion(input.version, own?.version);
    await trx.insertInto('eligibility_caps').values({
      tenant_id: ctx.actor.tenantId, award_form: awardForm, percent: input.percent, citation: input.citation,
      updated_by: ctx.actor.userId, updated_at: ctx.now,
    }).onConflict((oc) => oc.columns(['tenant_id', 'award_form']).doUpdateSet({
      percent: input.percent, citation: input.citation, updated_by: ctx.actor.userId, updated_at: ctx.now, version: sql<number>`eligibility_caps.version + 1`,
    })).execute();
    await recordAudit(trx, {
      tenantId: ctx.actor.tenantId, actorUserId: ctx.actor.userId, action: 'catalogue.cap.set', entityType: 'eligibility_cap',
      entityId: null, organisationPath: reachablePaths(ctx.actor, 'catalogue.manage')[0] ?? '/',
      changes: { awardForm, percent: [before.percent, input.percent], citation: [before.setBy, input.citation] },
      requestId: ctx.requestId, at: ctx.now,
    });
  });
}

/**
 * A new statutory base salary from a date (a decree raises it every year or two); earlier amounts stay for
 * earlier decisions. Every tenant's award money reads it: the platform operator only.
 */
export async function addBaseSalary(ctx: CommandContext, input: { effectiveFrom: string; amount: number; citation: string }) {
  assertOperator(ctx.actor);
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('base_salaries').select('effective_from').where('effective_from', '=', input.effectiveFrom).executeTakeFirst();
    if (existing) throw new AppError('catalogue.base_salary_exists', 409, { date: formatDate(input.effectiveFrom) });
    await trx.insertInto('base_salaries').values({ effective_from: input.effectiveFrom, amount: input.amount, citation: input.citation, created_by: ctx.actor.userId }).execute();
    await recordAudit(trx, {
      tenantId: ctx.actor.tenantId, actorUserId: ctx.actor.userId, action: 'catalogue.base_salary.create', entityType: 'base_salary',
      entityId: null, organisationPath: '/', changes: { created: input },
      requestId: ctx.requestId, at: ctx.now,
    });
  });
}

export interface LegalBasisInput {
  name: string; shortName: string; effectiveFrom: string; effectiveTo: string | null;
  /** the version of the basis the form was filled from; none when adding a new code */
  version?: number | undefined;
}

/**
 * Adds or corrects a legal basis (a law and its decree, with the period it is in force): the platform
 * operator only, as every tenant's rules cite it. Periods may not overlap: a year is judged by the one
 * basis in force on its last day.
 */
export async function saveLegalBasis(ctx: CommandContext, code: string, input: LegalBasisInput) {
  assertOperator(ctx.actor);
  if (input.effectiveTo !== null && input.effectiveTo < input.effectiveFrom) throw new AppError('catalogue.legal_basis_dates', 400);
  const { version, ...fields } = input;
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await trx.selectFrom('legal_bases').select('version').where('code', '=', code).forUpdate().executeTakeFirst();
    assertCurrentVersion(version, locked?.version);
    const all = await trx.selectFrom('legal_bases').selectAll().execute();
    const before = all.find((b) => b.code === code);
    const overlapping = all.find((b) => b.code !== code
      && (b.effective_to === null || b.effective_to >= input.effectiveFrom)
      && (input.effectiveTo === null || input.effectiveTo >= b.effective_from));
    if (overlapping) throw new AppError('catalogue.legal_basis_overlap', 409, { other: overlapping.short_name });
    const row = { name: input.name, short_name: input.shortName, effective_from: input.effectiveFrom, effective_to: input.effectiveTo };
    await trx.insertInto('legal_bases').values({ code, ...row })
      .onConflict((oc) => oc.column('code').doUpdateSet({ ...row, version: sql<number>`legal_bases.version + 1` })).execute();
    await recordAudit(trx, {
      tenantId: ctx.actor.tenantId, actorUserId: ctx.actor.userId, action: before ? 'catalogue.legal_basis.update' : 'catalogue.legal_basis.create',
      entityType: 'legal_basis', entityId: null, organisationPath: '/',
      changes: { code, before: before ?? null, after: fields }, requestId: ctx.requestId, at: ctx.now,
    });
  });
}
