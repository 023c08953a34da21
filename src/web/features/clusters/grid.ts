import type { Criterion, Sheet, SheetMember } from './types.ts';

/** What the grid and the phone list share: may this actor adjust the member, and a member's points on a row. */
export function mayAdjust(sheet: Sheet, m: SheetMember): boolean {
  const headId = sheet.members.find((x) => x.role === 'head')?.organisationId;
  // the head member does not adjust itself; the follower does
  return sheet.me.actions.includes('adjust') && (sheet.me.capacities.includes('follower') || m.organisationId !== headId);
}

export function scoreOf(sheet: Sheet, organisationId: string, criterion: Criterion) {
  const s = sheet.scores.find((x) => x.organisationId === organisationId && x.criterionId === criterion.id);
  return { self: s?.self ?? null, adjusted: s?.adjusted ?? null, counted: s?.adjusted ?? s?.self ?? null, evidence: s?.evidence ?? '' };
}

/** The heading to print above a row: only where it changes. */
export const headingBefore = (criteria: Criterion[], i: number): string | null =>
  (criteria[i]!.heading && criteria[i]!.heading !== criteria[i - 1]?.heading ? criteria[i]!.heading : null);
