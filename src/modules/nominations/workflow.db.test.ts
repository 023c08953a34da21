import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import { buildUser } from '../../testing/factories.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import type { BatchStatus, CandidateStatus, Role } from '../../platform/db/schema.ts';
import { ROLES, canReach, type Actor } from '../../platform/auth/policy.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { buildOfficeReview } from './fixture.testing.ts';
import { BATCH_STATUSES, CANDIDATE_STATUSES, batchTransition, candidateTransition, type BatchAction, type CandidateAction } from './workflow.ts';
import { moveCandidate } from './transitions.ts';
import { candidatesOf, findBatch } from './store.ts';

/**
 * Every transition of the state machine, tried from every state by every role held at the right level:
 * exactly those in the workflow table, made by a role the policy grants, succeed; every other attempt is
 * refused and changes nothing. Then two units submitting at the same instant into one shared quota.
 */
let handle: DatabaseHandle;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof buildOfficeReview>>;
const sessions = new Map<Role, Session>();
const actors = new Map<Role, Actor>();

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  world = await buildOfficeReview(handle.db);
  // every role held at the Office: it reaches the sub-unit (nominating) and the Office (receiving)
  for (const role of ROLES) {
    await buildUser(handle.db, world.tenantId, role, world.office, { username: `role.${role}` });
    const session = await signIn(app, `role.${role}`);
    sessions.set(role, session);
    const me = (await session.request({ method: 'GET', url: '/api/auth/me' })).json();
    actors.set(role, { userId: me.user.id, tenantId: world.tenantId, username: `role.${role}`, displayName: '', personId: null,
      grants: [{ id: uuidv7(), role, organisationId: world.office.id, organisationName: '', path: world.office.path }] });
  }
});
afterAll(async () => { await app.close(); await handle.close(); });

/** A giay_khen batch of sub-unit 1 to the Office in `status`, one candidate in `candidate`, letter and minutes on file. */
async function batchIn(status: BatchStatus, candidate: CandidateStatus) {
  const id = uuidv7();
  const now = new Date();
  await handle.db.insertInto('nomination_batches').values({
    tenant_id: world.tenantId, id, organisation_id: world.sub1.id, receiving_organisation_id: world.office.id, movement_id: null, award_item_id: null,
    award_form: 'giay_khen', kind: 'merit', year: 2026, title: 'Đề nghị tặng Giấy khen', status, forwarded_from_batch_id: null, letter_number: '',
    submitted_at: null, submitted_by: null, receipt_number: null, created_by: null, created_at: now, updated_at: now,
  }).execute();
  const candidateId = uuidv7();
  await handle.db.insertInto('nomination_candidates').values({
    tenant_id: world.tenantId, id: candidateId, batch_id: id, person_id: world.people.an, organisation_id: null, household_id: null,
    status: candidate, name: 'Nguyễn Văn An', name_fold: 'nguyen van an', sort_key: 'an', position: '', unit_name: '', is_leader: false,
    achievement: '', eligibility: null, note: '', source_candidate_id: null, award_id: null, created_at: now, updated_at: now,
  }).execute();
  for (const kind of ['proposal_letter', 'minutes'] as const) {
    await handle.db.insertInto('nomination_documents').values({ tenant_id: world.tenantId, id: uuidv7(), batch_id: id, candidate_id: null, kind,
      sha256: 'c'.repeat(64), name: `${kind}.pdf`, size: 1, uploaded_by: null, uploaded_at: now, replaced_at: null }).execute();
  }
  return { id, candidateId };
}

/** The candidate state each batch state holds in the ordinary course, so that only the workflow decides. */
const CANDIDATE_IN: Record<BatchStatus, CandidateStatus> = {
  draft: 'draft', awaiting_head: 'draft', submitted: 'submitted', under_appraisal: 'accepted', returned: 'returned', accepted: 'accepted', decided: 'decided',
};

