import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { CommandContext } from '../../platform/command.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit.ts';
import { assertCan, canReach, type Actor } from '../../platform/auth/policy.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { ruleSchema, type Rule } from '../rules/index.ts';
import { loadCatalogue, rulesInForce, type Recipient } from './catalogue.ts';
import {
  assertFresh, categoryOf, checkRule, judgedRecipients, recipientSummary, type FormGroup, type FormLevel, type RecipientKind,
} from './forms-model.ts';
import {
  codeTaken, coefficientsOf, deleteForm as deleteFormRow, formSeen, formsOf, insertForm, insertRuleVersion, latestVersion, reinstate,
  replaceCoefficients, retire, ruleVersionsOf, sharedRulesOf, updateForm as updateFormRow, usesOf, type FormColumns, type FormRow,
} from './forms-store.ts';
import { defaultProcedure, setProcedure, type Procedure, type ProcedureInput } from './procedure.ts';

type Db = Kysely<Database>;

/** The tenant's root: `/<root>/` of the actor's grants (every grant of an account lies in one tenant's tree). */
export const catalogueRootOf = (actor: Actor) => {
  const path = actor.grants[0]?.path ?? '/';
  return `/${path.split('/')[1] ?? ''}/`;
};

/** Who keeps the tenant's catalogue: its system administrator or standing agency, held at the tenant's root. */
export const managesCatalogue = (actor: Actor) => canReach(actor, 'catalogue.tenant', catalogueRootOf(actor));
function assertManages(actor: Actor): string {
  const root = catalogueRootOf(actor);
  assertCan(actor, 'catalogue.tenant', root);
  return root;
}

export interface CoefficientInput { recipient: 'individual' | 'collective'; legalBasis: string; coefficient: number; citation: string }
export interface FormInput {
  code: string; name: string; group: FormGroup; recipientKinds: RecipientKind[]; level: FormLevel; conferredBy: string; citation: string;
  sortOrder?: number | undefined;
  procedure?: ProcedureInput | undefined;
  coefficients: CoefficientInput[];
}

function columnsOf(input: FormInput, sortOrder: number): FormColumns {
  return {
    display_code: input.code, name: input.name.trim(), category: categoryOf(input.group), form_group: input.group,
    recipient: recipientSummary(input.recipientKinds), recipient_kinds: [...new Set(input.recipientKinds)], level: input.level,
    conferred_by: input.conferredBy.trim(), citation: input.citation.trim(), sort_order: sortOrder,
  };
}

function presentForm(f: FormRow, procedure: Procedure, coefficients: Awaited<ReturnType<typeof coefficientsOf>>, versions: { recipient: string; legal_basis: string; version: number }[]) {
  return {
    code: f.code, displayCode: f.display_code, name: f.name, category: f.category, group: f.form_group,
    recipientKinds: f.recipient_kinds as RecipientKind[], level: f.level, conferredBy: f.conferred_by, citation: f.citation,
    shared: f.tenant_id === null, version: f.version, sortOrder: f.sort_order,
    retiredOn: f.retired_on, retirementCitation: f.retirement_citation,
    procedure,
    coefficients: coefficients.filter((c) => c.award_form === f.code)
      .map((c) => ({ recipient: c.recipient, legalBasis: c.legal_basis, coefficient: Number(c.coefficient), citation: c.citation, needsConfirmation: c.needs_confirmation })),
    ruleVersions: versions.length,
  };
}

/** The catalogue this tenant sees: shared forms and its own, with retirements, procedure and money. */
export async function listForms(db: Db, actor: Actor) {
  const t = actor.tenantId;
  const [forms, coefficients, procedures, versions] = await Promise.all([
    formsOf(db, t), coefficientsOf(db, t),
    db.selectFrom('award_procedures').selectAll().where('tenant_id', '=', t).execute(),
    db.selectFrom('eligibility_rule_versions').select(['award_form', 'recipient', 'legal_basis', 'version']).where('tenant_id', '=', t).execute(),
  ]);
  const procedureOf = (code: string): Procedure => {
    const row = procedures.find((p) => p.award_form === code);
    return row ? {
      awardForm: code, councilVote: row.council_vote, secretBallot: row.secret_ballot, thresholdPercent: Number(row.threshold_percent),
      thresholdOf: row.threshold_of, consultationDays: row.consultation_days, citation: row.citation, custom: true, version: row.version,
    } : defaultProcedure(code);
  };
  return {
    canManage: managesCatalogue(actor),
    items: forms.map((f) => presentForm(f, procedureOf(f.code), coefficients, versions.filter((v) => v.award_form === f.code))),
  };
}

