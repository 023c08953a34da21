import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { CommandContext } from '../../platform/command.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { recordAudit } from '../../platform/audit.ts';
import { assertCan, canReach, reachablePaths, type Actor } from '../../platform/auth/policy.ts';
import { councilOf, findOrganisation } from '../organisations/index.ts';
import { actorsFor, notify } from '../notifications/index.ts';
import { assertListReviewed, candidatesOf, closeIfDone, findBatch, moveCandidate, procedureFor, type BatchRow, type CandidateRow } from '../nominations/index.ts';
import { assertTransition } from '../../platform/workflow.ts';
import {
  ballotPapers, ballotState, denominators, MEETING_TRANSITIONS, outcomeOf, recusalOf, tallyOf, type Choice, type MeetingAction, type Tally,
} from './model.ts';
import { meetingKey, newBallotSalt, seal, shuffled, tokenHash, unseal, type MeetingKey } from './ballot-box.ts';
import {
  agendaOf, attendanceOf, ballotCounts, compiledList, emptyBallotBox, employersOn, findMeeting, issuePapers, listMeetings, lockMeeting,
  papersWith, recordParticipation, recusalsOf, sealedPapersOf, sealPaper, unitsHeadedBy, votingMeetingsOf, type AgendaRow, type MeetingRow,
} from './store.ts';
import { assertCurrentVersion, nextVersion } from '../../platform/versions.ts';

type Db = Kysely<Database>;

/**
 * Council meetings: the receiving level's standing agency (council.manage over the organisation)
 * convenes, records attendance, opens and closes the ballot; the council's members vote. Each write is
 * one transaction with its audit row.
 */

/** A meeting the actor may see — its standing agency's, or one whose council the actor sits on — or 404. */
export async function visibleMeeting(db: Db, actor: Actor, id: string): Promise<MeetingRow & { isMember: boolean; canManage: boolean }> {
  const meeting = await findMeeting(db, actor.tenantId, id);
  if (!meeting) throw notFound('council_meeting');
  const canManage = canReach(actor, 'council.manage', meeting.organisation_path);
  const isMember = actor.personId !== null && (await db.selectFrom('council_attendance').select('person_id')
    .where('tenant_id', '=', actor.tenantId).where('meeting_id', '=', id).where('person_id', '=', actor.personId).executeTakeFirst()) !== undefined;
  if (!canManage && !isMember) throw notFound('council_meeting');
  return { ...meeting, isMember, canManage };
}

export async function managedMeeting(db: Db, actor: Actor, id: string) {
  const meeting = await visibleMeeting(db, actor, id);
  assertCan(actor, 'council.manage', meeting.organisation_path);
  return meeting;
}

export function allowed(status: MeetingRow['status'], action: MeetingAction) {
  assertTransition(MEETING_TRANSITIONS, status, action, { code: 'council.transition', params: { status } });
}

export async function audit(trx: Db, ctx: CommandContext, meeting: Pick<MeetingRow, 'id' | 'organisation_path'>, action: string, changes: Record<string, unknown>) {
  await recordAudit(trx, {
    tenantId: ctx.actor.tenantId, actorUserId: ctx.actor.userId, action: `council.${action}`, entityType: 'council_meeting',
    entityId: meeting.id, organisationPath: meeting.organisation_path, changes, requestId: ctx.requestId, at: ctx.now,
  });
}

export interface NewMeeting { organisationId: string; date: string; startsAt?: string | undefined; location?: string | undefined; place?: string | undefined }

/**
 * Convenes the organisation's council (the one in office on the date) with the compiled list as the
 * agenda. Members are frozen for the meeting; recusals are found and recorded now, on the meeting date.
 */
