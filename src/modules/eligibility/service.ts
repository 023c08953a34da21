import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { assertCan, type Actor } from '../../platform/auth/policy.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { formatDate } from '../../platform/vn/dates.ts';
import { visibleMovement } from '../movements/index.ts';
import { planOf } from '../movements/index.ts';
import type { Locale } from '../../platform/i18n/messages.ts';
import { foldQuery } from '../../platform/vn/fold.ts';
import { visibleOrganisation } from '../organisations/index.ts';
import { membersOf, memberFactsOf, recordsOfMany, type Subject as RecordSubject } from '../records/index.ts';
import { subjectInScope } from '../records/index.ts';
import { isRetired, judgedOn, loadCatalogue, resolverFor, ruleInForce, rulesInForce, basisOn, type Catalogue, type CatalogueRule, type Recipient } from './catalogue.ts';
import { evaluate, reasons, type Facts, type Member, type Status } from './evaluate.ts';
import { describeNote, explain, type Words } from './explain.ts';
import { loadMoneyTables, moneyFor } from './money.ts';
import { compileRule, judgedCtes, judgedTransaction } from './sql.ts';
import type { DisciplineForm, Rating, Rule } from '../rules/index.ts';

type Db = Kysely<Database>;
const STATUS_OF: Status[] = ['unmet', 'attest', 'met'];

export const wordsFor = (catalogue: Catalogue, locale: Locale): Words => ({
  locale,
  formName: (code) => catalogue.awardForms.find((f) => f.code === code)?.name ?? code,
});

type RecordRows = Awaited<ReturnType<typeof recordsOfMany>> extends Map<string, infer R> ? R : never;

export function factsOf(record: RecordRows): Facts {
  return {
    ratings: record.ratings.map((r) => ({ year: r.year, rating: r.rating })),
    awards: record.awards.map((a) => ({ awardForm: a.award_form, year: a.year, basis: a.basis, revoked: a.revoked_on !== null, decisionNumber: a.decision_number })),
    initiatives: record.initiatives.map((i) => ({ title: i.title, level: i.level, year: i.year })),
    disciplines: record.disciplines.map((d) => ({ form: d.form, startsOn: d.starts_on, endsOn: d.ends_on })),
  };
}

/** The day people and members are counted on for a year: its last day, or today while it runs. */
export const countedOn = (year: number, today: string) => (judgedOn(year) < today ? judgedOn(year) : today);

export async function membersFor(db: Db, tenantId: string, organisationId: string, year: number, today: string): Promise<Member[]> {
  const people = await membersOf(db, tenantId, organisationId, countedOn(year, today));
  const facts = await memberFactsOf(db, tenantId, people.map((p) => p.person_id), year);
  return people.map((p) => ({
    personId: p.person_id, name: p.full_name,
    rating: (facts.ratings.find((r) => r.person_id === p.person_id)?.rating ?? null) as Rating | null,
    titles: facts.awards.filter((a) => a.person_id === p.person_id).map((a) => a.award_form),
    disciplines: facts.disciplines.filter((d) => d.person_id === p.person_id)
      .map((d) => ({ form: d.form as DisciplineForm, startsOn: d.starts_on, endsOn: d.ends_on })),
  }));
}

const recipientOf = (subject: RecordSubject): Recipient => (subject.kind === 'person' ? 'individual' : 'collective');

/** Every title and award in force for the subject's kind, for one year: status, reasons, article, money. */
export async function judgeSubject(db: Db, actor: Actor, subject: RecordSubject, year: number, locale: Locale, today: string) {
  const found = await subjectInScope(db, actor, subject);
  const [catalogue, money, records] = await Promise.all([
    loadCatalogue(db, actor.tenantId), loadMoneyTables(db, actor.tenantId), recordsOfMany(db, actor.tenantId, subject.kind, [subject.id]),
  ]);
  const recipient = recipientOf(subject);
  const facts = { ...factsOf(records.get(subject.id)!), recipient,
    members: recipient === 'collective' ? await membersFor(db, actor.tenantId, subject.id, year, today) : undefined };
  const judgement = { year, resolve: resolverFor(catalogue, recipient, year) };
  const words = wordsFor(catalogue, locale);
  const basis = basisOn(catalogue, judgedOn(year));
  // a form the tenant retired is no longer offered: it is not listed among what the subject may receive
  const results = rulesInForce(catalogue, recipient, year).filter((entry) => !isRetired(catalogue, entry.awardForm, today)).map((entry) => {
    const finding = evaluate(entry.rule, facts, judgement);
    return {
      ...presentEntry(entry, catalogue),
      status: finding.status,
      reasons: reasons(finding).map((n) => describeNote(n, words)),
      finding: explain(finding, year, words),
      money: moneyFor(money, catalogue, entry.awardForm, recipient, today),
    };
  });
  return { subject: { kind: found.kind, id: found.id, name: found.name }, year, legalBasis: { code: basis.code, name: basis.name }, results };
}

