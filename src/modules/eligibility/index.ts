export { basisOn, loadCatalogue, resolverFor, rulesInForce, type Catalogue, type Recipient } from './catalogue.ts';
export { STATUS_RANK, evaluate, reasons, type Status } from './evaluate.ts';
export { describeNote } from './explain.ts';
export { loadMoneyTables, moneyFor } from './money.ts';
export { eligibilityRoutes } from './routes.ts';
export { factsOf, membersFor, metSubjects, wordsFor } from './service.ts';
export { defaultProcedure, passes, procedureFor, setProcedure, type Procedure, type ProcedureInput } from './procedure.ts';
export { catalogueRoutes } from './forms-routes.ts';