export async function createMeeting(ctx: CommandContext, input: NewMeeting): Promise<string> {
  const { db, actor } = ctx;
  const org = await findOrganisation(db, actor.tenantId, input.organisationId);
  if (!org || !canReach(actor, 'nomination.read', org.path)) throw notFound('organisation');
  assertCan(actor, 'council.manage', org.path);
  const council = await councilOf(db, actor.tenantId, org.id, input.date);
  if (!council) throw new AppError('council.no_council', 409, { date: input.date });
  if (council.members.length === 0) throw new AppError('council.no_members', 409);
  const id = uuidv7(ctx.now.getTime());
  await db.transaction().execute(async (trx) => {
    // two meetings convened at once must not both take the same candidates
    await sql`SELECT 1 FROM organisations WHERE tenant_id = ${actor.tenantId} AND id = ${org.id} FOR UPDATE`.execute(trx);
    const compiled = await compiledList(trx, actor.tenantId, org.id);
    if (compiled.length === 0) throw new AppError('council.nothing_to_vote', 409);
    // only a list the head has reviewed goes to the council (issue 17.6): the others wait for the next meeting, and a
    // meeting with nothing reviewed is refused naming what waits for the review
    const list = compiled.filter((c) => c.list_reviewed_at !== null);
    if (list.length === 0) assertListReviewed(compiled.map((c) => ({ title: c.batch_title, list_reviewed_at: c.list_reviewed_at })));
    const memberIds = council.members.map((m) => m.personId);
    const heads = await unitsHeadedBy(trx, actor.tenantId, memberIds, input.date);
    const employers = await employersOn(trx, actor.tenantId, list.filter((c) => c.person_id).map((c) => c.person_id!), input.date);
    await trx.insertInto('council_meetings').values({
      tenant_id: actor.tenantId, id, organisation_id: org.id, council_id: council.id, meeting_date: input.date,
      starts_at: input.startsAt ?? '', location: input.location?.trim() ?? '', place: input.place?.trim() ?? '', status: 'planned',
      opened_at: null, closed_at: null, created_by: actor.userId, created_at: ctx.now, updated_at: ctx.now,
    }).execute();
    await trx.insertInto('council_attendance').values(council.members.map((m) => ({
      tenant_id: actor.tenantId, meeting_id: id, person_id: m.personId, role: m.role, present: false,
    }))).execute();
    const items = list.map((c) => ({ candidate: c, itemId: uuidv7(ctx.now.getTime()) }));
    await trx.insertInto('council_agenda_items').values(items.map(({ candidate: c, itemId }) => ({
      tenant_id: actor.tenantId, id: itemId, meeting_id: id, candidate_id: c.candidate_id, batch_id: c.batch_id, award_form: c.award_form,
      secret_ballot: null, threshold_percent: null, threshold_of: null,
    }))).execute();
    const recusals = items.flatMap(({ candidate: c, itemId }) => memberIds.flatMap((personId) => {
      const unitId = c.person_id ? employers.get(c.person_id) ?? null : c.organisation_id;
      const r = recusalOf({ personId, heads: heads.get(personId) ?? [] }, { personId: c.person_id, unitId });
      return r ? [{ tenant_id: actor.tenantId, item_id: itemId, person_id: personId, reason: r.reason, detail: r.detail }] : [];
    }));
    if (recusals.length) await trx.insertInto('council_recusals').values(recusals).execute();
    await audit(trx, ctx, { id, organisation_path: org.path }, 'meeting_create', {
      date: input.date, councilId: council.id, items: items.length, members: memberIds.length, recusals: recusals.length,
    });
  });
  return id;
}

/** Who attends: the members ticked are present, the others absent. Settled before the ballot opens. */
/** The list of members present, saved as one form: made from an older version of the meeting, refused (409 edit.stale). */
export async function setAttendance(ctx: CommandContext, meetingId: string, presentIds: readonly string[], version?: number): Promise<void> {
  const meeting = await managedMeeting(ctx.db, ctx.actor, meetingId);
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await lockMeeting(trx, ctx.actor.tenantId, meeting.id, 'update');
    allowed(locked.status, 'set_attendance');
    assertCurrentVersion(version, locked.version);
    const members = await attendanceOf(trx, ctx.actor.tenantId, meeting.id);
    const memberIds = new Set(members.map((m) => m.person_id));
    if (presentIds.some((p) => !memberIds.has(p))) throw new AppError('council.not_a_member_person', 422);
    const present = new Set(presentIds);
    for (const value of [true, false]) {
      const ids = members.filter((m) => present.has(m.person_id) === value).map((m) => m.person_id);
      if (ids.length) {
        await trx.updateTable('council_attendance').set({ present: value })
          .where('tenant_id', '=', ctx.actor.tenantId).where('meeting_id', '=', meeting.id).where('person_id', 'in', ids).execute();
      }
    }
    await trx.updateTable('council_meetings').set({ updated_at: ctx.now, version: nextVersion() }).where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', meeting.id).execute();
    await audit(trx, ctx, meeting, 'attendance', { present: present.size, absent: members.length - present.size });
  });
}

