/**
 * Accepting a signed scan — PDF only (by its bytes and by its declared type) — or a photo — JPEG or PNG
 * only, by the same two tests, under a smaller cap: not empty, not over the limit, hashed with SHA-256
 * and stored once per content — a second identical upload reuses the bytes and the `files` row.
 * Whatever references a file (a nomination batch's documents, an example's photos) decides who may read
 * it: `readFile` checks the tenant only, so call it after the caller's own scope check.
 */
import { createHash } from 'node:crypto';
import type { CommandContext } from '../command.ts';
import { recordAudit } from '../audit.ts';
import { AppError, notFound } from '../errors.ts';
import type { FileStore } from './store.ts';
import { pdfActiveContent, type ActiveContent } from './pdf-active.ts';

export const PDF_TYPE = 'application/pdf';
export const JPEG_TYPE = 'image/jpeg';
export const PNG_TYPE = 'image/png';
export type ImageType = typeof JPEG_TYPE | typeof PNG_TYPE;
export const MB = 1024 * 1024;
export const DEFAULT_UPLOAD_MAX_BYTES = 20 * MB;
/** A photo for a web page: a phone's full-size JPEG is 3–5 MB; anything larger should be resized first. */
export const DEFAULT_IMAGE_MAX_BYTES = 5 * MB;
/** PDF readers look for the trailer's %%EOF near the end; writers may add a few bytes after it. */
const EOF_WINDOW = 1024;

export interface UploadInput {
  bytes: Buffer;
  /** the Content-Type the client declared (parameters such as '; name=…' are ignored) */
  declaredType: string | undefined;
  /** the file name as the user had it; kept for display and download, never used as a path */
  name: string;
  /** defaults to 20 MB; routes pass `uploadLimitBytes(config)` */
  maxBytes?: number;
  /** the organisation whose audit trail records the upload (a batch's unit); defaults to the actor's first grant */
  organisationPath?: string;
  /** what the upload must be: a signed scan (PDF, the default) or a photo (JPEG/PNG, capped at 5 MB or maxBytes if lower) */
  accept?: 'pdf' | 'image';
}

export interface StoredFile {
  sha256: string; size: number; name: string;
  /** what in a PDF can act when opened (pdf-active.ts); empty for a plain scan */
  activeContent: ActiveContent[];
}

export function limitText(maxBytes: number): string {
  return maxBytes % MB === 0 ? `${maxBytes / MB} MB` : `${Math.round((maxBytes / MB) * 10) / 10} MB`;
}

/** The media type without parameters, lower case: 'Application/PDF; x=y' → 'application/pdf'. */
function mediaType(declared: string | undefined): string {
  return (declared ?? '').split(';')[0]!.trim().toLowerCase();
}

