export { certificateRoutes } from './routes.ts';
export { certificatesPdf } from './service.ts';