export async function getForm(db: Db, actor: Actor, code: string) {
  const found = (await listForms(db, actor)).items.find((f) => f.code === code);
  if (!found) throw notFound('award_form');
  return found;
}

async function assertCodeFree(db: Db, tenantId: string, code: string, except: string | null) {
  if (await codeTaken(db, tenantId, code, except)) throw new AppError('catalogue.code_taken', 409, { code });
}

async function assertBases(db: Db, codes: string[]) {
  if (codes.length === 0) return;
  const known = new Set((await db.selectFrom('legal_bases').select('code').execute()).map((b) => b.code));
  for (const code of codes) if (!known.has(code)) throw new AppError('catalogue.unknown_legal_basis', 400, { basis: code });
}

/** A ministry's Bằng khen, a Kỷ niệm chương, a commune's household title: the tenant's own form, audited. */
export async function createForm(ctx: CommandContext, input: FormInput) {
  const root = assertManages(ctx.actor);
  const t = ctx.actor.tenantId;
  await assertCodeFree(ctx.db, t, input.code, null);
  await assertBases(ctx.db, input.coefficients.map((c) => c.legalBasis));
  const code = uuidv7(ctx.now.getTime());
  await inTransaction(ctx.db, async (trx) => {
    await insertForm(trx, t, code, columnsOf(input, input.sortOrder ?? 1000), ctx.actor.userId, ctx.now);
    await replaceCoefficients(trx, t, code, input.coefficients.map((c) => ({ recipient: c.recipient, legal_basis: c.legalBasis, coefficient: c.coefficient, citation: c.citation })));
    if (input.procedure) await setProcedure(trx, t, code, input.procedure, ctx.actor.userId, ctx.now);
    await recordAudit(trx, {
      tenantId: t, actorUserId: ctx.actor.userId, action: 'catalogue.form.create', entityType: 'award_form', entityId: null,
      organisationPath: root, changes: { code, created: input }, requestId: ctx.requestId, at: ctx.now,
    });
  });
  return getForm(ctx.db, ctx.actor, code);
}

async function ownForm(db: Db, actor: Actor, code: string): Promise<FormRow> {
  const form = await formSeen(db, actor.tenantId, code);
  if (!form) throw notFound('award_form');
  if (form.tenant_id === null) throw new AppError('catalogue.shared_form', 422, { form: form.name });
  return form;
}

/** An edit of the tenant's own form; `version` is the one the editor loaded (a later save by someone else → 409). */
export async function editForm(ctx: CommandContext, code: string, input: FormInput & { version: number }) {
  const root = assertManages(ctx.actor);
  const t = ctx.actor.tenantId;
  const before = await ownForm(ctx.db, ctx.actor, code);
  assertFresh(before.version, input.version, before.name);
  await assertCodeFree(ctx.db, t, input.code, code);
  await assertBases(ctx.db, input.coefficients.map((c) => c.legalBasis));
  await inTransaction(ctx.db, async (trx) => {
    const saved = await updateFormRow(trx, t, code, input.version, columnsOf(input, input.sortOrder ?? before.sort_order), ctx.actor.userId, ctx.now);
    if (!saved) {
      const now = await formSeen(trx, t, code);
      throw new AppError('catalogue.stale', 409, { form: before.name, current: now?.version ?? input.version + 1, yours: input.version });
    }
    await replaceCoefficients(trx, t, code, input.coefficients.map((c) => ({ recipient: c.recipient, legal_basis: c.legalBasis, coefficient: c.coefficient, citation: c.citation })));
    if (input.procedure) await setProcedure(trx, t, code, input.procedure, ctx.actor.userId, ctx.now);
    await recordAudit(trx, {
      tenantId: t, actorUserId: ctx.actor.userId, action: 'catalogue.form.update', entityType: 'award_form', entityId: null,
      organisationPath: root, changes: { code, version: [input.version, input.version + 1], before: { name: before.name, level: before.level, conferredBy: before.conferred_by }, after: input },
      requestId: ctx.requestId, at: ctx.now,
    });
  });
  return getForm(ctx.db, ctx.actor, code);
}