/** The meeting's key, from the server's BALLOT_SECRET and the salt stored while voting is open. */
function keyOf(ballotSecret: string, tenantId: string, meetingId: string, salt: string | null): MeetingKey {
  // opened before migration 0034: no box, so no more ballots (the close counts those received, openBallotBox)
  if (salt === null) throw new AppError('council.no_ballot_box', 409);
  return meetingKey(ballotSecret, { tenantId, meetingId, salt });
}

/** Each item takes the procedure of its award form as it stands now: a settings change during the vote does not move the threshold. */
export async function fixProcedures(trx: Db, tenantId: string, meetingId: string) {
  const forms = await trx.selectFrom('council_agenda_items').select('award_form').distinct()
    .where('tenant_id', '=', tenantId).where('meeting_id', '=', meetingId).where('threshold_of', 'is', null).execute();
  for (const { award_form } of forms) {
    const p = await procedureFor(trx, tenantId, award_form);
    await trx.updateTable('council_agenda_items')
      .set({ secret_ballot: p.secretBallot, threshold_percent: p.thresholdPercent, threshold_of: p.thresholdOf })
      .where('tenant_id', '=', tenantId).where('meeting_id', '=', meetingId).where('award_form', '=', award_form).execute();
  }
}

/**
 * Opens the ballot: each item takes the procedure of its award form as it stands now (procedureFor), so
 * a settings change during the vote does not move the threshold; members are told they can vote. In the
 * same transaction every member who may vote on an item gets an anonymous ballot paper for it (ballot-box.ts):
 * all papers are written together, in random order, keyed by a token only the server can derive.
 */
export async function openMeeting(ctx: CommandContext, meetingId: string, ballotSecret: string): Promise<void> {
  const meeting = await managedMeeting(ctx.db, ctx.actor, meetingId);
  const tenantId = ctx.actor.tenantId;
  await ctx.db.transaction().execute(async (trx) => {
    const { status } = await lockMeeting(trx, tenantId, meeting.id, 'update');
    allowed(status, 'open');
    const members = await attendanceOf(trx, tenantId, meeting.id);
    if (!members.some((m) => m.present)) throw new AppError('council.nobody_present', 409);
    await fixProcedures(trx, tenantId, meeting.id);
    const salt = newBallotSalt();
    const key = meetingKey(ballotSecret, { tenantId, meetingId: meeting.id, salt });
    const [agenda, recusals] = await Promise.all([agendaOf(trx, tenantId, meeting.id), recusalsOf(trx, tenantId, meeting.id)]);
    const papers = ballotPapers(agenda.map((i) => ({ id: i.id, outcome: i.outcome, thresholdOf: i.threshold_of })),
      members.map((m) => ({ personId: m.person_id, present: m.present })), recusals.map((r) => ({ itemId: r.item_id, personId: r.person_id })));
    await issuePapers(trx, tenantId, shuffled(papers.map((p) => ({ itemId: p.itemId, token: tokenHash(key, p.itemId, p.personId) }))));
    await trx.updateTable('council_meetings').set({ status: 'voting', opened_at: ctx.now, updated_at: ctx.now, ballot_salt: salt, version: nextVersion() })
      .where('tenant_id', '=', tenantId).where('id', '=', meeting.id).execute();
    await audit(trx, ctx, meeting, 'open', { status: ['planned', 'voting'], papers: papers.length });
    const users = await trx.selectFrom('users').select('id').where('tenant_id', '=', tenantId).where('disabled', '=', false)
      .where('person_id', 'in', members.map((m) => m.person_id)).execute();
    await notify(trx, users.map((u) => u.id), {
      tenantId, topic: 'council_voting_open', entityType: 'council_meeting', entityId: meeting.id,
      params: { council: meeting.council_name, date: meeting.meeting_date }, at: ctx.now,
    });
  });
}