function presentEntry(entry: CatalogueRule, catalogue: Catalogue) {
  const form = catalogue.awardForms.find((f) => f.code === entry.awardForm);
  return {
    awardForm: entry.awardForm, awardFormName: entry.awardFormName, category: form?.category ?? 'award', level: form?.level ?? '',
    recipient: entry.recipient, legalBasis: entry.legalBasis, citation: entry.citation, needsConfirmation: entry.needsConfirmation,
    note: entry.note, cap: entry.cap ? { ...entry.cap, ofName: catalogue.awardForms.find((f) => f.code === entry.cap!.of)?.name ?? entry.cap.of } : null,
  };
}

export interface ListQuery {
  organisationId: string; recipient: Recipient; year: number;
  /** a title or award of the catalogue… */
  awardForm?: string | undefined;
  /** …or a movement's own criterion (Sơn La 2022: "2019–2021 good or better, one year excellent, an initiative") */
  movementId?: string | undefined; criterionId?: string | undefined;
  status?: Status | undefined; leader?: boolean | undefined; q?: string | undefined;
  page: number; pageSize: number;
}

/** Who in a subtree qualifies for one award in one year: decided in SQL over the whole set. */
export async function judgeSubtree(db: Db, actor: Actor, query: ListQuery, locale: Locale, today: string, all = false) {
  const org = await visibleOrganisation(db, actor, query.organisationId);
  assertCan(actor, 'record.read', org.path);
  const catalogue = await loadCatalogue(db, actor.tenantId);
  const entry = query.movementId && query.criterionId
    ? await criterionRule(db, actor, catalogue, query.movementId, query.criterionId, query.year)
    : ruleInForce(catalogue, query.awardForm ?? '', query.recipient, query.year);
  query = { ...query, recipient: entry.recipient };
  const t = actor.tenantId;
  const on = countedOn(query.year, today);
  const judged = judgedQuery(catalogue, entry, t, org.path, query.recipient, query.year, on);

  // the unit, position and leadership come with the subjects (the post that put them in scope): no lookup per person
  const listed = query.recipient === 'individual'
    ? sql`SELECT j.id, j.status, p.full_name AS name, p.sort_key, j.organisation_id, j.position, j.is_leader
        FROM judged j JOIN people p ON p.tenant_id = ${t} AND p.id = j.id
        WHERE ${query.leader === undefined ? sql`TRUE` : sql`j.is_leader = ${query.leader}`}
          AND ${query.q ? sql`p.name_fold LIKE ${`%${foldQuery(query.q)}%`}` : sql`TRUE`}`
    : sql`SELECT j.id, j.status, o.name, o.sort_key, o.parent_id AS organisation_id, NULL::text AS position, false AS is_leader
        FROM judged j JOIN organisations o ON o.tenant_id = ${t} AND o.id = j.id
        WHERE ${query.q ? sql`o.name_fold LIKE ${`%${foldQuery(query.q)}%`}` : sql`TRUE`}`;
  const statusFilter = query.status === undefined ? sql`TRUE` : sql`l.status = ${STATUS_OF.indexOf(query.status)}`;
  // the screen shows one page: only its rows leave the database (and only they are named and explained); the export takes all
  const page = all ? sql`` : sql`LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`;
  const { rows } = await judgedTransaction(db, (trx) => sql<{
    id: string; status: number; name: string; organisation_id: string | null; organisation_name: string | null;
    position: string | null; is_leader: boolean; met: string; attest: string; unmet: string; cap_base: string | null;
  }>`WITH ${judged.ctes}, listed AS (${listed}),
      counts AS (SELECT count(*) FILTER (WHERE status = 2) AS met, count(*) FILTER (WHERE status = 1) AS attest,
        count(*) FILTER (WHERE status = 0) AS unmet FROM listed),
      shown AS (SELECT l.* FROM listed l WHERE ${statusFilter} ORDER BY l.status DESC, l.sort_key, l.id ${page})
    SELECT l.*, unit.name AS organisation_name, c.met, c.attest, c.unmet, ${judged.capBase} AS cap_base
    FROM counts c LEFT JOIN shown l ON TRUE
      LEFT JOIN organisations unit ON unit.tenant_id = ${t} AND unit.id = l.organisation_id
    ORDER BY l.status DESC, l.sort_key, l.id`.execute(trx));

  const head = rows[0];
  const counts = { met: Number(head?.met ?? 0), attest: Number(head?.attest ?? 0), unmet: Number(head?.unmet ?? 0) };
  const items = rows.filter((r) => r.id !== null);
  const words = wordsFor(catalogue, locale);
  const explained = await reasonsFor(db, t, catalogue, entry, query, items.map((r) => r.id), words, today);
  const capBase = head?.cap_base === null || head?.cap_base === undefined ? null : Number(head.cap_base);
  return {
    rule: { ...presentEntry(entry, catalogue), legalBasisName: basisOn(catalogue, judgedOn(query.year)).name },
    organisation: { id: org.id, name: org.name },
    counts,
    total: query.status === undefined ? counts.met + counts.attest + counts.unmet : counts[query.status],
    cap: entry.cap && capBase !== null ? {
      of: entry.cap.of, ofName: words.formName(entry.cap.of), percent: entry.cap.percent, base: capBase,
      setBy: entry.cap.setBy, allowed: Math.floor((entry.cap.percent * capBase) / 100), over: counts.met > Math.floor((entry.cap.percent * capBase) / 100),
    } : null,
    items: items.map((r) => ({
      id: r.id, name: r.name, status: STATUS_OF[r.status]!, organisation: r.organisation_id ? { id: r.organisation_id, name: r.organisation_name! } : null,
      position: r.position, isLeader: r.is_leader, reasons: explained.get(r.id) ?? [],
    })),
  };
}

