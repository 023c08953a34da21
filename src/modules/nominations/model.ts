import type { CandidateStatus, DocumentKind, NominationKind } from '../../platform/db/schema.ts';
import type { Award, Quota } from '../movements/index.ts';
import type { PhaseRow } from '../movements/index.ts';

/** Nominations as pure rules: recipients, quotas, the submission window, the dossier a batch needs. */

export const NOMINATION_KINDS: readonly NominationKind[] = ['merit', 'thematic', 'one_off', 'long_service'];
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['proposal_letter', 'minutes', 'achievement_report', 'summary', 'other'];
/** A dossier document's file name when none is given (a generated draft, an unnamed upload): Vietnamese words, ASCII. */
export const DOCUMENT_FILE_NAMES: Readonly<Record<DocumentKind, string>> = {
  proposal_letter: 'to-trinh-de-nghi-khen-thuong', minutes: 'bien-ban-hop-xet-khen-thuong', achievement_report: 'bao-cao-thanh-tich',
  summary: 'tom-tat-thanh-tich', other: 'tai-lieu-kem-theo',
};

/** The dossier's documents as the law names them: the history states in these words what was missing when a step was taken. */
export const DOCUMENT_NAMES: Readonly<Record<DocumentKind, string>> = {
  proposal_letter: 'Tờ trình đề nghị', minutes: 'Biên bản họp xét', achievement_report: 'Báo cáo thành tích',
  summary: 'Tóm tắt thành tích', other: 'Tài liệu khác',
};

export type CandidateKind = 'person' | 'collective' | 'household';
/** Plan recipients: a person is an individual; a unit, enterprise or cooperative a collective. */
export type RecipientKind = 'individual' | 'collective' | 'household';
export const recipientOf = (kind: CandidateKind): RecipientKind => (kind === 'person' ? 'individual' : kind);

export interface QuotaCount { individuals: number; collectives: number; total: number }
export const emptyCount = (): QuotaCount => ({ individuals: 0, collectives: 0, total: 0 });

export function addToCount(count: QuotaCount, recipient: RecipientKind, n = 1): QuotaCount {
  return {
    individuals: count.individuals + (recipient === 'individual' ? n : 0),
    // a household is counted with collectives: plans cap "tập thể, hộ gia đình" together
    collectives: count.collectives + (recipient === 'individual' ? 0 : n),
    total: count.total + n,
  };
}

/**
 * Which organisation a quota counts under for a nominating unit: a quota naming units applies to the
 * first named one that is the unit or above it (Sơn La: the whole Office's sub-units share its quota);
 * a quota naming none applies to each nominating unit on its own. Null: the quota is not for this unit.
 */
export function quotaScope(quota: Quota, unit: { id: string; path: string }, pathOf: (id: string) => string | undefined): string | null {
  if (quota.appliesTo.organisationIds.length === 0) return unit.path;
  for (const id of quota.appliesTo.organisationIds) {
    const path = pathOf(id);
    if (path && unit.path.startsWith(path)) return path;
  }
  return null;
}

export interface QuotaExcess { quotaId: string; label: string; field: keyof QuotaCount; limit: number; count: number }

/** What a count exceeds: each of the quota's limits that is set. */
export function quotaExcess(quota: Quota, count: QuotaCount): QuotaExcess[] {
  const over: QuotaExcess[] = [];
  for (const field of ['individuals', 'collectives', 'total'] as const) {
    const limit = quota[field];
    if (limit !== null && count[field] > limit) over.push({ quotaId: quota.id, label: quota.appliesTo.label, field, limit, count: count[field] });
  }
  return over;
}

export interface SubmissionWindow { opens: string | null; closes: string | null }

/**
 * When a batch for a movement's award may be submitted: the award's own window (Cao Bằng: two named
 * days), else up to the movement's nomination deadline (Sơn La: "trước ngày 21/5/2022", i.e. 20/5).
 */
export function submissionWindow(award: Pick<Award, 'window'> | null, phases: Pick<PhaseRow, 'kind' | 'due_on' | 'starts_on'>[], today: string): SubmissionWindow {
  if (award?.window) return { opens: award.window.opens, closes: award.window.closes };
  const nominations = phases.filter((p) => p.kind === 'nomination' && p.due_on).sort((a, b) => a.due_on!.localeCompare(b.due_on!));
  const next = nominations.find((p) => p.due_on! >= today) ?? nominations.at(-1);
  return next ? { opens: next.starts_on, closes: next.due_on } : { opens: null, closes: null };
}

export type WindowState = 'open' | 'not_open' | 'closed';
export function windowState(window: SubmissionWindow, today: string): WindowState {
  if (window.opens && today < window.opens) return 'not_open';
  if (window.closes && today > window.closes) return 'closed';
  return 'open';
}

export interface RequiredDocument { kind: DocumentKind; perCandidate: boolean }

