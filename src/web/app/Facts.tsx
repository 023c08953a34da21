import type { ReactNode } from 'react';
import { Box, Text } from '@mantine/core';
import classes from './app.module.css';

/** A definition list of label → value, two columns on wide screens. */
export function Facts({ items }: { items: Array<{ label: string; value: ReactNode }> }) {
  return (
    <Box component="dl" className={classes.facts}>
      {items.map((item) => (
        <div key={item.label} className={classes.fact}>
          <Text component="dt" fw={600} size="sm">
            {item.label}
          </Text>
          <Text component="dd" m={0}>
            {item.value === null || item.value === undefined || item.value === '' ? '—' : item.value}
          </Text>
        </div>
      ))}
    </Box>
  );
}
