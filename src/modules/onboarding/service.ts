import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { CommandContext } from '../../platform/command.ts';
import { forbidden } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { canReach, reachablePaths, type Actor, type Permission } from '../../platform/auth/policy.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { issuePasswordLink, passwordLinkUrl, PASSWORD_LINK_HOURS } from '../../platform/auth/password-links.ts';
import type { Locale } from '../../platform/i18n/messages.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { cellText, cellYear, type ColumnSpec } from '../../platform/spreadsheets/columns.ts';
import { importTransaction, readImportFile, refuseRows } from '../../platform/spreadsheets/import-run.ts';
import { writeCsv, writeXlsx, type Sheet, type SheetSpec } from '../../platform/spreadsheets/sheet.ts';
import { todayInVietnam } from '../../platform/vn/dates.ts';
import { fillAwardRecipients, rebaseAwardRecipients } from '../awards/index.ts';
import { planAccounts } from './accounts.ts';
import { COLUMNS, EXAMPLES, KIND_NAMES, KIND_SLUGS, type OnboardingKind } from './columns.ts';
import { setupMail } from './mail.ts';
import { planPeople } from './people.ts';
import {
  accountsByUsername, peopleByCode, peopleIdsByCode, rebaseUnits, setSuccessions, tenantUnits, unitsByCode, upsertEmployments,
  upsertPeople, upsertUnits, writeAccounts,
} from './store.ts';
import { planUnits } from './units.ts';
import {
  communesByCode, lockHouseholdsByCode, lockResidentsByCode, readablePeopleByCode, upsertResidences, writeHouseholds,
} from './store.ts';
import { planResidents, RESIDENT_COLUMNS, RESIDENT_EXAMPLE } from './residents.ts';
import { HOUSEHOLD_COLUMNS, HOUSEHOLD_EXAMPLE, planHouseholds } from './households.ts';
import { isCommune } from '../people/index.ts';
import { COUNCIL_COLUMNS, COUNCIL_EXAMPLE, planCouncils } from './councils.ts';
import { CLUSTER_COLUMNS, CLUSTER_EXAMPLE, planClusters } from './clusters.ts';
import {
  clusterMembershipsOf, clustersByCode, councilsByCode, councilsOfUnits, councilYearsOf, peopleByCodeOrUsername, writeClusters, writeCouncils,
} from './store.ts';

/**
 * Onboarding imports — the units of an organisation's tree, its people with their employments, its
 * accounts — in the shape of the records import: a template, every row checked before anything is
 * written, one transaction with one audit row, a dry run that rolls the same writes back, and
 * re-importing a file changing nothing. Who may import is policy.ts's: units need organisation.write
 * (system administrators and standing officers, as for the form), people person.write (unit officers
 * too), accounts user.manage (system administrators), each within their subtree.
 */
export const PERMISSIONS: Record<OnboardingKind, Permission> = {
  units: 'organisation.write', people: 'person.write', accounts: 'user.manage',
};

export interface OnboardingResult {
  kind: OnboardingKind | RegistryKind; rows: number; created: number; updated: number; unchanged: number; dryRun: boolean;
  /** people file: the people created and updated (the counts above are employments) */
  people?: { created: number; updated: number } | undefined;
  /** councils and clusters files: the councils (clusters) created and updated (the counts above are members) */
  councils?: { created: number; updated: number } | undefined;
  clusters?: { created: number; updated: number } | undefined;
  /** accounts file: who is sent a link to set a password (after the import commits) */
  mailed?: string[] | undefined;
  /** accounts file without SMTP: the new accounts' one-time links, to hand over (shown once) */
  links?: { username: string; url: string }[] | undefined;
}

export interface ImportInput { file: Buffer; fileName: string; dryRun: boolean; locale: Locale }
export interface MailDeps { mailer?: Mailer | undefined; publicBaseUrl: string; onMailError(error: unknown): void }

// ── templates ──────────────────────────────────────────────────────────────────────────────────

