export { deadlineInstant, diffAgainstParent, inheritPlan, loosenedQuotas, type MovementKind, type MovementStatus } from './model.ts';
export { PHASE_KINDS, phaseInput, type PhaseInput, type PhaseKind } from './phases.ts';
export { PLAN_LISTS, planSchema, type Award, type ParticipantKind, type Plan, type PlanInput, type Quota, type Rule } from './plan.ts';
export { movementRoutes } from './routes.ts';
export { visibleMovement } from './service.ts';
export { NOT_RESPONDING_KINDS, findMovement, phasesOf, planOf, type PhaseRow } from './store.ts';
