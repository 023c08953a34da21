import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/auth/policy.ts';
import { canReach } from '../../platform/auth/policy.ts';
import { todayInVietnam } from '../../platform/vn/dates.ts';
import { deadlineInstant } from '../movements/index.ts';
import { findOrganisation } from '../organisations/index.ts';
import { isLate, transition } from './model.ts';
import { figuresSchema, type Figures } from './figures.ts';
import { awardForms } from './figures-store.ts';
import { can, reportContext, type ReportContext } from './access.ts';
import { reportFigures } from './service.ts';
import { compile, type Compilation } from './compilation.ts';
import { cascadedPhase, eventsOf, expectedUnits, findReport, type PhaseRow } from './store.ts';
import { compiledReportDocument, unitReportDocument } from './document.ts';
import { calendarDate } from '../../platform/http/dates.ts';

/** What leaves the server about reports: the schemas (OpenAPI) and the presenters that fill them. */
const ref = z.object({ id: z.uuid(), name: z.string() });
const isoDate = calendarDate;
const status = z.enum(['draft', 'submitted', 'returned']);
export const unitStateSchema = z.enum(['on_time', 'late', 'draft', 'returned', 'missing']);
const phaseSchema = z.object({
  id: z.uuid(), title: z.string(), dueOn: isoDate.nullable(), deadline: z.string().nullable(),
  outline: z.array(z.object({ title: z.string(), points: z.array(z.string()) })),
});
const movementSchema = z.object({ id: z.uuid(), name: z.string() });

export const reportViewSchema = z.object({
  phase: phaseSchema, movement: movementSchema, organisation: ref, receiving: ref,
  /** false: nothing saved yet (the form starts empty) */
  exists: z.boolean(),
  /** send back with the texts (optimistic concurrency); null until the first save */
  version: z.number().int().nullable(),
  status,
  sections: z.record(z.string(), z.string()),
  late: z.boolean(), firstSubmittedAt: z.string().nullable(), submittedAt: z.string().nullable(), returnedReason: z.string().nullable(),
  figures: figuresSchema, figuresFrozen: z.boolean(),
  awardFormNames: z.record(z.string(), z.string()),
  history: z.array(z.object({ event: z.enum(['submitted', 'returned', 'resubmitted']), reason: z.string(), late: z.boolean(), at: z.string(), actorName: z.string().nullable() })),
  can: z.object({ edit: z.boolean(), submit: z.boolean(), return: z.boolean() }),
  /** where this unit's own units report to it, if it has any */
  compilation: z.object({ phaseId: z.uuid(), units: z.number().int() }).nullable(),
});

export const compilationSchema = z.object({
  phase: phaseSchema, movement: movementSchema, organisation: ref,
  ownReport: z.object({ phaseId: z.uuid(), status: z.enum(['draft', 'submitted', 'returned', 'missing']), canStart: z.boolean() }).nullable(),
  units: z.array(z.object({
    organisation: ref, state: unitStateSchema, submittedAt: z.string().nullable(), returnedReason: z.string().nullable(), figures: figuresSchema,
  })),
  missing: z.array(ref),
  total: figuresSchema, own: figuresSchema,
  gathered: z.record(z.string(), z.array(z.object({ organisation: ref, text: z.string() }))),
  awardFormNames: z.record(z.string(), z.string()),
});

const phaseOut = (phase: PhaseRow, outline: z.infer<typeof phaseSchema>['outline']) => ({
  id: phase.id, title: phase.title, dueOn: phase.due_on, deadline: phase.due_on ? deadlineInstant(phase.due_on).toISOString() : null, outline,
});
const namesFor = (names: ReadonlyMap<string, string>, all: Figures[]) =>
  Object.fromEntries([...new Set(all.flatMap((f) => f.awards.map((a) => a.awardForm)))].map((c) => [c, names.get(c) ?? c]));

export async function presentReport(db: Kysely<Database>, actor: Actor, phaseId: string, organisationId: string): Promise<z.infer<typeof reportViewSchema>> {
  const ctx = await reportContext(db, actor, phaseId, organisationId);
  const report = await findReport(db, actor.tenantId, ctx.phase.id, ctx.organisation.id);
  const current = report?.status ?? 'draft';
  const [{ figures, frozen }, history, forms, compilationPhase] = await Promise.all([
    reportFigures(db, actor, ctx, report),
    report ? eventsOf(db, actor.tenantId, report.id) : Promise.resolve([]),
    awardForms(db, actor.tenantId),
    cascadedPhase(db, actor.tenantId, ctx.phase.id, ctx.organisation.id),
  ]);
  const gatherOn = compilationPhase ?? ctx.phase.id;
  const units = await expectedUnits(db, actor.tenantId, gatherOn, ctx.organisation.id, ctx.date);
  return {
    phase: phaseOut(ctx.phase, ctx.outline), movement: { id: ctx.phase.movement_id, name: ctx.phase.movement_name },
    organisation: { id: ctx.organisation.id, name: ctx.organisation.name }, receiving: { id: ctx.parent.id, name: ctx.parent.name },
    exists: Boolean(report), version: report?.version ?? null, status: current, sections: (report?.sections ?? {}) as Record<string, string>,
    late: isLate(ctx.phase.due_on, report?.first_submitted_at ?? null),
    firstSubmittedAt: report?.first_submitted_at?.toISOString() ?? null, submittedAt: report?.submitted_at?.toISOString() ?? null,
    returnedReason: report?.returned_reason ?? null,
    figures, figuresFrozen: frozen, awardFormNames: namesFor(forms.names, [figures]),
    history: history.map((e) => ({ event: e.event, reason: e.reason, late: e.late, at: e.at.toISOString(), actorName: e.actor_name })),
    can: { edit: can(actor, ctx, current, 'edit'), submit: can(actor, ctx, current, 'submit'), return: can(actor, ctx, current, 'return') },
    compilation: units.length ? { phaseId: gatherOn, units: units.length } : null,
  };
}

