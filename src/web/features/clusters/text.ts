import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/index.ts';

/**
 * The strings of the cluster and block scoring screens, as their own i18next namespace (vi default, en),
 * kept out of the main namespace's type like the records screens' (see features/records/text.ts).
 */
const vi = {
  nav: 'Cụm, khối thi đua',
  list: {
    title: 'Cụm, khối thi đua',
    year: 'Năm',
    empty: 'Bạn không tổ chức, tham gia hay theo dõi cụm, khối thi đua nào trong năm {{year}}.',
    members: 'Đơn vị thành viên',
    follower: 'Thành viên Hội đồng theo dõi',
    organiser: 'Đơn vị tổ chức',
    myPart: 'Vai trò của tôi',
    sheet: 'Bảng điểm',
    noSheet: 'Chưa lập bảng điểm',
    createSheet: 'Lập bảng điểm năm {{year}}',
    openSheet: 'Xem bảng điểm',
  },
  kinds: { cluster: 'Cụm thi đua', block: 'Khối thi đua' },
  parts: { organiser: 'Tổ chức', head: 'Trưởng cụm, khối', member: 'Thành viên', follower: 'Theo dõi (Hội đồng)' },
  roles: { head: 'Trưởng cụm, khối', deputy: 'Phó trưởng cụm, khối', member: 'Thành viên' },
  statuses: { draft: 'Dự thảo', open: 'Đang tự chấm', closed: 'Đang rà soát, điều chỉnh', ranked: 'Đã xếp hạng', proposed: 'Đã đề nghị khen thưởng' },
  sheet: {
    organiser: 'Đơn vị tổ chức',
    year: 'Năm',
    head: 'Trưởng cụm, khối',
    follower: 'Thành viên Hội đồng theo dõi',
    status: 'Giai đoạn',
    flagCount: 'Số đơn vị đề nghị Cờ thi đua',
    bangKhenCount: 'Số đơn vị tiếp theo đề nghị Bằng khen',
    saveSettings: 'Lưu số lượng',
    download: 'Tải bảng xếp hạng (.xlsx)',
    actions: {
      open: 'Mở chấm điểm', close: 'Khóa tự chấm', rank: 'Chốt điểm và xếp hạng', reopen: 'Mở lại để điều chỉnh', propose: 'Đề nghị khen thưởng',
    },
    questions: {
      open: 'Mở bảng điểm cho các đơn vị tự chấm? Sau khi mở, không sửa được các tiêu chí.',
      close: 'Khóa tự chấm? Các đơn vị không sửa được điểm tự chấm; trưởng cụm, khối và thành viên Hội đồng theo dõi vẫn điều chỉnh được.',
      rank: 'Chốt điểm và xếp hạng? Điểm không còn sửa được (trừ khi mở lại).',
      reopen: 'Mở lại để điều chỉnh? Kết quả biểu quyết đồng hạng (nếu có) sẽ bị hủy.',
      propose: 'Lập đợt đề nghị khen thưởng (dự thảo) cho các đơn vị dẫn đầu? Chỉ đề nghị được một lần.',
    },
  },
  criteria: {
    title: 'Tiêu chí chấm điểm',
    kind: 'Loại',
    kinds: { criterion: 'Tiêu chí', bonus: 'Điểm thưởng', penalty: 'Điểm trừ' },
    heading: 'Nhóm (tiêu đề mục)',
    text: 'Nội dung',
    max: 'Điểm tối đa',
    add: 'Thêm dòng',
    remove: 'Xóa dòng {{n}}',
    save: 'Lưu tiêu chí',
    saved: 'Đã lưu tiêu chí.',
    none: 'Chưa có tiêu chí nào.',
    sums: 'Tổng điểm tiêu chí: {{criteria}} — điểm thưởng tối đa: {{bonus}} — điểm trừ tối đa: {{penalty}}',
  },
  files: {
    add: 'Đính kèm tệp minh chứng (PDF)',
    addLabel: 'Đính kèm tệp minh chứng cho "{{criterion}}"',
    hint: 'Bản scan văn bản có chữ ký, dấu; tệp PDF.',
    listLabel: 'Tệp minh chứng của "{{criterion}}"',
    remove: 'Xóa tệp',
    removeLabel: 'Xóa tệp {{name}}',
    removeQuestion: 'Xóa tệp minh chứng "{{name}}"?',
    pdfOnly: 'Chỉ nhận tệp PDF (bản scan văn bản).',
  },
  self: {
    title: 'Tự chấm điểm: {{name}}',
    unit: 'Đơn vị tự chấm',
    points: 'Điểm tự chấm (0 – {{max}})',
    penaltyPoints: 'Số điểm bị trừ (0 – {{max}})',
    evidence: 'Minh chứng',
    link: 'Đường dẫn minh chứng (nếu có)',
    save: 'Lưu điểm tự chấm',
    saved: 'Đã lưu điểm tự chấm.',
    submit: 'Nộp bản tự chấm',
    submitQuestion: 'Nộp bản tự chấm của {{name}}? Sau khi nộp, đơn vị không sửa được điểm tự chấm.',
    submitted: 'Đã nộp bản tự chấm lúc {{at}}.',
    notOpen: 'Bảng điểm không trong giai đoạn tự chấm.',
  },
  grid: {
    title: 'Bảng điểm các đơn vị',
    row: 'Nội dung',
    max: 'Tối đa',
    self: 'Tự chấm',
    final: 'Điểm tính',
    adjusted: 'đã điều chỉnh',
    adjust: 'Điều chỉnh',
    adjustLabel: 'Điều chỉnh điểm của {{name}}: {{criterion}}',
    adjustTitle: 'Điều chỉnh điểm',
    newPoints: 'Điểm sau điều chỉnh (0 – {{max}})',
    reason: 'Lý do điều chỉnh (bắt buộc)',
    criteriaTotal: 'Cộng điểm tiêu chí',
    bonusTotal: 'Điểm thưởng',
    penaltyTotal: 'Điểm trừ',
    total: 'Tổng điểm',
    notSubmitted: 'chưa nộp',
    submitted: 'đã nộp',
    ended: 'đã thôi hoạt động',
    evidence: 'Minh chứng: {{text}}',
  },
  ranking: {
    title: 'Xếp hạng',
    ruleTitle: 'Cách xếp hạng khi bằng điểm',
    rule: {
      total: 'Tổng điểm cao hơn (điểm tiêu chí + điểm thưởng − điểm trừ).',
      criteria: 'Bằng tổng điểm: điểm các tiêu chí cao hơn (không tính điểm thưởng) — kết quả nhiệm vụ được giao nặng hơn điểm cộng thêm.',
      penalty: 'Vẫn bằng: điểm trừ thấp hơn — ít thiếu sót, vi phạm hơn.',
      full_marks: 'Vẫn bằng: nhiều tiêu chí đạt điểm tối đa hơn — mạnh đều trên mọi nhiệm vụ.',
      vote: 'Vẫn bằng: đồng hạng; cụm, khối biểu quyết và ghi biên bản. Không bao giờ xếp theo tên hay thứ tự nhập.',
    },
    columns: { rank: 'Hạng', member: 'Đơn vị', criteria: 'Điểm tiêu chí', bonus: 'Thưởng', penalty: 'Trừ', total: 'Tổng', fullMarks: 'Tiêu chí đạt tối đa', note: 'Ghi chú' },
    tied: 'Đồng hạng',
    separatedBy: {
      total: 'theo tổng điểm', criteria: 'theo điểm tiêu chí', penalty: 'theo điểm trừ', full_marks: 'theo số tiêu chí đạt tối đa', vote: 'theo biểu quyết của cụm, khối',
    },
    proposedFor: { flag: 'Cờ thi đua', bang_khen: 'Bằng khen' },
    cutoffTie: 'Đồng hạng ngay tại ranh giới số lượng đề nghị ({{names}}): cụm, khối cần biểu quyết trước khi đề nghị.',
    voteTitle: 'Ghi kết quả biểu quyết đồng hạng {{rank}}',
    votePlace: 'Thứ tự của {{name}}',
    voteReason: 'Căn cứ (biên bản họp cụm, khối)',
    voteSave: 'Ghi kết quả biểu quyết',
    proposed: 'Đã lập đợt đề nghị khen thưởng (dự thảo):',
    flagBatch: 'Đề nghị tặng Cờ thi đua',
    bangKhenBatch: 'Đề nghị tặng Bằng khen',
    empty: 'Chưa có đơn vị nào.',
  },
  history: {
    title: 'Lịch sử điều chỉnh điểm',
    empty: 'Chưa có điều chỉnh nào.',
    line: '{{at}} — {{by}} ({{capacity}}): {{member}}, "{{criterion}}": {{from}} → {{to}}. Lý do: {{reason}}',
    capacity: { head: 'trưởng cụm, khối', follower: 'thành viên Hội đồng theo dõi' },
  },
};

