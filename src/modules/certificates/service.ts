import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { CommandContext } from '../../platform/command.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { recordAudit } from '../../platform/audit.ts';
import { canReach, type Actor } from '../../platform/auth/policy.ts';
import { formatDate, todayInVietnam } from '../../platform/vn/dates.ts';
import { renderPdfDefinition } from '../../platform/documents/pdf.ts';
import { employmentsOf } from '../people/index.ts';
import { findOrganisation } from '../organisations/index.ts';
import { subjectInScope } from '../records/index.ts';
import { reviseAwards } from '../awards/index.ts';
import type { Subject } from '../records/index.ts';
import { loadCatalogue } from '../eligibility/index.ts';
import { loadMoneyTables, moneyFor } from '../eligibility/index.ts';
import { certificateDefinition } from './document.ts';
import { certificateKind, normaliseCode, placeOf, verificationUrl, type PublicAward, type VerificationStatus } from './model.ts';
import { findAwardForCertificate, findAwardsByCode, findAwardsForCertificates, findRevocation, insertRevocation, recipientOf, recipientsOf, type CertificateAward } from './store.ts';

type Db = Kysely<Database>;

const subjectOf = (a: { person_id: string | null; organisation_id: string | null }): Subject =>
  a.person_id ? { kind: 'person', id: a.person_id } : { kind: 'collective', id: a.organisation_id! };

/**
 * An award the actor may read (record.read over its recipient, like the record page), or 404 — the
 * same answer for an award that does not exist and one out of scope.
 */
async function awardInScope(db: Db, actor: Actor, awardId: string) {
  const award = await findAwardForCertificate(db, actor.tenantId, awardId);
  if (!award) throw notFound('award');
  const subject = await subjectInScope(db, actor, subjectOf(award)).catch((e: unknown) => {
    throw e instanceof AppError && e.status === 404 ? notFound('award') : e;
  });
  return { award, subject };
}

/** award.revoke over the recipient: any organisation that employs or employed the person, or the collective itself. */
async function assertMayRevoke(db: Db, actor: Actor, award: CertificateAward) {
  const paths = award.person_id
    ? (await employmentsOf(db, actor.tenantId, award.person_id)).map((e) => e.organisation_path)
    : [(await findOrganisation(db, actor.tenantId, award.organisation_id!))!.path];
  if (!paths.some((p) => canReach(actor, 'award.revoke', p))) throw new AppError('forbidden', 403);
}

/** The printed certificate with its QR code, as a PDF; refused for forms without one, revoked awards and awards without a code. */
export async function certificatePdf(db: Db, actor: Actor, awardId: string, publicBaseUrl: string): Promise<{ file: Buffer; name: string }> {
  const { award } = await awardInScope(db, actor, awardId);
  const kind = certificateKind(award.award_form);
  if (!kind) throw new AppError('certificate.not_a_certificate', 409, { form: award.award_form_name });
  if (award.revoked_on) throw new AppError('certificate.revoked', 409, { number: award.revocation_number ?? '', date: formatDate(award.revoked_on) });
  if (!award.verification_code) throw new AppError('certificate.no_code', 409);
  const recipient = await recipientOf(db, actor.tenantId, award);
  const file = await renderPdfDefinition(certificateDefinition({
    kind, awardFormName: award.award_form_name, year: award.year, recipient, reason: award.reason,
    decisionNumber: award.decision_number, decidedOn: award.decided_on, decidedBy: award.decided_by,
    place: placeOf(award.tenant_name), code: award.verification_code, url: verificationUrl(publicBaseUrl, award.verification_code),
  }));
  return { file, name: `${kind.heading === 'GIẤY KHEN' ? 'giay-khen' : kind.heading === 'BẰNG KHEN' ? 'bang-khen' : 'giay-chung-nhan'}-${award.verification_code}.pdf` };
}

/**
 * The certificates of many awards as one PDF, one page each in the order given (a whole decision, in the
 * decision's order, issue 17.7). The caller has checked the actor may read the decision that made them;
 * revoked awards print nothing. Refused (409) for a form without a certificate, or when nothing is left.
 */
export async function certificatesPdf(db: Db, tenantId: string, awardIds: readonly string[], publicBaseUrl: string): Promise<Buffer> {
  const found = await findAwardsForCertificates(db, tenantId, awardIds);
  const awards = awardIds.map((id) => found.find((a) => a.id === id)).filter((a): a is CertificateAward => !!a && !a.revoked_on && !!a.verification_code);
  const first = found[0];
  if (first && !certificateKind(first.award_form)) throw new AppError('certificate.not_a_certificate', 409, { form: first.award_form_name });
  if (awards.length === 0) throw new AppError('certificate.none_to_print', 409);
  const recipients = await recipientsOf(db, tenantId, awards);
  const pages = awards.map((award, i) => certificateDefinition({
    kind: certificateKind(award.award_form)!, awardFormName: award.award_form_name, year: award.year, recipient: recipients[i]!, reason: award.reason,
    decisionNumber: award.decision_number, decidedOn: award.decided_on, decidedBy: award.decided_by,
    place: placeOf(award.tenant_name), code: award.verification_code!, url: verificationUrl(publicBaseUrl, award.verification_code!),
  }));
  // one document: each certificate's content after a page break, the frame and margins of the first
  const content = pages.map((p, i) => (i === 0 ? p.content : [{ text: '', pageBreak: 'before' as const }, p.content]));
  return renderPdfDefinition({ ...pages[0]!, content, info: { ...pages[0]!.info, title: `${pages[0]!.info!.subject ?? ''}` } });
}

