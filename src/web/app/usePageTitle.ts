import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets <title> to "Page – App name" while the page is shown. */
export function usePageTitle(title: string | undefined): void {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} – ${appName}` : appName;
  }, [title, appName]);
}
