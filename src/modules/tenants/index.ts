export { rootOrganisationFor, setupInput, tenantCode, TENANT_KINDS, type SetupInput } from './model.ts';
export { ROOT_SINCE, SetupRefused, setUpTenant, type SetupResult } from './service.ts';
