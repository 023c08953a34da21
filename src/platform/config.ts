import path from 'node:path';

/** Everything the app reads from its environment, read once. No secret has a default. */
export interface Config {
  port: number;
  host: string;
  /** postgres://… for a PostgreSQL server; undefined means embedded PGlite (single-office mode) */
  databaseUrl: string | undefined;
  dataDir: string;
  /** session lifetime without activity */
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  secureCookies: boolean;
  loadDemoData: boolean;
  /** sign-in attempts per minute from one address (on top of the per-account lock-out) */
  loginRatePerMinute: number;
  /** the address the public reaches this server at: printed certificates' QR codes point to <it>/xac-minh/<code> */
  publicBaseUrl: string;
  /** public certificate checks per minute from one address */
  verifyRatePerMinute: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 60),
    sessionMaxHours: Number(env.SESSION_MAX_HOURS ?? 12),
    secureCookies: env.COOKIE_SECURE === 'true',
    loadDemoData: env.DEMO_DATA !== 'false',
    loginRatePerMinute: Number(env.LOGIN_RATE_PER_MINUTE ?? 60),
    publicBaseUrl: (env.PUBLIC_BASE_URL || 'http://localhost:3000').replace(/\/+$/u, ''),
    verifyRatePerMinute: Number(env.VERIFY_RATE_PER_MINUTE ?? 30),
  };
}
