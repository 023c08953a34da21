import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { canReach, heldAtOnce, type Actor } from '../../platform/auth/policy.ts';
import { allowedActions, tieAcross, TIE_LEVELS, type Standing } from './model.ts';
import { adjustmentsOf, followersOfMany, listMine, membersOfMany } from './store.ts';
import { activeContentOf } from '../../platform/storage/pdf-active.ts';
import { num, sheetData, standingsOf, type SheetAccess } from './service.ts';

type Db = Kysely<Database>;

/** What leaves the server of a sheet: the grid, the ranking, the history, and what the actor may do. */

const points = (hundredths: number) => hundredths / 100;

function presentStanding(s: Standing, i: number, flagCount: number, bangKhenCount: number) {
  return {
    organisationId: s.organisationId, name: s.name, rank: s.rank, tied: s.tied, separatedBy: s.separatedBy,
    criteria: points(s.criteria), bonus: points(s.bonus), penalty: points(s.penalty), total: points(s.total), fullMarks: s.fullMarks,
    // where the member falls against the numbers to propose (the proposal itself refuses a tie across a cut)
    proposedFor: i < flagCount ? 'flag' as const : i < flagCount + bangKhenCount ? 'bang_khen' as const : null,
  };
}

export async function sheetDetail(db: Db, actor: Actor, access: SheetAccess, today: string) {
  const { sheet, members } = access;
  const [data, adjustments] = await Promise.all([sheetData(db, actor.tenantId, sheet.id), adjustmentsOf(db, actor.tenantId, sheet.id)]);
  const standings = standingsOf(members, data);
  const straddling = [sheet.flag_count, sheet.flag_count + sheet.bang_khen_count].flatMap((n) => tieAcross(standings, n));
  const cutoffTie = [...new Set(straddling.map((s) => s.name))];
  return {
    id: sheet.id, title: sheet.title, year: sheet.year, status: sheet.status, flagCount: sheet.flag_count, bangKhenCount: sheet.bang_khen_count,
    version: sheet.version,
    flagBatchId: sheet.flag_batch_id, bangKhenBatchId: sheet.bang_khen_batch_id,
    cluster: { id: sheet.cluster_id, name: sheet.cluster_name, kind: sheet.cluster_kind },
    organiser: { id: sheet.organiser_id, name: sheet.organiser_name },
    follower: access.follower ? { personId: access.follower.person_id, name: access.follower.full_name } : null,
    members: members.map((m) => {
      const entry = data.entries.find((e) => e.organisation_id === m.organisation_id);
      return {
        organisationId: m.organisation_id, name: m.name, role: m.role, ended: m.valid_to !== null && m.valid_to < today,
        submittedAt: entry?.submitted_at?.toISOString() ?? null, votePlace: entry?.vote_place ?? null, voteNote: entry?.vote_note ?? '',
        version: entry?.version ?? null,
      };
    }),
    criteria: data.criteria.map((c) => ({
      id: c.id, kind: c.kind, heading: c.heading, title: c.title, maxPoints: Number(c.max_points), position: c.position,
    })),
    scores: data.scores.map((s) => ({
      organisationId: s.organisation_id, criterionId: s.criterion_id, self: num(s.self_points), adjusted: num(s.adjusted_points),
      evidence: s.evidence, evidenceLink: s.evidence_link,
    })),
    evidenceFiles: data.evidenceFiles.map((f) => ({
      id: f.id, organisationId: f.organisation_id, criterionId: f.criterion_id, name: f.original_name, size: Number(f.size),
      uploadedAt: f.uploaded_at.toISOString(), activeContent: activeContentOf(f.active_content),
    })),
    // a member in a tie across a cut is not shown as proposed for either side of it until the cluster votes
    ranking: standings.map((s, i) => ({
      ...presentStanding(s, i, sheet.flag_count, sheet.bang_khen_count),
      ...(straddling.some((x) => x.organisationId === s.organisationId) && { proposedFor: null }),
    })),
    cutoffTie,
    tieRule: [...TIE_LEVELS],
    adjustments: adjustments.map((a) => ({
      id: a.id, organisationId: a.organisation_id, criterionId: a.criterion_id, from: num(a.from_points), to: Number(a.to_points),
      reason: a.reason, by: a.actor_name, capacity: a.actor_capacity, at: a.at.toISOString(),
    })),
    me: {
      capacities: [...access.capacities], actions: allowedActions(sheet.status, access.capacities), scorable: [...access.scorable],
    },
  };
}

/** The clusters and blocks of a year the actor organises, belongs to or follows, with its part in each. */
export async function myClusters(db: Db, actor: Actor, year: number, managePrefixes: string[]) {
  const memberOrgIds = [...new Set(actor.grants.map((g) => g.organisationId))].filter((id) => heldAtOnce(actor, 'cluster.score', id));
  const rows = await listMine(db, actor.tenantId, { year, managePrefixes, memberOrgIds, personId: actor.personId });
  const ids = rows.map((r) => r.id);
  const [members, followers] = await Promise.all([membersOfMany(db, actor.tenantId, ids, year), followersOfMany(db, actor.tenantId, ids, year)]);
  return rows.map((r) => {
    const own = members.filter((m) => m.cluster_id === r.id);
    const follower = followers.find((f) => f.cluster_id === r.id);
    const parts: ('organiser' | 'head' | 'member' | 'follower')[] = [];
    if (canReach(actor, 'cluster.manage', r.organiser_path)) parts.push('organiser');
    const mine = own.filter((m) => memberOrgIds.includes(m.organisation_id));
    if (mine.some((m) => m.role === 'head')) parts.push('head');
    if (mine.length) parts.push('member');
    if (follower && follower.person_id === actor.personId) parts.push('follower');
    return {
      id: r.id, name: r.name, kind: r.kind, year, organiser: { id: r.organiser_id, name: r.organiser_name }, parts,
      members: own.map((m) => ({ organisationId: m.organisation_id, name: m.name, role: m.role })),
      follower: follower ? { personId: follower.person_id, name: follower.full_name } : null,
      sheet: r.sheet_id ? { id: r.sheet_id, status: r.sheet_status!, title: r.sheet_title! } : null,
    };
  });
}
