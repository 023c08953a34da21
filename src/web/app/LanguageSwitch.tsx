import { Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../i18n/index.ts';

/** One button that switches to the other language; the choice is kept in localStorage. */
export function LanguageSwitch() {
  const { t } = useTranslation();
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
