import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { CommandContext } from '../../platform/command.ts';
import type { Actor } from '../../platform/auth/policy.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/storage/store.ts';
import { readFile, storeUpload, type FileContent, type UploadInput } from '../../platform/storage/uploads.ts';
import { assertCurrentVersion } from '../../platform/versions.ts';
import { declarePaperBallot, type PaperCount, type PaperResult } from './model.ts';
import { procedureFor, type Procedure } from '../nominations/index.ts';
import { agendaOf, attendanceOf, ballotCounts, lockMeeting, recusalsOf, type MeetingRow } from './store.ts';
import { allowed, audit, declareResults, fixProcedures, managedMeeting, visibleMeeting } from './service.ts';

type Db = Kysely<Database>;

/**
 * The paper ballot (issue 17.4): most of a council's members have no account, so they vote on paper in the room
 * and the secretary — the standing agency's officer who runs the meeting (council.manage, as for every other step
 * of it) — attaches the counting committee's minutes (biên bản kiểm phiếu, a PDF scan) and copies the counts.
 * The result then flows on exactly as an online one: declareResults, the same as the close.
 */
export interface PaperBallotInput { present: readonly string[]; counts: readonly PaperCount[] }

/** The paper ballot's row of a meeting (the scan attached, and when the counts were recorded), or undefined. */
export async function paperBallotOf(db: Db, tenantId: string, meetingId: string) {
  return db.selectFrom('council_paper_ballots').selectAll().where('tenant_id', '=', tenantId).where('meeting_id', '=', meetingId).executeTakeFirst();
}

/**
 * The counts judged as the meeting now stands, nothing written: the confirmation the secretary reads before saving,
 * and the same judgement the save repeats under the meeting's lock. Each item's procedure is the one fixed when
 * voting opened, or (a planned meeting) the one its award form has now, which the save fixes (fixProcedures).
 */
async function judge(db: Db, meeting: Pick<MeetingRow, 'id' | 'tenant_id'>, input: PaperBallotInput) {
  const tenantId = meeting.tenant_id;
  const [agenda, members, recusals] = await Promise.all([
    agendaOf(db, tenantId, meeting.id), attendanceOf(db, tenantId, meeting.id), recusalsOf(db, tenantId, meeting.id)]);
  const current = new Map<string, Procedure>();
  for (const form of new Set(agenda.filter((i) => i.threshold_of === null).map((i) => i.award_form))) current.set(form, await procedureFor(db, tenantId, form));
  const results = declarePaperBallot({
    members: members.map((m) => m.person_id), present: input.present, counts: input.counts,
    items: agenda.map((i) => ({
      id: i.id, name: i.name, outcome: i.outcome, recused: recusals.filter((r) => r.item_id === i.id).map((r) => r.person_id),
      procedure: i.threshold_of === null ? current.get(i.award_form)! : { thresholdPercent: Number(i.threshold_percent), thresholdOf: i.threshold_of },
    })),
  });
  return { agenda, members, results };
}

async function assertPaperAllowed(db: Db, meeting: Pick<MeetingRow, 'id' | 'tenant_id'>, status: MeetingRow['status']) {
  allowed(status, 'record_paper');
  // Never mixed with online ballots: the online papers are anonymous, so a member who voted online and again on
  // paper could not be told apart and would count twice. A meeting opened online with nothing cast yet may still
  // count on paper (the members ended up voting in the room); once anyone has voted online, the chair closes that ballot.
  const cast = [...(await ballotCounts(db, meeting.tenant_id, meeting.id)).values()].reduce((a, b) => a + b, 0);
  if (cast > 0) throw new AppError('council.paper_after_online', 409, { count: cast });
}

/** What the counts would declare, per candidate (đạt / không đạt with the share of yes votes); nothing is saved. */
export async function checkPaperBallot(ctx: CommandContext, meetingId: string, input: PaperBallotInput): Promise<PaperResult[]> {
  const meeting = await managedMeeting(ctx.db, ctx.actor, meetingId);
  await assertPaperAllowed(ctx.db, meeting, meeting.status);
  return (await judge(ctx.db, meeting, input)).results;
}

