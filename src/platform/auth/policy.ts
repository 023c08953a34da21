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
  | 'award.import'
  | 'catalogue.manage'
  | 'catalogue.tenant'
  | 'nomination.read'
  | 'nomination.write'
  | 'nomination.approve'
  | 'nomination.appraise'
  | 'nomination.review_list'
  | 'council.manage'
  | 'decision.issue'
  | 'statistics.read'
  | 'example.read'
  | 'example.write'
  | 'example.publish'
  | 'report.read'
  | 'report.write'
  | 'report.submit'
  | 'report.review'
  | 'cluster.manage'
  | 'cluster.score'
  | 'holiday.manage';

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
  // the archive of past decisions (archive/history): the standing agency that kept it imports it for its
  // subtree and matches its recipients to people and units afterwards
  'award.import': ['system_admin', 'standing_officer'],
  // a tenant's own settings in the rule catalogue (its share caps); what every tenant reads — base
  // salaries, legal bases, the holiday decisions — only the platform operator writes (assertOperator)
  'catalogue.manage': ['system_admin'],
  // the tenant's own catalogue (its forms, retirements, rule versions: migration 0031): its system
  // administrator or the standing agency, held at the tenant's root (forms-service.ts checks the root)
  'catalogue.tenant': ['system_admin', 'standing_officer'],
  // nominations: the unit's officer prepares, its head approves and submits; the receiving level's
  // standing agency appraises, forwards and runs the council's meetings; the authority's head (or the
  // standing agency recording the signed paper) issues the decision
  'nomination.read': ['system_admin', 'standing_officer', 'unit_officer', 'unit_head', 'council_member'],
  'nomination.write': ['system_admin', 'standing_officer', 'unit_officer'],
  'nomination.approve': ['system_admin', 'unit_head'],
  'nomination.appraise': ['system_admin', 'standing_officer'],
  // the head who leads the standing agency's work at the receiving level reviews the appraised list before it goes to
  // the council or the decision (trưởng ban duyệt danh sách, issue 17.6). The roles have no separate head of the
  // standing agency: the level's head (unit_head) holds it, over its subtree like every grant; its specialists do not.
  'nomination.review_list': ['system_admin', 'unit_head'],
  'council.manage': ['system_admin', 'standing_officer'],
  'decision.issue': ['system_admin', 'standing_officer', 'unit_head'],
  // figures over a subtree (the statutory statistical forms, statistics): whoever reads its records
  'statistics.read': ['system_admin', 'standing_officer', 'unit_officer', 'unit_head', 'council_member'],
  // typical examples and good deeds: officers record and follow them through the four steps; what goes
  // on the public honour board is the standing agency's or the unit head's call
  'example.read': ['system_admin', 'standing_officer', 'unit_officer', 'unit_head', 'council_member'],
  'example.write': ['system_admin', 'standing_officer', 'unit_officer', 'unit_head'],
  'example.publish': ['system_admin', 'standing_officer', 'unit_head'],
  // unit reports on a phase's outline: read like movements; the unit's officer writes (the standing
  // agency too, for its own level's compiled report); the report goes up signed by the head, and the
  // officer who files the signed paper may send it as well, so both submit (a head has no time to type
  // it in, and a report, unlike a nomination, decides nothing); the receiving level's officers and head
  // return it for rework
  'report.read': ['system_admin', 'standing_officer', 'unit_officer', 'unit_head', 'council_member'],
  'report.write': ['system_admin', 'standing_officer', 'unit_officer'],
  'report.submit': ['system_admin', 'unit_officer', 'unit_head'],
  'report.review': ['system_admin', 'standing_officer', 'unit_officer', 'unit_head'],
  // clusters and blocks: the organiser's standing agency sets up the score sheet, runs it and proposes;
  // a member's officer or head scores it (held at the member itself, checked with holdsAt), and at the
  // head member also adjusts others' points
  'cluster.manage': ['system_admin', 'standing_officer'],
  'cluster.score': ['unit_officer', 'unit_head'],
  // the tenant's own days off and worked days (a province's decision on nghỉ bù)
  'holiday.manage': ['system_admin'],
};

export interface Grant {
  id: string; role: Role; organisationId: string; organisationName: string; path: string;
  /**
   * The organisation was abolished before today (valid_to passed). Such a grant keeps reading (the unit's
   * history stays the unit's) but no longer writes anywhere (issue 15.4): the unit no longer acts, and its
   * officers act for the successor only once an administrator grants them a role there. Following the
   * successor automatically was not chosen: a district split among several communes has no one successor.
   */
  ended?: boolean;
}

/** Permissions that only read: a grant at an abolished unit keeps them. */
const isReadOnly = (permission: Permission) => permission.endsWith('.read');
const grantActs = (g: Grant, permission: Permission) => !g.ended || isReadOnly(permission);

export interface Actor {
  userId: string;
  tenantId: string;
  username: string;
  displayName: string;
  personId: string | null;
  grants: Grant[];
  /**
   * The platform operator keeps the reference rows every tenant reads (base salaries, legal bases, the
   * shared holiday decisions). Held by an account of the 'platform' tenant, made by `npm run setup --
   * --operator`; no tenant's administrator can grant it.
   */
  platformOperator?: boolean;
}

/** Writes to rows every tenant reads: the platform operator only (a tenant's administrator gets 403). */
export function assertOperator(actor: Actor): void {
  if (!actor.platformOperator) throw new AppError('forbidden', 403);
}

/** The subtree roots (path prefixes) where the actor holds the permission, without nested duplicates. */
/**
 * The subtrees where the actor holds the permission. `history` counts grants at an abolished unit too, for
 * listing what such a unit owed or did (acting on it stays refused by assertCan).
 */
export function reachablePaths(actor: Actor, permission: Permission, options: { history?: boolean } = {}): string[] {
  const roles = GRANTED_TO[permission];
  const paths = actor.grants.filter((g) => roles.includes(g.role) && (options.history || grantActs(g, permission)))
    .map((g) => g.path).sort();
  return paths.filter((p, i) => !paths.slice(0, i).some((outer) => p.startsWith(outer)));
}

export function canReach(actor: Actor, permission: Permission, path: string): boolean {
  return reachablePaths(actor, permission).some((prefix) => path.startsWith(prefix));
}

export function hasPermissionSomewhere(actor: Actor, permission: Permission): boolean {
  return reachablePaths(actor, permission).length > 0;
}

/**
 * True when the actor holds the permission at exactly this organisation (not through an ancestor): a
 * cluster member acts through its own officers, not those of the province above every member.
 */
export function holdsAt(actor: Actor, permission: Permission, organisationId: string): boolean {
  const roles = GRANTED_TO[permission];
  return actor.grants.some((g) => g.organisationId === organisationId && roles.includes(g.role) && grantActs(g, permission));
}

/**
 * As holdsAt, counting grants at an abolished unit too: for reading what the unit took part in (a
 * district's 2024 cluster stays visible to its officers; scoring it is holdsAt's, and refused).
 */
export function heldAtOnce(actor: Actor, permission: Permission, organisationId: string): boolean {
  const roles = GRANTED_TO[permission];
  return actor.grants.some((g) => g.organisationId === organisationId && roles.includes(g.role));
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
