import { AppError } from '../errors.ts';

/**
 * Just enough of a streaming XML reader for SpreadsheetML: text arrives in pieces (`feed`), elements
 * come out as open/close events with their local name (a prefix such as `x:` dropped) and text comes
 * out only while the handler asks for it, so a part full of whitespace or unknown elements costs no
 * memory. One unfinished token may not grow past MAX_TOKEN: a cell's text is at most 32,767
 * characters in Excel, so anything far longer is not a spreadsheet.
 */
export interface XmlHandler {
  open(name: string, tag: string): void;
  close(name: string): void;
  /** text of the current element, entities decoded; called only while `wantText()` */
  text(value: string): void;
  wantText(): boolean;
}

const MAX_TOKEN = 1024 * 1024;
const damaged = () => new AppError('import.not_spreadsheet', 415);

export class XmlStream {
  private buffer = '';
  constructor(private readonly handler: XmlHandler) {}

  feed(piece: string) {
    const text = this.buffer + piece;
    const h = this.handler;
    let at = 0;
    for (;;) {
      const lt = text.indexOf('<', at);
      if (lt < 0) {
        if (h.wantText()) h.text(decodeEntities(cutAtEntity(text, at)));
        at = text.length - trailingEntity(text, at);
        break;
      }
      if (lt > at && h.wantText()) h.text(decodeEntities(text.slice(at, lt)));
      const end = tokenEnd(text, lt);
      if (end < 0) { at = lt; break; }
      at = end;
      const second = text.charCodeAt(lt + 1);
      if (second === 0x2f /* / */) { h.close(localName(text.slice(lt + 2, end - 1).trim())); continue; }
      if (second === 0x3f /* ? */) continue;
      if (second === 0x21 /* ! */) {
        if (text.startsWith('<![CDATA[', lt) && h.wantText()) h.text(text.slice(lt + 9, end - 3));
        continue;
      }
      const selfClosing = text.charCodeAt(end - 2) === 0x2f;
      const tag = text.slice(lt + 1, selfClosing ? end - 2 : end - 1);
      const space = tag.search(/[\s/]/);
      const name = localName(space < 0 ? tag : tag.slice(0, space));
      h.open(name, tag);
      if (selfClosing) h.close(name);
    }
    this.buffer = text.slice(at);
    if (this.buffer.length > MAX_TOKEN) throw damaged();
  }

  end() {
    if (this.buffer.trim() !== '') throw damaged();
  }
}

/** The index just past the token that starts at `lt`, or -1 when it is not complete yet. */
function tokenEnd(text: string, lt: number): number {
  if (text.startsWith('<!--', lt)) { const e = text.indexOf('-->', lt + 4); return e < 0 ? -1 : e + 3; }
  if (text.startsWith('<![CDATA[', lt)) { const e = text.indexOf(']]>', lt + 9); return e < 0 ? -1 : e + 3; }
  // a '>' inside a quoted attribute value does not end the tag
  let quote = 0;
  for (let i = lt + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) { if (c === quote) quote = 0; }
    else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return i + 1;
  }
  return -1;
}

const localName = (qualified: string) => {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
};

/** Characters at the end that may be the start of an entity cut by the chunk boundary ("&am"). */
function trailingEntity(text: string, from: number): number {
  const amp = text.lastIndexOf('&');
  if (amp < from || text.indexOf(';', amp) >= 0 || text.length - amp > 12) return 0;
  return text.length - amp;
}
const cutAtEntity = (text: string, from: number) => text.slice(from, text.length - trailingEntity(text, from));

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (whole, body: string) => {
    if (body[0] !== '#') return NAMED[body] ?? whole;
    const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** The value of one attribute in a tag's text (`c r="A1" t="s"`), entities decoded; undefined when absent. */
export function attribute(tag: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = tag.indexOf(name, from);
    if (at < 0) return undefined;
    from = at + name.length;
    const before = tag.charCodeAt(at - 1);
    // the name must stand alone (not the end of another name) and be followed by =
    if (at > 0 && before !== 0x20 && before !== 0x09 && before !== 0x0a && before !== 0x0d && before !== 0x3a) continue;
    const m = /^\s*=\s*("([^"]*)"|'([^']*)')/.exec(tag.slice(from));
    if (!m) continue;
    return decodeEntities(m[2] ?? m[3] ?? '');
  }
}