/** Attaches the scanned counting minutes (PDF), replacing any attached before the counts are recorded. */
export async function attachPaperMinutes(ctx: CommandContext, files: FileStore, meetingId: string,
  upload: Pick<UploadInput, 'bytes' | 'declaredType' | 'name' | 'maxBytes'>): Promise<void> {
  const meeting = await managedMeeting(ctx.db, ctx.actor, meetingId);
  allowed(meeting.status, 'record_paper');
  const stored = await storeUpload(ctx, files, { ...upload, organisationPath: meeting.organisation_path });
  const tenantId = ctx.actor.tenantId;
  await ctx.db.transaction().execute(async (trx) => {
    const { status } = await lockMeeting(trx, tenantId, meeting.id, 'update');
    allowed(status, 'record_paper');
    // not versioned: the scan is replaced whole, and the counts it backs are saved against the meeting's version
    const row = { minutes_sha256: stored.sha256, minutes_name: stored.name, attached_by: ctx.actor.userId, attached_at: ctx.now };
    await trx.insertInto('council_paper_ballots').values({ tenant_id: tenantId, meeting_id: meeting.id, ...row, recorded_by: null, recorded_at: null })
      .onConflict((oc) => oc.columns(['tenant_id', 'meeting_id']).doUpdateSet(row)).execute();
    await audit(trx, ctx, meeting, 'paper_minutes', { sha256: stored.sha256, name: stored.name });
  });
}

/**
 * Records the paper ballot and declares the results: who was present (the attendance, replacing what was ticked
 * before), per candidate the ballots for, against and abstaining, judged by declarePaperBallot. Made from an older
 * version of the meeting, refused (409 edit.stale); bad counts, 400 and nothing written.
 */
export async function recordPaperBallot(ctx: CommandContext, meetingId: string, input: PaperBallotInput & { version: number }) {
  const meeting = await managedMeeting(ctx.db, ctx.actor, meetingId);
  const tenantId = ctx.actor.tenantId;
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await lockMeeting(trx, tenantId, meeting.id, 'update');
    await assertPaperAllowed(trx, meeting, locked.status);
    assertCurrentVersion(input.version, locked.version);
    const paper = await paperBallotOf(trx, tenantId, meeting.id);
    if (!paper) throw new AppError('council.paper_minutes_missing', 400);
    await fixProcedures(trx, tenantId, meeting.id);
    const { agenda, members, results } = await judge(trx, meeting, input);
    const present = new Set(input.present);
    for (const value of [true, false]) {
      const ids = members.filter((m) => present.has(m.person_id) === value).map((m) => m.person_id);
      if (ids.length) {
        await trx.updateTable('council_attendance').set({ present: value })
          .where('tenant_id', '=', tenantId).where('meeting_id', '=', meeting.id).where('person_id', 'in', ids).execute();
      }
    }
    const byItem = new Map(results.map((r) => [r.itemId, r]));
    const counts = await declareResults(trx, ctx, meeting, agenda.map((item) => {
      const r = byItem.get(item.id) ?? { tally: { yes: 0, no: 0, abstain: 0 }, base: { members: 0, present: 0 }, outcome: 'failed' as const };
      return { item, tally: r.tally, base: r.base, outcome: r.outcome, thresholdOf: item.threshold_of ?? 'members' };
    }), 'paper');
    await trx.updateTable('council_paper_ballots').set({ recorded_by: ctx.actor.userId, recorded_at: ctx.now })
      .where('tenant_id', '=', tenantId).where('meeting_id', '=', meeting.id).execute();
    await audit(trx, ctx, meeting, 'paper_ballot', {
      status: [locked.status, 'closed'], ...counts, present: present.size, members: members.length, minutes: paper.minutes_sha256,
      items: results.map((r) => ({ itemId: r.itemId, ...r.tally, outcome: r.outcome })),
    });
    return counts;
  });
}

/** The scanned counting minutes, for whoever sees the meeting. */
export async function paperMinutesFile(db: Db, actor: Actor, files: FileStore, meetingId: string): Promise<FileContent> {
  const meeting = await visibleMeeting(db, actor, meetingId);
  const paper = await paperBallotOf(db, actor.tenantId, meeting.id);
  if (!paper) throw notFound('council_paper_minutes');
  return readFile({ db, actor }, files, paper.minutes_sha256);
}
