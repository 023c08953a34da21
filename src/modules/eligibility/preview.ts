import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { assertCan, type Actor } from '../../platform/auth/policy.ts';
import { notFound } from '../../platform/errors.ts';
import { visibleOrganisation } from '../organisations/index.ts';
import type { Rule } from '../rules/index.ts';
import { resolverFor, type Recipient } from './catalogue.ts';
import { checkDraft, catalogueRootOf, managesCatalogue, ruleNowInForce } from './forms-service.ts';
import { formSeen } from './forms-store.ts';
import { comparedCtes, compileRule, judgedTransaction, type Compiled } from './sql.ts';
import { countedOn, subjectsSql } from './service.ts';
import type { Status } from './evaluate.ts';
import { AppError } from '../../platform/errors.ts';

type Db = Kysely<Database>;
const STATUS_OF: Status[] = ['unmet', 'attest', 'met'];

export interface PreviewQuery {
  recipient: Recipient; year: number; rule: Rule;
  /** the unit whose people (or units) are judged; the tenant's root when absent */
  organisationId?: string | undefined;
  page: number; pageSize: number;
}

/** No rule yet (a new form): nobody qualifies under it. */
const NONE: Compiled = { joins: [], status: sql<number>`0`, needsMembers: false };

/**
 * The rule editor's preview: who of the agency's people (or units) qualifies for a year under the rule
 * in force and under the draft, and who gains or loses — both rules compiled by sql.ts and judged in one
 * set-based query over the subtree (no loop over people), the lists paged.
 */
export async function previewRule(db: Db, actor: Actor, code: string, query: PreviewQuery, today: string) {
  if (!managesCatalogue(actor)) throw new AppError('forbidden', 403);
  const t = actor.tenantId;
  const form = await formSeen(db, t, code);
  if (!form) throw notFound('award_form');
  await checkDraft(db, actor, form, query.recipient, query.rule);
  const org = query.organisationId
    ? await visibleOrganisation(db, actor, query.organisationId)
    : await db.selectFrom('organisations').select(['id', 'name', 'path']).where('tenant_id', '=', t).where('path', '=', catalogueRootOf(actor)).executeTakeFirst();
  if (!org) throw notFound('organisation');
  assertCan(actor, 'record.read', org.path);

  const { catalogue, entry } = await ruleNowInForce(db, t, code, query.recipient, query.year);
  const on = countedOn(query.year, today);
  const subjects = subjectsSql(t, org.path, query.recipient, on);
  const target = { tenantId: t, recipient: query.recipient, judgement: { year: query.year, resolve: resolverFor(catalogue, query.recipient, query.year) } };
  const current = entry ? compileRule(entry.rule, target) : NONE;
  const draft = compileRule(query.rule, target);
  const ctes = comparedCtes(current, draft, subjects, t, on);
  const named = query.recipient === 'individual'
    ? sql`SELECT b.*, p.full_name AS name, p.sort_key FROM both_rules b JOIN people p ON p.tenant_id = ${t} AND p.id = b.id`
    : sql`SELECT b.*, o.name, o.sort_key FROM both_rules b JOIN organisations o ON o.tenant_id = ${t} AND o.id = b.id`;
  const offset = (query.page - 1) * query.pageSize;

  const [counts, changed] = await judgedTransaction(db, async (trx) => Promise.all([
    sql<{ total: string; current_met: string; current_attest: string; draft_met: string; draft_attest: string; gains: string; losses: string }>`
      WITH ${ctes}, both_rules AS (SELECT c.id, c.status AS was, d.status AS will FROM current_status c JOIN draft_status d ON d.id = c.id)
      SELECT count(*) AS total,
        count(*) FILTER (WHERE was = 2) AS current_met, count(*) FILTER (WHERE was = 1) AS current_attest,
        count(*) FILTER (WHERE will = 2) AS draft_met, count(*) FILTER (WHERE will = 1) AS draft_attest,
        count(*) FILTER (WHERE will > was) AS gains, count(*) FILTER (WHERE will < was) AS losses
      FROM both_rules`.execute(trx),
    sql<{ id: string; was: number; will: number; name: string; n: string }>`
      WITH ${ctes}, both_rules AS (SELECT c.id, c.status AS was, d.status AS will FROM current_status c JOIN draft_status d ON d.id = c.id WHERE c.status <> d.status),
        named AS (${named}),
        ranked AS (SELECT id, was, will, name, row_number() OVER (PARTITION BY will > was ORDER BY sort_key, id) AS n FROM named)
      SELECT id, was, will, name, n FROM ranked WHERE n > ${offset} AND n <= ${offset + query.pageSize}
      ORDER BY will > was DESC, n`.execute(trx),
  ]));
  const c = counts.rows[0]!;
  const item = (r: { id: string; was: number; will: number; name: string }) => ({ id: r.id, name: r.name, current: STATUS_OF[r.was]!, draft: STATUS_OF[r.will]! });
  return {
    organisation: { id: org.id, name: org.name },
    year: query.year,
    current: entry ? { version: entry.version, legalBasis: entry.legalBasis, citation: entry.citation } : null,
    total: Number(c.total),
    counts: {
      current: { met: Number(c.current_met), attest: Number(c.current_attest) },
      draft: { met: Number(c.draft_met), attest: Number(c.draft_attest) },
      gains: Number(c.gains), losses: Number(c.losses),
    },
    gains: changed.rows.filter((r) => r.will > r.was).map(item),
    losses: changed.rows.filter((r) => r.will < r.was).map(item),
    page: query.page, pageSize: query.pageSize,
  };
}
