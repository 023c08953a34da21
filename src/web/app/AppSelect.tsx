import { useId } from 'react';
import { Input, Select, type SelectProps } from '@mantine/core';
import { useTexts } from '../i18n/texts.ts';
import { appTexts } from './text.ts';

export interface AppSelectProps extends Omit<SelectProps, 'label' | 'error' | 'description'> {
  label: string;
  description?: string;
  error?: string;
}

/**
 * Mantine's Select, labelled so that the field alone answers to its label: Mantine keeps the
 * (hidden) option list mounted and labels it with the field's label too, which makes
 * `getByLabel('Đơn vị')` ambiguous. Here the list gets its own generic name instead.
 */
export function AppSelect({ label, description, error, required, id, clearButtonProps, ...rest }: AppSelectProps) {
  const { t } = useTexts(appTexts);
  const reactId = useId();
  const inputId = id ?? `select-${reactId.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const describedBy = [error && `${inputId}-error`, description && `${inputId}-description`].filter(Boolean).join(' ');
  return (
    <Input.Wrapper id={inputId} label={label} description={description} error={error} required={required}>
      <Select
        id={inputId}
        aria-labelledby={`${inputId}-label`}
        aria-label={t('common.options')}
        aria-describedby={describedBy || undefined}
        required={required}
        error={Boolean(error)}
        clearButtonProps={{ 'aria-label': t('common.clear'), ...clearButtonProps }}
        // The listbox itself scrolls (no inner ScrollArea div), so it stays a proper combobox popup
        // for assistive technology (axe: scrollable-region-focusable, aria-required-children).
        withScrollArea={false}
        styles={{ options: { maxHeight: '16rem', overflowY: 'auto' } }}
        {...rest}
      />
    </Input.Wrapper>
  );
}
