import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { CommandContext } from '../../platform/command.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { reachablePaths, type Actor } from '../../platform/auth/policy.ts';
import type { Locale } from '../../platform/i18n/messages.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { foldVietnamese } from '../../platform/vn/fold.ts';
import { textSortKey } from '../../platform/vn/sort.ts';
import { todayInVietnam } from '../../platform/vn/dates.ts';
import { cellText, type ColumnSpec, type RowError } from '../../platform/spreadsheets/columns.ts';
import { chunks, importTransaction, readImportFile, refuseRows } from '../../platform/spreadsheets/import-run.ts';
import { writeCsv, writeXlsx, type Cell } from '../../platform/spreadsheets/sheet.ts';
import { loadCatalogue, metSubjects } from '../eligibility/index.ts';
import { planOf, visibleMovement, type Plan } from '../movements/index.ts';
import { eligibilityOfMany, rulesFor, type CandidateEligibility } from './eligibility.ts';
import { recipientOf, type CandidateKind } from './model.ts';
import { awardItemOf, editableBatch, lockBatchRow } from './service.ts';
import type { BatchRow } from './store.ts';
import { ACTIVE_CANDIDATE } from './workflow.ts';

/**
 * Bulk work on a draft batch (issue 17.7): "add everyone who qualifies" from the eligibility list, and a
 * list of candidates from a spreadsheet. Both follow addCandidate's rules — a person employed today in the
 * nominating unit's subtree, a collective of it still in existence, a recipient the movement's award takes,
 * not twice in the batch — and write all the rows in one transaction with one history row and one audit row.
 */

type Db = Kysely<Database>;

/** A subject the unit may nominate today, as the candidate row names them. */
interface Reachable { id: string; code: string | null; name: string; position: string; unit_name: string; is_leader: boolean }

interface NewCandidate { kind: 'person' | 'collective'; subject: Reachable; achievement: string; eligibility: CandidateEligibility }

/** The movement's plan (its criteria) and the recipients its award takes; none for a batch outside a movement. */
async function planFor(ctx: CommandContext, batch: BatchRow): Promise<{ plan: Plan | null; takes: (kind: CandidateKind) => boolean }> {
  const plan = batch.movement_id ? planOf(await visibleMovement(ctx.db, ctx.actor, batch.movement_id)) : null;
  const recipients = plan && batch.award_item_id ? awardItemOf(plan, batch.award_item_id).recipients : null;
  return { plan, takes: (kind) => !recipients || recipients.includes(recipientOf(kind)) };
}

const today = (ctx: CommandContext) => todayInVietnam(ctx.now);

/**
 * People employed on the day in the unit's subtree (the post there, a leader's first), by id or by HR code;
 * one statement for the whole list.
 */
async function reachablePeople(db: Db, tenantId: string, path: string, on: string, by: { ids: string[] } | { codes: string[] }): Promise<Reachable[]> {
  const list = 'ids' in by ? by.ids : by.codes;
  if (list.length === 0) return [];
  const match = 'ids' in by ? sql`p.id = ANY(${by.ids}::uuid[])` : sql`p.code = ANY(${by.codes}::text[])`;
  const { rows } = await sql<Reachable>`SELECT DISTINCT ON (p.id) p.id, p.code, p.full_name AS name, e.position, o.name AS unit_name, e.is_leader
    FROM people p
    JOIN employments e ON e.tenant_id = p.tenant_id AND e.person_id = p.id AND e.start_date <= ${on} AND (e.end_date IS NULL OR e.end_date >= ${on})
    JOIN organisations o ON o.tenant_id = e.tenant_id AND o.id = e.organisation_id AND o.path LIKE ${`${path}%`}
    WHERE p.tenant_id = ${tenantId} AND ${match}
    ORDER BY p.id, e.is_leader DESC, e.start_date DESC, e.id`.execute(db);
  return rows;
}

