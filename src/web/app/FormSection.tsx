import type { ReactNode } from 'react';
import { Fieldset, Text } from '@mantine/core';

/** A titled group of fields inside a form (a fieldset whose legend reads like a small heading). */
export function FormSection({ legend, hint, children }: { legend: string; hint?: string; children: ReactNode }) {
  return (
    <Fieldset
      legend={legend}
      variant="unstyled"
      m={0}
      pt="xs"
      style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
      styles={{ legend: { fontWeight: 700, fontSize: 'var(--mantine-font-size-md)', paddingInlineEnd: '0.5rem' } }}
    >
      {hint && (
        <Text size="sm" c="dimmed" mb="sm">
          {hint}
        </Text>
      )}
      {children}
    </Fieldset>
  );
}
