import { Text } from '@mantine/core';
import { AnchorLink } from '../../app/links.tsx';
import type { AuditEntry } from './api.ts';
import type { AuditText } from './useAuditText.ts';
import { useTexts } from '../../i18n/texts.ts';
import { auditTexts } from './text.ts';

/** The entity types the audit filter offers: exactly those GET /api/audit accepts as entityType. */
export const AUDIT_ENTITY_TYPES = ['organisation', 'person', 'employment', 'user', 'grant'] as const;
// Entries carry other types too (sessions, batches, files…): those are named, not filtered on, and a type
// without words yet reads "Đối tượng khác" rather than its code.
export function useEntityTypeLabel() {
  const audit = useTexts(auditTexts);
  const types: Readonly<Record<string, string>> = audit.strings.entityTypes;
  return (type: string) => types[type] ?? audit.strings.otherEntity;
}

/** The kind of entity, and under it the organisation's name or a link to the person (else the id, small). */
export function AuditEntity({ entry, text }: { entry: AuditEntry; text: AuditText }) {
  const audit = useTexts(auditTexts);
  const label = useEntityTypeLabel();
  const id = entry.entityId;
  let detail = null;
  if (id && entry.entityType === 'organisation') {
    detail = (
      <AnchorLink to="/to-chuc/$id" params={{ id }} size="sm">
        {text.orgName(id) ?? id}
      </AnchorLink>
    );
  } else if (id && entry.entityType === 'person') {
    detail = (
      <AnchorLink to="/ca-nhan/$id" params={{ id }} size="sm">
        {audit.t('openPerson')}
      </AnchorLink>
    );
  } else if (id) {
    detail = (
      <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
        {id}
      </Text>
    );
  }
  return (
    <>
      <Text size="sm">{label(entry.entityType)}</Text>
      {detail}
    </>
  );
}
