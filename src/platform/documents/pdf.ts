/**
 * Render an OfficialDocument to PDF in the Decree 30/2020 layout with pdfmake 0.3 (server API:
 * the package's default export is a ready instance; fonts are file paths, read through its
 * local-access policy). The font is Tinos — metric-compatible with Times New Roman, full
 * Vietnamese coverage — embedded (subset) from @expo-google-fonts/tinos.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TableLayout, TDocumentDefinitions } from 'pdfmake/interfaces';
import { LAYOUT, mmToPt } from './layout.ts';
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

const FONT = 'Tinos';
/** The embedded font's name, for other documents built with pdfmake (certificates). */
export const PDF_FONT = FONT;

function tinosFiles(): Record<'normal' | 'bold' | 'italics' | 'bolditalics', string> {
  const root = dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/tinos/package.json'));
  const file = (variant: string): string => join(root, variant, `Tinos_${variant}.ttf`);
  return {
    normal: file('400Regular'),
    bold: file('700Bold'),
    italics: file('400Regular_Italic'),
    bolditalics: file('700Bold_Italic'),
  };
}

let configured = false;

/** Register the embedded font once; only its four files may be read, and nothing fetched. */
function configure(): void {
  if (configured) return;
  const files = tinosFiles();
  const allowed = new Set(Object.values(files));
  pdfmake.addFonts({ [FONT]: { ...files } });
  pdfmake.setLocalAccessPolicy((path) => allowed.has(path));
  pdfmake.setUrlAccessPolicy(() => false);
  configured = true;
}

interface Style {
  size: number;
  bold?: boolean;
  italic?: boolean;
}

/**
 * One inline per whitespace-separated word, kept whole (noWrap): pdfmake justifies by spreading
 * space between inlines, and its line breaker would otherwise split '118/KH-UBND' after '/' and
 * '-', printing '118/ KH- UBND' in justified lines. Lines now break at spaces only, as in Word.
 */
function inline(text: string, style: Style): Content {
  return {
    text: parseInline(text).flatMap((r) =>
      r.text.split(/(?<=\s)/u).map((word) => ({
        text: word,
        bold: style.bold === true || r.bold,
        italics: style.italic === true || r.italic,
        noWrap: true,
      })),
    ),
    fontSize: style.size,
  };
}

function line(
  text: string,
  style: Style,
  alignment: 'left' | 'center' | 'justify' = 'center',
  margin: [number, number, number, number] = [0, 0, 0, 0],
): Content {
  return { ...(inline(text, style) as object), alignment, margin } as Content;
}

/** A short horizontal rule centred in a column of `columnMm`. */
function rule(columnMm: number, widthMm: number): Content {
  const x1 = mmToPt((columnMm - widthMm) / 2);
  const x2 = x1 + mmToPt(widthMm);
  return { canvas: [{ type: 'line', x1, y1: 2, x2, y2: 2, lineWidth: 0.6 }], margin: [0, 1, 0, 2] };
}

const NO_BORDERS: TableLayout = {
  defaultBorder: false,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};

function twoColumns(columnsMm: readonly number[], left: Content[], right: Content[]): Content {
  return {
    table: { widths: columnsMm.map(mmToPt), body: [[{ stack: left }, { stack: right }]] },
    layout: NO_BORDERS,
  };
}

function headerTable(doc: OfficialDocument): Content {
  const [leftMm, rightMm] = LAYOUT.headerColumnsMm;
  const s = LAYOUT.size;
  const issuer = headerLines(doc.issuingBody);
  const number = numberLine(doc);
  const left: Content[] = [
    ...headerLines(doc.parentBody).map((l) => line(l.toUpperCase(), { size: s.parentBody })),
    ...issuer.map((l) => line(l.toUpperCase(), { size: s.issuingBody, bold: true })),
    ...(issuer.length > 0 ? [rule(leftMm, LAYOUT.issuerRuleMm)] : []),
    ...(number ? [line(number, { size: s.number }, 'center', [0, 6, 0, 0])] : []),
  ];
  const right: Content[] = [
    line(NATIONAL_TITLE, { size: s.nationalTitle, bold: true }),
    line(NATIONAL_MOTTO, { size: s.motto, bold: true }),
    rule(rightMm, LAYOUT.mottoRuleMm),
    line(placeDateLine(doc), { size: s.placeDate, italic: true }, 'center', [0, 6, 0, 0]),
  ];
  return twoColumns(LAYOUT.headerColumnsMm, left, right);
}

function bodyParagraph(text: string, style: Partial<Style> = {}): Content {
  return {
    ...(inline(text, { size: LAYOUT.size.body, ...style }) as object),
    alignment: 'justify',
    leadingIndent: mmToPt(LAYOUT.firstLineIndentMm),
    margin: [0, 0, 0, LAYOUT.paragraphAfterPt],
  } as Content;
}

