export { statisticsRoutes } from './routes.ts';
export { countedPathFilter, countedPrefixes, loadTree, type CountedPrefix } from './scope.ts';
