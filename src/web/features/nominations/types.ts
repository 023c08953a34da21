/** The JSON of the nominations API (src/modules/nominations/routes.ts and present.ts), as the server's schema says (src/web/api/openapi.ts). */
import { allOf, type ApiBody, type ApiResponse } from '../../api/types.ts';

/** GET /api/nominations/batches */
export type BatchSummary = ApiResponse<'/api/nominations/batches', 'get'>['items'][number];

/** GET /api/nominations/batches/{id} (its procedure is not read here: typed unknown) */
export type BatchDetail = ApiResponse<'/api/nominations/batches/{id}', 'get'>;
export type Candidate = BatchDetail['candidates'][number];
export type BatchDocument = BatchDetail['documents'][number];
export type QuotaUse = BatchDetail['quotas'][number];
export type QuotaExcess = BatchDetail['overQuota'][number];
export type HistoryEntry = BatchDetail['history'][number];

export const BATCH_STATUSES = allOf<BatchSummary['status']>()(['draft', 'awaiting_head', 'submitted', 'under_appraisal', 'returned', 'accepted', 'decided']);
export type BatchStatus = (typeof BATCH_STATUSES)[number];
export type CandidateStatus = Candidate['status'];
export const NOMINATION_KINDS = allOf<BatchSummary['kind']>()(['merit', 'thematic', 'one_off', 'long_service']);
export type NominationKind = (typeof NOMINATION_KINDS)[number];
/** the page is never offered edit (that is `batch.editable`) */
export type BatchAction = Exclude<BatchDetail['actions'][number], 'edit'>;
export type CandidateAction = Candidate['actions'][number];
export type DocumentKind = BatchDocument['kind'];
export type EligibilityStatus = NonNullable<Candidate['eligibility']>['status'];
export type Flag = Candidate['flags'][number];
export type Verdict = ApiBody<'/api/nominations/batches/{id}/candidates/{candidateId}/verdict', 'post'>['verdict'];

/** POST /api/nominations/batches */
export type NewBatch = ApiBody<'/api/nominations/batches', 'post'>;

/** GET /api/notifications */
export type Notification = ApiResponse<'/api/notifications', 'get'>['items'][number];

/** Roles that see the nominations (nomination.read on the server). */
export const NOMINATION_READERS = ['system_admin', 'standing_officer', 'unit_officer', 'unit_head', 'council_member'] as const;
/** Roles that open batches and prepare them (nomination.write). */
export const NOMINATION_WRITERS = ['system_admin', 'standing_officer', 'unit_officer'] as const;
/** Roles of the standing agency that appraises (nomination.appraise). */
export const NOMINATION_APPRAISERS = ['system_admin', 'standing_officer'] as const;