const GENERAL = [
  'Dòng 1 là tiêu đề cột: giữ nguyên tên và không xóa cột. Dòng 2 là ví dụ: xóa hoặc sửa trước khi nhập.',
  'Ngày: ngày/tháng/năm, ví dụ 15/01/2024 (hoặc ô kiểu ngày của Excel).',
  'Nhập lại cùng một tệp không tạo bản ghi trùng: bản ghi đã có được cập nhật, bản ghi không đổi được giữ nguyên.',
  'Nếu có dòng sai, không dòng nào được ghi; hệ thống liệt kê mọi dòng sai (dòng, cột, lỗi) để sửa rồi nhập lại. Nên "Kiểm tra" trước khi "Nhập".',
];

function guideOf<K extends string>(columns: readonly ColumnSpec<K>[]): SheetSpec['guide'] {
  return [
    { title: 'Cách điền', lines: GENERAL },
    { title: 'Các cột', lines: columns.map((c) => `${c.header}${c.required ? ' (bắt buộc)' : ''}${c.note ? `: ${c.note}` : ''}`) },
  ];
}

export async function onboardingTemplate(actor: Actor, kind: OnboardingKind, format: 'xlsx' | 'csv') {
  if (reachablePaths(actor, PERMISSIONS[kind]).length === 0) throw forbidden();
  const columns: readonly ColumnSpec<string>[] = COLUMNS[kind];
  const sheetColumns = columns.map((c) => ({ header: c.header, width: c.width, date: c.date ?? false }));
  const fileName = `mau-nhap-${KIND_SLUGS[kind]}.${format}`;
  if (format === 'csv') return { fileName, file: writeCsv({ columns: sheetColumns, rows: [EXAMPLES[kind]] }) };
  return { fileName, file: await writeXlsx({ name: KIND_NAMES[kind], columns: sheetColumns, rows: [EXAMPLES[kind]], guide: guideOf(columns) }) };
}

// ── the shared steps ───────────────────────────────────────────────────────────────────────────

async function audit(trx: Transaction<Database>, ctx: CommandContext, a: { kind: OnboardingKind | RegistryKind; input: ImportInput; sheet: Sheet; path: string;
  counts: Record<string, unknown> }) {
  await recordAudit(trx, {
    tenantId: ctx.actor.tenantId, actorUserId: ctx.actor.userId, action: `onboarding.import_${a.kind}`, entityType: 'onboarding_import',
    entityId: null, organisationPath: a.path, requestId: ctx.requestId, at: ctx.now,
    changes: {
      kind: a.kind, fileName: a.input.fileName, format: a.sheet.format, sha256: createHash('sha256').update(a.input.file).digest('hex'), ...a.counts,
    },
  });
}

const newIdAt = (now: Date) => () => uuidv7(now.getTime());

// ── units ──────────────────────────────────────────────────────────────────────────────────────

