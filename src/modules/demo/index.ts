export { DEMO_PASSWORD, buildDemoProvince } from './demo-data.ts';
export { loadDemoDataOnce } from './load.ts';
export { buildDemoRecords, organisationCodes, personCodes } from './records.ts';
