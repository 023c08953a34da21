import { z } from 'zod';
import type { FastifySchemaCompiler } from 'fastify';
import { isMessageKey, translate, type Locale } from '../i18n/messages.ts';

/**
 * The one validation path: every body, query and params object is a zod schema on its route.
 * Issues keep their input so the error handler can word them in the user's language.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema }) => (data) => {
  // text PostgreSQL cannot store (a NUL) or JSON cannot carry (half a surrogate pair) is refused here, for every field
  const badText = badTextAt(data);
  if (badText) {
    const issue = { code: 'custom', path: badText, message: 'text.invalid_character', input: undefined } as z.core.$ZodIssue;
    return { error: Object.assign(new Error('validation'), { zodIssues: [issue] }) };
  }
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { value: result.data };
  return { error: Object.assign(new Error('validation'), { zodIssues: result.error.issues }) };
};

// eslint-disable-next-line no-control-regex -- finding the NUL is the point
const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first string (or key) holding a NUL or a lone surrogate, or null when all text is sound. */
export function badTextAt(value: unknown, path: (string | number)[] = [], depth = 0): (string | number)[] | null {
  if (typeof value === 'string') return BAD_TEXT.test(value) ? path : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = badTextAt(item, [...path, i], depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    if (BAD_TEXT.test(key)) return [...path, key];
    const found = badTextAt(item, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

export interface FieldIssue { path: string; message: string }

const localeErrors = { vi: z.locales.vi().localeError, en: z.locales.en().localeError };

export function describeIssues(issues: readonly z.core.$ZodIssue[], locale: Locale): FieldIssue[] {
  return issues.map((issue) => {
    // our own refinements carry a message key ('movement.window_inverted'): word it from the catalogue
    if (isMessageKey(issue.message)) return { path: issue.path.join('.'), message: translate(issue.message, locale) };
    const worded = localeErrors[locale](issue as unknown as z.core.$ZodRawIssue);
    const message = typeof worded === 'string' ? worded : (worded?.message ?? issue.message);
    return { path: issue.path.join('.'), message };
  });
}

/** Fastify hands our validator's error through unchanged (an Error is not re-wrapped). */
export function zodIssuesOf(error: unknown): readonly z.core.$ZodIssue[] | null {
  const issues = (error as { zodIssues?: unknown } | null)?.zodIssues;
  return Array.isArray(issues) ? issues : null;
}
