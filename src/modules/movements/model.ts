import { actionsFrom, findTransition, type Transition } from '../../platform/workflow.ts';
import { PLAN_LISTS, type Award, type Plan, type PlanList, type Quota } from './plan.ts';

/** Movements as pure rules: the lifecycle, the cascade from a parent, the diff against it, deadlines. */

export const MOVEMENT_KINDS = ['regular', 'multi_year', 'campaign', 'special'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];
export type MovementStatus = 'draft' | 'issued' | 'closed';
export type MovementAction = 'edit' | 'issue' | 'amend' | 'close';

/**
 * The lifecycle as a table: draft → issued → (amended) → closed. An issued plan changes only by a
 * recorded amendment; a closed one not at all. The officer writes (movement.write), the head issues and
 * closes (movement.issue), over the movement's own organisation; the service checks both.
 */
export const TRANSITIONS: readonly Transition<MovementStatus, MovementAction>[] = [
  { action: 'edit', from: ['draft'], to: 'draft', permission: 'movement.write', where: 'issuer' },
  { action: 'issue', from: ['draft'], to: 'issued', permission: 'movement.issue', where: 'issuer' },
  { action: 'amend', from: ['issued'], to: 'issued', permission: 'movement.write', where: 'issuer' },
  { action: 'close', from: ['issued'], to: 'closed', permission: 'movement.issue', where: 'issuer' },
];

export function transition(status: MovementStatus, action: MovementAction): MovementStatus | null {
  return findTransition(TRANSITIONS, status, action)?.to ?? null;
}

export function allowedActions(status: MovementStatus): MovementAction[] {
  return actionsFrom(TRANSITIONS, status);
}

type Item = { id: string; inheritedFrom: string | null };

/** Deep copy of every inheritable item with a fresh id and a link to the parent's item. */
function inheritItem<T extends Item>(item: T, newId: () => string): T {
  const copy = structuredClone(item) as T & Record<string, unknown>;
  copy.id = newId();
  copy.inheritedFrom = item.id;
  for (const [key, value] of Object.entries(copy)) {
    if (Array.isArray(value) && value.every((v) => v && typeof v === 'object' && 'id' in v && 'inheritedFrom' in v)) {
      (copy as Record<string, unknown>)[key] = (value as Item[]).map((v) => inheritItem(v, newId));
    }
  }
  return copy;
}

/**
 * A subordinate's plan starts as its parent's: contents, criteria, award forms with quotas, tasks and
 * phases come along; the parent itself becomes the first legal basis ("Thực hiện Kế hoạch số …").
 */
export function inheritPlan(parent: Plan, parentBasis: { text: string; movementId: string }, newId: () => string): Plan {
  const plan = structuredClone(parent);
  for (const list of PLAN_LISTS) {
    (plan[list] as Item[]) = (parent[list] as Item[]).map((item) => inheritItem(item, newId));
  }
  plan.legalBases = [{ id: newId(), inheritedFrom: null, text: parentBasis.text, movementId: parentBasis.movementId }];
  plan.tasks = [];
  plan.recipients = [];
  plan.signer = { authority: null, authorityBody: '', title: '', name: '' };
  return plan;
}

export type ChangeKind = 'added' | 'changed' | 'removed';
export interface PlanChange { list: PlanList; kind: ChangeKind; id: string; parentId: string | null }

function withoutLineage(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLineage);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'id' && k !== 'inheritedFrom')
      .map(([k, v]) => [k, withoutLineage(v)]));
  }
  return value;
}

/** What a cascaded plan added, changed or dropped against its parent, list by list. */
export function diffAgainstParent(child: Plan, parent: Plan): PlanChange[] {
  const changes: PlanChange[] = [];
  for (const list of PLAN_LISTS) {
    // a cascaded plan cites its own bases and assigns its own tasks: those are never inherited
    if (list === 'legalBases' || list === 'tasks') continue;
    const parentItems = new Map((parent[list] as Item[]).map((i) => [i.id, i]));
    const kept = new Set<string>();
    for (const item of child[list] as Item[]) {
      const origin = item.inheritedFrom ? parentItems.get(item.inheritedFrom) : undefined;
      if (!origin) {
        changes.push({ list, kind: 'added', id: item.id, parentId: null });
        continue;
      }
      kept.add(origin.id);
      if (JSON.stringify(withoutLineage(item)) !== JSON.stringify(withoutLineage(origin))) {
        changes.push({ list, kind: 'changed', id: item.id, parentId: origin.id });
      }
    }
    for (const origin of parentItems.values()) {
      if (!kept.has(origin.id)) changes.push({ list, kind: 'removed', id: origin.id, parentId: origin.id });
    }
  }
  return changes;
}

export interface QuotaViolation { awardId: string; quotaId: string; field: 'collectives' | 'individuals' | 'total'; parent: number; child: number | null }

/** A subordinate may tighten the parent's quotas, never loosen or drop them. */
export function loosenedQuotas(child: Plan, parent: Plan): QuotaViolation[] {
  const parentQuotas = new Map<string, Quota>();
  for (const award of parent.awards) for (const q of award.quotas) parentQuotas.set(q.id, q);
  const violations: QuotaViolation[] = [];
  for (const award of child.awards as Award[]) {
    for (const q of award.quotas) {
      const origin = q.inheritedFrom ? parentQuotas.get(q.inheritedFrom) : undefined;
      if (!origin) continue;
      for (const field of ['collectives', 'individuals', 'total'] as const) {
        const limit = origin[field];
        if (limit !== null && (q[field] === null || q[field]! > limit)) {
          violations.push({ awardId: award.id, quotaId: q.id, field, parent: limit, child: q[field] });
        }
      }
    }
  }
  return violations;
}

/**
 * A deadline is the end of its calendar day in Việt Nam (UTC+7, no daylight saving): a response due
 * on 10/7/2023 is on time until 23:59:59 that day in Hà Nội, whatever the server's zone.
 */
export function deadlineInstant(dueOn: string): Date {
  return new Date(`${dueOn}T23:59:59.999+07:00`);
}

export type ResponseState = 'done' | 'pending' | 'overdue' | 'not_due';

export function responseState(dueOn: string | null, doneAt: Date | null, now: Date): ResponseState {
  if (doneAt) return 'done';
  if (!dueOn) return 'not_due';
  return now.getTime() > deadlineInstant(dueOn).getTime() ? 'overdue' : 'pending';
}

/**
 * A unit's registration (đăng ký thi đua, issue 17.7): the officer saves it (again and again: every save waits for
 * the head anew), the unit's head approves it. Registrations kept before names were asked stand approved.
 */
export type RegistrationStatus = 'awaiting_head' | 'approved';
export type RegistrationAction = 'save' | 'approve';
export const REGISTRATION_TRANSITIONS: readonly Transition<RegistrationStatus, RegistrationAction>[] = [
  { action: 'save', from: ['awaiting_head', 'approved'], to: 'awaiting_head', permission: 'movement.write' },
  // the head who approves the unit's nominations signs its registration too
  { action: 'approve', from: ['awaiting_head'], to: 'approved', permission: 'nomination.approve' },
];