export interface Vote { itemId: string; choice: Choice }

/**
 * A member's ballot: one choice per item, once. The transaction writes only the member's own ballot papers:
 * each is sealed with its choice (a fixed-length ciphertext under the meeting's key), and a paper already
 * sealed refuses a second vote (the row lock makes a second request of the same member wait, then find it
 * sealed). No counter moves, no "has voted" row and no audit row naming the member is written: whatever this
 * transaction writes carries its xmin, so it writes nothing that names anyone next to anything that holds a
 * choice. The counters are written once, for everyone, at the close; who took part too.
 * Where the procedure is an open vote (secret_ballot false), the same mechanism is kept: the minutes
 * need the tally only, and one path means one thing to prove anonymous.
 */
export async function castBallot(ctx: CommandContext, meetingId: string, votes: readonly Vote[], ballotSecret: string): Promise<void> {
  const { db, actor } = ctx;
  const tenantId = actor.tenantId;
  const meeting = await findMeeting(db, tenantId, meetingId);
  if (!meeting) throw notFound('council_meeting');
  const personId = actor.personId;
  const seat = personId === null ? undefined : await db.selectFrom('council_attendance').select(['present'])
    .where('tenant_id', '=', tenantId).where('meeting_id', '=', meeting.id).where('person_id', '=', personId).executeTakeFirst();
  if (!seat || personId === null) throw new AppError('council.not_member', 403);
  if (votes.length === 0) throw new AppError('council.empty_ballot', 400);
  if (new Set(votes.map((v) => v.itemId)).size !== votes.length) throw new AppError('council.duplicate_item', 400);
  await db.transaction().execute(async (trx) => {
    const { status, ballot_salt } = await lockMeeting(trx, tenantId, meeting.id, 'share');
    assertTransition(MEETING_TRANSITIONS, status, 'vote', { code: 'council.not_voting', params: { status } });
    const key = keyOf(ballotSecret, tenantId, meeting.id, ballot_salt);
    const agenda = new Map((await agendaOf(trx, tenantId, meeting.id)).map((i) => [i.id, i]));
    const recused = new Set((await recusalsOf(trx, tenantId, meeting.id)).filter((r) => r.person_id === personId).map((r) => r.item_id));
    const mine = votes.map((v) => ({ ...v, token: tokenHash(key, v.itemId, personId) }));
    const papers = new Map((await papersWith(trx, tenantId, mine)).map((p) => [`${p.item_id}/${p.token_hash}`, p.cast]));
    for (const v of mine) {
      const item = agenda.get(v.itemId);
      if (!item) throw notFound('agenda_item');
      const paper = papers.get(`${v.itemId}/${v.token}`);
      const state = ballotState({ outcome: item.outcome, thresholdOf: item.threshold_of },
        { present: seat.present, recused: recused.has(item.id), voted: paper === true });
      if (state === 'recused') throw new AppError('council.recused', 409, { name: item.name });
      if (state === 'deferred') throw new AppError('council.item_deferred', 409, { name: item.name });
      if (state === 'absent') throw new AppError('council.absent', 409, { name: item.name });
      if (state === 'voted') throw new AppError('council.already_voted', 409, { name: item.name });
      if (paper === undefined) throw new AppError('council.no_ballot_paper', 409, { name: item.name });
    }
    // in item order, not in the order the member ticked them
    for (const v of [...mine].sort((a, b) => (a.itemId < b.itemId ? -1 : 1))) {
      const sealed = seal(key, { tenantId, itemId: v.itemId, token: v.token }, v.choice);
      // a second request of the same member sealed it first: refuse the whole ballot, seal nothing
      if (await sealPaper(trx, tenantId, { itemId: v.itemId, token: v.token, sealed }) !== 1) {
        throw new AppError('council.already_voted', 409, { name: agenda.get(v.itemId)!.name });
      }
    }
  });
}