/**
 * The SQL of one rule over a subtree's subjects, and for a capped title (Chiến sĩ thi đua cơ sở ≤ 15% of
 * Lao động tiên tiến) the base of the cap: the holders of the other title that year in the same set.
 */
export function judgedQuery(catalogue: Catalogue, entry: CatalogueRule, tenantId: string, path: string, recipient: Recipient, year: number, on: string) {
  const subjects = subjectsSql(tenantId, path, recipient, on);
  const compiled = compileRule(entry.rule, { tenantId, recipient, judgement: { year, resolve: resolverFor(catalogue, recipient, year) } });
  // from the subjects to their awards (EXISTS per subject, hashed), not awards IN (subjects): see sql.ts's Target
  const capBase = entry.cap
    ? sql`(SELECT count(*) FROM subjects s WHERE EXISTS (SELECT 1 FROM awards a
        WHERE a.tenant_id = ${tenantId} AND a.${sql.raw(recipient === 'individual' ? 'person_id' : 'organisation_id')} = s.id
          AND a.award_form = ${entry.cap.of} AND a.year = ${year} AND a.revoked_on IS NULL))`
    : sql`NULL::bigint`;
  return { ctes: judgedCtes(compiled, subjects, tenantId, on), capBase };
}

/**
 * The subjects of a subtree on a day: the people employed in it — one row each, with the post in the
 * subtree the list shows (a leader's post first) — and the residents of its communes who have no
 * employment; or its organisations then in existence.
 */
export function subjectsSql(tenantId: string, path: string, recipient: Recipient, on: string) {
  return recipient === 'individual'
    ? sql`(SELECT DISTINCT ON (e.person_id) e.person_id AS id, e.organisation_id, e.position, e.is_leader FROM employments e
        JOIN organisations o ON o.tenant_id = e.tenant_id AND o.id = e.organisation_id
        WHERE e.tenant_id = ${tenantId} AND o.path LIKE ${`${path}%`}
          AND e.start_date <= ${on} AND (e.end_date IS NULL OR e.end_date >= ${on})
        ORDER BY e.person_id, e.is_leader DESC, e.start_date DESC, e.id)
        UNION ALL
        -- residents of the subtree's communes (no employment): judged by the same rule, from their own record
        (SELECT DISTINCT ON (r.person_id) r.person_id, r.organisation_id, NULL::text, false FROM residences r
        JOIN organisations o ON o.tenant_id = r.tenant_id AND o.id = r.organisation_id
        WHERE r.tenant_id = ${tenantId} AND o.path LIKE ${`${path}%`}
          AND r.valid_from <= ${on} AND (r.valid_to IS NULL OR r.valid_to >= ${on})
          AND NOT EXISTS (SELECT 1 FROM employments x WHERE x.tenant_id = r.tenant_id AND x.person_id = r.person_id
            AND x.start_date <= ${on} AND (x.end_date IS NULL OR x.end_date >= ${on}))
        ORDER BY r.person_id, r.valid_from DESC, r.id)`
    : sql`SELECT o.id FROM organisations o WHERE o.tenant_id = ${tenantId} AND o.path LIKE ${`${path}%`}
          AND o.valid_from <= ${on} AND (o.valid_to IS NULL OR o.valid_to >= ${on})`;
}

