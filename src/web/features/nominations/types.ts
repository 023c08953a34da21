/** The JSON of the nominations API (src/modules/nominations/routes.ts and present.ts), as the screens use it. */

export const BATCH_STATUSES = ['draft', 'awaiting_head', 'submitted', 'under_appraisal', 'returned', 'accepted', 'decided'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];
export type CandidateStatus = 'draft' | 'submitted' | 'returned' | 'accepted' | 'rejected' | 'voted' | 'forwarded' | 'decided';
export const NOMINATION_KINDS = ['merit', 'thematic', 'one_off', 'long_service'] as const;
export type NominationKind = (typeof NOMINATION_KINDS)[number];
export type BatchAction = 'request_approval' | 'send_back' | 'submit' | 'open_appraisal' | 'return' | 'accept' | 'close';
export type CandidateAction = 'submit' | 'accept' | 'return' | 'reject' | 'vote_pass' | 'vote_fail' | 'defer' | 'forward' | 'decide';
export type DocumentKind = 'proposal_letter' | 'minutes' | 'achievement_report' | 'summary' | 'other';
export type EligibilityStatus = 'met' | 'attest' | 'unmet';
export type Flag = 'awarded_this_year' | 'nominated_elsewhere' | 'not_eligible' | 'needs_attestation';
export type Verdict = 'accept' | 'return' | 'reject';

interface Ref { id: string; name: string }

export interface BatchSummary {
  id: string;
  title: string;
  kind: NominationKind;
  year: number;
  status: BatchStatus;
  awardForm: string;
  awardFormName: string;
  organisation: Ref;
  receiving: Ref;
  movementId: string | null;
  receiptNumber: string | null;
  candidateCount: number;
  updatedAt: string;
  forwardedFromBatchId: string | null;
}

export interface Candidate {
  id: string;
  kind: 'person' | 'collective' | 'household';
  subjectId: string;
  name: string;
  position: string;
  unitName: string;
  isLeader: boolean;
  achievement: string;
  status: CandidateStatus;
  note: string;
  eligibility: { status: EligibilityStatus; source: string; reasons: string[] } | null;
  awardId: string | null;
  flags: Flag[];
  actions: CandidateAction[];
}

export interface BatchDocument {
  id: string;
  kind: DocumentKind;
  candidateId: string | null;
  name: string;
  size: number;
  sha256: string;
  uploadedAt: string;
}

export interface QuotaUse {
  id: string;
  label: string;
  individuals: number | null;
  collectives: number | null;
  total: number | null;
  used: { individuals: number; collectives: number; total: number };
}

export interface QuotaExcess { quotaId: string; label: string; field: 'individuals' | 'collectives' | 'total'; limit: number; count: number }

export interface HistoryEntry {
  id: string;
  candidateId: string | null;
  action: string;
  from: string;
  to: string;
  reason: string;
  at: string;
  actorName: string;
}

export interface BatchDetail {
  batch: {
    id: string;
    title: string;
    kind: NominationKind;
    year: number;
    status: BatchStatus;
    awardForm: string;
    awardFormName: string;
    awardFormLevel: 'state' | 'government' | 'province' | 'base';
    organisation: Ref;
    receiving: Ref;
    movement: Ref | null;
    awardItemId: string | null;
    forwardedFromBatchId: string | null;
    receiptNumber: string | null;
    submittedAt: string | null;
    editable: boolean;
  };
  candidates: Candidate[];
  nonLeaders: { people: number; nonLeaders: number };
  documents: BatchDocument[];
  requiredDocuments: Array<{ kind: DocumentKind; perCandidate: boolean }>;
  missingDocuments: Array<{ kind: DocumentKind; candidateId: string | null }>;
  window: { opens: string | null; closes: string | null; state: 'open' | 'not_open' | 'closed' };
  quotas: QuotaUse[];
  overQuota: QuotaExcess[];
  procedure: unknown;
  history: HistoryEntry[];
  actions: BatchAction[];
}

export interface NewBatch {
  organisationId: string;
  kind: NominationKind;
  movementId?: string;
  awardItemId?: string;
  awardForm?: string;
  receivingOrganisationId?: string;
  year?: number;
  title?: string;
}

export interface Notification {
  id: string;
  topic: string;
  entityType: string;
  entityId: string | null;
  params: Record<string, string | number>;
  createdAt: string;
  read: boolean;
}

/** Roles that see the nominations (nomination.read on the server). */
export const NOMINATION_READERS = ['system_admin', 'standing_officer', 'unit_officer', 'unit_head', 'council_member'] as const;
/** Roles that open batches and prepare them (nomination.write). */
export const NOMINATION_WRITERS = ['system_admin', 'standing_officer', 'unit_officer'] as const;
/** Roles of the standing agency that appraises (nomination.appraise). */
export const NOMINATION_APPRAISERS = ['system_admin', 'standing_officer'] as const;
