import { Group, Pagination, Text } from '@mantine/core';
import { useTexts } from '../i18n/texts.ts';
import { appTexts } from './text.ts';

/** Page-number paging with named controls, inside its own labelled nav region. */
export function Pager({ page, total, pageSize, onChange, totalCapped = false, hasNext = false }: {
  page: number; total: number; pageSize: number; onChange: (page: number) => void;
  /** the list counted only up to `total` and there are more ("1–20 of more than 1,000"); hasNext says whether a next page exists */
  totalCapped?: boolean; hasNext?: boolean;
}) {
  const { t, lang } = useTexts(appTexts);
  // a capped total does not know the last page: offer the pages up to the one after this, while there is one
  const pages = totalCapped ? Math.max(page + (hasNext ? 1 : 0), Math.ceil(total / pageSize)) : Math.max(1, Math.ceil(total / pageSize));
  const from = (page - 1) * pageSize + 1;
  const shownTo = Math.min(page * pageSize, totalCapped ? page * pageSize : total);
  const controlLabels = {
    first: t('common.firstPage'),
    last: t('common.lastPage'),
    previous: t('common.previousPage'),
    next: t('common.nextPage'),
  };
  return (
    <Group justify="space-between" mt="md" wrap="wrap">
      <Text size="sm">{totalCapped
        ? t('common.rangeOfMore', { from: from.toLocaleString(lang), to: shownTo.toLocaleString(lang), count: total.toLocaleString(lang) })
        : t('common.total', { count: total })}</Text>
      {pages > 1 && (
        <nav aria-label={t('common.pagination')}>
          <Pagination
            value={page}
            total={pages}
            onChange={onChange}
            siblings={1}
            getControlProps={(control) => ({ 'aria-label': controlLabels[control] })}
            getItemProps={(p) => ({ 'aria-label': t('common.page', { page: p }) })}
          />
        </nav>
      )}
    </Group>
  );
}
