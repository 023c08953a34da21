import { useState } from 'react';
import { Button, Code, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppSelect } from '../../app/AppSelect.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatInstant } from '../../app/format.ts';
import { Loading } from '../../app/Loading.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { OrgSelect } from '../organisations/OrgSelect.tsx';
import { useAudit } from './api.ts';
import { AUDIT_ENTITY_TYPES, AuditEntity, useEntityTypeLabel } from './AuditEntity.tsx';
import { Changes } from './Changes.tsx';

function AuditLog() {
  const { t } = useTranslation();
  const typeLabel = useEntityTypeLabel();
  const [entityType, setEntityType] = useState<string | null>(null);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const query = useAudit({ entityType: entityType ?? undefined, organisationId: organisationId ?? undefined });
  const entries = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack>
      <Title order={1}>{t('audit.title')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} maw={800}>
        <AppSelect
          label={t('audit.entityType')}
          clearable
          placeholder={t('common.all')}
          value={entityType}
          onChange={setEntityType}
          data={AUDIT_ENTITY_TYPES.map((type) => ({ value: type, label: typeLabel(type) }))}
        />
        <OrgSelect label={t('audit.organisation')} value={organisationId} onChange={setOrganisationId} clearable placeholder={t('common.all')} />
      </SimpleGrid>
      {query.isPending && <Loading />}
      <ErrorAlert error={query.error} />
      {query.isSuccess && entries.length === 0 && <Text>{t('audit.empty')}</Text>}
      {entries.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="xs" aria-label={t('audit.caption')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('audit.at')}</Table.Th>
                <Table.Th scope="col">{t('audit.actor')}</Table.Th>
                <Table.Th scope="col">{t('audit.action')}</Table.Th>
                <Table.Th scope="col">{t('audit.entity')}</Table.Th>
                <Table.Th scope="col">{t('audit.changes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(e.at)}</Table.Td>
                  <Table.Td>{e.actor?.displayName ?? t('audit.system')}</Table.Td>
                  <Table.Td>
                    <Code>{e.action}</Code>
                  </Table.Td>
                  <Table.Td>
                    <AuditEntity entry={e} />
                  </Table.Td>
                  <Table.Td>
                    <Changes changes={e.changes} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {query.hasNextPage ? (
        <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} w="fit-content">
          {t('audit.loadMore')}
        </Button>
      ) : (
        entries.length > 0 && <Text size="sm">{t('audit.end')}</Text>
      )}
    </Stack>
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('audit.title'));
  return (
    <RequireRole roles={['system_admin', 'standing_officer']}>
      <AuditLog />
    </RequireRole>
  );
}