/**
 * The dossier an award form needs (docs/legal/procedure.md#dossiers; the demo's Sơn La office review, its plan's III.5): a proposal letter and the unit's
 * meeting minutes always; an achievement report per candidate for Bằng khen and above (Sơn La asks none for
 * the Office's Giấy khen); for households and workers the unit writes a short summary instead.
 */
export function requiredDocuments(level: 'state' | 'government' | 'ministry' | 'province' | 'commune' | 'base', kind: NominationKind): RequiredDocument[] {
  const docs: RequiredDocument[] = [{ kind: 'proposal_letter', perCandidate: false }, { kind: 'minutes', perCandidate: false }];
  if (level !== 'base' || kind === 'one_off') docs.push({ kind: 'achievement_report', perCandidate: true });
  return docs;
}

export interface MissingDocument { kind: DocumentKind; candidateId: string | null }

export function missingDocuments(
  required: RequiredDocument[],
  candidates: { id: string; kind: CandidateKind }[],
  present: { kind: DocumentKind; candidateId: string | null }[],
): MissingDocument[] {
  const has = (kind: DocumentKind, candidateId: string | null) => present.some((d) => d.kind === kind && d.candidateId === candidateId);
  const missing: MissingDocument[] = [];
  for (const doc of required) {
    if (!doc.perCandidate) {
      if (!has(doc.kind, null)) missing.push({ kind: doc.kind, candidateId: null });
      continue;
    }
    for (const c of candidates) {
      // a household's summary written by the unit stands for its achievement report
      if (!has(doc.kind, c.id) && !(c.kind === 'household' && has('summary', c.id))) missing.push({ kind: doc.kind, candidateId: c.id });
    }
  }
  return missing;
}

/**
 * What the standing agency asked for when it returned a candidate for supplement and the unit has not
 * filed since: the candidate cannot go up again without it (issue 17, a return is not a dead end).
 */
export function unsuppliedRequests(
  candidates: { id: string; status: CandidateStatus; requestedDocument: DocumentKind | null; requestedAt: Date | null }[],
  present: { kind: DocumentKind; candidateId: string | null; uploadedAt: Date }[],
): MissingDocument[] {
  return candidates.filter((c) => c.status === 'returned' && c.requestedDocument && c.requestedAt
    && !present.some((d) => d.candidateId === c.id && d.kind === c.requestedDocument && d.uploadedAt >= c.requestedAt!))
    .map((c) => ({ kind: c.requestedDocument!, candidateId: c.id }));
}

/** Why a candidate should be looked at twice (one achievement is not rewarded twice: docs/legal/awards.md#one-achievement-once). */
export type Flag = 'awarded_this_year' | 'nominated_elsewhere' | 'not_eligible' | 'needs_attestation';

export function flagsOf(c: {
  eligibility: 'met' | 'attest' | 'unmet' | null;
  awardsThisYear: { basis: string; awardForm: string }[];
  otherNominations: number;
}, batch: { kind: NominationKind; awardForm: string }): Flag[] {
  const flags: Flag[] = [];
  // thematic and one-off: "không đề xuất … đã được khen thưởng những nội dung chuyên đề khác trong năm"
  // (the Sơn La office review); merit: the same form twice for one year
  const counts = (a: { basis: string; awardForm: string }) =>
    batch.kind === 'merit' ? a.awardForm === batch.awardForm : a.basis === 'thematic' || a.basis === 'one_off';
  if (c.awardsThisYear.some(counts)) flags.push('awarded_this_year');
  if (c.otherNominations > 0) flags.push('nominated_elsewhere');
  if (c.eligibility === 'unmet') flags.push('not_eligible');
  if (c.eligibility === 'attest') flags.push('needs_attestation');
  return flags;
}

/** Share of candidates who hold no leading post (plans ask to favour them). */
export function nonLeaderShare(candidates: { kind: CandidateKind; isLeader: boolean; status: CandidateStatus }[]): { people: number; nonLeaders: number } {
  const people = candidates.filter((c) => c.kind === 'person');
  return { people: people.length, nonLeaders: people.filter((c) => !c.isLeader).length };
}

/** "TN-2022-000123": the receipt a submitter gets, unique per tenant and year. */
export function receiptNumber(year: number, sequence: number): string {
  return `TN-${year}-${String(sequence).padStart(6, '0')}`;
}

/**
 * A batch's title when the unit gives none (issue 17.5): a movement's batch names the movement and the award form
 * (one movement often calls for several forms), a batch outside a movement the form and the year. A second batch of
 * the same unit with the same title is its next round: "… – đợt 2". `taken` are the titles of the unit's other
 * batches on the same movement (or, outside a movement, of the same year).
 */
export function batchTitle(base: { movementName: string | null; formName: string; year: number }, taken: readonly string[]): string {
  const title = base.movementName ? `${base.movementName} – ${base.formName}` : `Đề nghị tặng ${base.formName} năm ${base.year}`;
  if (!taken.includes(title)) return title;
  let round = 2;
  while (taken.includes(`${title} – đợt ${round}`)) round++;
  return `${title} – đợt ${round}`;
}
