import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/**
 * Row types of the tables in migrations/. Keep in step with the SQL: the migration is the source,
 * this file its TypeScript mirror, changed in the same commit as the migration.
 * Dates of the domain are calendar dates, read and written as 'YYYY-MM-DD' strings.
 */
type IsoDate = string;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

export type TenantKind = 'province' | 'ministry' | 'commune' | 'other';
export interface TenantsTable { id: string; code: string; name: string; kind: TenantKind; created_at: Timestamp }

export interface PasswordLinksTable {
  token_hash: string; user_id: string; purpose: 'setup' | 'reset'; created_at: Date; expires_at: Date; used_at: Date | null;
}

export interface OrganisationsTable {
  tenant_id: string; id: string; parent_id: string | null; path: string; depth: number;
  name: string; short_name: string | null; name_fold: string; sort_key: string;
  kind: string; level: 'central' | 'province' | 'district' | 'commune';
  admin_code: string | null; agency_code: string | null; code: string | null;
  valid_from: IsoDate; valid_to: IsoDate | null; successor_id: string | null; standing_agency_id: string | null;
  created_at: Timestamp; updated_at: Timestamp;
}

/** 0031: every predecessor → successor link (a split has several successors, a merger several predecessors) */
export interface OrganisationSuccessionsTable {
  tenant_id: string; predecessor_id: string; successor_id: string; on_date: IsoDate; share_note: Generated<string>;
}

export interface ClustersTable {
  tenant_id: string; id: string; organiser_id: string; kind: 'cluster' | 'block'; name: string; name_fold: string; created_at: Timestamp;
}
export interface ClusterMembersTable {
  tenant_id: string; cluster_id: string; year: number; organisation_id: string; role: 'head' | 'deputy' | 'member';
}
export interface ClusterFollowersTable { tenant_id: string; cluster_id: string; year: number; person_id: string }

export interface PeopleTable {
  tenant_id: string; id: string; family_name: string; middle_name: string; given_name: string; full_name: string;
  name_fold: string; sort_key: string; gender: 'male' | 'female'; birth_year: number | null; ethnicity: string;
  code: string | null;
  created_at: Timestamp; updated_at: Timestamp;
}

export interface EmploymentsTable {
  tenant_id: string; id: string; person_id: string; organisation_id: string; position: string; is_leader: boolean;
  start_date: IsoDate; end_date: IsoDate | null; created_at: Timestamp;
  /** 0013: people/model.ts isDirectWorker(position, is_leader), computed when the row is written */
  is_direct_worker: Generated<boolean>;
}

export interface HouseholdsTable {
  tenant_id: string; id: string; organisation_id: string; head_name: string; name_fold: string; address: string; created_at: Timestamp;
}

export interface CouncilsTable {
  tenant_id: string; id: string; organisation_id: string; name: string; established_by: string; valid_from: IsoDate; valid_to: IsoDate | null;
}
export interface CouncilMembersTable {
  tenant_id: string; council_id: string; person_id: string;
  role: 'chair' | 'vice_chair' | 'standing_member' | 'member' | 'secretary'; title: string;
}

export interface UsersTable {
  id: string; tenant_id: string; username: string; display_name: string; password_hash: string; person_id: string | null;
  locale: Generated<'vi' | 'en'>; disabled: Generated<boolean>; failed_logins: Generated<number>; locked_until: Date | null; created_at: Timestamp;
  email: string | null; email_notices: Generated<EmailNotices>; email_digest_through: Date | null;
}

/** How an account wants notices by e-mail: each as it happens, a daily digest, or none. */
export type EmailNotices = 'each' | 'digest' | 'none';

export type Role = 'system_admin' | 'standing_officer' | 'unit_officer' | 'unit_head' | 'council_member' | 'individual';
export interface RoleGrantsTable {
  tenant_id: string; id: string; user_id: string; role: Role; organisation_id: string; granted_by: string | null;
  created_at: Timestamp; revoked_at: Date | null;
}

