export { rootOrganisationFor, setupInput, tenantCode, TENANT_KINDS, PLATFORM_TENANT_CODE, type SetupInput } from './model.ts';
export { ROOT_SINCE, SetupRefused, setUpTenant, type SetupResult } from './service.ts';
export { setUpOperator, type OperatorResult } from './operator.ts';
