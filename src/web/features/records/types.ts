import type { Role } from '../../app/auth.tsx';

/** Whose record: a person's, or a collective's (an organisation). */
export interface Subject {
  kind: 'person' | 'collective';
  id: string;
}

export const RATINGS = ['excellent', 'good', 'completed', 'not_completed'] as const;
export type Rating = (typeof RATINGS)[number];
export const DISCIPLINE_FORMS = ['reprimand', 'warning', 'salary_reduction', 'demotion', 'removal', 'dismissal'] as const;
export type DisciplineForm = (typeof DISCIPLINE_FORMS)[number];
export const INITIATIVE_LEVELS = ['base', 'province', 'national'] as const;
export type InitiativeLevel = (typeof INITIATIVE_LEVELS)[number];
export const INITIATIVE_KINDS = ['initiative', 'scientific_work'] as const;
export type InitiativeKind = (typeof INITIATIVE_KINDS)[number];
export const AWARD_BASES = ['merit', 'thematic', 'one_off', 'long_service'] as const;
export type AwardBasis = (typeof AWARD_BASES)[number];
export const RECORD_KINDS = ['ratings', 'awards', 'initiatives', 'disciplines'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** The decision (or other document) an entry rests on; empty strings when not known. */
export interface Source {
  number: string;
  date: string | null;
  issuer: string;
}

export interface RatingEntry { id: string; year: number; rating: Rating; source: Source }
export interface AwardEntry {
  id: string;
  awardForm: string;
  awardFormName: string;
  category: 'title' | 'award';
  level: string;
  year: number;
  basis: AwardBasis;
  reason: string;
  movementId: string | null;
  decisionNumber: string;
  decidedOn: string | null;
  decidedBy: string;
  revokedOn: string | null;
  revocationNumber: string | null;
  /** printed under the certificate's QR code; null: the award cannot be checked publicly */
  verificationCode: string | null;
  /** a certificate can be printed (its form has one, it has a code, it is not revoked) */
  printable: boolean;
}
export interface InitiativeEntry {
  id: string;
  kind: InitiativeKind;
  title: string;
  level: InitiativeLevel;
  year: number;
  recognisedOn: string | null;
  effect: string;
  source: Source;
}
export interface DisciplineEntry {
  id: string;
  form: DisciplineForm;
  startsOn: string;
  endsOn: string | null;
  reason: string;
  source: Source;
}

export interface RecordData {
  subject: { kind: 'person' | 'collective'; id: string; name: string };
  ratings: RatingEntry[];
  awards: AwardEntry[];
  initiatives: InitiativeEntry[];
  disciplines: DisciplineEntry[];
}

/** Who may enter records (the server checks the subtree too; a 403 is shown as it comes). */
export const RECORD_WRITERS: Role[] = ['system_admin', 'standing_officer', 'unit_officer'];
/** Who may read records of others and use the eligibility list. */
export const RECORD_READERS: Role[] = ['system_admin', 'standing_officer', 'unit_officer', 'unit_head', 'council_member'];

/** One line of the timeline: a year, the kind and the entry. */
export type TimelineEntry =
  | { kind: 'ratings'; year: number; entry: RatingEntry }
  | { kind: 'awards'; year: number; entry: AwardEntry }
  | { kind: 'initiatives'; year: number; entry: InitiativeEntry }
  | { kind: 'disciplines'; year: number; entry: DisciplineEntry };

const KIND_ORDER: Record<RecordKind, number> = { ratings: 0, awards: 1, initiatives: 2, disciplines: 3 };

/** The record as years, newest first; within a year: rating, titles and awards, initiatives, discipline. */
export function timeline(record: RecordData): Array<{ year: number; entries: TimelineEntry[] }> {
  const all: TimelineEntry[] = [
    ...record.ratings.map((entry) => ({ kind: 'ratings' as const, year: entry.year, entry })),
    ...record.awards.map((entry) => ({ kind: 'awards' as const, year: entry.year, entry })),
    ...record.initiatives.map((entry) => ({ kind: 'initiatives' as const, year: entry.year, entry })),
    ...record.disciplines.map((entry) => ({ kind: 'disciplines' as const, year: Number(entry.startsOn.slice(0, 4)), entry })),
  ];
  const years = new Map<number, TimelineEntry[]>();
  for (const item of all) years.set(item.year, [...(years.get(item.year) ?? []), item]);
  return [...years.entries()]
    .sort(([a], [b]) => b - a)
    .map(([year, entries]) => ({ year, entries: entries.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]) }));
}
