import { Container } from '@mantine/core';
import { createRootRoute, createRoute, createRouter, Outlet } from '@tanstack/react-router';
import { MOVEMENT_STATUSES, MOVEMENT_TABS, type MovementsSearch, type MovementStatus, type MovementTab } from '../features/movements/types.ts';
import { STATUSES as ELIGIBILITY_STATUSES, type EligibilitySearch } from '../features/eligibility/types.ts';
import { BATCH_STATUSES, type BatchStatus } from '../features/nominations/types.ts';
import { validateArchiveSearch, validatePublicArchiveSearch } from '../features/archive/types.ts';
import { validateStatutoryFormsSearch } from '../features/statutory-forms/api.ts';
import { validateStatisticsSearch } from '../features/statistics/types.ts';
import type { PeopleSearch } from '../features/people/types.ts';
import { EXAMPLE_KINDS, EXAMPLE_STAGES, validateBoardSearch, type ExampleKind, type ExamplesSearch, type ExampleStage } from '../features/examples/api.ts';
import type { BatchesSearch } from '../features/nominations/BatchListPage.tsx';
import type { ReportsSearch } from '../features/reports/ReportsPage.tsx';
import type { ClustersSearch } from '../features/clusters/ClusterListPage.tsx';
import { ORG_TABS, type OrgTab } from '../features/organisations/types.ts';
import { Loading } from './Loading.tsx';
import { NotFound } from './NotFound.tsx';
import {
  UsersPage, AuditPage, LoginPage, ForgotPasswordPage, MyAccountPage, SetPasswordPage,
  MovementDetailPage, MovementListPage, HomePage, OrgDetailPage, OrgTreePage, PeopleListPage,
  PersonPage, HolidaysPage, OperatorPage, CataloguePage, AwardFormsPage, RuleEditorPage,
  WhoQualifiesPage, ImportPage, OnboardingPage, VerifyPage, BallotPage, MeetingPage,
  MeetingsPage, CouncilsPage, ClusterSetupPage, BatchDetailPage, BatchListPage, CandidateImportPage, ArchivePage,
  HistoryImportPage, StatutoryFormsPage, StatisticsPage, PublicListPage, PublicConsultationPage, StaffListPage,
  NewConsultationPage, StaffConsultationPage, NewDecisionPage, DecisionPage, ExampleListPage, ExamplePage,
  HonourBoardPage, HonourDetailPage, ReportsPage, ReportPage, CompilationPage, ClusterListPage,
  SheetPage, HouseholdsPage, PublicArchivePage,
} from './pages.ts';
import { SignedIn } from './SignedIn.tsx';
import { useFocusHeadingOnNavigation } from './focusHeading.ts';

// Code-based route tree; Vietnamese paths are the public addresses of the screens.

function Root() {
  useFocusHeadingOnNavigation();
  return <Outlet />;
}

const rootRoute = createRootRoute({
  component: Root,
  notFoundComponent: () => (
    <Container component="main" py="xl">
      <NotFound />
    </Container>
  ),
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute, path: '/dang-nhap', component: LoginPage,
  // the page to go back to after signing in (SignedIn sends it; LoginPage and the server check it)
  validateSearch: (search: Record<string, unknown>): { next?: string } => (typeof search.next === 'string' ? { next: search.next } : {}),
});
// a forgotten password, and the page its mailed one-time link opens: public, like the sign-in page
const forgotPasswordRoute = createRoute({ getParentRoute: () => rootRoute, path: '/quen-mat-khau', component: ForgotPasswordPage });
const setPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/dat-mat-khau',
  validateSearch: (search: Record<string, unknown>): { ma?: string | undefined } => ({ ma: typeof search.ma === 'string' && search.ma !== '' ? search.ma : undefined }),
  component: function SetPasswordRoute() {
    return <SetPasswordPage token={setPasswordRoute.useSearch().ma} />;
  },
});

// Public: the page a certificate's QR code opens, and the form to type a code (no sign-in).
const verifyRoute = createRoute({ getParentRoute: () => rootRoute, path: '/xac-minh', component: () => <VerifyPage /> });
const verifyCodeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/xac-minh/$code',
  component: function VerifyCode() {
    const { code } = verifyCodeRoute.useParams();
    return <VerifyPage key={code} code={code} />;
  },
});
// the public archive: who received what by which published decision, for anyone (?t= names the tenant when several)
const publicArchiveRoute = createRoute({
  getParentRoute: () => rootRoute, path: '/tra-cuu-cong-khai', component: PublicArchivePage, validateSearch: validatePublicArchiveSearch,
});
// public consultation on nominees: like the sign-in page, outside the signed-in layout
const publicConsultationsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/gop-y', component: PublicListPage });
const publicConsultationRoute = createRoute({ getParentRoute: () => rootRoute, path: '/gop-y/$consultationId', component: PublicConsultationPage });

