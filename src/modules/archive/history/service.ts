import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { CommandContext } from '../../../platform/command.ts';
import { AppError, conflict, forbidden, notFound } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { canReach, reachablePaths, type Actor } from '../../../platform/auth/policy.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { translate, type Locale } from '../../../platform/i18n/messages.ts';
import { todayInVietnam } from '../../../platform/vn/dates.ts';
import { foldQuery, foldVietnamese } from '../../../platform/vn/fold.ts';
import { importTransaction, readImportFile, refuseRows } from '../../../platform/spreadsheets/import-run.ts';
import { writeCsv, writeXlsx } from '../../../platform/spreadsheets/sheet.ts';
import { importHistoricAwards, reviseAwards, type HistoricAward } from '../../awards/index.ts';
import { findOrganisation } from '../../organisations/index.ts';
import { employmentsOf, findPerson } from '../../people/index.ts';
import { EXAMPLE_ROW, HISTORY_COLUMNS, HISTORY_MATCH } from './columns.ts';
import { OrgIndex, matchRow, type Match, type Unmatched } from './matching.ts';
import { awardFormIndex, readHistoryRows, writtenNameColumns, type RowError } from './model.ts';
import {
  awardForms, findUnmatchedAward, matchConflict, organisationsUnder, peopleNamed, sameWrittenRecipient, unmatchedGroups, type NamedCandidate,
} from './store.ts';

type Db = Kysely<Database>;

/** The import's subtree: the unit chosen, or the first where the actor may import. Out of reach reads as not found. */
async function importScope(db: Db, actor: Actor, organisationId: string | undefined) {
  const prefixes = reachablePaths(actor, 'award.import');
  if (prefixes.length === 0) throw forbidden();
  const id = organisationId ?? actor.grants.find((g) => g.path === prefixes[0])?.organisationId;
  const org = id ? await findOrganisation(db, actor.tenantId, id) : undefined;
  if (!org || !canReach(actor, 'award.import', org.path)) throw notFound('organisation');
  return org;
}

// ── template ───────────────────────────────────────────────────────────────────────────────────

export async function historyTemplate(db: Db, actor: Actor, format: 'xlsx' | 'csv') {
  if (reachablePaths(actor, 'award.import').length === 0) throw forbidden();
  const columns = HISTORY_COLUMNS.map((c) => ({ header: c.header, width: c.width, date: c.date ?? false }));
  const example = HISTORY_COLUMNS.map((c) => (c.key === 'date' ? new Date('2022-01-15T00:00:00Z') : EXAMPLE_ROW[c.key]));
  const fileName = `mau-nhap-lich-su-khen-thuong.${format}`;
  if (format === 'csv') {
    return { fileName, file: writeCsv({ columns, rows: [HISTORY_COLUMNS.map((c) => (c.key === 'date' ? EXAMPLE_ROW.date : EXAMPLE_ROW[c.key]))] }) };
  }
  const forms = await awardForms(db, actor.tenantId);
  const file = await writeXlsx({
    name: 'Lịch sử khen thưởng', columns, rows: [example],
    guide: [
      { title: 'Cách điền', lines: [
        'Dòng 1 là tiêu đề cột. Mỗi dòng sau là một cá nhân hoặc tập thể được khen trong một quyết định; dòng 2 là ví dụ, hãy xóa hoặc thay bằng dữ liệu thật.',
        'Bắt buộc: Số quyết định, Ngày quyết định (ngày/tháng/năm), Hình thức khen thưởng, Họ và tên hoặc tên tập thể.',
        'Cá nhân/Tập thể: có thể để trống khi hình thức chỉ trao cho cá nhân (ví dụ Chiến sĩ thi đua cơ sở) hoặc chỉ cho tập thể (ví dụ Cờ thi đua).',
        'Ghi tên và đơn vị đúng như trong quyết định. Hệ thống tự nhận ra cá nhân (theo họ tên, đơn vị công tác khi quyết định và năm sinh nếu có) và đơn vị (theo mã hoặc tên, kể cả đơn vị đã giải thể, sáp nhập năm 2025).',
        'Người hoặc đơn vị không nhận ra được vẫn được lưu với tên ghi trong tệp và nằm trong danh sách "Chưa khớp" để gắn sau.',
        'Số tiền: số nguyên không âm, đơn vị đồng (có thể ghi 1.490.000).',
        'Nhập lại cùng một tệp không tạo khen thưởng trùng. Nếu có dòng sai, không dòng nào được ghi; hệ thống liệt kê mọi dòng sai.',
        'Tên cột khác thường gặp cũng được chấp nhận (Số QĐ, Ngày ký, Họ tên, Đơn vị công tác, Tiền thưởng…); cột STT và Ghi chú được bỏ qua.',
      ] },
      { title: 'Hình thức khen thưởng (ghi tên hoặc mã; viết tắt như CSTĐCS, LĐTT, TTLĐXS cũng được)', lines: forms.map((f) => `${f.name} (mã: ${f.code})`) },
    ],
  });
  return { fileName, file };
}

