import type { ExampleKind, ExampleStage, ExampleSubjectKind } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { actionsFrom, assertTransition, type Transition } from '../../platform/workflow.ts';
import { foldVietnamese } from '../../platform/vn/fold.ts';

/**
 * Typical advanced examples and good deeds as pure rules. The Quảng Ngãi council plan, §3a: building examples "phải được chú
 * trọng thực hiện từ cơ sở và thực hiện đồng bộ cả 4 khâu: Phát hiện - bồi dưỡng - tổng kết - nhân điển
 * hình tiên tiến" — discover, nurture, summarise, replicate. The steps are a table the API, the page's
 * buttons and the tests all read.
 */

export const EXAMPLE_KINDS: readonly ExampleKind[] = ['typical_example', 'good_deed'];
export const EXAMPLE_STAGES: readonly ExampleStage[] = ['discover', 'nurture', 'summarise', 'replicate'];
export const SUBJECT_KINDS: readonly ExampleSubjectKind[] = ['person', 'collective', 'citizen'];

export const TITLE_MAX = 300;
export const STORY_MAX = 20_000;
export const SUBJECT_NAME_MAX = 200;
export const SUBJECT_DETAIL_MAX = 300;
export const NOTE_MAX = 2000;
export const CAPTION_MAX = 300;
export const PHOTOS_MAX = 12;
/** The characters of the story a card on the public board shows. */
export const EXCERPT_LENGTH = 280;

/**
 * The steps as a table: each step leads to the next; going one step back (a model that did not hold up
 * when it was summarised, a replication that must be reworked) is allowed but must say why (the
 * `note_required` guard). The action is the step moved to; the unit's officer or head takes it
 * (example.write over the example's unit).
 */
export interface StageTransition extends Transition<ExampleStage, ExampleStage> { guard?: 'note_required' }

export const STAGE_TRANSITIONS: readonly StageTransition[] = [
  { action: 'nurture', from: ['discover'], to: 'nurture', permission: 'example.write', where: 'unit' },
  { action: 'summarise', from: ['nurture'], to: 'summarise', permission: 'example.write', where: 'unit' },
  { action: 'replicate', from: ['summarise'], to: 'replicate', permission: 'example.write', where: 'unit' },
  { action: 'discover', from: ['nurture'], to: 'discover', permission: 'example.write', where: 'unit', guard: 'note_required' },
  { action: 'nurture', from: ['summarise'], to: 'nurture', permission: 'example.write', where: 'unit', guard: 'note_required' },
  { action: 'summarise', from: ['replicate'], to: 'summarise', permission: 'example.write', where: 'unit', guard: 'note_required' },
];

export function nextStages(from: ExampleStage): ExampleStage[] {
  return actionsFrom(STAGE_TRANSITIONS, from);
}

/** The transition from → to, or the AppError the user sees (409 not allowed, 400 a step back without a reason). */
export function assertStageChange(from: ExampleStage, to: ExampleStage, note: string): void {
  const t = assertTransition(STAGE_TRANSITIONS, from, to, { code: 'example.stage_transition', params: { from, to } });
  if (t.guard === 'note_required' && note.trim() === '') throw new AppError('example.stage_note_required', 400);
}

/** What the staff list searches: title, subject and story folded (no diacritics, đ → d, lower case). */
export function searchText(e: { title: string; subjectName: string; subjectDetail: string; story: string }): string {
  return foldVietnamese([e.title, e.subjectName, e.subjectDetail, e.story].join(' '));
}

/**
 * The beginning of the story for a card: whole words, at most EXCERPT_LENGTH characters, with an ellipsis
 * when cut. Plain text in, plain text out: the page renders it as text.
 */
export function excerpt(story: string, length = EXCERPT_LENGTH): string {
  const flat = story.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > length * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

/** The public board's keyset cursor: the last card's publication instant and id, opaque to the client. */
export function encodeCursor(publishedAt: Date, id: string): string {
  return Buffer.from(`${publishedAt.toISOString()}|${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { publishedAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const publishedAt = new Date(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(publishedAt.getTime())) throw new AppError('example.bad_cursor', 400);
  return { publishedAt, id };
}
