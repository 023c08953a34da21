import { z } from 'zod';
import type { TenantKind } from '../../platform/db/schema.ts';
import { foldVietnamese } from '../../platform/vn/fold.ts';
import { UNIT_CODE, type AdministrativeLevel, type OrganisationKind } from '../organisations/index.ts';

/**
 * A tenant is one body that runs its own TĐKT work: a province (its People's Committee and the Ban Thi
 * đua – Khen thưởng of the Sở Nội vụ), a ministry or central body, a commune after the 2025 two-tier
 * reorganisation, or another. Pure rules for setting one up; no I/O.
 */
export const TENANT_KINDS = ['province', 'ministry', 'commune', 'other'] as const satisfies readonly TenantKind[];

/** 'Tỉnh Sơn La' → 'tinh-son-la': the tenant's code when none is given. */
export function tenantCode(name: string): string {
  return foldVietnamese(name).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
}

/**
 * The organisation at the root of the tenant's tree, named as its documents name it, and the code the
 * import files name it by unless setup is given another.
 */
export function rootOrganisationFor(kind: TenantKind, tenantName: string): { name: string; code: string; kind: OrganisationKind; level: AdministrativeLevel } {
  const lowerFirst = tenantName.charAt(0).toLocaleLowerCase('vi') + tenantName.slice(1);
  switch (kind) {
    case 'province': return { name: `Ủy ban nhân dân ${lowerFirst}`, code: 'UBND', kind: 'peoples_committee', level: 'province' };
    case 'commune': return { name: `Ủy ban nhân dân ${lowerFirst}`, code: 'UBND', kind: 'peoples_committee', level: 'commune' };
    case 'ministry': return { name: tenantName, code: 'BO', kind: 'ministry', level: 'central' };
    case 'other': return { name: tenantName, code: 'GOC', kind: 'public_service_unit', level: 'province' };
    case 'platform': throw new RangeError('the platform tenant has no organisation tree');
  }
}

const username = z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,60}$/, {
  message: 'Tên đăng nhập chỉ gồm chữ không dấu, chữ số và các dấu . _ - (từ 3 đến 60 ký tự)',
});

/** What `npm run setup` needs, validated with messages an operator reads in a terminal (Vietnamese first). */
export const setupInput = z.object({
  tenantName: z.string().trim().min(3, { message: 'Tên đơn vị quá ngắn' }).max(200),
  kind: z.enum(TENANT_KINDS, { message: 'Loại đơn vị phải là province, ministry, commune hoặc other' }),
  code: z.string().trim().regex(/^[a-z0-9-]{2,60}$/, { message: 'Mã đơn vị chỉ gồm chữ thường không dấu, chữ số và dấu - (2–60 ký tự)' }).optional(),
  rootName: z.string().trim().min(3).max(300).optional(),
  /** the root unit's code (mã đơn vị), what import files name it by: the parent of every top unit, the province's own grants and council */
  rootCode: z.string().trim().regex(UNIT_CODE, { message: 'Mã đơn vị gốc chỉ gồm chữ không dấu, chữ số và các dấu . _ - (1–30 ký tự)' }).optional(),
  since: z.iso.date({ message: 'Ngày bắt đầu hoạt động phải có dạng YYYY-MM-DD' }).optional(),
  adminUsername: username,
  adminName: z.string().trim().min(2).max(150).optional(),
  adminEmail: z.string().trim().toLowerCase().max(254).pipe(z.email({ message: 'Địa chỉ thư điện tử không hợp lệ' })),
});
export type SetupInput = z.input<typeof setupInput>;

/** The one tenant that holds platform operators' accounts: no units, no records (operator.ts). */
export const PLATFORM_TENANT_CODE = 'nen-tang';

/** What `npm run setup -- --operator` needs. */
export const operatorInput = z.object({
  username,
  email: z.string().trim().toLowerCase().max(254).pipe(z.email({ message: 'Địa chỉ thư điện tử không hợp lệ' })),
  name: z.string().trim().min(2).max(150).optional(),
});
export type OperatorInput = z.input<typeof operatorInput>;
