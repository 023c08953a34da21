import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { pathUnder, validOn } from '../organisations/index.ts';

type Db = Kysely<Database>;

function meetingQuery(db: Db, tenantId: string) {
  return db.selectFrom('council_meetings as m')
    .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'm.tenant_id').onRef('o.id', '=', 'm.organisation_id'))
    .innerJoin('councils as c', (j) => j.onRef('c.tenant_id', '=', 'm.tenant_id').onRef('c.id', '=', 'm.council_id'))
    .selectAll('m')
    .select(['o.name as organisation_name', 'o.path as organisation_path', 'c.name as council_name'])
    .where('m.tenant_id', '=', tenantId);
}
export type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

export async function findMeeting(db: Db, tenantId: string, id: string) {
  return meetingQuery(db, tenantId).where('m.id', '=', id).executeTakeFirst();
}

/** Serialises the meeting's state changes: a ballot (FOR SHARE) cannot slip past the close (FOR UPDATE). */
export async function lockMeeting(db: Db, tenantId: string, id: string, mode: 'share' | 'update') {
  const q = db.selectFrom('council_meetings').select(['status', 'ballot_salt', 'version']).where('tenant_id', '=', tenantId).where('id', '=', id);
  return (mode === 'share' ? q.forShare() : q.forUpdate()).executeTakeFirstOrThrow();
}

export async function listMeetings(db: Db, tenantId: string, prefixes: string[], filter: { organisationId?: string | undefined; status?: string | undefined }) {
  if (prefixes.length === 0) return [];
  let q = meetingQuery(db, tenantId).where(pathUnder('o.path', prefixes))
    .select((eb) => eb.selectFrom('council_agenda_items as i').select(eb.fn.countAll<number>().as('n'))
      .whereRef('i.tenant_id', '=', 'm.tenant_id').whereRef('i.meeting_id', '=', 'm.id').as('item_count'));
  if (filter.organisationId) q = q.where('m.organisation_id', '=', filter.organisationId);
  if (filter.status) q = q.where('m.status', '=', filter.status as MeetingRow['status']);
  return q.orderBy('m.meeting_date', 'desc').orderBy('m.id', 'desc').limit(200).execute();
}

/** The columns a candidate shows on an agenda: who, which unit nominated them, for which form, flags. */
function candidateColumns(db: Db) {
  return db.selectFrom('nomination_candidates as c')
    .innerJoin('nomination_batches as b', (j) => j.onRef('b.tenant_id', '=', 'c.tenant_id').onRef('b.id', '=', 'c.batch_id'))
    .innerJoin('organisations as u', (j) => j.onRef('u.tenant_id', '=', 'b.tenant_id').onRef('u.id', '=', 'b.organisation_id'))
    .innerJoin('award_forms as f', 'f.code', 'b.award_form')
    .select(['c.id as candidate_id', 'c.batch_id', 'c.person_id', 'c.organisation_id', 'c.household_id', 'c.name', 'c.position',
      'c.unit_name', 'c.is_leader', 'c.eligibility', 'c.status as candidate_status', 'c.sort_key', 'b.award_form', 'b.kind',
      'b.title as batch_title', 'b.list_reviewed_at', 'f.name as award_form_name', 'f.sort_order', 'u.name as nominating_unit']);
}

/**
 * The compiled list: every accepted candidate of the batches the organisation received and accepted,
 * from all its units, grouped by award form — less those already on the agenda of a meeting not yet
 * closed (a candidate deferred at a closed meeting is accepted still, and comes back).
 */
export async function compiledList(db: Db, tenantId: string, organisationId: string) {
  return candidateColumns(db)
    .where('c.tenant_id', '=', tenantId).where('b.receiving_organisation_id', '=', organisationId)
    .where('b.status', '=', 'accepted').where('c.status', '=', 'accepted')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('council_agenda_items as i')
      .innerJoin('council_meetings as m', (j) => j.onRef('m.tenant_id', '=', 'i.tenant_id').onRef('m.id', '=', 'i.meeting_id'))
      .select('i.id').whereRef('i.tenant_id', '=', 'c.tenant_id').whereRef('i.candidate_id', '=', 'c.id').where('m.status', '!=', 'closed'))))
    .orderBy('f.sort_order').orderBy('b.award_form').orderBy('c.sort_key').orderBy('c.id').execute();
}

