import type { Kysely } from 'kysely';
import type { Database, OrganisationRow } from '../../platform/db/schema.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { canReach, type Actor } from '../../platform/auth/policy.ts';
import { findOrganisation } from '../organisations/index.ts';
import { referenceDate, transition, type OutlineSection, type ReportAction, type ReportStatus } from './model.ts';
import { findPhase, type PhaseRow } from './store.ts';

/** Who may see and act on which report: the phase, the reporting unit, its receiving level. */
type Db = Kysely<Database>;

export interface ReportContext {
  phase: PhaseRow;
  outline: OutlineSection[];
  organisation: OrganisationRow;
  /** the receiving level: the unit's parent */
  parent: OrganisationRow;
  /** the date the phase is judged on (who exists, what counts): its due date, else the movement's end */
  date: string;
}

/** A phase that takes reports (an outline, a plan no longer in draft), or 404 / 422. */
export async function reportingPhase(db: Db, actor: Actor, phaseId: string) {
  const phase = await findPhase(db, actor.tenantId, phaseId);
  if (!phase || phase.movement_status === 'draft') throw notFound('report_phase');
  const outline = phase.outline as OutlineSection[] | null;
  if (!outline || outline.length === 0) throw new AppError('report.no_outline', 422, { phase: phase.title });
  return { phase, outline };
}

/** An organisation the actor reads reports of, or 404 (out of scope looks like nothing there). */
export async function readableOrganisation(db: Db, actor: Actor, organisationId: string): Promise<OrganisationRow> {
  const org = await findOrganisation(db, actor.tenantId, organisationId);
  if (!org || !canReach(actor, 'report.read', org.path)) throw notFound('organisation');
  return org;
}

/**
 * Who may hold a report on a phase: an organisation strictly under the plan's issuer that existed on
 * the phase's date. Out of the actor's scope: 404; not a reporting unit of this phase: 422.
 */
export async function reportContext(db: Db, actor: Actor, phaseId: string, organisationId: string): Promise<ReportContext> {
  const organisation = await readableOrganisation(db, actor, organisationId);
  const { phase, outline } = await reportingPhase(db, actor, phaseId);
  if (!organisation.path.startsWith(phase.issuer_path) || organisation.id === phase.issuer_id) {
    throw new AppError('report.not_below_issuer', 422, { organisation: organisation.name, issuer: phase.issuer_name });
  }
  const date = referenceDate(phase, phase);
  if (organisation.valid_from > date || (organisation.valid_to !== null && organisation.valid_to < date)) {
    throw new AppError('report.not_existing', 422, { organisation: organisation.name, date });
  }
  const parent = (await findOrganisation(db, actor.tenantId, organisation.parent_id!))!;
  return { phase, outline, organisation, parent, date };
}

/** Where the permission of a workflow step must reach: the unit itself, or its receiving level. */
export function pathFor(ctx: ReportContext, where: 'unit' | 'receiving'): string {
  return where === 'unit' ? ctx.organisation.path : ctx.parent.path;
}

export function can(actor: Actor, ctx: ReportContext, status: ReportStatus, action: ReportAction): boolean {
  const t = transition(status, action);
  return t !== null && canReach(actor, t.permission, pathFor(ctx, t.where));
}