/** Collectives of the unit's subtree still in existence on the day, by id or by code. */
async function reachableUnits(db: Db, tenantId: string, path: string, on: string, by: { ids: string[] } | { codes: string[] }): Promise<Reachable[]> {
  const list = 'ids' in by ? by.ids : by.codes;
  if (list.length === 0) return [];
  const match = 'ids' in by ? sql`o.id = ANY(${by.ids}::uuid[])` : sql`o.code = ANY(${by.codes}::text[])`;
  const { rows } = await sql<Reachable>`SELECT o.id, o.code, o.name, '' AS position, o.name AS unit_name, false AS is_leader
    FROM organisations o
    WHERE o.tenant_id = ${tenantId} AND o.path LIKE ${`${path}%`} AND (o.valid_to IS NULL OR o.valid_to >= ${on}) AND ${match}`.execute(db);
  return rows;
}

/** Subjects already in the batch, and (for add-all) those already nominated in another batch for the same form and year. */
async function alreadyNominated(db: Db, batch: BatchRow, column: 'person_id' | 'organisation_id', elsewhere: boolean): Promise<Set<string>> {
  const { rows } = await sql<{ id: string }>`SELECT c.${sql.ref(column)} AS id FROM nomination_candidates c
    JOIN nomination_batches b ON b.tenant_id = c.tenant_id AND b.id = c.batch_id
    WHERE c.tenant_id = ${batch.tenant_id} AND c.${sql.ref(column)} IS NOT NULL
      AND (c.batch_id = ${batch.id} OR (${elsewhere} AND b.award_form = ${batch.award_form} AND b.year = ${batch.year}
        AND c.status = ANY(${[...ACTIVE_CANDIDATE]}::text[])))`.execute(db);
  return new Set(rows.map((r) => r.id));
}

/** The candidates' rows, many per statement, and the batch touched. */
async function insertCandidates(trx: Db, ctx: CommandContext, batch: BatchRow, rows: NewCandidate[]): Promise<string[]> {
  const ids: string[] = [];
  for (const chunk of chunks(rows, 500)) {
    const values = chunk.map((c) => {
      const id = uuidv7(ctx.now.getTime());
      ids.push(id);
      return {
        tenant_id: ctx.actor.tenantId, id, batch_id: batch.id, person_id: c.kind === 'person' ? c.subject.id : null,
        organisation_id: c.kind === 'collective' ? c.subject.id : null, household_id: null, status: 'draft' as const,
        name: c.subject.name, name_fold: foldVietnamese(c.subject.name), sort_key: textSortKey(c.subject.name), position: c.subject.position,
        unit_name: c.subject.unit_name, is_leader: c.subject.is_leader, achievement: c.achievement, eligibility: JSON.stringify(c.eligibility),
        note: '', source_candidate_id: null, award_id: null, created_at: ctx.now, updated_at: ctx.now,
      };
    });
    await trx.insertInto('nomination_candidates').values(values).execute();
  }
  await trx.updateTable('nomination_batches').set({ updated_at: ctx.now }).where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', batch.id).execute();
  return ids;
}

/** One history row for the batch and one audit row naming every candidate added. */
async function recordBulkStep(trx: Db, ctx: CommandContext, batch: BatchRow, action: 'add_qualifying' | 'import_candidates', ids: string[],
  extra: Record<string, unknown>) {
  await trx.insertInto('nomination_events').values({
    tenant_id: ctx.actor.tenantId, id: uuidv7(ctx.now.getTime()), batch_id: batch.id, candidate_id: null, action, from_status: batch.status,
    to_status: batch.status, reason: `Đã thêm ${ids.length} trường hợp`, actor_user_id: ctx.actor.userId, at: ctx.now,
  }).execute();
  await recordAudit(trx, {
    tenantId: ctx.actor.tenantId, actorUserId: ctx.actor.userId, action: `nomination.${action}`, entityType: 'nomination_batch', entityId: batch.id,
    organisationPath: batch.organisation_path, changes: { batchId: batch.id, count: ids.length, candidateIds: ids, ...extra },
    requestId: ctx.requestId, at: ctx.now,
  });
}

