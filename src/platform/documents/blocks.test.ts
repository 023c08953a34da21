/** The model's additions for forms and lists: body tables, a title in place of the kind, no number line. */
import { describe, expect, it } from 'vitest';
import { AN_BIEN_PLAN } from './an-bien-plan.fixture.ts';
import { bodyLines, kindTitle, numberLine, tableWidths, type DocumentTable } from './model.ts';

const TABLE: DocumentTable = { columns: [{ title: 'STT', width: 1 }, { title: 'Họ và tên', width: 3 }], rows: [['1', 'Lò Văn Minh']] };

describe('tables and forms in an OfficialDocument', () => {
  it('keeps tables in reading order among the paragraphs of the preamble, the sections and the closing', () => {
    const blocks = bodyLines({ legalBases: ['Căn cứ Luật'], preamble: ['Trước bảng:', TABLE], sections: [{ title: 'DANH SÁCH', paragraphs: [TABLE] }], closing: ['Hết./.'] });
    expect(blocks).toEqual([
      { text: 'Căn cứ Luật.', italic: true }, { text: 'Trước bảng:' }, { table: TABLE },
      { text: 'I. DANH SÁCH', bold: true }, { table: TABLE }, { text: 'Hết./.' },
    ]);
    expect(tableWidths(TABLE)).toEqual([0.25, 0.75]);
  });

  it('prints a form title instead of the kind, and no number line for a form without a symbol', () => {
    expect(kindTitle({ kind: 'BC', title: 'BÁO CÁO THÀNH TÍCH' })).toBe('BÁO CÁO THÀNH TÍCH');
    expect(kindTitle(AN_BIEN_PLAN)).toBe('KẾ HOẠCH');
    expect(numberLine({ number: null, symbol: '' })).toBe('');
    expect(numberLine(AN_BIEN_PLAN)).toBe('Số: 118/KH-UBND');
  });
});
