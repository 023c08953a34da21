import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { CommandContext } from '../../../platform/command.ts';
import { forbidden, notFound } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { canReach, reachablePaths, type Actor } from '../../../platform/auth/policy.ts';
import type { Locale } from '../../../platform/i18n/messages.ts';
import { todayInVietnam } from '../../../platform/vn/dates.ts';
import { visibleOrganisation } from '../../organisations/index.ts';
import {
  AWARD_BASIS_LABELS, DISCIPLINE_LABELS, FIRST_RECORD_YEAR, INITIATIVE_KIND_LABELS, INITIATIVE_LEVEL_LABELS, RATING_LABELS,
  type RecordKind,
} from '../model.ts';
import { COLUMNS, KIND_SLUGS, NATURAL_KEYS, READING_COLUMNS, RECORD_MATCH, type Column, type ColumnKey } from './columns.ts';
import { cellText, detachedText } from '../../../platform/spreadsheets/columns.ts';
import { importTransaction, matchImportHeaders, refuseRows } from '../../../platform/spreadsheets/import-run.ts';
import { streamSheet, type StreamLimits } from '../../../platform/spreadsheets/stream.ts';
import type { RowError } from '../../../platform/spreadsheets/columns.ts';
import type { SheetRow } from '../../../platform/spreadsheets/grid.ts';
import type { UploadedFile } from '../../../platform/http/uploads.ts';
import { AppError } from '../../../platform/errors.ts';
import { writeCsv, writeXlsx, type Cell, type SheetSpec } from '../../../platform/spreadsheets/sheet.ts';
import { awardFormCatalogue, awardFormIndex, recordsUnder, subjectsByCode, upsertRecords, type ExportRow } from './store.ts';
import { SeenRecords, validateRows, type ImportRecord, type Lookups } from './validate.ts';

type Db = Kysely<Database>;

export const KIND_NAMES: Record<RecordKind, string> = {
  ratings: 'Xếp loại', awards: 'Khen thưởng', initiatives: 'Sáng kiến', disciplines: 'Kỷ luật',
};

const DATE_COLUMNS = new Set<ColumnKey>(['recognisedOn', 'startsOn', 'endsOn', 'date']);

// ── templates ──────────────────────────────────────────────────────────────────────────────────

async function guideFor(db: Db, tenantId: string, kind: RecordKind): Promise<SheetSpec['guide']> {
  const header = (key: ColumnKey) => COLUMNS[kind].find((c) => c.key === key)!.header;
  const keyHeaders = NATURAL_KEYS[kind].map((k) => ({
    year: 'Năm', award_form: 'Hình thức', decision_number: 'Số quyết định', title_fold: 'Tên sáng kiến', level: 'Cấp công nhận',
    form: 'Hình thức kỷ luật', starts_on: 'Từ ngày',
  })[k]);
  const guide: SheetSpec['guide'] = [{
    title: 'Cách điền',
    lines: [
      'Dòng 1 là tiêu đề cột: giữ nguyên tên và không xóa cột. Mỗi dòng sau là một hồ sơ.',
      'Mỗi dòng điền Mã cán bộ (hồ sơ của cá nhân) hoặc Mã đơn vị (hồ sơ của tập thể), không điền cả hai.',
      `Năm: số nguyên từ ${FIRST_RECORD_YEAR} đến năm hiện tại.`,
      'Ngày: ngày/tháng/năm, ví dụ 15/01/2024 (hoặc ô kiểu ngày của Excel).',
      `Một hồ sơ được nhận biết theo cá nhân/tập thể và ${keyHeaders.join(', ')}: nhập lại cùng một tệp không tạo hồ sơ trùng mà cập nhật hồ sơ đã có.`,
      'Nếu có dòng sai, không dòng nào được ghi; hệ thống liệt kê mọi dòng sai để sửa rồi nhập lại.',
    ],
  }];
  const list = (key: ColumnKey, labels: Record<string, string>) => guide.push({ title: header(key), lines: Object.values(labels) });
  if (kind === 'ratings') list('rating', RATING_LABELS);
  if (kind === 'awards') {
    guide.push({ title: header('awardForm'), lines: (await awardFormCatalogue(db, tenantId)).map((f) => `${f.name} (mã: ${f.code})`) });
    list('basis', AWARD_BASIS_LABELS);
  }
  if (kind === 'initiatives') { list('kind', INITIATIVE_KIND_LABELS); list('level', INITIATIVE_LEVEL_LABELS); }
  if (kind === 'disciplines') list('form', DISCIPLINE_LABELS);
  return guide;
}

const sheetColumns = (kind: RecordKind) => COLUMNS[kind].map((c: Column) => ({ header: c.header, width: c.width, date: DATE_COLUMNS.has(c.key) }));

