import { z } from 'zod';
import { isDocumentSymbol, MAX_DOCUMENT_NUMBER, MAX_SYMBOL_LENGTH } from '../../shared/document-number.ts';

/**
 * The schemas of a document's number and symbol ("512" and "QĐ-SGDĐT" of 512/QĐ-SGDĐT, src/shared/document-number.ts):
 * anything else — a string, a sign, a decimal, the whole "512/QĐ-SGDĐT" in the number — is a 400 that says so in the
 * user's language, never bent into another number.
 */
export const documentNumber = z.number({ error: 'document.number_invalid' })
  .int({ error: 'document.number_invalid' }).min(1, { error: 'document.number_invalid' }).max(MAX_DOCUMENT_NUMBER, { error: 'document.number_invalid' })
  .describe('the sequence number of the issuer in the year, e.g. 512');

export const documentSymbol = z.string({ error: 'document.symbol_invalid' }).trim()
  .refine((s) => isDocumentSymbol(s), { error: 'document.symbol_invalid' })
  .describe(`kind and issuer abbreviations, e.g. QĐ-UBND (capitals with Đ, digits, &, dashes; at most ${MAX_SYMBOL_LENGTH})`);
