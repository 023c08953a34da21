import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../app/links.tsx';
import type { PersonListItem } from './types.ts';

/** Rows come sorted by the server (given name, middle, family — the Vietnamese order). */
export function PeopleTable({ items }: { items: PersonListItem[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped highlightOnHover aria-label={t('people.caption')} data-testid="people-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('people.fullName')}</Table.Th>
            <Table.Th scope="col">{t('people.birthYear')}</Table.Th>
            <Table.Th scope="col">{t('people.gender')}</Table.Th>
            <Table.Th scope="col">{t('people.organisation')}</Table.Th>
            <Table.Th scope="col">{t('people.position')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={5}>{t('people.empty')}</Table.Td>
            </Table.Tr>
          )}
          {items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <AnchorLink to="/ca-nhan/$id" params={{ id: p.id }}>
                  {p.fullName}
                </AnchorLink>
              </Table.Td>
              <Table.Td>{p.birthYear}</Table.Td>
              <Table.Td>{t(`gender.${p.gender}`)}</Table.Td>
              <Table.Td>{p.organisation?.name}</Table.Td>
              <Table.Td>{p.position}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
