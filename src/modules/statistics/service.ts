import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { canReach, reachablePaths, type Actor } from '../../platform/auth/policy.ts';
import { todayInVietnam } from '../../platform/vn/dates.ts';
import { countedOrganisations, minimalPrefixes, unitRows, type Period } from './counted.ts';
import {
  addFigures, CATEGORIES, checkPeriod, formsKept, LEVELS, MOVEMENTS_CAP, planPunctuality, REASONS_CAP, registrationPunctuality,
  sharesOf, tally, yearsOf, ZERO, type AwardForm, type Category, type Figures, type Level, type Punctuality, type PunctualityCounts,
  type Share, type StatisticsFilter,
} from './model.ts';
import { countedPathFilter, loadTree, type CountedPrefix } from './scope.ts';
import { awardFigures, awardForms, responses, returnReasons, type FigureRow } from './store.ts';

type Db = Kysely<Database>;

export interface StatisticsQuery extends StatisticsFilter { organisationId: string; fromYear: number; toYear: number }

interface Unit { id: string; name: string; validTo: string | null }

export interface StatisticsReport {
  organisation: Unit;
  period: Period;
  filter: StatisticsFilter;
  /** organisations outside the unit's subtree whose awards count under it (merged into it), with their last day */
  mergedIn: Unit[];
  totals: Figures;
  shares: Share[];
  byForm: (Figures & { code: string; name: string; category: Category; level: Level })[];
  byLevel: (Figures & { level: Level })[];
  byCategory: (Figures & { category: Category })[];
  byYear: (Figures & { year: number })[];
  /** the unit's direct children existing in the period; `rest`: the unit itself and what belongs to no listed child */
  byUnit: (Figures & { organisation: Unit; rest: boolean })[];
  returns: { total: number; candidates: number; batches: number; reasons: { reason: string; count: number; candidates: number; lastAt: string }[]; moreReasons: number };
  punctuality: {
    plans: PunctualityCounts; registrations: PunctualityCounts; moreMovements: number;
    movements: { id: string; name: string; issuedOn: string; issuer: string; planDue: string | null; registrationDue: string | null;
      plans: PunctualityCounts | null; registrations: PunctualityCounts | null }[];
  };
}

const figuresOf = (r: FigureRow): Figures => ({
  total: r.total, individuals: r.individuals, collectives: r.total - r.individuals, nonLeaders: r.non_leaders,
  directWorkers: r.direct_workers, women: r.women, ethnicMinorities: r.ethnic_minorities, money: r.money, unpriced: r.total - r.priced,
});

const sum = (rows: readonly Figures[]) => rows.reduce(addFigures, ZERO);

/**
 * The statistics of a unit the actor reaches (statistics.read) over a period of years: awards that
 * count under it (its subtree and the units merged into it, scope.ts), by form, level, category,
 * year and direct sub-unit, with the groups' shares and the money; nominations returned and why;
 * and how punctually units answered the movements issued by it or above it. Out of scope: 404.
 */