// the public honour board: anyone, no sign-in; ?nhung=1 is the compact form a unit's portal frames
const honourBoardRoute = createRoute({ getParentRoute: () => rootRoute, path: '/guong-dien-hinh', component: HonourBoardPage, validateSearch: validateBoardSearch });
const honourDetailRoute = createRoute({
  getParentRoute: () => rootRoute, path: '/guong-dien-hinh/$id', component: HonourDetailPage,
  validateSearch: (search: Record<string, unknown>): { nhung?: '1' | undefined } => ({ nhung: validateBoardSearch(search).nhung }),
});

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
const onboardingRoute = createRoute({ getParentRoute: () => appRoute, path: '/nhap-du-lieu-ban-dau', component: OnboardingPage });
// households of the communes in scope (issue 14.2)
const householdsRoute = createRoute({ getParentRoute: () => appRoute, path: '/ho-gia-dinh', component: HouseholdsPage });

const archiveRoute = createRoute({
  getParentRoute: () => appRoute, path: '/tra-cuu-khen-thuong', component: ArchivePage, validateSearch: validateArchiveSearch,
});

// the archive of past decisions imported from spreadsheets, and its recipients matched later
const historyImportRoute = createRoute({ getParentRoute: () => appRoute, path: '/tra-cuu-khen-thuong/nhap-lich-su', component: HistoryImportPage });

// the statutory statistical forms (Circular 02/2023/TT-BNV) of a unit and a year, as XLSX
const statutoryFormsRoute = createRoute({
  getParentRoute: () => appRoute, path: '/bieu-mau-thong-ke', component: StatutoryFormsPage, validateSearch: validateStatutoryFormsSearch,
});
// statistics of a subtree and period: tables, charts, XLSX
const statisticsRoute = createRoute({
  getParentRoute: () => appRoute, path: '/thong-ke', component: StatisticsPage, validateSearch: validateStatisticsSearch,
});

const catalogueRoute = createRoute({ getParentRoute: () => appRoute, path: '/tieu-chuan', component: CataloguePage });
const holidaysRoute = createRoute({ getParentRoute: () => appRoute, path: '/ngay-nghi', component: HolidaysPage });
const operatorRoute = createRoute({ getParentRoute: () => appRoute, path: '/van-hanh', component: OperatorPage });
// the tenant's own award catalogue and a form's rule editor (versions, preview)
const awardFormsRoute = createRoute({ getParentRoute: () => appRoute, path: '/danh-muc-khen-thuong', component: AwardFormsPage });
const ruleEditorRoute = createRoute({ getParentRoute: () => appRoute, path: '/danh-muc-khen-thuong/$code/tieu-chuan', component: RuleEditorPage });

const nominationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/de-nghi',
  component: BatchListPage,
  validateSearch: (search: Record<string, unknown>): BatchesSearch => ({
    status: (BATCH_STATUSES as readonly unknown[]).includes(search.status) ? (search.status as BatchStatus) : undefined,
  }),
});

const nominationDetailRoute = createRoute({ getParentRoute: () => appRoute, path: '/de-nghi/$batchId', component: BatchDetailPage });
// a list of candidates from a spreadsheet (issue 17.7)
const candidateImportRoute = createRoute({ getParentRoute: () => appRoute, path: '/de-nghi/$batchId/nhap-danh-sach', component: CandidateImportPage });

const usersRoute = createRoute({ getParentRoute: () => appRoute, path: '/quan-tri/nguoi-dung', component: UsersPage });
// one's own account: e-mail settings and password (the header's signed-in name links here)
const myAccountRoute = createRoute({ getParentRoute: () => appRoute, path: '/tai-khoan', component: MyAccountPage });

const consultationsRoute = createRoute({ getParentRoute: () => appRoute, path: '/lay-y-kien', component: StaffListPage });
const newConsultationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/lay-y-kien/moi',
  component: NewConsultationPage,
  validateSearch: (search: Record<string, unknown>): { batchId?: string } => ({ batchId: text(search.batchId) }),
});
const consultationRoute = createRoute({ getParentRoute: () => appRoute, path: '/lay-y-kien/$consultationId', component: StaffConsultationPage });

const examplesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/dien-hinh',
  component: ExampleListPage,
  validateSearch: (search: Record<string, unknown>): ExamplesSearch => {
    const page = Number(search.page);
    return {
      q: text(search.q),
      unit: text(search.unit),
      kind: (EXAMPLE_KINDS as readonly unknown[]).includes(search.kind) ? (search.kind as ExampleKind) : undefined,
      stage: (EXAMPLE_STAGES as readonly unknown[]).includes(search.stage) ? (search.stage as ExampleStage) : undefined,
      published: search.published === 'true' || search.published === true ? 'true' : search.published === 'false' || search.published === false ? 'false' : undefined,
      page: Number.isInteger(page) && page > 1 ? page : undefined,
    };
  },
});
const exampleRoute = createRoute({ getParentRoute: () => appRoute, path: '/dien-hinh/$id', component: ExamplePage });

const auditRoute = createRoute({ getParentRoute: () => appRoute, path: '/nhat-ky', component: AuditPage });

// the council: the standing agency's meetings, one meeting, and a member's ballot
const councilMeetingsRoute = createRoute({ getParentRoute: () => appRoute, path: '/hoi-dong', component: MeetingsPage });
const councilMeetingRoute = createRoute({ getParentRoute: () => appRoute, path: '/hoi-dong/phien-hop/$meetingId', component: MeetingPage });
const councilBallotRoute = createRoute({ getParentRoute: () => appRoute, path: '/hoi-dong/bo-phieu', component: BallotPage });
// the councils and clusters themselves (issue 14.2)
const councilsRoute = createRoute({ getParentRoute: () => appRoute, path: '/hoi-dong/danh-sach', component: CouncilsPage });
const clusterSetupRoute = createRoute({ getParentRoute: () => appRoute, path: '/cum-khoi/thiet-lap', component: ClusterSetupPage });
// award decisions: the lead's batch page links to /quyet-dinh/moi?awardForm=<code>
const newDecisionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/quyet-dinh/moi',
  validateSearch: (search: Record<string, unknown>): { awardForm?: string | undefined } => ({ awardForm: text(search.awardForm) }),
  component: function NewDecisionRoute() {
    return <NewDecisionPage awardForm={newDecisionRoute.useSearch().awardForm} />;
  },
});

const decisionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/quyet-dinh/$decisionId',
  component: function DecisionRoute() {
    return <DecisionPage decisionId={decisionRoute.useParams().decisionId} />;
  },
});

// unit reports on a phase's outline: what my units owe and receive, one unit's report, a level's compilation
const reportsRoute = createRoute({
  getParentRoute: () => appRoute, path: '/bao-cao', component: ReportsPage,
  validateSearch: (search: Record<string, unknown>): ReportsSearch => ({ phase: text(search.phase) }),
});
const reportRoute = createRoute({ getParentRoute: () => appRoute, path: '/bao-cao/$phaseId/$organisationId', component: ReportPage });
const compilationRoute = createRoute({ getParentRoute: () => appRoute, path: '/bao-cao/tong-hop/$phaseId/$organisationId', component: CompilationPage });
// cluster and block scoring: my clusters by year, and one score sheet
const clustersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cum-khoi',
  component: ClusterListPage,
  validateSearch: (search: Record<string, unknown>): ClustersSearch => {
    const year = Number(search.year);
    return { year: Number.isInteger(year) && year >= 1945 && year <= 2100 ? year : undefined };
  },
});
const clusterSheetRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cum-khoi/$sheetId',
  component: function ClusterSheetRoute() {
    const { sheetId } = clusterSheetRoute.useParams();
    return <SheetPage key={sheetId} sheetId={sheetId} />;
  },
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  forgotPasswordRoute,
  setPasswordRoute,
  verifyRoute,
  verifyCodeRoute,
  publicArchiveRoute,
  publicConsultationsRoute,
  publicConsultationRoute,
  honourBoardRoute,
  honourDetailRoute,
  appRoute.addChildren([homeRoute, movementsRoute, movementDetailRoute, orgTreeRoute, orgDetailRoute, peopleRoute, personRoute,
    whoQualifiesRoute, recordImportRoute, onboardingRoute, catalogueRoute, holidaysRoute, operatorRoute, awardFormsRoute, ruleEditorRoute, usersRoute, auditRoute, consultationsRoute, newConsultationRoute, consultationRoute,
    councilMeetingsRoute, councilMeetingRoute, councilBallotRoute, councilsRoute, clusterSetupRoute, newDecisionRoute, decisionRoute, nominationsRoute, nominationDetailRoute, candidateImportRoute,
    archiveRoute, historyImportRoute, statutoryFormsRoute, examplesRoute, exampleRoute, reportsRoute, reportRoute, compilationRoute, clustersRoute, clusterSheetRoute, statisticsRoute,
    myAccountRoute, householdsRoute]),
]);

export const router = createRouter({
  routeTree,
  scrollRestoration: true,
  // a page's chunk is fetched when a link to it is hovered or focused, and while it loads the spinner shows
  defaultPreload: 'intent',
  defaultPendingComponent: Loading,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
