import type { FastifyInstance } from 'fastify';
import { buildHttpApp, type BuildOptions } from '../platform/http/app.ts';
import type { AppDeps } from '../platform/http/context.ts';
import { registerModules } from './modules.ts';

/** The app: platform's HTTP shell with every module's routes mounted (platform never imports a module; this file joins them). */
export function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  return buildHttpApp(deps, registerModules, options);
}
