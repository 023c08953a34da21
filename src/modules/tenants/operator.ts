import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../../platform/auth/passwords.ts';
import { issuePasswordLink } from '../../platform/auth/password-links.ts';
import { operatorInput, PLATFORM_TENANT_CODE, type OperatorInput } from './model.ts';
import { SetupRefused } from './service.ts';

export interface OperatorResult { tenantId: string; userId: string; username: string; setupToken: string | null }

/**
 * Makes a platform operator: an account of the platform tenant (made on first use; it has no units)
 * that may write the reference rows every tenant reads. Only this command makes one: no route grants it,
 * so no tenant's administrator can. The operator sets a password with a one-time link, as an administrator does.
 */
export async function setUpOperator(db: Kysely<Database>, raw: OperatorInput & { password?: string | undefined }, now: Date): Promise<OperatorResult> {
  const parsed = operatorInput.safeParse(raw);
  if (!parsed.success) throw new SetupRefused(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  const input = parsed.data;
  if (raw.password !== undefined && raw.password.length < MIN_PASSWORD_LENGTH) {
    throw new SetupRefused(`Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự / the password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  const passwordHash = await hashPassword(raw.password ?? uuidv7() + uuidv7());
  return db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
    if (taken) throw new SetupRefused(`Tên đăng nhập "${input.username}" đã có người dùng: chọn tên khác. / The username is taken: choose another.`);
    let tenant = await trx.selectFrom('tenants').select('id').where('code', '=', PLATFORM_TENANT_CODE).executeTakeFirst();
    if (!tenant) {
      tenant = { id: uuidv7(now.getTime()) };
      await trx.insertInto('tenants').values({ id: tenant.id, code: PLATFORM_TENANT_CODE, name: 'Vận hành nền tảng', kind: 'platform', created_at: now }).execute();
    }
    const userId = uuidv7(now.getTime());
    await trx.insertInto('users').values({
      id: userId, tenant_id: tenant.id, username: input.username, display_name: input.name ?? 'Người vận hành nền tảng',
      password_hash: passwordHash, person_id: null, email: input.email, created_at: now, platform_operator: true,
    }).execute();
    const setupToken = raw.password === undefined ? await issuePasswordLink(trx, userId, 'setup', now) : null;
    await recordAudit(trx, {
      tenantId: tenant.id, actorUserId: null, action: 'platform.operator.create', entityType: 'user', entityId: userId, organisationPath: '/',
      changes: { username: input.username, email: input.email }, at: now,
    });
    return { tenantId: tenant.id, userId, username: input.username, setupToken };
  });
}
