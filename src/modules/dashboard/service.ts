import { formsSeenBy } from '../awards/index.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { hasPermissionSomewhere, reachablePaths, type Actor } from '../../platform/auth/policy.ts';
import { addDays, todayInVietnam, type IsoDate } from '../../platform/vn/dates.ts';
import { planSchema } from '../movements/index.ts';
import { ballotsOf } from '../council/index.ts';
import { consultationsOf } from '../consultation/index.ts';
import { unreadCount } from '../notifications/index.ts';
import { reportsSentToMe } from '../reports/index.ts';
import { BATCH_TRANSITIONS, type BatchAction } from '../nominations/index.ts';
import { loadTenantCalendar } from '../calendar/index.ts';
import type { Holidays } from '../../platform/vn/working-days.ts';
import {
  ancestorPaths, DUE_LIMIT, DUE_LOOKBACK_DAYS, dueStatus, dueTiming, emptyPunctuality, owedBy, workingDaysLeft, type DueKind, type DueStatus, type DueTiming, type Punctuality,
} from './model.ts';
import {
  awardFigures, batchesWaiting, decisionsAwaitingSignature, DONE_SOURCES, meetingsToRun, organisationsAt, plansAbove, punctualityOf, type DueAsk,
} from './store.ts';

type Db = Kysely<Database>;

export interface DueItem {
  /** the phase, or the plan award whose nomination window this is */
  itemId: string;
  unit: { id: string; name: string };
  movement: { id: string; name: string; issuerName: string };
  kind: DueKind;
  title: string;
  startsOn: IsoDate | null;
  dueOn: IsoDate;
  workingDaysLeft: number;
  /** how far it is: passed, due soon, or later */
  timing: DueTiming;
  status: DueStatus;
  /** false: the system does not record this kind of work yet, only its date is shown */
  known: boolean;
  doneAt: Date | null;
}

/** "My units": where the user's grants are held (the roots of their reach, nested grants folded in). */
async function unitsOf(db: Db, actor: Actor) {
  return organisationsAt(db, actor.tenantId, reachablePaths(actor, 'movement.read'));
}

export interface DueQuery {
  tenantId: string;
  units: { id: string; name: string; path: string }[];
  now: Date;
  /** the tenant's working calendar (modules/calendar), for the working days left */
  calendar: Holidays;
  /** deadlines from this day on (default: DUE_LOOKBACK_DAYS ago) */
  since?: IsoDate;
  limit?: number;
}

