export { EXAMPLE_STAGES, searchText } from './model.ts';
export { exampleRoutes } from './routes.ts';
