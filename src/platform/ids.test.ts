import { describe, expect, it } from 'vitest';
import { isUuid, uuidv7 } from './ids.ts';

describe('UUIDv7 ids made by the app', () => {
  it('are version 7, variant 10, and carry the millisecond they were made', () => {
    const at = Date.UTC(2026, 10, 21, 3, 0, 0);
    const id = uuidv7(at + 10_000_000);
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at + 10_000_000);
  });

  it('increase strictly within a process, even thousands in one millisecond', () => {
    const ids = Array.from({ length: 10_000 }, () => uuidv7(Date.UTC(2030, 0, 1)));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('never go backwards when the clock does', () => {
    const later = uuidv7(Date.UTC(2031, 0, 1));
    const earlierClock = uuidv7(Date.UTC(2020, 0, 1));
    expect(earlierClock > later).toBe(true);
  });
});
