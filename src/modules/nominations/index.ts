export { passes, procedureFor, type Procedure } from './procedure.ts';
export { nominationRoutes } from './routes.ts';
export { addCandidate, authorityPath, can, createBatch, rootPathOf, visibleBatch } from './service.ts';
export { candidatesOf, currentDocumentsOf, findBatch, lockBatch, type BatchRow, type CandidateRow } from './store.ts';
export { closeIfDone, moveCandidate } from './transitions.ts';
export { BATCH_TRANSITIONS, type BatchAction } from './workflow.ts';
export { assertListReviewed } from './desk.ts';
