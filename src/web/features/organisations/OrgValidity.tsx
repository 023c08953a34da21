import { Text } from '@mantine/core';
import { formatDate } from '../../app/format.ts';
import { isEnded, isNotYetActive, type Org } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

/**
 * The one wording for an organisation's validity on a day: "Hoạt động đến 30/06/2025 → successor"
 * (red once it has ended), "Hoạt động từ 01/07/2025" when it has not started yet; nothing otherwise.
 */
export function OrgValidity({ org, asOf, successorName }: { org: Pick<Org, 'validFrom' | 'validTo'>; asOf: string; successorName?: string }) {
  const { t } = useTexts(appTexts);
  if (isNotYetActive(org, asOf)) {
    return (
      <Text size="sm" c="dimmed">
        {t('org.activeFrom', { date: formatDate(org.validFrom) })}
      </Text>
    );
  }
  if (!org.validTo) return null;
  const ended = isEnded(org, asOf);
  return (
    <Text size="sm" c={ended ? 'red.9' : 'dimmed'}>
      {t('org.activeUntil', { date: formatDate(org.validTo) })}
      {ended && successorName && ` → ${successorName}`}
    </Text>
  );
}
