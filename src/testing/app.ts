import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app/build.ts';
import type { AppDeps } from '../platform/http/context.ts';
import type { BuildOptions } from '../platform/http/app.ts';
import { readConfig, type Config } from '../platform/config.ts';
import type { DatabaseHandle } from '../platform/db/database.ts';
import type { Clock } from '../platform/vn/clock.ts';
import { openFileStore } from '../platform/storage/open.ts';
import { TEST_PASSWORD } from './factories.ts';
import { smtpMailer } from '../platform/mail/mailer.ts';

/** A clock tests can move: sessions expire, lockouts end. */
export class TestClock implements Clock {
  constructor(private current = new Date('2026-11-21T03:00:00Z')) {}
  now() { return new Date(this.current); }
  advanceMinutes(minutes: number) { this.current = new Date(this.current.getTime() + minutes * 60_000); }
  set(iso: string) { this.current = new Date(iso); }
}

/** The real app on a real database, driven through Fastify's request injection (the full HTTP stack). */
export async function startTestApp(handle: DatabaseHandle, config: Partial<Config> = {}, options: Pick<BuildOptions, 'logStream'> = {}) {
  const clock = new TestClock();
  const deps = testDeps(handle, clock, config);
  const app = await buildTestApp(deps, options);
  await app.ready();
  return { app, clock, deps };
}

/** The real app without the web build, not yet ready: a test may add routes of its own before `ready()`. */
export function buildTestApp(deps: AppDeps, options: Pick<BuildOptions, 'logStream'> = {}) {
  return buildApp(deps, { webDist: null, ...options });
}

/** The ballot secret of test apps (fixtures that open a ballot as rows seal with it too). */
export const TEST_BALLOT_SECRET = 'test-ballot-secret-0123456789abcdef-not-for-production';

/** The app's dependencies for a test: uploaded files go to a fresh temp directory (the OS cleans it). */
export function testDeps(handle: DatabaseHandle, clock: Clock, config: Partial<Config> = {}): AppDeps {
  const storage = config.storage ?? { kind: 'local' as const, dir: mkdtempSync(path.join(os.tmpdir(), 'thidua-files-')) };
  const full: Config = { ...readConfig({}), loadDemoData: false, ballotSecret: TEST_BALLOT_SECRET, ...config, storage };
  return { db: handle.db, dbKind: handle.kind, clock, config: full, files: openFileStore(storage), mailer: full.mail ? smtpMailer(full.mail) : undefined };
}

export interface Session {
  cookie: string;
  csrfToken: string;
  request(options: InjectOptions & { method: InjectOptions['method']; url: string }): Promise<LightMyRequestResponse>;
}

export async function signIn(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${response.statusCode} ${response.body}`);
  const setCookie = response.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie[0] : setCookie)!.split(';')[0]!;
  const csrfToken = response.json().csrfToken as string;
  return {
    cookie, csrfToken,
    request: (options) => app.inject({
      ...options,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(options.headers ?? {}) },
    }),
  };
}