export async function agendaOf(db: Db, tenantId: string, meetingId: string) {
  return candidateColumns(db)
    .innerJoin('council_agenda_items as i', (j) => j.onRef('i.tenant_id', '=', 'c.tenant_id').onRef('i.candidate_id', '=', 'c.id'))
    .select(['i.id', 'i.secret_ballot', 'i.threshold_percent', 'i.threshold_of', 'i.yes_count', 'i.no_count', 'i.abstain_count', 'i.outcome'])
    .where('i.tenant_id', '=', tenantId).where('i.meeting_id', '=', meetingId)
    .orderBy('f.sort_order').orderBy('b.award_form').orderBy('c.sort_key').orderBy('c.id').execute();
}
export type AgendaRow = Awaited<ReturnType<typeof agendaOf>>[number];

export async function attendanceOf(db: Db, tenantId: string, meetingId: string) {
  return db.selectFrom('council_attendance as a')
    .innerJoin('people as p', (j) => j.onRef('p.tenant_id', '=', 'a.tenant_id').onRef('p.id', '=', 'a.person_id'))
    .select(['a.person_id', 'a.role', 'a.present', 'p.full_name'])
    .where('a.tenant_id', '=', tenantId).where('a.meeting_id', '=', meetingId)
    .orderBy(sql`array_position(array['chair','vice_chair','standing_member','member','secretary'], a.role)`).orderBy('p.sort_key').execute();
}

export async function recusalsOf(db: Db, tenantId: string, meetingId: string) {
  return db.selectFrom('council_recusals as r')
    .innerJoin('council_agenda_items as i', (j) => j.onRef('i.tenant_id', '=', 'r.tenant_id').onRef('i.id', '=', 'r.item_id'))
    .innerJoin('people as p', (j) => j.onRef('p.tenant_id', '=', 'r.tenant_id').onRef('p.id', '=', 'r.person_id'))
    .select(['r.item_id', 'r.person_id', 'r.reason', 'r.detail', 'p.full_name'])
    .where('r.tenant_id', '=', tenantId).where('i.meeting_id', '=', meetingId).execute();
}

/**
 * How many ballots each item has received: sealed papers in the box while voting is open, the marks of who
 * took part (written at the close) afterwards. Never who voted how.
 */
