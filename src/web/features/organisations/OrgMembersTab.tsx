import { useState } from 'react';
import { Stack, Table, Text } from '@mantine/core';
import { DateField } from '../../app/DateField.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDate, todayIso } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { Loading } from '../../app/Loading.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { StackedList } from '../../app/StackedList.tsx';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { useOrgMembers } from './api.ts';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

export function OrgMembersTab({ id }: { id: string }) {
  const { t } = useTexts(appTexts);
  const [asOf, setAsOf] = useState(todayIso());
  const query = useOrgMembers(id, asOf || todayIso());
  const members = query.data ?? [];
  const phone = useIsPhone();
  const until = (endDate: string | null) => (endDate ? formatDate(endDate) : t('common.present'));

  return (
    <Stack>
      <DateField label={t('org.members.asOf')} value={asOf} onChange={setAsOf} maw={180} />
      {query.isPending && <Loading />}
      <ErrorAlert error={query.error} />
      {query.isSuccess && members.length === 0 && <Text>{t('org.members.empty')}</Text>}
      {members.length > 0 && phone && (
        <StackedList
          label={t('org.members.caption')}
          items={members.map((m) => ({
            key: `${m.personId}-${m.startDate}`,
            title: (
              <AnchorLink to="/ca-nhan/$id" params={{ id: m.personId }}>
                {m.fullName}
              </AnchorLink>
            ),
            lines: [
              { label: t('org.members.position'), value: m.position },
              { label: t('org.members.period'), value: `${formatDate(m.startDate)} – ${until(m.endDate)}` },
              { label: t('org.members.leader'), value: m.isLeader ? t('common.yes') : t('common.no') },
            ],
          }))}
        />
      )}
      {members.length > 0 && !phone && (
        <ScrollTable minWidth={600} label={t('org.members.caption')}>
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
                  <Table.Td>{until(m.endDate)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}
