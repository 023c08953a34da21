/**
 * Test support: read generated documents back (no mocks). DOCX → its XML parts via jszip; PDF →
 * text per page via Mozilla's pdf.js (legacy build, the one meant for Node). Dev dependencies
 * only: never import this from application code.
 */
import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface DocxParts {
  /** word/document.xml */
  document: string;
  styles: string;
  /** word/header*.xml, in name order. */
  headers: string[];
}

export async function readDocx(buffer: Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (name: string): Promise<string> => {
    const file = zip.file(name);
    if (!file) throw new Error(`DOCX has no ${name}`);
    return file.async('string');
  };
  const headerNames = Object.keys(zip.files)
    .filter((n) => /^word\/header\d*\.xml$/u.test(n))
    .sort();
  return {
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    headers: await Promise.all(headerNames.map(read)),
  };
}

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&amp;/gu, '&');
}

export interface DocxParagraph {
  /** The paragraph's raw XML (w:p element). */
  xml: string;
  /** Its text: the w:t runs joined, NFC. */
  text: string;
}

/** Paragraphs of a WordprocessingML part in document order (including those inside tables). */
export function docxParagraphs(xml: string): DocxParagraph[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/gu)].map((m) => ({
    xml: m[0],
    text: [...m[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/gu)]
      .map((t) => decodeXml(t[1] ?? ''))
      .join('')
      .normalize('NFC'),
  }));
}

export interface PdfText {
  pageCount: number;
  /** Text per page, lines separated by '\n', NFC. */
  pages: string[];
}

export async function readPdfText(buffer: Buffer): Promise<PdfText> {
  const pdf = await getDocument({
    data: new Uint8Array(buffer),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
  }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(text.normalize('NFC'));
    }
    return { pageCount: pdf.numPages, pages };
  } finally {
    await pdf.destroy();
  }
}

/** Whitespace runs (line breaks included) folded to one space, NFC: for "contains" checks. */
export function flat(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}
