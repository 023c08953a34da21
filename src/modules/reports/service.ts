import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { CommandContext } from '../../platform/command.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { assertCan, reachablePaths, type Actor, type Permission } from '../../platform/auth/policy.ts';
import { assertTransition } from '../../platform/workflow.ts';
import {
  cleanSections, isLate, outlineKeys, periodOf, referenceDate, startFromCompilation, submissionEvent, TRANSITIONS, unknownKeys,
  type ReportAction, type ReportStatus,
} from './model.ts';
import { sortAwards, type Figures } from './figures.ts';
import { awardForms, figuresFor, movementFamily, organisationNodes } from './figures-store.ts';
import { countingAnchors, scopeEntries, type KeyedScope } from './scope.ts';
import { lockReport, owedReports, receivedPhases, reportsSentTo, type PhaseRow, type ReportRow } from './store.ts';
import { pathFor, reportContext, type ReportContext } from './access.ts';
import { gatheredFor } from './compilation.ts';
import { actorsFor, notify, receiversAt } from '../notifications/index.ts';
import { assertCurrentVersion, nextVersion } from '../../platform/versions.ts';

/**
 * Unit reports, the use cases: the report a unit holds on a phase (read with live or frozen figures),
 * saving its texts, submitting it, the receiving level returning it, and starting a level's own report
 * from what its units sent. Every write is one transaction with its audit row.
 */
type Db = Kysely<Database>;

/** The figures of an organisation's subtree (merged predecessors included) for the phase's period, live. */
export async function liveFigures(db: Db, tenantId: string, phase: PhaseRow, organisationPath: string): Promise<Figures> {
  const date = referenceDate(phase, phase);
  const [nodes, movementIds, forms] = await Promise.all([
    organisationNodes(db, tenantId), movementFamily(db, tenantId, phase.movement_id), awardForms(db, tenantId),
  ]);
  const anchors = countingAnchors(nodes, date);
  const scope: KeyedScope = { key: 'unit', entries: scopeEntries(nodes, (o) => (anchors.get(o.id) ?? o.path).startsWith(organisationPath)) };
  const figures = await figuresFor(db, { tenantId, movementIds, period: periodOf(phase, phase) }, [scope]);
  return sortAwards(figures.get('unit')!, forms.order);
}

/** The figures a report shows: frozen as submitted, live while it is being written. */
export async function reportFigures(db: Db, actor: Actor, ctx: ReportContext, report: ReportRow | undefined): Promise<{ figures: Figures; frozen: boolean }> {
  if (report?.status === 'submitted' && report.figures) return { figures: report.figures as Figures, frozen: true };
  return { figures: await liveFigures(db, actor.tenantId, ctx.phase, ctx.organisation.path), frozen: false };
}

function assertStep(actor: Actor, ctx: ReportContext, status: ReportStatus, action: ReportAction) {
  const t = assertTransition(TRANSITIONS, status, action, { code: action === 'edit' ? 'report.read_only' : 'report.transition', params: { status, action } });
  assertCan(actor, t.permission, pathFor(ctx, t.where));
}

async function audit(trx: Db, cmd: CommandContext, ctx: ReportContext, reportId: string, action: string, changes: Record<string, unknown>) {
  await recordAudit(trx, {
    tenantId: cmd.actor.tenantId, actorUserId: cmd.actor.userId, action: `report.${action}`, entityType: 'unit_report', entityId: reportId,
    organisationPath: ctx.organisation.path, changes: { phaseId: ctx.phase.id, organisationId: ctx.organisation.id, ...changes },
    requestId: cmd.requestId, at: cmd.now,
  });
}

/**
 * Writes the texts of a draft (or returned) report, creating it on first save. `version` is the one the form was
 * filled from (none while the report was not saved yet): a stale one is refused (409 edit.stale), nothing changed.
 */