async function candidateOf(trx: Db, tenantId: string, batchId: string, candidateId: string, cache: Map<string, { batch: BatchRow; candidates: CandidateRow[] }>) {
  let entry = cache.get(batchId);
  if (!entry) {
    entry = { batch: (await findBatch(trx, tenantId, batchId))!, candidates: await candidatesOf(trx, tenantId, batchId) };
    cache.set(batchId, entry);
  }
  return { batch: entry.batch, candidate: entry.candidates.find((c) => c.id === candidateId)! };
}

/** Puts an item off to a later meeting: the candidate stays accepted (recorded) and returns on the next agenda. */
export async function deferItem(ctx: CommandContext, meetingId: string, itemId: string, reason: string): Promise<void> {
  const meeting = await managedMeeting(ctx.db, ctx.actor, meetingId);
  const tenantId = ctx.actor.tenantId;
  await ctx.db.transaction().execute(async (trx) => {
    const { status } = await lockMeeting(trx, tenantId, meeting.id, 'update');
    allowed(status, 'defer');
    const item = (await agendaOf(trx, tenantId, meeting.id)).find((i) => i.id === itemId);
    if (!item) throw notFound('agenda_item');
    if (item.outcome !== 'pending') throw new AppError('council.item_decided', 409, { name: item.name });
    const { batch, candidate } = await candidateOf(trx, tenantId, item.batch_id, item.candidate_id, new Map());
    await moveCandidate(trx, ctx, batch, candidate, 'defer', reason.trim() || `Hoãn tại phiên họp ngày ${meeting.meeting_date}`);
    await trx.updateTable('council_agenda_items').set({ outcome: 'deferred' }).where('tenant_id', '=', tenantId).where('id', '=', item.id).execute();
    await audit(trx, ctx, meeting, 'defer', { itemId: item.id, candidateId: item.candidate_id, reason: reason.trim() });
  });
}

/** Per item: members and those present, each less the members recused from it (model.denominators). */
export function itemBases(members: readonly { person_id: string; present: boolean }[], recusals: readonly { item_id: string; person_id: string }[]) {
  const present = new Set(members.filter((m) => m.present).map((m) => m.person_id));
  return (itemId: string) => {
    const recused = recusals.filter((r) => r.item_id === itemId);
    return denominators({
      members: members.length, present: present.size,
      recusedMembers: recused.length, recusedPresent: recused.filter((r) => present.has(r.person_id)).length,
    });
  };
}

/**
 * The box opened: each item's tally, who took part (found by each member's token among the sealed papers) and
 * how many ballots. A meeting opened before migration 0034 has no box (no salt): its counters and marks were
 * written ballot by ballot and are taken as they stand, so an upgrade in the middle of a vote loses nothing.
 */
async function openBallotBox(trx: Db, at: { tenantId: string; meetingId: string; salt: string | null; ballotSecret: string },
  agenda: readonly AgendaRow[], members: readonly { person_id: string }[]) {
  const { tenantId } = at;
  if (at.salt === null) {
    const cast = await ballotCounts(trx, tenantId, at.meetingId);
    return {
      tallies: new Map(agenda.map((i) => [i.id, { yes: i.yes_count, no: i.no_count, abstain: i.abstain_count }])),
      marks: [], ballots: [...cast.values()].reduce((a, b) => a + b, 0),
    };
  }
  const key = meetingKey(at.ballotSecret, { tenantId, meetingId: at.meetingId, salt: at.salt });
  const sealed = await sealedPapersOf(trx, tenantId, at.meetingId);
  const choices = new Map<string, Choice[]>();
  for (const p of sealed) {
    let choice: Choice;
    try {
      choice = unseal(key, { tenantId, itemId: p.item_id, token: p.token_hash }, p.sealed!);
    } catch {
      // sealed under another BALLOT_SECRET (the server's was changed mid-vote) or altered: count nothing, close nothing
      throw new AppError('council.ballot_unreadable', 409);
    }
    choices.set(p.item_id, [...(choices.get(p.item_id) ?? []), choice]);
  }
  const cast = new Set(sealed.map((p) => `${p.item_id}/${p.token_hash}`));
  return {
    tallies: new Map([...choices].map(([itemId, list]) => [itemId, tallyOf(list)])),
    marks: agenda.flatMap((i) => members.filter((m) => cast.has(`${i.id}/${tokenHash(key, i.id, m.person_id)}`))
      .map((m) => ({ itemId: i.id, personId: m.person_id }))),
    ballots: sealed.length,
  };
}

