import { allOf, type ApiBody, type ApiResponse } from '../../api/types.ts';

/** GET /api/movements, as the server's schema says (src/web/api/openapi.ts) */
export type MovementSummary = ApiResponse<'/api/movements', 'get'>['items'][number];

/** GET /api/movements/{id} */
export type MovementDetail = ApiResponse<'/api/movements/{id}', 'get'>;
export type Plan = MovementDetail['plan'];
export type Phase = MovementDetail['phases'][number];
export type Paragraph = Plan['purposes'][number];
export type Content = Plan['contents'][number];
export type Award = Plan['awards'][number];
export type Quota = Award['quotas'][number];
/** its rule is the machine-readable one, kept as it is by the editors (EligibilityRule, or null) */
export type Criterion = Plan['criteria'][number];
export type Participant = Plan['participants'][number];
export type Task = Plan['tasks'][number];
export type Signer = Plan['signer'];
export type ChangeKind = MovementDetail['changesAgainstParent'][number]['kind'];

export const MOVEMENT_STATUSES = allOf<MovementSummary['status']>()(['draft', 'issued', 'closed']);
export type MovementStatus = (typeof MOVEMENT_STATUSES)[number];
export const MOVEMENT_KINDS = allOf<MovementSummary['kind']>()(['regular', 'multi_year', 'campaign', 'special']);
export type MovementKind = (typeof MOVEMENT_KINDS)[number];
export const PARTICIPANT_KINDS = allOf<Participant['kind']>()(['collective', 'individual', 'household', 'enterprise', 'cooperative', 'citizen']);
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];
export const PHASE_KINDS = allOf<Phase['kind']>()(['launch', 'response_plan', 'registration', 'periodic_report', 'mid_term_review', 'final_review', 'nomination']);
export type PhaseKind = (typeof PHASE_KINDS)[number];
export const AWARD_RECIPIENTS = allOf<Award['recipients'][number]>()(['collective', 'individual', 'household']);
export const SIGNER_AUTHORITIES = allOf<NonNullable<Signer['authority']>>()(['TM.', 'KT.', 'TL.', 'Q.']);

/** GET /api/movements/{id}/responses */
export type Responses = ApiResponse<'/api/movements/{id}/responses', 'get'>;
export type ResponseState = Responses['items'][number]['registration']['state'];

/** GET /api/movements/{id}/registrations */
export type Registration = ApiResponse<'/api/movements/{id}/registrations', 'get'>['items'][number];
export type RegistrationTitle = Registration['titles'][number];

/** GET /api/award-forms */
export type AwardForm = ApiResponse<'/api/award-forms', 'get'>['items'][number];

export interface MovementsSearch {
  q?: string;
  status?: MovementStatus;
  year?: number;
}

/** POST /api/movements */
export type NewMovement = ApiBody<'/api/movements', 'post'>;

/** PATCH /api/movements/{id} */
export type MovementPatch = ApiBody<'/api/movements/{id}', 'patch'>;
/**
 * A phase as the page sends it (PATCH `phases` replaces the whole list): a phase as read, without its id, every field given
 * (the body's own phase type leaves most of them optional, which would not merge back into a Phase).
 */
export type PhaseInput = Omit<Phase, 'id' | 'inheritedFrom'> & { inheritedFrom?: string | null };

/** Roles that may open movements at all; the server decides scope. */
export const MOVEMENT_READERS = ['system_admin', 'standing_officer', 'unit_officer', 'unit_head', 'council_member'] as const;
/** Roles that may draft, cascade and register (movement.write); the server decides scope. */
export const MOVEMENT_WRITERS = ['system_admin', 'standing_officer', 'unit_officer'] as const;

/** The movement page's tabs (?tab=), read by the route before the page's code is loaded. */
export const MOVEMENT_TABS = ['content', 'phases', 'responses', 'registrations', 'amendments'] as const;
export type MovementTab = (typeof MOVEMENT_TABS)[number];