async function writeSections(cmd: CommandContext, ctx: ReportContext, next: (current: Record<string, string>) => Record<string, string>, action: string,
  version?: number) {
  const { actor } = cmd;
  return cmd.db.transaction().execute(async (trx) => {
    const row = await lockReport(trx, actor.tenantId, ctx.phase.id, ctx.organisation.id);
    assertStep(actor, ctx, row?.status ?? 'draft', 'edit');
    assertCurrentVersion(version, row?.version);
    const sections = cleanSections(next((row?.sections ?? {}) as Record<string, string>));
    const id = row?.id ?? uuidv7(cmd.now.getTime());
    if (row) {
      await trx.updateTable('unit_reports').set({ sections: JSON.stringify(sections), updated_at: cmd.now, version: nextVersion() })
        .where('tenant_id', '=', actor.tenantId).where('id', '=', id).execute();
    } else {
      await trx.insertInto('unit_reports').values({
        tenant_id: actor.tenantId, id, movement_id: ctx.phase.movement_id, phase_id: ctx.phase.id, organisation_id: ctx.organisation.id,
        status: 'draft', sections: JSON.stringify(sections), figures: null, first_submitted_at: null, submitted_at: null, submitted_by: null,
        returned_reason: null, created_by: actor.userId, created_at: cmd.now, updated_at: cmd.now,
      }).execute();
    }
    await audit(trx, cmd, ctx, id, action, { keys: Object.keys(sections) });
    return id;
  });
}

export async function saveSections(cmd: CommandContext, phaseId: string, organisationId: string, sections: Record<string, string>, version?: number) {
  const ctx = await reportContext(cmd.db, cmd.actor, phaseId, organisationId);
  const unknown = unknownKeys(ctx.outline, sections);
  if (unknown.length) throw new AppError('report.unknown_section', 400, { keys: unknown.join(', ') });
  return writeSections(cmd, ctx, () => sections, 'save', version);
}

/** Sends the report up: read-only from now, its figures frozen as they stand, late if past the due day. */
export async function submitReport(cmd: CommandContext, phaseId: string, organisationId: string) {
  const { db, actor } = cmd;
  const ctx = await reportContext(db, actor, phaseId, organisationId);
  const figures = await liveFigures(db, actor.tenantId, ctx.phase, ctx.organisation.path);
  await db.transaction().execute(async (trx) => {
    const row = await lockReport(trx, actor.tenantId, ctx.phase.id, ctx.organisation.id);
    assertStep(actor, ctx, row?.status ?? 'draft', 'submit');
    if (!row || Object.keys(cleanSections(row.sections as Record<string, string>)).length === 0) {
      throw new AppError('report.empty', 422, { organisation: ctx.organisation.name });
    }
    const firstSubmittedAt = row.first_submitted_at ?? cmd.now;
    await trx.updateTable('unit_reports').set({
      status: 'submitted', figures: JSON.stringify(figures), first_submitted_at: firstSubmittedAt, submitted_at: cmd.now,
      submitted_by: actor.userId, updated_at: cmd.now, version: nextVersion(),
    }).where('tenant_id', '=', actor.tenantId).where('id', '=', row.id).execute();
    const event = submissionEvent(row.status);
    const late = isLate(ctx.phase.due_on, cmd.now);
    await trx.insertInto('unit_report_events').values({
      tenant_id: actor.tenantId, id: uuidv7(cmd.now.getTime()), report_id: row.id, event, reason: '', late,
      figures: JSON.stringify(figures), actor_user_id: actor.userId, at: cmd.now,
    }).execute();
    await audit(trx, cmd, ctx, row.id, 'submit', { event, late, status: [row.status, 'submitted'] });
    // whoever compiles at the receiving level: its standing officers, else its own officers; late as first sent
    await notify(trx, await receiversAt(trx, actor.tenantId, ['standing_officer', 'unit_officer'], ctx.parent), {
      tenantId: actor.tenantId, topic: isLate(ctx.phase.due_on, firstSubmittedAt) ? 'report_submitted_late' : 'report_submitted',
      entityType: 'unit_report', entityId: row.id,
      params: { ...reportLink(ctx), unit: ctx.organisation.name, phase: ctx.phase.title }, at: cmd.now,
    });
  });
}