/**
 * Closes the ballot and declares each item by its procedure: passed → the candidate is voted (vote_pass),
 * failed → rejected (vote_fail). Deferred items keep their candidate accepted. The standing officers are
 * told the result is ready for the decision. In the same transaction, for all members at once: every sealed
 * paper is opened and each item's counters are written once; who took part is recorded; the box is emptied
 * and the salt forgotten, so no paper can be opened from what the database keeps (see ARCHITECTURE.md for
 * a superuser who also holds BALLOT_SECRET).
 */
export async function closeMeeting(ctx: CommandContext, meetingId: string, ballotSecret: string): Promise<{ passed: number; failed: number; deferred: number }> {
  const meeting = await managedMeeting(ctx.db, ctx.actor, meetingId);
  const tenantId = ctx.actor.tenantId;
  return ctx.db.transaction().execute(async (trx) => {
    const { status, ballot_salt } = await lockMeeting(trx, tenantId, meeting.id, 'update');
    allowed(status, 'close');
    const [agenda, members, recusals] = await Promise.all([
      agendaOf(trx, tenantId, meeting.id), attendanceOf(trx, tenantId, meeting.id), recusalsOf(trx, tenantId, meeting.id)]);
    const box = await openBallotBox(trx, { tenantId, meetingId: meeting.id, salt: ballot_salt, ballotSecret }, agenda, members);
    // who took part: written now, for everyone at once, in item and member order
    await recordParticipation(trx, tenantId, box.marks);
    const baseOf = itemBases(members, recusals);
    const counts = await declareResults(trx, ctx, meeting, agenda.map((item) => {
      const procedure = { thresholdPercent: Number(item.threshold_percent), thresholdOf: item.threshold_of ?? 'members' };
      const [tally, base] = [box.tallies.get(item.id) ?? tallyOf([]), baseOf(item.id)];
      return { item, tally, base, outcome: outcomeOf(procedure, tally, base), thresholdOf: procedure.thresholdOf };
    }), 'online');
    // the ballots as a number only: who took part is in council_ballots_cast, written above in member order
    await audit(trx, ctx, meeting, 'close', { status: ['voting', 'closed'], ...counts, ballots: box.ballots });
    return counts;
  });
}

export interface Declared {
  item: AgendaRow; tally: Tally; base: { members: number; present: number }; outcome: 'passed' | 'failed'; thresholdOf: 'members' | 'present';
}

/**
 * Declares a meeting's results, however they were counted (the online ballot's close, a paper ballot): passed →
 * the candidate is voted (vote_pass), failed → rejected (vote_fail), deferred items keep their candidate accepted;
 * the batches move on (closeIfDone), the ballot box is emptied and its salt forgotten, the meeting is closed and
 * the standing officers are told the result is ready for the decision. The caller writes its audit row.
 */
