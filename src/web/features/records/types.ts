import type { Role } from '../../app/auth.tsx';
import { allOf, type ApiPath, type ApiResponse } from '../../api/types.ts';

/** Whose record: a person's, or a collective's (an organisation). */
export type Subject = Pick<RecordData['subject'], 'kind' | 'id'>;

/** GET /api/people/{id}/record (a collective's, /api/organisations/{id}/record, answers the same), as the server's schema says (src/web/api/openapi.ts) */
export type RecordData = ApiResponse<'/api/people/{id}/record', 'get'>;
export type RatingEntry = RecordData['ratings'][number];
export type AwardEntry = RecordData['awards'][number];
export type InitiativeEntry = RecordData['initiatives'][number];
export type DisciplineEntry = RecordData['disciplines'][number];
/** The decision (or other document) an entry rests on; empty strings when not known. */
export type Source = RatingEntry['source'];

export const RATINGS = allOf<RatingEntry['rating']>()(['excellent', 'good', 'completed', 'not_completed']);
export type Rating = (typeof RATINGS)[number];
export const DISCIPLINE_FORMS = allOf<DisciplineEntry['form']>()(['reprimand', 'warning', 'salary_reduction', 'demotion', 'removal', 'dismissal']);
export type DisciplineForm = (typeof DISCIPLINE_FORMS)[number];
export const INITIATIVE_LEVELS = allOf<InitiativeEntry['level']>()(['base', 'province', 'national']);
export type InitiativeLevel = (typeof INITIATIVE_LEVELS)[number];
export const INITIATIVE_KINDS = allOf<InitiativeEntry['kind']>()(['initiative', 'scientific_work']);
export type InitiativeKind = (typeof INITIATIVE_KINDS)[number];
export const AWARD_BASES = allOf<AwardEntry['basis']>()(['merit', 'thematic', 'one_off', 'long_service']);
export type AwardBasis = (typeof AWARD_BASES)[number];
export const RECORD_KINDS = allOf<ApiPath<'/api/records/{kind}/{id}', 'delete'>['kind']>()(['ratings', 'awards', 'initiatives', 'disciplines']);
export type RecordKind = (typeof RECORD_KINDS)[number];

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
