/**
 * Vietnamese text folding and tone-mark normalisation.
 *
 * Two different jobs live here:
 *
 *  - `foldVietnamese` / `foldQuery` turn text into a loose, accent-free,
 *    lower-case form used for *matching* (search boxes, duplicate detection).
 *    Users routinely type without diacritics ("nguyen van hoa"), or with a
 *    different tone-mark placement than the stored record ("Hoà" vs "Hòa"),
 *    or paste decomposed (NFD) text from macOS / PDFs / Word. All of these
 *    must meet in the same folded string. The folded form is never shown.
 *
 *  - `normalizeToneMarks` rewrites text we *store and show* so that the same
 *    name is always spelled the same way. It keeps every diacritic; it only
 *    moves the tone mark to the one placement this app uses.
 *
 * Pure functions, no I/O, no dependencies: the server (through platform/vn) and the
 * browser (search boxes over lists it already holds) fold with the same code.
 */

/** Any Unicode combining mark (tones, breve, circumflex, horn, and foreign accents). */
const COMBINING_MARKS = /\p{M}/gu;

/**
 * Letters folded to plain "d" (checked after lower-casing):
 *  - đ U+0111: the Vietnamese letter. It is a *separate letter*, not d + mark,
 *    so NFD does not decompose it and stripping marks alone would keep it.
 *  - ð U+00F0 (Icelandic eth, upper Ð U+00D0): visually identical to Đ and
 *    very common in data converted from the legacy TCVN3/VNI encodings.
 *  - ɖ U+0256 (African D, upper Ɖ U+0189): the same look-alike problem.
 */
const D_LIKE = /[\u0111\u00F0\u0256]/gu;

/** Everything that is not a letter or a digit (punctuation, symbols, whitespace). */
const NON_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * Fold Vietnamese text for matching: lower-case, no diacritics or tone marks,
 * đ→d, punctuation removed, whitespace collapsed to single spaces, trimmed.
 *
 *   foldVietnamese('Nguyễn Văn Hòa')  === 'nguyen van hoa'
 *   foldVietnamese('NGUYỄN  VĂN HOÀ') === 'nguyen van hoa'
 *   foldVietnamese('Phòng GD&ĐT')     === 'phong gd dt'
 *
 * Notes on the choices:
 *  - NFKD rather than plain NFD: it decomposes precomposed letters exactly
 *    like NFD (so NFC and NFD input give the same result) and additionally
 *    maps compatibility characters (full-width letters, no-break spaces,
 *    ligatures) to their plain forms, which is what a search box wants.
 *  - Because every tone mark is removed, the two tone placements
 *    ("Hòa"/"Hoà", "Thủy"/"Thuỷ", "Khóa"/"Khoá") fold identically.
 *  - Punctuation is replaced by a space (then collapsed) rather than deleted
 *    outright, so "Nguyễn-Văn-Hòa" and "UBND/xã" split into words instead of
 *    gluing them together ("nguyenvanhoa").
 */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFKD')
    .toLowerCase() // locale-independent; the Turkish dotted İ becomes i + U+0307, stripped below
    .replace(D_LIKE, 'd')
    .replace(COMBINING_MARKS, '')
    .replace(NON_WORD, ' ')
    .trim();
}

/**
 * Fold a search query. Identical to `foldVietnamese` today; it exists as its
 * own name so that the stored side and the query side can never drift apart
 * silently (if query-only handling is ever needed it goes here, and both
 * sides keep calling their own function).
 */
export function foldQuery(q: string): string {
  return foldVietnamese(q);
}

// ---------------------------------------------------------------------------
// Tone-mark placement
// ---------------------------------------------------------------------------

/*
 * Vietnamese has two accepted conventions for where the tone mark goes in the
 * open syllables spelled oa, oe, uy (no final consonant after them):
 *
 *   traditional ("old style"): hòa, hóa, khỏe, xòe, thủy, túy, lũy
 *   "new style":               hoà, hoá, khoẻ, xoè, thuỷ, tuý, luỹ
 *
 * THIS APP USES THE TRADITIONAL STYLE — hòa, thủy, khỏe — the form found in
 * most administrative documents, decisions and citizen records. Picking one
 * placement matters because "Hòa" and "Hoà" are the same name: stored names,
 * printed certificates and duplicate checks must agree on one spelling.
 *
 * When a consonant (or another vowel) follows, both conventions agree that
 * the tone goes on the second vowel: hoàng, toán, khoèo, ngoài, huỳnh, khuỵu.
 * A tone typed on the first vowel there ("Hòang", "Hùynh") is simply a typo,
 * so we move it to the second vowel as well.
 *
 * After "q" the u is part of the consonant "qu": quý, quỳnh, quà are written
 * the same in both styles and are never touched.
 *
 * Implementation: work on the NFD form, where "ò" is "o" + U+0300 and so on,
 * so moving a tone mark is moving one code unit; then recompose to NFC.
 */

/** The five Vietnamese tone marks as combining characters (NFD). */
const TONE = '\u0300\u0301\u0303\u0309\u0323'; // huyền, sắc, ngã, hỏi, nặng

/**
 * oa / oe / uy at the end of a syllable with the tone on the second vowel
 * → move it to the first vowel.
 *  - The second vowel must carry exactly one mark, the tone, and be followed
 *    by neither a letter nor a further mark: that rules out final consonants,
 *    triphthongs (oai, oay, uyu…) and other letters (ặ = a + dot + breve).
 *  - The first vowel must be a bare o/u (it is directly followed by the
 *    second vowel, so it carries no mark) and u must not follow q.
 */
const OPEN_SYLLABLE = new RegExp(
  `(?<![qQ])([oO][aAeE]|[uU][yY])([${TONE}])(?![\\p{L}\\p{M}])`,
  'gu',
);

/**
 * oa / oe / uy followed by a consonant or a closing vowel (i, y, o, u) with
 * the tone on the first vowel → move it to the second vowel ("Hòang" →
 * "Hoàng", "Hùynh" → "Huỳnh"). A following a/e is excluded because in
 * "uyê" (thuyết, nguyễn) the tone belongs on the ê, not on y.
 */
const CLOSED_SYLLABLE = new RegExp(
  `(?<![qQ])([oOuU])([${TONE}])([aAeEyY])(?=\\p{L})(?![aAeE])`,
  'gu',
);

/** Only o+a, o+e and u+y are the pairs concerned ("ùy", not "ùa" as in "mùa"). */
function isToneMovingPair(first: string, second: string): boolean {
  const f = first.toLowerCase();
  const s = second.toLowerCase();
  return (f === 'o' && (s === 'a' || s === 'e')) || (f === 'u' && s === 'y');
}

/**
 * Rewrite text so tone marks use the app's single convention, the
 * traditional placement ("Hoà" → "Hòa", "Thuỷ" → "Thủy", "khoẻ" → "khỏe",
 * "Hòang" → "Hoàng"). Letters, case, spacing and punctuation are kept;
 * the result is NFC.
 */
export function normalizeToneMarks(s: string): string {
  return s
    .normalize('NFD')
    .replace(OPEN_SYLLABLE, (_m, pair: string, tone: string) => {
      // pair is exactly two bare letters, e.g. "oa" → "o" + tone + "a"
      return pair.charAt(0) + tone + pair.charAt(1);
    })
    .replace(CLOSED_SYLLABLE, (m: string, first: string, tone: string, second: string) => {
      return isToneMovingPair(first, second) ? first + second + tone : m;
    })
    .normalize('NFC');
}