export interface SessionsTable {
  token_hash: string; user_id: string; csrf_token: string; created_at: Date; last_seen_at: Date; expires_at: Date;
}

export interface AuditLogTable {
  tenant_id: string; id: string; at: Date; actor_user_id: string | null; action: string; entity_type: string;
  entity_id: string | null; organisation_path: string; changes: Json; request_id: string | null;
}

export interface OutboxTable {
  tenant_id: string; id: string; topic: string; payload: Json; created_at: Timestamp; published_at: Date | null;
}

export interface AwardFormsTable {
  code: string; name: string; category: 'title' | 'award'; recipient: 'individual' | 'collective' | 'both' | 'household';
  level: 'state' | 'government' | 'province' | 'base'; conferred_by: string; sort_order: number;
}

export interface MovementsTable {
  tenant_id: string; id: string; organisation_id: string; parent_movement_id: string | null;
  kind: 'regular' | 'multi_year' | 'campaign' | 'special'; status: 'draft' | 'issued' | 'closed';
  name: string; name_fold: string; slogan: string; document_number: number | null; document_symbol: string; place: string;
  issued_on: IsoDate | null; period_start: IsoDate; period_end: IsoDate; plan: Json; amendment_count: Generated<number>;
  created_by: string | null; created_at: Date; updated_at: Date;
}

export interface MovementPhasesTable {
  tenant_id: string; id: string; movement_id: string;
  kind: 'launch' | 'response_plan' | 'registration' | 'periodic_report' | 'mid_term_review' | 'final_review' | 'nomination';
  title: string; starts_on: IsoDate | null; due_on: IsoDate | null; due_from: string; outline: Json | null;
  inherited_from: string | null; position: number;
}

export interface MovementAmendmentsTable {
  tenant_id: string; id: string; movement_id: string; sequence: number; reason: string; changes: Json;
  amended_by: string | null; amended_at: Date;
}

export interface MovementRegistrationsTable {
  tenant_id: string; id: string; movement_id: string; organisation_id: string; titles: Json; commitments: string;
  registered_by: string | null; registered_at: Date;
}

export interface MovementRemindersTable {
  tenant_id: string; id: string; movement_id: string; organisation_id: string; phase_id: string | null; message: string;
  sent_by: string | null; sent_at: Date;
}

/** Who a record belongs to: a person, or an organisation as a collective (exactly one is set). */
interface RecordSubject { tenant_id: string; id: string; person_id: string | null; organisation_id: string | null }
interface RecordSource { source_number: string; source_date: IsoDate | null; source_issuer: string }
interface RecordStamps { created_by: string | null; created_at: Date; updated_at: Date }

export type RatingValue = 'excellent' | 'good' | 'completed' | 'not_completed';
export interface AnnualRatingsTable extends RecordSubject, RecordSource, RecordStamps { year: number; rating: RatingValue }

export type AwardBasis = 'merit' | 'thematic' | 'one_off' | 'long_service';
export interface AwardsTable extends RecordSubject, RecordStamps {
  award_form: string; year: number; basis: AwardBasis; movement_id: string | null; reason: string;
  decision_number: string; decided_on: IsoDate | null; decided_by: string; revoked_on: IsoDate | null; revocation_number: string | null;
  /** Crockford base32, 12 characters, no dashes (migrations/0008); null: no certificate can be checked */
  verification_code: string | null;
  /** đồng paid with the award (bigint, read as a number: database.ts), null when unknown */
  amount: number | null;
  /** 0007_archive: filled by awards/recipient.ts fillAwardRecipients (null only until the start-up backfill) */
  recipient_name_fold: Generated<string | null>; recipient_sort_key: Generated<string | null>; recipient_path: Generated<string | null>;
  /** 0013: the recipient's groups at decision time, same function; null for collectives */
  recipient_female: Generated<boolean | null>; recipient_ethnic_minority: Generated<boolean | null>;
  recipient_leader: Generated<boolean | null>; recipient_direct_worker: Generated<boolean | null>;
}

