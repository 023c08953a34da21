import { Table } from '@mantine/core';
import { formatInstant } from '../../app/format.ts';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { StackedList } from '../../app/StackedList.tsx';
import { useIsPhone } from '../../app/useIsPhone.ts';
import type { AuditEntry } from './api.ts';
import { AuditEntity } from './AuditEntity.tsx';
import { Changes } from './Changes.tsx';
import { useAuditText } from './useAuditText.ts';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

/** Audit entries, newest first: a table, or on phones a list of cards. */
export function AuditEntries({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTexts(appTexts);
  const text = useAuditText();
  const phone = useIsPhone();
  const actor = (e: AuditEntry) => e.actor?.displayName ?? t('audit.system');

  if (phone) {
    return (
      <StackedList
        label={t('audit.caption')}
        items={entries.map((e) => ({
          key: e.id,
          title: text.action(e.action),
          lines: [
            { label: t('audit.at'), value: formatInstant(e.at) },
            { label: t('audit.actor'), value: actor(e) },
            { label: t('audit.entity'), value: <AuditEntity entry={e} text={text} /> },
            { label: t('audit.changes'), value: Object.keys(e.changes).length > 0 ? <Changes changes={e.changes} text={text} /> : null },
          ],
        }))}
      />
    );
  }

  return (
    <ScrollTable minWidth={900} label={t('audit.caption')}>
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
              <Table.Td>{actor(e)}</Table.Td>
              <Table.Td>{text.action(e.action)}</Table.Td>
              <Table.Td>
                <AuditEntity entry={e} text={text} />
              </Table.Td>
              <Table.Td>
                <Changes changes={e.changes} text={text} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
