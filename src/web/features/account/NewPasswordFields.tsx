import { PasswordInput } from '@mantine/core';
import { useTexts } from '../../i18n/texts.ts';
import { newPasswordProblem } from './rules.ts';
import { accountTexts } from './text.ts';

/** A new password and its repetition, with the rule said up front and each problem under its own field. */
export function NewPasswordFields({ password, repeat, onPassword, onRepeat, tried, autoFocus = false }: {
  password: string; repeat: string; onPassword: (value: string) => void; onRepeat: (value: string) => void; tried: boolean; autoFocus?: boolean;
}) {
  const { t } = useTexts(accountTexts);
  const problem = tried ? newPasswordProblem(password, repeat) : null;
  return (
    <>
      <PasswordInput
        label={t('password.new')}
        description={t('password.newHint')}
        required
        autoComplete="new-password"
        autoFocus={autoFocus}
        value={password}
        error={problem === 'tooShort' ? t('password.tooShort') : undefined}
        onChange={(e) => onPassword(e.currentTarget.value)}
        data-testid="new-password"
      />
      <PasswordInput
        label={t('password.repeat')}
        required
        autoComplete="new-password"
        value={repeat}
        error={problem === 'mismatch' ? t('password.mismatch') : undefined}
        onChange={(e) => onRepeat(e.currentTarget.value)}
        data-testid="new-password-repeat"
      />
    </>
  );
}