/** What falls on these units from the plans issued above them, and whether each unit has done it. */
export async function dueFor(db: Db, query: DueQuery): Promise<DueItem[]> {
  const { tenantId, units, now, calendar } = query;
  const today = todayInVietnam(now);
  const since = query.since ?? addDays(today, -DUE_LOOKBACK_DAYS);
  const { movements, phases } = await plansAbove(db, tenantId, [...new Set(units.flatMap((u) => ancestorPaths(u.path)))], since);
  const byId = new Map(movements.map((m) => [m.id, m]));
  const formNames = new Map((await formsSeenBy(db, tenantId).select(['code', 'name']).execute()).map((f) => [f.code, f.name]));
  interface Owed { id: string; inheritedFrom: string | null; issuerPath: string; movementId: string; kind: DueKind; title: string; startsOn: IsoDate | null; dueOn: IsoDate; awardItemId: string | null }
  const owed: Owed[] = phases.map((p) => ({
    id: p.id, inheritedFrom: p.inherited_from, issuerPath: byId.get(p.movement_id)!.issuer_path, movementId: p.movement_id, kind: p.kind,
    title: p.title, startsOn: p.starts_on, dueOn: p.due_on!, awardItemId: null,
  }));
  // nomination windows live in the plan's awards, not in its phases
  for (const m of movements) {
    for (const award of planSchema.parse(m.plan).awards) {
      if (!award.window || award.window.closes < since) continue;
      owed.push({
        id: award.id, inheritedFrom: award.inheritedFrom, issuerPath: m.issuer_path, movementId: m.id, kind: 'nomination_window',
        title: formNames.get(award.awardForm) ?? award.awardForm, startsOn: award.window.opens, dueOn: award.window.closes, awardItemId: award.id,
      });
    }
  }
  const asks: (DueAsk & { item: Owed; unit: (typeof units)[number] })[] = units.flatMap((unit) => owedBy(unit.path, owed).map((item) => ({
    key: `${item.id}|${unit.id}`, kind: item.kind, movementId: item.movementId, phaseId: item.kind === 'nomination_window' ? null : item.id,
    awardItemId: item.awardItemId, unitId: unit.id, item, unit,
  })));
  const done = new Map<string, Date>();
  const known = new Set<string>();
  for (const source of DONE_SOURCES) {
    const mine = asks.filter((a) => source.kinds.includes(a.kind));
    if (mine.length === 0) continue;
    const answerable = source.knows ? await source.knows(db, tenantId, mine) : null;
    for (const a of mine) if (!answerable || answerable.has(a.key)) known.add(a.key);
    for (const [key, at] of await source.doneAt(db, tenantId, mine)) done.set(key, at);
  }
  return asks.map(({ key, item, unit }) => {
    const m = byId.get(item.movementId)!;
    const doneAt = done.get(key) ?? null;
    const left = workingDaysLeft(today, item.dueOn, calendar);
    return {
      itemId: item.id, unit: { id: unit.id, name: unit.name }, movement: { id: m.id, name: m.name, issuerName: m.issuer_name },
      kind: item.kind, title: item.title, startsOn: item.startsOn, dueOn: item.dueOn, workingDaysLeft: left, timing: dueTiming(left),
      status: dueStatus(item.dueOn, doneAt, known.has(key), now), known: known.has(key), doneAt,
    };
  }).sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.movement.name.localeCompare(b.movement.name)).slice(0, query.limit ?? DUE_LIMIT);
}

/** The nomination workflow's own table says who acts next: the head approves, the receiving standing agency appraises. */
function waitingOn(action: BatchAction) {
  const t = BATCH_TRANSITIONS.find((x) => x.action === action)!;
  return { statuses: t.from, permission: t.permission, where: t.where as 'unit' | 'receiving' };
}
const APPROVAL = waitingOn('submit');
const APPRAISAL = [waitingOn('open_appraisal'), waitingOn('accept')];
const WAITING_SHOWN = 5;

/** Who may fix a returned batch: the 'edit' step's permission over the nominating unit. */
const FIXING = waitingOn('edit');

