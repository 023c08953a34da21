/**
 * Vietnamese personal names.
 *
 * A Vietnamese full name is written "Family Middle… Given" (họ, tên đệm,
 * tên): "Nguyễn Văn Hòa" is family Nguyễn, middle Văn, given Hòa. The given
 * name is the one people are addressed and sorted by (see sort.ts).
 *
 * The split is positional: first word = family, last word = given, anything
 * between = middle. Compound family names ("Tôn Nữ", "Âu Dương") cannot be
 * told apart from a middle name by rule, so the split is only a default for
 * forms; the stored parts are what users confirm or correct.
 */

export interface VietnameseName {
  /** Họ, e.g. "Nguyễn". */
  family: string;
  /** Tên đệm, may be several words ("Thị Thu") or empty. */
  middle: string;
  /** Tên, e.g. "Hòa". */
  given: string;
}

/** NFC, trim, and split on any run of whitespace (incl. no-break spaces). */
function words(s: string): string[] {
  return s
    .normalize('NFC')
    .split(/\s+/u)
    .filter((w) => w.length > 0);
}

/**
 * Split a full name into family / middle / given.
 *
 *   "Nguyễn Văn Hòa"  → { family: "Nguyễn", middle: "Văn",     given: "Hòa" }
 *   "Lê Thị Thu Hà"   → { family: "Lê",     middle: "Thị Thu", given: "Hà" }
 *   "Nguyễn Hòa"      → { family: "Nguyễn", middle: "",        given: "Hòa" }
 *   "Hòa"             → { family: "",       middle: "",        given: "Hòa" }
 *   "   "             → all empty
 *
 * Output is NFC with single spaces. Tone placement and case are kept as
 * typed (use normalizeToneMarks from fold.ts to canonicalise placement).
 */
export function splitVietnameseName(full: string): VietnameseName {
  const w = words(full);
  if (w.length === 0) return { family: '', middle: '', given: '' };
  if (w.length === 1) return { family: '', middle: '', given: w[0] ?? '' };
  return {
    family: w[0] ?? '',
    middle: w.slice(1, -1).join(' '),
    given: w[w.length - 1] ?? '',
  };
}

/**
 * Join parts back into "Family Middle Given", skipping empty parts, with
 * single spaces and NFC. Inverse of splitVietnameseName for normalised input.
 */
export function joinVietnameseName(parts: VietnameseName): string {
  return [parts.family, parts.middle, parts.given].flatMap(words).join(' ');
}