/** The largest file and the most rows one import takes, for those who may import. */
export function importLimits(actor: Actor, limits: { maxMegabytes: number; maxRows: number }) {
  if (reachablePaths(actor, 'record.write').length === 0) throw forbidden();
  return limits;
}

export async function importTemplate(db: Db, actor: Actor, kind: RecordKind, format: 'xlsx' | 'csv') {
  if (reachablePaths(actor, 'record.write').length === 0) throw forbidden();
  const fileName = `mau-nhap-${KIND_SLUGS[kind]}.${format}`;
  if (format === 'csv') return { fileName, file: writeCsv({ columns: sheetColumns(kind), rows: [] }) };
  return { fileName, file: await writeXlsx({ name: KIND_NAMES[kind], columns: sheetColumns(kind), rows: [], guide: await guideFor(db, actor.tenantId, kind) }) };
}

// ── import ─────────────────────────────────────────────────────────────────────────────────────

export interface ImportInput {
  kind: RecordKind;
  /** the upload, on disk (platform/http/uploads.ts) */
  file: UploadedFile;
  fileName: string;
  dryRun: boolean;
  locale: Locale;
  limits: StreamLimits;
  /** told after each batch of rows, and once more when every row is written */
  onProgress?: (progress: ImportProgress) => void;
  /**
   * The database gives a second connection (PostgreSQL; PGlite has one): codes are then looked up beside the
   * import's transaction while it writes, instead of between its writes.
   */
  lookupsBeside?: boolean;
}
export interface ImportResult { kind: RecordKind; rows: number; created: number; updated: number; unchanged: number; dryRun: boolean }
/** Rows read from the file, checked, and written (in the import's transaction, so seen by no one else until it commits). */
export interface ImportProgress { read: number; validated: number; written: number }

/** A file with this many bad rows is refused without reading the rest: the list is for correcting, not for counting. */
export const MAX_ROW_ERRORS = 1_000;

/**
 * Reads a file as a stream in batches, inside one transaction: each batch's codes are looked up, its rows
 * checked, and — while no row anywhere has been wrong — written. Any bad row means nothing is written (the
 * transaction rolls back) and the bad rows are listed, up to MAX_ROW_ERRORS. A dry run does the same writes
 * and rolls them back, so its counts are exactly what a real import would do. One audit row.
 */
export async function importRecords(ctx: CommandContext, input: ImportInput): Promise<ImportResult> {
  const { actor, db } = ctx;
  const prefixes = reachablePaths(actor, 'record.write');
  if (prefixes.length === 0) throw forbidden();
  const { kind } = input;
  const awardForms = kind === 'awards' ? awardFormIndex(await awardFormCatalogue(db, actor.tenantId)) : new Map<string, string>();
  const lookups: Lookups = {
    people: new Map(), units: new Map(), awardForms, currentYear: Number(todayInVietnam(ctx.now).slice(0, 4)), locale: input.locale,
  };
  const asked = { people: new Set<string>(), units: new Set<string>() };
  const seen = new SeenRecords();
  const errors: RowError[] = [];
  const progress: ImportProgress = { read: 0, validated: 0, written: 0 };
  let match: { positions: Map<ColumnKey, number>; headers: Map<ColumnKey, string> } | null = null;
  let created = 0;
  let updated = 0;

  return importTransaction(db, input.dryRun, async (trx) => {
    const newCodes = (rows: SheetRow[], key: ColumnKey, done: Set<string>) => {
      const codes = new Set<string>();
      const at = match!.positions.get(key)!;
      for (const r of rows) {
        const code = cellText(r.cells[at] ?? null);
        if (code && !done.has(code)) { const kept = detachedText(code); codes.add(kept); done.add(kept); }
      }
      return [...codes];
    };
    // Reading and checking (JavaScript) overlap writing (the database), at most one write in flight. With a
    // second connection, a batch's codes are looked up on it while the previous batch is written, and the batch
    // is sent as soon as it is checked: the transaction's connection writes back to back. With one connection, a
    // batch checked is held until the next batch's codes are looked up, then written while that next batch is
    // checked, so a lookup never waits behind a write. (Codes name people and units, which an import does not
    // write: a lookup outside the transaction reads what one inside would.)
    const beside = input.lookupsBeside === true;
    let writing: Promise<void> | null = null;
    let held: ImportRecord[] | null = null;
    const finishWrite = async () => {
      const inFlight = writing;
      writing = null;
      if (inFlight) await inFlight;
    };
    const sendHeld = () => {
      if (!held || errors.length > 0) return;
      const records = held;
      held = null;
      writing = upsertRecords(trx, actor.tenantId, kind, records, actor.userId, ctx.now).then((written) => {
        created += written.created;
        updated += written.updated;
        progress.written += records.length;
        input.onProgress?.({ ...progress });
      });
      writing.catch(() => {}); // awaited by finishWrite; a failure is not left unhandled meanwhile
    };
    let sheet: { format: 'xlsx' | 'csv'; rows: number };
    try {
      sheet = await streamSheet(input.file.path, input.limits, {
        headers(found) { match = matchImportHeaders(found, COLUMNS[kind], RECORD_MATCH); },
        async rows(batch) {
          progress.read += batch.length;
          if (!beside) await finishWrite();
          const found = await subjectsByCode(beside ? db : trx, actor.tenantId, prefixes,
            newCodes(batch, 'personCode', asked.people), newCodes(batch, 'unitCode', asked.units));
          if (!beside) sendHeld();
          for (const [code, id] of found.people) (lookups.people as Map<string, string>).set(code, id);
          for (const [code, id] of found.units) (lookups.units as Map<string, string>).set(code, id);
          const checked = validateRows(kind, batch, match!.positions, match!.headers, lookups, seen);
          errors.push(...checked.errors);
          if (errors.length >= MAX_ROW_ERRORS) refuseRows(errors.slice(0, MAX_ROW_ERRORS));
          progress.validated += batch.length;
          if (errors.length === 0) held = checked.records;
          if (beside) { await finishWrite(); sendHeld(); }
          input.onProgress?.({ ...progress });
        },
      });
      await finishWrite();
      sendHeld();
      await finishWrite();
    } finally {
      // nothing of this import runs on the connection once the transaction ends (commit or rollback)
      await (writing as Promise<void> | null)?.catch(() => {});
    }
    const { format, rows } = sheet;
    if (rows === 0) throw new AppError('import.empty', 400);
    if (errors.length > 0) refuseRows(errors);
    const result = { kind, rows: progress.written, created, updated, unchanged: progress.written - created - updated, dryRun: input.dryRun };
    if (input.dryRun) return result;
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'records.import', entityType: 'records_import', entityId: null,
      organisationPath: prefixes[0]!, requestId: ctx.requestId, at: ctx.now,
      changes: {
        kind, fileName: input.fileName, format, sha256: input.file.sha256, bytes: input.file.size,
        rows: result.rows, created, updated, unchanged: result.unchanged,
      },
    });
    return result;
  });
}

