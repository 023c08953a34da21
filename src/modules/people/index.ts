export { employmentsDecidingWrites, findOverlap, isCommune, isDirectWorker } from './model.ts';
export { peopleRoutes } from './routes.ts';
export { visiblePerson } from './service.ts';
export { employerOn, employmentsOf, findPerson, nameColumns, residencesOf } from './store.ts';
export { movePeopleOnReorganisation } from './reorganise.ts';