// ── add everyone who qualifies ─────────────────────────────────────────────────────────────────

export interface QualifyingSummary { individuals: number; collectives: number; total: number; names: string[] }

/**
 * Who "add everyone who qualifies" would add: the subjects of the unit's subtree the evaluator finds met for
 * the batch's form and year (the movement's criteria when it wrote them, else the catalogue's rule in force),
 * that the unit may nominate today, not yet in the batch and not already nominated elsewhere for the same form
 * and year. A form without a rule for a recipient adds none of them: the unit attests those one by one.
 */
async function qualifyingCandidates(trx: Db, ctx: CommandContext, batch: BatchRow): Promise<NewCandidate[]> {
  const { plan, takes } = await planFor(ctx, batch);
  const catalogue = await loadCatalogue(trx, ctx.actor.tenantId);
  const on = today(ctx);
  const out: NewCandidate[] = [];
  for (const kind of ['person', 'collective'] as const) {
    if (!takes(kind)) continue;
    const recipient = kind === 'person' ? 'individual' : 'collective';
    const { rules, source } = rulesFor(catalogue, plan, batch.award_form, recipient, batch.year);
    if (rules.length === 0) continue;
    const met = await metSubjects(trx, catalogue, { tenantId: ctx.actor.tenantId, path: batch.organisation_path, recipient, year: batch.year, today: on, rules });
    const taken = await alreadyNominated(trx, batch, kind === 'person' ? 'person_id' : 'organisation_id', true);
    const fresh = met.filter((id) => !taken.has(id));
    const subjects = kind === 'person'
      ? await reachablePeople(trx, ctx.actor.tenantId, batch.organisation_path, on, { ids: fresh })
      : await reachableUnits(trx, ctx.actor.tenantId, batch.organisation_path, on, { ids: fresh });
    subjects.sort((a, b) => textSortKey(a.name).localeCompare(textSortKey(b.name)) || a.id.localeCompare(b.id));
    for (const subject of subjects) out.push({ kind, subject, achievement: '', eligibility: { status: 'met', source, reasons: [] } });
  }
  return out;
}

export async function previewQualifying(ctx: CommandContext, batchId: string): Promise<QualifyingSummary> {
  const batch = await editableBatch(ctx, batchId);
  const rows = await qualifyingCandidates(ctx.db, ctx, batch);
  const individuals = rows.filter((r) => r.kind === 'person').length;
  return { individuals, collectives: rows.length - individuals, total: rows.length, names: rows.slice(0, 20).map((r) => r.subject.name) };
}

/** Adds them all, in one transaction under the batch's lock: a second call adds nobody. */
export async function addQualifying(ctx: CommandContext, batchId: string): Promise<{ added: number; ids: string[] }> {
  const batch = await editableBatch(ctx, batchId);
  return ctx.db.transaction().execute(async (trx) => {
    await lockBatchRow(trx, batch);
    const rows = await qualifyingCandidates(trx, ctx, batch);
    if (rows.length === 0) return { added: 0, ids: [] };
    const ids = await insertCandidates(trx, ctx, batch, rows);
    await recordBulkStep(trx, ctx, batch, 'add_qualifying', ids, {});
    return { added: ids.length, ids };
  });
}

// ── candidates from a spreadsheet ──────────────────────────────────────────────────────────────

type CandidateColumn = 'personCode' | 'unitCode' | 'achievement';

