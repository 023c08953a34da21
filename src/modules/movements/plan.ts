import { z } from 'zod';
import { ruleSchema } from '../rules/index.ts';
import { calendarDate } from '../../platform/http/dates.ts';

/**
 * The body of a movement's plan as structure, not one blob: every item has a stable id, and an item
 * copied from the parent movement in a cascade keeps `inheritedFrom` = the parent item's id, so what a
 * subordinate added or changed can be shown against its parent.
 */
const id = z.uuid();
const inheritedFrom = z.uuid().nullable().default(null);
const text = z.string().trim().min(1).max(20_000);
const isoDate = calendarDate;

export const PARTICIPANT_KINDS = ['collective', 'individual', 'household', 'enterprise', 'cooperative', 'citizen'] as const;
export const participantKind = z.enum(PARTICIPANT_KINDS);
export type ParticipantKind = z.infer<typeof participantKind>;

/**
 * A criterion that records can prove is written in the eligibility vocabulary (eligibility/rule.ts), e.g.
 * Sơn La 2022: every year 2019–2021 rated good or better, at least one excellent, and an initiative
 * recognised at base level.
 */
export { ruleSchema, type Rule } from '../rules/index.ts';

const paragraph = z.object({ id, inheritedFrom, text });

export const contentSchema = z.object({
  id, inheritedFrom,
  participantKind,
  title: z.string().trim().max(1000).default(''),
  text,
  /** sub-points a), b), c)… */
  points: z.array(paragraph).default([]),
});

export const criterionSchema = z.object({
  id, inheritedFrom,
  awardForm: z.string().min(1),
  participantKind,
  text,
  rule: ruleSchema.nullable().default(null),
});

/** A quota: at most so many per proposing unit (or per unit of a named group), by recipient kind. */
export const quotaSchema = z.object({
  id, inheritedFrom,
  appliesTo: z.object({
    /** the units this quota is for; empty = every proposing unit */
    organisationIds: z.array(z.uuid()).default([]),
    /** how the plan words the group ("mỗi đơn vị thành viên cụm, khối") */
    label: z.string().max(500).default(''),
  }),
  collectives: z.number().int().min(0).nullable().default(null),
  individuals: z.number().int().min(0).nullable().default(null),
  total: z.number().int().min(0).nullable().default(null),
});
export type Quota = z.infer<typeof quotaSchema>;

export const windowSchema = z.object({ opens: isoDate, closes: isoDate })
  .refine((w) => w.closes >= w.opens, { message: 'movement.window_inverted', path: ['closes'] });

export const awardSchema = z.object({
  id, inheritedFrom,
  /** the phase key this award belongs to (mid-term review, final review, campaign end) */
  phase: z.string().max(100).default(''),
  awardForm: z.string().min(1),
  recipients: z.array(z.enum(['collective', 'individual', 'household'])).min(1),
  proposedBy: z.string().max(1000).default(''),
  quotas: z.array(quotaSchema).default([]),
  priorities: z.array(paragraph).default([]),
  exclusions: z.array(paragraph).default([]),
  dossier: z.array(paragraph).default([]),
  window: windowSchema.nullable().default(null),
});
export type Award = z.infer<typeof awardSchema>;

export const taskSchema = z.object({
  id, inheritedFrom,
  ownerOrganisationId: z.uuid().nullable().default(null),
  ownerName: z.string().trim().min(1).max(500),
  text,
  dueOn: isoDate.nullable().default(null),
});

export const legalBasisSchema = z.object({
  id, inheritedFrom,
  text,
  /** the higher movement in the system this plan implements, when there is one */
  movementId: z.uuid().nullable().default(null),
});

export const signerSchema = z.object({
  authority: z.enum(['TM.', 'KT.', 'TL.', 'Q.']).nullable().default(null),
  authorityBody: z.string().max(300).default(''),
  title: z.string().max(300).default(''),
  name: z.string().max(200).default(''),
});

export const planSchema = z.object({
  legalBases: z.array(legalBasisSchema).default([]),
  purposes: z.array(paragraph).default([]),
  requirements: z.array(paragraph).default([]),
  participants: z.array(z.object({ id, inheritedFrom, kind: participantKind, scope: z.string().max(5000).default('') })).default([]),
  contents: z.array(contentSchema).default([]),
  criteria: z.array(criterionSchema).default([]),
  awards: z.array(awardSchema).default([]),
  tasks: z.array(taskSchema).default([]),
  recipients: z.array(z.string().max(300)).default([]),
  signer: signerSchema.default({ authority: null, authorityBody: '', title: '', name: '' }),
});
export type Plan = z.infer<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;

/** The lists of a plan whose items carry ids and can be inherited. */
export const PLAN_LISTS = ['legalBases', 'purposes', 'requirements', 'participants', 'contents', 'criteria', 'awards', 'tasks'] as const;
export type PlanList = (typeof PLAN_LISTS)[number];
