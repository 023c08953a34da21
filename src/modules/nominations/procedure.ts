/** How an award form is decided is part of the tenant's catalogue (eligibility/procedure.ts); nominations read it from there. */
export { defaultProcedure, passes, procedureFor, setProcedure, type Procedure, type ProcedureInput } from '../eligibility/index.ts';