export async function importUnits(ctx: CommandContext, input: ImportInput): Promise<OnboardingResult> {
  const { actor } = ctx;
  const prefixes = reachablePaths(actor, 'organisation.write');
  if (prefixes.length === 0) throw forbidden();
  const { sheet, positions, headers } = await readImportFile(input.file, COLUMNS.units);
  return importTransaction(ctx.db, input.dryRun, async (trx) => {
    // the tree is read inside the transaction, under a lock on the tenant's row: two imports of units do not interleave
    await trx.selectFrom('tenants').select('id').where('id', '=', actor.tenantId).forUpdate().execute();
    const { units, rootId } = await tenantUnits(trx, actor.tenantId);
    if (!rootId) throw forbidden();
    const { plan, errors } = planUnits(sheet.rows, positions, headers, {
      units, rootId, locale: input.locale, newId: newIdAt(ctx.now),
      canWrite: (path) => canReach(actor, 'organisation.write', path), canRead: (path) => canReach(actor, 'organisation.read', path),
    });
    if (errors.length > 0) refuseRows(errors);
    const { created, changed } = await upsertUnits(trx, actor.tenantId, plan.units, ctx.now);
    await rebaseUnits(trx, actor.tenantId, plan.rebased);
    for (const move of plan.moves) await rebaseAwardRecipients(trx, actor.tenantId, move.oldPath, move.newPath);
    const linked = await setSuccessions(trx, actor.tenantId, plan.units);
    // the archive's unit names are copied onto awards
    const renamed = [...changed].filter((id) => !created.has(id));
    if (renamed.length > 0) await fillAwardRecipients(trx, actor.tenantId, { organisationIds: renamed });
    const updated = new Set([...changed, ...linked].filter((id) => !created.has(id)));
    const result: OnboardingResult = {
      kind: 'units', rows: plan.units.length, created: created.size, updated: updated.size,
      unchanged: plan.units.length - created.size - updated.size, dryRun: input.dryRun,
    };
    await audit(trx, ctx, { kind: 'units', input, sheet, path: prefixes[0]!, counts: {
      rows: result.rows, created: result.created, updated: result.updated, unchanged: result.unchanged, moved: plan.moves.length,
      successions: plan.units.reduce((n, u) => n + u.successors.length, 0),
    } });
    return result;
  });
}

// ── people ─────────────────────────────────────────────────────────────────────────────────────

export async function importPeople(ctx: CommandContext, input: ImportInput): Promise<OnboardingResult> {
  const { actor } = ctx;
  const prefixes = reachablePaths(actor, 'person.write');
  if (prefixes.length === 0) throw forbidden();
  const { sheet, positions, headers } = await readImportFile(input.file, COLUMNS.people);
  const column = (key: 'personCode' | 'unitCode') => sheet.rows.map((r) => cellText(r.cells[positions.get(key)!] ?? null)).filter(Boolean);
  const canWrite = (path: string) => canReach(actor, 'person.write', path);
  const units = new Map((await unitsByCode(ctx.db, actor.tenantId, column('unitCode')))
    .filter((u) => canWrite(u.path)).map((u) => [u.code, { id: u.id, name: u.name }]));
  return importTransaction(ctx.db, input.dryRun, async (trx) => {
    // read, plan, then lock the people the plan writes to and read them again: a file imported again
    // locks nobody, and one changed meanwhile by an officer is planned again on what is there now
    const people = await peopleByCode(trx, actor.tenantId, column('personCode'), canWrite);
    const planWith = () => planPeople(sheet.rows, positions, headers, {
      units, people, currentYear: Number(todayInVietnam(ctx.now).slice(0, 4)), newId: newIdAt(ctx.now), locale: input.locale,
    });
    let plan = planWith();
    const locked = new Set<string>();
    for (;;) {
      if (plan.errors.length > 0) refuseRows(plan.errors);
      const toLock = writtenPeople(plan).filter((code) => !locked.has(code));
      if (toLock.length === 0) break;
      const fresh = await peopleByCode(trx, actor.tenantId, toLock, canWrite, true);
      toLock.forEach((code) => locked.add(code));
      const moved = toLock.filter((code) => JSON.stringify(fresh.get(code)) !== JSON.stringify(people.get(code)));
      if (moved.length === 0) break;
      for (const code of moved) {
        const now = fresh.get(code);
        if (now) people.set(code, now); else people.delete(code);
      }
      plan = planWith();
    }
    const persons = await upsertPeople(trx, actor.tenantId, plan.people, ctx.now);
    const jobs = await upsertEmployments(trx, actor.tenantId, plan.employments, ctx.now);
    // the archive's names and groups (women, ethnic minorities, leaders, direct workers) are copied onto awards
    const touched = [...new Set([...persons.changed, ...plan.employments.filter((e) => jobs.changed.has(e.id)).map((e) => e.personId)])]
      .filter((id) => !persons.created.has(id));
    if (touched.length > 0) await fillAwardRecipients(trx, actor.tenantId, { personIds: touched });
    const updatedRows = plan.employments.filter((e) => !jobs.created.has(e.id) && (jobs.changed.has(e.id) || persons.changed.has(e.personId))).length;
    const result: OnboardingResult = {
      kind: 'people', rows: plan.employments.length, created: jobs.created.size, updated: updatedRows,
      unchanged: plan.employments.length - jobs.created.size - updatedRows, dryRun: input.dryRun,
      people: { created: persons.created.size, updated: persons.changed.size },
    };
    await audit(trx, ctx, { kind: 'people', input, sheet, path: prefixes[0]!, counts: {
      rows: result.rows, created: result.created, updated: result.updated, unchanged: result.unchanged, people: result.people,
    } });
    return result;
  });
}

