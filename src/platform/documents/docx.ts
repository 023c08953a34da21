/**
 * Render an OfficialDocument to DOCX (Word) in the Decree 30/2020 layout, with the `docx`
 * package. Fonts are named, not embedded: Word uses Times New Roman, LibreOffice a metric twin.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import { LAYOUT, mmToTwip } from './layout.ts';
import {
  NATIONAL_MOTTO,
  NATIONAL_TITLE,
  headerLines,
  kindTitle,
  bodyLines,
  numberLine,
  parseInline,
  placeDateLine,
  recipientLines,
  signatureLines,
  tableWidths,
  type BodyBlock,
  type DocumentSignature,
  type DocumentTable,
  type DocumentAnnex,
  type OfficialDocument,
} from './model.ts';

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

interface Style {
  size: number;
  bold?: boolean;
  italic?: boolean;
}

/** Half-points, Word's unit for font sizes. */
function hp(pt: number): number {
  return pt * 2;
}

function pt20(pt: number): number {
  return Math.round(pt * 20);
}

/** Runs of `text` (inline **bold** / *italic* markup) with the style as the base. */
function runs(text: string, style: Style): TextRun[] {
  return parseInline(text).map(
    (r) =>
      new TextRun({
        text: r.text,
        size: hp(style.size),
        // Only what is set: no <w:b w:val="false"/> noise in the XML.
        bold: style.bold === true || r.bold || undefined,
        italics: style.italic === true || r.italic || undefined,
      }),
  );
}

function para(
  text: string,
  style: Style,
  align: Align,
  extra: Omit<IParagraphOptions, 'children' | 'alignment'> = {},
): Paragraph {
  return new Paragraph({
    alignment: align,
    spacing: { before: 0, after: 0 },
    ...extra,
    children: runs(text, style),
  });
}

/** A short horizontal rule centred in a column: an empty 1 pt paragraph with a top border. */
function rule(columnMm: number, widthMm: number): Paragraph {
  const side = mmToTwip((columnMm - widthMm) / 2);
  return new Paragraph({
    spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT },
    indent: { left: side, right: side },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [new TextRun({ text: '', size: 2 })],
  });
}

function cell(widthMm: number, children: Paragraph[]): TableCell {
  return new TableCell({ width: { size: mmToTwip(widthMm), type: WidthType.DXA }, children });
}

