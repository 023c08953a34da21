/** Server messages of the signed-in officer's dashboard (src/modules/dashboard). */
export const vi = {
  'dashboard.staff_only': 'Trang tổng quan dành cho cán bộ được giao vai trò tại một cơ quan, đơn vị. Tài khoản cá nhân xem hồ sơ của mình ở mục "Hồ sơ của tôi".',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'dashboard.staff_only': 'The dashboard is for officers who hold a role at an organisation. A personal account sees its own record under "My profile".',
};