// ── export ─────────────────────────────────────────────────────────────────────────────────────

const label = (labels: Record<string, string>, value: unknown) => (typeof value === 'string' ? labels[value] ?? value : null);
const asDate = (value: unknown): Cell => (typeof value === 'string' ? new Date(`${value}T00:00:00Z`) : null);

function exportCell(kind: RecordKind, key: ColumnKey, r: ExportRow): Cell {
  const source = kind === 'awards'
    ? { number: r.decision_number, date: r.decided_on, issuer: r.decided_by }
    : { number: r.source_number, date: r.source_date, issuer: r.source_issuer };
  switch (key) {
    case 'personCode': return r.person_code;
    case 'unitCode': return r.unit_code;
    case 'rating': return label(RATING_LABELS, r.rating);
    case 'awardForm': return r.award_form ?? null;
    case 'basis': return label(AWARD_BASIS_LABELS, r.basis);
    case 'kind': return label(INITIATIVE_KIND_LABELS, r.kind);
    case 'level': return label(INITIATIVE_LEVEL_LABELS, r.level);
    case 'form': return label(DISCIPLINE_LABELS, r.form);
    case 'recognisedOn': return asDate(r.recognised_on);
    case 'startsOn': return asDate(r.starts_on);
    case 'endsOn': return asDate(r.ends_on);
    case 'number': return source.number ?? null;
    case 'date': return asDate(source.date);
    case 'issuer': return source.issuer ?? null;
    case 'year': return r.year ?? null;
    case 'reason': return r.reason ?? null;
    case 'title': return r.title ?? null;
    case 'effect': return r.effect ?? null;
  }
}

/**
 * The records of a subtree in the template's columns (so the file can be corrected and imported
 * again), followed by the names a reader needs. Out of scope reads as not found.
 */
export async function exportRecords(db: Db, actor: Actor, kind: RecordKind, organisationId: string) {
  const org = await visibleOrganisation(db, actor, organisationId);
  if (!canReach(actor, 'record.read', org.path)) throw notFound('organisation');
  const rows = await recordsUnder(db, actor.tenantId, kind, org.path);
  const file = await writeXlsx({
    name: KIND_NAMES[kind],
    columns: [...sheetColumns(kind), ...READING_COLUMNS],
    rows: rows.map((r) => [...COLUMNS[kind].map((c) => exportCell(kind, c.key, r)), r.person_name, r.unit_name]),
    guide: await guideFor(db, actor.tenantId, kind),
  });
  return { file, fileName: `${KIND_SLUGS[kind]}-${org.code ?? org.id.slice(-8)}.xlsx`.replace(/[^A-Za-z0-9._-]/g, '-') };
}
