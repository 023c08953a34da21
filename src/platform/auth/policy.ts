import type { Role } from '../db/schema.ts';
import { AppError } from '../errors.ts';

/**
 * The one permission layer. Every role is held at an organisation and reaches that organisation's
 * subtree only (materialized path prefix). Routes and list queries both ask this file.
 */
export type Permission =
  | 'organisation.read'
  | 'organisation.write'
  | 'person.read'
  | 'person.write'
  | 'user.manage'
  | 'audit.read'
  | 'movement.read'
  | 'movement.write'
  | 'movement.issue'
  | 'record.read'
  | 'record.write'
  | 'award.revoke'
  | 'catalogue.manage'
  | 'nomination.read'
  | 'nomination.write'
  | 'nomination.approve'
  | 'nomination.appraise'
  | 'council.manage'
  | 'decision.issue'
  | 'statistics.read';

export const ROLES: readonly Role[] = [
  'system_admin', 'standing_officer', 'unit_officer', 'unit_head', 'council_member', 'individual',
];

const GRANTED_TO: Record<Permission, readonly Role[]> = {
  'organisation.read': ['system_admin', 'standing_officer', 'unit_officer', 'unit_head', 'council_member'],
  'organisation.write': ['system_admin', 'standing_officer'],
  'person.read': ['system_admin', 'standing_officer', 'unit_officer', 'unit_head', 'council_member'],
  'person.write': ['system_admin', 'standing_officer', 'unit_officer'],
  'user.manage': ['system_admin'],
  'audit.read': ['system_admin', 'standing_officer'],
  'movement.read': ['system_admin', 'standing_officer', 'unit_officer', 'unit_head', 'council_member'],
  // officers draft, cascade, register and amend; the unit head (or an officer recording a signed plan) issues
  'movement.write': ['system_admin', 'standing_officer', 'unit_officer'],
  'movement.issue': ['system_admin', 'standing_officer', 'unit_officer', 'unit_head'],
  // ratings, titles, awards, initiatives, discipline: read like people, kept by the officers who keep people
  'record.read': ['system_admin', 'standing_officer', 'unit_officer', 'unit_head', 'council_member'],
  'record.write': ['system_admin', 'standing_officer', 'unit_officer'],
  // annulling an award by a later decision: the standing agency, or the head who signs for the unit
  'award.revoke': ['system_admin', 'standing_officer', 'unit_head'],
  // the rule catalogue, money coefficients and base salary are the same for every tenant
  'catalogue.manage': ['system_admin'],
  // nominations: the unit's officer prepares, its head approves and submits; the receiving level's
  // standing agency appraises, forwards and runs the council's meetings; the authority's head (or the
  // standing agency recording the signed paper) issues the decision
  'nomination.read': ['system_admin', 'standing_officer', 'unit_officer', 'unit_head', 'council_member'],
  'nomination.write': ['system_admin', 'standing_officer', 'unit_officer'],
  'nomination.approve': ['system_admin', 'unit_head'],
  'nomination.appraise': ['system_admin', 'standing_officer'],
  'council.manage': ['system_admin', 'standing_officer'],
  'decision.issue': ['system_admin', 'standing_officer', 'unit_head'],
  // counts of awards over a subtree and period (issue 6): whoever reads the records of that subtree
  'statistics.read': ['system_admin', 'standing_officer', 'unit_head', 'unit_officer', 'council_member'],
};

export interface Grant { id: string; role: Role; organisationId: string; organisationName: string; path: string }

export interface Actor {
  userId: string;
  tenantId: string;
  username: string;
  displayName: string;
  personId: string | null;
  grants: Grant[];
}

/** The subtree roots (path prefixes) where the actor holds the permission, without nested duplicates. */
export function reachablePaths(actor: Actor, permission: Permission): string[] {
  const roles = GRANTED_TO[permission];
  const paths = actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.path).sort();
  return paths.filter((p, i) => !paths.slice(0, i).some((outer) => p.startsWith(outer)));
}

export function canReach(actor: Actor, permission: Permission, path: string): boolean {
  return reachablePaths(actor, permission).some((prefix) => path.startsWith(prefix));
}

export function hasPermissionSomewhere(actor: Actor, permission: Permission): boolean {
  return reachablePaths(actor, permission).length > 0;
}

export function assertCan(actor: Actor, permission: Permission, path: string): void {
  if (!canReach(actor, permission, path)) throw new AppError('forbidden', 403);
}

/**
 * A plan issued higher up the tree is read by the organisations below it: they implement it. True
 * when the organisation at `path` is an ancestor of (or is) one where the actor holds the permission.
 */
export function isAbove(actor: Actor, permission: Permission, path: string): boolean {
  return reachablePaths(actor, permission).some((prefix) => prefix.startsWith(path));
}