export interface AwardRevocationsTable {
  tenant_id: string; id: string; award_id: string; decision_number: string; decided_on: IsoDate; decided_by: string; reason: string;
  amount_to_recover: number | null;
  amount_source: 'recorded' | 'computed' | null; revoked_by: string | null; revoked_at: Date;
}

/** 0007_archive: the distinct folded recipient names, searched by trigram before the awards are read */
export interface AwardRecipientNamesTable { tenant_id: string; name_fold: string }

/** 0018: what the statistics count, per scope, year, recipient path and form (awards/tallies.ts keeps it) */
export type TallyScope = 'all' | 'individual' | 'collective' | 'non_leader' | 'direct_worker' | 'female' | 'ethnic_minority';
export interface AwardTalliesTable {
  tenant_id: string; scope: TallyScope; year: number; recipient_path: string; award_form: string;
  awards: number; individuals: number; non_leaders: number; direct_workers: number; women: number; ethnic_minorities: number;
  /** bigint, read as a number (database.ts) */
  money: number; priced: number;
}

export interface InitiativesTable extends RecordSubject, RecordSource, RecordStamps {
  kind: 'initiative' | 'scientific_work'; title: string; title_fold: string; level: 'base' | 'province' | 'national';
  year: number; recognised_on: IsoDate | null; effect: string;
}

export type DisciplineFormValue = 'reprimand' | 'warning' | 'salary_reduction' | 'demotion' | 'removal' | 'dismissal';
export interface DisciplinesTable extends RecordSubject, RecordSource, RecordStamps {
  form: DisciplineFormValue; starts_on: IsoDate; ends_on: IsoDate | null; reason: string;
}

export interface LegalBasesTable { code: string; name: string; short_name: string; effective_from: IsoDate; effective_to: IsoDate | null }
export interface EligibilityRulesTable {
  award_form: string; recipient: 'individual' | 'collective'; legal_basis: string; citation: string; rule: Json; cap: Json | null;
  needs_confirmation: boolean; note: string; updated_at: Generated<Date>;
}
export interface AwardMoneyCoefficientsTable {
  award_form: string; recipient: 'individual' | 'collective'; legal_basis: string; coefficient: ColumnType<string, string | number, string | number>;
  citation: string; needs_confirmation: boolean;
}
export interface BaseSalariesTable { effective_from: IsoDate; amount: number; citation: string; created_by: string | null; created_at: Generated<Date> }

export interface EligibilityCapsTable {
  tenant_id: string; award_form: string; percent: ColumnType<string, string | number, string | number>; citation: string;
  updated_by: string | null; updated_at: Date;
}

export type NominationKind = 'merit' | 'thematic' | 'one_off' | 'long_service';
export type BatchStatus = 'draft' | 'awaiting_head' | 'submitted' | 'under_appraisal' | 'returned' | 'accepted' | 'decided';
export type CandidateStatus = 'draft' | 'submitted' | 'returned' | 'accepted' | 'rejected' | 'voted' | 'forwarded' | 'decided';
export type DocumentKind = 'proposal_letter' | 'minutes' | 'achievement_report' | 'summary' | 'other';

