export { ballotSecretOf, councilRoutes } from './routes.ts';
export { ballotsOf } from './service.ts';