export const CANDIDATE_COLUMNS: ColumnSpec<CandidateColumn>[] = [
  { key: 'personCode', header: 'Mã cán bộ', width: 14, note: 'Cá nhân được đề nghị: mã cán bộ của người đang công tác tại đơn vị đề nghị hoặc đơn vị trực thuộc.' },
  { key: 'unitCode', header: 'Mã đơn vị', width: 14, note: 'Tập thể được đề nghị: mã của đơn vị trực thuộc (để trống nếu là cá nhân). Mỗi dòng chỉ điền một trong hai mã.' },
  { key: 'achievement', header: 'Thành tích tóm tắt', width: 60, note: 'Tóm tắt thành tích (không bắt buộc, tối đa 20.000 ký tự); có thể sửa sau trên trang đợt đề nghị.' },
];

const MAX_ACHIEVEMENT = 20_000;

export async function candidateTemplate(actor: Actor, format: 'xlsx' | 'csv') {
  if (reachablePaths(actor, 'nomination.write').length === 0) throw new AppError('forbidden', 403);
  const columns = CANDIDATE_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  const rows = [['CB001', '', 'Hoàn thành xuất sắc nhiệm vụ năm; có sáng kiến được công nhận cấp cơ sở.'], ['', 'DV01', 'Tập thể hoàn thành xuất sắc nhiệm vụ.']];
  const fileName = `mau-danh-sach-de-nghi.${format}`;
  if (format === 'csv') return { fileName, file: writeCsv({ columns, rows }) };
  const guide = [
    { title: 'Danh sách người, tập thể được đề nghị', lines: [
      'Mỗi dòng một cá nhân (điền Mã cán bộ) hoặc một tập thể (điền Mã đơn vị). Dòng ví dụ cần được xóa hoặc thay bằng dữ liệu thật.',
      'Cá nhân phải đang công tác tại đơn vị đề nghị hoặc đơn vị trực thuộc (đơn vị quản lý biên chế, tiền lương đề nghị).',
      'Tệp được kiểm tra trước khi nhập: nếu có dòng sai thì không dòng nào được nhập.',
    ] },
    ...CANDIDATE_COLUMNS.map((c) => ({ title: c.header, lines: [c.note ?? ''] })),
  ];
  return { fileName, file: await writeXlsx({ name: 'Danh sách đề nghị', columns, rows, guide }) };
}

export interface CandidateImportInput { file: Buffer; fileName: string; dryRun: boolean; locale: Locale }
export interface CandidateImportResult {
  rows: number; added: number; individuals: number; collectives: number; notEligible: number; dryRun: boolean;
  candidates: { row: number; name: string; eligibility: CandidateEligibility['status'] }[];
}

/**
 * Candidates of a draft batch from a file: every row is checked as addCandidate checks one candidate (a code
 * of the unit's subtree, a recipient the award takes, not twice), and any bad row refuses the whole file with
 * its errors (422 import.invalid_rows), nothing written. A dry run checks and counts the same and writes nothing.
 */