/** X's own report on the phase above, and whether the actor may start it from this compilation. */
async function ownReportOf(db: Kysely<Database>, actor: Actor, c: Compilation) {
  const phaseId = c.target.ownPhaseId;
  if (!phaseId) return null;
  const own = await findReport(db, actor.tenantId, phaseId, c.target.organisation.id);
  const state = own?.status ?? 'draft';
  return {
    phaseId, status: own?.status ?? 'missing' as const,
    canStart: transition(state, 'edit') !== null && canReach(actor, 'report.write', c.target.organisation.path),
  };
}

export async function presentCompilation(db: Kysely<Database>, actor: Actor, phaseId: string, organisationId: string): Promise<z.infer<typeof compilationSchema>> {
  const c = await compile(db, actor, phaseId, organisationId);
  const { target } = c;
  return {
    phase: phaseOut(target.phase, target.outline), movement: { id: target.phase.movement_id, name: target.phase.movement_name },
    organisation: { id: target.organisation.id, name: target.organisation.name },
    ownReport: await ownReportOf(db, actor, c),
    units: c.units.map((u) => ({
      organisation: { id: u.id, name: u.name }, state: u.state, submittedAt: u.submittedAt?.toISOString() ?? null,
      returnedReason: u.state === 'returned' ? u.returnedReason : null, figures: c.unitFigures.get(u.id)!,
    })),
    missing: c.units.filter((u) => u.state === 'missing').map((u) => ({ id: u.id, name: u.name })),
    total: c.total, own: c.own,
    gathered: Object.fromEntries(Object.entries(c.gathered).map(([k, texts]) =>
      [k, texts.map((t) => ({ organisation: { id: t.organisationId, name: t.organisationName }, text: t.text }))])),
    awardFormNames: namesFor(c.awardFormNames, [c.total, ...c.unitFigures.values()]),
  };
}

async function headerOf(db: Kysely<Database>, actor: Actor, ctx: Pick<ReportContext, 'organisation' | 'phase'>) {
  const parent = ctx.organisation.parent_id ? await findOrganisation(db, actor.tenantId, ctx.organisation.parent_id) : undefined;
  return {
    organisation: { name: ctx.organisation.name },
    parent: parent ? { name: parent.name, shortName: parent.short_name } : null,
    movement: { name: ctx.phase.movement_name, kind: ctx.phase.movement_kind, place: ctx.phase.place },
  };
}

export async function reportDocument(db: Kysely<Database>, actor: Actor, phaseId: string, organisationId: string) {
  const ctx = await reportContext(db, actor, phaseId, organisationId);
  const report = await findReport(db, actor.tenantId, ctx.phase.id, ctx.organisation.id);
  const [{ figures }, forms, header] = await Promise.all([reportFigures(db, actor, ctx, report), awardForms(db, actor.tenantId), headerOf(db, actor, ctx)]);
  return unitReportDocument({
    ...header, date: report?.submitted_at && report.status === 'submitted' ? todayInVietnam(report.submitted_at) : null,
    awardFormNames: forms.names, outline: ctx.outline, sections: (report?.sections ?? {}) as Record<string, string>, figures,
    receiving: ctx.parent.name,
  });
}

export async function compilationDocument(db: Kysely<Database>, actor: Actor, phaseId: string, organisationId: string) {
  const c = await compile(db, actor, phaseId, organisationId);
  const header = await headerOf(db, actor, { organisation: c.target.organisation, phase: c.target.phase });
  // the compiled report goes where the level's own report goes: to its parent, when it reports on a phase above
  const above = c.target.ownPhaseId ? c.target.organisation.parent_id : null;
  const receiving = above ? (await findOrganisation(db, actor.tenantId, above))?.name ?? null : null;
  return compiledReportDocument({
    ...header, date: null, awardFormNames: c.awardFormNames, outline: c.target.outline, own: c.own, total: c.total, gathered: c.gathered,
    units: c.units.map((u) => ({ name: u.name, state: u.state, submittedOn: u.submittedAt ? todayInVietnam(u.submittedAt) : null, figures: c.unitFigures.get(u.id)! })),
    receiving,
  });
}
