import { Table } from '@mantine/core';
import { AnchorLink } from '../../app/links.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { StackedList } from '../../app/StackedList.tsx';
import { useIsPhone } from '../../app/useIsPhone.ts';
import type { PersonListItem } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';
import { residentsTexts } from './residents-text.ts';

/** Rows come sorted by the server (given name, middle, family — the Vietnamese order). */
export function PeopleTable({ items }: { items: PersonListItem[] }) {
  const { t } = useTexts(appTexts);
  const { t: rt } = useTexts(residentsTexts);
  const phone = useIsPhone();
  // a resident has no post: the village of their commune says where they belong
  const postOf = (p: PersonListItem) => p.position ?? (p.village !== null ? rt('residentOf', { village: p.village }) : null);
  if (phone) {
    return (
      <StackedList
        label={t('people.caption')}
        empty={t('people.empty')}
        testId="people-table"
        items={items.map((p) => ({
          key: p.id,
          title: (
            <AnchorLink to="/ca-nhan/$id" params={{ id: p.id }}>
              {p.fullName}
            </AnchorLink>
          ),
          lines: [
            { label: t('person.code'), value: p.code },
            { label: t('people.position'), value: postOf(p) },
            { label: t('people.organisation'), value: p.organisation?.name },
            { label: t('people.birthYear'), value: p.birthYear },
            { label: t('people.gender'), value: t(`gender.${p.gender}`) },
          ],
        }))}
      />
    );
  }
  return (
    <ScrollTable minWidth={700} label={t('people.caption')}>
      <Table striped highlightOnHover aria-label={t('people.caption')} data-testid="people-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('people.fullName')}</Table.Th>
            <Table.Th scope="col">{t('person.code')}</Table.Th>
            <Table.Th scope="col">{t('people.birthYear')}</Table.Th>
            <Table.Th scope="col">{t('people.gender')}</Table.Th>
            <Table.Th scope="col">{t('people.organisation')}</Table.Th>
            <Table.Th scope="col">{t('people.position')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={6}>{t('people.empty')}</Table.Td>
            </Table.Tr>
          )}
          {items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <AnchorLink to="/ca-nhan/$id" params={{ id: p.id }}>
                  {p.fullName}
                </AnchorLink>
              </Table.Td>
              <Table.Td>{p.code}</Table.Td>
              <Table.Td>{p.birthYear}</Table.Td>
              <Table.Td>{t(`gender.${p.gender}`)}</Table.Td>
              <Table.Td>{p.organisation?.name}</Table.Td>
              <Table.Td>{postOf(p)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
