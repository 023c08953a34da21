import type { Kysely } from 'kysely';
import type { Database, OrganisationRow } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/auth/policy.ts';
import { findPhase, cascadedPhase, expectedUnits, type PhaseRow } from './store.ts';
import { gatherTexts, periodOf, referenceDate, unitState, type OutlineSection, type UnitState, type UnitText } from './model.ts';
import { sortAwards, type Figures } from './figures.ts';
import { awardForms, figuresFor, movementFamily, organisationNodes } from './figures-store.ts';
import { compilationScopes } from './scope.ts';
import { readableOrganisation, reportingPhase, type ReportContext } from './access.ts';

/**
 * The compilation at a receiving level X (tổng hợp): the units expected to report to X on a phase and
 * where each stands, X's figures over its whole subtree with each unit's and X's own part, and the
 * units' texts gathered per outline section and point, so X can start its own report from them.
 */
type Db = Kysely<Database>;

export interface CompilationTarget {
  /** the phase X's units report on: X's own cascaded phase when X cascaded the plan, else the one asked for */
  phase: PhaseRow;
  outline: OutlineSection[];
  organisation: OrganisationRow;
  date: string;
  /** the phase X's own report goes up on, if X reports to a level above */
  ownPhaseId: string | null;
}

const strictlyUnder = (org: OrganisationRow, phase: PhaseRow) => org.path.startsWith(phase.issuer_path) && org.id !== phase.issuer_id;

/** The phase of the plan X's plan was cascaded from, if X reports to that plan's issuer on it. */
async function upperPhase(db: Db, actor: Actor, phase: PhaseRow, x: OrganisationRow): Promise<string | null> {
  if (!phase.inherited_from) return null;
  const upper = await findPhase(db, actor.tenantId, phase.inherited_from);
  if (!upper || upper.movement_status === 'draft' || !upper.outline || !strictlyUnder(x, upper)) return null;
  return upper.id;
}

export async function compilationTarget(db: Db, actor: Actor, phaseId: string, organisationId: string): Promise<CompilationTarget> {
  const organisation = await readableOrganisation(db, actor, organisationId);
  const asked = await reportingPhase(db, actor, phaseId);
  if (organisation.id === asked.phase.issuer_id) {
    const date = referenceDate(asked.phase, asked.phase);
    return { ...asked, organisation, date, ownPhaseId: await upperPhase(db, actor, asked.phase, organisation) };
  }
  if (!strictlyUnder(organisation, asked.phase)) {
    throw new AppError('report.not_below_issuer', 422, { organisation: organisation.name, issuer: asked.phase.issuer_name });
  }
  const cascaded = await cascadedPhase(db, actor.tenantId, asked.phase.id, organisation.id);
  const gather = cascaded ? await reportingPhase(db, actor, cascaded) : asked;
  return { ...gather, organisation, date: referenceDate(gather.phase, gather.phase), ownPhaseId: asked.phase.id };
}

async function unitsOf(db: Db, actor: Actor, target: CompilationTarget) {
  const rows = await expectedUnits(db, actor.tenantId, target.phase.id, target.organisation.id, target.date);
  return rows.map((r) => ({
    id: r.id, name: r.name, path: r.path, reportId: r.report_id,
    state: unitState(r.status ? { status: r.status, first_submitted_at: r.first_submitted_at } : null, target.phase.due_on) as UnitState,
    submittedAt: r.submitted_at, firstSubmittedAt: r.first_submitted_at, returnedReason: r.returned_reason,
    sections: (r.sections ?? {}) as Record<string, string>,
  }));
}

/** Texts only from reports that were sent: a draft is still the unit's own. */
function gathered(target: CompilationTarget, units: Awaited<ReturnType<typeof unitsOf>>) {
  return gatherTexts(target.outline, units.filter((u) => u.state === 'on_time' || u.state === 'late')
    .map((u) => ({ organisationId: u.id, organisationName: u.name, sections: u.sections })));
}

/** What X's units sent, per outline key: the material of X's own report (ctx: X's report on its phase). */
export async function gatheredFor(db: Db, actor: Actor, ctx: ReportContext): Promise<Record<string, UnitText[]>> {
  const target = await compilationTarget(db, actor, ctx.phase.id, ctx.organisation.id);
  return gathered(target, await unitsOf(db, actor, target));
}

export interface Compilation {
  target: CompilationTarget;
  units: Awaited<ReturnType<typeof unitsOf>>;
  total: Figures;
  own: Figures;
  unitFigures: Map<string, Figures>;
  gathered: Record<string, UnitText[]>;
  awardFormNames: ReadonlyMap<string, string>;
}

export async function compile(db: Db, actor: Actor, phaseId: string, organisationId: string): Promise<Compilation> {
  const target = await compilationTarget(db, actor, phaseId, organisationId);
  const [units, nodes, movementIds, forms] = await Promise.all([
    unitsOf(db, actor, target), organisationNodes(db, actor.tenantId), movementFamily(db, actor.tenantId, target.phase.movement_id), awardForms(db, actor.tenantId),
  ]);
  const scopes = compilationScopes(nodes, target.date, target.organisation.path, new Map(units.map((u) => [u.id, u.path])));
  const figures = await figuresFor(db, { tenantId: actor.tenantId, movementIds, period: periodOf(target.phase, target.phase) }, scopes);
  const sorted = (key: string) => sortAwards(figures.get(key)!, forms.order);
  return {
    target, units, total: sorted('total'), own: sorted('own'),
    unitFigures: new Map(units.map((u) => [u.id, sorted(u.id)])),
    gathered: gathered(target, units), awardFormNames: forms.names,
  };
}