export async function ballotCounts(db: Db, tenantId: string, meetingId: string): Promise<Map<string, number>> {
  const [sealed, cast] = await Promise.all([
    db.selectFrom('council_ballot_box as b')
      .innerJoin('council_agenda_items as i', (j) => j.onRef('i.tenant_id', '=', 'b.tenant_id').onRef('i.id', '=', 'b.item_id'))
      .select(['b.item_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('b.tenant_id', '=', tenantId).where('i.meeting_id', '=', meetingId).where('b.sealed', 'is not', null).groupBy('b.item_id').execute(),
    db.selectFrom('council_ballots_cast as b')
      .innerJoin('council_agenda_items as i', (j) => j.onRef('i.tenant_id', '=', 'b.tenant_id').onRef('i.id', '=', 'b.item_id'))
      .select(['b.item_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('b.tenant_id', '=', tenantId).where('i.meeting_id', '=', meetingId).groupBy('b.item_id').execute(),
  ]);
  const counts = new Map<string, number>();
  for (const r of [...sealed, ...cast]) counts.set(r.item_id, (counts.get(r.item_id) ?? 0) + Number(r.n));
  return counts;
}

/** Drops the ballot papers into the box, in the order given (the caller shuffles them). */
export async function issuePapers(trx: Db, tenantId: string, papers: readonly { itemId: string; token: string }[]) {
  if (papers.length === 0) return;
  await trx.insertInto('council_ballot_box')
    .values(papers.map((p) => ({ tenant_id: tenantId, item_id: p.itemId, token_hash: p.token, sealed: null }))).execute();
}

/** The papers with these tokens, and whether each is sealed (never what it holds). */
export async function papersWith(db: Db, tenantId: string, papers: readonly { itemId: string; token: string }[]) {
  if (papers.length === 0) return [];
  return db.selectFrom('council_ballot_box').select(['item_id', 'token_hash', (eb) => eb('sealed', 'is not', null).as('cast')])
    .where('tenant_id', '=', tenantId).where('item_id', 'in', [...new Set(papers.map((p) => p.itemId))])
    .where('token_hash', 'in', papers.map((p) => p.token)).execute();
}

/** Seals one unused paper; 0 when it was sealed meanwhile (a second request of the same member). */
export async function sealPaper(trx: Db, tenantId: string, paper: { itemId: string; token: string; sealed: string }): Promise<number> {
  const result = await trx.updateTable('council_ballot_box').set({ sealed: paper.sealed })
    .where('tenant_id', '=', tenantId).where('item_id', '=', paper.itemId).where('token_hash', '=', paper.token)
    .where('sealed', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Every sealed paper of a meeting, to be opened together at the close. */
export async function sealedPapersOf(db: Db, tenantId: string, meetingId: string) {
  return db.selectFrom('council_ballot_box as b')
    .innerJoin('council_agenda_items as i', (j) => j.onRef('i.tenant_id', '=', 'b.tenant_id').onRef('i.id', '=', 'b.item_id'))
    .select(['b.item_id', 'b.token_hash', 'b.sealed'])
    .where('b.tenant_id', '=', tenantId).where('i.meeting_id', '=', meetingId).where('b.sealed', 'is not', null).execute();
}

/** Empties the meeting's box and forgets its salt: without them no paper can be read again. */
export async function emptyBallotBox(trx: Db, tenantId: string, meetingId: string) {
  await trx.deleteFrom('council_ballot_box').where('tenant_id', '=', tenantId)
    .where('item_id', 'in', (eb) => eb.selectFrom('council_agenda_items').select('id').where('tenant_id', '=', tenantId).where('meeting_id', '=', meetingId))
    .execute();
}

/** Who took part, written once at the close for all members, in item and member order (not the order of voting). */
export async function recordParticipation(trx: Db, tenantId: string, marks: readonly { itemId: string; personId: string }[]) {
  if (marks.length === 0) return;
  const sorted = [...marks].sort((a, b) => (a.itemId === b.itemId ? (a.personId < b.personId ? -1 : 1) : a.itemId < b.itemId ? -1 : 1));
  await trx.insertInto('council_ballots_cast')
    .values(sorted.map((m) => ({ tenant_id: tenantId, item_id: m.itemId, person_id: m.personId }))).execute();
}

/**
 * The organisations each person heads on a date: a leader's employment there, or a unit_head grant held
 * by their account (the head of a unit signs its nominations whatever their employment row says).
 */
export async function unitsHeadedBy(db: Db, tenantId: string, personIds: readonly string[], date: string) {
  if (personIds.length === 0) return new Map<string, { organisationId: string; name: string }[]>();
  const [leaders, grants] = await Promise.all([
    db.selectFrom('employments as e')
      .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'e.tenant_id').onRef('o.id', '=', 'e.organisation_id'))
      .select(['e.person_id', 'o.id', 'o.name'])
      .where('e.tenant_id', '=', tenantId).where('e.person_id', 'in', personIds).where('e.is_leader', '=', true).where(validOn('e.start_date', 'e.end_date', date)).execute(),
    db.selectFrom('role_grants as g').innerJoin('users as u', 'u.id', 'g.user_id')
      .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'g.tenant_id').onRef('o.id', '=', 'g.organisation_id'))
      .select(['u.person_id', 'o.id', 'o.name'])
      .where('g.tenant_id', '=', tenantId).where('g.role', '=', 'unit_head').where('g.revoked_at', 'is', null)
      .where('u.person_id', 'in', personIds).execute(),
  ]);
  const heads = new Map<string, { organisationId: string; name: string }[]>();
  for (const r of [...leaders, ...grants]) {
    if (!r.person_id) continue;
    const list = heads.get(r.person_id) ?? [];
    if (!list.some((h) => h.organisationId === r.id)) list.push({ organisationId: r.id, name: r.name });
    heads.set(r.person_id, list);
  }
  return heads;
}

/** Each person's employer on a date (the unit that nominates them). */
export async function employersOn(db: Db, tenantId: string, personIds: readonly string[], date: string): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await db.selectFrom('employments as e').select(['e.person_id', 'e.organisation_id'])
    .where('e.tenant_id', '=', tenantId).where('e.person_id', 'in', personIds).where(validOn('e.start_date', 'e.end_date', date))
    .orderBy('e.start_date', 'desc').execute();
  const map = new Map<string, string>();
  for (const r of rows) if (!map.has(r.person_id)) map.set(r.person_id, r.organisation_id);
  return map;
}

/** Meetings now voting in which the person sits on the council. */
export async function votingMeetingsOf(db: Db, tenantId: string, personId: string) {
  return meetingQuery(db, tenantId)
    .innerJoin('council_attendance as a', (j) => j.onRef('a.tenant_id', '=', 'm.tenant_id').onRef('a.meeting_id', '=', 'm.id'))
    .select(['a.present'])
    .where('m.status', '=', 'voting').where('a.person_id', '=', personId)
    .orderBy('m.meeting_date').orderBy('m.id').execute();
}

// ── the councils themselves (issue 14.2) ───────────────────────────────────────────────────────

function councilQuery(db: Db, tenantId: string) {
  return db.selectFrom('councils as c')
    .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'c.tenant_id').onRef('o.id', '=', 'c.organisation_id'))
    .selectAll('c').select(['o.name as organisation_name', 'o.path as organisation_path'])
    .where('c.tenant_id', '=', tenantId);
}
export type CouncilRow = NonNullable<Awaited<ReturnType<typeof findCouncil>>>;

