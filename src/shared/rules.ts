import { z } from 'zod';

/**
 * The vocabulary every eligibility rule is written in: the statutory titles and award forms of the
 * catalogue (table `eligibility_rules`) and the criteria of movement plans (Sơn La 2022: "every year
 * 2019–2021 rated good or better, at least one year excellent, and an initiative recognised at base
 * level"). One evaluator reads it in TypeScript with reasons (evaluate.ts) and one compiler turns it into
 * set-based SQL (sql.ts); a test holds the two to the same answers.
 */

/** Annual ratings (xếp loại), best first. */
export const RATINGS = ['excellent', 'good', 'completed', 'not_completed'] as const;
export type Rating = (typeof RATINGS)[number];

/** The level at which an initiative or scientific work was recognised, lowest first. */
export const INITIATIVE_LEVELS = ['base', 'province', 'national'] as const;
export type InitiativeLevel = (typeof INITIATIVE_LEVELS)[number];

/** Disciplinary measures, mildest first (Law on Cadres and Civil Servants, art. 79; Law on Public Employees, art. 52). */
export const DISCIPLINE_FORMS = ['reprimand', 'warning', 'salary_reduction', 'demotion', 'removal', 'dismissal'] as const;
export type DisciplineForm = (typeof DISCIPLINE_FORMS)[number];

/** The ratings at or above `atLeast`. */
export function ratingsAtLeast(atLeast: Rating): Rating[] {
  return RATINGS.slice(0, RATINGS.indexOf(atLeast) + 1);
}
export function levelsAtLeast(atLeast: InitiativeLevel): InitiativeLevel[] {
  return INITIATIVE_LEVELS.slice(INITIATIVE_LEVELS.indexOf(atLeast));
}
export function disciplinesAtLeast(atLeast: DisciplineForm): DisciplineForm[] {
  return DISCIPLINE_FORMS.slice(DISCIPLINE_FORMS.indexOf(atLeast));
}

/**
 * A span of years: absolute ("2019–2021", as movement plans write it) or counted back from the year being
 * judged (`last: 3` = that year and the two before; `before: 1` shifts the span one year back). A
 * relative span without `last` reaches back to the beginning of the record.
 */
export type Years = { from: number; to: number } | { last?: number | undefined; before?: number | undefined };

export type Rule =
  | { type: 'all' | 'any'; rules: Rule[] }
  /** rated at least `atLeast` every year of the span, or in at least `min` of its years */
  | { type: 'rating'; atLeast: Rating; years: Years; min?: number | undefined }
  /** held the emulation title every year of the span (consecutive), or at least `min` times in it */
  | { type: 'title'; awardForm: string; years: Years; min?: number | undefined }
  /** at least `min` (default 1) initiatives or scientific works recognised at `atLeast` or higher in the span */
  | { type: 'initiative'; atLeast: InitiativeLevel; years: Years; min?: number | undefined }
  /** received the award for sustained merit (one-off and thematic awards do not count) in the span */
  | { type: 'award'; awardForm: string; years: Years; min?: number | undefined }
  /** received no award (of that form, or of any form) in the span, for whatever achievement */
  | { type: 'not_awarded'; awardForm?: string | undefined; years: Years }
  /** no disciplinary measure (of `atLeast` or graver) in effect on any day of the span */
  | { type: 'no_discipline'; years: Years; atLeast?: DisciplineForm | undefined }
  /** meets the rule in force for another title or award for the same year (CSTĐ cơ sở: meets LĐTT) */
  | { type: 'qualifies'; awardForm: string }
  /** collectives: more than (`strict`) or at least `percent` % of members rated at least `atLeast` in the year */
  | { type: 'members_rated'; atLeast: Rating; percent: number; strict?: boolean | undefined }
  /** collectives: members holding the title in the year: at least `percent` % (more than, if `strict`) and/or `min` of them */
  | { type: 'members_titled'; awardForm: string; percent?: number | undefined; min?: number | undefined; strict?: boolean | undefined }
  /** collectives: no member under a disciplinary measure of `atLeast` or graver during the year */
  | { type: 'members_no_discipline'; atLeast: DisciplineForm }
  /** a criterion no record can prove ("completed 100% of targets"): an officer attests it */
  | { type: 'attestation'; text: string };

