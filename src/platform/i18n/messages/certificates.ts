/** Server messages of certificates, public verification and revocation (spread into ../messages.ts). */
export const vi = {
  'certificate.not_a_certificate': '"{form}" không có mẫu bằng khen, giấy khen hoặc giấy chứng nhận để in từ hệ thống.',
  'certificate.revoked': 'Khen thưởng này đã bị thu hồi (Quyết định số {number} ngày {date}); không in được bằng khen, giấy khen.',
  'certificate.none_to_print': 'Quyết định chưa có bằng khen, giấy khen nào để in: quyết định chưa ban hành, hoặc các khen thưởng đã bị thu hồi.',
  'certificate.no_code': 'Khen thưởng này chưa có số quyết định nên chưa có mã xác minh; hãy bổ sung quyết định trước khi in.',
  'certificate.already_revoked': 'Khen thưởng này đã bị thu hồi trước đó (Quyết định số {number} ngày {date}).',
  'certificate.revocation_in_future': 'Ngày quyết định thu hồi ({date}) không được sau ngày hôm nay.',
  'certificate.revocation_before_award': 'Ngày quyết định thu hồi không được trước ngày quyết định khen thưởng ({date}).',
  'award.from_decision': 'Khen thưởng này do Quyết định số {number} ghi nên không xoá được. Nếu quyết định có sai sót, hãy thu hồi khen thưởng (nút "Thu hồi") theo quyết định thu hồi.',
  'award.revoked_kept': 'Khen thưởng này đã bị thu hồi theo Quyết định số {number}; hồ sơ giữ cả khen thưởng và quyết định thu hồi nên không xoá được.',
  entity_award: 'khen thưởng',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'certificate.not_a_certificate': '"{form}" has no certificate form (Bằng khen, Giấy khen or title certificate) the system prints.',
  'certificate.revoked': 'This award was revoked (decision {number} of {date}); its certificate cannot be printed.',
  'certificate.none_to_print': 'The decision has no certificate to print: it is not issued yet, or its awards were revoked.',
  'certificate.no_code': 'This award has no decision number and so no verification code yet; add the decision before printing.',
  'certificate.already_revoked': 'This award has already been revoked (decision {number} of {date}).',
  'certificate.revocation_in_future': 'The revocation decision date ({date}) cannot be after today.',
  'certificate.revocation_before_award': 'The revocation decision cannot be dated before the award decision ({date}).',
  'award.from_decision': 'This award was written by decision {number} and cannot be deleted. If the decision was wrong, revoke the award (the "Revoke" button) by a revocation decision.',
  'award.revoked_kept': 'This award was revoked by decision {number}; the record keeps the award with its revocation, so it cannot be deleted.',
  entity_award: 'award',
};
