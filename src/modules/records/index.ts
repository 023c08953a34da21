export { recordImportRoutes } from './import/routes.ts';
export { AWARD_BASES, AWARD_BASIS_LABELS, DISCIPLINE_LABELS, INITIATIVE_LEVEL_LABELS, RATING_LABELS, type AwardBasis } from './model.ts';
export { recordRoutes } from './routes.ts';
export { subjectInScope } from './service.ts';
export { memberFactsOf, membersOf, membersSql, recordOf, recordsOfMany, type Subject } from './store.ts';