export async function declareResults(trx: Db, ctx: CommandContext, meeting: MeetingRow, results: readonly Declared[], how: 'online' | 'paper') {
  const tenantId = ctx.actor.tenantId;
  const cache = new Map<string, { batch: BatchRow; candidates: CandidateRow[] }>();
  const counts = { passed: 0, failed: 0, deferred: 0 };
  const failedIn = new Map<string, { name: string; yes: number; of: number }[]>();
  for (const { item, tally, base, outcome, thresholdOf } of results) {
    if (item.outcome === 'deferred') { counts.deferred++; continue; }
    const { batch, candidate } = await candidateOf(trx, tenantId, item.batch_id, item.candidate_id, cache);
    const denominator = thresholdOf === 'members' ? base.members : base.present;
    if (outcome === 'failed') failedIn.set(batch.id, [...(failedIn.get(batch.id) ?? []), { name: candidate.name, yes: tally.yes, of: denominator }]);
    await moveCandidate(trx, ctx, batch, candidate, outcome === 'passed' ? 'vote_pass' : 'vote_fail',
      `Hội đồng Thi đua – Khen thưởng ngày ${meeting.meeting_date}: ${tally.yes}/${denominator} phiếu đồng ý${how === 'paper' ? ' (bỏ phiếu giấy)' : ''}`);
    await trx.updateTable('council_agenda_items').set({ outcome, yes_count: tally.yes, no_count: tally.no, abstain_count: tally.abstain })
      .where('tenant_id', '=', tenantId).where('id', '=', item.id).execute();
    counts[outcome]++;
  }
  // a batch that ends here because its candidates failed the vote says so, not a bare "done"
  for (const batchId of cache.keys()) await closeIfDone(trx, ctx, batchId, voteFailure(failedIn.get(batchId) ?? []));
  await emptyBallotBox(trx, tenantId, meeting.id);
  await trx.updateTable('council_meetings').set({ status: 'closed', closed_at: ctx.now, updated_at: ctx.now, ballot_salt: null, version: nextVersion() })
    .where('tenant_id', '=', tenantId).where('id', '=', meeting.id).execute();
  await notify(trx, await actorsFor(trx, tenantId, 'standing_officer', meeting.organisation_path), {
    tenantId, topic: 'council_result_ready', entityType: 'council_meeting', entityId: meeting.id,
    params: { council: meeting.council_name, date: meeting.meeting_date, ...counts }, at: ctx.now,
  });
  return counts;
}

/** "Không đạt biểu quyết của Hội đồng: 2/5 đồng ý" (one candidate), or each candidate's count; '' when none failed. */
export function voteFailure(failed: readonly { name: string; yes: number; of: number }[]): string {
  if (failed.length === 0) return '';
  const counts = failed.length === 1 ? `${failed[0]!.yes}/${failed[0]!.of} đồng ý` : failed.map((f) => `${f.name} ${f.yes}/${f.of}`).join('; ') + ' đồng ý';
  return `Không đạt biểu quyết của Hội đồng: ${counts}`;
}

/** Meetings of the organisations where the actor runs the council. */
export async function meetingsFor(db: Db, actor: Actor, filter: { organisationId?: string | undefined; status?: string | undefined }) {
  return listMeetings(db, actor.tenantId, reachablePaths(actor, 'council.manage'), filter);
}

/** Everything the meeting page shows: members and attendance, the agenda with flags and recusals. */
export async function readMeeting(db: Db, actor: Actor, id: string) {
  const meeting = await visibleMeeting(db, actor, id);
  const [agenda, members, recusals] = await Promise.all([
    agendaOf(db, actor.tenantId, meeting.id), attendanceOf(db, actor.tenantId, meeting.id), recusalsOf(db, actor.tenantId, meeting.id)]);
  const ballots = await ballotCounts(db, actor.tenantId, meeting.id);
  return { meeting, agenda, members, recusals, ballots, baseOf: itemBases(members, recusals) };
}

/** The meetings now voting where the actor sits on the council, each item with where the actor stands. */
export async function ballotsOf(db: Db, actor: Actor, ballotSecret: string) {
  const personId = actor.personId;
  if (personId === null) return [];
  const meetings = await votingMeetingsOf(db, actor.tenantId, personId);
  return Promise.all(meetings.map(async (m) => {
    const [agenda, recusals] = await Promise.all([agendaOf(db, actor.tenantId, m.id), recusalsOf(db, actor.tenantId, m.id)]);
    // my papers, found by my tokens: the server can tell me that I voted, and nothing stored says it
    const key = m.ballot_salt === null ? null : meetingKey(ballotSecret, { tenantId: actor.tenantId, meetingId: m.id, salt: m.ballot_salt });
    const papers = key === null ? [] : await papersWith(db, actor.tenantId, agenda.map((i) => ({ itemId: i.id, token: tokenHash(key, i.id, personId) })));
    const voted = new Set(papers.filter((p) => p.cast).map((p) => p.item_id));
    const mine = new Set(recusals.filter((r) => r.person_id === personId).map((r) => r.item_id));
    return {
      meeting: m,
      items: agenda.map((item) => ({
        item, state: ballotState({ outcome: item.outcome, thresholdOf: item.threshold_of },
          { present: m.present, recused: mine.has(item.id), voted: voted.has(item.id) }),
      })),
    };
  }));
}