/** The HR codes of people already there whom the plan changes or gives an employment, or whose employment it changes. */
function writtenPeople(plan: ReturnType<typeof planPeople>): string[] {
  const existing = new Map(plan.people.filter((p) => !p.isNew).map((p) => [p.id, p]));
  const codes = new Set(plan.people.filter((p) => !p.isNew && p.differs).map((p) => p.code));
  for (const e of plan.employments) {
    const person = existing.get(e.personId);
    if (person && e.differs) codes.add(person.code);
  }
  return [...codes];
}

// ── accounts ───────────────────────────────────────────────────────────────────────────────────

export async function importAccounts(ctx: CommandContext, input: ImportInput, mail: MailDeps): Promise<OnboardingResult> {
  const { actor } = ctx;
  const prefixes = reachablePaths(actor, 'user.manage');
  if (prefixes.length === 0) throw forbidden();
  const { sheet, positions, headers } = await readImportFile(input.file, COLUMNS.accounts);
  const column = (key: 'username' | 'unitCode' | 'personCode') => sheet.rows
    .map((r) => cellText(r.cells[positions.get(key)!] ?? null)).filter(Boolean);
  const units = new Map((await unitsByCode(ctx.db, actor.tenantId, column('unitCode')))
    .map((u) => [u.code, { id: u.id, grantable: canReach(actor, 'user.manage', u.path) }]));
  const people = await peopleIdsByCode(ctx.db, actor.tenantId, column('personCode'), (path) => canReach(actor, 'person.read', path));
  const accounts = await accountsByUsername(ctx.db, column('username').map((u) => u.toLowerCase()), prefixes);
  const plan = planAccounts(sheet.rows, positions, headers, {
    units, people, accounts, tenantId: actor.tenantId, newId: newIdAt(ctx.now), locale: input.locale,
  });
  if (plan.errors.length > 0) refuseRows(plan.errors);
  const fresh = plan.accounts.filter((a) => a.isNew);
  // nobody knows this password: an account is used once its holder sets one with the link
  const unusablePasswordHash = fresh.length > 0 ? await hashPassword(uuidv7() + uuidv7()) : '';
  const tenant = await ctx.db.selectFrom('tenants').select('name').where('id', '=', actor.tenantId).executeTakeFirstOrThrow();

  const { result, tokens } = await importTransaction(ctx.db, input.dryRun, async (trx) => {
    const written = await writeAccounts(trx, actor.tenantId, plan.accounts, accounts, {
      unusablePasswordHash, actorUserId: actor.userId, now: ctx.now, newId: newIdAt(ctx.now),
    });
    // one link per new account (a few dozen to a few hundred: the links' own helper, one at a time)
    const issued: { username: string; email: string; displayName: string; token: string }[] = [];
    if (!input.dryRun) {
      for (const a of fresh) issued.push({ username: a.username, email: a.email, displayName: a.displayName, token: await issuePasswordLink(trx, a.id, 'setup', ctx.now) });
    }
    const counted: OnboardingResult = {
      kind: 'accounts', rows: plan.accounts.length, created: written.created.size, updated: written.changed.size,
      unchanged: plan.accounts.length - written.created.size - written.changed.size, dryRun: input.dryRun,
    };
    await audit(trx, ctx, { kind: 'accounts', input, sheet, path: prefixes[0]!, counts: {
      rows: counted.rows, created: counted.created, updated: counted.updated, unchanged: counted.unchanged, grants: written.grants,
      usernames: fresh.map((a) => a.username), mailed: mail.mailer ? fresh.map((a) => a.username) : [],
    } });
    return { result: counted, tokens: issued };
  });
  if (input.dryRun) return { ...result, mailed: mail.mailer ? fresh.map((a) => a.username) : [] };
  const url = (token: string) => passwordLinkUrl(mail.publicBaseUrl, token);
  if (!mail.mailer) return { ...result, mailed: [], links: tokens.map((t) => ({ username: t.username, url: url(t.token) })) };
  const { mailer } = mail;
  // the answer does not wait for the SMTP server; a failure is logged, and "Quên mật khẩu?" sends a new link
  void (async () => {
    for (const t of tokens) {
      await mailer.send(setupMail({ to: t.email, displayName: t.displayName, username: t.username, tenantName: tenant.name,
        url: url(t.token), hours: PASSWORD_LINK_HOURS.setup })).catch(mail.onMailError);
    }
  })();
  return { ...result, mailed: tokens.map((t) => t.username) };
}

