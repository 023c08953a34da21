import { inflateSync } from 'node:zlib';

/**
 * What in a PDF can act when it is opened: scripts, actions run on opening or on events, launching programs,
 * embedded files, rich media, XFA forms. A signed scan has none of these; when one is there the officer is warned
 * before opening it. The names are looked for in the file as written and inside its compressed streams (object
 * streams hide dictionaries), inflating at most `budget` bytes in all so a crafted file cannot exhaust memory.
 */
const MARKERS = ['JavaScript', 'JS', 'OpenAction', 'AA', 'Launch', 'EmbeddedFile', 'RichMedia', 'XFA', 'SubmitForm', 'ImportData'] as const;
export type ActiveContent = (typeof MARKERS)[number];

// a PDF name ends at whitespace or a delimiter; /JS must not match /JSON, /AA not /AAPL
const markerPattern = new RegExp(`/(${MARKERS.join('|')})(?=[\\s/<>\\[\\]()%{}]|$)`, 'g');

function markersIn(text: string, found: Set<ActiveContent>) {
  for (const match of text.matchAll(markerPattern)) found.add(match[1] as ActiveContent);
}

export function pdfActiveContent(bytes: Buffer, budget = 64 * 1024 * 1024): ActiveContent[] {
  const found = new Set<ActiveContent>();
  const text = bytes.toString('latin1');
  markersIn(text, found);
  let left = budget;
  const streamStart = /stream\r?\n/g;
  for (let match = streamStart.exec(text); match && left > 0; match = streamStart.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    try {
      const inflated = inflateSync(bytes.subarray(start, end), { maxOutputLength: left });
      left -= inflated.length;
      markersIn(inflated.toString('latin1'), found);
    } catch (error) {
      // over the budget: stop inflating (what was readable has been read); not Flate: go on with the next stream
      if (error instanceof RangeError) break;
    }
    streamStart.lastIndex = end;
  }
  return MARKERS.filter((m) => found.has(m));
}

/** The stored list (files.active_content, jsonb) as the names above; anything else in it is ignored. */
export function activeContentOf(stored: unknown): ActiveContent[] {
  return Array.isArray(stored) ? MARKERS.filter((m) => stored.includes(m)) : [];
}
