export { type AdministrativeLevel, type OrganisationInput, type OrganisationKind } from './model.ts';
export { organisationRoutes } from './routes.ts';
export { isoDate } from './schemas.ts';
export { visibleOrganisation } from './service.ts';
export { councilOf, findOrganisation, findTreeDefects, membersOn, organisationRow, pathUnder, validOn, type TreeDefect } from './store.ts';
