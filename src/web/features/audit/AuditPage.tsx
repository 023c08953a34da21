import { useState } from 'react';
import { Button, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { AppSelect } from '../../app/AppSelect.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { Loading } from '../../app/Loading.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { OrgSelect } from '../organisations/OrgSelect.tsx';
import { useAudit } from './api.ts';
import { AuditEntries } from './AuditEntries.tsx';
import { AUDIT_ENTITY_TYPES, useEntityTypeLabel } from './AuditEntity.tsx';
import { useTexts } from '../../i18n/texts.ts';
import { auditTexts } from './text.ts';
import { appTexts } from '../../app/text.ts';

function AuditLog() {
  const { t } = useTexts(appTexts);
  const audit = useTexts(auditTexts);
  const typeLabel = useEntityTypeLabel();
  const [entityType, setEntityType] = useState<string | null>(null);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const query = useAudit({ entityType: entityType ?? undefined, organisationId: organisationId ?? undefined });
  const entries = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack>
      <Title order={1}>{audit.t('title')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} maw={800}>
        <AppSelect
          label={audit.t('entityType')}
          clearable
          placeholder={t('common.all')}
          value={entityType}
          onChange={setEntityType}
          data={AUDIT_ENTITY_TYPES.map((type) => ({ value: type, label: typeLabel(type) }))}
        />
        <OrgSelect label={audit.t('organisation')} value={organisationId} onChange={setOrganisationId} clearable placeholder={t('common.all')} />
      </SimpleGrid>
      {query.isPending && <Loading />}
      <ErrorAlert error={query.error} />
      {query.isSuccess && entries.length === 0 && <Text>{audit.t('empty')}</Text>}
      {entries.length > 0 && <AuditEntries entries={entries} />}
      {query.hasNextPage ? (
        <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} w="fit-content">
          {audit.t('loadMore')}
        </Button>
      ) : (
        entries.length > 0 && <Text size="sm">{audit.t('end')}</Text>
      )}
    </Stack>
  );
}

export function AuditPage() {
  const audit = useTexts(auditTexts);
  usePageTitle(audit.t('title'));
  return (
    <RequireRole roles={['system_admin', 'standing_officer']}>
      <AuditLog />
    </RequireRole>
  );
}
