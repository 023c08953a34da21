import type { Role } from '../../platform/db/schema.ts';
import { translate, type Locale, type MessageKey } from '../../platform/i18n/messages.ts';
import { cellText, type RowError } from '../../platform/spreadsheets/columns.ts';
import type { SheetRow } from '../../platform/spreadsheets/sheet.ts';
import { ACCOUNT_COLUMNS, ROLE_LABELS, parseRole, type AccountColumn } from './columns.ts';

/**
 * The accounts file checked and planned (pure). An account is known by its username: importing it
 * again updates its name and address and adds a role it does not hold yet; it never takes a role
 * away. A new account gets no password: a one-time link to set one.
 */
export interface ExistingAccount {
  id: string; username: string; tenantId: string; displayName: string; email: string | null; personId: string | null;
  /** the actor manages it: it holds a role in the actor's subtree */
  managed: boolean;
  grants: { role: Role; organisationId: string }[];
}
export interface AccountLookups {
  /** unit code → unit (any unit of the tenant) with whether the actor may grant roles there */
  units: ReadonlyMap<string, { id: string; grantable: boolean }>;
  /** HR code → person id, people the actor reaches */
  people: ReadonlyMap<string, string>;
  /** username → account, in any tenant */
  accounts: ReadonlyMap<string, ExistingAccount>;
  tenantId: string;
  newId(): string;
  locale: Locale;
}
export interface PlannedAccount {
  row: number; id: string; isNew: boolean; username: string; displayName: string; email: string; personId: string | null;
  grants: { role: Role; organisationId: string }[];
}

const USERNAME = /^[a-z0-9._-]{3,60}$/;
// the shape the browser's type="email" accepts: something@domain.tld, no spaces
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function planAccounts(rows: readonly SheetRow[], positions: ReadonlyMap<AccountColumn, number>, headers: ReadonlyMap<AccountColumn, string>,
  lookups: AccountLookups): { accounts: PlannedAccount[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const planned = new Map<string, PlannedAccount>();
  for (const { row, cells } of rows) {
    const before = errors.length;
    const fail = (key: AccountColumn, code: MessageKey, params: Record<string, string | number> = {}) =>
      errors.push({ row, column: headers.get(key) ?? key, message: translate(code, lookups.locale, params) });
    const text = (key: AccountColumn) => cellText(cells[positions.get(key)!] ?? null);
    for (const column of ACCOUNT_COLUMNS) if (column.required && text(column.key) === '') fail(column.key, 'import.row.required');
    const username = text('username').toLowerCase();
    if (username && !USERNAME.test(username)) fail('username', 'onboarding.row.bad_username', { value: username });
    const displayName = text('displayName').replace(/\s+/g, ' ').slice(0, 200);
    const email = text('email').toLowerCase();
    if (email && (!EMAIL.test(email) || email.length > 254)) fail('email', 'onboarding.row.bad_email', { value: email });
    const roleText = text('role');
    const role = roleText ? parseRole(roleText) : null;
    if (roleText && !role) fail('role', 'import.row.unknown_value', { value: roleText, allowed: Object.values(ROLE_LABELS).join('; ') });
    const unitCode = text('unitCode');
    const unit = unitCode ? lookups.units.get(unitCode) : undefined;
    if (unitCode && !unit) fail('unitCode', 'import.row.unknown_unit', { code: unitCode });
    else if (unit && !unit.grantable) fail('unitCode', 'onboarding.row.grant_out_of_scope', { code: unitCode });
    const personCode = text('personCode');
    const personId = personCode ? lookups.people.get(personCode) ?? null : null;
    if (personCode && !personId) fail('personCode', 'import.row.unknown_person', { code: personCode });

    const existing = username ? lookups.accounts.get(username) : undefined;
    if (existing && existing.tenantId !== lookups.tenantId) fail('username', 'onboarding.row.username_taken', { username });
    else if (existing && !existing.managed) fail('username', 'onboarding.row.account_out_of_scope', { username });
    const earlier = planned.get(username);
    // one account on several rows: one row per role; the name and address must agree
    if (earlier && (earlier.displayName !== displayName || earlier.email !== email)) {
      fail('username', 'onboarding.row.account_differs', { username, row: earlier.row });
    }
    if (errors.length > before) continue;
    const grant = { role: role!, organisationId: unit!.id };
    if (earlier) {
      if (earlier.grants.some((g) => g.role === grant.role && g.organisationId === grant.organisationId)) {
        fail('role', 'import.row.duplicate', { row: earlier.row });
      } else earlier.grants.push(grant);
      continue;
    }
    planned.set(username, {
      row, id: existing?.id ?? lookups.newId(), isNew: !existing, username, displayName, email, personId: personId ?? existing?.personId ?? null,
      grants: [grant],
    });
  }
  if (errors.length > 0) return { accounts: [], errors: errors.sort((a, b) => a.row - b.row) };
  return { accounts: [...planned.values()], errors };
}
