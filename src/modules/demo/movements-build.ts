// Shapes and small builders for the demo movements: the five seed plans entered by hand as structured
// plans (see movements.ts). Every id comes from the caller's newId, so the result is deterministic.
import { planSchema, type Award, type ParticipantKind, type Plan, type PlanInput, type Quota, type Rule } from '../movements/index.ts';
import { phaseInput, type PhaseInput, type PhaseKind } from '../movements/index.ts';
import type { MovementKind, MovementStatus } from '../movements/index.ts';
import { item } from './random.ts';

export interface DemoPhase extends PhaseInput {
  id: string;
  /** the parent movement's phase this one continues, in a cascade */
  inheritedFrom: string | null;
}

export interface DemoMovement {
  key: string;
  id: string;
  organisationKey: string;
  parentKey: string | null;
  kind: MovementKind;
  status: MovementStatus;
  name: string;
  slogan: string;
  documentNumber: number | null;
  documentSymbol: string;
  place: string;
  issuedOn: string | null;
  periodStart: string;
  periodEnd: string;
  plan: Plan;
  phases: DemoPhase[];
}

export interface DemoRegistration {
  movementKey: string;
  organisationKey: string;
  /** the demo account that registered, if any */
  username: string | null;
  titles: { awardForm: string; collectives?: number; individuals?: number; note?: string }[];
  commitments: string;
  registeredAt: string; // ISO instant
}

export interface MovementContext {
  /** the id of a demo organisation; throws for an unknown key */
  orgId: (key: string) => string;
  personName: (key: string) => string | undefined;
  newId: () => string;
}

type Paragraph = { id: string; inheritedFrom: string | null; text: string };

export interface AwardSpec {
  phase: string;
  awardForm: string;
  recipients: Award['recipients'];
  proposedBy?: string;
  quotas?: Quota[];
  priorities?: string[];
  exclusions?: string[];
  dossier?: string[];
  window?: { opens: string; closes: string } | null;
}

export interface QuotaSpec {
  organisationIds?: string[];
  label?: string;
  collectives?: number | null;
  individuals?: number | null;
  total?: number | null;
}

export type PhaseSpec = Omit<PhaseInput, 'dueFrom'> & { kind: PhaseKind; dueFrom?: string };

/** Builders bound to one id source. */
export function kit(ctx: MovementContext) {
  const { newId } = ctx;
  const para = (text: string): Paragraph => ({ id: newId(), inheritedFrom: null, text });
  const quota = (q: QuotaSpec): Quota => ({
    id: newId(), inheritedFrom: null,
    appliesTo: { organisationIds: q.organisationIds ?? [], label: q.label ?? '' },
    collectives: q.collectives ?? null, individuals: q.individuals ?? null, total: q.total ?? null,
  });
  return {
    para,
    paras: (texts: string[]) => texts.map(para),
    basis: (text: string, movementId: string | null = null) => ({ id: newId(), inheritedFrom: null, text, movementId }),
    participant: (kind: ParticipantKind, scope: string) => ({ id: newId(), inheritedFrom: null, kind, scope }),
    content: (participantKind: ParticipantKind, title: string, text: string, points: string[] = []) =>
      ({ id: newId(), inheritedFrom: null, participantKind, title, text, points: points.map(para) }),
    /** A criterion's lines (heading, then "- …" items) become one text: the schema has no sub-points here. */
    criterion: (awardForm: string, participantKind: ParticipantKind, lines: string[], rule: Rule | null = null) =>
      ({ id: newId(), inheritedFrom: null, awardForm, participantKind, text: lines.join('\n'), rule }),
    quota,
    award: (a: AwardSpec): Award => ({
      id: newId(), inheritedFrom: null, phase: a.phase, awardForm: a.awardForm, recipients: a.recipients,
      proposedBy: a.proposedBy ?? '', quotas: a.quotas ?? [], priorities: (a.priorities ?? []).map(para),
      exclusions: (a.exclusions ?? []).map(para), dossier: (a.dossier ?? []).map(para), window: a.window ?? null,
    }),
    task: (ownerKey: string | null, ownerName: string, text: string, dueOn: string | null = null) =>
      ({ id: newId(), inheritedFrom: null, ownerOrganisationId: ownerKey ? ctx.orgId(ownerKey) : null, ownerName, text, dueOn }),
    phase: (p: PhaseSpec, inheritedFrom: string | null = null): DemoPhase =>
      ({ ...phaseInput.parse(p), id: newId(), inheritedFrom }),
  };
}

/** Every demo plan passes the same validation as a plan sent to the API. */
export function validPlan(plan: PlanInput): Plan {
  return planSchema.parse(plan);
}

/** The child item that continues the parent's item `parentId` (after inheritPlan). */
export function inheritedOf<T extends { inheritedFrom: string | null }>(items: readonly T[], parentId: string): T {
  const found = items.find((i) => i.inheritedFrom === parentId);
  if (!found) throw new Error(`no item inherited from ${parentId}`);
  return found;
}

/** The id of the parent's item at `index` in a list. */
export function idAt(items: readonly { id: string }[], index: number): string {
  return item(items, index).id;
}

/** Phases copied from the parent movement, as cascadeMovement does: same content, fresh ids, linked. */
export function inheritPhases(parent: readonly DemoPhase[], newId: () => string): DemoPhase[] {
  return parent.map((p) => ({ ...structuredClone(p), id: newId(), inheritedFrom: p.id }));
}

/** A document's signature block, e.g. TM. Ủy ban nhân dân / Chủ tịch / name. */
export function signer(
  ctx: MovementContext, personKey: string, title: string, authority: Plan['signer']['authority'] = null, authorityBody = '',
): Plan['signer'] {
  const name = ctx.personName(personKey);
  if (!name) throw new Error(`unknown signer ${personKey}`);
  return { authority, authorityBody, title, name };
}
