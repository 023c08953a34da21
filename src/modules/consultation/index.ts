export { consultationRoutes } from './routes.ts';
export { assertConsultationDone, consultationsOf } from './service.ts';
