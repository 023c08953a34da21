import { Container } from '@mantine/core';
import { createRootRoute, createRoute, createRouter, Outlet } from '@tanstack/react-router';
import { UsersPage } from '../features/admin/UsersPage.tsx';
import { AuditPage } from '../features/audit/AuditPage.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { MOVEMENT_TABS, MovementDetailPage, type MovementTab } from '../features/movements/MovementDetailPage.tsx';
import { MovementListPage } from '../features/movements/MovementListPage.tsx';
import { MOVEMENT_STATUSES, type MovementsSearch, type MovementStatus } from '../features/movements/types.ts';
import { HomePage } from '../features/home/HomePage.tsx';
import { ORG_TABS, OrgDetailPage, type OrgTab } from '../features/organisations/OrgDetailPage.tsx';
import { OrgTreePage } from '../features/organisations/OrgTreePage.tsx';
import { PeopleListPage } from '../features/people/PeopleListPage.tsx';
import { PersonPage } from '../features/people/PersonPage.tsx';
import { CataloguePage } from '../features/eligibility/CataloguePage.tsx';
import { STATUSES as ELIGIBILITY_STATUSES, type EligibilitySearch } from '../features/eligibility/types.ts';
import { WhoQualifiesPage } from '../features/eligibility/WhoQualifiesPage.tsx';
import { ImportPage } from '../features/records/ImportPage.tsx';
import { ArchivePage } from '../features/archive/ArchivePage.tsx';
import { validateArchiveSearch } from '../features/archive/types.ts';
import type { PeopleSearch } from '../features/people/types.ts';
import { NotFound } from './NotFound.tsx';
import { SignedIn } from './SignedIn.tsx';

// Code-based route tree; Vietnamese paths are the public addresses of the screens.

const rootRoute = createRootRoute({
  component: Outlet,
  notFoundComponent: () => (
    <Container component="main" py="xl">
      <NotFound />
    </Container>
  ),
});

const loginRoute = createRoute({ getParentRoute: () => rootRoute, path: '/dang-nhap', component: LoginPage });

const appRoute = createRoute({ getParentRoute: () => rootRoute, id: '_app', component: SignedIn });

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: HomePage });

const orgTreeRoute = createRoute({ getParentRoute: () => appRoute, path: '/to-chuc', component: OrgTreePage });

const orgDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/to-chuc/$id',
  component: OrgDetailPage,
  validateSearch: (search: Record<string, unknown>): { tab?: OrgTab } => ({
    tab: (ORG_TABS as readonly unknown[]).includes(search.tab) ? (search.tab as OrgTab) : undefined,
  }),
});

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

const peopleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/ca-nhan',
  component: PeopleListPage,
  validateSearch: (search: Record<string, unknown>): PeopleSearch => {
    const page = Number(search.page);
    return {
      q: text(search.q),
      org: text(search.org),
      gender: search.gender === 'male' || search.gender === 'female' ? search.gender : undefined,
      leader: search.leader === true || search.leader === 'true' ? true : search.leader === false || search.leader === 'false' ? false : undefined,
      page: Number.isInteger(page) && page > 1 ? page : undefined,
    };
  },
});

const personRoute = createRoute({ getParentRoute: () => appRoute, path: '/ca-nhan/$id', component: PersonPage });

const movementsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/phong-trao',
  component: MovementListPage,
  validateSearch: (search: Record<string, unknown>): MovementsSearch => {
    const year = Number(search.year);
    return {
      q: text(search.q),
      status: (MOVEMENT_STATUSES as readonly unknown[]).includes(search.status) ? (search.status as MovementStatus) : undefined,
      year: Number.isInteger(year) && year >= 1945 && year <= 2100 ? year : undefined,
    };
  },
});

const movementDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/phong-trao/$id',
  component: MovementDetailPage,
  validateSearch: (search: Record<string, unknown>): { tab?: MovementTab } => ({
    tab: (MOVEMENT_TABS as readonly unknown[]).includes(search.tab) ? (search.tab as MovementTab) : undefined,
  }),
});

const whoQualifiesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/ai-du-dieu-kien',
  component: WhoQualifiesPage,
  validateSearch: (search: Record<string, unknown>): EligibilitySearch => {
    const year = Number(search.year);
    const page = Number(search.page);
    return {
      org: text(search.org),
      award: text(search.award),
      movement: text(search.movement),
      criterion: text(search.criterion),
      recipient: search.recipient === 'collective' ? 'collective' : search.recipient === 'individual' ? 'individual' : undefined,
      year: Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : undefined,
      status: (ELIGIBILITY_STATUSES as readonly unknown[]).includes(search.status) ? (search.status as EligibilitySearch['status']) : undefined,
      leader: search.leader === true || search.leader === 'true' ? true : search.leader === false || search.leader === 'false' ? false : undefined,
      q: text(search.q),
      page: Number.isInteger(page) && page > 1 ? page : undefined,
    };
  },
});

const recordImportRoute = createRoute({ getParentRoute: () => appRoute, path: '/ho-so/nhap', component: ImportPage });

const archiveRoute = createRoute({
  getParentRoute: () => appRoute, path: '/tra-cuu-khen-thuong', component: ArchivePage, validateSearch: validateArchiveSearch,
});

const catalogueRoute = createRoute({ getParentRoute: () => appRoute, path: '/tieu-chuan', component: CataloguePage });

const usersRoute = createRoute({ getParentRoute: () => appRoute, path: '/quan-tri/nguoi-dung', component: UsersPage });

const auditRoute = createRoute({ getParentRoute: () => appRoute, path: '/nhat-ky', component: AuditPage });

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([homeRoute, movementsRoute, movementDetailRoute, orgTreeRoute, orgDetailRoute, peopleRoute, personRoute,
    whoQualifiesRoute, recordImportRoute, archiveRoute, catalogueRoute, usersRoute, auditRoute]),
]);

export const router = createRouter({ routeTree, scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