/**
 * The public check of a printed certificate: no sign-in, no tenant. Shows only what the paper shows
 * (names, the award, the decision) and, when revoked, the revoking decision. Anything that is not
 * exactly one award's code — malformed, forged, unknown — is simply "not found".
 */
export async function verifyCode(db: Db, input: string): Promise<{ status: VerificationStatus; award?: PublicAward }> {
  const code = normaliseCode(input);
  if (!code) return { status: 'not_found' };
  const rows = await findAwardsByCode(db, code);
  if (rows.length !== 1) return { status: 'not_found' };
  const a = rows[0]!;
  const recipient = await recipientOf(db, a.tenant_id, a);
  const award: PublicAward = {
    recipientName: recipient.name, unitName: recipient.unitName, awardFormName: a.award_form_name, year: a.year,
    decisionNumber: a.decision_number, decidedOn: a.decided_on, decidedBy: a.decided_by,
  };
  if (a.revoked_on) {
    return { status: 'revoked', award: { ...award, revokedOn: a.revoked_on, revocationNumber: a.revocation_number ?? '' } };
  }
  return { status: 'valid', award };
}

export interface RevocationInput { decisionNumber: string; decidedOn: string; decidedBy: string; reason: string }
export interface Revocation {
  id: string; awardId: string; decisionNumber: string; decidedOn: string; decidedBy: string; reason: string;
  amountToRecover: number | null; amountSource: 'recorded' | 'computed' | null;
}

/** The money to recover: what was recorded as paid, else what the catalogue says was due on the award's decision date. */
async function moneyToRecover(db: Db, tenantId: string, award: CertificateAward): Promise<{ amount: number; source: 'recorded' | 'computed' } | null> {
  if (award.amount !== null) return { amount: Number(award.amount), source: 'recorded' };
  if (!award.decided_on) return null;
  const [tables, catalogue] = await Promise.all([loadMoneyTables(db, tenantId), loadCatalogue(db, tenantId)]);
  try {
    const money = moneyFor(tables, catalogue, award.award_form, award.person_id ? 'individual' : 'collective', award.decided_on);
    return money ? { amount: money.amount, source: 'computed' } : null;
  } catch (e) {
    // a decision before the catalogue's first legal basis or base salary: the amount is not known
    if (e instanceof AppError && e.status === 422) return null;
    throw e;
  }
}

/**
 * Revokes (thu hồi) an award by a later decision (an award conferred on wrong grounds is annulled
 * and its money and certificate recovered: Law 2022 ch. VII, docs/legal/procedure.md#revocation — article number to confirm). Records the revocation with the money to recover,
 * marks the award revoked — it then leaves the active record, eligibility and the verification page
 * says so — and deletes nothing. One transaction with its audit row.
 */
export async function revokeAward(ctx: CommandContext, awardId: string, input: RevocationInput): Promise<Revocation> {
  const { award, subject } = await awardInScope(ctx.db, ctx.actor, awardId);
  await assertMayRevoke(ctx.db, ctx.actor, award);
  if (award.revoked_on || await findRevocation(ctx.db, ctx.actor.tenantId, award.id)) {
    throw new AppError('certificate.already_revoked', 409, { number: award.revocation_number ?? '', date: award.revoked_on ? formatDate(award.revoked_on) : '' });
  }
  const today = todayInVietnam(ctx.now);
  if (input.decidedOn > today) throw new AppError('certificate.revocation_in_future', 400, { date: formatDate(input.decidedOn) });
  if (award.decided_on && input.decidedOn < award.decided_on) {
    throw new AppError('certificate.revocation_before_award', 400, { date: formatDate(award.decided_on) });
  }
  const money = await moneyToRecover(ctx.db, ctx.actor.tenantId, award);
  const revocation: Revocation = {
    id: uuidv7(ctx.now.getTime()), awardId: award.id, decisionNumber: input.decisionNumber, decidedOn: input.decidedOn,
    decidedBy: input.decidedBy, reason: input.reason, amountToRecover: money?.amount ?? null, amountSource: money?.source ?? null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertRevocation(trx, {
      tenant_id: ctx.actor.tenantId, id: revocation.id, award_id: award.id, decision_number: input.decisionNumber,
      decided_on: input.decidedOn, decided_by: input.decidedBy, reason: input.reason, amount_to_recover: revocation.amountToRecover,
      amount_source: revocation.amountSource, revoked_by: ctx.actor.userId, revoked_at: ctx.now,
    });
    // a concurrent second revocation fails on award_revocations_award (unique) and rolls back: nothing is overwritten
    await reviseAwards(trx, ctx.actor.tenantId, { awardIds: [award.id] },
      { revoke: { on: input.decidedOn, number: input.decisionNumber, at: ctx.now } });
    await recordAudit(trx, {
      tenantId: ctx.actor.tenantId, actorUserId: ctx.actor.userId, action: 'record.award.revoke', entityType: 'record', entityId: award.id,
      organisationPath: subject.auditPath, requestId: ctx.requestId, at: ctx.now,
      changes: {
        subject: { kind: subject.kind, id: subject.id }, awardForm: award.award_form, year: award.year, decisionNumber: award.decision_number,
        revocation: { decisionNumber: input.decisionNumber, decidedOn: input.decidedOn, decidedBy: input.decidedBy, reason: input.reason,
          amountToRecover: revocation.amountToRecover, amountSource: revocation.amountSource },
      },
    });
  });
  return revocation;
}
