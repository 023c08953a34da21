import { useState } from 'react';
import { Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDate, todayIso } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { Loading } from '../../app/Loading.tsx';
import { useOrgMembers } from './api.ts';

export function OrgMembersTab({ id }: { id: string }) {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState(todayIso());
  const query = useOrgMembers(id, asOf || todayIso());
  const members = query.data ?? [];

  return (
    <Stack>
      <TextInput type="date" label={t('org.members.asOf')} value={asOf} onChange={(e) => setAsOf(e.currentTarget.value)} maw={220} />
      {query.isPending && <Loading />}
      <ErrorAlert error={query.error} />
      {query.isSuccess && members.length === 0 && <Text>{t('org.members.empty')}</Text>}
      {members.length > 0 && (
        <Table.ScrollContainer minWidth={600}>
          <Table striped aria-label={t('org.members.caption')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('org.members.fullName')}</Table.Th>
                <Table.Th scope="col">{t('org.members.position')}</Table.Th>
                <Table.Th scope="col">{t('org.members.leader')}</Table.Th>
                <Table.Th scope="col">{t('org.members.from')}</Table.Th>
                <Table.Th scope="col">{t('org.members.to')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.map((m) => (
                <Table.Tr key={`${m.personId}-${m.startDate}`}>
                  <Table.Td>
                    <AnchorLink to="/ca-nhan/$id" params={{ id: m.personId }}>
                      {m.fullName}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{m.position}</Table.Td>
                  <Table.Td>{m.isLeader ? t('common.yes') : t('common.no')}</Table.Td>
                  <Table.Td>{formatDate(m.startDate)}</Table.Td>
                  <Table.Td>{m.endDate ? formatDate(m.endDate) : t('common.present')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