// ── councils and clusters (issue 14.2) ─────────────────────────────────────────────────────────

/**
 * The councils of each level with their members, and the clusters and blocks of a year with theirs:
 * the standing agency (council.manage, cluster.manage: system administrators and standing officers)
 * loads them for its subtree.
 */
export const REGISTRY_KINDS = ['councils', 'clusters'] as const;
export type RegistryKind = (typeof REGISTRY_KINDS)[number];
export const REGISTRY_PERMISSIONS: Record<RegistryKind, Permission> = { councils: 'council.manage', clusters: 'cluster.manage' };
const REGISTRY_TEMPLATES = {
  councils: { columns: COUNCIL_COLUMNS, example: COUNCIL_EXAMPLE, slug: 'hoi-dong', name: 'Hội đồng TĐKT' },
  clusters: { columns: CLUSTER_COLUMNS, example: CLUSTER_EXAMPLE, slug: 'cum-khoi', name: 'Cụm, khối thi đua' },
} as const;

export async function registryTemplate(actor: Actor, kind: RegistryKind, format: 'xlsx' | 'csv') {
  if (reachablePaths(actor, REGISTRY_PERMISSIONS[kind]).length === 0) throw forbidden();
  const t = REGISTRY_TEMPLATES[kind];
  const columns: readonly ColumnSpec<string>[] = t.columns;
  const sheetColumns = columns.map((c) => ({ header: c.header, width: c.width, date: c.date ?? false }));
  const fileName = `mau-nhap-${t.slug}.${format}`;
  if (format === 'csv') return { fileName, file: writeCsv({ columns: sheetColumns, rows: [t.example] }) };
  return { fileName, file: await writeXlsx({ name: t.name, columns: sheetColumns, rows: [t.example], guide: guideOf(columns) }) };
}

