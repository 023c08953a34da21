import { expect } from 'vitest';
import type { Session } from './app.ts';

export interface VersionedEdit {
  /** who edits */
  as: Session;
  /** the edited record's version as its page shows it now (read through the API) */
  version: () => Promise<number>;
  /** the edit: `attempt` 1 is saved from the version loaded, 2 from the same (now old) one, 3 with no version */
  edit: (attempt: 1 | 2 | 3) => { method: 'PATCH' | 'PUT'; url: string; payload: Record<string, unknown> };
  /** what the database holds of the edited row (and what the edit writes), read directly */
  row: () => Promise<unknown>;
}

/**
 * The story every versioned edit tells (platform/versions.ts): two officers open the same form; the first saves
 * (version + 1), the second saves from the version they loaded and is refused with 409 edit.stale in Vietnamese,
 * the row exactly as the first left it; an API client that sends no version applies its fields (version + 2).
 */
export async function expectVersionedEdit(e: VersionedEdit): Promise<void> {
  const loaded = await e.version();
  const send = (attempt: 1 | 2 | 3, version: number | undefined) => {
    const { payload, ...rest } = e.edit(attempt);
    return e.as.request({ ...rest, headers: { 'accept-language': 'vi' }, payload: version === undefined ? payload : { ...payload, version } });
  };
  const first = await send(1, loaded);
  expect(first.statusCode, first.body).toBeLessThan(300);
  expect(await e.version()).toBe(loaded + 1);
  const saved = await e.row();
  const stale = await send(2, loaded);
  expect(stale.statusCode, stale.body).toBe(409);
  expect(stale.json().error).toMatchObject({ code: 'edit.stale', message: expect.stringMatching(/tải lại/) });
  expect(await e.row()).toEqual(saved);
  const unversioned = await send(3, undefined);
  expect(unversioned.statusCode, unversioned.body).toBeLessThan(300);
  expect(await e.version()).toBe(loaded + 2);
  expect(await e.row()).not.toEqual(saved);
}