export interface AwardProceduresTable {
  tenant_id: string; award_form: string; council_vote: boolean; secret_ballot: boolean;
  threshold_percent: ColumnType<string, string | number, string | number>; threshold_of: 'members' | 'present';
  consultation_days: number | null; citation: string; updated_by: string | null; updated_at: Date;
}
export interface NominationBatchesTable {
  tenant_id: string; id: string; organisation_id: string; receiving_organisation_id: string; movement_id: string | null;
  award_item_id: string | null; award_form: string; kind: NominationKind; year: number; title: string; status: BatchStatus;
  forwarded_from_batch_id: string | null; letter_number: string; submitted_at: Date | null; submitted_by: string | null;
  receipt_number: string | null; created_by: string | null; created_at: Date; updated_at: Date;
}
export interface NominationCandidatesTable {
  tenant_id: string; id: string; batch_id: string; person_id: string | null; organisation_id: string | null; household_id: string | null;
  status: CandidateStatus; name: string; name_fold: string; sort_key: string; position: string; unit_name: string; is_leader: boolean;
  achievement: string; eligibility: Json | null; note: string; source_candidate_id: string | null; award_id: string | null;
  created_at: Date; updated_at: Date;
}
export interface NominationEventsTable {
  tenant_id: string; id: string; batch_id: string; candidate_id: string | null; action: string; from_status: string; to_status: string;
  reason: string; actor_user_id: string | null; at: Date;
}
export interface NominationDocumentsTable {
  tenant_id: string; id: string; batch_id: string; candidate_id: string | null; kind: DocumentKind; sha256: string; name: string;
  size: number; uploaded_by: string | null; uploaded_at: Date; replaced_at: Date | null;
}
export interface NotificationsTable {
  tenant_id: string; id: string; user_id: string; topic: string; entity_type: string; entity_id: string | null; params: Json;
  created_at: Date; read_at: Date | null;
}

export type ConsultationStatus = 'published' | 'closed';
export type CommentStatus = 'pending' | 'published' | 'hidden';
export interface ConsultationsTable {
  tenant_id: string; id: string; organisation_id: string; award_form: string; title: string; channel: string; starts_on: IsoDate;
  working_days: number; ends_on: IsoDate; status: ConsultationStatus; ip_salt: string; closed_at: Date | null; closed_by: string | null;
  created_by: string | null; created_at: Date; updated_at: Date;
}
export interface ConsultationCandidatesTable {
  tenant_id: string; consultation_id: string; candidate_id: string; no: number; name: string; position: string; unit_name: string;
  award_name: string;
}
export interface ConsultationCommentsTable {
  tenant_id: string; id: string; consultation_id: string; candidate_id: string | null; author_name: string; contact: string; body: string;
  status: CommentStatus; handling_note: string; handled_by: string | null; handled_at: Date | null; ip_hash: string; created_at: Date;
}
export type MeetingStatus = 'planned' | 'voting' | 'closed';
export type AgendaOutcome = 'pending' | 'passed' | 'failed' | 'deferred';
export type RecusalReason = 'is_candidate' | 'heads_unit';
export interface CouncilMeetingsTable {
  tenant_id: string; id: string; organisation_id: string; council_id: string; meeting_date: IsoDate; starts_at: string;
  location: string; place: string; status: MeetingStatus; opened_at: Date | null; closed_at: Date | null;
  created_by: string | null; created_at: Date; updated_at: Date;
}
/** One candidate on a meeting's agenda: the running tallies (no per-vote row exists) and the outcome. */
export interface CouncilAgendaItemsTable {
  tenant_id: string; id: string; meeting_id: string; candidate_id: string; batch_id: string; award_form: string;
  secret_ballot: boolean | null; threshold_percent: ColumnType<string | null, string | number | null, string | number | null>;
  threshold_of: 'members' | 'present' | null;
  yes_count: ColumnType<number, number | undefined, number>; no_count: ColumnType<number, number | undefined, number>;
  abstain_count: ColumnType<number, number | undefined, number>; outcome: ColumnType<AgendaOutcome, AgendaOutcome | undefined, AgendaOutcome>;
}
export interface CouncilAttendanceTable { tenant_id: string; meeting_id: string; person_id: string; role: string; present: boolean }
export interface CouncilRecusalsTable { tenant_id: string; item_id: string; person_id: string; reason: RecusalReason; detail: string }
/** Who has voted on an item, and nothing else: no id, no time, no choice. */
export interface CouncilBallotsCastTable { tenant_id: string; item_id: string; person_id: string }
export type DecisionStatus = 'draft' | 'issued';
export interface AwardDecisionsTable {
  tenant_id: string; id: string; authority_organisation_id: string; number: number; symbol: string; number_year: number; place: string;
  signed_on: IsoDate; signer_authority: 'TM.' | 'KT.' | 'Q.' | 'TL.' | null; signer_authority_body: string; signer_title: string;
  signer_name: string; award_form: string; basis: NominationKind; year: number; reason: string; budget_source: string;
  status: DecisionStatus; idempotency_key: string | null; issued_at: Date | null; issued_by: string | null; created_by: string | null;
  created_at: Date; updated_at: Date;
}
export interface AwardDecisionLinesTable {
  tenant_id: string; id: string; decision_id: string; candidate_id: string; batch_id: string; person_id: string | null;
  organisation_id: string | null; recipient: 'individual' | 'collective'; name: string; position: string; unit_name: string; sort_key: string;
  coefficient: ColumnType<string | null, string | number | null, string | number | null>; base_salary: number | null; amount: number | null;
  award_id: string | null;
}