export async function importCouncils(ctx: CommandContext, input: ImportInput): Promise<OnboardingResult> {
  const { actor } = ctx;
  const prefixes = reachablePaths(actor, 'council.manage');
  if (prefixes.length === 0) throw forbidden();
  const { sheet, positions, headers } = await readImportFile(input.file, COUNCIL_COLUMNS);
  const column = (key: 'councilCode' | 'unitCode' | 'member') => sheet.rows.map((r) => cellText(r.cells[positions.get(key)!] ?? null)).filter(Boolean);
  const canManage = (path: string) => canReach(actor, 'council.manage', path);
  const units = new Map((await unitsByCode(ctx.db, actor.tenantId, column('unitCode')))
    .filter((u) => canManage(u.path)).map((u) => [u.code, { id: u.id, path: u.path }]));
  const members = await peopleByCodeOrUsername(ctx.db, actor.tenantId, column('member'), (path) => canReach(actor, 'person.read', path));
  return importTransaction(ctx.db, input.dryRun, async (trx) => {
    // two imports of councils do not interleave
    await trx.selectFrom('tenants').select('id').where('id', '=', actor.tenantId).forUpdate().execute();
    const councils = new Map((await councilsByCode(trx, actor.tenantId, column('councilCode')))
      .map((c) => [c.code, { id: c.id, code: c.code, writable: canManage(c.path) }]));
    const unitCouncils = await councilsOfUnits(trx, actor.tenantId, [...units.values()].map((u) => u.id));
    const plan = planCouncils(sheet.rows, positions, headers, { units, councils, unitCouncils, members, newId: newIdAt(ctx.now), locale: input.locale });
    if (plan.errors.length > 0) refuseRows(plan.errors);
    const written = await writeCouncils(trx, actor.tenantId, plan.councils, ctx.now);
    const rows = plan.councils.reduce((n, c) => n + c.members.length, 0);
    const result: OnboardingResult = {
      kind: 'councils', rows, created: written.members.created, updated: written.members.changed,
      unchanged: rows - written.members.created - written.members.changed, dryRun: input.dryRun,
      councils: { created: written.created.size, updated: written.changed.size },
    };
    await audit(trx, ctx, { kind: 'councils', input, sheet, path: prefixes[0]!, counts: {
      rows, created: result.created, updated: result.updated, unchanged: result.unchanged, removed: written.members.removed, councils: result.councils,
      codes: plan.councils.map((c) => c.code),
    } });
    return result;
  });
}

export async function importClusters(ctx: CommandContext, input: ImportInput): Promise<OnboardingResult> {
  const { actor } = ctx;
  const prefixes = reachablePaths(actor, 'cluster.manage');
  if (prefixes.length === 0) throw forbidden();
  const { sheet, positions, headers } = await readImportFile(input.file, CLUSTER_COLUMNS);
  const column = (key: 'clusterCode' | 'unitCode' | 'organiserCode' | 'follower') => sheet.rows
    .map((r) => cellText(r.cells[positions.get(key)!] ?? null)).filter(Boolean);
  const years = [...new Set(sheet.rows.map((r) => cellYear(r.cells[positions.get('year')!] ?? null)).filter((y): y is number => y !== null))];
  // member units: any unit the actor reads; the organiser: a unit where the actor runs clusters
  const units = new Map((await unitsByCode(ctx.db, actor.tenantId, [...column('unitCode'), ...column('organiserCode')]))
    .filter((u) => canReach(actor, 'organisation.read', u.path))
    .map((u) => [u.code, { id: u.id, name: u.name, organise: canReach(actor, 'cluster.manage', u.path) }]));
  const people = await peopleByCodeOrUsername(ctx.db, actor.tenantId, column('follower'), (path) => canReach(actor, 'person.read', path));
  const personIds = [...people.values()].flatMap((p) => ('personId' in p ? [p.personId] : []));
  const councilYears = await councilYearsOf(ctx.db, actor.tenantId, personIds, years);
  const defaultOrganiserId = actor.grants.find((g) => g.path === prefixes[0])?.organisationId ?? null;
  return importTransaction(ctx.db, input.dryRun, async (trx) => {
    await trx.selectFrom('tenants').select('id').where('id', '=', actor.tenantId).forUpdate().execute();
    const clusters = new Map((await clustersByCode(trx, actor.tenantId, column('clusterCode'))).map((c) => [c.code, {
      id: c.id, code: c.code, organiserId: c.organiserId, writable: canReach(actor, 'cluster.manage', c.path), closed: c.closedOn !== null,
    }]));
    const memberships = await clusterMembershipsOf(trx, actor.tenantId, [...units.values()].map((u) => u.id), years);
    const plan = planClusters(sheet.rows, positions, headers, {
      units, clusters, memberships, people, councilYears, defaultOrganiserId, currentYear: Number(todayInVietnam(ctx.now).slice(0, 4)),
      newId: newIdAt(ctx.now), locale: input.locale,
    });
    if (plan.errors.length > 0) refuseRows(plan.errors);
    const written = await writeClusters(trx, actor.tenantId, plan.clusters, ctx.now);
    const rows = plan.clusters.reduce((n, c) => n + c.members.length, 0);
    const result: OnboardingResult = {
      kind: 'clusters', rows, created: written.members.created, updated: written.members.changed,
      unchanged: rows - written.members.created - written.members.changed, dryRun: input.dryRun,
      clusters: { created: written.created.size, updated: written.changed.size },
    };
    await audit(trx, ctx, { kind: 'clusters', input, sheet, path: prefixes[0]!, counts: {
      rows, created: result.created, updated: result.updated, unchanged: result.unchanged, removed: written.members.removed, clusters: result.clusters,
      codes: [...new Set(plan.clusters.map((c) => c.code))], years,
    } });
    return result;
  });
}

