import { Group, Pagination, Text } from '@mantine/core';
import { useTexts } from '../i18n/texts.ts';
import { appTexts } from './text.ts';

/** Page-number paging with named controls, inside its own labelled nav region. */
export function Pager({ page, total, pageSize, onChange }: { page: number; total: number; pageSize: number; onChange: (page: number) => void }) {
  const { t } = useTexts(appTexts);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const controlLabels = {
    first: t('common.firstPage'),
    last: t('common.lastPage'),
    previous: t('common.previousPage'),
    next: t('common.nextPage'),
  };
  return (
    <Group justify="space-between" mt="md" wrap="wrap">
      <Text size="sm">{t('common.total', { count: total })}</Text>
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
