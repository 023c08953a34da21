export { authRoutes } from './auth-routes.ts';
export { userRoutes } from './user-routes.ts';