const BATCH_ROUTES: [BatchAction, string, object | undefined][] = [
  ['request_approval', 'request-approval', undefined],
  ['send_back', 'send-back', { reason: 'Bổ sung hồ sơ.' }],
  ['submit', 'submit', undefined],
  ['recall', 'recall', { reason: 'Tờ trình ghi sai năm.' }],
  ['open_appraisal', 'open-appraisal', undefined],
  ['accept', 'finish-appraisal', undefined],
];

const batchStatus = async (id: string) =>
  (await handle.db.selectFrom('nomination_batches').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const candidateStatus = async (id: string) =>
  (await handle.db.selectFrom('nomination_candidates').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

describe('the nomination state machine, through the API', () => {
  for (const [action, path, payload] of BATCH_ROUTES) {
    it(`batch: ${action}, from every state, as every role`, async () => {
      for (const from of BATCH_STATUSES) {
        for (const role of ROLES) {
          const { id } = await batchIn(from, CANDIDATE_IN[from]);
          const t = batchTransition(from, action);
          const permitted = t !== null && canReach(actors.get(role)!, t.permission, world.office.path);
          const response = await sessions.get(role)!.request({ method: 'POST', url: `/api/nominations/batches/${id}/${path}`, ...(payload && { payload }) });
          const label = `${action} from ${from} as ${role}: ${response.body}`;
          if (permitted) {
            expect(response.statusCode, label).toBeLessThan(300);
            expect(await batchStatus(id), label).toBe(t.to);
          } else {
            expect([403, 404, 409], label).toContain(response.statusCode);
            expect(await batchStatus(id), label).toBe(from);
          }
        }
      }
    });
  }

  const VERDICTS: CandidateAction[] = ['accept', 'return', 'reject'];
  it('candidate verdicts, from every state, as every role (the batch under appraisal)', async () => {
    for (const verdict of VERDICTS) {
      for (const from of CANDIDATE_STATUSES) {
        for (const role of ROLES) {
          const { id, candidateId } = await batchIn('under_appraisal', from);
          const t = candidateTransition(from, verdict);
          const permitted = t !== null && canReach(actors.get(role)!, t.permission, world.office.path);
          const response = await sessions.get(role)!.request({ method: 'POST', url: `/api/nominations/batches/${id}/candidates/${candidateId}/verdict`,
            payload: { verdict, reason: 'Lý do.' } });
          const label = `${verdict} from ${from} as ${role}: ${response.body}`;
          if (permitted) {
            expect(response.statusCode, label).toBe(204);
            expect(await candidateStatus(candidateId), label).toBe(t.to);
          } else {
            expect([403, 404, 409], label).toContain(response.statusCode);
            expect(await candidateStatus(candidateId), label).toBe(from);
          }
        }
      }
    }
  });

  it('withdrawing a candidate, from every candidate state, as every role (the batch returned to the unit)', async () => {
    for (const from of CANDIDATE_STATUSES) {
      for (const role of ROLES) {
        const { id, candidateId } = await batchIn('returned', from);
        const t = candidateTransition(from, 'withdraw');
        const permitted = t !== null && canReach(actors.get(role)!, t.permission, world.sub1.path);
        const response = await sessions.get(role)!.request({ method: 'POST', url: `/api/nominations/batches/${id}/candidates/${candidateId}/withdraw`,
          payload: { reason: 'Chuyển công tác.' } });
        const label = `withdraw from ${from} as ${role}: ${response.body}`;
        if (permitted) expect(response.statusCode, label).toBe(204);
        else expect([403, 404, 409], label).toContain(response.statusCode);
        expect(await candidateStatus(candidateId), label).toBe(permitted ? 'withdrawn' : from);
      }
    }
  });

  it('forwarding, from every candidate state, as every role', async () => {
    for (const from of CANDIDATE_STATUSES) {
      for (const role of ROLES) {
        const { id, candidateId } = await batchIn('accepted', from);
        await handle.db.updateTable('nomination_batches').set({ award_form: 'bang_khen_tinh' }).where('id', '=', id).execute();
        const t = candidateTransition(from, 'forward');
        const permitted = t !== null && canReach(actors.get(role)!, t.permission, world.office.path);
        const response = await sessions.get(role)!.request({ method: 'POST', url: `/api/nominations/batches/${id}/forward`, payload: { candidateIds: [candidateId] } });
        const label = `forward from ${from} as ${role}: ${response.body}`;
        if (permitted) expect(response.statusCode, label).toBe(201);
        else expect([403, 404, 409], label).toContain(response.statusCode);
        expect(await candidateStatus(candidateId), label).toBe(permitted ? 'forwarded' : from);
      }
    }
  });
});

describe('the council\'s and the decision\'s moves, through moveCandidate', () => {
  // the council module moves candidates when a ballot closes, the decision module when a decision is
  // issued; both go through moveCandidate, which holds them to the same table and the same policy
  const ACTIONS: CandidateAction[] = ['vote_pass', 'vote_fail', 'defer', 'decide'];
  it('vote_pass, vote_fail, defer and decide, from every candidate state, as every role', async () => {
    for (const action of ACTIONS) {
      for (const from of CANDIDATE_STATUSES) {
        for (const role of ROLES) {
          const { id, candidateId } = await batchIn('accepted', from);
          const actor = actors.get(role)!;
          const t = candidateTransition(from, action);
          const permitted = t !== null && canReach(actor, t.permission, world.office.path);
          const ctx = { db: handle.db, actor, now: new Date(), requestId: 'workflow-test' };
          const attempt = handle.db.transaction().execute(async (trx) => {
            const batch = (await findBatch(trx, world.tenantId, id))!;
            const candidate = (await candidatesOf(trx, world.tenantId, id))[0]!;
            await moveCandidate(trx, { ...ctx, db: trx }, batch, candidate, action, 'Kết quả biểu quyết.');
          });
          const label = `${action} from ${from} as ${role}`;
          if (permitted) {
            await attempt;
            expect(await candidateStatus(candidateId), label).toBe(t.to);
          } else {
            await expect(attempt, label).rejects.toMatchObject({ status: t === null ? 409 : 403 });
            expect(await candidateStatus(candidateId), label).toBe(from);
          }
        }
      }
    }
  });
});

describe('a shared quota under concurrent submissions', () => {
  it('two heads submitting at the same instant cannot both spend the Office\'s one Bằng khen place', async () => {
    const heads = ['head.sub1', 'head.sub2'];
    const batches: string[] = [];
    for (const [i, unit] of [world.sub1, world.sub2].entries()) {
      const officer = await signIn(app, `officer.sub${i + 1}`);
      const created = await officer.request({ method: 'POST', url: '/api/nominations/batches',
        payload: { organisationId: unit.id, kind: 'thematic', movementId: world.movementId, awardItemId: world.awards.bk } });
      const batchId = created.json().id as string;
      const person = i === 0 ? world.people.binh : world.people.dung;
      const added = await officer.request({ method: 'POST', url: `/api/nominations/batches/${batchId}/candidates`, payload: { personId: person } });
      expect(added.statusCode, added.body).toBe(201);
      for (const [kind, candidateId] of [['proposal_letter', null], ['minutes', null], ['achievement_report', added.json().id]] as const) {
        await handle.db.insertInto('nomination_documents').values({ tenant_id: world.tenantId, id: uuidv7(), batch_id: batchId, candidate_id: candidateId, kind,
          sha256: 'd'.repeat(64), name: `${kind}.pdf`, size: 1, uploaded_by: null, uploaded_at: new Date(), replaced_at: null }).execute();
      }
      expect((await officer.request({ method: 'POST', url: `/api/nominations/batches/${batchId}/request-approval` })).statusCode).toBe(204);
      batches.push(batchId);
    }
    const headSessions = await Promise.all(heads.map((h) => signIn(app, h)));
    const results = await Promise.all(batches.map((b, i) => headSessions[i]!.request({ method: 'POST', url: `/api/nominations/batches/${b}/submit` })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe('nomination.over_quota');
    const submitted = await handle.db.selectFrom('nomination_candidates as c')
      .innerJoin('nomination_batches as b', 'b.id', 'c.batch_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('b.award_item_id', '=', world.awards.bk).where('c.status', '=', 'submitted').executeTakeFirstOrThrow();
    expect(Number(submitted.n)).toBe(1);
  });
});
