import type { Kysely } from 'kysely';
import type { Database, DocumentKind } from '../../platform/db/schema.ts';
import type { CommandContext } from '../../platform/command.ts';
import type { Actor } from '../../platform/auth/policy.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/storage/store.ts';
import { readFile, storeUpload, type UploadInput } from '../../platform/storage/uploads.ts';
import { formatDate, todayInVietnam } from '../../platform/vn/dates.ts';
import type { OfficialDocument } from '../../platform/documents/model.ts';
import { findMovement } from '../movements/index.ts';
import { findOrganisation, membersOn } from '../organisations/index.ts';
import { achievementReport, councilMinutes, proposalLetter, type DossierInput } from './dossier.ts';
import { attachDocument, editableBatch, visibleBatch } from './service.ts';
import { candidatesOf } from './store.ts';
import { DOCUMENT_FILE_NAMES } from './model.ts';

type Db = Kysely<Database>;

/**
 * A signed scan for one slot of the dossier: the batch must be editable by the actor before a byte is
 * stored; then the PDF is checked and stored by hash, and filed (a previous one kept as replaced).
 */
export async function uploadDocument(ctx: CommandContext, files: FileStore, batchId: string, kind: DocumentKind,
  candidateId: string | null, upload: Pick<UploadInput, 'bytes' | 'declaredType' | 'name'> & { maxBytes: number }): Promise<string> {
  const batch = await editableBatch(ctx, batchId);
  const stored = await storeUpload(ctx, files, { ...upload, name: upload.name || `${DOCUMENT_FILE_NAMES[kind]}.pdf`, organisationPath: batch.organisation_path });
  return attachDocument(ctx, batch.id, kind, candidateId, stored);
}

export async function downloadDocument(db: Db, actor: Actor, files: FileStore, batchId: string, documentId: string) {
  const batch = await visibleBatch(db, actor, batchId);
  const doc = await db.selectFrom('nomination_documents').selectAll().where('tenant_id', '=', actor.tenantId)
    .where('batch_id', '=', batch.id).where('id', '=', documentId).executeTakeFirst();
  if (!doc) throw notFound('file');
  const file = await readFile({ db, actor }, files, doc.sha256);
  return { name: doc.name, bytes: file.bytes };
}

/**
 * The unit's drafts, generated from what the system knows: the proposal letter with the nominees, the
 * minutes of its meeting, and a candidate's achievement report on the official template. The unit
 * prints, completes, signs and uploads the scan.
 */
export async function dossierDraft(db: Db, actor: Actor, batchId: string, kind: 'proposal_letter' | 'minutes' | 'achievement_report',
  candidateId: string | null, now: Date): Promise<OfficialDocument> {
  const batch = await visibleBatch(db, actor, batchId);
  const today = todayInVietnam(now);
  const [candidates, unit, form, movement] = await Promise.all([
    candidatesOf(db, batch.tenant_id, batch.id),
    findOrganisation(db, batch.tenant_id, batch.organisation_id),
    db.selectFrom('award_forms').select(['name', 'conferred_by']).where('code', '=', batch.award_form).executeTakeFirstOrThrow(),
    batch.movement_id ? findMovement(db, batch.tenant_id, batch.movement_id) : Promise.resolve(undefined),
  ]);
  const parent = unit?.parent_id ? await findOrganisation(db, batch.tenant_id, unit.parent_id) : undefined;
  const head = (await membersOn(db, batch.tenant_id, batch.organisation_id, today)).find((m) => m.isLeader);
  const personIds = candidates.flatMap((c) => (c.person_id ? [c.person_id] : []));
  const people = personIds.length === 0 ? [] : await db.selectFrom('people').select(['id', 'gender', 'birth_year'])
    .where('tenant_id', '=', batch.tenant_id).where('id', 'in', personIds).execute();
  const input: DossierInput = {
    unit: { name: batch.organisation_name, ...(parent && { parentName: parent.name }), place: movement?.place ?? '' },
    date: null,
    kind: batch.kind,
    ...(movement && movement.issued_on && {
      movement: { name: movement.name, reference: `Kế hoạch số ${movement.document_number ?? '…'}/${movement.document_symbol} ngày ${formatDate(movement.issued_on)} của ${movement.organisation_name}` },
    }),
    awardFormName: form.name,
    authority: batch.receiving_name,
    recipients: candidates.filter((c) => c.status !== 'rejected' && c.status !== 'withdrawn').map((c) => {
      const p = people.find((x) => x.id === c.person_id);
      return {
        kind: c.person_id ? 'person' as const : 'collective' as const, name: c.name, unitName: c.unit_name,
        ...(c.position && { position: c.position }), ...(c.achievement && { achievement: c.achievement }),
        ...(p && { gender: p.gender, ...(p.birth_year && { birthYear: p.birth_year }) }),
      };
    }),
    signer: { title: head?.position ?? 'Thủ trưởng đơn vị', name: head?.fullName ?? '' },
  };
  if (kind === 'proposal_letter') return proposalLetter(input);
  if (kind === 'minutes') return councilMinutes(input);
  const candidate = candidates.find((c) => c.id === candidateId);
  if (!candidate) throw notFound('nomination_candidate');
  const recipient = input.recipients[candidates.filter((c) => c.status !== 'rejected' && c.status !== 'withdrawn').indexOf(candidate)];
  if (!recipient) throw new AppError('nomination.candidate_transition', 409, { name: candidate.name, action: 'report', status: candidate.status });
  return achievementReport(input, recipient);
}
