import type { OrgRef } from '../organisations/types.ts';

export const MOVEMENT_STATUSES = ['draft', 'issued', 'closed'] as const;
export type MovementStatus = (typeof MOVEMENT_STATUSES)[number];
export const MOVEMENT_KINDS = ['regular', 'multi_year', 'campaign', 'special'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];
export const PARTICIPANT_KINDS = ['collective', 'individual', 'household', 'enterprise', 'cooperative', 'citizen'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];
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
  recipients: Array<'collective' | 'individual' | 'household'>;
  proposedBy: string;
  quotas: Quota[];
  priorities: Paragraph[];
  exclusions: Paragraph[];
  dossier: Paragraph[];
  window: { opens: string; closes: string } | null;
}

export interface Plan {
  legalBases: Array<Paragraph & { movementId: string | null }>;
  purposes: Paragraph[];
  requirements: Paragraph[];
  participants: Array<{ id: string; inheritedFrom: string | null; kind: ParticipantKind; scope: string }>;
  contents: Content[];
  criteria: Array<{ id: string; inheritedFrom: string | null; awardForm: string; participantKind: ParticipantKind; text: string }>;
  awards: Award[];
  tasks: Array<{ id: string; inheritedFrom: string | null; ownerOrganisationId: string | null; ownerName: string; text: string; dueOn: string | null }>;
  recipients: string[];
  signer: unknown;
}

export interface Phase {
  id: string;
  kind: string;
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

export interface MovementPatch {
  name?: string;
  slogan?: string;
  place?: string;
  periodStart?: string;
  periodEnd?: string;
  plan?: Plan;
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
