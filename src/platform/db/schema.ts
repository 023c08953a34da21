import type { Insertable, Selectable } from 'kysely';
import type * as Generated from './schema.generated.ts';

/**
 * Row types of the tables in migrations/. They are generated from a migrated database into
 * schema.generated.ts (`npm run db:types`; schema-types.db.test.ts fails while that file is stale), so a
 * migration and its TypeScript mirror cannot drift apart. This file only names what the code talks about.
 *
 * How values come back (database.ts): dates of the domain are calendar dates, 'YYYY-MM-DD' strings;
 * bigint (đồng, counts) a number; numeric (coefficients, percentages, points) a string; jsonb `unknown`,
 * written as a JSON string; a column with a default is optional on insert; a CHECK (col IN (…)) is a union.
 */
export type * from './schema.generated.ts';

/**
 * The database as Kysely sees it: the generated interface itself. Narrowing a column is done in SQL (a
 * CHECK the generator reads as a union, e.g. 0037), not by a mapped type over every table here, which every
 * query would pay for in type-checking.
 */
export type Database = Generated.Database;

export type Role = Generated.RoleGrantsTable['role'];
/** 0023: a province, a ministry, a commune or another body that runs its own TĐKT work */
export type TenantKind = Selectable<Generated.TenantsTable>['kind'];
/** 0022: how an account wants notices by e-mail: each as it happens, a daily digest, or none */
export type EmailNotices = Selectable<Generated.UsersTable>['email_notices'];
export type RatingValue = Generated.AnnualRatingsTable['rating'];
export type AwardBasis = Generated.AwardsTable['basis'];
/** 0018: what the statistics count (archive/tallies.ts keeps award_tallies) */
export type TallyScope = Generated.AwardTalliesTable['scope'];
export type DisciplineFormValue = Generated.DisciplinesTable['form'];

export type NominationKind = Generated.NominationBatchesTable['kind'];
export type BatchStatus = Generated.NominationBatchesTable['status'];
export type CandidateStatus = Generated.NominationCandidatesTable['status'];
export type DocumentKind = Generated.NominationDocumentsTable['kind'];

export type ConsultationStatus = Generated.ConsultationsTable['status'];
export type CommentStatus = Generated.ConsultationCommentsTable['status'];
export type MeetingStatus = Generated.CouncilMeetingsTable['status'];
export type AgendaOutcome = Selectable<Generated.CouncilAgendaItemsTable>['outcome'];
export type RecusalReason = Generated.CouncilRecusalsTable['reason'];
export type DecisionStatus = Generated.AwardDecisionsTable['status'];

/** 0014: a unit's report on a phase's outline (src/modules/reports) */
export type UnitReportStatus = Selectable<Generated.UnitReportsTable>['status'];

/** Cluster and block scoring (0015); points are numeric, read as strings */
export type SheetStatus = Selectable<Generated.ClusterSheetsTable>['status'];
export type CriterionKind = Generated.ClusterCriteriaTable['kind'];

/** Typical examples and good deeds (0016) */
export type ExampleKind = Generated.ExamplesTable['kind'];
export type ExampleStage = Selectable<Generated.ExamplesTable>['stage'];
export type ExampleSubjectKind = Generated.ExamplesTable['subject_kind'];

export type OrganisationRow = Selectable<Generated.OrganisationsTable>;
export type PersonRow = Selectable<Generated.PeopleTable>;
export type EmploymentRow = Selectable<Generated.EmploymentsTable>;
export type NewOrganisation = Insertable<Generated.OrganisationsTable>;
