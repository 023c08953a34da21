import { List, Text, VisuallyHidden } from '@mantine/core';
import type { AuditText } from './useAuditText.ts';
import { HIDDEN_FIELDS } from './labels.ts';
import { useTexts } from '../../i18n/texts.ts';
import { auditTexts } from './text.ts';

type Fields = Record<string, unknown>;
const isFields = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPair = (v: unknown): v is [unknown, unknown] => Array.isArray(v) && v.length === 2;

function FieldList({ fields, text }: { fields: Fields; text: AuditText }) {
  return (
    <List size="sm" listStyleType="none" spacing={2}>
      {Object.entries(fields).filter(([key]) => !HIDDEN_FIELDS.has(key)).map(([key, v]) => (
        <List.Item key={key}>
          <Text span fw={600} size="sm">
            {text.field(key)}:
          </Text>{' '}
          {isPair(v) && text.value(key, v[0]) === text.value(key, v[1]) ? (
            // a step that keeps the state (a document filed to a draft): the state once, no arrow
            text.value(key, v[0])
          ) : isPair(v) ? (
            <>
              {text.value(key, v[0])} <span aria-hidden="true">→</span>
              <VisuallyHidden component="span">{text.changedTo}</VisuallyHidden> {text.value(key, v[1])}
            </>
          ) : isFields(v) ? (
            <FieldList fields={v} text={text} />
          ) : (
            text.value(key, v)
          )}
        </List.Item>
      ))}
    </List>
  );
}

/** The changes of one audit entry, one line per field: "Field: before → after", or the created/removed data. */
export function Changes({ changes, text }: { changes: Fields; text: AuditText }) {
  const audit = useTexts(auditTexts);
  const entries = Object.entries(changes);
  if (entries.length === 0) return null;
  const [only] = entries;
  if (entries.length === 1 && only && (only[0] === 'created' || only[0] === 'removed') && isFields(only[1])) {
    return (
      <>
        <Text size="sm" c="dimmed">
          {audit.t(only[0] === 'created' ? 'created' : 'removed')}
        </Text>
        <FieldList fields={only[1]} text={text} />
      </>
    );
  }
  return <FieldList fields={changes} text={text} />;
}