/** Retired here: not offered for new nominations; its awards and history stay. Shared forms too, for this tenant only. */
export async function retireForm(ctx: CommandContext, code: string, input: { retiredOn: string; citation: string }) {
  const root = assertManages(ctx.actor);
  const form = await formSeen(ctx.db, ctx.actor.tenantId, code);
  if (!form) throw notFound('award_form');
  await inTransaction(ctx.db, async (trx) => {
    await retire(trx, ctx.actor.tenantId, code, input.retiredOn, input.citation.trim(), ctx.actor.userId, ctx.now);
    await recordAudit(trx, {
      tenantId: ctx.actor.tenantId, actorUserId: ctx.actor.userId, action: 'catalogue.form.retire', entityType: 'award_form', entityId: null,
      organisationPath: root, changes: { code, name: form.name, retiredOn: input.retiredOn, citation: input.citation }, requestId: ctx.requestId, at: ctx.now,
    });
  });
  return getForm(ctx.db, ctx.actor, code);
}

export async function reinstateForm(ctx: CommandContext, code: string) {
  const root = assertManages(ctx.actor);
  const form = await formSeen(ctx.db, ctx.actor.tenantId, code);
  if (!form) throw notFound('award_form');
  if (form.retired_on === null) throw new AppError('catalogue.not_retired', 409, { form: form.name });
  await inTransaction(ctx.db, async (trx) => {
    await reinstate(trx, ctx.actor.tenantId, code);
    await recordAudit(trx, {
      tenantId: ctx.actor.tenantId, actorUserId: ctx.actor.userId, action: 'catalogue.form.reinstate', entityType: 'award_form', entityId: null,
      organisationPath: root, changes: { code, name: form.name, retiredOn: [form.retired_on, null] }, requestId: ctx.requestId, at: ctx.now,
    });
  });
  return getForm(ctx.db, ctx.actor, code);
}

/** Deletes a form entered by mistake; one that awards, nominations or plans used can only be retired. */
export async function removeForm(ctx: CommandContext, code: string) {
  const root = assertManages(ctx.actor);
  const form = await ownForm(ctx.db, ctx.actor, code);
  await inTransaction(ctx.db, async (trx) => {
    const uses = await usesOf(trx, ctx.actor.tenantId, code);
    if (uses > 0) throw new AppError('catalogue.form_in_use', 409, { form: form.name, count: uses });
    await deleteFormRow(trx, ctx.actor.tenantId, code);
    await recordAudit(trx, {
      tenantId: ctx.actor.tenantId, actorUserId: ctx.actor.userId, action: 'catalogue.form.delete', entityType: 'award_form', entityId: null,
      organisationPath: root, changes: { code, deleted: { name: form.name, displayCode: form.display_code } }, requestId: ctx.requestId, at: ctx.now,
    });
  });
}

// ── rule versions ────────────────────────────────────────────────────────────────────────────────

export interface RuleVersionView {
  version: number; recipient: Recipient; legalBasis: string; validFrom: string | null; rule: Rule; citation: string; article: string;
  note: string; author: string | null; createdAt: string | null; shared: boolean;
}

/** Every version of a form's rules: the shared default (version 0) and the tenant's own, newest first. */
export async function formRules(db: Db, actor: Actor, code: string) {
  const form = await formSeen(db, actor.tenantId, code);
  if (!form) throw notFound('award_form');
  const [own, shared] = await Promise.all([ruleVersionsOf(db, actor.tenantId, code), form.tenant_id === null ? sharedRulesOf(db, code) : Promise.resolve([])]);
  const versions: RuleVersionView[] = [
    ...own.map((v) => ({
      version: v.version, recipient: v.recipient, legalBasis: v.legal_basis, validFrom: v.valid_from, rule: ruleSchema.parse(v.rule),
      citation: v.citation, article: v.article, note: v.note, author: v.author, createdAt: new Date(v.created_at).toISOString(), shared: false,
    })),
    ...shared.map((r) => ({
      version: 0, recipient: r.recipient, legalBasis: r.legal_basis, validFrom: null, rule: ruleSchema.parse(r.rule), citation: r.citation,
      article: '', note: r.note, author: null, createdAt: null, shared: true,
    })),
  ];
  return {
    form: { code: form.code, name: form.name, shared: form.tenant_id === null },
    recipients: judgedRecipients(form.recipient_kinds as RecipientKind[]),
    canManage: managesCatalogue(actor),
    versions,
  };
}

