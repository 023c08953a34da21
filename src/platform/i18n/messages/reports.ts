/** Server messages of unit reports on a phase's outline and their compilation (src/modules/reports). */
export const vi = {
  'report.no_outline': 'Giai đoạn "{phase}" không có đề cương báo cáo: không thể lập báo cáo theo đề cương cho giai đoạn này.',
  'report.not_below_issuer': '{organisation} không trực thuộc {issuer}: không phải đơn vị báo cáo của kế hoạch này.',
  'report.not_existing': '{organisation} chưa thành lập hoặc đã giải thể vào ngày {date}: không phải báo cáo kỳ này.',
  'report.read_only': 'Báo cáo đã gửi cấp trên (trạng thái "{status}"): không thể sửa. Chỉ sửa được khi cấp trên trả lại.',
  'report.transition': 'Không thể thực hiện thao tác "{action}" với báo cáo đang ở trạng thái "{status}".',
  'report.unknown_section': 'Nội dung gửi lên có mục không có trong đề cương ({keys}). Hãy tải lại trang rồi nhập lại.',
  'report.empty': 'Báo cáo của {organisation} chưa có nội dung nào: hãy nhập và lưu nội dung trước khi gửi.',
  'report.reason_required': 'Phải nêu lý do trả lại báo cáo để đơn vị biết cần bổ sung, chỉnh sửa gì.',
  entity_report_phase: 'giai đoạn báo cáo',
  entity_unit_report: 'báo cáo',
};

export const en: Record<keyof typeof vi, string> = {
  'report.no_outline': 'Phase "{phase}" has no report outline: no report can be written against an outline for it.',
  'report.not_below_issuer': '{organisation} is not under {issuer}: it does not report on this plan.',
  'report.not_existing': '{organisation} did not exist on {date}: it does not owe this report.',
  'report.read_only': 'The report has been sent up (status "{status}"): it cannot be changed unless the receiving level returns it.',
  'report.transition': 'Action "{action}" is not possible on a report in status "{status}".',
  'report.unknown_section': 'The text sent has parts the outline does not have ({keys}). Reload the page and enter it again.',
  'report.empty': 'The report of {organisation} has no text yet: enter and save it before sending.',
  'report.reason_required': 'Give the reason for returning the report, so the unit knows what to add or change.',
  entity_report_phase: 'report phase',
  entity_unit_report: 'report',
};