function borderlessTable(columnsMm: readonly number[], cells: Paragraph[][]): Table {
  return new Table({
    rows: [new TableRow({ children: cells.map((c, i) => cell(columnsMm[i] ?? 0, c)) })],
    columnWidths: columnsMm.map(mmToTwip),
    width: { size: mmToTwip(columnsMm.reduce((a, b) => a + b, 0)), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
  });
}

function headerTable(doc: OfficialDocument): Table {
  const [leftMm, rightMm] = LAYOUT.headerColumnsMm;
  const s = LAYOUT.size;
  const C = AlignmentType.CENTER;
  const issuer = headerLines(doc.issuingBody);
  const number = numberLine(doc);
  const left: Paragraph[] = [
    ...headerLines(doc.parentBody).map((l) => para(l.toUpperCase(), { size: s.parentBody }, C)),
    ...issuer.map((l) => para(l.toUpperCase(), { size: s.issuingBody, bold: true }, C)),
    ...(issuer.length > 0 ? [rule(leftMm, LAYOUT.issuerRuleMm)] : []),
    ...(number ? [para(number, { size: s.number }, C, { spacing: { before: pt20(6), after: 0 } })] : []),
  ];
  // a table cell must hold a paragraph, even when the form has no issuer (an individual's report)
  if (left.length === 0) left.push(para('', { size: s.number }, C));
  const right: Paragraph[] = [
    para(NATIONAL_TITLE, { size: s.nationalTitle, bold: true }, C),
    para(NATIONAL_MOTTO, { size: s.motto, bold: true }, C),
    rule(rightMm, LAYOUT.mottoRuleMm),
    para(placeDateLine(doc), { size: s.placeDate, italic: true }, C, {
      spacing: { before: pt20(6), after: 0 },
    }),
  ];
  return borderlessTable(LAYOUT.headerColumnsMm, [left, right]);
}

function bodyParagraph(text: string, style: Partial<Style> = {}): Paragraph {
  return para(text, { size: LAYOUT.size.body, ...style }, AlignmentType.JUSTIFIED, {
    indent: { firstLine: mmToTwip(LAYOUT.firstLineIndentMm) },
    spacing: { before: 0, after: pt20(LAYOUT.paragraphAfterPt) },
  });
}

/** A ruled table across the text width: heading row bold and centred, repeated on each page. */
function bodyTable(table: DocumentTable): Table {
  const textMm = LAYOUT.page.widthMm - LAYOUT.margins.leftMm - LAYOUT.margins.rightMm;
  const widthsMm = tableWidths(table).map((f) => f * textMm);
  const size = LAYOUT.size.table;
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const row = (cells: string[], heading: boolean) => new TableRow({
    tableHeader: heading,
    cantSplit: true,
    children: table.columns.map((column, i) => new TableCell({
      width: { size: mmToTwip(widthsMm[i] ?? 0), type: WidthType.DXA },
      children: [para(cells[i] ?? '', { size, bold: heading }, heading || column.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT)],
    })),
  });
  return new Table({
    rows: [row(table.columns.map((c) => c.title), true), ...table.rows.map((r) => row(r, false))],
    columnWidths: widthsMm.map(mmToTwip),
    width: { size: mmToTwip(textMm), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    margins: { top: 20, bottom: 20, left: 80, right: 80 },
  });
}

function bodyBlock(b: BodyBlock): (Paragraph | Table)[] {
  if ('table' in b) return [bodyTable(b.table), new Paragraph({ spacing: { before: 0, after: pt20(LAYOUT.paragraphAfterPt) }, children: [] })];
  const { text, ...style } = b;
  return [bodyParagraph(text, style)];
}

function bodyBlocks(doc: OfficialDocument): (Paragraph | Table)[] {
  return bodyLines(doc).flatMap(bodyBlock);
}

function signatureParagraphs(sig: DocumentSignature): Paragraph[] {
  const s = LAYOUT.size;
  const C = AlignmentType.CENTER;
  return [
    ...signatureLines(sig).map((l) => para(l, { size: s.signature, bold: true }, C)),
    ...(sig.note ? [para(sig.note, { size: s.signature - 1, italic: true }, C)] : []),
    para(sig.name, { size: s.signature, bold: true }, C, {
      spacing: { before: pt20((LAYOUT.signatureGapMm * 72) / 25.4), after: 0 },
    }),
  ];
}

function signatureTable(doc: OfficialDocument): Table {
  const s = LAYOUT.size;
  const L = AlignmentType.LEFT;
  const C = AlignmentType.CENTER;
  const left: Paragraph[] = doc.cosignature
    ? signatureParagraphs(doc.cosignature)
    : doc.recipients.length > 0
      ? [
          para('Nơi nhận:', { size: s.recipientsHeading, bold: true, italic: true }, L),
          ...recipientLines(doc).map((l) => para(l, { size: s.recipients }, L)),
        ]
      : [para('', { size: s.recipients }, C)];
  return borderlessTable(LAYOUT.footerColumnsMm, [left, signatureParagraphs(doc.signature)]);
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** The attached list on a page of its own: title, centred lines, a bordered table (header row repeated). */
function annexBlocks(annex: DocumentAnnex): (Paragraph | Table)[] {
  const size = LAYOUT.size.table;
  const C = AlignmentType.CENTER;
  const { columns, rows } = annex.table;
  const row = (cells: string[], header: boolean) => new TableRow({
    tableHeader: header,
    children: cells.map((text, i) => new TableCell({
      width: { size: mmToTwip(columns[i]?.widthMm ?? 0), type: WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [para(text, { size, bold: header }, header ? C : ALIGN[columns[i]?.align ?? 'left'])],
    })),
  });
  return [
    para(annex.title, { size: LAYOUT.size.kind, bold: true }, C, { pageBreakBefore: true }),
    ...annex.subtitle.map((l) => para(l, { size: LAYOUT.size.body }, C)),
    new Paragraph({ spacing: { before: 0, after: pt20(6) }, children: [] }),
    new Table({
      rows: [row(columns.map((c) => c.header), true), ...rows.map((r) => row(r, false))],
      columnWidths: columns.map((c) => mmToTwip(c.widthMm)),
      width: { size: mmToTwip(columns.reduce((a, c) => a + c.widthMm, 0)), type: WidthType.DXA },
      layout: TableLayoutType.FIXED,
    }),
  ];
}

/** Build the docx `Document` (exposed for callers that want to add to it before packing). */
export function buildDocx(doc: OfficialDocument): Document {
  const s = LAYOUT.size;
  const C = AlignmentType.CENTER;
  const pageNumber = new Header({
    children: [
      new Paragraph({
        alignment: C,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: hp(s.pageNumber) })],
      }),
    ],
  });
  return new Document({
    title: `${kindTitle(doc)} ${numberLine(doc)}`,
    styles: {
      default: {
        document: { run: { font: LAYOUT.fontFamilyDocx, size: hp(s.body) } },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: {
              width: mmToTwip(LAYOUT.page.widthMm),
              height: mmToTwip(LAYOUT.page.heightMm),
              orientation: PageOrientation.PORTRAIT,
            },
            margin: {
              top: mmToTwip(LAYOUT.margins.topMm),
              bottom: mmToTwip(LAYOUT.margins.bottomMm),
              left: mmToTwip(LAYOUT.margins.leftMm),
              right: mmToTwip(LAYOUT.margins.rightMm),
              header: mmToTwip(LAYOUT.headerMm),
              footer: mmToTwip(LAYOUT.headerMm),
            },
          },
        },
        // Page numbers from page 2 on: the first page has its own, empty header.
        headers: { default: pageNumber, first: new Header({ children: [new Paragraph({})] }) },
        children: [
          headerTable(doc),
          para(kindTitle(doc), { size: s.kind, bold: true }, C, {
            spacing: { before: pt20(18), after: 0 },
          }),
          para(doc.subject, { size: s.subject, bold: true }, C, {
            spacing: { before: 0, after: pt20(12) },
          }),
          ...(doc.addressee
            ? [para(`Kính gửi: ${doc.addressee}`, { size: s.body }, C, { spacing: { before: 0, after: pt20(12) } })]
            : []),
          ...bodyBlocks(doc),
          new Paragraph({ spacing: { before: 0, after: 0 }, children: [] }),
          signatureTable(doc),
          ...(doc.annex ? annexBlocks(doc.annex) : []),
        ],
      },
    ],
  });
}

/** The document as a .docx file. */
export async function renderDocx(doc: OfficialDocument): Promise<Buffer> {
  return Packer.toBuffer(buildDocx(doc));
}