/** A ruled table across the text width: heading row bold and centred, repeated on each page. */
function bodyTable(table: DocumentTable): Content {
  const textPt = mmToPt(LAYOUT.page.widthMm - LAYOUT.margins.leftMm - LAYOUT.margins.rightMm);
  const size = LAYOUT.size.table;
  const cell = (text: string, heading: boolean, align: 'left' | 'center') =>
    ({ ...(inline(text, { size, bold: heading }) as object), alignment: align }) as Content;
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      // pdfmake adds each cell's padding (4 pt) and rules to the widths given
      widths: tableWidths(table).map((f) => f * textPt - 8.5),
      body: [
        table.columns.map((c) => cell(c.title, true, 'center')),
        ...table.rows.map((r) => table.columns.map((c, i) => cell(r[i] ?? '', false, c.align === 'center' ? 'center' : 'left'))),
      ],
    },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
    margin: [0, 0, 0, LAYOUT.paragraphAfterPt],
  } as Content;
}

function bodyBlock(b: BodyBlock): Content {
  if ('table' in b) return bodyTable(b.table);
  const { text, ...style } = b;
  return bodyParagraph(text, style);
}

function bodyBlocks(doc: OfficialDocument): Content[] {
  return bodyLines(doc).map(bodyBlock);
}

function signatureStack(sig: DocumentSignature): Content[] {
  const s = LAYOUT.size;
  return [
    ...signatureLines(sig).map((l) => line(l, { size: s.signature, bold: true })),
    ...(sig.note ? [line(sig.note, { size: s.signature - 1, italic: true })] : []),
    line(sig.name, { size: s.signature, bold: true }, 'center', [0, mmToPt(LAYOUT.signatureGapMm), 0, 0]),
  ];
}

function signatureTable(doc: OfficialDocument): Content {
  const s = LAYOUT.size;
  const left: Content[] = doc.cosignature
    ? signatureStack(doc.cosignature)
    : doc.recipients.length > 0
      ? [
          line('Nơi nhận:', { size: s.recipientsHeading, bold: true, italic: true }, 'left'),
          ...recipientLines(doc).map((l) => line(l, { size: s.recipients }, 'left')),
        ]
      : [];
  return { ...(twoColumns(LAYOUT.footerColumnsMm, left, signatureStack(doc.signature)) as object), unbreakable: true } as Content;
}

/** The attached list on a page of its own: title, centred lines, a bordered table (header row repeated). */
function annexBlocks(annex: DocumentAnnex): Content[] {
  const size = LAYOUT.size.table;
  const { columns, rows } = annex.table;
  const cell = (text: string, header: boolean, i: number): Content =>
    ({ ...(inline(text, { size, bold: header }) as object), alignment: header ? 'center' : (columns[i]?.align ?? 'left') } as Content);
  return [
    { ...(line(annex.title, { size: LAYOUT.size.kind, bold: true }) as object), pageBreak: 'before' } as Content,
    ...annex.subtitle.map((l) => line(l, { size: LAYOUT.size.body })),
    {
      table: {
        headerRows: 1,
        widths: columns.map((c) => mmToPt(c.widthMm)),
        body: [columns.map((c, i) => cell(c.header, true, i)), ...rows.map((r) => r.map((text, i) => cell(text, false, i)))],
      },
      margin: [0, 6, 0, 0],
    },
  ];
}

/** The pdfmake document definition (exposed for tests and for callers that extend it). */
export function pdfDefinition(doc: OfficialDocument): TDocumentDefinitions {
  const m = LAYOUT.margins;
  const s = LAYOUT.size;
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [mmToPt(m.leftMm), mmToPt(m.topMm), mmToPt(m.rightMm), mmToPt(m.bottomMm)],
    info: { title: `${kindTitle(doc)} ${numberLine(doc)}`, subject: doc.subject },
    language: 'vi-VN',
    defaultStyle: { font: FONT, fontSize: s.body, lineHeight: 1 },
    // Page numbers from page 2 on, centred at the top.
    header: (currentPage) =>
      currentPage > 1
        ? {
            text: String(currentPage),
            alignment: 'center',
            fontSize: s.pageNumber,
            margin: [0, mmToPt(LAYOUT.headerMm), 0, 0],
          }
        : null,
    content: [
      headerTable(doc),
      line(kindTitle(doc), { size: s.kind, bold: true }, 'center', [0, 18, 0, 0]),
      line(doc.subject, { size: s.subject, bold: true }, 'center', [0, 0, 0, 12]),
      ...(doc.addressee ? [line(`Kính gửi: ${doc.addressee}`, { size: s.body }, 'center', [0, 0, 0, 12])] : []),
      ...bodyBlocks(doc),
      { text: '', margin: [0, 6, 0, 0] },
      signatureTable(doc),
      ...(doc.annex ? annexBlocks(doc.annex) : []),
    ],
  };
}

/** The document as a PDF file with the font embedded. */
export async function renderPdf(doc: OfficialDocument): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(pdfDefinition(doc)).getBuffer();
}

/** Any pdfmake definition (a certificate, a form) rendered with the same embedded font and access policy. */
export async function renderPdfDefinition(definition: TDocumentDefinitions): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(definition).getBuffer();
}
