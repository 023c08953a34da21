import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { CommandContext } from '../../platform/command.ts';
import type { Actor } from '../../platform/auth/policy.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { FileStore } from '../../platform/storage/store.ts';
import { readFile, storeUpload, type FileContent, type UploadInput } from '../../platform/storage/uploads.ts';
import { memberOf } from './scoring.ts';
import { allow, audit, recheck, visibleSheet, type SheetAccess } from './service.ts';
import { criteriaOf } from './store.ts';

type Db = Kysely<Database>;

/**
 * A member's evidence files (minh chứng): the signed documents behind its self-scores, PDF scans attached
 * to a criterion while the member scores itself and until it submits, read by everyone who sees the sheet
 * (the head member and the council member check them when they adjust).
 */
export const EVIDENCE_FILES_MAX = 10;

/** The member may still change its own scoring: the sheet is open, the actor scores for it, it has not submitted. */
async function assertSelfScoring(db: Db, access: SheetAccess, organisationId: string) {
  const member = memberOf(access, organisationId);
  allow(access, 'self_score');
  if (!access.scorable.has(organisationId)) throw new AppError('cluster.not_your_member', 403, { name: member.name });
  const entry = await db.selectFrom('cluster_sheet_entries').select('submitted_at').where('tenant_id', '=', access.sheet.tenant_id)
    .where('sheet_id', '=', access.sheet.id).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (entry?.submitted_at) throw new AppError('cluster.already_submitted', 409, { name: member.name });
}

export async function addEvidenceFile(ctx: CommandContext, files: FileStore, sheetId: string, organisationId: string, criterionId: string,
  upload: Pick<UploadInput, 'bytes' | 'declaredType' | 'name' | 'maxBytes'>): Promise<string> {
  const { db, actor } = ctx;
  const access = await visibleSheet(db, actor, sheetId);
  await assertSelfScoring(db, access, organisationId);
  if (!(await criteriaOf(db, actor.tenantId, sheetId)).some((c) => c.id === criterionId)) throw new AppError('cluster.unknown_criterion', 422);
  const stored = await storeUpload(ctx, files, { ...upload, organisationPath: access.sheet.organiser_path });
  const id = uuidv7(ctx.now.getTime());
  await db.transaction().execute(async (trx) => {
    await recheck(trx, access, 'self_score');
    await assertSelfScoring(trx, access, organisationId);
    const attached = await trx.selectFrom('cluster_evidence_files').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', actor.tenantId).where('sheet_id', '=', sheetId).where('organisation_id', '=', organisationId)
      .where('criterion_id', '=', criterionId).executeTakeFirstOrThrow();
    if (Number(attached.n) >= EVIDENCE_FILES_MAX) throw new AppError('cluster.too_many_files', 409, { max: EVIDENCE_FILES_MAX });
    await trx.insertInto('cluster_evidence_files').values({
      tenant_id: actor.tenantId, id, sheet_id: sheetId, organisation_id: organisationId, criterion_id: criterionId, sha256: stored.sha256,
      uploaded_by: actor.userId, uploaded_at: ctx.now,
    }).execute();
    await audit(trx, ctx, access.sheet, 'evidence_add', { organisationId, criterionId, fileId: id, sha256: stored.sha256, name: stored.name });
  });
  return id;
}

async function findEvidence(db: Db, access: SheetAccess, fileId: string) {
  const row = await db.selectFrom('cluster_evidence_files').selectAll().where('tenant_id', '=', access.sheet.tenant_id)
    .where('sheet_id', '=', access.sheet.id).where('id', '=', fileId).executeTakeFirst();
  if (!row) throw notFound('cluster_evidence');
  return row;
}

export async function removeEvidenceFile(ctx: CommandContext, sheetId: string, fileId: string): Promise<void> {
  const { db, actor } = ctx;
  const access = await visibleSheet(db, actor, sheetId);
  const row = await findEvidence(db, access, fileId);
  await assertSelfScoring(db, access, row.organisation_id);
  await db.transaction().execute(async (trx) => {
    await recheck(trx, access, 'self_score');
    await assertSelfScoring(trx, access, row.organisation_id);
    await trx.deleteFrom('cluster_evidence_files').where('tenant_id', '=', actor.tenantId).where('id', '=', row.id).execute();
    await audit(trx, ctx, access.sheet, 'evidence_remove', { organisationId: row.organisation_id, criterionId: row.criterion_id, fileId, sha256: row.sha256 });
  });
}

/** An evidence file's bytes, for anyone who sees the sheet. */
export async function evidenceFile(db: Db, actor: Actor, files: FileStore, sheetId: string, fileId: string): Promise<FileContent> {
  const access = await visibleSheet(db, actor, sheetId);
  const row = await findEvidence(db, access, fileId);
  return readFile({ db, actor }, files, row.sha256);
}
