import type { Permission } from '../../platform/auth/policy.ts';
import type { UnitReportStatus } from '../../platform/db/schema.ts';
import { actionsFrom, findTransition, type Transition as WorkflowTransition } from '../../platform/workflow.ts';
import { deadlineInstant } from '../movements/index.ts';

/**
 * Unit reports as pure rules: the workflow table, the texts keyed by the outline, punctuality, and the
 * compilation's gathering of the units' texts. No I/O.
 */
export type ReportStatus = UnitReportStatus;
export type ReportAction = 'edit' | 'submit' | 'return';
/** where the permission must reach: the reporting unit, or its parent (the receiving level) */
export type Where = 'unit' | 'receiving';

/** The shared row (platform/workflow.ts); a report's rows always say who may act, and where. */
export interface Transition extends WorkflowTransition<ReportStatus, ReportAction> { permission: Permission; where: Where }

/**
 * The one state machine: draft → submitted → returned → submitted … A submitted report is read-only;
 * the receiving level's return (with a reason) reopens it, still marked returned until it goes up again.
 */
export const TRANSITIONS: readonly Transition[] = [
  { action: 'edit', from: ['draft'], to: 'draft', permission: 'report.write', where: 'unit' },
  { action: 'edit', from: ['returned'], to: 'returned', permission: 'report.write', where: 'unit' },
  { action: 'submit', from: ['draft', 'returned'], to: 'submitted', permission: 'report.submit', where: 'unit' },
  { action: 'return', from: ['submitted'], to: 'returned', permission: 'report.review', where: 'receiving' },
];

export function transition(status: ReportStatus, action: ReportAction): Transition | null {
  return findTransition(TRANSITIONS, status, action);
}

export function allowedActions(status: ReportStatus): ReportAction[] {
  return actionsFrom(TRANSITIONS, status);
}

/** The history's name for a submission: the first one, or one after a return. */
export const submissionEvent = (from: ReportStatus) => (from === 'returned' ? 'resubmitted' : 'submitted');

// ---- the outline and the texts ---------------------------------------------------------------

export interface OutlineSection { title: string; points: string[] }

/** "0" is section I's own text, "0.2" its third point: indexes stay stable while the outline does. */
export function outlineKeys(outline: readonly OutlineSection[]): string[] {
  return outline.flatMap((s, i) => [String(i), ...s.points.map((_, j) => `${i}.${j}`)]);
}

/** The keys of `sections` the outline has no place for (an outdated form, a forged request). */
export function unknownKeys(outline: readonly OutlineSection[], sections: Record<string, string>): string[] {
  const known = new Set(outlineKeys(outline));
  return Object.keys(sections).filter((k) => !known.has(k));
}

/** Empty texts are dropped: a key is present only when the unit wrote something there. */
export function cleanSections(sections: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(sections).filter(([, text]) => text.trim() !== ''));
}

/** 'I. Kết quả …' → 'Kết quả …', '1. Ưu điểm' → 'Ưu điểm': the document numbers sections itself. */
export function withoutLabel(title: string): string {
  return title.replace(/^\s*(?:[IVXLC]+|\d+|[a-zđ])[.)]\s+/u, '');
}

// ---- time ------------------------------------------------------------------------------------

/** The date the phase is judged on: who exists, what counts. Its due date, else the movement's end. */
export function referenceDate(phase: { due_on: string | null }, movement: { period_end: string }): string {
  return phase.due_on ?? movement.period_end;
}

/** Figures cover the movement from its start to the report's reference date. */
export function periodOf(phase: { due_on: string | null }, movement: { period_start: string; period_end: string }) {
  return { from: movement.period_start, to: referenceDate(phase, movement) };
}

/** Late when first sent after the end of the due day in Việt Nam; a phase without a due date is never late. */
export function isLate(dueOn: string | null, firstSubmittedAt: Date | null): boolean {
  if (!dueOn || !firstSubmittedAt) return false;
  return firstSubmittedAt.getTime() > deadlineInstant(dueOn).getTime();
}

export type UnitState = 'on_time' | 'late' | 'draft' | 'returned' | 'missing';

/** How a unit stands in its receiving level's compilation. */
export function unitState(report: { status: ReportStatus; first_submitted_at: Date | null } | null, dueOn: string | null): UnitState {
  if (!report) return 'missing';
  if (report.status === 'submitted') return isLate(dueOn, report.first_submitted_at) ? 'late' : 'on_time';
  return report.status;
}

// ---- the compilation -------------------------------------------------------------------------

export interface UnitText { organisationId: string; organisationName: string; text: string }

/** The units' texts gathered per outline key, in the units' order; units that wrote nothing there are left out. */
export function gatherTexts(
  outline: readonly OutlineSection[],
  reports: readonly { organisationId: string; organisationName: string; sections: Record<string, string> }[],
): Record<string, UnitText[]> {
  const gathered: Record<string, UnitText[]> = {};
  for (const key of outlineKeys(outline)) {
    const texts = reports.flatMap((r) => {
      const text = r.sections[key]?.trim();
      return text ? [{ organisationId: r.organisationId, organisationName: r.organisationName, text }] : [];
    });
    if (texts.length) gathered[key] = texts;
  }
  return gathered;
}

/**
 * "Start my report from the compilation": every empty text of the receiving level's draft gets the
 * units' texts, each under its unit's name; what the level already wrote is kept as it is.
 */
export function startFromCompilation(own: Record<string, string>, gathered: Record<string, UnitText[]>): Record<string, string> {
  const next = { ...own };
  for (const [key, texts] of Object.entries(gathered)) {
    if (next[key]?.trim()) continue;
    next[key] = texts.map((t) => `${t.organisationName}:\n${t.text}`).join('\n\n');
  }
  return next;
}
