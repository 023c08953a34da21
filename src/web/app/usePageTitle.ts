import { useEffect } from 'react';
import { useTexts } from '../i18n/texts.ts';
import { appTexts } from './text.ts';

/** Sets <title> to "Page – App name" while the page is shown. */
export function usePageTitle(title: string | undefined): void {
  const { t } = useTexts(appTexts);
  const appName = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} – ${appName}` : appName;
  }, [title, appName]);
}
