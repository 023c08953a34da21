import { z } from 'zod';
import { actorOf, type AppDeps, type ZodApp } from '../../platform/http/context.ts';
import { PHASE_KINDS } from '../movements/index.ts';
import { ballotSecretOf } from '../council/index.ts';
import { dashboardOf } from './service.ts';
import { formatDocumentNumber } from '../../shared/document-number.ts';
import { calendarDate } from '../../platform/http/dates.ts';

const tags = ['dashboard'];
const isoDate = calendarDate;
const ref = z.object({ id: z.uuid(), name: z.string() });
const count = z.number().int();
const punctuality = z.object({ onTime: count, late: count, missing: count, pending: count });
const batch = z.object({ id: z.uuid(), title: z.string(), status: z.string(), organisationName: z.string(), reason: z.string() });
const batches = z.object({ total: count, items: z.array(batch) });

const dashboardSchema = z.object({
  today: isoDate, year: count, units: z.array(ref),
  due: z.array(z.object({
    unit: ref, movement: z.object({ id: z.uuid(), name: z.string(), issuerName: z.string() }),
    kind: z.enum([...PHASE_KINDS, 'nomination_window']), title: z.string(), startsOn: isoDate.nullable(), dueOn: isoDate,
    workingDaysLeft: z.number().int(), timing: z.enum(['past', 'soon', 'later']), status: z.enum(['done', 'done_late', 'due', 'overdue']), known: z.boolean(), doneAt: z.string().nullable(),
  })),
  waiting: z.object({
    approvals: batches, appraisals: batches, returned: batches, assigned: batches, reviews: batches,
    signatures: z.object({ total: count, items: z.array(z.object({
      id: z.uuid(), number: z.string(), reason: z.string(), awardFormName: z.string(), authorityName: z.string(),
    })) }),
    meetings: z.array(z.object({ meetingId: z.uuid(), councilName: z.string(), meetingDate: isoDate, status: z.enum(['planned', 'voting']) })),
    ballots: z.array(z.object({ meetingId: z.uuid(), councilName: z.string(), meetingDate: isoDate, openItems: count })),
    moderation: z.array(z.object({ consultationId: z.uuid(), title: z.string(), pending: count })),
    reports: z.array(z.object({
      phaseId: z.uuid(), organisationId: z.uuid(), organisationName: z.string(), phaseTitle: z.string(), movementName: z.string(),
      dueOn: isoDate.nullable(), submitted: count,
    })),
    unreadNotifications: count,
  }),
  punctuality: z.array(z.object({ unit: ref, parentId: z.uuid(), responsePlans: punctuality, registrations: punctuality })),
  awards: z.object({
    total: count, titles: count, awards: count, amount: z.number(),
    byForm: z.array(z.object({ code: z.string(), name: z.string(), category: z.enum(['title', 'award']), count, amount: z.number() })),
  }),
});

const presentBatches = (b: { total: number; rows: { id: string; title: string; status: string; organisation_name: string; reason?: string | null }[] }) => ({
  total: b.total, items: b.rows.map((r) => ({ id: r.id, title: r.title, status: r.status, organisationName: r.organisation_name, reason: r.reason ?? '' })),
});

export async function dashboardRoutes(app: ZodApp, deps: AppDeps) {
  const ballotSecret = ballotSecretOf(deps.config);
  app.get('/dashboard', {
    schema: { tags, summary: 'The signed-in officer\'s home: deadlines falling on my units, what waits for me, my subtree\'s punctuality, this year\'s awards',
      response: { 200: dashboardSchema } },
  }, async (request) => {
    const d = await dashboardOf(deps.db, actorOf(request), deps.clock.now(), ballotSecret);
    return {
      today: d.today, year: d.year, units: d.units.map((u) => ({ id: u.id, name: u.name })),
      due: d.due.map((i) => ({ ...i, doneAt: i.doneAt?.toISOString() ?? null })),
      waiting: {
        approvals: presentBatches(d.waiting.approvals), appraisals: presentBatches(d.waiting.appraisals),
        returned: presentBatches(d.waiting.returned), assigned: presentBatches(d.waiting.assigned), reviews: presentBatches(d.waiting.reviews),
        signatures: { total: d.waiting.signatures.total, items: d.waiting.signatures.rows.map((r) => ({
          id: r.id, number: formatDocumentNumber(r.number, r.symbol), reason: r.reason, awardFormName: r.award_form_name, authorityName: r.authority_name,
        })) },
        meetings: d.waiting.meetings.map((m) => ({ meetingId: m.id, councilName: m.council_name, meetingDate: m.meeting_date, status: m.status as 'planned' | 'voting' })),
        ballots: d.waiting.openBallots.map((b) => ({ meetingId: b.meeting.id, councilName: b.meeting.council_name, meetingDate: b.meeting.meeting_date, openItems: b.open })),
        moderation: d.waiting.moderation.map((c) => ({ consultationId: c.id, title: c.title, pending: Number(c.pending_count) })),
        reports: d.waiting.reports.map((r) => ({
          phaseId: r.phase_id, organisationId: r.organisation_id, organisationName: r.organisation_name, phaseTitle: r.phase_title,
          movementName: r.movement_name, dueOn: r.due_on, submitted: Number(r.submitted),
        })),
        unreadNotifications: d.waiting.unread,
      },
      punctuality: d.punctuality.map((p) => ({ unit: { id: p.id, name: p.name }, parentId: p.parentId, responsePlans: p.responsePlans, registrations: p.registrations })),
      awards: d.awards,
    };
  });
}
