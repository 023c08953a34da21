import { Code, List } from '@mantine/core';

function show(value: unknown): string {
  if (value === null || value === undefined) return '∅';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** A before → after pair in any of the shapes an audit log commonly uses. */
function pair(value: unknown): [unknown, unknown] | null {
  if (Array.isArray(value) && value.length === 2) return [value[0], value[1]];
  if (typeof value === 'object' && value !== null) {
    const v = value as Record<string, unknown>;
    if ('from' in v && 'to' in v) return [v.from, v.to];
    if ('old' in v && 'new' in v) return [v.old, v.new];
    if ('before' in v && 'after' in v) return [v.before, v.after];
  }
  return null;
}

/** The changes object of one audit entry, one line per field. */
export function Changes({ changes }: { changes: Record<string, unknown> | null }) {
  const entries = Object.entries(changes ?? {});
  if (entries.length === 0) return null;
  return (
    <List size="sm" listStyleType="none" spacing={2}>
      {entries.map(([field, value]) => {
        const p = pair(value);
        return (
          <List.Item key={field}>
            <Code>{field}</Code>: {p ? `${show(p[0])} → ${show(p[1])}` : show(value)}
          </List.Item>
        );
      })}
    </List>
  );
}