// ── residents and households (issue 14.2) ──────────────────────────────────────────────────────

/** The imports of residents (people without employment, by commune and village) and households (one row per member). */
export const RESIDENT_KINDS = ['residents', 'households'] as const;
export type ResidentKind = (typeof RESIDENT_KINDS)[number];
const RESIDENT_SPECS = {
  residents: { columns: RESIDENT_COLUMNS, example: RESIDENT_EXAMPLE, slug: 'cu-dan', name: 'Cư dân' },
  households: { columns: HOUSEHOLD_COLUMNS, example: HOUSEHOLD_EXAMPLE, slug: 'ho-gia-dinh', name: 'Hộ gia đình' },
} as const;

export interface ResidentImportResult {
  kind: ResidentKind; rows: number; created: number; updated: number; unchanged: number; dryRun: boolean;
  /** residents file: the people created and updated (the counts above are residences) */
  people?: { created: number; updated: number } | undefined;
}

export async function residentTemplate(actor: Actor, kind: ResidentKind, format: 'xlsx' | 'csv') {
  if (reachablePaths(actor, 'person.write').length === 0) throw forbidden();
  const spec = RESIDENT_SPECS[kind];
  const columns: readonly ColumnSpec<string>[] = spec.columns;
  const sheetColumns = columns.map((c) => ({ header: c.header, width: c.width, date: c.date ?? false }));
  const fileName = `mau-nhap-${spec.slug}.${format}`;
  if (format === 'csv') return { fileName, file: writeCsv({ columns: sheetColumns, rows: [[...spec.example]] }) };
  return { fileName, file: await writeXlsx({ name: spec.name, columns: sheetColumns, rows: [[...spec.example]], guide: guideOf(columns) }) };
}

async function auditResidentImport(trx: Transaction<Database>, ctx: CommandContext, kind: ResidentKind, input: ImportInput, sheet: Sheet, path: string,
  counts: Record<string, unknown>) {
  await recordAudit(trx, {
    tenantId: ctx.actor.tenantId, actorUserId: ctx.actor.userId, action: `onboarding.import_${kind}`, entityType: 'onboarding_import',
    entityId: null, organisationPath: path, requestId: ctx.requestId, at: ctx.now,
    changes: { kind, fileName: input.fileName, format: sheet.format, sha256: createHash('sha256').update(input.file).digest('hex'), ...counts },
  });
}

const communeLookup = (rows: Awaited<ReturnType<typeof communesByCode>>, canWrite: (path: string) => boolean) =>
  new Map(rows.filter((u) => canWrite(u.path)).map((u) => [u.code, { id: u.id, name: u.name, isCommune: isCommune(u) }]));

