import { useId, useRef } from 'react';
import { Group, Text, TextInput } from '@mantine/core';
import {
  formatDocumentNumber, isDocumentSymbol, MAX_SYMBOL_LENGTH, normaliseSymbol, parseDocumentNumber, parseSequenceNumber,
} from '../../shared/document-number.ts';
import { useTexts } from '../i18n/texts.ts';
import { appTexts } from './text.ts';

/** The field's state: the number as typed (null until the officer types one: the register's proposal shows) and the symbol. */
export interface DocumentNumberValue { number: string | null; symbol: string }

/** The number and symbol to send, or null while either is not one (the submit button waits). */
export function documentNumberOf(value: DocumentNumberValue, proposed: number | undefined) {
  const number = parseSequenceNumber(value.number ?? (proposed ? String(proposed) : ''));
  const symbol = value.symbol.trim();
  return number !== null && isDocumentSymbol(symbol) ? { number, symbol } : null;
}

interface Props {
  numberLabel: string;
  value: DocumentNumberValue;
  onChange: (value: DocumentNumberValue) => void;
  /** the register's next number for the issuer, symbol and year */
  proposed: number | undefined;
  autoFocus?: boolean;
}

/**
 * A document's number ("512") beside its symbol ("QĐ-SGDĐT"), both text: what is typed is kept as typed and checked,
 * never turned into another number (a number input once made "512/QĐ-SGDĐT" into -512, then 1). Typing or pasting the
 * whole "512/QĐ-SGDĐT" into the number splits it; typing the slash moves on to the symbol.
 */
export function DocumentNumberField({ numberLabel, value, onChange, proposed, autoFocus }: Props) {
  const { t } = useTexts(appTexts);
  const symbolRef = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const shown = value.number ?? (proposed ? String(proposed) : '');
  const whole = documentNumberOf(value, proposed);

  const typeNumber = (text: string) => {
    const slash = text.indexOf('/');
    if (slash < 0) return onChange({ ...value, number: text });
    const parsed = parseDocumentNumber(text);
    if (parsed) return onChange({ number: String(parsed.number), symbol: parsed.symbol });
    const rest = normaliseSymbol(text.slice(slash + 1));
    onChange({ number: text.slice(0, slash).trim(), symbol: rest || value.symbol });
    // "512/" typed key by key: the symbol comes next, in its own field, ready to be typed over
    if (!rest) {
      symbolRef.current?.focus();
      symbolRef.current?.select();
    }
  };

  return (
    <div>
      <Group align="flex-start" wrap="nowrap" gap="xs">
        <TextInput
          label={numberLabel} required inputMode="numeric" autoComplete="off" w="9rem" style={{ flexShrink: 0 }}
          value={shown} onChange={(e) => typeNumber(e.currentTarget.value)} data-autofocus={autoFocus || undefined}
          error={shown && parseSequenceNumber(shown) === null ? t('documentNumber.numberInvalid') : undefined}
          aria-describedby={hintId} data-testid="document-number"
        />
        <TextInput
          ref={symbolRef} label={t('documentNumber.symbol')} required autoComplete="off" style={{ flex: 1, minWidth: 0 }}
          maxLength={MAX_SYMBOL_LENGTH} placeholder={t('documentNumber.symbolHint')}
          value={value.symbol} onChange={(e) => onChange({ ...value, symbol: normaliseSymbol(e.currentTarget.value) })}
          error={value.symbol && !isDocumentSymbol(value.symbol) ? t('documentNumber.symbolInvalid') : undefined}
          data-testid="document-symbol"
        />
      </Group>
      <Text id={hintId} size="xs" c="dimmed" mt={4}>
        {value.number === null && proposed ? t('documentNumber.proposed', { number: proposed }) : t('documentNumber.numberHint')}
      </Text>
      {whole && <Text size="sm" fw={600} mt={4} role="status" data-testid="document-number-whole">
        {t('documentNumber.whole', { value: formatDocumentNumber(whole.number, whole.symbol) })}
      </Text>}
    </div>
  );
}
