import type { OrgRef } from '../organisations/types.ts';

export const MOVEMENT_STATUSES = ['draft', 'issued', 'closed'] as const;
export type MovementStatus = (typeof MOVEMENT_STATUSES)[number];
export const MOVEMENT_KINDS = ['regular', 'multi_year', 'campaign', 'special'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];
export const PARTICIPANT_KINDS = ['collective', 'individual', 'household', 'enterprise', 'cooperative', 'citizen'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];
export const PHASE_KINDS = ['launch', 'response_plan', 'registration', 'periodic_report', 'mid_term_review', 'final_review', 'nomination'] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];
export const AWARD_RECIPIENTS = ['collective', 'individual', 'household'] as const;
export type ResponseState = 'done' | 'pending' | 'overdue' | 'not_due';

export interface MovementsSearch {
  q?: string;
  status?: MovementStatus;
  year?: number;
}

export interface MovementSummary {
  id: string;
  name: string;
  kind: MovementKind;
  status: MovementStatus;
  organisation: OrgRef;
  documentNumber: number | null;
  documentSymbol: string;
  issuedOn: string | null;
  periodStart: string;
  periodEnd: string;
  parentMovementId: string | null;
}

export interface Paragraph {
  id: string;
  inheritedFrom: string | null;
  text: string;
}

export interface Content {
  id: string;
  inheritedFrom: string | null;
  participantKind: ParticipantKind;
  title: string;
  text: string;
  points: Paragraph[];
}

export interface Quota {
  id: string;
  inheritedFrom: string | null;
  appliesTo: { organisationIds: string[]; label: string };
  collectives: number | null;
  individuals: number | null;
  total: number | null;
}

export interface Award {
  id: string;
  inheritedFrom: string | null;
  phase: string;
  awardForm: string;
  recipients: Array<(typeof AWARD_RECIPIENTS)[number]>;
  proposedBy: string;
  quotas: Quota[];
  priorities: Paragraph[];
  exclusions: Paragraph[];
  dossier: Paragraph[];
  window: { opens: string; closes: string } | null;
}

export interface Criterion {
  id: string;
  inheritedFrom: string | null;
  awardForm: string;
  participantKind: ParticipantKind;
  text: string;
  /** the machine-readable rule, kept as it is by the editors */
  rule?: unknown;
}

export interface Participant {
  id: string;
  inheritedFrom: string | null;
  kind: ParticipantKind;
  scope: string;
}

export interface Task {
  id: string;
  inheritedFrom: string | null;
  ownerOrganisationId: string | null;
  ownerName: string;
  text: string;
  dueOn: string | null;
}

export interface Plan {
  legalBases: Array<Paragraph & { movementId: string | null }>;
  purposes: Paragraph[];
  requirements: Paragraph[];
  participants: Participant[];
  contents: Content[];
  criteria: Criterion[];
  awards: Award[];
  tasks: Task[];
  recipients: string[];
  signer: Signer;
}

export const SIGNER_AUTHORITIES = ['TM.', 'KT.', 'TL.', 'Q.'] as const;
export interface Signer { authority: (typeof SIGNER_AUTHORITIES)[number] | null; authorityBody: string; title: string; name: string }

export interface Phase {
  id: string;
  kind: PhaseKind;
  title: string;
  startsOn: string | null;
  dueOn: string | null;
  dueFrom: string;
  outline: Array<{ title: string; points: string[] }> | null;
  inheritedFrom: string | null;
}

export type ChangeKind = 'added' | 'changed' | 'removed';

export interface MovementDetail extends MovementSummary {
  slogan: string;
  place: string;
  plan: Plan;
  phases: Phase[];
  allowedActions: Array<'edit' | 'issue' | 'amend' | 'close'>;
  canWrite: boolean;
  canIssue: boolean;
  parent: { id: string; name: string; organisationName: string } | null;
  changesAgainstParent: Array<{ list: string; kind: ChangeKind; id: string; parentId: string | null }>;
  amendments: Array<{ sequence: number; reason: string; amendedAt: string }>;
}

export interface NewMovement {
  organisationId: string;
  kind: MovementKind;
  name: string;
  slogan?: string;
  documentSymbol?: string;
  place?: string;
  periodStart: string;
  periodEnd: string;
  plan: Partial<Plan>;
}

/** A phase as the server takes it (PATCH `phases` replaces the whole list). */
export interface PhaseInput {
  kind: PhaseKind;
  title: string;
  startsOn: string | null;
  dueOn: string | null;
  dueFrom: string;
  outline: Array<{ title: string; points: string[] }> | null;
  inheritedFrom?: string | null;
}

export interface MovementPatch {
  name?: string;
  slogan?: string;
  place?: string;
  periodStart?: string;
  periodEnd?: string;
  plan?: Plan;
  phases?: PhaseInput[];
}

export interface Responses {
  responsePlanDue: string | null;
  registrationDue: string | null;
  items: Array<{
    organisation: OrgRef;
    responsePlan: { state: ResponseState; movementId: string | null; issuedOn: string | null };
    registration: { state: ResponseState; registeredAt: string | null };
    lastReminderAt: string | null;
  }>;
}

export interface RegistrationTitle {
  awardForm: string;
  collectives?: number;
  individuals?: number;
  note?: string;
}

export interface Registration {
  organisation: OrgRef;
  titles: RegistrationTitle[];
  commitments: string;
  registeredAt: string;
}

export interface AwardForm {
  code: string;
  name: string;
  category: string;
  recipient: string;
  level: string;
  conferredBy: string;
}

/** Roles that may open movements at all; the server decides scope. */
export const MOVEMENT_READERS = ['system_admin', 'standing_officer', 'unit_officer', 'unit_head', 'council_member'] as const;
/** Roles that may draft, cascade and register (movement.write); the server decides scope. */
export const MOVEMENT_WRITERS = ['system_admin', 'standing_officer', 'unit_officer'] as const;