export interface RuleVersionInput {
  recipient: Recipient; legalBasis: string; validFrom: string; rule: Rule; citation: string; article: string; note?: string | undefined;
  /** the latest version the editor started from (0: the shared default or none) */
  baseVersion: number;
}

/** Checks a draft rule against this tenant's catalogue (the schema has checked its shape). */
export async function checkDraft(db: Db, actor: Actor, form: FormRow, recipient: Recipient, rule: Rule) {
  if (!judgedRecipients(form.recipient_kinds as RecipientKind[]).includes(recipient)) {
    throw new AppError('catalogue.rule_recipient', 400, { form: form.name, recipient: recipient === 'individual' ? 'cá nhân' : 'tập thể' },
      { issues: [{ path: 'recipient', message: recipient }] });
  }
  const known = new Set((await formsOf(db, actor.tenantId)).map((f) => f.code));
  checkRule(rule, recipient, known);
}

/** A new version of a form's rule: cited, valid from a day, by its author; the old versions stay. */
export async function saveRuleVersion(ctx: CommandContext, code: string, input: RuleVersionInput) {
  const root = assertManages(ctx.actor);
  const t = ctx.actor.tenantId;
  const form = await formSeen(ctx.db, t, code);
  if (!form) throw notFound('award_form');
  await checkDraft(ctx.db, ctx.actor, form, input.recipient, input.rule);
  const catalogue = await loadCatalogue(ctx.db, t);
  const basis = catalogue.legalBases.find((b) => b.code === input.legalBasis);
  if (!basis) throw new AppError('catalogue.unknown_legal_basis', 400, { basis: input.legalBasis }, { issues: [{ path: 'legalBasis', message: input.legalBasis }] });
  if (input.validFrom < basis.effectiveFrom || (basis.effectiveTo !== null && input.validFrom > basis.effectiveTo)) {
    throw new AppError('catalogue.valid_from_outside_basis', 400, { date: input.validFrom, basis: basis.shortName }, { issues: [{ path: 'validFrom', message: input.validFrom }] });
  }
  // the share cap (CSTĐ cơ sở ≤ 15% of LĐTT) carries over from the version it replaces
  const previous = catalogue.rules.filter((r) => r.awardForm === code && r.recipient === input.recipient && r.legalBasis === input.legalBasis)
    .sort((a, b) => b.version - a.version)[0];
  const cap = previous?.cap ? { of: previous.cap.of, percent: previous.cap.defaultPercent } : null;
  const id = uuidv7(ctx.now.getTime());
  let version = 0;
  try {
    await inTransaction(ctx.db, async (trx) => {
      const latest = await latestVersion(trx, t, code, input.recipient, input.legalBasis);
      if (latest !== input.baseVersion) throw new AppError('catalogue.rule_stale', 409, { current: latest, yours: input.baseVersion });
      version = latest + 1;
      await insertRuleVersion(trx, t, {
        id, award_form: code, recipient: input.recipient, legal_basis: input.legalBasis, version, valid_from: input.validFrom, rule: input.rule, cap,
        citation: input.citation.trim(), article: input.article.trim(), note: input.note?.trim() ?? '',
      }, ctx.actor.userId, ctx.now);
      await recordAudit(trx, {
        tenantId: t, actorUserId: ctx.actor.userId, action: 'catalogue.rule.version', entityType: 'eligibility_rule_version', entityId: id,
        organisationPath: root, changes: { awardForm: code, recipient: input.recipient, legalBasis: input.legalBasis, version, validFrom: input.validFrom,
          citation: input.citation, article: input.article, before: previous?.rule ?? null, after: input.rule },
        requestId: ctx.requestId, at: ctx.now,
      });
    });
  } catch (error) {
    // two editors saving the same version at the same instant: the unique index lets one through
    const e = error as { code?: string };
    if (e.code === '23505') throw new AppError('catalogue.rule_stale', 409, { current: input.baseVersion + 1, yours: input.baseVersion });
    throw error;
  }
  return { version, validFrom: input.validFrom };
}

/** The rule a year is judged by now for the form (the editor's "current"), or null when it has none. */
export async function ruleNowInForce(db: Db, tenantId: string, code: string, recipient: Recipient, year: number) {
  const catalogue = await loadCatalogue(db, tenantId);
  return { catalogue, entry: rulesInForce(catalogue, recipient, year).find((r) => r.awardForm === code) ?? null };
}
