import { lazyRouteComponent } from '@tanstack/react-router';
import { withAllStyles } from './styles.ts';

// Each page is its own chunk, fetched when its route is first visited or a link to it is pointed at (the router's
// defaultPreload), so that the first page loads the shell and itself, not the whole app. The sign-in page and the
// dashboard, the first pages a person sees, have their styles in the entry; the others bring all the styles (styles.ts).
export const UsersPage = lazyRouteComponent(withAllStyles(() => import('../features/admin/UsersPage.tsx')), 'UsersPage');
export const AuditPage = lazyRouteComponent(withAllStyles(() => import('../features/audit/AuditPage.tsx')), 'AuditPage');
export const LoginPage = lazyRouteComponent(() => import('../features/auth/LoginPage.tsx'), 'LoginPage');
export const ForgotPasswordPage = lazyRouteComponent(withAllStyles(() => import('../features/account/ForgotPasswordPage.tsx')), 'ForgotPasswordPage');
export const MyAccountPage = lazyRouteComponent(withAllStyles(() => import('../features/account/MyAccountPage.tsx')), 'MyAccountPage');
export const SetPasswordPage = lazyRouteComponent(withAllStyles(() => import('../features/account/SetPasswordPage.tsx')), 'SetPasswordPage');
export const MovementDetailPage = lazyRouteComponent(withAllStyles(() => import('../features/movements/MovementDetailPage.tsx')), 'MovementDetailPage');
export const MovementListPage = lazyRouteComponent(withAllStyles(() => import('../features/movements/MovementListPage.tsx')), 'MovementListPage');
export const HomePage = lazyRouteComponent(() => import('../features/home/HomePage.tsx'), 'HomePage');
export const OrgDetailPage = lazyRouteComponent(withAllStyles(() => import('../features/organisations/OrgDetailPage.tsx')), 'OrgDetailPage');
export const OrgTreePage = lazyRouteComponent(withAllStyles(() => import('../features/organisations/OrgTreePage.tsx')), 'OrgTreePage');
export const PeopleListPage = lazyRouteComponent(withAllStyles(() => import('../features/people/PeopleListPage.tsx')), 'PeopleListPage');
export const PersonPage = lazyRouteComponent(withAllStyles(() => import('../features/people/PersonPage.tsx')), 'PersonPage');
export const HolidaysPage = lazyRouteComponent(withAllStyles(() => import('../features/calendar/HolidaysPage.tsx')), 'HolidaysPage');
export const OperatorPage = lazyRouteComponent(withAllStyles(() => import('../features/calendar/OperatorPage.tsx')), 'OperatorPage');
export const CataloguePage = lazyRouteComponent(withAllStyles(() => import('../features/eligibility/CataloguePage.tsx')), 'CataloguePage');
export const AwardFormsPage = lazyRouteComponent(withAllStyles(() => import('../features/eligibility/AwardFormsPage.tsx')), 'AwardFormsPage');
export const RuleEditorPage = lazyRouteComponent(withAllStyles(() => import('../features/eligibility/RuleEditorPage.tsx')), 'RuleEditorPage');
export const WhoQualifiesPage = lazyRouteComponent(withAllStyles(() => import('../features/eligibility/WhoQualifiesPage.tsx')), 'WhoQualifiesPage');
export const ImportPage = lazyRouteComponent(withAllStyles(() => import('../features/records/ImportPage.tsx')), 'ImportPage');
export const OnboardingPage = lazyRouteComponent(withAllStyles(() => import('../features/onboarding/OnboardingPage.tsx')), 'OnboardingPage');
export const VerifyPage = lazyRouteComponent(withAllStyles(() => import('../features/verify/VerifyPage.tsx')), 'VerifyPage');
export const BallotPage = lazyRouteComponent(withAllStyles(() => import('../features/council/BallotPage.tsx')), 'BallotPage');
export const MeetingPage = lazyRouteComponent(withAllStyles(() => import('../features/council/MeetingPage.tsx')), 'MeetingPage');
export const MeetingsPage = lazyRouteComponent(withAllStyles(() => import('../features/council/MeetingsPage.tsx')), 'MeetingsPage');
export const CouncilsPage = lazyRouteComponent(withAllStyles(() => import('../features/council/CouncilsPage.tsx')), 'CouncilsPage');
export const ClusterSetupPage = lazyRouteComponent(withAllStyles(() => import('../features/clusters/SetupPage.tsx')), 'ClusterSetupPage');
export const BatchDetailPage = lazyRouteComponent(withAllStyles(() => import('../features/nominations/BatchDetailPage.tsx')), 'BatchDetailPage');
export const CandidateImportPage = lazyRouteComponent(withAllStyles(() => import('../features/nominations/CandidateImportPage.tsx')), 'CandidateImportPage');
export const BatchListPage = lazyRouteComponent(withAllStyles(() => import('../features/nominations/BatchListPage.tsx')), 'BatchListPage');
export const ArchivePage = lazyRouteComponent(withAllStyles(() => import('../features/archive/ArchivePage.tsx')), 'ArchivePage');
export const PublicArchivePage = lazyRouteComponent(withAllStyles(() => import('../features/archive/PublicArchivePage.tsx')), 'PublicArchivePage');
export const HistoryImportPage = lazyRouteComponent(withAllStyles(() => import('../features/archive/history/HistoryImportPage.tsx')), 'HistoryImportPage');
export const StatutoryFormsPage = lazyRouteComponent(withAllStyles(() => import('../features/statutory-forms/StatutoryFormsPage.tsx')), 'StatutoryFormsPage');
export const StatisticsPage = lazyRouteComponent(withAllStyles(() => import('../features/statistics/StatisticsPage.tsx')), 'StatisticsPage');
export const PublicListPage = lazyRouteComponent(withAllStyles(() => import('../features/consultation/PublicListPage.tsx')), 'PublicListPage');
export const PublicConsultationPage = lazyRouteComponent(withAllStyles(() => import('../features/consultation/PublicConsultationPage.tsx')), 'PublicConsultationPage');
export const StaffListPage = lazyRouteComponent(withAllStyles(() => import('../features/consultation/StaffListPage.tsx')), 'StaffListPage');
export const NewConsultationPage = lazyRouteComponent(withAllStyles(() => import('../features/consultation/NewConsultationPage.tsx')), 'NewConsultationPage');
export const StaffConsultationPage = lazyRouteComponent(withAllStyles(() => import('../features/consultation/StaffConsultationPage.tsx')), 'StaffConsultationPage');
export const NewDecisionPage = lazyRouteComponent(withAllStyles(() => import('../features/decisions/NewDecisionPage.tsx')), 'NewDecisionPage');
export const DecisionPage = lazyRouteComponent(withAllStyles(() => import('../features/decisions/DecisionPage.tsx')), 'DecisionPage');
export const ExampleListPage = lazyRouteComponent(withAllStyles(() => import('../features/examples/ExampleListPage.tsx')), 'ExampleListPage');
export const ExamplePage = lazyRouteComponent(withAllStyles(() => import('../features/examples/ExamplePage.tsx')), 'ExamplePage');
export const HonourBoardPage = lazyRouteComponent(withAllStyles(() => import('../features/examples/HonourBoardPage.tsx')), 'HonourBoardPage');
export const HonourDetailPage = lazyRouteComponent(withAllStyles(() => import('../features/examples/HonourDetailPage.tsx')), 'HonourDetailPage');
export const ReportsPage = lazyRouteComponent(withAllStyles(() => import('../features/reports/ReportsPage.tsx')), 'ReportsPage');
export const ReportPage = lazyRouteComponent(withAllStyles(() => import('../features/reports/ReportPage.tsx')), 'ReportPage');
export const CompilationPage = lazyRouteComponent(withAllStyles(() => import('../features/reports/CompilationPage.tsx')), 'CompilationPage');
export const ClusterListPage = lazyRouteComponent(withAllStyles(() => import('../features/clusters/ClusterListPage.tsx')), 'ClusterListPage');
export const SheetPage = lazyRouteComponent(withAllStyles(() => import('../features/clusters/SheetPage.tsx')), 'SheetPage');
export const HouseholdsPage = lazyRouteComponent(withAllStyles(() => import('../features/households/HouseholdsPage.tsx')), 'HouseholdsPage');