export async function importCandidates(ctx: CommandContext, batchId: string, input: CandidateImportInput): Promise<CandidateImportResult> {
  const batch = await editableBatch(ctx, batchId);
  const { sheet, positions, headers } = await readImportFile(input.file, CANDIDATE_COLUMNS, { requiredOnly: true, ignore: ['STT', 'Họ và tên', 'Họ tên', 'Tên đơn vị', 'Ghi chú'] });
  const cell = (cells: readonly Cell[], key: CandidateColumn) => (positions.has(key) ? cellText(cells[positions.get(key)!] ?? null) : '');
  const { plan, takes } = await planFor(ctx, batch);
  const on = today(ctx);
  const t = ctx.actor.tenantId;
  return importTransaction(ctx.db, input.dryRun, async (trx) => {
    await lockBatchRow(trx, batch);
    const personCodes = sheet.rows.map((r) => cell(r.cells, 'personCode')).filter(Boolean);
    const unitCodes = sheet.rows.map((r) => cell(r.cells, 'unitCode')).filter(Boolean);
    const people = new Map((await reachablePeople(trx, t, batch.organisation_path, on, { codes: personCodes })).map((p) => [p.code!, p]));
    const units = new Map((await reachableUnits(trx, t, batch.organisation_path, on, { codes: unitCodes })).map((u) => [u.code!, u]));
    const inBatch = new Set([...await alreadyNominated(trx, batch, 'person_id', false), ...await alreadyNominated(trx, batch, 'organisation_id', false)]);
    const errors: RowError[] = [];
    const seen = new Map<string, number>();
    const planned: (Omit<NewCandidate, 'eligibility'> & { row: number })[] = [];
    for (const { row, cells } of sheet.rows) {
      const fail = (key: CandidateColumn, message: string) => errors.push({ row, column: headers.get(key) ?? CANDIDATE_COLUMNS.find((c) => c.key === key)!.header, message });
      const personCode = cell(cells, 'personCode');
      const unitCode = cell(cells, 'unitCode');
      const achievement = cell(cells, 'achievement');
      if (!personCode && !unitCode && !achievement) continue; // an empty line
      if (!personCode && !unitCode) { fail('personCode', translate('import.row.subject_missing', input.locale)); continue; }
      if (personCode && unitCode) { fail('personCode', translate('import.row.subject_both', input.locale)); continue; }
      if (achievement.length > MAX_ACHIEVEMENT) fail('achievement', translate('import.row.too_long', input.locale, { max: MAX_ACHIEVEMENT }));
      const kind = personCode ? 'person' as const : 'collective' as const;
      const column = personCode ? 'personCode' as const : 'unitCode' as const;
      const subject = personCode ? people.get(personCode) : units.get(unitCode);
      // a code outside the unit's subtree reads as unknown: the file learns nothing of other units
      if (!subject) { fail(column, translate(personCode ? 'import.row.unknown_person' : 'import.row.unknown_unit', input.locale, { code: personCode || unitCode })); continue; }
      const earlier = seen.get(subject.id);
      if (earlier !== undefined) { fail(column, translate('import.row.duplicate', input.locale, { row: earlier })); continue; }
      seen.set(subject.id, row);
      if (inBatch.has(subject.id)) { fail(column, translate('nomination.duplicate_candidate', input.locale, { name: subject.name })); continue; }
      if (!takes(kind)) { fail(column, translate('nomination.recipient_not_in_plan', input.locale, { name: subject.name })); continue; }
      planned.push({ row, kind, subject, achievement });
    }
    if (errors.length > 0) refuseRows(errors.sort((a, b) => a.row - b.row));
    if (planned.length === 0) refuseRows([{ row: 2, column: headers.get('personCode') ?? 'Mã cán bộ', message: translate('import.row.subject_missing', input.locale) }]);
    const judged = new Map<string, CandidateEligibility>();
    for (const kind of ['person', 'collective'] as const) {
      const found = await eligibilityOfMany(trx, t, kind, planned.filter((p) => p.kind === kind).map((p) => p.subject.id),
        { awardForm: batch.award_form, year: batch.year, plan, locale: input.locale, today: on });
      for (const [id, e] of found) judged.set(id, e);
    }
    const rows = planned.map((p) => ({ ...p, eligibility: judged.get(p.subject.id)! }));
    const ids = await insertCandidates(trx, ctx, batch, rows);
    await recordBulkStep(trx, ctx, batch, 'import_candidates', ids, {
      fileName: input.fileName, format: sheet.format, sha256: createHash('sha256').update(input.file).digest('hex'),
    });
    const individuals = rows.filter((r) => r.kind === 'person').length;
    return {
      rows: rows.length, added: ids.length, individuals, collectives: rows.length - individuals,
      notEligible: rows.filter((r) => r.eligibility.status === 'unmet').length, dryRun: input.dryRun,
      candidates: rows.map((r) => ({ row: r.row, name: r.subject.name, eligibility: r.eligibility.status })),
    };
  });
}
