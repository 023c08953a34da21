export { statutoryFormRoutes } from './routes.ts';