export type RuleType = Rule['type'];

const year = z.number().int().min(1945).max(2100);
const count = z.number().int().min(1).max(50);
const yearsSchema = z.union([
  z.object({ from: year, to: year }).strict().refine((y) => y.to >= y.from, { message: 'rule.years_inverted', path: ['to'] }),
  z.object({ last: count.optional(), before: z.number().int().min(0).max(50).optional() }).strict(),
]);
const percent = z.number().min(0).max(100);
const awardForm = z.string().min(1).max(100);

export const ruleSchema: z.ZodType<Rule> = z.lazy(() => z.discriminatedUnion('type', [
  z.object({ type: z.enum(['all', 'any']), rules: z.array(ruleSchema).min(1).max(20) }).strict(),
  z.object({ type: z.literal('rating'), atLeast: z.enum(RATINGS), years: yearsSchema, min: count.optional() }).strict(),
  z.object({ type: z.literal('title'), awardForm, years: yearsSchema, min: count.optional() }).strict(),
  z.object({ type: z.literal('initiative'), atLeast: z.enum(INITIATIVE_LEVELS), years: yearsSchema, min: count.optional() }).strict(),
  z.object({ type: z.literal('award'), awardForm, years: yearsSchema, min: count.optional() }).strict(),
  z.object({ type: z.literal('not_awarded'), awardForm: awardForm.optional(), years: yearsSchema }).strict(),
  z.object({ type: z.literal('no_discipline'), years: yearsSchema, atLeast: z.enum(DISCIPLINE_FORMS).optional() }).strict(),
  z.object({ type: z.literal('qualifies'), awardForm }).strict(),
  z.object({ type: z.literal('members_rated'), atLeast: z.enum(RATINGS), percent, strict: z.boolean().optional() }).strict(),
  z.object({ type: z.literal('members_titled'), awardForm, percent: percent.optional(), min: count.optional(), strict: z.boolean().optional() }).strict()
    .refine((r) => r.percent !== undefined || r.min !== undefined, { message: 'rule.members_titled_empty' }),
  z.object({ type: z.literal('members_no_discipline'), atLeast: z.enum(DISCIPLINE_FORMS) }).strict(),
  z.object({ type: z.literal('attestation'), text: z.string().trim().min(1).max(2000) }).strict(),
]));
// named in the OpenAPI document (components/schemas/EligibilityRule), which a recursive schema needs
z.globalRegistry.add(ruleSchema, { id: 'EligibilityRule' });

/** The years a span covers when judging `year`, oldest first; `firstYear` bounds an open span. */
export function spanOf(years: Years, judgedYear: number, firstYear = 1945): { from: number; to: number } {
  if ('from' in years && years.from !== undefined) return { from: years.from, to: years.to };
  const relative = years as { last?: number; before?: number };
  const to = judgedYear - (relative.before ?? 0);
  return { from: relative.last === undefined ? firstYear : to - relative.last + 1, to };
}

/** Whether a span is a run of years that must each hold (no `min`) */
export function everyYear(rule: { min?: number | undefined }): boolean {
  return rule.min === undefined;
}

/** Rules that only make sense for a collective's members. */
export const COLLECTIVE_ONLY: readonly RuleType[] = ['members_rated', 'members_titled', 'members_no_discipline'];

/** The award forms a rule refers to (for checking them against the catalogue). */
export function awardFormsIn(rule: Rule): string[] {
  switch (rule.type) {
    case 'all': case 'any': return rule.rules.flatMap(awardFormsIn);
    case 'title': case 'award': case 'qualifies': case 'members_titled': return [rule.awardForm];
    case 'not_awarded': return rule.awardForm ? [rule.awardForm] : [];
    default: return [];
  }
}
