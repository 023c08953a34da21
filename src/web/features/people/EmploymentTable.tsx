import { Table, Text } from '@mantine/core';
import { ConfirmButton } from '../../app/ConfirmButton.tsx';
import { formatDate } from '../../app/format.ts';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { StackedList } from '../../app/StackedList.tsx';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { OrgLink } from '../organisations/OrgLink.tsx';
import { useDeleteEmployment } from './api.ts';
import type { Employment, Person } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

export function EmploymentTable({ person, editable }: { person: Person; editable: boolean }) {
  const { t } = useTexts(appTexts);
  const remove = useDeleteEmployment(person.id);
  const phone = useIsPhone();
  if (person.employments.length === 0) return <Text>{t('employment.empty')}</Text>;

  const caption = t('employment.caption', { name: person.fullName });
  const until = (e: Employment) => (e.endDate ? formatDate(e.endDate) : t('common.present'));
  const deleteButton = (e: Employment) => (
    <ConfirmButton
      size="xs"
      variant="subtle"
      color="red"
      label={t('employment.deleteLabel', { organisation: e.organisationName })}
      question={t('employment.deleteConfirm', { organisation: e.organisationName, from: formatDate(e.startDate), to: until(e) })}
      confirmLabel={t('common.delete')}
      onConfirm={() => remove.mutateAsync(e.id)}
    >
      {t('common.delete')}
    </ConfirmButton>
  );

  if (phone) {
    return (
      <StackedList
        label={caption}
        items={person.employments.map((e) => ({
          key: e.id,
          title: <OrgLink id={e.organisationId} name={e.organisationName} />,
          lines: [
            { label: t('employment.position'), value: e.position },
            { label: t('employment.period'), value: `${formatDate(e.startDate)} – ${until(e)}` },
            { label: t('employment.leader'), value: e.isLeader ? t('common.yes') : t('common.no') },
          ],
          actions: editable ? deleteButton(e) : undefined,
        }))}
      />
    );
  }

  return (
    <ScrollTable minWidth={640} label={caption}>
      <Table striped aria-label={caption}>
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
          {person.employments.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>
                <OrgLink id={e.organisationId} name={e.organisationName} />
              </Table.Td>
              <Table.Td>{e.position}</Table.Td>
              <Table.Td>{e.isLeader ? t('common.yes') : t('common.no')}</Table.Td>
              <Table.Td>{formatDate(e.startDate)}</Table.Td>
              <Table.Td>{until(e)}</Table.Td>
              {editable && <Table.Td>{deleteButton(e)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
