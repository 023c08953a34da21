/**
 * Vietnamese sort keys.
 *
 * Lists of people and organisations must sort the Vietnamese way, and they
 * must sort the same in PostgreSQL and in the browser. Rather than relying on
 * an ICU "vi" collation (not available everywhere, and version-dependent), we
 * compute a *sort key*: a printable-ASCII string whose plain bytewise order
 * is the Vietnamese order. It is stored in a column with COLLATE "C" (so the
 * database compares bytes) and can be compared in JS with `<`.
 *
 * The ordering rules:
 *  - Alphabet: a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z
 *    (f j w z are not Vietnamese letters but occur in foreign names; they take
 *    their Latin-alphabet positions). Digits come before letters.
 *  - Case-insensitive.
 *  - Word by word, letter by letter; a shorter word first ("An" < "Anh"),
 *    and "An Bình" < "Anh" (the end of a word sorts before any letter).
 *  - Runs of digits compare as numbers ("Tổ 2" < "Tổ 10").
 *  - Tone marks do not affect the order unless everything else is equal;
 *    then they break the tie, word by word, in the dictionary tone order
 *    none < huyền (`) < hỏi (?) < ngã (~) < sắc (´) < nặng (.).
 *  - Persons sort by given name, then middle name, then family name.
 *
 * Names that differ only in case or tone-mark *placement* ("Hòa"/"Hoà") get
 * the same key, so add a unique column (the id) as the final ORDER BY term.
 *
 * KEY ENCODING (all characters in 0x21–0x7E; no space, quote, backslash,
 * percent or underscore, so the key is safe in any index, URL or LIKE):
 *
 *   key      = primary "!" tones
 *   primary  = words joined by "-"                          (textSortKey)
 *            | given "+" middle "+" family, each as above   (personSortKey)
 *   word     = sequence of letter and number tokens
 *   letter   = base letter a–z + variant digit:
 *                a→a0 ă→a1 â→a2   d→d0 đ→d1   e→e0 ê→e1
 *                o→o0 ô→o1 ơ→o2   u→u0 ư→u1   every other letter x→x0
 *            | "~" + 6 hex digits of the code point, for letters outside
 *              a–z (other scripts); these sort after z
 *   number   = one length char + the digits without leading zeros, where the
 *              length char is chr(0x30 + number of digits): "0"→"0",
 *              "7"→"17", "10"→"210", "2024"→"42024"; so a longer number
 *              sorts after a shorter one. Runs longer than 16 digits are cut
 *              into 16-digit chunks (order among such giants is approximate).
 *   tones    = one digit per word, in primary order (given, middle, family
 *              words for persons): 0 none, 1 huyền, 2 hỏi, 3 ngã, 4 sắc,
 *              5 nặng (the first tone mark found in the word).
 *
 * Why the separators sort correctly: "!" (0x21) < "+" (0x2B) < "-" (0x2D) <
 * number chars "0"–"@" (0x30–0x40) < letters "a"–"z" (0x61–0x7A) < "~".
 * End of the whole primary ("!") sorts first, so a name that is a prefix of
 * another sorts first; end of a person part ("+") sorts before the start of
 * another word in that part ("-"), so middle "Thị" < "Thị Thu"; and a word
 * end sorts before any letter, so "An" < "Anh". Every token is
 * self-delimiting, so two keys with an equal prefix are always aligned on
 * token boundaries. Tones only decide when the primaries are equal, and then
 * both keys have the same number of words, so the tone digits line up.
 *
 * Example: personSortKey({ family: 'Nguyễn', middle: 'Văn', given: 'Hòa' })
 *        = "h0o0a0+v0a1n0+n0g0u0y0e1n0!103"
 */

import type { VietnameseName } from './names.ts';

const TONE_SEPARATOR = '!';
const PART_SEPARATOR = '+';
const WORD_SEPARATOR = '-';

/** Tone marks (NFD combining characters) → tone digit. */
const TONE_DIGIT: Readonly<Record<string, string>> = {
  '\u0300': '1', // huyền  à
  '\u0309': '2', // hỏi    ả
  '\u0303': '3', // ngã    ã
  '\u0301': '4', // sắc    á
  '\u0323': '5', // nặng   ạ
};

const BREVE = '\u0306'; // ă
const CIRCUMFLEX = '\u0302'; // â ê ô
const HORN = '\u031B'; // ơ ư

/** Letters that are written as "d with stroke" (see fold.ts for ð and ɖ). */
const D_STROKE = new Set(['\u0111', '\u00F0', '\u0256']);