type Messages = typeof vi;

const en: Messages = {
  nav: 'Clusters and blocks',
  list: {
    title: 'Emulation clusters and blocks',
    year: 'Year',
    empty: 'You organise, belong to or follow no cluster or block in {{year}}.',
    members: 'Members',
    follower: 'Following council member',
    organiser: 'Organiser',
    myPart: 'My part',
    sheet: 'Score sheet',
    noSheet: 'No score sheet yet',
    createSheet: 'Start the {{year}} score sheet',
    openSheet: 'Open the score sheet',
  },
  kinds: { cluster: 'Emulation cluster', block: 'Emulation block' },
  parts: { organiser: 'Organiser', head: 'Head member', member: 'Member', follower: 'Follower (council)' },
  roles: { head: 'Head', deputy: 'Deputy head', member: 'Member' },
  statuses: { draft: 'Draft', open: 'Self-scoring', closed: 'Reviewing and adjusting', ranked: 'Ranked', proposed: 'Proposed for awards' },
  sheet: {
    organiser: 'Organiser',
    year: 'Year',
    head: 'Head member',
    follower: 'Following council member',
    status: 'Stage',
    flagCount: 'Members proposed for the flag',
    bangKhenCount: 'Next members proposed for Bằng khen',
    saveSettings: 'Save the numbers',
    download: 'Download the ranking (.xlsx)',
    actions: { open: 'Open for scoring', close: 'Close self-scoring', rank: 'Freeze and rank', reopen: 'Reopen to adjust', propose: 'Propose for awards' },
    questions: {
      open: 'Open the sheet for members to score themselves? The criteria can no longer change.',
      close: 'Close self-scoring? Members can no longer change their own points; the head and the following council member can still adjust.',
      rank: 'Freeze the points and rank? Points can no longer change (unless reopened).',
      reopen: 'Reopen to adjust? Any recorded vote on a tie is void.',
      propose: 'Create draft nomination batches for the leading members? This can be done once.',
    },
  },
  criteria: {
    title: 'Scoring criteria',
    kind: 'Kind',
    kinds: { criterion: 'Criterion', bonus: 'Bonus', penalty: 'Penalty' },
    heading: 'Group (section heading)',
    text: 'Criterion',
    max: 'Maximum points',
    add: 'Add a row',
    remove: 'Remove row {{n}}',
    save: 'Save the criteria',
    saved: 'Criteria saved.',
    none: 'No criteria yet.',
    sums: 'Criteria total: {{criteria}} — bonus up to {{bonus}} — penalty up to {{penalty}}',
  },
  files: {
    add: 'Attach an evidence file (PDF)',
    addLabel: 'Attach an evidence file for "{{criterion}}"',
    hint: 'A scan of the signed and stamped document, as PDF.',
    listLabel: 'Evidence files of "{{criterion}}"',
    remove: 'Remove the file',
    removeLabel: 'Remove the file {{name}}',
    removeQuestion: 'Remove the evidence file "{{name}}"?',
    pdfOnly: 'Only PDF files (scans of documents) are accepted.',
  },
  self: {
    title: 'Self-assessment: {{name}}',
    unit: 'Member scoring itself',
    points: 'Own points (0 – {{max}})',
    penaltyPoints: 'Points deducted (0 – {{max}})',
    evidence: 'Evidence',
    link: 'Link to evidence (optional)',
    save: 'Save own points',
    saved: 'Own points saved.',
    submit: 'Submit the self-assessment',
    submitQuestion: 'Submit the self-assessment of {{name}}? Its own points can then no longer change.',
    submitted: 'Self-assessment submitted on {{at}}.',
    notOpen: 'The sheet is not open for self-scoring.',
  },
  grid: {
    title: 'Members\' points',
    row: 'Criterion',
    max: 'Max',
    self: 'Own',
    final: 'Counted',
    adjusted: 'adjusted',
    adjust: 'Adjust',
    adjustLabel: 'Adjust the points of {{name}}: {{criterion}}',
    adjustTitle: 'Adjust points',
    newPoints: 'Points after adjustment (0 – {{max}})',
    reason: 'Reason for the adjustment (required)',
    criteriaTotal: 'Criteria subtotal',
    bonusTotal: 'Bonus',
    penaltyTotal: 'Penalty',
    total: 'Total',
    notSubmitted: 'not submitted',
    submitted: 'submitted',
    ended: 'ceased to exist',
    evidence: 'Evidence: {{text}}',
  },
  ranking: {
    title: 'Ranking',
    ruleTitle: 'How ties are broken',
    rule: {
      total: 'The higher total (criteria + bonus − penalty).',
      criteria: 'Equal totals: the higher criteria subtotal (bonus excluded) — the year\'s own tasks weigh more than extra points.',
      penalty: 'Still equal: the lower penalty — fewer shortcomings or violations.',
      full_marks: 'Still equal: more criteria at full marks — strength across every task.',
      vote: 'Still equal: tied; the cluster votes and records it in its minutes. Never by name or order of entry.',
    },
    columns: { rank: 'Rank', member: 'Member', criteria: 'Criteria', bonus: 'Bonus', penalty: 'Penalty', total: 'Total', fullMarks: 'Criteria at full marks', note: 'Note' },
    tied: 'Tied',
    separatedBy: {
      total: 'by total', criteria: 'by criteria subtotal', penalty: 'by penalty', full_marks: 'by criteria at full marks', vote: 'by the cluster\'s vote',
    },
    proposedFor: { flag: 'Flag', bang_khen: 'Bằng khen' },
    cutoffTie: 'Tied members straddle the number to propose ({{names}}): the cluster must vote before proposing.',
    voteTitle: 'Record the vote on the tie at rank {{rank}}',
    votePlace: 'Place of {{name}}',
    voteReason: 'Reference (minutes of the cluster\'s meeting)',
    voteSave: 'Record the vote',
    proposed: 'Draft nomination batches created:',
    flagBatch: 'Proposal for the flag',
    bangKhenBatch: 'Proposal for Bằng khen',
    empty: 'No members.',
  },
  history: {
    title: 'Adjustment history',
    empty: 'No adjustments yet.',
    line: '{{at}} — {{by}} ({{capacity}}): {{member}}, "{{criterion}}": {{from}} → {{to}}. Reason: {{reason}}',
    capacity: { head: 'head member', follower: 'following council member' },
  },
};

const NS = 'clusters';
i18n.addResourceBundle('vi', NS, vi, true, true);
i18n.addResourceBundle('en', NS, en, true, true);

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type ClustersKey = Leaves<Messages>;
export type ClustersT = (key: ClustersKey, values?: Record<string, unknown>) => string;

type AnyT = (key: string, options?: Record<string, unknown>) => string;

/** `t` for the cluster screens: `t('list.title')`, `t('statuses.open')`; follows the UI language. */
export function useClustersText(): { t: ClustersT; lang: 'vi' | 'en' } {
  const { t, i18n: instance } = useTranslation();
  return { t: (key, values) => (t as unknown as AnyT)(`${NS}:${key}`, values), lang: instance.language === 'en' ? 'en' : 'vi' };
}

/** Points as the UI shows them: "95,5" in Vietnamese, "95.5" in English. */
export function formatPoints(value: number | null | undefined, lang: 'vi' | 'en'): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 }).format(value);
}
