export { authRoutes } from './auth-routes.ts';
export { userRoutes } from './user-routes.ts';
export { passwordRoutes } from './password-routes.ts';
export { ssoRoutes } from './sso-routes.ts';
export { ownAccountRoutes } from './own-account-routes.ts';
export { moveGrantsOnReorganisation } from './reorganise.ts';