/** 0014: a unit's report on a phase's outline, and its history (src/modules/reports). */
export type UnitReportStatus = 'draft' | 'submitted' | 'returned';
export interface UnitReportsTable {
  tenant_id: string; id: string; movement_id: string; phase_id: string; organisation_id: string; status: UnitReportStatus;
  sections: Json; figures: Json | null; first_submitted_at: Date | null; submitted_at: Date | null; submitted_by: string | null;
  returned_reason: string | null; created_by: string | null; created_at: Date; updated_at: Date;
}
export interface UnitReportEventsTable {
  tenant_id: string; id: string; report_id: string; event: 'submitted' | 'returned' | 'resubmitted'; reason: string; late: boolean;
  figures: Json | null; actor_user_id: string | null; at: Date;
}

export interface SchemaMigrationsTable { version: number; name: string; applied_at: Generated<Date> }

/** An uploaded file, stored once per tenant by content (migrations/0009_files.sql). */
export interface FilesTable {
  tenant_id: string; sha256: string; size: number; content_type: string; original_name: string;
  uploaded_by: string; uploaded_at: Timestamp;
}

/** Cluster and block scoring (migrations/0015_cluster_scoring.sql). Points are numeric: read as strings. */
export type SheetStatus = 'draft' | 'open' | 'closed' | 'ranked' | 'proposed';
export type CriterionKind = 'criterion' | 'bonus' | 'penalty';
type Points = ColumnType<string, string | number, string | number>;
type MaybePoints = ColumnType<string | null, string | number | null, string | number | null>;
export interface ClusterSheetsTable {
  tenant_id: string; id: string; cluster_id: string; year: number; title: string; status: SheetStatus;
  flag_count: number; bang_khen_count: number; flag_batch_id: string | null; bang_khen_batch_id: string | null;
  created_by: string | null; created_at: Date; updated_at: Date;
}
export interface ClusterCriteriaTable {
  tenant_id: string; id: string; sheet_id: string; kind: CriterionKind; heading: string; title: string; max_points: Points; position: number;
}
export interface ClusterScoresTable {
  tenant_id: string; sheet_id: string; criterion_id: string; organisation_id: string; self_points: MaybePoints; evidence: string;
  evidence_link: string; adjusted_points: MaybePoints; updated_by: string | null; updated_at: Date;
}
export interface ClusterSheetEntriesTable {
  tenant_id: string; sheet_id: string; organisation_id: string; submitted_at: Date | null; submitted_by: string | null;
  vote_place: number | null; vote_note: string;
}
export interface ClusterAdjustmentsTable {
  tenant_id: string; id: string; sheet_id: string; criterion_id: string; organisation_id: string; from_points: MaybePoints;
  to_points: Points; reason: string; actor_user_id: string; actor_capacity: 'head' | 'follower'; at: Date;
}

