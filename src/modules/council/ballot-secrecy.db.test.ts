import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { pageinspect } from '@electric-sql/pglite/contrib/pageinspect';
import type { Kysely } from 'kysely';
import { openTestDatabase } from '../../testing/database.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { migrate } from '../../platform/db/migrate.ts';
import type { Database } from '../../platform/db/schema.ts';
import { buildOrganisation, buildPerson, buildTenant, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { signIn, startTestApp, TEST_BALLOT_SECRET, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { buildAcceptedCandidate, buildCouncil, buildMeeting } from './fixtures.testing.ts';
import { meetingKey, tokenHash } from './ballot-box.ts';

/**
 * The attacks of issue 15.3, tried against the secret ballot on a real database: someone who can SELECT
 * watches transaction ids (xmin) and the physical order of rows while the council votes, and reads the
 * audit log and the server's log afterwards. None of it may tie a member to a choice, nor to the moment
 * they voted.
 */
let handle: DatabaseHandle;
let app: FastifyInstance;
const logLines: string[] = [];

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle, {}, { logStream: { write: (line: string) => { logLines.push(line); } } }));
});
afterAll(async () => { await app.close(); await handle.close(); });

const NAMES = ['Lò Văn Thành', 'Cầm Thị Mai', 'Quàng Văn Phong', 'Tòng Thị Hương', 'Điêu Văn Sơn', 'Bạc Thị Thu'];
type Choice = 'yes' | 'no' | 'abstain';

interface Member { personId: string; userId: string; username: string; session: Session }
interface World { tenantId: string; office: BuiltOrganisation; officer: Session; members: Member[]; meetingId: string; items: { id: string; name: string }[] }

/**
 * The Office's six-member council, all present, voting on three candidates: two of the Office's staff and one
 * of division A, whose head (member 1) is recused from that item. Everyone signs in before the vote opens.
 */
async function votingMeeting(target: FastifyInstance = app, db = handle.db): Promise<World> {
  const tenantId = (await buildTenant(db)).id;
  const office = await buildOrganisation(db, tenantId, null, { name: 'Văn phòng UBND tỉnh' });
  const phongA = await buildOrganisation(db, tenantId, office, { name: 'Phòng Tổng hợp' });
  const officer = await signIn(target, (await buildUser(db, tenantId, 'standing_officer', office)).username);
  const members: Member[] = [];
  for (const [i, name] of NAMES.entries()) {
    const person = await buildPerson(db, tenantId, name, [{ organisation: i === 1 ? phongA : office, isLeader: i === 1 }]);
    const user = await buildUser(db, tenantId, 'council_member', office, { personId: person.id });
    members.push({ personId: person.id, userId: user.id, username: user.username, session: await signIn(target, user.username) });
  }
  await buildCouncil(db, office, members.map((m) => ({ personId: m.personId })));
  for (const name of ['Phạm Thị Một', 'Phạm Văn Hai']) {
    await buildAcceptedCandidate(db, { unit: office, receiving: office, person: await buildPerson(db, tenantId, name, [{ organisation: office }]) });
  }
  await buildAcceptedCandidate(db, { unit: phongA, receiving: office, person: await buildPerson(db, tenantId, 'Phạm Văn Ba', [{ organisation: phongA }]) });
  const created = await officer.request({ method: 'POST', url: '/api/council/meetings', payload: { organisationId: office.id, date: '2026-11-25' } });
  expect(created.statusCode, created.body).toBe(201);
  const meetingId = created.json().id as string;
  const attended = await officer.request({ method: 'PUT', url: `/api/council/meetings/${meetingId}/attendance`, payload: { present: members.map((m) => m.personId) } });
  expect(attended.statusCode, attended.body).toBe(200);
  const opened = await officer.request({ method: 'POST', url: `/api/council/meetings/${meetingId}/open` });
  expect(opened.statusCode, opened.body).toBe(200);
  const items = (opened.json().items as { id: string; name: string }[]).map((i) => ({ id: i.id, name: i.name }));
  return { tenantId, office, officer, members, meetingId, items };
}