export async function findCouncil(db: Db, tenantId: string, id: string) {
  return councilQuery(db, tenantId).where('c.id', '=', id).executeTakeFirst();
}

/** The councils of the organisations under the prefixes, in office first, then by unit and start of term. */
export async function listCouncils(db: Db, tenantId: string, prefixes: string[], filter: { organisationId?: string | undefined; today: string; includeClosed: boolean }) {
  if (prefixes.length === 0) return [];
  let q = councilQuery(db, tenantId).where(pathUnder('o.path', prefixes))
    .select((eb) => eb.selectFrom('council_members as m').select(eb.fn.countAll<number>().as('n'))
      .whereRef('m.tenant_id', '=', 'c.tenant_id').whereRef('m.council_id', '=', 'c.id').as('member_count'));
  if (filter.organisationId) q = q.where('c.organisation_id', '=', filter.organisationId);
  if (!filter.includeClosed) q = q.where((eb) => eb.or([eb('c.valid_to', 'is', null), eb('c.valid_to', '>=', filter.today)]));
  return q.orderBy('o.path').orderBy('c.valid_from', 'desc').orderBy('c.id').limit(500).execute();
}

export async function councilMembersOf(db: Db, tenantId: string, councilId: string) {
  return db.selectFrom('council_members as m')
    .innerJoin('people as p', (j) => j.onRef('p.tenant_id', '=', 'm.tenant_id').onRef('p.id', '=', 'm.person_id'))
    .select(['m.person_id', 'm.role', 'm.title', 'm.term_from', 'm.term_to', 'p.full_name', 'p.code'])
    .where('m.tenant_id', '=', tenantId).where('m.council_id', '=', councilId)
    .orderBy(sql`array_position(array['chair','vice_chair','standing_member','member','secretary'], m.role)`).orderBy('p.sort_key').execute();
}

/** The paths of the units where each of these people of the tenant has (had) an employment: who reaches them. */
export async function employmentPaths(db: Db, tenantId: string, personIds: readonly string[]) {
  const out = new Map<string, string[]>();
  if (personIds.length === 0) return out;
  const rows = await db.selectFrom('employments as e')
    .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'e.tenant_id').onRef('o.id', '=', 'e.organisation_id'))
    .select(['e.person_id', 'o.path']).where('e.tenant_id', '=', tenantId).where('e.person_id', 'in', [...new Set(personIds)]).execute();
  for (const r of rows) out.set(r.person_id, [...(out.get(r.person_id) ?? []), r.path]);
  return out;
}

export async function councilCodeTaken(db: Db, tenantId: string, code: string, exceptId: string | null) {
  let q = db.selectFrom('councils').select('id').where('tenant_id', '=', tenantId).where('code', '=', code);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** Locks the council's row for an edit and answers its version. */
export async function lockCouncil(db: Db, tenantId: string, id: string) {
  return db.selectFrom('councils').select(['version', 'valid_to']).where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
}
