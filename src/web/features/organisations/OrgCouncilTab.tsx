import { Stack, Table, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { Facts } from '../../app/Facts.tsx';
import { formatDate } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { Loading } from '../../app/Loading.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { useOrgCouncil } from './api.ts';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

export function OrgCouncilTab({ id }: { id: string }) {
  const { t } = useTexts(appTexts);
  const query = useOrgCouncil(id);
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorAlert error={query.error} />;
  const council = query.data;
  if (!council) return <Text>{t('org.council.none')}</Text>;

  return (
    <Stack>
      <Title order={2} size="h3">
        {council.name}
      </Title>
      <Facts
        items={[
          { label: t('org.council.establishedBy'), value: council.establishedBy },
          { label: t('org.council.validFrom'), value: formatDate(council.validFrom) },
        ]}
      />
      <ScrollTable minWidth={340} label={t('org.council.caption')}>
        <Table striped aria-label={t('org.council.caption')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('org.council.fullName')}</Table.Th>
              <Table.Th scope="col">{t('org.council.role')}</Table.Th>
              <Table.Th scope="col">{t('org.council.title')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {council.members.map((m) => (
              <Table.Tr key={`${m.personId}-${m.role}`}>
                <Table.Td>
                  <AnchorLink to="/ca-nhan/$id" params={{ id: m.personId }}>
                    {m.fullName}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>{t(`org.council.roles.${m.role}`)}</Table.Td>
                <Table.Td>{m.title}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}
