/** Server messages of the import of past award decisions (src/modules/archive/history). */
export const vi = {
  'history.row.date': 'Ngày quyết định "{value}" không hợp lệ: ghi theo dạng ngày/tháng/năm (ví dụ 15/01/2022), từ năm 1945 đến hôm nay.',
  'history.row.year': 'Năm "{value}" không hợp lệ: phải là số nguyên từ 1945 đến {max}.',
  'history.row.money': 'Số tiền "{value}" không hợp lệ: phải là số nguyên không âm (đồng), ví dụ 1.490.000.',
  'history.row.kind': '"{value}" không hợp lệ: ghi "Cá nhân" hoặc "Tập thể".',
  'history.row.kind_needed': '"{form}" trao cho cả cá nhân và tập thể: hãy ghi "Cá nhân" hoặc "Tập thể".',
  'history.row.kind_mismatch': '"{form}" chỉ trao cho {allowed}, không trao cho {kind}.',
  'history.row.birth_year': 'Năm sinh "{value}" không hợp lệ: phải là số nguyên từ 1900 đến {max}.',
  'history.row.same_award': 'Cùng một khen thưởng với dòng {row}: cả hai dòng được nhận ra là {name}.',
  'history.kind.individual': 'cá nhân',
  'history.kind.collective': 'tập thể',
  'history.match.done': 'Khen thưởng này đã được gắn với cá nhân hoặc tập thể; không cần khớp lại.',
  'history.match.kind': 'Khen thưởng ghi cho cá nhân chỉ gắn được với một cá nhân; ghi cho tập thể chỉ gắn được với một đơn vị.',
  'history.match.duplicate': '{name} đã có "{form}" năm {year} theo quyết định {number}: không gắn thêm lần nữa.',
  entity_history_award: 'khen thưởng chưa khớp',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'history.row.date': 'Decision date "{value}" is not valid: write day/month/year (e.g. 15/01/2022), from 1945 to today.',
  'history.row.year': 'Year "{value}" is not valid: it must be a whole number from 1945 to {max}.',
  'history.row.money': 'Amount "{value}" is not valid: it must be a whole, non-negative number of đồng, e.g. 1.490.000.',
  'history.row.kind': '"{value}" is not valid: write "Cá nhân" (individual) or "Tập thể" (collective).',
  'history.row.kind_needed': '"{form}" is conferred on individuals and collectives: write "Cá nhân" or "Tập thể".',
  'history.row.kind_mismatch': '"{form}" is conferred only on {allowed}, not on {kind}.',
  'history.row.birth_year': 'Birth year "{value}" is not valid: it must be a whole number from 1900 to {max}.',
  'history.row.same_award': 'Same award as row {row}: both rows were recognised as {name}.',
  'history.kind.individual': 'individuals',
  'history.kind.collective': 'collectives',
  'history.match.done': 'This award already has its person or unit; there is nothing to match.',
  'history.match.kind': 'An award written for an individual can only be matched to a person; one for a collective, to a unit.',
  'history.match.duplicate': '{name} already has "{form}" for {year} by decision {number}: it is not added twice.',
  entity_history_award: 'unmatched award',
};
