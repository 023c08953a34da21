import type { AppDeps, ZodApp } from '../platform/http/context.ts';
import { healthRoutes } from '../modules/health/index.ts';
import { authRoutes, moveGrantsOnReorganisation, ownAccountRoutes, passwordRoutes, ssoRoutes, userRoutes } from '../modules/accounts/index.ts';
import { organisationRoutes, reorganisationRoutes } from '../modules/organisations/index.ts';
import { movePeopleOnReorganisation, peopleRoutes } from '../modules/people/index.ts';
import { auditRoutes } from '../modules/audit/index.ts';
import { movementRoutes } from '../modules/movements/index.ts';
import { recordImportRoutes, recordRoutes } from '../modules/records/index.ts';
import { catalogueRoutes, eligibilityRoutes } from '../modules/eligibility/index.ts';
import { nominationRoutes } from '../modules/nominations/index.ts';
import { notificationRoutes } from '../modules/notifications/index.ts';
import { certificateRoutes } from '../modules/certificates/index.ts';
import { consultationRoutes } from '../modules/consultation/index.ts';
import { councilRoutes } from '../modules/council/index.ts';
import { decisionRoutes } from '../modules/decisions/index.ts';
import { archiveRoutes } from '../modules/archive/index.ts';
import { statutoryFormRoutes } from '../modules/statutory-forms/index.ts';
import { exampleRoutes } from '../modules/examples/index.ts';
import { dashboardRoutes } from '../modules/dashboard/index.ts';
import { reportRoutes } from '../modules/reports/index.ts';
import { clusterRoutes } from '../modules/clusters/index.ts';
import { statisticsRoutes } from '../modules/statistics/index.ts';
import { onboardingRoutes } from '../modules/onboarding/index.ts';
import { calendarRoutes } from '../modules/calendar/index.ts';

/** Every module's HTTP surface, mounted under /api. */
export async function registerModules(app: ZodApp, deps: AppDeps): Promise<void> {
  await healthRoutes(app, deps);
  await authRoutes(app, deps);
  await passwordRoutes(app, deps);
  await ssoRoutes(app, deps);
  await ownAccountRoutes(app, deps);
  await userRoutes(app, deps);
  await organisationRoutes(app, deps);
  // merging and splitting units moves people and role grants: the higher modules act through callbacks
  await reorganisationRoutes(app, deps, { movePeople: movePeopleOnReorganisation, moveGrants: moveGrantsOnReorganisation });
  await peopleRoutes(app, deps);
  await auditRoutes(app, deps);
  await movementRoutes(app, deps);
  await recordImportRoutes(app, deps);
  await recordRoutes(app, deps);
  await eligibilityRoutes(app, deps);
  await catalogueRoutes(app, deps);
  await nominationRoutes(app, deps);
  await notificationRoutes(app, deps);
  await certificateRoutes(app, deps);
  await consultationRoutes(app, deps);
  await councilRoutes(app, deps);
  await decisionRoutes(app, deps);
  await archiveRoutes(app, deps);
  await statutoryFormRoutes(app, deps);
  await exampleRoutes(app, deps);
  await dashboardRoutes(app, deps);
  await reportRoutes(app, deps);
  await clusterRoutes(app, deps);
  await statisticsRoutes(app, deps);
  await onboardingRoutes(app, deps);
  await calendarRoutes(app, deps);
}
