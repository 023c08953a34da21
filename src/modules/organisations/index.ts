export { UNIT_CODE, type AdministrativeLevel, type OrganisationInput, type OrganisationKind } from './model.ts';
export { organisationRoutes } from './routes.ts';
export { reorganisationRoutes } from './reorganise-routes.ts';
export { type MoveGrantsInput, type MovePeopleInput, type ReorganisationHooks } from './reorganise.ts';
export { isoDate } from './schemas.ts';
export { visibleOrganisation } from './service.ts';
export { councilOf, findOrganisation, findTreeDefects, membersOn, organisationRow, pathUnder, validOn, type TreeDefect } from './store.ts';
