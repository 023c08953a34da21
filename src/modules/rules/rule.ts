/** The rule vocabulary lives in src/shared/rules.ts: the browser's rule editor validates with the same schema. */
export * from '../../shared/rules.ts';
