import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../app/links.tsx';
import type { AuditEntry } from './api.ts';

const KNOWN = ['organisation', 'person', 'employment', 'user', 'grant', 'session'] as const;
type KnownType = (typeof KNOWN)[number];
const isKnown = (type: string): type is KnownType => (KNOWN as readonly string[]).includes(type);

export const AUDIT_ENTITY_TYPES = KNOWN;

export function useEntityTypeLabel() {
  const { t } = useTranslation();
  return (type: string) => (isKnown(type) ? t(`audit.entityTypes.${type}`) : type);
}

/** "Đơn vị #id", linked when the entity has a page. */
export function AuditEntity({ entry }: { entry: AuditEntry }) {
  const label = useEntityTypeLabel();
  const text = `${label(entry.entityType)} ${entry.entityId}`;
  if (entry.entityType === 'organisation') {
    return (
      <AnchorLink to="/to-chuc/$id" params={{ id: entry.entityId }}>
        {text}
      </AnchorLink>
    );
  }
  if (entry.entityType === 'person') {
    return (
      <AnchorLink to="/ca-nhan/$id" params={{ id: entry.entityId }}>
        {text}
      </AnchorLink>
    );
  }
  return <>{text}</>;
}