export interface Database {
  tenants: TenantsTable;
  organisations: OrganisationsTable;
  organisation_successions: OrganisationSuccessionsTable;
  clusters: ClustersTable;
  cluster_members: ClusterMembersTable;
  cluster_followers: ClusterFollowersTable;
  people: PeopleTable;
  employments: EmploymentsTable;
  households: HouseholdsTable;
  councils: CouncilsTable;
  council_members: CouncilMembersTable;
  users: UsersTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  password_links: PasswordLinksTable;
  award_forms: AwardFormsTable;
  movements: MovementsTable;
  movement_phases: MovementPhasesTable;
  movement_amendments: MovementAmendmentsTable;
  movement_registrations: MovementRegistrationsTable;
  movement_reminders: MovementRemindersTable;
  annual_ratings: AnnualRatingsTable;
  awards: AwardsTable;
  award_revocations: AwardRevocationsTable;
  award_recipient_names: AwardRecipientNamesTable;
  award_tallies: AwardTalliesTable;
  initiatives: InitiativesTable;
  disciplines: DisciplinesTable;
  legal_bases: LegalBasesTable;
  eligibility_rules: EligibilityRulesTable;
  award_money_coefficients: AwardMoneyCoefficientsTable;
  base_salaries: BaseSalariesTable;
  eligibility_caps: EligibilityCapsTable;
  award_procedures: AwardProceduresTable;
  nomination_batches: NominationBatchesTable;
  nomination_candidates: NominationCandidatesTable;
  nomination_events: NominationEventsTable;
  nomination_documents: NominationDocumentsTable;
  notifications: NotificationsTable;
  files: FilesTable;
  consultations: ConsultationsTable;
  consultation_candidates: ConsultationCandidatesTable;
  consultation_comments: ConsultationCommentsTable;
  council_meetings: CouncilMeetingsTable;
  council_agenda_items: CouncilAgendaItemsTable;
  council_attendance: CouncilAttendanceTable;
  council_recusals: CouncilRecusalsTable;
  council_ballots_cast: CouncilBallotsCastTable;
  award_decisions: AwardDecisionsTable;
  award_decision_lines: AwardDecisionLinesTable;
  examples: ExamplesTable;
  example_stage_events: ExampleStageEventsTable;
  example_photos: ExamplePhotosTable;
  unit_reports: UnitReportsTable;
  unit_report_events: UnitReportEventsTable;
  cluster_sheets: ClusterSheetsTable;
  cluster_criteria: ClusterCriteriaTable;
  cluster_scores: ClusterScoresTable;
  cluster_evidence_files: ClusterEvidenceFilesTable;
  cluster_sheet_entries: ClusterSheetEntriesTable;
  cluster_adjustments: ClusterAdjustmentsTable;
  schema_migrations: SchemaMigrationsTable;
}

export type OrganisationRow = Selectable<OrganisationsTable>;
export type PersonRow = Selectable<PeopleTable>;
export type EmploymentRow = Selectable<EmploymentsTable>;
export type NewOrganisation = Insertable<OrganisationsTable>;

/** Typical examples and good deeds (migrations/0016_examples.sql). */
export type ExampleKind = 'typical_example' | 'good_deed';
export type ExampleStage = 'discover' | 'nurture' | 'summarise' | 'replicate';
export type ExampleSubjectKind = 'person' | 'collective' | 'citizen';
export interface ExamplesTable {
  tenant_id: string; id: string; kind: ExampleKind; organisation_id: string; subject_kind: ExampleSubjectKind; person_id: string | null;
  subject_organisation_id: string | null; subject_name: string; subject_detail: string; title: string; story: string;
  movement_id: string | null; stage: ExampleStage; search_fold: string; published_at: Date | null; published_by: string | null;
  created_by: string | null; created_at: Date; updated_at: Date;
}
export interface ExampleStageEventsTable {
  tenant_id: string; id: string; example_id: string; from_stage: ExampleStage | null; to_stage: ExampleStage; note: string;
  actor_user_id: string | null; at: Date;
}
/** 0020: a member's signed evidence (PDF) for a criterion of a cluster score sheet */
export interface ClusterEvidenceFilesTable {
  tenant_id: string; id: string; sheet_id: string; organisation_id: string; criterion_id: string; sha256: string;
  uploaded_by: string | null; uploaded_at: Date;
}
export interface ExamplePhotosTable {
  tenant_id: string; id: string; example_id: string; sha256: string; caption: string; position: number; uploaded_by: string | null;
  uploaded_at: Date;
}
