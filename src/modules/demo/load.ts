import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { recordAudit } from '../../platform/audit.ts';
import { foldVietnamese } from '../../platform/vn/fold.ts';
import { organisationRow } from '../organisations/index.ts';
import { nameColumns } from '../people/index.ts';
import { isDirectWorker } from '../people/index.ts';
import { buildDemoProvince, DEMO_PASSWORD, type DemoProvince } from './demo-data.ts';
import { buildDemoMovements, DEMO_REGISTRATIONS } from './movements.ts';
import { buildDemoRecords, type DemoRecords } from './records.ts';
import { recordAwards } from '../awards/index.ts';
import { insertDemoExamples } from './examples.ts';
import { loadDemoReports } from './reports.ts';
import { insertDemoScoreSheets } from './clusters.ts';
import { recordDemoAwardMoney } from './award-money.ts';

/** The code an agency would give a council or cluster (what its import files name it by): the demo's key, in capitals. */
const demoCode = (key: string) => key.toUpperCase().replace(/[^0-9A-Z._-]/g, '-').slice(0, 30);

/**
 * Loads the demo province into an empty database, once, in one transaction, with set-based inserts.
 * Returns false when any tenant already exists (the data is never loaded twice or over real data).
 */
export async function loadDemoDataOnce(db: Kysely<Database>, now: Date, province: DemoProvince = buildDemoProvince()): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('tenants').select('id').limit(1).executeTakeFirst();
    if (existing) return false;
    const tenantId = uuidv7(now.getTime());
    const ids = new Map<string, string>();
    const id = (key: string) => {
      let value = ids.get(key);
      if (!value) ids.set(key, (value = uuidv7(now.getTime())));
      return value;
    };
    const ref = (key: string | null) => (key ? id(key) : null);
    await trx.insertInto('tenants').values({ id: tenantId, code: province.tenant.code, name: province.tenant.name, kind: 'province' }).execute();
    const records = buildDemoRecords(province);

    // paths need parents first; every reference (successor, standing agency) is checked at the end of the statement
    const byKey = new Map(province.organisations.map((o) => [o.key, o]));
    const paths = new Map<string, string>();
    const pathOf = (key: string): string => {
      const known = paths.get(key);
      if (known) return known;
      const org = byKey.get(key)!;
      const path = `${org.parentKey ? pathOf(org.parentKey) : '/'}${id(key)}/`;
      paths.set(key, path);
      return path;
    };
    const organisations = province.organisations.map((o) => ({ ...organisationRow(tenantId, id(o.key),
      o.parentKey ? pathOf(o.parentKey) : null, {
        parentId: ref(o.parentKey), name: o.name, shortName: o.shortName, kind: o.kind, level: o.level, adminCode: o.adminCode,
        agencyCode: o.agencyCode, validFrom: o.validFrom, validTo: o.validTo, successorId: ref(o.successorKey),
        standingAgencyId: ref(o.standingAgencyKey),
      }, now), code: records.organisationCodes.get(o.key) ?? null }));
    await trx.insertInto('organisations').values(organisations).execute();

    await trx.insertInto('people').values(province.people.map((p) => ({
      tenant_id: tenantId, id: id(p.key),
      ...nameColumns(p.fullName, { family: p.familyName, middle: p.middleName, given: p.givenName }),
      gender: p.gender, birth_year: p.birthYear, ethnicity: p.ethnicity, code: records.personCodes.get(p.key) ?? null,
      created_at: now, updated_at: now,
    }))).execute();
    await trx.insertInto('employments').values(province.employments.map((e) => ({
      tenant_id: tenantId, id: uuidv7(now.getTime()), person_id: id(e.personKey), organisation_id: id(e.organisationKey),
      position: e.position, is_leader: e.isLeader, is_direct_worker: isDirectWorker(e.position, e.isLeader), start_date: e.startDate, end_date: e.endDate, created_at: now,
    }))).execute();
    if (province.households.length) {
      await trx.insertInto('households').values(province.households.map((h) => ({
        tenant_id: tenantId, id: id(h.key), organisation_id: id(h.organisationKey), head_name: h.headName,
        name_fold: foldVietnamese(h.headName), address: h.address, created_at: now,
      }))).execute();
    }

    await trx.insertInto('clusters').values(province.clusters.map((c) => ({
      tenant_id: tenantId, id: id(c.key), organiser_id: id(c.organiserKey), kind: c.kind, name: c.name,
      name_fold: foldVietnamese(c.name), created_at: now, code: demoCode(c.key),
    }))).execute();
    const members = province.clusters.flatMap((c) => c.years.flatMap((y) => y.members.map((m) => ({
      tenant_id: tenantId, cluster_id: id(c.key), year: y.year, organisation_id: id(m.organisationKey), role: m.role,
    }))));
    if (members.length) await trx.insertInto('cluster_members').values(members).execute();
    const followers = province.clusters.flatMap((c) => c.years.filter((y) => y.followerPersonKey).map((y) => ({
      tenant_id: tenantId, cluster_id: id(c.key), year: y.year, person_id: id(y.followerPersonKey!),
    })));
    if (followers.length) await trx.insertInto('cluster_followers').values(followers).execute();

    await trx.insertInto('councils').values(province.councils.map((c) => ({
      tenant_id: tenantId, id: id(c.key), organisation_id: id(c.organisationKey), name: c.name, established_by: c.establishedBy,
      valid_from: c.validFrom, valid_to: c.validTo, code: demoCode(c.key),
    }))).execute();
    await trx.insertInto('council_members').values(province.councils.flatMap((c) => c.members.map((m) => ({
      tenant_id: tenantId, council_id: id(c.key), person_id: id(m.personKey), role: m.role, title: m.title,
    })))).execute();

    await trx.insertInto('users').values(province.accounts.map((a) => ({
      id: id(`user:${a.username}`), tenant_id: tenantId, username: a.username, display_name: a.displayName,
      password_hash: passwordHash, person_id: ref(a.personKey), created_at: now,
    }))).execute();
    await trx.insertInto('role_grants').values(province.accounts.map((a) => ({
      tenant_id: tenantId, id: uuidv7(now.getTime()), user_id: id(`user:${a.username}`), role: a.role,
      organisation_id: id(a.organisationKey), granted_by: null, created_at: now,
    }))).execute();

    await insertDemoScoreSheets(trx, tenantId, id, now);

    // The five seed plans as movements, their cascades with lineage, phases, and a few registrations.
    const orgId = (key: string) => {
      if (!byKey.has(key)) throw new Error(`unknown organisation ${key}`);
      return id(key);
    };
    const names = new Map(province.people.map((p) => [p.key, p.fullName]));
    const movements = buildDemoMovements(orgId, (key) => names.get(key), () => uuidv7(now.getTime()));
    const movementId = new Map(movements.map((m) => [m.key, m.id]));
    const movementOf = (key: string) => {
      const value = movementId.get(key);
      if (!value) throw new Error(`unknown movement ${key}`);
      return value;
    };
    await trx.insertInto('movements').values(movements.map((m) => ({
      tenant_id: tenantId, id: m.id, organisation_id: orgId(m.organisationKey),
      parent_movement_id: m.parentKey ? movementOf(m.parentKey) : null, kind: m.kind, status: m.status,
      name: m.name, name_fold: foldVietnamese(m.name), slogan: m.slogan, document_number: m.documentNumber,
      document_symbol: m.documentSymbol, place: m.place, issued_on: m.issuedOn, period_start: m.periodStart, period_end: m.periodEnd,
      plan: JSON.stringify(m.plan), created_by: null, created_at: now, updated_at: now,
    }))).execute();
    // their numbers enter the register, so the next plan proposed after them is one past them
    const numbered = movements.filter((m) => m.documentNumber !== null && m.issuedOn !== null);
    if (numbered.length > 0) {
      await trx.insertInto('document_numbers').values(numbered.map((m) => ({
        tenant_id: tenantId, issuer_organisation_id: orgId(m.organisationKey), year: Number(m.issuedOn!.slice(0, 4)),
        symbol: m.documentSymbol, number: m.documentNumber!, entity_type: 'movement', entity_id: m.id, taken_at: now,
      }))).execute();
    }
    await trx.insertInto('movement_phases').values(movements.flatMap((m) => m.phases.map((p, position) => ({
      tenant_id: tenantId, id: p.id, movement_id: m.id, kind: p.kind, title: p.title, starts_on: p.startsOn ?? null,
      due_on: p.dueOn ?? null, due_from: p.dueFrom, outline: p.outline ? JSON.stringify(p.outline) : null,
      inherited_from: p.inheritedFrom, position,
    })))).execute();
    await trx.insertInto('movement_registrations').values(DEMO_REGISTRATIONS.map((r) => ({
      tenant_id: tenantId, id: uuidv7(now.getTime()), movement_id: movementOf(r.movementKey), organisation_id: orgId(r.organisationKey),
      titles: JSON.stringify(r.titles), commitments: r.commitments, registered_by: r.username ? id(`user:${r.username}`) : null,
      registered_at: new Date(r.registeredAt),
    }))).execute();

    // Ratings, titles and awards, initiatives and disciplinary measures of 2017–2025 (records.ts).
    const counts = await insertRecords(trx, tenantId, id, records, now);
    // money before the reports freeze their figures
    await recordDemoAwardMoney(trx, tenantId);
    const examples = await insertDemoExamples(trx, tenantId, { id, orgName: (k) => byKey.get(k)!.name, personName: (k) => names.get(k)!, movementOf }, now);
    await loadDemoReports(trx, { tenantId, orgId, userId: (username) => id(`user:${username}`), movements, now });

    const root = organisations.find((o) => o.parent_id === null)!;
    await recordAudit(trx, {
      tenantId, actorUserId: null, action: 'demo.load', entityType: 'organisation', entityId: root.id,
      organisationPath: root.path, at: now,
      changes: {
        organisations: organisations.length, people: province.people.length, accounts: province.accounts.length,
        movements: movements.length, ...counts, examples,
      },
    });
    // fresh statistics: PGlite runs no autovacuum, and the eligibility queries' plans depend on them
    await sql`ANALYZE`.execute(trx);
    return true;
  });
}

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters for the widest record table. */
const CHUNK = 1000;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/** The demo records, set-based: subjects are resolved from demo keys to the ids the load gave them. */
async function insertRecords(trx: Transaction<Database>, tenantId: string, id: (key: string) => string, records: DemoRecords, now: Date) {
  const subject = (s: { personKey: string | null; organisationKey: string | null }) => ({
    tenant_id: tenantId, id: uuidv7(now.getTime()),
    person_id: s.personKey ? id(s.personKey) : null, organisation_id: s.organisationKey ? id(s.organisationKey) : null,
    created_by: null, created_at: now, updated_at: now,
  });
  const ratingRows = records.ratings.map((r) => ({
    ...subject(r), year: r.year, rating: r.rating, source_number: r.source.number, source_date: r.source.date, source_issuer: r.source.issuer,
  }));
  const awardRows = records.awards.map((a) => ({
    ...subject(a), award_form: a.awardForm, year: a.year, basis: a.basis, movement_id: null, reason: a.reason,
    decision_number: a.decisionNumber, decided_on: a.decidedOn, decided_by: a.decidedBy, revoked_on: null, revocation_number: null,
  }));
  const initiativeRows = records.initiatives.map((i) => ({
    ...subject(i), kind: i.kind, title: i.title, title_fold: foldVietnamese(i.title), level: i.level, year: i.year,
    recognised_on: i.recognisedOn, effect: i.effect, source_number: i.source.number, source_date: i.source.date, source_issuer: i.source.issuer,
  }));
  const disciplineRows = records.disciplines.map((d) => ({
    ...subject(d), form: d.form, starts_on: d.startsOn, ends_on: d.endsOn, reason: d.reason,
    source_number: d.source.number, source_date: d.source.date, source_issuer: d.source.issuer,
  }));
  for (const rows of chunks(ratingRows)) await trx.insertInto('annual_ratings').values(rows).execute();
  // through the ledger: archive columns (recipient name, sort key, unit at decision time), tallies, and the
  // verification codes that let demo certificates be printed and checked on the public page like real ones
  await recordAwards(trx, tenantId, awardRows.map(({ tenant_id: _tenant, ...a }) => a));
  for (const rows of chunks(initiativeRows)) await trx.insertInto('initiatives').values(rows).execute();
  for (const rows of chunks(disciplineRows)) await trx.insertInto('disciplines').values(rows).execute();
  return { annualRatings: ratingRows.length, awards: awardRows.length, initiatives: initiativeRows.length, disciplines: disciplineRows.length };
}