/**
 * A movement's criterion as a rule to list by: the plan's own words and rule, judged like a catalogue
 * entry (a `qualifies` inside it reads the catalogue in force that year).
 */
async function criterionRule(db: Db, actor: Actor, catalogue: Catalogue, movementId: string, criterionId: string, year: number): Promise<CatalogueRule> {
  const movement = await visibleMovement(db, actor, movementId);
  const criterion = planOf(movement).criteria.find((c) => c.id === criterionId);
  if (!criterion) throw notFound('criterion');
  if (!criterion.rule) throw new AppError('eligibility.criterion_without_rule', 422);
  if (criterion.participantKind !== 'individual' && criterion.participantKind !== 'collective') {
    throw new AppError('eligibility.criterion_recipient', 422);
  }
  const document = movement.document_number && movement.issued_on
    ? `${movement.name} (số ${String(movement.document_number).padStart(2, '0')}/${movement.document_symbol}, ${formatDate(movement.issued_on)})`
    : movement.name;
  return {
    awardForm: criterion.awardForm, awardFormName: catalogue.awardForms.find((f) => f.code === criterion.awardForm)?.name ?? criterion.awardForm,
    recipient: criterion.participantKind, legalBasis: basisOn(catalogue, judgedOn(year)).code, citation: document,
    rule: criterion.rule, cap: null, needsConfirmation: false, note: criterion.text, sortOrder: 0, version: 0, validFrom: null,
  };
}

/** Why each listed subject is not (yet) eligible: the page's records are read in one batch and judged in TypeScript. */
async function reasonsFor(db: Db, tenantId: string, catalogue: Catalogue, entry: CatalogueRule, query: ListQuery, ids: string[],
  words: Words, today: string): Promise<Map<string, string[]>> {
  const kind = query.recipient === 'individual' ? 'person' : 'collective';
  const records = await recordsOfMany(db, tenantId, kind, ids);
  const judgement = { year: query.year, resolve: resolverFor(catalogue, query.recipient, query.year) };
  const out = new Map<string, string[]>();
  for (const id of ids) {
    const members = query.recipient === 'collective' ? await membersFor(db, tenantId, id, query.year, today) : undefined;
    const finding = evaluate(entry.rule, { ...factsOf(records.get(id)!), recipient: query.recipient, members }, judgement);
    out.set(id, reasons(finding).map((n) => describeNote(n, words)));
  }
  return out;
}

/**
 * The subjects of a subtree that qualify (status met) for one year under any of the given rules — a movement's
 * criteria for one form are alternatives, one met is enough — from the same compiled SQL as "who qualifies",
 * one set-based statement per rule, in the caller's transaction ("add everyone who qualifies", issue 17.7).
 */
export async function metSubjects(trx: Db, catalogue: Catalogue,
  q: { tenantId: string; path: string; recipient: Recipient; year: number; today: string; rules: readonly Rule[] }): Promise<string[]> {
  const on = countedOn(q.year, q.today);
  const ids = new Set<string>();
  for (const rule of q.rules) {
    const compiled = compileRule(rule, { tenantId: q.tenantId, recipient: q.recipient, judgement: { year: q.year, resolve: resolverFor(catalogue, q.recipient, q.year) } });
    const { rows } = await sql<{ id: string }>`WITH ${judgedCtes(compiled, subjectsSql(q.tenantId, q.path, q.recipient, on), q.tenantId, on)}
      SELECT id FROM judged WHERE status = 2`.execute(trx);
    for (const r of rows) ids.add(r.id);
  }
  return [...ids];
}
