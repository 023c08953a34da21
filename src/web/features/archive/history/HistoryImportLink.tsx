import { useAuth } from '../../../app/auth.tsx';
import { ButtonLink } from '../../../app/links.tsx';
import { useTexts } from '../../../i18n/texts.ts';
import { historyTexts } from './text.ts';

/** From the archive to the import of past decisions, for those who may import (award.import). */
export function HistoryImportLink() {
  const { t } = useTexts(historyTexts);
  const { hasRole } = useAuth();
  if (!hasRole('system_admin', 'standing_officer')) return null;
  return <ButtonLink to="/tra-cuu-khen-thuong/nhap-lich-su" variant="default" data-testid="history-import-link">{t('link')}</ButtonLink>;
}