/** Member k's choices: every item they may vote on (member 1 is recused from Phạm Văn Ba). */
function ballotOf(w: World, k: number, choiceOf: (k: number, item: number) => Choice) {
  return w.items.flatMap((item, j) => (k === 1 && item.name === 'Phạm Văn Ba' ? [] : [{ itemId: item.id, choice: choiceOf(k, j) }]));
}
async function cast(w: World, k: number, votes: { itemId: string; choice: Choice }[], member = w.members[k]!) {
  const response = await member.session.request({ method: 'POST', url: `/api/council/meetings/${w.meetingId}/ballot`, payload: { votes } });
  expect(response.statusCode, `member ${k}: ${response.body}`).toBe(200);
}
async function close(w: World) {
  const response = await w.officer.request({ method: 'POST', url: `/api/council/meetings/${w.meetingId}/close` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: { id: string; name: string; outcome: string; tally: { yes: number; no: number; abstain: number } }[] };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const itemIdsOf = (w: World) => w.items.map((i) => i.id);
/** Every row version now visible in the ballot's own tables, with its transaction id. */
async function ballotRows(w: World, db = handle.db) {
  const ids = itemIdsOf(w);
  const [box, counters, cast] = await Promise.all([
    sql<{ xmin: string; ctid: string; item_id: string; token_hash: string; sealed: string | null }>`SELECT xmin::text AS xmin, ctid::text AS ctid, item_id::text AS item_id, token_hash, sealed
      FROM council_ballot_box WHERE item_id = ANY(${ids}::uuid[])`.execute(db),
    sql<{ xmin: string; id: string; yes_count: number; no_count: number; abstain_count: number }>`SELECT xmin::text AS xmin, id::text AS id, yes_count, no_count, abstain_count
      FROM council_agenda_items WHERE id = ANY(${ids}::uuid[])`.execute(db),
    sql<{ xmin: string; ctid: string; item_id: string; person_id: string }>`SELECT xmin::text AS xmin, ctid::text AS ctid, item_id::text AS item_id, person_id::text AS person_id
      FROM council_ballots_cast WHERE item_id = ANY(${ids}::uuid[])`.execute(db),
  ]);
  return { box: box.rows, counters: counters.rows, cast: cast.rows };
}

/** The transaction ids of every row, in every table, that names one of the members (person, account or user name). */
async function memberRowXmins(w: World): Promise<Map<string, string[]>> {
  const identities = w.members.flatMap((m) => [m.personId, m.userId, m.username]);
  const tables = await sql<{ table_name: string }>`SELECT table_name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`.execute(handle.db);
  expect(tables.rows.length).toBeGreaterThan(30);
  const found = new Map<string, string[]>();
  for (const { table_name } of tables.rows) {
    const rows = await sql<{ xmin: string; row: string }>`SELECT xmin::text AS xmin, to_jsonb(t)::text AS row FROM ${sql.table(table_name)} t`.execute(handle.db);
    for (const r of rows.rows) {
      if (identities.some((x) => r.row.includes(x))) found.set(r.xmin, [...(found.get(r.xmin) ?? []), table_name]);
    }
  }
  return found;
}

const ctidOrder = (ctid: string) => ctid.slice(1, -1).split(',').map(Number) as [number, number];
const byCtid = <T extends { ctid: string }>(rows: readonly T[]) => [...rows].sort((a, b) => {
  const [pa, ia] = ctidOrder(a.ctid);
  const [pb, ib] = ctidOrder(b.ctid);
  return pa - pb || ia - ib;
});

describe('the secret ballot against someone who reads the database', () => {
  it('the xmin attack: no ballot moves a counter, and no row a ballot writes shares its transaction with a row naming a member', async () => {
    const w = await votingMeeting();
    const choiceOf = (k: number, j: number): Choice => (['yes', 'no', 'abstain'] as const)[(k + j) % 3]!;
    const before = await ballotRows(w);
    expect(before.box.length).toBe(6 * 3 - 1);
    expect(before.cast).toEqual([]);
    const countersAtOpen = before.counters.map((c) => `${c.id}:${c.xmin}:${c.yes_count}/${c.no_count}/${c.abstain_count}`).sort();
    let seen = new Set([...before.box, ...before.counters].map((r) => r.xmin));
    // in an order that is neither the council's nor the members' ids
    for (const k of [3, 0, 5, 1, 4, 2]) {
      await cast(w, k, ballotOf(w, k, choiceOf));
      const now = await ballotRows(w);
      // the counters an onlooker would watch do not move while the ballot is open
      expect(now.counters.map((c) => `${c.id}:${c.xmin}:${c.yes_count}/${c.no_count}/${c.abstain_count}`).sort()).toEqual(countersAtOpen);
      // nobody is recorded as having voted until the close
      expect(now.cast).toEqual([]);
      const written = new Set([...now.box, ...now.counters].map((r) => r.xmin).filter((x) => !seen.has(x)));
      // the vote did write (the member's papers, sealed), in a transaction of its own …
      expect(written.size).toBe(1);
      expect(now.box.filter((b) => written.has(b.xmin)).length).toBe(ballotOf(w, k, choiceOf).length);
      // … and no row anywhere that names a member (their attendance, account, session, a notification, an audit row) carries it
      const named = await memberRowXmins(w);
      const shared = [...written].filter((x) => named.has(x)).map((x) => `${x}: ${named.get(x)!.join(', ')}`);
      expect(shared, `member ${k}'s ballot shares its transaction with rows naming a member`).toEqual([]);
      seen = new Set([...now.box, ...now.counters].map((r) => r.xmin));
    }
    const closed = await close(w);
    // the results are those of the ballots cast
    const expected = w.items.map((item, j) => {
      const tally = { yes: 0, no: 0, abstain: 0 };
      for (const k of range(6)) if (!(k === 1 && item.name === 'Phạm Văn Ba')) tally[choiceOf(k, j)]++;
      return { id: item.id, tally };
    });
    expect(closed.items.map((i) => ({ id: i.id, tally: i.tally }))).toEqual(expected);
    const after = await ballotRows(w);
    // the box is empty and the salt forgotten: the sealed papers' versions can never be opened again
    expect(after.box).toEqual([]);
    expect((await handle.db.selectFrom('council_meetings').select('ballot_salt').where('id', '=', w.meetingId).executeTakeFirstOrThrow()).ballot_salt).toBeNull();
    // the counters and who took part are written once, for everyone, in the close's one transaction
    const closeXmins = new Set([...after.counters, ...after.cast].map((r) => r.xmin));
    expect(closeXmins.size).toBe(1);
    expect(after.cast).toHaveLength(6 * 3 - 1);
  });

  it('the row-order attack: papers are issued in random order, and what is stored per member is one batch in member order', async () => {
    const w = await votingMeeting();
    const db = handle.db;
    const { ballot_salt: salt } = await db.selectFrom('council_meetings').select('ballot_salt').where('id', '=', w.meetingId).executeTakeFirstOrThrow();
    expect(salt).not.toBeNull();
    // the box names no member, stamps no time and counts no sequence
    const columns = async (table: string) => (await sql<{ column_name: string }>`SELECT column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ${table} ORDER BY column_name`.execute(db)).rows.map((c) => c.column_name);
    expect(await columns('council_ballot_box')).toEqual(['item_id', 'sealed', 'tenant_id', 'token_hash']);
    expect(await columns('council_ballots_cast')).toEqual(['item_id', 'person_id', 'tenant_id']);
    // the papers as issued: one transaction, physical order unrelated to the council's order (with the server's secret,
    // which this test holds and a database reader does not, each paper's owner can be told)
    const key = meetingKey(TEST_BALLOT_SECRET, { tenantId: w.tenantId, meetingId: w.meetingId, salt: salt! });
    const owner = new Map(w.items.flatMap((i) => w.members.map((m, k) => [tokenHash(key, i.id, m.personId), `${i.id}/${k}` as string] as const)));
    const issued = (await ballotRows(w)).box;
    expect(new Set(issued.map((p) => p.xmin)).size).toBe(1);
    const issuedOwners = new Set(issued.map((p) => owner.get(p.token_hash)));
    const councilOrder = w.items.flatMap((i) => w.members.map((_, k) => `${i.id}/${k}`)).filter((x) => issuedOwners.has(x));
    const physical = byCtid(issued).map((p) => owner.get(p.token_hash));
    expect(physical).toHaveLength(councilOrder.length);
    expect(physical).not.toEqual(councilOrder);
    expect([...physical].sort()).toEqual([...councilOrder].sort());

    // members vote in the reverse of their ids' order: the order stored at the close must not say so
    const order = w.members.map((m, k) => ({ k, id: m.personId })).sort((a, b) => (a.id < b.id ? 1 : -1)).map((x) => x.k);
    for (const k of order) await cast(w, k, ballotOf(w, k, () => 'yes'));
    const sealed = (await ballotRows(w)).box.map((p) => p.sealed!);
    // every sealed paper has the same length, whatever it holds
    expect(new Set(sealed.map((s) => s.length)).size).toBe(1);
    await close(w);
    const stored = byCtid((await ballotRows(w)).cast).map((r) => `${r.item_id}/${r.person_id}`);
    const sorted = [...stored].sort();
    expect(stored).toEqual(sorted);
    const voting = w.items.flatMap((i) => order.filter((k) => !(k === 1 && i.name === 'Phạm Văn Ba')).map((k) => `${i.id}/${w.members[k]!.personId}`));
    expect(stored).not.toEqual(voting);
  });

  it('the audit log and the server log tie no member to a choice or to the moment of their vote', async () => {
    const w = await votingMeeting();
    const from = logLines.length;
    for (const k of [4, 2, 0, 1, 5, 3]) await cast(w, k, ballotOf(w, k, (m) => (m % 2 === 0 ? 'yes' : 'no')));
    const during = logLines.slice(from);
    await close(w);
    const minutes = await w.officer.request({ method: 'GET', url: `/api/council/meetings/${w.meetingId}` });
    expect(minutes.statusCode).toBe(200);
    const lines = logLines.slice(from);
    // the server logged this time (the meeting read is there) …
    expect(lines.some((l) => l.includes(`/api/council/meetings/${w.meetingId}`))).toBe(true);
    // … but not one ballot: a logged request would stamp each voter's moment (and, behind a proxy, their address)
    expect(during.filter((l) => l.includes('/ballot'))).toEqual([]);
    expect(lines.filter((l) => l.includes('/ballot'))).toEqual([]);
    const identities = w.members.flatMap((m) => [m.personId, m.userId, m.username]);
    expect(lines.filter((l) => identities.some((x) => l.includes(x)))).toEqual([]);
    expect(lines.filter((l) => /"(yes|no|abstain)"|choice/.test(l))).toEqual([]);

    const audit = await handle.db.selectFrom('audit_log').select(['action', 'actor_user_id', 'changes'])
      .where('entity_id', '=', w.meetingId).orderBy('id').execute();
    // no entry per ballot: the log knows the ballot opened with 17 papers and closed with 17 ballots, nothing between
    expect(audit.map((a) => a.action)).toEqual(['council.meeting_create', 'council.attendance', 'council.open', 'council.close']);
    expect(audit.filter((a) => w.members.some((m) => m.userId === a.actor_user_id))).toEqual([]);
    expect(audit.find((a) => a.action === 'council.open')!.changes).toMatchObject({ papers: 17 });
    expect(audit.find((a) => a.action === 'council.close')!.changes).toMatchObject({ ballots: 17 });
    const text = JSON.stringify(audit);
    expect(identities.filter((x) => text.includes(x))).toEqual([]);
  });
});

describe('the sealed ballot still does the ballot\'s job', () => {
  it('a restart of the server in the middle of the vote loses no ballot and still refuses a second one', async () => {
    const first = await startTestApp(handle);
    const w = await votingMeeting(first.app);
    const choices: Choice[] = ['yes', 'yes', 'no', 'yes', 'abstain', 'yes'];
    for (const k of [0, 1, 2]) await cast(w, k, ballotOf(w, k, (m) => choices[m]!));
    await first.app.close();

    // the same database and the same BALLOT_SECRET, a new process: sessions are signed in again
    const second = await startTestApp(handle);
    try {
      const again = async (k: number) => ({ ...w.members[k]!, session: await signIn(second.app, w.members[k]!.username) });
      const officer = { ...w, officer: await signIn(second.app, (await handle.db.selectFrom('users').select('username')
        .where('tenant_id', '=', w.tenantId).where('person_id', 'is', null).executeTakeFirstOrThrow()).username) };
      const m0 = await again(0);
      const twice = await m0.session.request({ method: 'POST', url: `/api/council/meetings/${w.meetingId}/ballot`, payload: { votes: ballotOf(w, 0, () => 'no') } });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error.code).toBe('council.already_voted');
      const mine = (await m0.session.request({ method: 'GET', url: '/api/council/ballots' })).json();
      expect(mine.items[0].items.map((i: { state: string }) => i.state)).toEqual(['voted', 'voted', 'voted']);
      for (const k of [3, 4, 5]) await cast(w, k, ballotOf(w, k, (m) => choices[m]!), await again(k));
      const closed = await close(officer);
      // Phạm Thị Một: yes from 0, 1, 3, 5 — no from 2 — abstain from 4; Phạm Văn Ba without member 1 (recused)
      expect(closed.items.find((i) => i.name === 'Phạm Thị Một')).toMatchObject({ outcome: 'passed', tally: { yes: 4, no: 1, abstain: 1 } });
      expect(closed.items.find((i) => i.name === 'Phạm Văn Ba')).toMatchObject({ tally: { yes: 3, no: 1, abstain: 1 } });
    } finally {
      await second.app.close();
    }
  });

  it('a recused member gets no ballot paper, and a server with another secret cannot open the box', async () => {
    const w = await votingMeeting();
    const recusedItem = w.items.find((i) => i.name === 'Phạm Văn Ba')!;
    const recused = await w.members[1]!.session.request({ method: 'POST', url: `/api/council/meetings/${w.meetingId}/ballot`,
      payload: { votes: [{ itemId: recusedItem.id, choice: 'yes' }] } });
    expect(recused.statusCode).toBe(409);
    expect(recused.json().error.code).toBe('council.recused');
    const { ballot_salt: salt } = await handle.db.selectFrom('council_meetings').select('ballot_salt').where('id', '=', w.meetingId).executeTakeFirstOrThrow();
    const key = meetingKey(TEST_BALLOT_SECRET, { tenantId: w.tenantId, meetingId: w.meetingId, salt: salt! });
    const papers = (await ballotRows(w)).box.filter((p) => p.item_id === recusedItem.id).map((p) => p.token_hash);
    expect(papers).toHaveLength(5);
    expect(papers).not.toContain(tokenHash(key, recusedItem.id, w.members[1]!.personId));

    await cast(w, 0, ballotOf(w, 0, () => 'yes'));
    const other = await startTestApp(handle, { ballotSecret: 'another-server-secret-that-never-sealed-these-papers' });
    try {
      const officer = await signIn(other.app, (await handle.db.selectFrom('users').select('username')
        .where('tenant_id', '=', w.tenantId).where('person_id', 'is', null).executeTakeFirstOrThrow()).username);
      // member 0's papers are sealed under the true key: another key finds no paper of theirs, so cannot count or link them
      const member = await signIn(other.app, w.members[0]!.username);
      const mine = (await member.request({ method: 'GET', url: '/api/council/ballots' })).json();
      expect(mine.items[0].items.map((i: { state: string }) => i.state)).toEqual(['open', 'open', 'open']);
      const closing = await officer.request({ method: 'POST', url: `/api/council/meetings/${w.meetingId}/close` });
      expect(closing.statusCode).toBe(409);
      expect(closing.json().error.code).toBe('council.ballot_unreadable');
      expect((await handle.db.selectFrom('council_meetings').select('status').where('id', '=', w.meetingId).executeTakeFirstOrThrow()).status).toBe('voting');
      expect((await ballotRows(w)).box.filter((p) => p.sealed !== null)).toHaveLength(3);
    } finally {
      await other.app.close();
    }
  });
});

describe('a ballot opened before the sealed ballot (an upgrade in the middle of a vote)', () => {
  it('takes no more ballots, and the close counts those received by the old counters', async () => {
    const db = handle.db;
    const tenantId = (await buildTenant(db)).id;
    const office = await buildOrganisation(db, tenantId, null, { name: 'Sở Nội vụ' });
    const people = [];
    for (const name of ['Hà Văn Một', 'Hà Văn Hai', 'Hà Văn Ba']) {
      const person = await buildPerson(db, tenantId, name, [{ organisation: office }]);
      people.push({ person, user: await buildUser(db, tenantId, 'council_member', office, { personId: person.id }) });
    }
    const { meetingId, itemId } = await buildMeeting(db, office, 'voting', people.map((p) => p.person.id));
    // as the old code left it: no box, no salt, counters and marks written ballot by ballot (two yes, one no)
    await db.deleteFrom('council_ballot_box').where('item_id', '=', itemId).execute();
    await db.updateTable('council_meetings').set({ ballot_salt: null }).where('id', '=', meetingId).execute();
    await db.updateTable('council_agenda_items').set({ yes_count: 2, no_count: 1 }).where('id', '=', itemId).execute();
    await db.insertInto('council_ballots_cast').values(people.map((p) => ({ tenant_id: tenantId, item_id: itemId, person_id: p.person.id }))).execute();
    const member = await signIn(app, people[0]!.user.username);
    const late = await member.request({ method: 'POST', url: `/api/council/meetings/${meetingId}/ballot`, payload: { votes: [{ itemId, choice: 'yes' }] } });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('council.no_ballot_box');
    expect(late.json().error.message).toContain('các phiếu đã nhận vẫn được tính');
    const officer = await signIn(app, (await buildUser(db, tenantId, 'standing_officer', office)).username);
    const closed = await officer.request({ method: 'POST', url: `/api/council/meetings/${meetingId}/close` });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().items[0]).toMatchObject({ outcome: 'passed', tally: { yes: 2, no: 1, abstain: 0 }, ballotsReceived: 3 });
  });
});

