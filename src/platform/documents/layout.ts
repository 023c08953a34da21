/**
 * The measurements of the Decree 30/2020 layout shared by the DOCX and PDF renderers, in
 * millimetres and points, so both print the same page.
 */
export const LAYOUT = {
  /** A4 portrait. */
  page: { widthMm: 210, heightMm: 297 },
  margins: { topMm: 20, bottomMm: 20, leftMm: 30, rightMm: 20 },
  /** Distance of the page number (pages 2+) from the top edge. */
  headerMm: 10,
  /** Header table: issuer on the left, national title on the right (sum = text width 160 mm). */
  headerColumnsMm: [62, 98] as const,
  /** Signature table: 'Nơi nhận' left, signature right. */
  footerColumnsMm: [80, 80] as const,
  /** Short rule under the issuing body, and the rule under the motto (≈ its text width). */
  issuerRuleMm: 25,
  mottoRuleMm: 56,
  firstLineIndentMm: 12.7,
  /** Space left for the handwritten signature and seal. */
  signatureGapMm: 25,
  fontFamilyDocx: 'Times New Roman',
  size: {
    parentBody: 13,
    issuingBody: 13,
    number: 13,
    nationalTitle: 12,
    motto: 13,
    placeDate: 14,
    kind: 14,
    subject: 14,
    body: 14,
    signature: 14,
    recipientsHeading: 12,
    recipients: 11,
    pageNumber: 13,
    /** body tables (lists of nominees, past awards) and the cells of an attached list */
    table: 13,
  },
  /** Space after body paragraphs (Decree 30: at least 6 pt). */
  paragraphAfterPt: 6,
} as const;

export function mmToPt(mm: number): number {
  return (mm * 72) / 25.4;
}

/** Word's unit: a twentieth of a point. */
export function mmToTwip(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}
