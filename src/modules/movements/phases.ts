import { z } from 'zod';
import { calendarDate } from '../../platform/http/dates.ts';

/** Phases and deadlines of a plan: launch, response plans due, reports, reviews, nominations. */
export const PHASE_KINDS = ['launch', 'response_plan', 'registration', 'periodic_report', 'mid_term_review', 'final_review', 'nomination'] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

const outlineSection: z.ZodType<{ title: string; points: string[] }> = z.object({
  title: z.string().trim().min(1).max(1000),
  points: z.array(z.string().trim().min(1).max(2000)).default([]),
});

export const phaseInput = z.object({
  /** an existing phase of this movement keeps its id (its unit reports hang on it); a new phase has none */
  id: z.uuid().optional(),
  kind: z.enum(PHASE_KINDS),
  title: z.string().trim().min(2).max(500),
  startsOn: calendarDate.nullable().optional(),
  dueOn: calendarDate.nullable().optional(),
  /** who owes it: 'subordinates' (every unit below), 'issuer', or named units in words */
  dueFrom: z.string().trim().max(1000).default('subordinates'),
  /** the report outline (đề cương), when the plan gives one */
  outline: z.array(outlineSection).nullable().optional(),
  /** the parent plan's phase this one came from in a cascade; kept when a draft's phases are saved */
  inheritedFrom: z.uuid().nullable().optional(),
}).refine((p) => !p.startsOn || !p.dueOn || p.dueOn >= p.startsOn, { message: 'movement.window_inverted', path: ['dueOn'] });
export type PhaseInput = z.infer<typeof phaseInput>;
