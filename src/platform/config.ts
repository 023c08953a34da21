import path from 'node:path';
import type { MailConfig } from './mail/mailer.ts';

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
  /** CLOCK_START: run the app's clock from this instant (training, replaying a past round); never in production */
  clockStart: string | undefined;
  /** where uploaded files live: a local directory (default <dataDir>/files) or an S3-compatible bucket */
  storage: StorageConfig;
  /** largest accepted upload (a signed scan), in megabytes */
  uploadMaxMb: number;
  /** IMPORT_MAX_ROWS: the most data rows one records import reads (the body is bounded by UPLOAD_MAX_MB) */
  importMaxRows: number;
  /** IMPORT_MAX_UNPACKED_MB: the most an uploaded .xlsx's worksheet may unpack to (the zip-bomb bound) */
  importMaxUnpackedMb: number;
  /** the address the public reaches this server at: printed certificates' QR codes point to <it>/xac-minh/<code> */
  publicBaseUrl: string;
  /** public certificate checks per minute from one address */
  verifyRatePerMinute: number;
  /** PUBLIC_SEARCH_RATE_PER_MINUTE: public archive searches per minute from one address */
  publicSearchRatePerMinute: number;
  /** SMTP_URL and MAIL_FROM: e-mail for notices; undefined means no e-mail leaves the system */
  mail: MailConfig | undefined;
  /** TRUST_PROXY: the reverse proxies whose X-Forwarded-For gives the client's address ('127.0.0.1', 'loopback', CIDRs) */
  trustProxy: string | undefined;
  /** OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: single sign-on with an OpenID Connect provider; undefined means none */
  oidc: OidcConfig | undefined;
  /**
   * BALLOT_SECRET: the key the council's secret ballot seals papers with (32+ characters). Never stored in the
   * database: a reader of the database cannot open a ballot. Unset, main.ts keeps one in <dataDir>/ballot-secret;
   * several app servers on one PostgreSQL must share the same value.
   */
  ballotSecret: string | undefined;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** OIDC_SCOPES, space-separated */
  scopes: string;
  /** OIDC_NAME: the provider as the sign-in page names it */
  name: string;
}

// the button reads "Đăng nhập bằng tài khoản dùng chung (SSO)" unless OIDC_NAME names the provider
export const DEFAULT_OIDC_NAME = 'tài khoản dùng chung (SSO)';

export type StorageConfig =
  | { kind: 'local'; dir: string }
  | { kind: 's3'; endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string };

/** S3 when S3_BUCKET is set (every S3_* variable then required), else a directory under DATA_DIR. */
function readStorage(env: NodeJS.ProcessEnv, dataDir: string): StorageConfig {
  if (!env.S3_BUCKET) return { kind: 'local', dir: path.resolve(env.FILES_DIR ?? path.join(dataDir, 'files')) };
  const required = ['S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;
  const missing = required.filter((name) => !env[name]);
  // names only: the values (a secret among them) never reach a message or a log
  if (missing.length > 0) throw new Error(`S3_BUCKET is set but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing`);
  return {
    kind: 's3', endpoint: env.S3_ENDPOINT!.replace(/\/+$/, ''), bucket: env.S3_BUCKET, region: env.S3_REGION!,
    accessKeyId: env.S3_ACCESS_KEY_ID!, secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
  };
}

/** E-mail when SMTP_URL is set; MAIL_FROM is then required. */
function readMail(env: NodeJS.ProcessEnv): MailConfig | undefined {
  if (!env.SMTP_URL) return undefined;
  let url: URL;
  try {
    url = new URL(env.SMTP_URL);
  } catch {
    // never echo the value: it holds the SMTP password
    throw new Error('SMTP_URL is not a URL (expected smtp://user:password@host:587 or smtps://…:465)');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error('SMTP_URL must start with smtp:// or smtps://');
  if (!env.MAIL_FROM) throw new Error('SMTP_URL is set but MAIL_FROM is missing (the sender address, e.g. "Ban TĐKT <thidua@tinh.gov.vn>")');
  return { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM };
}

/** OpenID Connect needs the `openid` scope whatever else is asked for. */
const withOpenid = (scopes: string) => (scopes.split(/\s+/u).includes('openid') ? scopes : `openid ${scopes}`);

/** Single sign-on when any of the three is set: then all three are required, and the issuer must be https (http only on this machine, for tests). */
function readOidc(env: NodeJS.ProcessEnv): OidcConfig | undefined {
  const required = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
  if (required.every((name) => !env[name])) return undefined;
  const missing = required.filter((name) => !env[name]);
  // names only: the client secret never reaches a message or a log
  if (missing.length > 0) {
    throw new Error(`single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET: ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing`);
  }
  let issuer: URL;
  try {
    issuer = new URL(env.OIDC_ISSUER!);
  } catch {
    throw new Error('OIDC_ISSUER is not a URL (expected the provider\'s issuer, e.g. https://sso.tinh.gov.vn/realms/canbo)');
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
  if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && loopback)) {
    throw new Error('OIDC_ISSUER must start with https:// (plain http only for a provider on this machine)');
  }
  return {
    issuer: env.OIDC_ISSUER!, clientId: env.OIDC_CLIENT_ID!, clientSecret: env.OIDC_CLIENT_SECRET!,
    scopes: withOpenid(env.OIDC_SCOPES?.trim() || 'openid email profile'), name: env.OIDC_NAME?.trim() || DEFAULT_OIDC_NAME,
  };
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR ?? 'data');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 60),
    sessionMaxHours: Number(env.SESSION_MAX_HOURS ?? 12),
    // an https public address means the browser reaches us over TLS: never send the session cookie in clear
    secureCookies: env.COOKIE_SECURE === 'true' || (env.COOKIE_SECURE !== 'false' && /^https:/i.test(env.PUBLIC_BASE_URL ?? '')),
    // the embedded two-command start shows the demo; a PostgreSQL server starts empty unless DEMO_DATA=true
    loadDemoData: env.DEMO_DATA ? env.DEMO_DATA === 'true' : !env.DATABASE_URL,
    loginRatePerMinute: Number(env.LOGIN_RATE_PER_MINUTE ?? 60),
    clockStart: env.CLOCK_START || undefined,
    storage: readStorage(env, dataDir),
    uploadMaxMb: Number(env.UPLOAD_MAX_MB ?? 20),
    importMaxRows: Number(env.IMPORT_MAX_ROWS ?? 1_000_000),
    importMaxUnpackedMb: Number(env.IMPORT_MAX_UNPACKED_MB ?? 1024),
    publicBaseUrl: (env.PUBLIC_BASE_URL || 'http://localhost:3000').replace(/\/+$/u, ''),
    verifyRatePerMinute: Number(env.VERIFY_RATE_PER_MINUTE ?? 30),
    publicSearchRatePerMinute: Number(env.PUBLIC_SEARCH_RATE_PER_MINUTE ?? 30),
    mail: readMail(env),
    trustProxy: env.TRUST_PROXY || undefined,
    oidc: readOidc(env),
    ballotSecret: env.BALLOT_SECRET || undefined,
  };
}