/** Variant digit for a base letter carrying the given (non-tone) marks. */
function variantDigit(base: string, marks: string): string {
  switch (base) {
    case 'a':
      if (marks.includes(BREVE)) return '1';
      if (marks.includes(CIRCUMFLEX)) return '2';
      return '0';
    case 'e':
      return marks.includes(CIRCUMFLEX) ? '1' : '0';
    case 'o':
      if (marks.includes(CIRCUMFLEX)) return '1';
      if (marks.includes(HORN)) return '2';
      return '0';
    case 'u':
      return marks.includes(HORN) ? '1' : '0';
    default:
      return '0';
  }
}

const MAX_NUMBER_DIGITS = 16;

function encodeNumber(digits: string): string {
  const significant = digits.replace(/^0+/, '');
  if (significant.length === 0) return '0';
  let out = '';
  for (let i = 0; i < significant.length; i += MAX_NUMBER_DIGITS) {
    const chunk = significant.slice(i, i + MAX_NUMBER_DIGITS);
    out += String.fromCharCode(0x30 + chunk.length) + chunk;
  }
  return out;
}

const IS_LETTER = /^\p{L}$/u;
const IS_MARK = /^\p{M}$/u;
const IS_ASCII_DIGIT = /^[0-9]$/;
const IS_OTHER_NUMBER = /^\p{N}$/u;

interface Encoded {
  /** Word codes, in order. */
  words: string[];
  /** One tone digit per word. */
  tones: string[];
}

/** Encode one piece of text into word codes and per-word tone digits. */
function encodeText(s: string): Encoded {
  // NFKD: split letters into base + marks (NFC and NFD input alike) and map
  // compatibility forms (full-width letters, superscripts) to plain ones.
  const chars = Array.from(s.normalize('NFKD').toLowerCase().normalize('NFKD'));
  const words: string[] = [];
  const tones: string[] = [];
  let word = '';
  let tone = '0';

  const endWord = (): void => {
    if (word.length > 0) {
      words.push(word);
      tones.push(tone);
    }
    word = '';
    tone = '0';
  };

  let i = 0;
  while (i < chars.length) {
    const c = chars[i] ?? '';
    if (IS_ASCII_DIGIT.test(c)) {
      let digits = '';
      while (i < chars.length && IS_ASCII_DIGIT.test(chars[i] ?? '')) {
        digits += chars[i];
        i += 1;
      }
      word += encodeNumber(digits);
      continue;
    }
    if (IS_LETTER.test(c) || IS_OTHER_NUMBER.test(c)) {
      i += 1;
      let marks = '';
      while (i < chars.length && IS_MARK.test(chars[i] ?? '')) {
        marks += chars[i];
        i += 1;
      }
      if (c >= 'a' && c <= 'z') {
        word += c + variantDigit(c, marks);
      } else if (D_STROKE.has(c)) {
        word += 'd1';
      } else {
        const cp = c.codePointAt(0) ?? 0;
        word += '~' + cp.toString(16).padStart(6, '0');
      }
      if (tone === '0') {
        for (const m of marks) {
          const t = TONE_DIGIT[m];
          if (t !== undefined) {
            tone = t;
            break;
          }
        }
      }
      continue;
    }
    if (IS_MARK.test(c)) {
      // A stray mark with no letter before it (e.g. after a digit): ignore.
      i += 1;
      continue;
    }
    // Whitespace, punctuation, symbols: a word boundary.
    endWord();
    i += 1;
  }
  endWord();
  return { words, tones };
}

/**
 * Sort key for free text such as organisation or title names:
 * compare keys bytewise (COLLATE "C" / JS `<`). See the encoding above.
 *
 *   textSortKey('An') < textSortKey('Anh') < textSortKey('Ánh') < textSortKey('Ăn')
 */
export function textSortKey(s: string): string {
  const e = encodeText(s);
  return e.words.join(WORD_SEPARATOR) + TONE_SEPARATOR + e.tones.join('');
}

/**
 * Sort key for a person: given name, then middle name, then family name,
 * tone marks only as the final tiebreak. Compare keys bytewise.
 */
export function personSortKey(parts: VietnameseName): string {
  const given = encodeText(parts.given);
  const middle = encodeText(parts.middle);
  const family = encodeText(parts.family);
  return (
    given.words.join(WORD_SEPARATOR) +
    PART_SEPARATOR +
    middle.words.join(WORD_SEPARATOR) +
    PART_SEPARATOR +
    family.words.join(WORD_SEPARATOR) +
    TONE_SEPARATOR +
    given.tones.join('') +
    middle.tones.join('') +
    family.tones.join('')
  );
}