// ── import ─────────────────────────────────────────────────────────────────────────────────────

export interface HistoryImportInput { file: Buffer; fileName: string; organisationId?: string | undefined; dryRun: boolean; locale: Locale }
export interface UnmatchedRow { row: number; name: string; unit: string; kind: 'individual' | 'collective'; reason: Unmatched }
export interface HistoryImportResult {
  rows: number; created: number; existing: number;
  matchedPeople: number; matchedOrganisations: number; unmatched: number;
  /** the rows kept as written, at most UNMATCHED_SHOWN of them */
  unmatchedRows: UnmatchedRow[];
  dryRun: boolean;
}

const UNMATCHED_SHOWN = 1000;

/**
 * Reads the whole file, checks every row, matches every recipient, then writes all of it or nothing
 * in one transaction with one audit row. A dry run does the same and rolls back, so its counts are
 * what the import would do.
 */
export async function importHistory(ctx: CommandContext, input: HistoryImportInput): Promise<HistoryImportResult> {
  const { actor, db } = ctx;
  const scope = await importScope(db, actor, input.organisationId);
  const { sheet, positions, headers } = await readImportFile(input.file, HISTORY_COLUMNS, HISTORY_MATCH);
  const forms = awardFormIndex(await awardForms(db, actor.tenantId));
  const read = readHistoryRows(sheet.rows, positions, headers, { forms, today: todayInVietnam(ctx.now), locale: input.locale });

  const orgs = new OrgIndex(await organisationsUnder(db, actor.tenantId, scope.path));
  const people = await peopleNamed(db, actor.tenantId, scope.path,
    read.rows.filter((r) => r.kind === 'individual').map((r) => foldVietnamese(r.name)));
  const errors: RowError[] = [...read.errors];
  const matches = new Map<number, Match>();
  const sameAward = new Map<string, number>();
  for (const row of read.rows) {
    const match = matchRow(row, orgs, people.get(foldVietnamese(row.name)) ?? [], scope.path);
    matches.set(row.row, match);
    if (match.kind === 'unmatched') continue;
    // two rows written differently that are the same person's (or unit's) same award
    const key = [match.id, row.awardForm, row.year, row.decisionNumber].join('|');
    const earlier = sameAward.get(key);
    if (earlier !== undefined) {
      errors.push({ row: row.row, column: headers.get('name') ?? 'name', message: translateSame(input.locale, earlier, match.name) });
    } else sameAward.set(key, row.row);
  }
  if (errors.length > 0) {
    errors.sort((a, b) => a.row - b.row);
    refuseRows(errors);
  }

  const awards: HistoricAward[] = read.rows.map((r) => {
    const match = matches.get(r.row)!;
    return {
      person_id: match.kind === 'person' ? match.id : null, organisation_id: match.kind === 'organisation' ? match.id : null,
      award_form: r.awardForm, year: r.year, reason: r.reason, decision_number: r.decisionNumber, decided_on: r.decidedOn, decided_by: r.decidedBy,
      amount: r.amount, written_kind: r.kind, written_name: r.name, written_unit: r.unit, written_birth_year: r.birthYear,
      ...writtenNameColumns(r.name, r.kind), written_path: match.path, history_key: r.key, created_by: actor.userId,
    };
  });
  const unmatchedRows: UnmatchedRow[] = read.rows.flatMap((r) => {
    const m = matches.get(r.row)!;
    return m.kind === 'unmatched' ? [{ row: r.row, name: r.name, unit: r.unit, kind: r.kind, reason: m.reason }] : [];
  });
  const count = (kind: Match['kind']) => [...matches.values()].filter((m) => m.kind === kind).length;

  return importTransaction(db, input.dryRun, async (trx) => {
    const { created, existing } = await importHistoricAwards(trx, actor.tenantId, awards, ctx.now);
    const result: HistoryImportResult = {
      rows: read.rows.length, created: created.length, existing,
      matchedPeople: count('person'), matchedOrganisations: count('organisation'), unmatched: unmatchedRows.length,
      unmatchedRows: unmatchedRows.slice(0, UNMATCHED_SHOWN), dryRun: input.dryRun,
    };
    if (input.dryRun) return result;
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'archive.history_import', entityType: 'award_history_import', entityId: uuidv7(ctx.now.getTime()),
      organisationPath: scope.path, requestId: ctx.requestId, at: ctx.now,
      changes: {
        organisationId: scope.id, fileName: input.fileName, format: sheet.format, sha256: createHash('sha256').update(input.file).digest('hex'),
        rows: result.rows, created: result.created, existing, matchedPeople: result.matchedPeople,
        matchedOrganisations: result.matchedOrganisations, unmatched: result.unmatched,
      },
    });
    return result;
  });
}