export async function statistics(db: Db, actor: Actor, query: StatisticsQuery, now: Date): Promise<StatisticsReport> {
  const period = checkPeriod(query.fromYear, query.toYear);
  if (reachablePaths(actor, 'statistics.read').length === 0) throw forbidden();
  const [catalogue, tree] = await Promise.all([awardForms(db, actor.tenantId), loadTree(db, actor.tenantId)]);
  const forms: AwardForm[] = catalogue.map((c) => ({ code: c.code, name: c.name, category: c.category, level: c.level as Level, sortOrder: c.sort_order }));
  const kept = formsKept(forms, query);
  const root = tree.byId.get(query.organisationId);
  if (!root || !canReach(actor, 'statistics.read', root.path)) throw notFound('organisation');

  const prefixes = minimalPrefixes(tree, countedOrganisations(tree, root.id, period));
  const { units, links } = unitRows(tree, root.id, period);
  const scope = countedPathFilter('o.path', prefixes);
  const [rows, reasons, answers] = await Promise.all([
    awardFigures(db, actor.tenantId, {
      prefixes, years: yearsOf(period), forms: kept, recipient: query.recipient, group: query.group, links,
    }),
    returnReasons(db, actor.tenantId, scope, period.fromYear, period.toYear, REASONS_CAP),
    // the root and every unit above it: their ids are the root's path
    responses(db, actor.tenantId, root.path.split('/').filter(Boolean), scope, period.fromYear, period.toYear, todayInVietnam(now)),
  ]);

  const unit = (id: string): Unit => {
    const n = tree.byId.get(id)!;
    return { id: n.id, name: n.name, validTo: n.validTo };
  };
  const of = (dim: FigureRow['dim'], match: (r: FigureRow) => boolean) => {
    const row = rows.find((r) => r.dim === dim && match(r));
    return row ? figuresOf(row) : ZERO;
  };
  const byForm = forms.filter((f) => rows.some((r) => r.dim === 'form' && r.form === f.code))
    .map((f) => ({ code: f.code, name: f.name, category: f.category, level: f.level, ...of('form', (r) => r.form === f.code) }));
  const totals = of('total', () => true);
  const rest = of('unit', (r) => r.unit === root.id);
  return {
    organisation: unit(root.id),
    period,
    filter: { awardForms: query.awardForms, level: query.level, category: query.category, recipient: query.recipient, group: query.group },
    mergedIn: prefixes.filter((p) => !p.path.startsWith(root.path)).map((p) => unit(idOf(p))),
    totals,
    shares: sharesOf(totals),
    byForm,
    byLevel: LEVELS.map((level) => ({ level, ...sum(byForm.filter((f) => f.level === level)) })),
    byCategory: CATEGORIES.map((category) => ({ category, ...sum(byForm.filter((f) => f.category === category)) })),
    byYear: yearsOf(period).map((year) => ({ year, ...of('year', (r) => r.year === year) })),
    byUnit: [
      ...units.map((u) => ({ organisation: unit(u.id), rest: false, ...of('unit', (r) => r.unit === u.id) })),
      ...(rest.total > 0 ? [{ organisation: unit(root.id), rest: true, ...rest }] : []),
    ],
    returns: {
      total: reasons[0]?.all_returns ?? 0, candidates: reasons[0]?.all_candidates ?? 0,
      batches: (reasons[0]?.all_returns ?? 0) - (reasons[0]?.all_candidates ?? 0),
      reasons: reasons.map((r) => ({ reason: r.reason, count: r.count, candidates: r.candidates, lastAt: new Date(r.last_at).toISOString() })),
      moreReasons: Math.max(0, (reasons[0]?.reasons ?? 0) - reasons.length),
    },
    punctuality: punctualityOf(answers, now),
  };
}

/** The id a counted path ends with: '/…/<id>/'. */
const idOf = (p: CountedPrefix) => p.path.split('/').at(-2)!;

function punctualityOf(rows: Awaited<ReturnType<typeof responses>>, now: Date): StatisticsReport['punctuality'] {
  const movements = new Map<string, { row: (typeof rows)[number]; plans: Punctuality[]; registrations: Punctuality[] }>();
  for (const r of rows) {
    const m = movements.get(r.movement_id) ?? { row: r, plans: [], registrations: [] };
    movements.set(r.movement_id, m);
    if (r.plan_due) m.plans.push(planPunctuality(r.plan_due, r.plan_issued_on, now));
    if (r.registration_due) m.registrations.push(registrationPunctuality(r.registration_due, r.registered_at ? new Date(r.registered_at) : null, now));
  }
  const all = [...movements.values()];
  return {
    plans: tally(all.flatMap((m) => m.plans)),
    registrations: tally(all.flatMap((m) => m.registrations)),
    moreMovements: Math.max(0, all.length - MOVEMENTS_CAP),
    movements: all.slice(0, MOVEMENTS_CAP).map(({ row, plans, registrations }) => ({
      id: row.movement_id, name: row.name, issuedOn: row.issued_on, issuer: row.issuer, planDue: row.plan_due,
      registrationDue: row.registration_due, plans: row.plan_due ? tally(plans) : null,
      registrations: row.registration_due ? tally(registrations) : null,
    })),
  };
}