/** Every version of every row still on a table's pages, live or dead, as a superuser reads them with pageinspect. */
async function rowVersions(db: Kysely<Database>, table: string) {
  const { rows: [size] } = await sql<{ blocks: number }>`SELECT (pg_relation_size(${table}::regclass) / current_setting('block_size')::int)::int AS blocks`.execute(db);
  const versions: { xmin: string; attrs: Buffer[] }[] = [];
  for (let block = 0; block < size!.blocks; block++) {
    const { rows } = await sql<{ xmin: string; attrs: string[] }>`SELECT t_xmin::text AS xmin,
        array(SELECT encode(a, 'hex') FROM unnest(tuple_data_split(${table}::regclass, t_data, t_infomask, t_infomask2, t_bits)) a) AS attrs
      FROM heap_page_items(get_raw_page(${table}, ${block})) WHERE t_data IS NOT NULL`.execute(db);
    versions.push(...rows.map((r) => ({ xmin: r.xmin, attrs: r.attrs.map((a) => Buffer.from(a ?? '', 'hex')) })));
  }
  return versions;
}
const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');

describe('the secret ballot against a superuser reading dead row versions', () => {
  // pageinspect needs a superuser and is one per database: this runs on an embedded database of its own (PGlite is
  // PostgreSQL's own storage engine, pages and tuple headers included) so that parallel runs on the shared server do not collide
  it('no version of a counter, live or dead, moves before the close, and no version of a ballot paper names a member', async () => {
    const own = await openDatabase({ pgliteDir: 'memory://', pgliteExtensions: { pageinspect } });
    let started: Awaited<ReturnType<typeof startTestApp>> | undefined;
    try {
      await migrate(own.db);
      await sql`CREATE EXTENSION IF NOT EXISTS pageinspect`.execute(own.db);
      started = await startTestApp(own);
      const w = await votingMeeting(started.app, own.db);
      for (const k of [2, 5, 0, 3, 1, 4]) await cast(w, k, ballotOf(w, k, (m, j) => (['yes', 'no', 'abstain'] as const)[(m * 2 + j) % 3]!));
      const items = w.items.map((i) => uuidBytes(i.id));
      const counterVersions = (await rowVersions(own.db, 'council_agenda_items')).filter((v) => items.some((id) => id.equals(v.attrs[1]!)));
      // created, then given its procedure when voting opened: nothing since, whoever voted
      expect(counterVersions.length).toBeGreaterThanOrEqual(w.items.length);
      const counted = (v: { attrs: Buffer[] }) => [9, 10, 11].map((a) => v.attrs[a]!.readInt32LE(0));
      expect(counterVersions.filter((v) => counted(v).some((n) => n !== 0))).toEqual([]);
      // every version of every paper: an item, a token and a sealed value, nothing that is a member's id in any form
      const people = w.members.flatMap((m) => [uuidBytes(m.personId), Buffer.from(m.personId), uuidBytes(m.userId), Buffer.from(m.username)]);
      const papers = await rowVersions(own.db, 'council_ballot_box');
      expect(papers.length).toBeGreaterThanOrEqual(6 * 3 - 1);
      expect(papers.filter((v) => v.attrs.some((a) => people.some((p) => a.includes(p))))).toEqual([]);

      const closed = await close(w);
      expect(closed.items.every((i) => i.outcome !== 'pending')).toBe(true);
      // the counters appear once, all in the close's transaction
      const after = (await rowVersions(own.db, 'council_agenda_items')).filter((v) => items.some((id) => id.equals(v.attrs[1]!)) && counted(v).some((n) => n !== 0));
      expect(after.length).toBe(w.items.length);
      expect(new Set(after.map((v) => v.xmin)).size).toBe(1);
    } finally {
      await started?.app.close();
      await own.close();
    }
  });
});

