import type { Permission } from './auth/policy.ts';
import type { MessageKey } from './i18n/messages.ts';
import { AppError } from './errors.ts';

/**
 * One row of a workflow table — every state machine in the code base (nomination batches and
 * candidates, movements, unit reports, council meetings, award decisions, cluster score sheets, typical
 * examples) is a list of these, read by its service, its presenter (the UI's buttons) and its tests.
 *
 * - `action`: what the actor does (a route's verb, a button); `from`: the statuses it may start from.
 * - `to`: the status it leads to. Workflows whose actions may leave the status where it is (a vote cast,
 *   a score adjusted) or end the record (a draft deleted) widen `To` to `S | null`, and say so.
 * - `permission`: what the actor must hold (platform/auth/policy.ts); `where`: over which organisation
 *   of the record it must reach (the nominating unit, the receiving level, the deciding authority…), or
 *   in which capacity the actor acts (clusters). A module whose rows always carry them narrows the
 *   fields to required in its own row type.
 * - `guard`: a condition beyond the status, named here and checked by the service (a step back must
 *   give a reason, a public consultation must be over).
 */
export interface Transition<S extends string, A extends string, To extends S | null = S> {
  action: A;
  from: readonly S[];
  to: To;
  permission?: Permission;
  where?: string | readonly string[];
  guard?: string;
}

type AnyTransition = Transition<string, string, string | null>;

/** The row for the action from this status, or null when the table does not allow it. */
export function findTransition<T extends AnyTransition>(table: readonly T[], status: T['from'][number], action: T['action']): T | null {
  return table.find((t) => t.action === action && t.from.includes(status)) ?? null;
}

/** The actions the table allows from a status, in table order, each once. */
export function actionsFrom<T extends AnyTransition>(table: readonly T[], status: T['from'][number]): T['action'][] {
  return [...new Set(table.filter((t) => t.from.includes(status)).map((t) => t.action))];
}

/**
 * Each workflow keeps the error code its users already see: the refusal names it, with its message
 * parameters (by default the action and the status).
 */
export interface Refusal { code: MessageKey; params?: Record<string, string | number> }

/** The row for the action from this status, or the one AppError of a refused step: 409 with the workflow's code. */
export function assertTransition<T extends AnyTransition>(table: readonly T[], status: T['from'][number], action: T['action'], refusal: Refusal): T {
  const t = findTransition(table, status, action);
  if (!t) throw new AppError(refusal.code, 409, refusal.params ?? { action, status });
  return t;
}
