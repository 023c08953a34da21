import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../../platform/auth/passwords.ts';
import { passwordProblem } from '../../platform/auth/password-rule.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { issuePasswordLink } from '../../platform/auth/password-links.ts';
import { formatDate, todayInVietnam } from '../../platform/vn/dates.ts';
import { organisationRow } from '../organisations/index.ts';
import { rootOrganisationFor, setupInput, tenantCode, type SetupInput } from './model.ts';

/**
 * When the root unit began, unless the operator says: early enough for the archive of past decisions
 * to be imported under it; the administrator corrects it on the unit's page.
 */
export const ROOT_SINCE = '2000-01-01';

/** Why a setup was refused: the message says what to do instead (Vietnamese first, then English). */
export class SetupRefused extends Error {}

export interface SetupResult {
  tenantId: string; code: string; rootOrganisationId: string; rootName: string; rootCode: string; adminUserId: string; username: string;
  /** the one-time token of the administrator's first password link, unless a password was given */
  setupToken: string | null;
}

/**
 * Creates a tenant, the organisation at the root of its tree and its first system administrator, in one
 * transaction. The administrator sets a password with a one-time link (valid 72 hours) unless one is
 * given. A tenant is set up once: a second run with the same code, or a username already taken, is refused.
 */
export async function setUpTenant(db: Kysely<Database>, raw: SetupInput & { password?: string | undefined }, now: Date): Promise<SetupResult> {
  const parsed = setupInput.safeParse(raw);
  if (!parsed.success) throw new SetupRefused(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  const input = parsed.data;
  if (raw.password !== undefined) {
    const problem = passwordProblem(raw.password, {
      username: input.adminUsername, displayName: input.adminName, email: input.adminEmail, tenantName: input.tenantName,
    });
    if (problem) throw new SetupRefused(`${translate(problem, 'vi', { min: MIN_PASSWORD_LENGTH })} / ${translate(problem, 'en', { min: MIN_PASSWORD_LENGTH })}`);
  }
  const code = input.code ?? tenantCode(input.tenantName);
  const root = rootOrganisationFor(input.kind, input.tenantName);
  const rootName = input.rootName ?? root.name;
  const passwordHash = raw.password !== undefined ? await hashPassword(raw.password) : await hashPassword(uuidv7() + uuidv7());
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('tenants').select(['name', 'created_at']).where('code', '=', code).executeTakeFirst();
    if (existing) {
      throw new SetupRefused(
        `Đơn vị "${existing.name}" (mã ${code}) đã được cài đặt ngày ${formatDate(todayInVietnam(existing.created_at))}: không cài lại. `
        + 'Hãy đăng nhập bằng tài khoản quản trị đã có, hoặc dùng "Quên mật khẩu?" để đặt lại mật khẩu. '
        + `/ This tenant (code ${code}) is already set up: sign in with its administrator, or reset that password.`);
    }
    const taken = await trx.selectFrom('users').select('id').where('username', '=', input.adminUsername).executeTakeFirst();
    if (taken) {
      throw new SetupRefused(`Tên đăng nhập "${input.adminUsername}" đã có người dùng: chọn tên khác. / The username is taken: choose another.`);
    }
    const tenantId = uuidv7(now.getTime());
    const rootId = uuidv7(now.getTime());
    const userId = uuidv7(now.getTime());
    await trx.insertInto('tenants').values({ id: tenantId, code, name: input.tenantName, kind: input.kind, created_at: now }).execute();
    const organisation = organisationRow(tenantId, rootId, null, {
      parentId: null, name: rootName, code: input.rootCode ?? root.code, kind: root.kind, level: root.level, validFrom: input.since ?? ROOT_SINCE,
    }, now);
    await trx.insertInto('organisations').values(organisation).execute();
    await trx.insertInto('users').values({
      id: userId, tenant_id: tenantId, username: input.adminUsername, display_name: input.adminName ?? 'Quản trị hệ thống',
      password_hash: passwordHash, person_id: null, email: input.adminEmail, created_at: now,
    }).execute();
    await trx.insertInto('role_grants').values({
      tenant_id: tenantId, id: uuidv7(now.getTime()), user_id: userId, role: 'system_admin', organisation_id: rootId, granted_by: null, created_at: now,
    }).execute();
    const setupToken = raw.password === undefined ? await issuePasswordLink(trx, userId, 'setup', now) : null;
    await recordAudit(trx, {
      tenantId, actorUserId: null, action: 'tenant.setup', entityType: 'tenant', entityId: tenantId, organisationPath: organisation.path,
      changes: { code, name: input.tenantName, kind: input.kind, root: rootName, rootCode: organisation.code, administrator: input.adminUsername, email: input.adminEmail },
      at: now,
    });
    return { tenantId, code, rootOrganisationId: rootId, rootName, rootCode: organisation.code!, adminUserId: userId, username: input.adminUsername, setupToken };
  });
}
