import type { Me, Role } from './auth.tsx';

export type NavItem =
  | { key: 'home' | 'movements' | 'organisations' | 'people' | 'users' | 'audit'; to: '/' | '/phong-trao' | '/to-chuc' | '/ca-nhan' | '/quan-tri/nguoi-dung' | '/nhat-ky' }
  | { key: 'eligibility'; to: '/ai-du-dieu-kien' }
  | { key: 'nominations'; to: '/de-nghi' }
  | { key: 'recordImport'; to: '/ho-so/nhap' }
  | { key: 'onboarding'; to: '/nhap-du-lieu-ban-dau' }
  | { key: 'households'; to: '/ho-gia-dinh' }
  | { key: 'archive'; to: '/tra-cuu-khen-thuong' }
  | { key: 'statistics'; to: '/thong-ke' }
  | { key: 'statutoryForms'; to: '/bieu-mau-thong-ke' }
  | { key: 'reports'; to: '/bao-cao' }
  | { key: 'council'; to: '/hoi-dong' }
  | { key: 'clusters'; to: '/cum-khoi' }
  | { key: 'ballot'; to: '/hoi-dong/bo-phieu' }
  | { key: 'consultations'; to: '/lay-y-kien' }
  | { key: 'examples'; to: '/dien-hinh' }
  | { key: 'catalogue'; to: '/tieu-chuan' }
  | { key: 'holidays'; to: '/ngay-nghi' }
  | { key: 'operator'; to: '/van-hanh' }
  | { key: 'awardForms'; to: '/danh-muc-khen-thuong' }
  | { key: 'myProfile'; to: '/ca-nhan/$id'; personId: string };

const STAFF: Role[] = ['system_admin', 'standing_officer', 'unit_officer', 'unit_head', 'council_member'];

/** Navigation shown per role; an individual-only user sees just their own profile. */
export function navItems(me: Me): NavItem[] {
  const roles = new Set(me.grants.map((g) => g.role));
  const has = (...wanted: Role[]) => wanted.some((r) => roles.has(r));
  const items: NavItem[] = [];
  if (has(...STAFF)) {
    items.push({ key: 'home', to: '/' });
    items.push({ key: 'movements', to: '/phong-trao' });
    items.push({ key: 'organisations', to: '/to-chuc' });
    items.push({ key: 'people', to: '/ca-nhan' });
    items.push({ key: 'households', to: '/ho-gia-dinh' });
  }
  // record.read / record.write in the server's policy
  if (has(...STAFF)) items.push({ key: 'eligibility', to: '/ai-du-dieu-kien' });
  // nomination.read in the server's policy
  if (has(...STAFF)) items.push({ key: 'nominations', to: '/de-nghi' });
  if (has(...STAFF)) items.push({ key: 'archive', to: '/tra-cuu-khen-thuong' });
  // statistics.read in the server's policy
  if (has(...STAFF)) items.push({ key: 'statistics', to: '/thong-ke' });
  if (has(...STAFF)) items.push({ key: 'statutoryForms', to: '/bieu-mau-thong-ke' });
  // example.read in the server's policy
  if (has(...STAFF)) items.push({ key: 'examples', to: '/dien-hinh' });
  // report.read in the server's policy
  if (has(...STAFF)) items.push({ key: 'reports', to: '/bao-cao' });
  // clusters are organised, scored and followed by staff; the list itself says which are the user's
  if (has(...STAFF)) items.push({ key: 'clusters', to: '/cum-khoi' });
  // council.manage runs meetings; a council seat (a person, whatever the role) votes
  if (has('system_admin', 'standing_officer')) items.push({ key: 'council', to: '/hoi-dong' });
  if (has(...STAFF) && me.user.personId) items.push({ key: 'ballot', to: '/hoi-dong/bo-phieu' });
  if (has('system_admin', 'standing_officer')) items.push({ key: 'consultations', to: '/lay-y-kien' });
  if (has('system_admin', 'standing_officer', 'unit_officer')) items.push({ key: 'recordImport', to: '/ho-so/nhap' });
  items.push({ key: 'catalogue', to: '/tieu-chuan' });
  // the working calendar: staff read it, the administrator keeps the organisation's own days
  if (has(...STAFF) || me.user.platformOperator) items.push({ key: 'holidays', to: '/ngay-nghi' });
  // the platform operator keeps what every tenant reads (base salaries, legal bases, shared holidays)
  if (me.user.platformOperator) items.push({ key: 'operator', to: '/van-hanh' });
  // every signed-in account reads the catalogue; the page offers changes to its keepers (catalogue.tenant at the root)
  if (has(...STAFF)) items.push({ key: 'awardForms', to: '/danh-muc-khen-thuong' });
  if (me.user.personId) items.push({ key: 'myProfile', to: '/ca-nhan/$id', personId: me.user.personId });
  if (has('system_admin')) items.push({ key: 'users', to: '/quan-tri/nguoi-dung' });
  // organisation.write / person.write / user.manage: the page shows the imports the user may run
  if (has('system_admin', 'standing_officer')) items.push({ key: 'onboarding', to: '/nhap-du-lieu-ban-dau' });
  if (has('system_admin', 'standing_officer')) items.push({ key: 'audit', to: '/nhat-ky' });
  return items;
}