export async function importResidents(ctx: CommandContext, input: ImportInput): Promise<ResidentImportResult> {
  const { actor } = ctx;
  const prefixes = reachablePaths(actor, 'person.write');
  if (prefixes.length === 0) throw forbidden();
  const { sheet, positions, headers } = await readImportFile(input.file, RESIDENT_COLUMNS);
  const column = (key: 'personCode' | 'unitCode') => sheet.rows.map((r) => cellText(r.cells[positions.get(key)!] ?? null)).filter(Boolean);
  const canWrite = (path: string) => canReach(actor, 'person.write', path);
  const communes = communeLookup(await communesByCode(ctx.db, actor.tenantId, column('unitCode')), canWrite);
  return importTransaction(ctx.db, input.dryRun, async (trx) => {
    const people = await lockResidentsByCode(trx, actor.tenantId, column('personCode'), canWrite);
    const plan = planResidents(sheet.rows, positions, headers, {
      communes, people, currentYear: Number(todayInVietnam(ctx.now).slice(0, 4)), newId: newIdAt(ctx.now), locale: input.locale,
    });
    if (plan.errors.length > 0) refuseRows(plan.errors);
    // the residents' plan does not compare with what is stored: the UPDATE writes only rows that really differ
    const persons = await upsertPeople(trx, actor.tenantId, plan.people.map((p) => ({ ...p, differs: true })), ctx.now);
    const homes = await upsertResidences(trx, actor.tenantId, plan.residences, ctx.now);
    const renamed = [...persons.changed].filter((id) => !persons.created.has(id));
    if (renamed.length > 0) await fillAwardRecipients(trx, actor.tenantId, { personIds: renamed });
    const updatedRows = plan.residences.filter((r) => !homes.created.has(r.id) && (homes.changed.has(r.id) || persons.changed.has(r.personId))).length;
    const result: ResidentImportResult = {
      kind: 'residents', rows: plan.residences.length, created: homes.created.size, updated: updatedRows,
      unchanged: plan.residences.length - homes.created.size - updatedRows, dryRun: input.dryRun,
      people: { created: persons.created.size, updated: persons.changed.size },
    };
    await auditResidentImport(trx, ctx, 'residents', input, sheet, prefixes[0]!, {
      rows: result.rows, created: result.created, updated: result.updated, unchanged: result.unchanged, people: result.people,
    });
    return result;
  });
}

export async function importHouseholds(ctx: CommandContext, input: ImportInput): Promise<ResidentImportResult> {
  const { actor } = ctx;
  const prefixes = reachablePaths(actor, 'person.write');
  if (prefixes.length === 0) throw forbidden();
  const { sheet, positions, headers } = await readImportFile(input.file, HOUSEHOLD_COLUMNS);
  const column = (key: 'personCode' | 'unitCode' | 'householdCode') => sheet.rows.map((r) => cellText(r.cells[positions.get(key)!] ?? null)).filter(Boolean);
  const canWrite = (path: string) => canReach(actor, 'person.write', path);
  const communes = communeLookup(await communesByCode(ctx.db, actor.tenantId, column('unitCode')), canWrite);
  const people = await readablePeopleByCode(ctx.db, actor.tenantId, column('personCode'), (path) => canReach(actor, 'person.read', path));
  return importTransaction(ctx.db, input.dryRun, async (trx) => {
    const households = await lockHouseholdsByCode(trx, actor.tenantId, column('householdCode'), canWrite);
    const plan = planHouseholds(sheet.rows, positions, headers, { communes, people, households, newId: newIdAt(ctx.now), locale: input.locale });
    if (plan.errors.length > 0) refuseRows(plan.errors);
    const written = await writeHouseholds(trx, actor.tenantId, plan.households, ctx.now);
    const result: ResidentImportResult = {
      kind: 'households', rows: plan.households.length, created: written.created, updated: written.updated,
      unchanged: plan.households.length - written.created - written.updated, dryRun: input.dryRun,
    };
    await auditResidentImport(trx, ctx, 'households', input, sheet, prefixes[0]!, {
      rows: result.rows, created: result.created, updated: result.updated, unchanged: result.unchanged,
      members: plan.households.reduce((n, h) => n + h.members.length, 0),
    });
    return result;
  });
}