/** What a notification about a report needs to open it (/bao-cao/$phaseId/$organisationId). */
const reportLink = (ctx: ReportContext) => ({ phaseId: ctx.phase.id, organisationId: ctx.organisation.id });

/** The receiving level sends the report back with its reason; the unit may edit and send it again. */
export async function returnReport(cmd: CommandContext, phaseId: string, organisationId: string, reason: string) {
  const { db, actor } = cmd;
  const ctx = await reportContext(db, actor, phaseId, organisationId);
  if (reason.trim() === '') throw new AppError('report.reason_required', 400);
  await db.transaction().execute(async (trx) => {
    const row = await lockReport(trx, actor.tenantId, ctx.phase.id, ctx.organisation.id);
    assertStep(actor, ctx, row?.status ?? 'draft', 'return');
    await trx.updateTable('unit_reports').set({ status: 'returned', figures: null, returned_reason: reason.trim(), updated_at: cmd.now, version: nextVersion() })
      .where('tenant_id', '=', actor.tenantId).where('id', '=', row!.id).execute();
    await trx.insertInto('unit_report_events').values({
      tenant_id: actor.tenantId, id: uuidv7(cmd.now.getTime()), report_id: row!.id, event: 'returned', reason: reason.trim(), late: false,
      figures: null, actor_user_id: actor.userId, at: cmd.now,
    }).execute();
    await audit(trx, cmd, ctx, row!.id, 'return', { reason: reason.trim(), status: ['submitted', 'returned'] });
    // the unit's officers, and whoever sent it
    const officers = await actorsFor(trx, actor.tenantId, 'unit_officer', ctx.organisation.path);
    await notify(trx, row!.submitted_by ? [...officers, row!.submitted_by] : officers, {
      tenantId: actor.tenantId, topic: 'report_returned', entityType: 'unit_report', entityId: row!.id,
      params: { ...reportLink(ctx), phase: ctx.phase.title, reason: reason.trim() }, at: cmd.now,
    });
  });
}

/**
 * A level's own report started from its units' reports: every empty text of its draft gets what the
 * units wrote there, under each unit's name. The level then edits it and sends it up.
 */
export async function startReportFromCompilation(cmd: CommandContext, phaseId: string, organisationId: string) {
  const ctx = await reportContext(cmd.db, cmd.actor, phaseId, organisationId);
  const gathered = await gatheredFor(cmd.db, cmd.actor, ctx);
  // a level that reworded its inherited outline may have fewer points: texts with no place are left out
  const known = new Set(outlineKeys(ctx.outline));
  const usable = Object.fromEntries(Object.entries(gathered).filter(([k]) => known.has(k)));
  return writeSections(cmd, ctx, (current) => startFromCompilation(current, usable), 'start_from_compilation');
}

/** The organisations of the actor's grants that hold one of the permissions (not their whole subtrees). */
function grantOrganisations(actor: Actor, permissions: Permission[], options: { history?: boolean } = {}): string[] {
  const paths = new Set(permissions.flatMap((p) => reachablePaths(actor, p, options)));
  return [...new Set(actor.grants.filter((g) => paths.has(g.path)).map((g) => g.organisationId))];
}

/** Reports sent to my units (on any plan) on phases due since `since`: the home page's "waiting for me". */
export function reportsSentToMe(db: Db, actor: Actor, since: string, limit: number) {
  return reportsSentTo(db, actor.tenantId, grantOrganisations(actor, ['report.review']), since, limit);
}

/** "Reports I owe" (my units' reports to the level above) and "reports I receive" (phases my units issued). */
export async function myReports(db: Db, actor: Actor, phaseId?: string) {
  const [owed, received] = await Promise.all([
    // an abolished unit's officers still see what it owed (sending it is refused by the write checks)
    owedReports(db, actor.tenantId, grantOrganisations(actor, ['report.write', 'report.submit'], { history: true }), phaseId),
    receivedPhases(db, actor.tenantId, grantOrganisations(actor, ['report.read']), phaseId),
  ]);
  return { owed, received };
}
