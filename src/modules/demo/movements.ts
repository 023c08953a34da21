// The demo province's movements: the five seed plans, entered by hand as structured plans and attached to
// the closest demo organisations, plus the responses and registrations that make tracking worth showing.
//
//   000 Kon Tum office culture 2019–2025      → UBND tỉnh Sơn Hà (root), 179/KH-UBND 02/8/2019
//   002 An Biên's cascade of it               → UBND huyện Mường Khoa, 118/KH-UBND 17/9/2019
//   004 Sơn La Office's mid-term review       → Văn phòng UBND tỉnh's cascade (29/KH-VPUB 14/8/2019), review as a phase
//   003 Cao Bằng 1948-call campaign 2023       → UBND tỉnh Sơn Hà; Mường Khoa responds, Ngọc Lâm does not
//   001 Quảng Ngãi council plan (CT 19/CT-TTg) → UBND tỉnh Sơn Hà, 01/KH-HĐTĐKT 28/10/2021
//
// Pure and deterministic given newId: no clock, no I/O.
import { buildAnBien } from './movements-an-bien.ts';
import { buildCampaign1948, buildCampaign1948Response } from './movements-campaign-1948.ts';
import { buildCouncilPlan } from './movements-council-plan.ts';
import { buildOfficeCulture, OFFICE_CULTURE } from './movements-office-culture.ts';
import { buildOfficeReview } from './movements-office-review.ts';
import type { DemoMovement, DemoRegistration, MovementContext } from './movements-build.ts';

export type { DemoMovement, DemoPhase, DemoRegistration, MovementContext } from './movements-build.ts';
export { AN_BIEN } from './movements-an-bien.ts';
export { CAMPAIGN_1948, CAMPAIGN_1948_RESPONSE } from './movements-campaign-1948.ts';
export { COUNCIL_PLAN } from './movements-council-plan.ts';
export { OFFICE_CULTURE } from './movements-office-culture.ts';
export { OFFICE_REVIEW } from './movements-office-review.ts';

/** Parents come before their cascades. */
export function buildDemoMovements(
  orgId: (key: string) => string, personName: (key: string) => string | undefined, newId: () => string,
): DemoMovement[] {
  const ctx: MovementContext = { orgId, personName, newId };
  const officeCulture = buildOfficeCulture(ctx);
  const campaign = buildCampaign1948(ctx);
  return [
    officeCulture,
    buildAnBien(ctx, officeCulture),
    buildOfficeReview(ctx, officeCulture),
    buildCouncilPlan(ctx),
    campaign,
    buildCampaign1948Response(ctx, campaign),
  ];
}

/** Registrations (đăng ký thi đua) for the provincial office-culture movement, in 2019 (demo text). */
export const DEMO_REGISTRATIONS: readonly DemoRegistration[] = [
  {
    movementKey: OFFICE_CULTURE, organisationKey: 'sgddt', username: 'canbo.sgd', registeredAt: '2019-10-21T02:30:00Z',
    titles: [
      { awardForm: 'bang_khen_tinh', collectives: 1, individuals: 2, note: 'Sơ kết năm 2022' },
      { awardForm: 'giay_khen', collectives: 3, individuals: 10, note: 'Giấy khen của Giám đốc Sở, sơ kết năm 2022' },
    ],
    commitments: 'Sở Giáo dục và Đào tạo đăng ký thi đua thực hiện văn hóa công sở giai đoạn 2019 - 2025: 100% cán bộ, công chức, viên chức đeo thẻ công chức, viên chức khi thi hành nhiệm vụ; 100% văn bản gửi, nhận giữa các cơ quan hành chính nhà nước dưới dạng điện tử đến hết năm 2020; xây dựng cơ quan văn minh, hiện đại, xanh, sạch, đẹp.',
  },
  {
    movementKey: OFFICE_CULTURE, organisationKey: 'snv', username: null, registeredAt: '2019-10-28T08:00:00Z',
    titles: [{ awardForm: 'bang_khen_tinh', collectives: 1, individuals: 1, note: 'Sơ kết năm 2022' }],
    commitments: 'Sở Nội vụ đăng ký đi đầu thực hiện “hành chính phi giấy tờ”: rút ngắn tối thiểu 30% thời gian giải quyết thủ tục hành chính so với quy định; giảm 30% thời gian các phiên họp đến hết năm 2020.',
  },
];
