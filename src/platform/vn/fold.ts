/** The one Vietnamese folding lives in src/shared/vn (the browser uses it too); the server reaches it here. */
export { foldVietnamese, foldQuery, normalizeToneMarks } from '../../shared/vn/fold.ts';
