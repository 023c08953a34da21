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
import { auditTexts } from './text.ts';

/** Audit entries, newest first: a table, or on phones a list of cards. */
export function AuditEntries({ entries }: { entries: AuditEntry[] }) {
  const audit = useTexts(auditTexts);
  const text = useAuditText();
  const phone = useIsPhone();
  const actor = (e: AuditEntry) => e.actor?.displayName ?? audit.t('system');

  if (phone) {
    return (
      <StackedList
        label={audit.t('caption')}
        items={entries.map((e) => ({
          key: e.id,
          title: text.action(e.action),
          lines: [
            { label: audit.t('at'), value: formatInstant(e.at) },
            { label: audit.t('actor'), value: actor(e) },
            { label: audit.t('entity'), value: <AuditEntity entry={e} text={text} /> },
            { label: audit.t('changes'), value: Object.keys(e.changes).length > 0 ? <Changes changes={e.changes} text={text} /> : null },
          ],
        }))}
      />
    );
  }

  return (
    <ScrollTable minWidth={900} label={audit.t('caption')}>
      <Table striped verticalSpacing="xs" aria-label={audit.t('caption')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{audit.t('at')}</Table.Th>
            <Table.Th scope="col">{audit.t('actor')}</Table.Th>
            <Table.Th scope="col">{audit.t('action')}</Table.Th>
            <Table.Th scope="col">{audit.t('entity')}</Table.Th>
            <Table.Th scope="col">{audit.t('changes')}</Table.Th>
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