const translateSame = (locale: Locale, row: number, name: string) => translate('history.row.same_award', locale, { row, name });

// ── match later ────────────────────────────────────────────────────────────────────────────────

const GROUPS_SHOWN = 200;

/**
 * The awards kept as written in the actor's import scope (or the unit chosen), grouped by the
 * recipient as written, each with the people of that name who worked in the subtree (the likely match).
 */
export async function listUnmatched(db: Db, actor: Actor, query: { organisationId?: string | undefined; q?: string | undefined }) {
  let prefixes = reachablePaths(actor, 'award.import');
  if (prefixes.length === 0) throw forbidden();
  if (query.organisationId) prefixes = [(await importScope(db, actor, query.organisationId)).path];
  const q = foldQuery(query.q ?? '') || undefined;
  const { groups, total } = await unmatchedGroups(db, actor.tenantId, prefixes, q, GROUPS_SHOWN);
  const candidates = new Map<string, NamedCandidate[]>();
  for (const prefix of prefixes) {
    const found = await peopleNamed(db, actor.tenantId, prefix, groups.filter((g) => g.kind === 'individual').map((g) => g.name_fold));
    for (const [name, people] of found) candidates.set(name, [...(candidates.get(name) ?? []), ...people]);
  }
  return {
    total,
    groups: groups.map((g) => ({
      awardId: g.first_id, kind: g.kind, name: g.name, unit: g.unit, birthYear: g.birth_year, count: g.count, awards: g.awards,
      candidates: g.kind === 'individual'
        ? (candidates.get(g.name_fold) ?? []).slice(0, 10).map((p) => ({ id: p.id, fullName: p.fullName, birthYear: p.birthYear, units: p.units }))
        : [],
    })),
  };
}

export interface MatchInput {
  awardId: string;
  /** every unmatched award in scope written with the same name and unit, not just this one */
  sameWritten: boolean;
  personId?: string | undefined;
  organisationId?: string | undefined;
}

/**
 * Gives a person or a unit to awards kept as written, through the award ledger (recipient columns and
 * tallies follow), with one audit row. The person or unit must be in the actor's import scope.
 */
export async function matchAwards(ctx: CommandContext, input: MatchInput): Promise<{ matched: number }> {
  const { actor, db } = ctx;
  const prefixes = reachablePaths(actor, 'award.import');
  if (prefixes.length === 0) throw forbidden();
  const award = await findUnmatchedAward(db, actor.tenantId, input.awardId);
  if (!award || !award.written_path || !canReach(actor, 'award.import', award.written_path)) throw notFound('history_award');
  if (award.person_id || award.organisation_id) throw conflict('history.match.done');
  if ((award.written_kind === 'individual') !== Boolean(input.personId) || Boolean(input.personId) === Boolean(input.organisationId)) {
    throw new AppError('history.match.kind', 400);
  }

  let recipient: { personId: string } | { organisationId: string };
  let name: string;
  let path: string;
  if (input.personId) {
    const person = await findPerson(db, actor.tenantId, input.personId);
    const reached = person ? (await employmentsOf(db, actor.tenantId, person.id)).find((e) => canReach(actor, 'award.import', e.organisation_path)) : undefined;
    if (!person || !reached) throw notFound('person');
    recipient = { personId: person.id };
    name = person.full_name;
    path = reached.organisation_path;
  } else {
    const org = await findOrganisation(db, actor.tenantId, input.organisationId!);
    if (!org || !canReach(actor, 'award.import', org.path)) throw notFound('organisation');
    recipient = { organisationId: org.id };
    name = org.name;
    path = org.path;
  }

  return db.transaction().execute(async (trx) => {
    const ids = input.sameWritten ? await sameWrittenRecipient(trx, actor.tenantId, prefixes, award) : [award.id];
    const clash = await matchConflict(trx, actor.tenantId, 'personId' in recipient ? { person_id: recipient.personId } : { organisation_id: recipient.organisationId }, ids);
    if (clash) throw conflict('history.match.duplicate', { name, form: clash.form_name, year: clash.year, number: clash.decision_number });
    const matched = await reviseAwards(trx, actor.tenantId, { awardIds: ids }, { recipient, at: ctx.now });
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'archive.history_match', entityType: 'award', entityId: award.id,
      organisationPath: path, requestId: ctx.requestId, at: ctx.now,
      changes: { awardIds: ids, written: { kind: award.written_kind, name: award.written_name, unit: award.written_unit }, ...recipient, matched },
    });
    return { matched };
  });
}
