import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../app/ConfirmButton.tsx';
import { formatDate } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { useDeleteEmployment } from './api.ts';
import type { Person } from './types.ts';

export function EmploymentTable({ person, editable }: { person: Person; editable: boolean }) {
  const { t } = useTranslation();
  const remove = useDeleteEmployment(person.id);
  if (person.employments.length === 0) return <Text>{t('employment.empty')}</Text>;

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped aria-label={t('employment.caption', { name: person.fullName })}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('employment.organisation')}</Table.Th>
            <Table.Th scope="col">{t('employment.position')}</Table.Th>
            <Table.Th scope="col">{t('employment.leader')}</Table.Th>
            <Table.Th scope="col">{t('employment.from')}</Table.Th>
            <Table.Th scope="col">{t('employment.to')}</Table.Th>
            {editable && <Table.Th scope="col">{t('employment.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {person.employments.map((e) => {
            const to = e.endDate ? formatDate(e.endDate) : t('common.present');
            return (
              <Table.Tr key={e.id}>
                <Table.Td>
                  <AnchorLink to="/to-chuc/$id" params={{ id: e.organisationId }}>
                    {e.organisationName}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>{e.position}</Table.Td>
                <Table.Td>{e.isLeader ? t('common.yes') : t('common.no')}</Table.Td>
                <Table.Td>{formatDate(e.startDate)}</Table.Td>
                <Table.Td>{to}</Table.Td>
                {editable && (
                  <Table.Td>
                    <ConfirmButton
                      size="xs"
                      variant="subtle"
                      color="red"
                      label={t('employment.deleteLabel', { organisation: e.organisationName })}
                      question={t('employment.deleteConfirm', { organisation: e.organisationName, from: formatDate(e.startDate), to })}
                      confirmLabel={t('common.delete')}
                      onConfirm={() => remove.mutateAsync(e.id)}
                    >
                      {t('common.delete')}
                    </ConfirmButton>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