/** A PDF by its bytes: '%PDF-' first, '%%EOF' within the last kilobyte. */
export function looksLikePdf(bytes: Buffer): boolean {
  if (bytes.length < 10 || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') return false;
  return bytes.subarray(Math.max(0, bytes.length - EOF_WINDOW)).includes('%%EOF', 0, 'latin1');
}

/** Throws the AppError the user should see (400 empty, 413 too large, 415 not a PDF); nothing is written. */
export function checkPdfUpload(bytes: Buffer, declaredType: string | undefined, maxBytes = DEFAULT_UPLOAD_MAX_BYTES): void {
  if (bytes.length === 0) throw new AppError('file.empty', 400);
  if (bytes.length > maxBytes) throw new AppError('file.too_large', 413, { limit: limitText(maxBytes) });
  if (mediaType(declaredType) !== PDF_TYPE || !looksLikePdf(bytes)) throw new AppError('file.not_pdf', 415);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A JPEG or a PNG by its first bytes (the format's signature), or null. SVG, GIF, WebP and HTML are not
 * images here: an SVG can carry script, and the public board serves these bytes to anyone.
 */
export function imageTypeOf(bytes: Buffer): ImageType | null {
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return JPEG_TYPE;
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return PNG_TYPE;
  return null;
}

/** Throws the AppError the user should see (400 empty, 413 too large, 415 not a JPEG/PNG); returns the type. */
export function checkImageUpload(bytes: Buffer, declaredType: string | undefined, maxBytes = DEFAULT_IMAGE_MAX_BYTES): ImageType {
  if (bytes.length === 0) throw new AppError('file.empty_image', 400);
  if (bytes.length > maxBytes) throw new AppError('file.too_large_image', 413, { limit: limitText(maxBytes) });
  const type = imageTypeOf(bytes);
  const declared = mediaType(declaredType);
  // some browsers still label JPEGs image/jpg
  if (!type || (declared === 'image/jpg' ? JPEG_TYPE : declared) !== type) throw new AppError('file.not_image', 415);
  return type;
}

/**
 * A display name: the last path part, no control characters, at most 255 characters, ending in the extension of
 * what the bytes are — a PDF sent as "poly.html" is downloaded as "poly.html.pdf", never as a web page.
 */
export function cleanFileName(name: string, extension = '.pdf'): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[/\\]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').normalize('NFC').trim();
  if (base.length === 0) return `tep-dinh-kem${extension}`;
  const sameKind = extension === '.jpg' ? /\.(jpe?g)$/i : new RegExp(`\\${extension}$`, 'i');
  const named = sameKind.test(base) ? base : `${base}${extension}`;
  return named.length <= 255 ? named : `${named.slice(0, 255 - extension.length)}${extension}`;
}

function auditPath(ctx: CommandContext, explicit: string | undefined): string {
  if (explicit) return explicit;
  const paths = ctx.actor.grants.map((g) => g.path).sort();
  return paths[0] ?? '/';
}

/**
 * Checks and stores a signed scan; returns its hash, size and (cleaned) name. The bytes are written
 * first (idempotent by hash: an orphan object after a failed transaction is harmless and reused), then
 * the row and its audit entry in one transaction. The first uploader's name and time stay on the row.
 */
export async function storeUpload(ctx: CommandContext, files: FileStore, input: UploadInput): Promise<StoredFile> {
  let contentType: string = PDF_TYPE;
  if (input.accept === 'image') {
    contentType = checkImageUpload(input.bytes, input.declaredType, Math.min(DEFAULT_IMAGE_MAX_BYTES, input.maxBytes ?? DEFAULT_IMAGE_MAX_BYTES));
  } else {
    checkPdfUpload(input.bytes, input.declaredType, input.maxBytes);
  }
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const name = cleanFileName(input.name, contentType === PDF_TYPE ? '.pdf' : contentType === PNG_TYPE ? '.png' : '.jpg');
  const size = input.bytes.length;
  const activeContent = contentType === PDF_TYPE ? pdfActiveContent(input.bytes) : [];
  if (!(await files.has(sha256))) await files.put(sha256, input.bytes);
  const tenantId = ctx.actor.tenantId;
  await ctx.db.transaction().execute(async (trx) => {
    const inserted = await trx.insertInto('files').values({
      tenant_id: tenantId, sha256, size, content_type: contentType, original_name: name, uploaded_by: ctx.actor.userId, uploaded_at: ctx.now,
      active_content: JSON.stringify(activeContent),
    }).onConflict((oc) => oc.columns(['tenant_id', 'sha256']).doNothing()).returning('sha256').executeTakeFirst();
    await recordAudit(trx, {
      tenantId, actorUserId: ctx.actor.userId, action: 'file.upload', entityType: 'file', entityId: null,
      organisationPath: auditPath(ctx, input.organisationPath),
      changes: { sha256, size, name, reused: inserted === undefined, ...(activeContent.length > 0 && { activeContent }) }, requestId: ctx.requestId, at: ctx.now,
    });
  });
  return { sha256, size, name, activeContent };
}

export interface FileContent { sha256: string; size: number; contentType: string; name: string; uploadedAt: Date; bytes: Buffer }

/**
 * A stored file of the actor's tenant with its bytes; 404 when there is none. The caller has already
 * decided that the actor may see the record that references it.
 */
export async function readFile(ctx: Pick<CommandContext, 'db' | 'actor'>, files: FileStore, sha256: string): Promise<FileContent> {
  return readTenantFile(ctx.db, files, ctx.actor.tenantId, sha256);
}

/**
 * The same for a tenant known without a signed-in actor: a public page that has already found the
 * published record that references the file (an example on the honour board).
 */
export async function readTenantFile(db: CommandContext['db'], files: FileStore, tenantId: string, sha256: string): Promise<FileContent> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw notFound('file');
  const row = await db.selectFrom('files').selectAll()
    .where('tenant_id', '=', tenantId).where('sha256', '=', sha256).executeTakeFirst();
  if (!row) throw notFound('file');
  const bytes = await files.get(sha256);
  // a row without its bytes is a broken store (a restore without the files folder): the user is told plainly, the log says which
  if (!bytes) throw new AppError('file.missing', 404, { name: row.original_name }, undefined, `file ${sha256} is recorded but missing from the file store`);
  return { sha256, size: Number(row.size), contentType: row.content_type, name: row.original_name, uploadedAt: new Date(row.uploaded_at), bytes };
}
