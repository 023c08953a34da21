export { isLate } from './model.ts';
export { reportRoutes } from './routes.ts';
export { liveFigures, reportsSentToMe } from './service.ts';
export { findPhase } from './store.ts';
