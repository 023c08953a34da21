import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { uuidv7 } from '../ids.ts';
import { AppError } from '../errors.ts';
import { localeFrom } from '../i18n/messages.ts';
import { CSRF_HEADER, SESSION_COOKIE, csrfMatches, resumeSession } from '../auth/sessions.ts';
import { installErrorHandling, sendFrameworkError, sendNotFound } from './errors.ts';
import { zodValidatorCompiler } from './validation.ts';
import type { AppDeps, ZodApp } from './context.ts';

export type App = FastifyInstance;

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/web');
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Pages other sites may frame: the public honour board (/guong-dien-hinh, /guong-dien-hinh/<id>). */
const EMBEDDABLE = /^\/guong-dien-hinh(\/[^/?]*)?(\?|$)/;

function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Mounts the domain modules' routes under /api: given by the app (src/app), so that platform never imports a module. */
export type ModuleRegistrar = (app: ZodApp, deps: AppDeps) => Promise<void>;

export interface BuildOptions {
  logger?: boolean;
  /** where the log goes instead of stdout (tests read what the server logs); implies logger */
  logStream?: { write(line: string): void } | undefined;
  webDist?: string | null;
}

export async function buildHttpApp(deps: AppDeps, registerModules: ModuleRegistrar, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger || options.logStream
      ? { level: 'info', redact: ['req.headers.cookie', `req.headers["${CSRF_HEADER}"]`, 'req.headers.authorization'], ...(options.logStream ? { stream: options.logStream } : {}) }
      : false,
    genReqId: () => uuidv7(),
    bodyLimit: 1_048_576,
    // behind a reverse proxy, the client's address (rate limits, logs) comes from X-Forwarded-For set by the proxies named here
    trustProxy: deps.config.trustProxy ?? false,
    // the router's own refusals (a malformed or over-long path parameter) answer like every other error
    frameworkErrors: (error, request, reply) => {
      request.locale = localeFrom(request.headers['accept-language']);
      return sendFrameworkError(error, request, reply);
    },
  });
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  await app.register(cookie);
  // opt-in per route (sign-in); answered as our own 429 in the user's language
  await app.register(rateLimit, { global: false, errorResponseBuilder: () => new AppError('rate_limited', 429) });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'thidua API', version: '0.1.0', description: 'Thi đua – khen thưởng' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    // shared and recursive schemas (the rule vocabulary) become components/schemas with $refs
    transformObject: jsonSchemaTransformObject,
  });

  app.decorateRequest('actor', null);
  app.decorateRequest('sessionTokenHash', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('locale', 'vi');

  app.addHook('onRequest', async (request) => {
    request.locale = localeFrom(request.headers['accept-language']);
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await resumeSession(deps.db, token, deps.clock.now(), {
        idleMinutes: deps.config.sessionIdleMinutes, maxHours: deps.config.sessionMaxHours,
      });
      if (session) {
        request.actor = session.actor;
        request.sessionTokenHash = session.tokenHash;
        request.csrfToken = session.csrfToken;
      }
    }
  });

  // Authentication and CSRF are decided here for every route; authorisation by scope in each module.
  app.addHook('preHandler', async (request) => {
    // a browser always names the page that sent a cross-site write; refuse when it is not us (also guards sign-in)
    if (UNSAFE.has(request.method) && !sameOrigin(request.headers.origin, request.headers.host)) throw new AppError('csrf', 403);
    // unknown paths fall through to the not-found handler, which reveals nothing
    const route = request.routeOptions.url;
    if (request.routeOptions.config.public || route === undefined || !route.startsWith('/api/')) return;
    if (!request.actor) throw new AppError('unauthenticated', 401);
    if (UNSAFE.has(request.method) && !csrfMatches(request.csrfToken!, request.headers[CSRF_HEADER] as string | undefined)) {
      throw new AppError('csrf', 403);
    }
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    // the public honour board is embedded by units' portals in an iframe (the Quảng Ngãi council plan, §3b); it has nothing to click
    // that acts on a session, and the session cookie is not sent to a cross-site frame
    const embeddable = EMBEDDABLE.test(request.url);
    if (!embeddable) reply.header('x-frame-options', 'DENY');
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    else reply.header('content-security-policy',
      `default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors ${embeddable ? '*' : "'none'"}; base-uri 'self'`);
  });

  await app.register(async (scope) => {
    await registerModules(scope.withTypeProvider<ZodTypeProvider>(), deps);
  }, { prefix: '/api' });

  app.withTypeProvider<ZodTypeProvider>().get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  const webDist = options.webDist === undefined ? WEB_DIST : options.webDist;
  const indexHtml = webDist ? path.join(webDist, 'index.html') : null;
  if (webDist && indexHtml && fs.existsSync(indexHtml)) {
    const assets = path.join(webDist, 'assets') + path.sep;
    await app.register(fastifyStatic, {
      root: webDist, wildcard: false, index: false,
      // the build writes .br and .gz beside each file (scripts/precompress.mjs): sent as the browser accepts them
      preCompressed: true,
      cacheControl: false,
      // files under assets/ are named by their content's hash, so they never change; index.html names the current ones
      setHeaders: (reply, file) => {
        reply.header('cache-control', file.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    // the browser app routes client-side: any non-API GET gets the shell
    app.setNotFoundHandler((request, reply) => {
      if (request.method !== 'GET' || request.url.startsWith('/api/')) return sendNotFound(request, reply);
      return reply.sendFile('index.html');
    });
  } else {
    app.setNotFoundHandler((request, reply) => sendNotFound(request, reply));
  }
  return app;
}
