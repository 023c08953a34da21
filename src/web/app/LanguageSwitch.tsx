import { Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { currentLanguage, setLanguage } from '../i18n/index.ts';
import { useTexts } from '../i18n/texts.ts';
import { appTexts } from './text.ts';

/** One button that switches to the other language; the choice is kept in localStorage. */
export function LanguageSwitch() {
  const { t } = useTexts(appTexts);
  const queryClient = useQueryClient();
  const target = currentLanguage() === 'vi' ? 'en' : 'vi';
  return (
    <Button
      variant="default"
      size="xs"
      lang={target}
      title={t('app.switchLanguageTitle')}
      data-testid="lang-switch"
      onClick={() => {
        void setLanguage(target).then(() => queryClient.invalidateQueries());
      }}
    >
      {t('app.switchLanguage')}
    </Button>
  );
}
