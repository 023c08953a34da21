import type { AppDeps, ZodApp } from '../platform/http/context.ts';
import { healthRoutes } from './health/routes.ts';
import { authRoutes } from './accounts/auth-routes.ts';
import { userRoutes } from './accounts/user-routes.ts';
import { organisationRoutes } from './organisations/routes.ts';
import { peopleRoutes } from './people/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { movementRoutes } from './movements/routes.ts';
import { recordImportRoutes } from './records/import/routes.ts';
import { recordRoutes } from './records/routes.ts';
import { eligibilityRoutes } from './eligibility/routes.ts';
import { nominationRoutes } from './nominations/routes.ts';
import { notificationRoutes } from './notifications/routes.ts';
import { certificateRoutes } from './certificates/routes.ts';
import { consultationRoutes } from './consultation/routes.ts';
import { councilRoutes } from './council/routes.ts';
import { decisionRoutes } from './decisions/routes.ts';
import { archiveRoutes } from './archive/routes.ts';
import { statisticsRoutes } from './statistics/routes.ts';

/** Every module's HTTP surface, mounted under /api. */
export async function registerModules(app: ZodApp, deps: AppDeps): Promise<void> {
  await healthRoutes(app, deps);
  await authRoutes(app, deps);
  await userRoutes(app, deps);
  await organisationRoutes(app, deps);
  await peopleRoutes(app, deps);
  await auditRoutes(app, deps);
  await movementRoutes(app, deps);
  await recordImportRoutes(app, deps);
  await recordRoutes(app, deps);
  await eligibilityRoutes(app, deps);
  await nominationRoutes(app, deps);
  await notificationRoutes(app, deps);
  await certificateRoutes(app, deps);
  await consultationRoutes(app, deps);
  await councilRoutes(app, deps);
  await decisionRoutes(app, deps);
  await archiveRoutes(app, deps);
  await statisticsRoutes(app, deps);
}