async function waitingFor(db: Db, actor: Actor, today: IsoDate, ballotSecret: string) {
  const appraisers = reachablePaths(actor, APPRAISAL[0]!.permission);
  const [approvals, appraisals, returned, assigned, reviews, signatures, meetings, ballots, consultations, unread, reports] = await Promise.all([
    batchesWaiting(db, actor.tenantId, { statuses: APPROVAL.statuses, where: APPROVAL.where, prefixes: reachablePaths(actor, APPROVAL.permission) }, WAITING_SHOWN),
    // both appraisal steps are the receiving level's standing agency's (one permission, one side)
    batchesWaiting(db, actor.tenantId, { statuses: APPRAISAL.flatMap((a) => a.statuses), where: APPRAISAL[0]!.where, prefixes: appraisers }, WAITING_SHOWN),
    // returned to the unit: its officers fix it; not the standing agency that returned it, which also writes over the subtree
    batchesWaiting(db, actor.tenantId, {
      statuses: ['returned'], where: FIXING.where, prefixes: reachablePaths(actor, FIXING.permission), notReceivingUnder: appraisers,
    }, WAITING_SHOWN),
    // the standing agency's specialist: the batches assigned to me, still at my level
    batchesWaiting(db, actor.tenantId, {
      statuses: ['submitted', 'under_appraisal', 'accepted'], where: 'receiving', prefixes: appraisers, assignedTo: actor.userId,
    }, WAITING_SHOWN),
    // the head reviews the appraised list before it goes to the council or the decision
    batchesWaiting(db, actor.tenantId, {
      statuses: ['accepted'], where: 'receiving', prefixes: reachablePaths(actor, 'nomination.review_list'), unreviewed: true,
    }, WAITING_SHOWN),
    // drafts of award decisions at an authority where I may sign (decision.issue)
    decisionsAwaitingSignature(db, actor.tenantId, reachablePaths(actor, 'decision.issue'), WAITING_SHOWN),
    meetingsToRun(db, actor.tenantId, reachablePaths(actor, 'council.manage'), WAITING_SHOWN),
    ballotsOf(db, actor, ballotSecret),
    hasPermissionSomewhere(actor, 'nomination.appraise') ? consultationsOf(db, actor) : Promise.resolve([]),
    unreadCount(db, actor.tenantId, actor.userId),
    // reports sent up to my units on phases due lately or still to come: to read, return or compile
    reportsSentToMe(db, actor, addDays(today, -DUE_LOOKBACK_DAYS), WAITING_SHOWN),
  ]);
  const openBallots = ballots.map((b) => ({ meeting: b.meeting, open: b.items.filter((i) => i.state === 'open').length })).filter((b) => b.open > 0);
  const moderation = consultations.filter((c) => Number(c.pending_count) > 0);
  return { approvals, appraisals, returned, assigned, reviews, signatures, meetings, openBallots, moderation, unread, reports };
}

async function punctuality(db: Db, actor: Actor, units: { id: string; name: string }[], now: Date) {
  const today = todayInVietnam(now);
  const rows = await punctualityOf(db, actor.tenantId, units.map((u) => u.id), Number(today.slice(0, 4)), today);
  const byChild = new Map<string, { id: string; name: string; parentId: string; responsePlans: Punctuality; registrations: Punctuality }>();
  for (const r of rows) {
    let entry = byChild.get(r.id);
    if (!entry) byChild.set(r.id, (entry = { id: r.id, name: r.name, parentId: r.parent_id!, responsePlans: emptyPunctuality(), registrations: emptyPunctuality() }));
    const target = r.kind === 'response_plan' ? entry.responsePlans : entry.registrations;
    target.onTime += Number(r.on_time);
    target.late += Number(r.late);
    target.missing += Number(r.missing);
    target.pending += Number(r.pending);
  }
  return [...byChild.values()];
}

async function awards(db: Db, actor: Actor, year: number) {
  const rows = await awardFigures(db, actor.tenantId, reachablePaths(actor, 'record.read'), year);
  const byForm = rows.map((r) => ({ code: r.award_form, name: r.name, category: r.category, count: Number(r.n), amount: Number(r.amount ?? 0) }));
  const sum = (f: (x: (typeof byForm)[number]) => number) => byForm.reduce((s, x) => s + f(x), 0);
  return {
    total: sum((x) => x.count), titles: sum((x) => (x.category === 'title' ? x.count : 0)), awards: sum((x) => (x.category === 'award' ? x.count : 0)),
    amount: sum((x) => x.amount), byForm,
  };
}

/** Everything the home page shows a signed-in officer, for the units their grants reach, as of the app's clock. */
export async function dashboardOf(db: Db, actor: Actor, now: Date, ballotSecret: string) {
  if (!hasPermissionSomewhere(actor, 'movement.read')) throw new AppError('dashboard.staff_only', 403);
  const today = todayInVietnam(now);
  const year = Number(today.slice(0, 4));
  const units = await unitsOf(db, actor);
  const [due, waiting, subtree, figures] = await Promise.all([
    dueFor(db, { tenantId: actor.tenantId, units, now, calendar: await loadTenantCalendar(db, actor.tenantId) }),
    waitingFor(db, actor, today, ballotSecret), punctuality(db, actor, units, now), awards(db, actor, year),
  ]);
  return { today, year, units, due, waiting, punctuality: subtree, awards: figures };
}
