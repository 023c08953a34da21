import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { actionsFrom, assertTransition, findTransition, type Transition } from './workflow.ts';

type Status = 'draft' | 'sent' | 'closed';
const TABLE: readonly Transition<Status, 'edit' | 'send' | 'close'>[] = [
  { action: 'edit', from: ['draft'], to: 'draft' },
  { action: 'send', from: ['draft'], to: 'sent' },
  { action: 'close', from: ['draft', 'sent'], to: 'closed' },
];

describe('a workflow table', () => {
  it('finds the row for an action from a status, and lists what a status allows', () => {
    expect(findTransition(TABLE, 'sent', 'close')?.to).toBe('closed');
    expect(findTransition(TABLE, 'sent', 'edit')).toBeNull();
    expect(actionsFrom(TABLE, 'draft')).toEqual(['edit', 'send', 'close']);
    expect(actionsFrom(TABLE, 'closed')).toEqual([]);
  });

  it('refuses a step the table does not have with 409 and the workflow\'s own code', () => {
    expect(assertTransition(TABLE, 'draft', 'send', { code: 'validation' }).to).toBe('sent');
    const refused = (() => {
      try { assertTransition(TABLE, 'closed', 'edit', { code: 'validation' }); } catch (e) { return e; }
      return null;
    })();
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'validation', status: 409, params: { action: 'edit', status: 'closed' } });
  });
});
